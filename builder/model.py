"""The data model: frozen value objects only. No I/O, no spaCy.

Types flow one way: Article -> Annotation -> Archive (cross-archive index) -> pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, reported as `file:line: message`."""

    path: str
    """The file, as the user named it (relative where possible)."""
    line: int | None
    """1-based line number, or None when the problem concerns the whole file."""
    message: str
    """A sentence a user understands: what is wrong and what to do."""
    severity: str = "error"
    """"error" (the item is skipped; fatal with --strict) or "warning"."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Person:
    """A person in the knowledge base (or discovered in the articles)."""

    id: str
    """Stable slug; the page is people/<id>.md."""
    name: str
    """Canonical display name."""
    aliases: tuple[str, ...] = ()
    """Other spellings, in any language."""
    role: str | None = None
    """Office or job, shown on the person's page."""
    org: str | None = None
    """Organisation, shown on the person's page."""
    surname_alone: bool = True
    """Whether the surname alone names this person (false when it is also a place or a first name)."""
    in_kb: bool = True
    """False for people found in articles but not in the knowledge base yet."""


@dataclass(frozen=True)
class Event:
    """An event in the knowledge base."""

    id: str
    """Stable slug; the page is events/<id>.md."""
    name: str
    """Display name."""
    date: date | None = None
    """First day."""
    end: date | None = None
    """Last day, for events longer than a day."""
    place: str | None = None
    """Where it happened."""
    summary: str | None = None
    """One or two sentences shown on the event page."""
    aliases: tuple[str, ...] = ()
    """Phrases that name the event, in any language."""
    valid_from: date | None = None
    """Mentions in articles dated before this are not this event."""
    valid_until: date | None = None
    """Mentions in articles dated after this are not this event."""
    related: tuple[str, ...] = ()
    """Ids of related events."""


@dataclass(frozen=True)
class Topic:
    """A topic in the knowledge base."""

    id: str
    """Stable slug; the page is topics/<id>.md."""
    name: str
    """Display name; also the Material tag."""
    keywords: tuple[str, ...] = ()
    """Word beginnings that signal the topic, any language."""
    min_hits: int = 1
    """How many keyword hits make an article about the topic."""


@dataclass(frozen=True)
class Outlet:
    """A news outlet or agency: never a person."""

    id: str
    """Stable slug."""
    name: str
    """Display name."""
    aliases: tuple[str, ...] = ()
    """Other spellings."""


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything editors keep in data/."""

    people: tuple[Person, ...] = ()
    """People with aliases."""
    events: tuple[Event, ...] = ()
    """Events with aliases and dates."""
    topics: tuple[Topic, ...] = ()
    """Topics with keywords."""
    outlets: tuple[Outlet, ...] = ()
    """Outlets and agencies."""
    version: str = ""
    """Digest of the files the knowledge base was read from."""


@dataclass(frozen=True)
class ListFix:
    """An editor's correction of one list field of an article (people, speakers, events, topics)."""

    exactly: tuple[str, ...] | None
    """The ids the field must hold, replacing what was found; None when the editor adds or removes."""
    add: tuple[str, ...]
    """Ids to add to what was found."""
    remove: tuple[str, ...]
    """Ids to take away from what was found."""
    line: int
    """Header line of the field, for messages."""


@dataclass(frozen=True)
class QuoteFix:
    """An editor's correction of one quote: who said it, or that it is no quote."""

    text: str
    """The start of the quote as the annotator found it (or the whole text of a quote it missed)."""
    speaker: str | None
    """Id of the person who said it; None removes the quote."""
    direct: bool
    """For a quote the annotator missed: words in quotation marks (True) or reported speech."""
    line: int
    """Header line of the entry, for messages."""


@dataclass(frozen=True)
class Corrections:
    """What an editor set in an article's header: it wins over everything inferred."""

    fields: tuple[str, ...] = ()
    """Plain header fields the editor gave: title, date, lang, outlet, url."""
    people: ListFix | None = None
    """Correction of the people mentioned."""
    speakers: ListFix | None = None
    """Speakers to remove."""
    events: ListFix | None = None
    """Correction of the events."""
    topics: ListFix | None = None
    """Correction of the topics."""
    quotes: tuple[QuoteFix, ...] = ()
    """Quotes given to another speaker, added or removed."""


@dataclass(frozen=True)
class Article:
    """One raw article after ingest: decoded, header read, boilerplate stripped."""

    source: str
    """Path of the raw file, relative to the project where possible."""
    slug: str
    """Unique page name under articles/."""
    title: str
    """Headline (from the header, the text, or the lead when the text has none)."""
    title_source: str
    """"header", "text" or "lead"."""
    date: date | None
    """The article's own date, or None when the text gives none."""
    date_source: str
    """"header", "dateline", "text" or "none"."""
    lang: str
    """ISO 639-1 language code."""
    lang_source: str
    """"header" or "detected"."""
    outlet: str | None
    """Publishing outlet, when known."""
    url: str | None
    """Original address, when known."""
    paragraphs: tuple[str, ...]
    """The cleaned body, one string per paragraph."""
    removed: tuple[str, ...] = ()
    """Boilerplate lines that were stripped (kept for checks and debugging)."""
    corrections: Corrections = Corrections()
    """The editor's corrections from the header, applied after annotation."""


@dataclass(frozen=True)
class Quote:
    """Something a person said in an article."""

    text: str
    """The quoted words (direct) or the reported clause."""
    direct: bool
    """True for words in quotation marks, False for reported speech."""
    paragraph: int
    """Index of the paragraph it is in, for links to the exact place."""


@dataclass(frozen=True)
class PersonRef:
    """A person as found in one article."""

    id: str
    """Canonical id."""
    name: str
    """Canonical name (or the fullest spelling seen, for people not in the knowledge base)."""
    in_kb: bool
    """Whether the knowledge base knows this person."""
    first_surface: str = ""
    """The first spelling in the article, linked in the body."""
    first_paragraph: int = 0
    """Paragraph of the first mention."""
    mentions: int = 1
    """How often the person is mentioned."""


@dataclass(frozen=True)
class Speaker:
    """A person quoted in an article, with what they said."""

    id: str
    """Canonical id."""
    name: str
    """Canonical name."""
    quotes: tuple[Quote, ...]
    """In the order they appear."""


@dataclass(frozen=True)
class Ref:
    """An event or topic found in an article."""

    id: str
    """Knowledge-base id."""
    name: str
    """Display name."""
    first_surface: str = ""
    """The first phrase that named it in the article (events are linked there)."""
    first_paragraph: int = 0
    """Paragraph of the first mention."""
    paragraphs: tuple[int, ...] = ()
    """Every paragraph that names it (events), so pages can show what was said there."""


@dataclass(frozen=True)
class Annotation:
    """What the annotator found in one article."""

    people: tuple[PersonRef, ...] = ()
    """Everyone mentioned, by first appearance."""
    speakers: tuple[Speaker, ...] = ()
    """Everyone quoted, by first quote."""
    events: tuple[Ref, ...] = ()
    """Knowledge-base events referred to."""
    topics: tuple[Ref, ...] = ()
    """Knowledge-base topics the article is about."""


@dataclass(frozen=True)
class Note:
    """An editor's note from content/notes/."""

    source: str
    """Path of the note file."""
    slug: str
    """File stem, unique among notes."""
    title: str
    """Heading shown above the note."""
    author: str | None
    """Who wrote it."""
    date: date | None
    """When it was written."""
    about: tuple[str, ...]
    """Targets such as "person/dmitry-peskov", "event/<id>", "topic/<id>", "article/<slug>"."""
    body: str
    """The editor's Markdown, rendered as written."""


@dataclass(frozen=True)
class Placement:
    """A date an undated article is placed at, never shown as its own: the latest date of the events it names."""

    date: date
    """The date it is placed at."""
    events: tuple[str, ...]
    """Names of the events of that date it names (one, or several on the same day)."""


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with its annotation: the unit the renderer works on."""

    article: Article
    """The ingested article."""
    annotation: Annotation
    """What was found in it (with the editor's corrections, once applied)."""
    by_editor: frozenset[str] = frozenset()
    """Fields ("date", "people") and items ("people/<id>") an editor set; everything else is the machine's."""
    removed_by_editor: tuple[str, ...] = ()
    """Items the annotator found and an editor removed ("topics/<id>")."""
    placed: Placement | None = None
    """Where an article without a date of its own stands in time, and why (builder.archive.placement)."""

    @property
    def when(self) -> date | None:
        """The date date views sort and group by: the article's own, else its placement's, else None."""
        return self.article.date or (self.placed.date if self.placed else None)


@dataclass
class Archive:
    """The cross-archive index, built after every article was read and annotated."""

    kb: KnowledgeBase
    """The knowledge base."""
    articles: list[AnnotatedArticle] = field(default_factory=list)
    """All published articles, sorted by date (undated last), then slug."""
    people: dict[str, Person] = field(default_factory=dict)
    """Every person with a page: knowledge-base people and discovered ones."""
    notes: list[Note] = field(default_factory=list)
    """Editors' notes."""


@dataclass(frozen=True)
class Suggestion:
    """A person or event the articles name that the knowledge base does not know yet (`briefing suggest`)."""

    kind: str
    """"person" or "event"."""
    id: str
    """The id it would get in the knowledge base."""
    name: str
    """The spelling to show: the most common one."""
    spellings: tuple[str, ...]
    """Other spellings seen, proposed as aliases."""
    articles: int
    """How many articles name it."""
    mentions: int
    """How often it is named in all."""
    examples: tuple[tuple[str, str], ...]
    """Up to two (article source, sentence) pairs that show it in use."""
