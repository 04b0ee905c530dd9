"""Who said it: the subject of a reporting verb, and the speaker of a direct quotation."""

from __future__ import annotations

import re
from typing import Protocol

from builder import lang as packs
from builder.annotate import lexicon, names
from builder.annotate.doc import Quotation
from builder.annotate.quotations import MODIFIER, WORD, Paragraph
from builder.annotate.resolve import Found, PersonIndex

PREPOSITIONAL = re.compile(r"(?i)^(?:" + "|".join(packs.every("ACCORDING_TO")) + ")")
STOP_CLAUSE = re.compile(r"(?i)^(?:" + "|".join(packs.every("CLAUSE_FILLERS")) + ")$")
# Role nouns and the words of a knowledge-base role they can stand for; country words and the words of a
# knowledge-base role or organisation they fit (the knowledge base is written in English).
ROLE_KEYS = tuple((stems, packs.pack(packs.FALLBACK).KB_ROLE_WORDS[kind]) for kind, stems in packs.keyed("ROLE_STEMS").items())
NATION_KEYS = tuple((stems, packs.pack(packs.FALLBACK).KB_NATION_WORDS[kind])
                    for kind, stems in packs.keyed("NATION_STEMS").items())


class Antecedents(Protocol):
    """What came before a position: who "he" or "the spokesman" can be."""

    def salient(self, position: int) -> str | None: ...

    def earlier(self, position: int) -> list[Found]: ...


def clause_words(text: str) -> list[str]:
    """The words of a clause, without the conjunctions and fillers that carry nothing said."""
    return [w for w in WORD.findall(text) if not STOP_CLAUSE.match(w)]


def few_words(text: str, start: int, end: int, most: int) -> bool:
    """Whether text[start:end] holds at most `most` words (stops counting early: slices can be long)."""
    for count, _ in enumerate(WORD.finditer(text, start, end), start=1):
        if count > most:
            return False
    return True


class Attributor:
    """Finds speakers with one knowledge base (whose roles say who "the spokesman" can be)."""

    def __init__(self, index: PersonIndex):
        self.index = index

    def role_person(self, phrase: str, earlier: list[Found]) -> str | None:
        """The person a role phrase ("the Kremlin spokesman", "the Russian president") stands for: the most
        recently mentioned person whose knowledge-base role fits it."""
        lower = phrase.lower()
        wanted: list[str] = []
        for pattern, keys in ROLE_KEYS:
            if re.search(pattern, lower):
                wanted.extend(keys)
        nation = [keys for pattern, keys in NATION_KEYS if re.search(pattern, phrase)]
        if not (wanted or nation):
            return None
        for found in reversed(earlier):
            person = self.index.people.get(found.id)
            if person is None:
                continue
            described = f"{person.role or ''} {person.org or ''}".lower()
            if wanted and not any(key in described for key in wanted):
                continue
            if any(not any(key in described for key in keys) for keys in nation):
                continue
            return found.id
        return None

    def subject(self, view: Paragraph, clause: tuple[int, int], verb: tuple[int, int], lang: str,
                before: Antecedents) -> str | None:
        """Who the reporting verb at `verb` belongs to, inside the clause `clause` of a paragraph."""
        clause_start, clause_end = clause
        verb_start, verb_end = verb
        masked, base = view.masked, view.base
        prepositional = bool(PREPOSITIONAL.match(masked[verb_start:verb_end]))
        subjects = [] if prepositional else self._subjects_before(view, clause_start, verb_start, lang)
        found = self._subject_before(view, subjects, verb)
        if found is not None:
            return found
        tail_words = [] if prepositional else WORD.findall(masked[clause_start:verb_start])[-5:]
        roles, pronouns = lexicon.role_pattern(lang), lexicon.pronoun_pattern(lang)
        if pronouns.search(" ".join(tail_words[-3:])):
            return before.salient(base + verb_start)
        if roles.search(" ".join(tail_words)):
            return self.role_person(" ".join(tail_words), before.earlier(base + verb_start)) or before.salient(base + verb_start)
        inverting = lexicon.inverting_pattern(lang)
        if inverting is None or inverting.match(masked[verb_start:verb_end]):
            return self._subject_after(view, verb_end, clause_end, lang, prepositional, before, base + verb_start)
        return None

    @staticmethod
    def _subjects_before(view: Paragraph, clause_start: int, verb_start: int, lang: str) -> list[Found]:
        """People before the verb in its clause that may be its subject: not a modifier ("Putin’s plan"), not
        in an oblique case, not a genitive after a role ("Представитель Путина": Putin's spokesman)."""
        roles = lexicon.role_pattern(lang)
        return [f for f in view.people if clause_start <= f.start - view.base and f.end - view.base <= verb_start
                and not MODIFIER.match(view.masked[f.end - view.base:]) and names.may_be_subject(f.surface, lang)
                and not (names.genitive_surname(f.surface, lang) and
                         roles.search(" ".join(view.words(clause_start, f.start - view.base)[-1:])))]

    @staticmethod
    def _subject_before(view: Paragraph, subjects: list[Found], verb: tuple[int, int]) -> str | None:
        masked, base = view.masked, view.base
        verb_start, verb_end = verb
        if subjects and masked[verb_start:verb_end].endswith("ing") and masked[:verb_start].rstrip().endswith(","):
            return subjects[0].id  # ", describing …": the participle belongs to the sentence's subject
        for candidate in subjects:
            between = masked[candidate.end - base: verb_start]
            if between.lstrip().startswith(",") and between.rstrip().endswith(",") and len(WORD.findall(between)) <= 14:
                return candidate.id  # "Peskov, who speaks for Vladimir Putin, said": the name before the apposition
        if subjects and len(WORD.findall(masked[subjects[-1].end - base: verb_start])) <= 6:
            return subjects[-1].id
        return None

    def _subject_after(self, view: Paragraph, verb_end: int, clause_end: int, lang: str, prepositional: bool,
                       before: Antecedents, position: int) -> str | None:
        """An inverted subject: "said Peskov", "according to Trump", "a explicat ministrul"."""
        masked, base = view.masked, view.base
        following = [f for f in view.people if verb_end <= f.start - base and f.end - base <= clause_end
                     and (prepositional or names.may_be_subject(f.surface, lang))]
        gap = masked[verb_end: following[0].start - base] if following else ""
        lower, words = len([w for w in WORD.findall(gap) if w[:1].islower()]), len(WORD.findall(gap))
        if following and (lower <= 1 and words <= 3 or  # "said Peskov", "said the Kremlin's Dmitry Peskov"
                          lang != "en" and lower <= 3 and words <= 6 and "," not in gap):  # a title between
            return following[0].id
        head = " ".join(WORD.findall(masked[verb_end:clause_end])[:4])
        if lexicon.role_pattern(lang).search(head):
            return self.role_person(head, before.earlier(position)) or before.salient(position)
        if lexicon.pronoun_pattern(lang).search(" ".join(WORD.findall(masked[verb_end:clause_end])[:1])):
            return before.salient(position)
        return None

    def speaker(self, view: Paragraph, index: int, speech: re.Pattern[str], lang: str, before: Antecedents,
                previous: Quotation | None) -> str | None:
        """Who said quotation `index` of the paragraph: a reporting verb next to it, the subject before a
        colon, else the speaker of the quotation just before (in this paragraph, or the paragraph before
        when this one opens with the quotation and names nobody)."""
        quote = view.quotes[index]
        qs, qe = quote.start - view.base, quote.end - view.base
        sent_start, _ = view.sentence_of(qs)
        _, sent_end = view.sentence_of(max(qe - 1, 0))
        prev_end = view.quotes[index - 1].end - view.base if index else 0
        next_start = view.quotes[index + 1].start - view.base if index + 1 < len(view.quotes) else len(view.text)
        before_start, after_end = max(sent_start, prev_end), min(sent_end, next_start)
        speaker = self._by_verb(view, (before_start, qs), (qe, after_end), speech, lang, before)
        if speaker is None and view.masked[before_start:qs].rstrip().endswith(":"):
            near = [f for f in view.people if before_start <= f.start - view.base < qs and names.may_be_subject(f.surface, lang)]
            speaker = near[0].id if near else None  # "Zelenskyy thanked Biden … and invited him: “…”": the subject
        starts_sentence = not view.masked[sent_start:qs].strip()
        if speaker is None and index and view.quotes[index - 1].speaker and (
                prev_end >= sent_start - 2 or starts_sentence or not clause_words(view.masked[prev_end:qs])):
            speaker = view.quotes[index - 1].speaker
        if speaker is None and index == 0 and qs <= 1 and previous is not None and previous.speaker \
                and view.number - previous.paragraph == 1 and not view.people:
            speaker = previous.speaker
        return speaker

    def _by_verb(self, view: Paragraph, ahead: tuple[int, int], behind: tuple[int, int], speech: re.Pattern[str],
                 lang: str, before: Antecedents) -> str | None:
        """The subject of a reporting verb just before the quotation (within 8 words), else just after it
        (within 4), else anywhere before it in the sentence."""
        masked = view.masked
        (before_start, qs), (qe, after_end) = ahead, behind
        before_verbs = [v for v in speech.finditer(masked[before_start:qs]) if view.usable(v, before_start)]
        after_text = masked[qe:after_end]
        after_verb = next((v for v in speech.finditer(after_text) if view.usable(v, qe)), None)

        def from_before(limit: int | None) -> str | None:
            if not before_verbs:
                return None
            verb = before_verbs[-1]
            if limit is not None and len(WORD.findall(masked[before_start + verb.end():qs])) > limit:
                return None
            return self.subject(view, (before_start, qs), (before_start + verb.start(), before_start + verb.end()), lang, before)

        speaker = from_before(8)
        if speaker is None and after_verb and len(WORD.findall(after_text[: after_verb.start()])) <= 4:
            speaker = self.subject(view, (qe, after_end), (qe + after_verb.start(), qe + after_verb.end()), lang, before)
        return speaker if speaker is not None else from_before(None)
