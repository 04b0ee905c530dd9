"""Components `events` and `topics`: the knowledge base's events the text names (inside their date
windows) and the topics it is about (enough keyword hits)."""

from __future__ import annotations

import re

from builder.annotate.doc import Doc
from builder.model import KnowledgeBase, Ref
from builder.annotate.resolve import EventIndex, must_contain


class Events:
    name = "events"
    requires = ("text",)
    assigns = ("events",)

    def __init__(self, kb: KnowledgeBase):
        self.index = EventIndex(kb.events)

    def __call__(self, doc: Doc) -> None:
        first: dict[str, tuple[str, int]] = {}
        where: dict[str, set[int]] = {}
        for found in self.index.find(doc.text, doc.article.date):
            number = doc.paragraph_of(found.start)
            first.setdefault(found.id, (found.surface, number))
            where.setdefault(found.id, set()).add(number)
        doc.events = [Ref(eid, self.index.events[eid].name, surface, number, tuple(sorted(where[eid])))
                      for eid, (surface, number) in first.items()]


class Topics:
    name = "topics"
    requires = ("text",)
    assigns = ("topics",)

    def __init__(self, kb: KnowledgeBase):
        self._topics = [(t, [(must_contain(k.rstrip("$")), keyword_pattern(k)) for k in t.keywords]) for t in kb.topics]

    def __call__(self, doc: Doc) -> None:
        full = doc.article.title + "\n" + doc.text
        lowered = full.lower()
        for topic, patterns in self._topics:
            hits = sum(len(p.findall(full)) for literal, p in patterns if literal in lowered)
            if hits >= topic.min_hits:
                doc.topics.append(Ref(topic.id, topic.name))


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A topic keyword as a pattern: whole words when it ends in "$", case-sensitive when it has a capital."""
    whole = keyword.endswith("$")
    word = keyword[:-1] if whole else keyword
    flags = 0 if any(c.isupper() for c in word) else re.IGNORECASE
    body = r"\s+".join(map(re.escape, word.split()))
    return re.compile(r"(?<![\w-])" + body + (r"(?![\w-])" if whole else ""), flags)
