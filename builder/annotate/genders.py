"""Whose "he" and whose "she": the gender a pronoun asks for and the gender a person's first name tells.

A pronoun's gender is its language pack's (`PRONOUN_GENDERS`: "he" -> m, "она" -> f). A person's is their
first name's in builder/lang/given_genders.txt (made by training/given_genders.py from Faker's male and
female first names and the Russian and Ukrainian dictionaries' first names; a name given to both genders is
not in it). The first name is the first word of the knowledge base's name, else of a spelling the article
uses, else of the person's id. None when nothing tells. The speech component lets "she" stand for nobody
whose first name is a man's, and "he" for no woman (builder.annotate.speech, SpeechReader.salient).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from builder import lang as packs
from builder.text import CYRILLIC, ascii_fold, name_key, romanise

TABLE = Path(packs.__file__).with_name("given_genders.txt")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    pairs = (line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {key: gender for key, gender in pairs}


def pronoun_gender(word: str, lang: str) -> str | None:
    """"m" or "f" for a third-person pronoun of the language, None for one without a gender."""
    return packs.own(lang, "PRONOUN_GENDERS", {}).get(word.lower())


@lru_cache(maxsize=50_000)
def name_gender(first: str) -> str | None:
    """The gender the lexicon gives a first name ("Iryna" -> f, "Volodymyr" -> m), None when it gives none."""
    first = first.strip(".,’'")
    if len(first) < 2 or not first[:1].isupper():
        return None
    table = _table()
    if CYRILLIC.search(first):
        word = first[:1].upper() + first[1:].lower()
        found = {table.get("~" + name_key(romanise(word, lang))) for lang in ("ru", "uk")} - {None}
        return found.pop() if len(found) == 1 else None
    return table.get(ascii_fold(first).lower()) or table.get("~" + name_key(first))


def person_gender(names: Iterable[str]) -> str | None:
    """The gender of the first of a person's names (knowledge-base name, spellings, id words) whose first
    word the lexicon knows; None when none is known or two of them disagree."""
    found = set()
    for name in names:
        words = name.split()
        if len(words) > 1:  # a surname alone tells nothing
            gender = name_gender(words[0])
            if gender:
                found.add(gender)
    return found.pop() if len(found) == 1 else None
