"""Annotation as an ordered list of small components over one document (builder.annotate.doc.Doc).

Each component is a callable with a `name`, the Doc fields it `requires` and the fields it `assigns`, as
spaCy's `Language.component(requires=…, assigns=…)` declares them; the pipeline checks when it is made
that every field a component reads was an input or was assigned by a component before it. They are plain
Python, not registered spaCy components: most read the whole article (paragraphs, earlier speakers, the
knowledge base) rather than one spaCy Doc's tokens, and the non-English languages have no spaCy pipeline
to register them in (README, *Annotation components*).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator, Protocol

from builder.annotate.doc import Doc, body_text
from builder.annotate.people import Mentions
from builder.annotate.reporters import Reporters
from builder.annotate.speech import Speech
from builder.annotate.spoken import Spoken
from builder.annotate.subjects import Events, Topics
from builder.annotate.syntax import split
from builder.model import Annotation, Article, KnowledgeBase, PersonRef, Quote, Speaker
from builder.annotate.nlp import BATCH_SIZE, Span, entity_spans
from builder.annotate.resolve import PersonIndex, display_name
from builder.annotate.turns import TurnFinder

INPUTS = ("article", "text", "offsets", "entities", "arcs")
"""The Doc fields set before any component runs."""


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> None: ...


class Turns:
    """Component `turns`: the labelled turns of a transcript ("MS. PSAKI:", "Question:")."""

    name = "turns"
    requires = ("people",)
    assigns = ("turns",)

    def __init__(self, finder: TurnFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        doc.turns = self.finder.turns(doc.article.paragraphs, doc.offsets, doc.article.date, doc.people)


def check_order(components: list[Component]) -> None:
    """Every field a component requires is an input or assigned by an earlier component."""
    available = set(INPUTS)
    for component in components:
        missing = [f for f in component.requires if f not in available]
        if missing:
            raise ValueError(f"component {component.name!r} requires {missing}, which no earlier component assigns")
        available.update(component.assigns)


class Annotator:
    """Annotates articles with one knowledge base and injected spaCy pipelines, each a callable that loads
    it on first use (None for none): the English model, and the Romanian person recogniser (its loader may
    also return None when the model is missing). Tests run the same code with any model."""

    def __init__(self, kb: KnowledgeBase, english: Callable[[], object] | None,
                 romanian: Callable[[], object] | None = None):
        self.kb = kb
        self.index = PersonIndex(kb)
        self._models = {"en": english, "ro": romanian}
        self.turns = TurnFinder(self.index)
        mentions = Mentions(kb, self.index)
        self.components: list[Component] = [mentions, Reporters(self.index), Turns(self.turns), Speech(self.index),
                                            Spoken(self.turns, mentions.shaped_names), Events(kb), Topics(kb)]
        check_order(self.components)

    def _model(self, lang: str):
        loader = self._models.get(lang)
        return loader() if loader is not None else None

    def uses_model(self, article: Article) -> bool:
        """Whether annotating this article needs a model's entities (English, or Romanian when its model is there)."""
        if article.lang == "ro":
            return self._models["ro"] is not None and self._model("ro") is not None
        return article.lang == "en" and self._models["en"] is not None

    def entities(self, article: Article) -> list[Span]:
        """The model's entity spans for the article's body (empty for languages without a model)."""
        return entity_spans(self._model(article.lang)(body_text(article))) if self.uses_model(article) else []

    def entities_many(self, articles: list[Article], processes: int = 1,
                      batch_size: int = BATCH_SIZE) -> Iterator[list[Span]]:
        """Entity spans for each of the articles that use a model, in order: English texts stream through
        nlp.pipe in batches, in `processes` processes (never more than there are batches); the few
        Romanian ones through their model in this process."""
        used = [a for a in articles if self.uses_model(a)]
        texts = [body_text(a) for a in used if a.lang == "en"]
        english: Iterator[list[Span]] = iter(())
        if texts:
            processes = max(1, min(processes, -(-len(texts) // batch_size)))
            if processes > 1:
                from builder.pipeline.workers import die_with_parent

                die_with_parent()
            english = (entity_spans(doc) for doc in
                       self._model("en").pipe(iter(texts), batch_size=batch_size, n_process=processes))
        for article in used:
            yield next(english) if article.lang == "en" else self.entities(article)

    def read(self, article: Article, entities: list[Span] | None = None) -> Doc:
        """The article's document after every component ran."""
        if entities is None and self.uses_model(article):
            entities = self.entities(article)
        doc = Doc.of(article, *split(entities))
        for component in self.components:
            component(doc)
        return doc

    def annotate(self, article: Article, entities: list[Span] | None = None) -> Annotation:
        """Find people, speakers, events and topics in one article. `entities` are the model's spans for
        body_text(article) when they were computed beforehand (batched, or from the cache); without them
        the model runs here on English and Romanian articles."""
        return assemble(self.read(article, entities), self.index)


def assemble(doc: Doc, index: PersonIndex) -> Annotation:
    """The public annotation of a finished document: people in order of mention (title mentions of known
    people too), speakers in order of their first words with every quote and reported clause."""
    people = _people(doc, index)
    said: dict[str, list[Quote]] = {}
    order: list[tuple[int, str]] = []
    for position, pid, words in doc.spoken:
        said.setdefault(pid, []).append(Quote(words, True, doc.paragraph_of(position)))
        order.append((position, pid))
    for quote in doc.quotations:
        if quote.speaker:
            said.setdefault(quote.speaker, []).append(Quote(quote.text, True, quote.paragraph))
            order.append((quote.start, quote.speaker))
    for who, words, number in doc.reported:
        said.setdefault(who, []).append(Quote(words, False, number))
        order.append((doc.offsets[number], who))
    speakers = []
    for _, pid in sorted(order):
        if pid in [s.id for s in speakers]:
            continue
        chosen = sorted(said[pid], key=lambda q: q.paragraph)
        speakers.append(Speaker(pid, _name(pid, doc, index), tuple(_dedupe(chosen))))
    return Annotation(people=tuple(people.values()), speakers=tuple(speakers), events=tuple(doc.events),
                      topics=tuple(doc.topics))


def _people(doc: Doc, index: PersonIndex) -> dict[str, PersonRef]:
    # Title mentions of known people count as mentions; the model is not run on headlines.
    title_people = index.find(doc.article.title) if doc.article.title else []
    others = {name.split()[-1] for pid, spellings in doc.names.items() if not doc.in_kb.get(pid)
              for name in spellings if len(name.split()) > 1}
    title_people = [f for f in title_people if " " in f.surface or f.surface not in others]  # "Johnson" = Mike Johnson
    people: dict[str, PersonRef] = {}
    counts = Counter(f.id for f in doc.people)
    for found in doc.people:
        if found.id not in people:
            people[found.id] = PersonRef(id=found.id, name=_name(found.id, doc, index), in_kb=found.id in index.people,
                                         first_surface=found.surface, first_paragraph=doc.paragraph_of(found.start),
                                         mentions=counts[found.id])
    for found in title_people:
        if found.id not in people:
            people[found.id] = PersonRef(id=found.id, name=_name(found.id, doc, index), in_kb=True,
                                         first_surface="", first_paragraph=-1, mentions=1)
    for position, pid, _ in doc.spoken:
        if pid not in people:
            people[pid] = PersonRef(id=pid, name=_name(pid, doc, index), in_kb=pid in index.people,
                                    first_surface="", first_paragraph=doc.paragraph_of(position), mentions=1)
    return people


def _name(pid: str, doc: Doc, index: PersonIndex) -> str:
    if pid in index.people:
        return index.people[pid].name
    return display_name(doc.names.get(pid, Counter({pid: 1})))


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen, kept = set(), []
    for quote in quotes:
        key = (quote.text, quote.direct)
        if key not in seen:
            seen.add(key)
            kept.append(quote)
    return kept
