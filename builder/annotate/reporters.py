"""Component `reporters`: people the name finders missed, found as the named subject of a reporting verb.

The English model tags many officials' names as organisations ("Director of National Intelligence Avril
Haines" is one ORG span) or not at all, and a surname alone ("Haines said", "said Mr. Singh") is never a
new person for `mentions`. Here the subject position of a reporting verb is the evidence that a
capitalised word is someone: the run of capitalised words right before the verb ("… Victoria Nuland
said", "Haines also said"), or right after a verb that inverts ("said Mr. Singh"). A surname alone is
resolved within the document, to the one full name elsewhere in it that ends with that surname ("Avril
Haines" in the lead), else to the knowledge-base person who alone has that surname; with no full name, or
two, it is nobody (abstention: a wrong speaker is worse than none). A name found so is a mention
everywhere it occurs, so "Haines told lawmakers" and later "Haines added" both name her.
"""

from __future__ import annotations

import re
from collections import Counter

from builder import lang as packs
from builder.annotate import lexicon, names
from builder.annotate.doc import Doc
from builder.annotate.lexicon import CALENDAR, NOT_NAME_WORDS, NOT_PERSON_LABELS, ROLE_WORDS, TITLES
from builder.annotate.nlp import PLACE_LABELS
from builder.annotate.people import _THE
from builder.annotate.quotations import WORD, quote_spans
from builder.annotate.resolve import Found, PersonIndex, plausible_name, spelling_pattern, unknown_person_id

_CAP = r"[" + packs.capitals() + r"][\w’'-]*\.?"
_PARTICLE = "|".join(packs.every("NAME_PARTICLES"))
# A run of capitalised words (name particles allowed inside) ending right before a reporting verb, with
# the adverbs and auxiliaries that may stand between a subject and its verb ("Haines also said").
_GAP = "|".join(packs.every("SUBJECT_GAP"))
RUN_BEFORE = re.compile(r"(?P<run>" + _CAP + r"(?:\s+(?:(?:" + _PARTICLE + r")\s+)?" + _CAP + r"){0,6})"
                        r"(?:['’]s)?\s+(?:(?:" + _GAP + r")\s+){0,2}$")
RUN_AFTER = re.compile(r"^\s+(?P<run>" + _CAP + r"(?:\s+(?:(?:" + _PARTICLE + r")\s+)?" + _CAP + r"){0,6})")
POSSESSIVE = re.compile(r"['’]s?$")
CAPITAL_NEAR = re.compile(r"(?<![\w’'-])[" + packs.capitals() + r"]")
"""A capital letter opening a word: without one among the last few words before a verb, no run to read."""
CAPITAL_AFTER = re.compile(r"[ \t]+[" + packs.capitals() + r"]")


class Reporters:
    name = "reporters"
    requires = ("people",)
    assigns = ("people", "names", "in_kb")

    def __init__(self, index: PersonIndex):
        self.index = index

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        taken = [(f.start, f.end) for f in doc.people]
        facts = _Facts(doc)
        speech = lexicon.speech_pattern(doc.lang)
        inverting = lexicon.inverting_pattern(doc.lang)
        added: list[Found] = []
        resolved: dict[str, tuple[str, str] | None] = {}
        for verb in speech.finditer(text):
            runs = []
            window = max(text.rfind("\n", 0, verb.start()) + 1, verb.start() - 120)
            if CAPITAL_NEAR.search(text, max(window, verb.start() - 40), verb.start()):
                before = RUN_BEFORE.search(text, window, verb.start())
                if before:
                    runs.append((before.start("run"), before.end("run")))
            if CAPITAL_AFTER.match(text, verb.end()) and (inverting is None or inverting.match(verb.group(0))):
                after = RUN_AFTER.match(text[verb.end():verb.end() + 120].split("\n", 1)[0])
                if after:
                    runs.append((verb.end() + after.start("run"), verb.end() + after.end("run")))
            for start, end in runs:
                if any(s < end and start < e for s, e in taken) or facts.quoted(start) or facts.quoted(verb.start()):
                    continue
                self._subject(doc, facts, start, end, taken, added, resolved)
        if added:
            doc.people.extend(added)
            doc.people.sort(key=lambda f: f.start)

    def _subject(self, doc: Doc, facts: "_Facts", start: int, end: int, taken: list[tuple[int, int]],
                 added: list[Found], resolved: dict[str, tuple[str, str] | None]) -> None:
        """A capitalised run before or after a reporting verb: the person it names, and every mention of them."""
        words = doc.text[start:end].split()
        honorific = bool(words) and words[0].rstrip(".").casefold() in HONORIFICS
        while words and _office_word(words[0]) and not _office_word(words[-1]):
            words.pop(0)  # "Undersecretary of State … Victoria Nuland": the office goes
        words = [POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
        if not words or _office_word(words[-1]) or len(words[-1]) < 3:
            return
        surname = words[-1]
        if not facts.surname(surname):
            return
        if surname not in resolved:
            resolved[surname] = self._person(doc, facts, surname, words, honorific)
        person = resolved[surname]
        if person is None:
            return
        pid, full = person
        for pattern in (spelling_pattern(full), spelling_pattern(surname)):
            for match in re.finditer(pattern, doc.text):
                s, e = match.start(), match.end()
                if any(ts < e and s < te for ts, te in taken) or facts.quoted(s):
                    continue
                surface = POSSESSIVE.sub("", match.group(0))
                added.append(Found(s, s + len(surface), pid, surface))
                taken.append((s, e))
                if pid not in self.index.people:
                    doc.names.setdefault(pid, Counter())[full] += 1
        doc.in_kb.setdefault(pid, pid in self.index.people)

    def _person(self, doc: Doc, facts: "_Facts", surname: str, words: list[str],
                honorific: bool) -> tuple[str, str] | None:
        """(id, full name) of the person a subject run names, or None when that is not established."""
        if len(words) >= 2 and facts.given(words[-2], surname):
            full = f"{words[-2]} {surname}"
            return self.index.resolve(full) or unknown_person_id(full, doc.lang), full
        for found in doc.people:  # someone already found whose full name ends with the surname
            parts = found.surface.split()
            if len(parts) > 1 and parts[-1] == surname:
                return found.id, found.surface
        if honorific and len(words) == 1:  # "Mr Zhao" of "Zhao Lijian": a surname written first
            first = {f.id: f.surface for f in doc.people if len(f.surface.split()) > 1 and f.surface.split()[0] == surname}
            if len(first) == 1:
                return next(iter(first.items()))
        givens = {m.group(1) for m in re.finditer(r"(?<![\w’'-])(" + _CAP + r")\s+" + re.escape(surname) + r"(?![\w-])",
                                                  doc.text) if facts.given(m.group(1), surname)}
        if len(givens) == 1:
            full = f"{givens.pop()} {surname}"
            if plausible_name(full):
                return self.index.resolve(full) or unknown_person_id(full, doc.lang), full
        if not givens:
            pid = self.index.resolve(surname)
            if pid is not None:
                return pid, surname
        return None


class _Facts:
    """What the checks read of one document, worked out once: its quotations, the words it writes in lower
    case, the model's labels by the words labelled."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._lower: set[str] | None = None
        self.labels: dict[str, set[str]] = {}
        for _, _, label, raw in doc.entities or ():
            self.labels.setdefault(_THE.sub("", raw), set()).add(label)
        self._surnames: dict[str, bool] = {}

    def quoted(self, position: int) -> bool:
        """Whether a position of the text stands inside a quotation."""
        number = self.doc.paragraph_of(position)
        if number not in self._spans:
            self._spans[number] = quote_spans(self.doc.article.paragraphs[number])
        base = self.doc.offsets[number]
        return any(s <= position - base < e for s, e in self._spans[number])

    def lowercase_elsewhere(self, word: str) -> bool:
        """Whether the word is written in lower case somewhere in the text: a common word, not a name."""
        if self._lower is None:
            self._lower = {w for w in WORD.findall(self.doc.text) if w[:1].islower()}
        bare = word.rstrip(".")
        return bare.lower() != bare and bare.lower() in self._lower

    def labelled(self, words: str, labels) -> bool:
        """Whether the model labels exactly these words, somewhere in the text, with one of the labels."""
        return bool(self.labels.get(words, set()) & set(labels))

    def surname(self, word: str) -> bool:
        """Whether a capitalised word before or after a reporting verb can be a surname: not a common word
        (written in lower case elsewhere in the text: "Earlier", "While"), not a month or a weekday, not a
        place, organisation or nationality as the model labels it ("Moscow said")."""
        if word not in self._surnames:
            self._surnames[word] = not (word.casefold() in CALENDAR or self.lowercase_elsewhere(word)
                                        or self.labelled(word, PLACE_LABELS))
        return self._surnames[word]

    def given(self, word: str, surname: str) -> bool:
        """Whether a capitalised word before a surname can be the given name: not an office, a title, a
        rank, a determiner or a common word, and not a word the model labels as part of a place, an
        organisation or a nationality without the surname ("White House Psaki"). In Russian and Ukrainian
        the dictionaries' finder has proposed every name they know: here only two words they do not know,
        or know as a first name and a surname (names.unknown_name_pair)."""
        doc = self.doc
        if doc.lang in names.MORPHOLOGY:
            return names.unknown_name_pair(word, surname, doc.lang) and not self.lowercase_elsewhere(word)
        if _office_word(word) or word.rstrip(".").casefold() in NOT_NAME_WORDS \
                or len(word.rstrip(".")) < 2 or word.isupper() or TITLES.match(word + " ") \
                or not plausible_name(f"{word} {surname}") or self.lowercase_elsewhere(word) \
                or word.casefold() in CALENDAR:
            return False
        if self.labelled(word, PLACE_LABELS) or self.labelled(f"{word} {surname}", NOT_PERSON_LABELS):
            return False
        inside = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
        return not any(NOT_PERSON_LABELS & labels and inside.search(raw) and surname not in raw
                       for raw, labels in self.labels.items())


HONORIFICS = frozenset(h.casefold() for h in packs.every("HONORIFICS"))


def _office_word(word: str) -> bool:
    bare = word.rstrip(".,").casefold()
    return bare in ROLE_WORDS or bare in NOT_NAME_WORDS or bool(TITLES.fullmatch(word + " "))
