"""The one document the annotation components read and extend."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from builder.model import Article, Ref
from builder.annotate.nlp import Span
from builder.annotate.resolve import Found
from builder.annotate.turns import Turn


@dataclass
class Quotation:
    """A passage in quotation marks (or a block quotation whose marks were lost) and who said it."""

    start: int
    """Offset of its first character (the opening mark) in the document's text."""
    end: int
    """Offset after its last character."""
    text: str
    """The quoted words, without the marks."""
    paragraph: int
    """The paragraph it stands in."""
    speaker: str | None = None
    """The person who said it; None while (or when) that is not established."""
    fixed: bool = False
    """The speaker is known from the layout (a block quotation after "… said:"), not to be attributed."""
    basis: str = ""
    """How the speaker was established ("before:subject", "after:inverted", "carried", …; "" for none)."""


@dataclass
class Doc:
    """An article as the components see it. Inputs first; each later field is set by the one component
    that declares it in `assigns` (see builder.annotate.pipeline)."""

    article: Article
    """The article as read."""
    text: str
    """The body the components read: the paragraphs separated by blank lines."""
    offsets: list[int]
    """Where each paragraph starts in `text`."""
    entities: list[Span] | None = None
    """The English model's entity spans of `text` (None: not English, or no model)."""
    arcs: list[tuple[int, int, str, int]] = field(default_factory=list)
    """The parsed tokens of the reporting sentences (builder.annotate.syntax; empty without a parse)."""
    people: list[Found] = field(default_factory=list)
    """Every mention of a person, in text order (component `mentions`)."""
    names: dict[str, Counter] = field(default_factory=dict)
    """How often each spelling names a person outside the knowledge base, by id (`mentions`, `spoken`)."""
    in_kb: dict[str, bool] = field(default_factory=dict)
    """Whether a person id is the knowledge base's (`mentions`)."""
    turns: list[Turn] = field(default_factory=list)
    """Labelled turns of a transcript (`turns`)."""
    quotations: list[Quotation] = field(default_factory=list)
    """Direct quotations with their speakers, or none (`speech`)."""
    reported: list[tuple[str, str, int]] = field(default_factory=list)
    """Reported speech: (person id, the clause, paragraph) (`speech`)."""
    spoken: list[tuple[int, str, str]] = field(default_factory=list)
    """Turns and titled statements: (offset, person id, words) (`spoken`)."""
    events: list[Ref] = field(default_factory=list)
    """Knowledge-base events the text names (`events`)."""
    topics: list[Ref] = field(default_factory=list)
    """Knowledge-base topics the text is about (`topics`)."""

    @classmethod
    def of(cls, article: Article, entities: list[Span] | None = None,
           arcs: list[tuple[int, int, str, int]] | None = None) -> "Doc":
        offsets, position = [], 0
        for paragraph in article.paragraphs:
            offsets.append(position)
            position += len(paragraph) + 2
        return cls(article=article, text=body_text(article), offsets=offsets, entities=entities,
                   arcs=arcs or [])

    @property
    def lang(self) -> str:
        return self.article.lang

    def paragraph_of(self, position: int) -> int:
        """The paragraph a text offset falls in."""
        return paragraph_of(self.offsets, position)


def body_text(article: Article) -> str:
    """The text the annotator (and the model) reads: the paragraphs separated by blank lines."""
    return "\n\n".join(article.paragraphs)


def paragraph_of(offsets: list[int], position: int) -> int:
    number = 0
    for index, start in enumerate(offsets):
        if start <= position:
            number = index
    return number
