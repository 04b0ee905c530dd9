"""Component `mentions`: every mention of a person, from the knowledge base's spellings and from the
names a language proposes (the English model's PERSON entities, the Romanian model's PERSON spans with
titles cut and feminine case endings undone, the Russian and Ukrainian dictionaries, name shapes
elsewhere)."""

from __future__ import annotations

import re
from collections import Counter

from builder import lang as packs
from builder.annotate import names, romanian
from builder.annotate.doc import Doc
from builder.annotate.lexicon import NAME_PARTICLES, NOT_NAME_WORDS, NOT_PERSON_LABELS, ROLE_WORDS, TITLES
from builder.model import KnowledgeBase
from builder.annotate.nlp import Span
from builder.annotate.resolve import Found, PersonIndex, clean_person_name, plausible_name, spelling_pattern, unknown_person_id
from builder.text import name_key

NAME_PAIR = re.compile(r"(?<![\w-])([" + packs.capitals() + r"][\w’'-]+)\s+([" + packs.capitals() + r"][\w’'-]+)(?![\w-])")
Candidate = tuple[int, int, str, str]
"""(start, end, as written, the name) of a name some language resource proposes."""


class Mentions:
    """Finds people: knowledge-base spellings first, then proposed names that are plausible and not an
    outlet, event or topic, then later surname-only mentions of the new ones."""

    name = "mentions"
    requires = ("text", "entities")
    assigns = ("people", "names", "in_kb")

    def __init__(self, kb: KnowledgeBase, index: PersonIndex):
        self.index = index
        self._outlet_names = {a.casefold() for o in kb.outlets for a in (o.name, *o.aliases)}
        self._event_names = {a.casefold() for e in kb.events for a in (e.name, *e.aliases)}
        # Topic keywords name things ("Nord Stream"), never people.
        self._event_names |= {k.rstrip("$").casefold() for t in kb.topics for k in t.keywords}

    def __call__(self, doc: Doc) -> None:
        known = self.index.find(doc.text)
        taken = [(f.start, f.end) for f in known]
        for found in known:
            doc.people.append(found)
            doc.in_kb[found.id] = True
        surnames: dict[str, str] = {}
        # A known surname inside a longer name that is someone else ("Mike Johnson" is not Boris Johnson).
        surname_only = {(f.start, f.end): f for f in known if " " not in f.surface}
        one_word: list[Candidate] = []
        for start, end, raw, name in self.candidates(doc.text, doc.lang, doc.entities):
            if "\n" in raw:
                continue
            overlapping = [(s, e) for s, e in taken if s < end and start < e]
            if overlapping and not self._replaces_surnames(doc, raw, name, overlapping, surname_only, taken):
                continue
            if not self._acceptable(name):
                continue
            if doc.lang == "ro" and len(name.split()) < 2 and self.index.resolve(name) is None:
                one_word.append((start, end, raw, name))  # decided once the article's full names are known
                continue
            found = self._mention(doc, start, end, raw, name, surnames)
            if found is not None:
                doc.people.append(found)
                taken.append((start, end))
        self._later_surnames(doc, surnames, taken)
        self._lone_first_names(doc, taken)
        self._one_word_names(doc, one_word, taken)
        doc.people.sort(key=lambda f: f.start)

    def _replaces_surnames(self, doc: Doc, raw: str, name: str, overlapping: list[tuple[int, int]],
                           surname_only: dict[tuple[int, int], Found], taken: list[tuple[int, int]]) -> bool:
        """A longer unknown name over bare known surnames takes their place; any other overlap loses."""
        inner = [surname_only.get(span) for span in overlapping]
        if not all(inner) or len(name.split()) < 2 or TITLES.match(raw) or self.index.resolve(name) is not None:
            return False
        for found in inner:
            doc.people.remove(found)
            taken.remove((found.start, found.end))
            del surname_only[(found.start, found.end)]
        return True

    def _acceptable(self, name: str) -> bool:
        return plausible_name(name) and name.casefold() not in self._outlet_names \
            and name.casefold() not in self._event_names

    def _mention(self, doc: Doc, start: int, end: int, raw: str, name: str, surnames: dict[str, str]) -> Found | None:
        offset = start + raw.find(name) if name in raw else start
        if name not in raw:
            end = start + len(raw)
        pid = self.index.resolve(name)
        if pid is None:
            if len(name.split()) < 2:
                return None
            pid = unknown_person_id(name)
            doc.in_kb.setdefault(pid, False)
            surnames.setdefault(name.split()[-1], pid)
        else:
            doc.in_kb[pid] = True
        doc.names.setdefault(pid, Counter())[name] += 1
        return Found(offset, offset + len(name) if name in raw else end, pid, name if name in raw else raw)

    @staticmethod
    def _later_surnames(doc: Doc, surnames: dict[str, str], taken: list[tuple[int, int]]) -> None:
        """Later surname-only mentions of people the knowledge base does not know yet."""
        for surname, pid in surnames.items():
            for match in re.finditer(spelling_pattern(surname), doc.text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    doc.people.append(Found(match.start(), match.end(), pid, surname))
                    taken.append((match.start(), match.end()))

    def _lone_first_names(self, doc: Doc, taken: list[tuple[int, int]]) -> None:
        """Russian and Ukrainian first names standing alone (names.lone_first_names): the person of this
        text whose full name starts with that first name ("Аделина" after "Аделина Сотникова"), nobody when
        two full names do, else a person named by the first name alone ("его дочь Юлия"), who gets no page
        of their own in the archive (builder.archive: one word is never a full name)."""
        if doc.lang not in names.MORPHOLOGY:
            return
        owners = self._owners(doc, (0,))
        for start, end, raw, name in names.lone_first_names(doc.text, doc.lang):
            if any(s < end and start < e for s, e in taken) or "\n" in raw:
                continue
            candidates = {pid for form in names.first_name_forms(raw, doc.lang) for pid in owners.get(name_key(form), ())}
            if len(candidates) > 1:
                continue
            pid = next(iter(candidates)) if candidates else unknown_person_id(name)
            doc.in_kb.setdefault(pid, False)
            if not candidates:
                doc.names.setdefault(pid, Counter())[name] += 1
            doc.people.append(Found(start, end, pid, raw))
            taken.append((start, end))

    def _owners(self, doc: Doc, places: tuple[int, ...]) -> dict[str, set[str]]:
        """{a word of a full name (its first: 0, its last: -1, as `places` say): the people of this text
        named so}, from the full names the text writes and the knowledge base's spellings of its people."""
        owners: dict[str, set[str]] = {}
        for found in doc.people:
            person = self.index.people.get(found.id)
            full = [*doc.names.get(found.id, ()), *((person.name, *person.aliases) if person else ())]
            for spelling in full:
                if len(spelling.split()) > 1:
                    for place in places:
                        owners.setdefault(name_key(spelling.split()[place]), set()).add(found.id)
        return owners

    def _one_word_names(self, doc: Doc, one_word: list[Candidate], taken: list[tuple[int, int]]) -> None:
        """Romanian one-word names the model marks as persons (builder.annotate.romanian): the one person of
        this text whose full name has that given name or surname; nobody when two have; else a person named by
        that word alone when the words around it or the name lexicon ground it, who gets no page of their own."""
        owners = self._owners(doc, (0, -1)) if one_word else {}
        for start, end, raw, name in one_word:
            if any(s < end and start < e for s, e in taken):
                continue
            candidates = owners.get(name_key(name), set())
            if len(candidates) == 1:
                pid = next(iter(candidates))
            elif candidates or not romanian.grounded(doc.text, start, end):
                continue
            else:
                pid = unknown_person_id(name)
                doc.in_kb.setdefault(pid, False)
                doc.names.setdefault(pid, Counter())[name] += 1
            doc.people.append(Found(start, end, pid, raw))
            taken.append((start, end))

    def candidates(self, text: str, lang: str, entities: list[Span] | None) -> list[Candidate]:
        """Candidate names that the language model (English), the morphology dictionaries (Russian,
        Ukrainian) or name shapes (other languages) propose."""
        if lang == "en" and entities is not None:
            things = not_people(entities)
            return [with_first_name(text, start, end, raw) for start, end, label, raw in entities if label == "PERSON"
                    for name in [clean_person_name(raw)] if name.casefold() not in things and not titled(name)]
        if lang == "ro" and entities is not None:
            return [found for start, end, label, raw in entities if label == "PERSON"
                    for found in [romanian_name(start, raw)] if found is not None and not titled(found[3])]
        if lang in names.MORPHOLOGY:
            return names.find_names(text, lang)
        return [(start, end, raw, clean_person_name(raw)) for start, end, raw in self.shaped_names(text)]

    def shaped_names(self, text: str) -> list[tuple[int, int, str]]:
        """Pairs of capitalised words whose first word is a known first name."""
        return [(m.start(), m.end(), m.group(0)) for m in NAME_PAIR.finditer(text)
                if name_key(m.group(1)) in self.index.given_names]


def not_people(entities: list[Span]) -> set[str]:
    """Names the model labels, in this text, more often as a thing (an organisation, a product, a place, a
    facility, a nationality…) than as a person: "Sputnik Light", "the Belgorod Highway" stay things when the
    model once takes them for a person."""
    votes: dict[str, Counter] = {}
    for _, _, label, raw in entities:
        key = _THE.sub("", " ".join(raw.split())).casefold()
        votes.setdefault(key, Counter())["thing" if label in NOT_PERSON_LABELS else label] += 1
    return {key for key, counted in votes.items() if counted["thing"] > counted["PERSON"]}


def titled(name: str) -> bool:
    """Whether a proposed name holds a rank, honorific or determiner ("Lance Cpl", "His Holiness"), or is
    made of office words alone ("Second Gentleman")."""
    words = [word.rstrip(".").casefold() for word in name.split()]
    return any(word in NOT_NAME_WORDS for word in words) or all(word in ROLE_WORDS for word in words)


_BEFORE_INITIAL = re.compile(r"([" + packs.capitals() + r"][a-z\u00e0-\u024f’'-]+)\s+$")


def with_first_name(text: str, start: int, end: int, raw: str) -> Candidate:
    """A candidate whose span the model began at a middle initial ("J. Blinken" of "Antony J. Blinken")
    takes the capitalised word before it, unless that word is a title or an office."""
    before = _BEFORE_INITIAL.search(text, max(0, start - 40), start) if re.match(r"[A-Z]\.\s", raw) else None
    if before and before.group(1).casefold() not in ROLE_WORDS and not TITLES.match(before.group(1) + " "):
        start, raw = before.start(1), text[before.start(1):end]
    return start, end, raw, clean_person_name(raw)


_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")


def romanian_name(start: int, raw: str) -> Candidate | None:
    """The name inside a PERSON span of the Romanian model, which follows RONEC in taking in the title
    before it and sometimes an apposition after it ("premierului Ilie Bolojan", "Ianis Hagi , fiul"): the
    first run of capitalised words that are not titles, its feminine first name back in the nominative
    ("Elenei Udrea" -> "Elena Udrea") when the model's name lexicon knows that form. None without a name."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(raw)]
    at = 0
    while at < len(words) and not _name_word(words[at][2]):
        at += 1
    kept = []
    for word in words[at:]:
        if word[2][:1].isupper() or (kept and word[2].lower() in NAME_PARTICLES and len(kept) < 3):
            kept.append(word)
        else:
            break
    while kept and not kept[-1][2][:1].isupper():  # "Ludwig van" ends at its last capitalised word
        kept.pop()
    kept = kept[_title_complement(kept):]
    if not kept:
        return None
    first, last = kept[0][0], kept[-1][1]
    written = raw[first:last]
    name = " ".join([nominative_first_name(kept[0][2])] + [w for _, _, w in kept[1:]]) if len(kept) > 1 else written
    return start + first, start + last, written, clean_person_name(name)


def _title_complement(words: list[tuple[int, int, str]]) -> int:
    """How many capitalised words open the run before a given name the name lexicon knows, none of them in
    the lexicon, with a surname after it: the complement of a title ("Ministrul de Externe Oana Țoiu",
    "Ministrul Afacerilor Externe Oana Țoiu"), not the name."""
    from builder.annotate.nlp import name_lexicon

    for at in range(1, len(words) - 1):
        known = name_lexicon(words[at][2])
        if known["first"] or known["ro_first"]:
            opening = [name_lexicon(word) for _, _, word in words[:at]]
            return at if not any(any(entry.values()) for entry in opening) else 0
    return 0


def _name_word(word: str) -> bool:
    """Whether a word of a Romanian model span may start a name: capitalised, not a title, and not a stop
    word opening a sentence ("La Washington") unless the name lexicon knows it as a name ("Dan")."""
    from builder.annotate.nlp import name_lexicon, romanian_stop_word

    if not word[:1].isupper() or romanian.TITLE.fullmatch(word.rstrip(".")):
        return False
    return not romanian_stop_word(word) or any(name_lexicon(word).values())


def nominative_first_name(word: str) -> str:
    """A feminine first name in the genitive/dative back in the nominative, when the lexicon knows it."""
    from builder.annotate.nlp import name_lexicon

    for oblique, nominative in romanian.RO.FEMININE_OBLIQUE:
        if word.endswith(oblique) and not name_lexicon(word)["first"]:
            candidate = word[: -len(oblique)] + nominative
            if name_lexicon(candidate)["first"]:
                return candidate
    return word
