"""Romanian one-word names (component `mentions`): a surname or a given name standing alone ("Iohannis a
spus", "potrivit lui Ponta") that the Romanian model marks PERSON is kept as a mention only when something
grounds it:

- the article names the person in full: the word is the given name or the surname of exactly one full name
  found in it (the mention is that person's);
- its context says a person: right before it a title or role word ("premierul", "domnul", "pastorului"),
  the article "lui" ("activitatea lui Vulpescu"), a reporting verb ("potrivit lui Ponta", "a spus Ponta")
  or a direct object doubled by a clitic and marked by "pe" ("l-au găsit pe Tromp"); right after it a
  reporting verb ("Ponta a declarat") or a verb in the compound perfect ("Drogba a continuat");
- a lexicon made for the purpose says it is a name: a given name of the model's name lexicon (Faker's first
  names of every Latin-script locale), a Romanian surname there, or a Romanian surname form (-escu, -eanu...).

A mention grounded by context or lexicon alone is a person named by one word: it gets no page of its own
in the archive (builder.site.render.paged_people: a page needs a full name). A stop word ("El", a pronoun
RONEC marks as a person), a word after a preposition of place ("La Washington") and a word with the
definite article that the lexicon does not know ("Kievul") are none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from builder import lang as packs

RO = packs.pack("ro")
TITLE = re.compile(r"(?:" + "|".join(RO.PERSON_TITLE_STEMS) + r")(?:" + RO.PERSON_TITLE_ENDINGS + r")", re.IGNORECASE)
"""A title or role word before a name, in any case ending ("premierului", "Ministrul", "dna")."""
_SPEECH = r"(?:" + "|".join(RO.SPEECH_VERBS) + r")"
_SPEECH_AFTER = re.compile(r"\s*,?\s+" + _SPEECH + r"(?!\w)", re.IGNORECASE)
_PERFECT_AFTER = re.compile(r"\s+" + RO.PERFECT_AFTER)
_ARTICLE_BEFORE = re.compile(r"(?<!\w)" + RO.PERSON_ARTICLE + r"\s+$")
_SPEECH_BEFORE = re.compile(r"(?<!\w)(?:" + _SPEECH + r"(?:\s+lui)?|" + RO.PERSONAL_OBJECT + r")\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w.-]+)\s+$")
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(RO.PLACE_PREPOSITIONS) + r")\s+$", re.IGNORECASE)
_ARTICLED = re.compile(RO.ARTICLED)
_SURNAME_FORM = re.compile(r"\w{2,}(?:" + "|".join(RO.SURNAME_FORMS) + r")$")


def grounded(text: str, start: int, end: int) -> bool:
    """Whether a one-word name the model marks, text[start:end], names a person by itself: its context or
    the lexicon say so, it is no stop word ("El", "Ei": RONEC marks pronouns) nor a word with the definite
    article ("Kievul a transmis"), and no preposition of place comes before it ("La Washington")."""
    from builder.annotate.nlp import romanian_stop_word

    word = text[start:end]
    if romanian_stop_word(word) or _PLACE_BEFORE.search(text, max(0, start - 12), start) or articled(word):
        return False
    return in_context(text, start, end) or in_lexicon(word)


def articled(word: str) -> bool:
    """Whether a word carries the enclitic definite article and the name lexicon does not know it ("Kievul"
    yes, "Paul" no)."""
    from builder.annotate.nlp import name_lexicon

    return bool(_ARTICLED.fullmatch(word)) and not any(name_lexicon(word).values())


def in_context(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] say it names a person (see the module's docstring)."""
    before = text[max(0, start - 60):start]
    word = _WORD_BEFORE.search(before)
    if word and TITLE.fullmatch(word.group(1).rstrip(".")):
        return True
    return bool(_SPEECH_AFTER.match(text, end) or _SPEECH_BEFORE.search(before) or _PERFECT_AFTER.match(text, end)
                or _ARTICLE_BEFORE.search(before))


@lru_cache(maxsize=4096)
def in_lexicon(word: str) -> bool:
    """Whether the name lexicon says a word is a given name or a Romanian surname, or it has the form of one."""
    from builder.annotate.nlp import name_lexicon

    known = name_lexicon(word)
    return known["first"] or known["ro_first"] or known["ro_last"] or bool(_SURNAME_FORM.fullmatch(word))
