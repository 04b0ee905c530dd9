"""The language packs (builder.lang) compiled into the patterns the annotator uses, one language at a
time or for every language at once. No words of any language live here.

Each list entry of a pack is a regular-expression fragment matched as whole words, case-insensitively.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from builder import lang as packs


def _compile(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def inverting_pattern(lang: str) -> re.Pattern[str] | None:
    """Verbs of a language after which the speaker may be named; None where any verb may invert."""
    words = packs.pack(lang).INVERTING if packs.has(lang, "INVERTING") else None
    return re.compile(r"^(?:" + words + r")$", re.IGNORECASE) if words else None


@lru_cache(maxsize=None)
def speech_pattern(lang: str) -> re.Pattern[str]:
    """Reporting verbs of a language (English's for languages without a list)."""
    return _compile(packs.own(lang, "SPEECH_VERBS"))


@lru_cache(maxsize=None)
def naming_pattern(lang: str) -> re.Pattern[str] | None:
    """Verbs of naming of a language ("called it a “…”"), None when its pack has none."""
    words = packs.pack(lang).NAMING_VERBS if packs.has(lang, "NAMING_VERBS") else None
    return _compile(words) if words else None


@lru_cache(maxsize=None)
def pronoun_pattern(lang: str) -> re.Pattern[str]:
    """Third-person subject pronouns of a language."""
    return _compile(packs.own(lang, "PRONOUNS"))


@lru_cache(maxsize=None)
def role_pattern(lang: str) -> re.Pattern[str]:
    """Role nouns that refer back to a person named earlier."""
    return _compile(packs.own(lang, "ROLES"))


@lru_cache(maxsize=None)
def first_person_pattern(lang: str) -> re.Pattern[str] | None:
    """First-person words of a language (None when its pack has none)."""
    words = packs.pack(lang).FIRST_PERSON if packs.has(lang, "FIRST_PERSON") else None
    return re.compile(words) if words else None


@lru_cache(maxsize=None)
def title_tail_pattern(lang: str) -> re.Pattern[str]:
    """Where the name after a statement head ends."""
    return re.compile(packs.own(lang, "TITLE_TAIL"))


@lru_cache(maxsize=None)
def statement_pattern(lang: str) -> re.Pattern[str]:
    """The head of a title that presents the text as one person's words ("Statement by", "Звернення")."""
    return re.compile(r"^(?:" + packs.own(lang, "STATEMENT_HEAD") + r")")


@lru_cache(maxsize=None)
def statement_tail_pattern(lang: str) -> re.Pattern[str]:
    """The same head after a title's own headline and a dash or colon ("… - address by President …",
    "Стоїмо міцно: звернення Президента України")."""
    return re.compile(r"(?:\s[–—-]|:)\s+(?i:" + packs.own(lang, "STATEMENT_HEAD") + r")")


@lru_cache(maxsize=None)
def group_pattern(lang: str) -> re.Pattern[str]:
    """Subjects that mean both parties of a conversation, at the end of the words before a verb."""
    return re.compile(r"(?i)(?<!\w)(?:" + packs.own(lang, "GROUPS") + r")$")


OFFICE_HOLDERS: dict[str, list[tuple[date, str]]] = {k: v for p in packs.loaded().values()
                                                   for k, v in getattr(p, "OFFICE_HOLDERS", {}).items()}
"""Transcript labels that denote an office, not a name: the holder on the document's date speaks."""
TITLE_OFFICE_COUNTRY: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    k: (re.compile(own), re.compile(others)) for p in packs.loaded().values()
    for k, (own, others) in getattr(p, "TITLE_OFFICE_COUNTRY", {}).items()}
"""A title's bare office: words naming its country, and words naming the other countries of OFFICE_HOLDERS."""
ANONYMOUS_LABELS = frozenset(packs.every("ANONYMOUS_LABELS"))
"""Upper-case transcript labels of people who are not named: their turns are nobody's quotes."""
ANONYMOUS_MIXED_LABELS = frozenset(packs.every("ANONYMOUS_MIXED_LABELS"))
"""The same in Kremlin-style transcripts ("Question:")."""
ROLE_WORDS = frozenset(packs.every("ROLE_WORDS"))
"""Words of an office in a title: not part of a name."""
TITLES = re.compile(r"^(?:(?:" + "|".join(packs.every("TITLES")) + r")\.?\s+)+", re.IGNORECASE)
"""Titles before a name ("President", "Mr."), stripped from it."""
NAME_PARTICLES = set(packs.every("NAME_PARTICLES"))
"""Particles that stay lowercase inside names (de Gaulle, von der Leyen, bin Salman)."""
AND = re.compile(r"(?i)\s+(?:" + "|".join(packs.every("AND")) + r")\s+|\s*&\s*|,\s*")
"""Where a list of names splits ("X and Y", "X & Y", "X, Y")."""
THAT = "|".join(packs.every("THAT"))
"""The conjunctions that open a reported clause, as one alternation."""
CALENDAR = frozenset(w for entry in packs.every("MONTHS") + packs.every("WEEKDAYS") for w in entry.split())
"""Month and weekday names of every language, lower case: no part of a name."""
NOT_NAME_WORDS = frozenset(packs.every("NOT_NAME_WORDS"))
"""Ranks, honorifics and determiners: never a word of a person's name."""
NOT_PERSON_LABELS = frozenset(packs.every("NOT_PERSON_LABELS"))
"""Entity labels of things that are not people."""


def _quotation(opening: str, closing: str, inside_not: str) -> str:
    return re.escape(opening) + "[^" + re.escape(inside_not) + "]*[" + re.escape(closing) + "]"


QUOTE_PAIRS = re.compile("|".join(dict.fromkeys(_quotation(*marks) for marks in packs.every("QUOTES"))))
"""A quotation in the marks of any language: English curly and straight, Romanian „…”, Russian and
Ukrainian «…» (the one pattern for quotations)."""
OPENERS = "".join(dict.fromkeys(marks[0] for marks in packs.every("QUOTES")))
CLOSERS = "".join(dict.fromkeys(c for marks in packs.every("QUOTES") for c in marks[1]))
