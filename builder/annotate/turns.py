"""Transcripts and signed statements: who speaks which part of a text.

A press-briefing transcript marks each turn with a label ("MS. JEAN-PIERRE:", "THE PRESIDENT:", "Q",
"President of Russia Vladimir Putin:", "Question:"); a labelled turn is a direct quotation of its
speaker, to the next label. A statement, speech or address titled after one person ("Statement by
President Biden on …", "Звернення Президента України Володимира Зеленського") is that person's words
as a whole. Nothing here runs a model: labels are resolved to the people the annotator already found,
to the knowledge base, or (for "THE PRESIDENT") to the office holder on the document's date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Callable

from builder.annotate import lexicon
from builder.annotate.names import MORPHOLOGY, find_names
from builder import lang as packs
from builder.annotate.lexicon import AND, QUOTE_PAIRS, TITLES
from builder.annotate.resolve import Found, PersonIndex, plausible_name, unknown_person_id

# "MS. JEAN-PIERRE:", "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:" at the start of a paragraph.
UPPER_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,5})\s*:\s+(?=\S)")
# "Q Is it okay …", "Q: …", "Q. …": a reporter's question in a White House transcript.
QUESTION = re.compile(r"^(?P<label>Q)(?:[:.]\s*|\s+)(?=[A-Z0-9\"“‘'(¿¡]|\.\.\.|…)")
# "President of Russia Vladimir Putin:", "Yury Zaitsev:", "Question:" at the start of a paragraph or a
# sentence (Kremlin transcripts run several turns into one paragraph).
MIXED_LABEL = re.compile(
    r"(?:^|(?<=[.!?…)\"”»>]\s)|(?<=[.!?…]))(?P<label>[" + packs.capitals() + r"][\w'’.-]*(?:\s+(?:[" + packs.capitals()
    + r"][\w'’.-]*|" + "|".join(packs.every("LABEL_CONNECTORS")) + r"))"
    r"{0,9}):\s+(?=\S)")
HONORIFIC = re.compile(r"^(?:" + "|".join(packs.every("HONORIFICS")) + r")\.?\s+", re.IGNORECASE)
SELF_INTRODUCTION = re.compile("|".join(packs.strings("SELF_INTRODUCTION")) + r"\s+$")


@dataclass(frozen=True)
class Turn:
    """One labelled turn of a transcript."""

    label_start: int
    """Offset of the label in the article text."""
    start: int
    """Offset of the first word the speaker says (after the label)."""
    end: int
    """Offset after the turn's last character (the next label, or the end of the text)."""
    label: str
    """The label as written, without its colon."""
    speaker: str | None
    """Person id, or None for an anonymous turn (Q, MODERATOR, SENIOR ADMINISTRATION OFFICIAL)."""
    name: str | None = None
    """The name to show for a speaker the knowledge base does not know."""


def _title_case(label: str) -> str:
    """ "MS. JEAN-PIERRE" -> "Ms. Jean-Pierre" (knowledge-base spellings are in title case)."""
    return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in label.split())


class TurnFinder:
    """Finds labelled turns and title speakers with one knowledge base."""

    def __init__(self, index: PersonIndex):
        self.index = index

    # --- labels -----------------------------------------------------------------------------------------
    def _office_holder(self, label: str, when: date | None) -> str | None:
        holders = lexicon.OFFICE_HOLDERS.get(label.upper())
        if holders is None or when is None:
            return None
        name = None
        for since, holder in holders:
            if when >= since:
                name = holder
        return name

    def _person_id(self, name: str, lang: str | None = None) -> str:
        """The knowledge base's id of a name, else the id of a person it does not know."""
        return self.index.resolve(name) or unknown_person_id(name, lang)

    def _title_office_holder(self, who: str, when: date | None, text: str) -> str | None:
        """The holder of an office a title names ("the President of Ukraine", "Президента України") on the
        document's date, the office alone or before lower-case words ("Президента України ввечері …"). A bare
        office ("the President") is its country's only when the text names that country and no other
        country whose offices the table knows; otherwise nobody's."""
        office = who.upper()
        if office not in lexicon.OFFICE_HOLDERS and not AND.search(who):
            office = next((known for known in lexicon.OFFICE_HOLDERS
                           if office.startswith(known + " ") and who[len(known) + 1:len(known) + 2].islower()), office)
        country = lexicon.TITLE_OFFICE_COUNTRY.get(office)
        if country is not None:
            own, others = country
            if not own.search(text) or others.search(text):
                return None
        return self._office_holder(office, when)

    def _by_surname(self, words: list[str], people: list[Found]) -> Found | None:
        """The person found in this document whose name ends with the label's last word."""
        if not words:
            return None
        surname = words[-1].casefold()
        for found in people:
            spelled = found.surface.split()
            known = self.index.people.get(found.id)
            names = [spelled] + ([known.name.split()] if known else [])
            if any(n and n[-1].casefold().rstrip("’'s") == surname for n in names) and len(spelled) > 1:
                return found
        for found in people:
            if found.surface.casefold() == surname:
                return found
        return None

    def _resolve_upper(self, label: str, when: date | None, people: list[Found]) -> tuple[str | None, str | None]:
        """(person id, display name) for an upper-case label; (None, None) when anonymous."""
        holder = self._office_holder(label, when)
        if holder:
            return self._person_id(holder), holder
        if label.upper() in lexicon.ANONYMOUS_LABELS:
            return None, None
        spelled = _title_case(label)
        honorific = bool(HONORIFIC.match(spelled))
        bare = TITLES.sub("", HONORIFIC.sub("", spelled)).strip()
        if not bare or bare == spelled and not honorific and len(bare.split()) < 2:
            return None, None  # "FACT SHEET", "AUDIENCE": no name in the label
        local = self._by_surname(bare.split(), people)
        if local is not None:
            return local.id, None
        known = self.index.find(spelled)
        if known:
            return known[-1].id, None
        if (honorific or bare != spelled) and plausible_name(bare):
            return unknown_person_id(bare), bare
        return None, None

    def _resolve_mixed(self, start: int, end: int, label: str, people: list[Found],
                       starts: list[int]) -> tuple[str | None, str | None]:
        inside = [f for f in people[bisect_left(starts, start):bisect_left(starts, end)] if f.end <= end]
        if inside:
            return inside[0].id, None
        known = self.index.find(label)
        if known:
            return known[0].id, None
        bare = TITLES.sub("", label).strip()
        words = bare.split()
        if 2 <= len(words) <= 3 and plausible_name(bare) and self.index.is_given_name(words[0]):
            return unknown_person_id(bare), bare
        return None, None

    def turns(self, paragraphs: tuple[str, ...] | list[str], offsets: list[int], when: date | None,
              people: list[Found]) -> list[Turn]:
        """Every labelled turn, in order; empty unless the text has at least two labels (or one titled
        name label at the head of a paragraph, as in a Kremlin transcript where only the President speaks)."""
        labels: list[tuple[int, int, str, str | None, str | None]] = []
        mixed: list[int] = []  # indexes of name labels ("Yury Zaitsev:") that name someone the knowledge base lacks
        starts = [f.start for f in people]
        surnames: dict[str, tuple[str | None, str | None]] = {}
        for number, paragraph in enumerate(paragraphs):
            base = offsets[number]
            upper = UPPER_LABEL.match(paragraph) or QUESTION.match(paragraph)
            if upper and len(upper.group("label")) <= 60:
                label = upper.group("label").strip()
                if label == "Q":
                    pid, name = None, None
                else:
                    if label not in surnames:
                        surnames[label] = self._resolve_upper(label, when, people)
                    pid, name = surnames[label]
                labels.append((base, base + upper.end(), label, pid, name))
                continue
            for match in MIXED_LABEL.finditer(paragraph):
                label = match.group("label")
                if not label.split()[-1][:1].isupper():
                    continue
                if label.casefold() in lexicon.ANONYMOUS_MIXED_LABELS:
                    labels.append((base + match.start(), base + match.end(), label, None, None))
                    continue
                pid, name = self._resolve_mixed(base + match.start(), base + match.end("label"), label, people, starts)
                if pid:
                    if pid not in self.index.people:
                        mixed.append(len(labels))
                    labels.append((base + match.start(), base + match.end(), label, pid, name))
        # A name the knowledge base lacks, in one "Name:" line, is more likely a heading than a speaker
        # ("Workforce Hubs: …" in a fact sheet); a transcript's speakers speak more than once.
        once = Counter(labels[i][3] for i in mixed)
        labels = [entry for i, entry in enumerate(labels) if i not in mixed or once[entry[3]] > 1
                  or self.index.is_given_name(entry[2].split()[0])]
        if len(labels) == 1 and labels[0][3] and labels[0][0] in offsets and len(labels[0][2].split()) >= 4 \
                and labels[0][2] != labels[0][2].upper():
            pass  # one titled speaker at the head of a paragraph: "President of Russia Vladimir Putin: …"
        elif len(labels) < 2:
            return []
        total = offsets[-1] + len(paragraphs[-1]) if paragraphs else 0
        turns = []
        for index, (label_start, start, label, pid, name) in enumerate(labels):
            end = labels[index + 1][0] if index + 1 < len(labels) else total
            turns.append(Turn(label_start, start, max(start, end), label, pid, name))
        return turns

    def introduced(self, turn: Turn, text: str, people: list[Found]) -> Found | None:
        """The reporter who names himself in an anonymous question ("I'm Michael Birnbaum, with …")."""
        first = bisect_left(people, turn.start, key=lambda f: f.start)
        for found in people[first:]:
            if found.start >= min(turn.end, turn.start + 400):
                break
            if len(found.surface.split()) > 1 \
                    and SELF_INTRODUCTION.search(text[max(turn.start, found.start - 20):found.start]):
                return found
        return None

    # --- statements -------------------------------------------------------------------------------------
    def title_speaker(self, title: str, lang: str, when: date | None, first_paragraphs: str,
                      shape: Callable[[str], list[tuple[int, int, str]]], text: str = "") -> tuple[str | None, str | None]:
        """(person id, display name) of the one person a statement, speech or address is titled after, or
        of a title "NAME told/said …" above a text in the first person; (None, None) otherwise. `text` is
        the whole document: it says whose a bare office in the title is ("Statement by the President")."""
        head = lexicon.statement_pattern(lang).match(title)
        # "… - address by President Volodymyr Zelenskyy": the same head after the headline.
        tail = None if head else lexicon.statement_tail_pattern(lang).search(title)
        if head or tail:
            who = title[(head or tail).end():]
            who = lexicon.title_tail_pattern(lang).split(who, maxsplit=1)[0]
            holder = self._title_office_holder(who.strip(), when, text)
            if holder:
                return self._person_id(holder), holder
            return self._named(who, shape, lang, when, text)
        known = self.index.find(title)
        if known and known[0].start == 0:
            after = title[known[0].end:]
            verb = lexicon.speech_pattern(lang).match(after.strip())
            pronoun = lexicon.first_person_pattern(lang)
            unquoted = QUOTE_PAIRS.sub(" ", first_paragraphs)
            if verb and pronoun is not None and pronoun.search(unquoted):
                return known[0].id, None
        return None, None

    def _named(self, who: str, shape: Callable[[str], list[tuple[int, int, str]]],
               lang: str, when: date | None = None, text: str = "") -> tuple[str | None, str | None]:
        """The one person named in the "by …" part of a title; None when it names nobody or several people
        ("President Biden and Prime Minister Kishida"). In Russian and Ukrainian a name the knowledge base
        lacks must start with a first name of the dictionaries ("Президента України" is an office)."""
        found: list[tuple[str, str | None]] = []
        for part in AND.split(who):
            known = self.index.find(part)
            if known:
                found.extend((f.id, None) for f in known)
                continue
            if lang in MORPHOLOGY:
                found.extend((self._person_id(name, lang), name)
                             for _, _, _, name in find_names(part, lang)[-1:])
                continue
            names = shape(part)
            if names:
                name = TITLES.sub("", names[-1][2]).strip()
                if plausible_name(name) and len(name.split()) >= 2:
                    found.append((self._person_id(name), name))
                    continue
            if part.strip().casefold().startswith("the "):  # an office ("the President and the First Lady")
                holder = self._title_office_holder(part.strip(), when, text)
                if holder is None:
                    return None, None  # whose office is not known: nobody for sure
                found.append((self._person_id(holder), holder))
                continue
            words = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$", "", part).split()  # "… of Japan"
            run = 0
            while run < len(words) and words[-run - 1][:1].isupper() and not words[-run - 1].isupper():
                run += 1
            named = [w for w in words[len(words) - run:] if w.strip(".,").casefold() not in lexicon.ROLE_WORDS]
            # A name follows its title directly: a title, then other capitalised words, then the last run
            # ("President Al Sisi of … Egypt Bilateral Meeting") leaves unclear whom this part names.
            before = [w.strip(".,") for w in words[:len(words) - run] if w[:1].isupper() and not w.isupper()]
            if any(w.casefold() in lexicon.ROLE_WORDS for w in before) and any(
                    w.casefold() not in lexicon.ROLE_WORDS for w in before):
                return None, None
            if named and (len(named) >= 2 or len(named) < run):  # "Emily Horne", or a titled surname "Prime Minister Kishida"
                name = " ".join(named)
                if plausible_name(name):
                    found.append((self._person_id(name), name if len(named) >= 2 else None))
        if len({pid for pid, _ in found}) != 1:
            return None, None
        return found[0] if found[0][1] or found[0][0] in self.index.people else (None, None)
