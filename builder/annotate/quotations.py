"""Quotation marks, sentences and the view of one paragraph that attribution reads: its quotations
masked out, its transcript labels blanked, the people named outside both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from builder import lang as packs
from builder.annotate.lexicon import CLOSERS, OPENERS, QUOTE_PAIRS
from builder.annotate.doc import Quotation
from builder.annotate.resolve import Found

SENTENCE_BREAK = re.compile(r"[.!?…]+['’”»\"]*\s+(?=[\"“„«‘(\[]|[" + packs.capitals() + "0-9])")
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:" + "|".join(packs.every("ABBREVIATIONS")) + r")\.)$")
WORD = re.compile(r"[\w’'-]+")
# A name used as a modifier ("the Trump administration", "Putin’s proposal") is not the subject of a verb.
MODIFIER = re.compile(r"^(?:['’]s?\b|\s+(?:" + "|".join(packs.every("NAME_MODIFIERS")) + r")\b)")


NOT_IN_A_NAME = frozenset({"VERB", "INFN", "GRND", "PRTS", "NPRO", "PRCL", "INTJ", "PRED", "ADVB"})
"""Parts of speech (pymorphy3's) that make quoted words a sentence, not a name: a verb, a pronoun ("Я"),
a particle or interjection ("Нет", "Спасибо"), an adverb ("Ніколи знову")."""
FUNCTION_WORDS = frozenset({"PREP", "CONJ"})
SENTENCE_MARKS = re.compile(r"[.!?…,;:]")
ATTRIBUTION_DASH = re.compile(r"^\s*,?\s*[—–-]")
NAME_WORDS = 5
"""The most words of a quoted name ("Опозиційна платформа – За життя")."""


def quoted_name(content: str, following: str, lang: str) -> bool:
    """Whether the words in quotation marks are a name, not speech: a party, a newspaper, a film («Единая
    Россия», «Известия», «Земляничная поляна»). A name is short, opens with a capital, holds no sentence
    punctuation and no word that only a sentence has (by the dictionaries of pymorphy3: a verb, a pronoun,
    a particle, an adverb), and is not followed by the dash that attributes speech («…», — сказал он).
    Only for the languages with those dictionaries (builder.annotate.names.MORPHOLOGY)."""
    from builder.annotate import names

    words = WORD.findall(content)
    if lang not in names.MORPHOLOGY or not words or len(words) > NAME_WORDS or not content[:1].isupper() \
            or SENTENCE_MARKS.search(content) or ATTRIBUTION_DASH.match(following):
        return False
    for word in words:
        parses = names.word_parses(word, lang)
        if parses and parses[0].tag.POS in NOT_IN_A_NAME and not any(p.tag.POS in FUNCTION_WORDS for p in parses):
            return False
    return True


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Where the paragraph's quotations stand, marks included; an opening mark never closed runs to its end
    (a quotation that goes on into the next paragraph)."""
    spans = [(m.start(), m.end()) for m in QUOTE_PAIRS.finditer(paragraph)]
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    for index, char in enumerate(paragraph):
        if char in OPENERS and char != '"' and index not in covered:
            spans.append((index, len(paragraph)))
            break
    return sorted(spans)


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence bounds of a paragraph whose quotations are masked (a full stop inside them ends nothing)."""
    bounds, start = [], 0
    for match in SENTENCE_BREAK.finditer(masked):
        if ABBREVIATION.search(masked[start: match.start() + 1]):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(masked)))
    return bounds


@dataclass
class Paragraph:
    """One paragraph as attribution reads it. Offsets are the paragraph's own unless named `base + …`."""

    number: int
    """Its index in the article."""
    base: int
    """Where it starts in the document's text."""
    text: str
    """The paragraph as written."""
    masked: str
    """The same with the inside of every quotation replaced by "x" and transcript labels by spaces."""
    spans: list[tuple[int, int]]
    """The quotations' spans (empty when the whole paragraph is a block quotation)."""
    people: list[Found]
    """People named outside quotations and labels, in order."""
    sentences: list[tuple[int, int]]
    """Sentence bounds in `masked`."""
    quotes: list[Quotation] = field(default_factory=list)
    """The paragraph's quotations, in order."""

    def sentence_of(self, position: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= position < b:
                return a, b
        return self.sentences[-1]

    def usable(self, match: re.Match, offset: int) -> bool:
        """A capitalised verb only counts at the start of a sentence (it is not "United States")."""
        if not match.group(0)[:1].isupper():
            return True
        before = self.masked[:offset + match.start()].rstrip()
        return not before or before[-1] in ".!?:;\"”»"

    def words(self, start: int, end: int) -> list[str]:
        return WORD.findall(self.masked[start:end])


def read_paragraph(number: int, base: int, text: str, labels: list[tuple[int, int]], members: list[Found],
                   block_speaker: str | None) -> Paragraph:
    """The view of one paragraph. `labels` are transcript labels in it; `members` the people named in it
    (their flags inside_quote, in_label and modifier are set here); a `block_speaker` (not None) makes the
    whole paragraph one quotation of that speaker ("" for an unnamed one)."""
    spans = [(0, len(text))] if block_speaker is not None else quote_spans(text)
    masked = list(text)
    for s, e in spans:
        for i in range(s + 1, e - 1 if e - s > 1 else e):
            masked[i] = "x" if not text[i].isspace() else " "
    for s, e in labels:
        masked[s:e] = " " * (e - s)
    masked_text = "".join(masked)
    for found in members:
        found.inside_quote = any(s <= found.start - base < e for s, e in spans)
        found.in_label = any(s <= found.start - base < e for s, e in labels)
        found.modifier = bool(MODIFIER.match(text[found.end - base:]))
    view = Paragraph(number, base, text, masked_text, spans, [f for f in members if not f.inside_quote and not f.in_label],
                     sentences(masked_text))
    if block_speaker is not None:
        view.quotes.append(Quotation(base, base + len(text), text, number, block_speaker or None, True))
        view.spans = []
        return view
    for s, e in spans:
        content = text[s + 1: e - 1 if text[e - 1:e] in CLOSERS else e].strip(" ,")
        if WORD.search(content):
            view.quotes.append(Quotation(base + s, base + e, content, number))
    return view
