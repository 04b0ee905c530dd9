"""Language identification with py3langid (a maintained fork of langid.py that ships its model).

Restricted to the archive's configured languages, so that short Romanian text is not called Italian.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier


def identify(text: str, languages: tuple[str, ...]) -> str:
    """The most likely language of the text among the given ISO 639-1 codes."""
    if len(languages) == 1:
        return languages[0]
    code, _score = _identifier(tuple(sorted(languages))).classify(text[:5000])
    return code
