"""Mentions -> canonical people and events: spellings, transliterations, surnames, unknown names.

One PersonIndex is built from the knowledge base and shared by every article. It finds every spelling
of every known person in a text (with Russian and Ukrainian case endings), and maps a name found by
the language model to a known person when only the transliteration differs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator

from builder import lang as packs
from builder.annotate.lexicon import NAME_PARTICLES, TITLES
from builder.model import Event, KnowledgeBase
from builder.text import CYRILLIC, name_key, romanise, slug, sound_key


def _cyrillic_word(word: str) -> str:
    """A pattern for a Cyrillic name word with its case endings (Песков, Пескова, Пескову, Песковым)."""
    stem, endings = _stem_and_endings(word)
    return re.escape(stem) + f"(?:{endings})"


def _stem_and_endings(word: str) -> tuple[str, str]:
    """The stem of a Cyrillic name word and the alternation of its case endings, by the kind of word its
    nominative ending shows (the language packs' NAME_ENDINGS)."""
    lower = word.lower()
    for nominative, endings in _NAME_ENDINGS:
        if not nominative or any(lower.endswith(n) for n in nominative):
            size = len(nominative[0]) if nominative else 0
            return (word[:-size] if size else word), endings
    raise AssertionError("the last kind of name word has no nominative ending and takes every word")


def _name_endings() -> list[tuple[tuple[str, ...], str]]:
    kinds: dict[str, tuple[list[str], list[str]]] = {}
    for ending_table in packs.every_dict("NAME_ENDINGS"):
        for kind, (nominative, endings) in ending_table.items():
            entry = kinds.setdefault(kind, ([], []))
            entry[0].extend(nominative)
            entry[1].append(endings)
    return [(tuple(nominative), "|".join(endings)) for nominative, endings in kinds.values()]


_NAME_ENDINGS = _name_endings()


def must_contain(phrase: str) -> str:
    """Lowercase text that every match of a pattern for this phrase contains (spelling, alias or keyword):
    its first word, without the case ending a Cyrillic pattern allows. A plain `in` test on the lowercased
    text skips the patterns that cannot match, far cheaper than running each over the whole text. (Python's
    case-insensitive matching also pairs a few exotic letters, such as the Kelvin sign with k, that lower()
    does not; text using those in place of ordinary letters is not worth a pass per pattern.)"""
    words = phrase.split()
    if not words:
        return ""
    return (_stem_and_endings(words[0])[0] if CYRILLIC.search(words[0]) else words[0]).lower()


def spelling_pattern(spelling: str) -> str:
    """A regular expression for one spelling: whole words, flexible spaces, Cyrillic case endings."""
    return r"(?<!\w)" + _spelling_body(spelling) + r"(?!\w)"


def _spelling_body(spelling: str) -> str:
    words = spelling.split()
    return r"\s+".join(_cyrillic_word(w) if CYRILLIC.search(w) else re.escape(w) for w in words)


class _Spellings:
    """Finds many spellings in a text as one alternation would (the earliest spelling in the list wins at
    a position; matches do not overlap), but fast: a plain alternation of hundreds of spellings tries
    every one at every character, which made it the slowest part of annotation. Here only the starts of
    words beginning with a letter some spelling begins with are tried, and at each only the spellings
    whose first two letters are there (in their original order)."""

    def __init__(self, spellings: list[str]):
        by_prefix: dict[str, list[int]] = defaultdict(list)
        by_first: dict[str, list[int]] = defaultdict(list)
        anywhere: list[int] = []
        for index, spelling in enumerate(spellings):
            words = spelling.split()
            first = (_stem_and_endings(words[0])[0] if CYRILLIC.search(words[0]) else words[0]) if words else ""
            if len(first) >= 2:
                by_prefix[first[:2]].append(index)
            elif first:
                by_first[first].append(index)
            else:  # a Cyrillic word that is all case ending: it can start anywhere
                anywhere.append(index)
        heads = {key[0] for key in by_prefix} | set(by_first)

        def alternation(indices) -> re.Pattern[str]:
            return re.compile("|".join(f"(?P<p{i}>{_spelling_body(spellings[i])}(?!\\w))" for i in sorted(indices)))

        self._by_prefix = {key: alternation(found + by_first.get(key[0], []) + anywhere) for key, found in by_prefix.items()}
        self._by_first = {char: alternation(found + anywhere) for char, found in by_first.items()}
        self._anywhere = alternation(anywhere) if anywhere else None
        self._starts = re.compile(r"(?<!\w)" + ("" if anywhere else "[" + "".join(re.escape(h) for h in sorted(heads)) + "]"))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        while (start := self._starts.search(text, position)) is not None:
            at = start.start()
            pattern = self._by_prefix.get(text[at:at + 2]) or self._by_first.get(text[at:at + 1]) or self._anywhere
            match = pattern.match(text, at) if pattern is not None else None
            if match is None:
                position = at + 1
                continue
            yield match
            position = match.end()


@dataclass
class Found:
    """A span of text that names someone or something."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset after the last character."""
    id: str
    """Canonical id."""
    surface: str
    """The text as written."""
    inside_quote: bool = False
    """Whether the mention stands inside quotation marks (set by the annotator)."""
    modifier: bool = False
    """Whether the name modifies a noun ("Putin’s proposal", "the Trump administration")."""
    in_label: bool = False
    """Whether the mention is a transcript's speaker label ("Vladimir Putin:"), not part of what is said."""


class PersonIndex:
    """Finds known people in text and resolves names to canonical ids."""

    def __init__(self, kb: KnowledgeBase):
        self.people = {p.id: p for p in kb.people}
        spellings: dict[str, str] = {}
        for person in kb.people:
            for spelling in (person.name, *person.aliases):
                spellings.setdefault(spelling, person.id)
        # The surname alone names a person when no other known person has it.
        surname_owners: dict[str, set[str]] = {}
        for person in kb.people:
            for spelling in (person.name, *person.aliases):
                words = spelling.split()
                if not person.surname_alone:
                    surname_owners.setdefault(words[-1], set()).update(("", person.id))  # never unique
                    continue
                if len(words) > 1 and len(words[-1]) >= 3 and words[-1][0].isupper():
                    surname_owners.setdefault(words[-1], set()).add(person.id)
        for surname, owners in surname_owners.items():
            if len(owners) == 1:
                spellings.setdefault(surname, next(iter(owners)))
        self.key_to_id: dict[str, str] = {}
        self.surname_key_to_ids: dict[str, set[str]] = {}
        for spelling, pid in spellings.items():
            self.key_to_id.setdefault(name_key(spelling), pid)
            words = spelling.split()
            if len(words) > 1:
                self.surname_key_to_ids.setdefault(name_key(words[-1]), set()).add(pid)
        self.given_names = {name_key(s.split()[0]) for s in spellings if len(s.split()) > 1}
        # Full Latin-script names by sound key, for Cyrillic names whose English spelling romanising cannot
        # guess ("Тим Кук" / Tim Cook); a sound key two people share names neither.
        sounds: dict[str, set[str]] = {}
        for spelling, pid in spellings.items():
            if len(spelling.split()) > 1 and not CYRILLIC.search(spelling):
                sounds.setdefault(sound_key(spelling), set()).add(pid)
        self.sound_to_id = {sound: next(iter(ids)) for sound, ids in sounds.items() if len(ids) == 1}
        ordered = sorted(spellings.items(), key=lambda item: (-len(item[0]), item[0]))
        self.spellings = [spelling for spelling, _ in ordered]
        self._ids = [pid for _, pid in ordered]
        self._pattern = _Spellings(self.spellings) if ordered else None

    def is_given_name(self, word: str) -> bool:
        """Whether a word is the first name of someone in the knowledge base (any transliteration)."""
        return name_key(word) in self.given_names

    def find(self, text: str) -> list[Found]:
        """Every mention of a known person, left to right, longest spelling first."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            index = int(match.lastgroup[1:])
            found.append(Found(match.start(), match.end(), self._ids[index], match.group(0)))
        return found

    def resolve(self, name: str) -> str | None:
        """The known person a full name denotes, whatever its transliteration; None when unknown."""
        key = name_key(name)
        if key in self.key_to_id:
            return self.key_to_id[key]
        words = key.split()
        if len(words) > 1:
            owners = self.surname_key_to_ids.get(words[-1], set())
            for pid in sorted(owners):
                given = name_key(self.people[pid].name).split()[0]
                if given[:1] == words[0][:1] and len(owners) == 1:
                    return pid
        if len(words) > 1 and CYRILLIC.search(name):
            return self.sound_to_id.get(sound_key(name))
        return None


def clean_person_name(text: str) -> str:
    """Strip titles, possessives and stray punctuation from a name found by the language model."""
    text = " ".join(text.split())
    text = TITLES.sub("", text)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip(" ,.;:-–—\"'“”«»()[]")


def plausible_name(text: str) -> bool:
    """True when the text looks like a person's full or partial name."""
    words = text.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in text) or len(text) > 60:
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not (word[:1].isupper() and re.fullmatch(r"[\w.'’-]+", word)):
            return False
        if word.isupper() and len(word) > 3:
            return False
    return True


def unknown_person_id(name: str, lang: str | None = None) -> str:
    """The id of a person not in the knowledge base: the slug of the name, romanised when it is Cyrillic
    ("Тим Кук" -> tim-kuk). Spelling variants of one name, in either script, get one id when the archive
    is indexed (see builder.archive.index)."""
    return slug(romanise(name, lang), fallback="person")


def display_name(spellings: Counter) -> str:
    """The spelling to show for a person not in the knowledge base: the most common full spelling."""
    return sorted(spellings.items(), key=lambda item: (-len(item[0].split()) > 1, -item[1], item[0]))[0][0]


class EventIndex:
    """Finds knowledge-base events in text, honouring each event's date window."""

    def __init__(self, events: tuple[Event, ...]):
        self.events = {e.id: e for e in events}
        entries = []
        for event in events:
            for alias in sorted({event.name, *event.aliases}, key=lambda a: (-len(a), a)):
                flags = 0 if any(c.isupper() for c in alias) else re.IGNORECASE
                entries.append((re.compile(spelling_pattern(alias) if CYRILLIC.search(alias) else
                                           r"(?<![\w-])" + r"\s+".join(map(re.escape, alias.split())) + r"(?![\w-])", flags),
                                event.id, must_contain(alias)))
        self._entries = entries

    def find(self, text: str, when) -> list[Found]:
        """Mentions of events whose window admits an article of this date (any event when undated)."""
        found = []
        lowered = text.lower()
        for pattern, eid, literal in self._entries:
            if literal not in lowered:
                continue
            event = self.events[eid]
            if when is not None and ((event.valid_from and when < event.valid_from) or
                                     (event.valid_until and when > event.valid_until)):
                continue
            for match in pattern.finditer(text):
                found.append(Found(match.start(), match.end(), eid, match.group(0)))
        found.sort(key=lambda f: (f.start, -f.end))
        return found
