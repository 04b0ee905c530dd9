"""Placing undated articles in time. An article whose text gives no date (and whose header gives none: an
editor's date is the article's own) was written no earlier than the events it names, and usually soon
after the latest of them: it is placed at that event's date. Date views (timeline, event and person pages,
feeds) sort and group it there, saying it was placed; its page says why; it never gets that date as its own."""

from __future__ import annotations

from dataclasses import replace

from builder.model import AnnotatedArticle, Event, Placement


def placement(item: AnnotatedArticle, events: dict[str, Event]) -> Placement | None:
    """Where an undated article stands: at the date of the latest dated knowledge-base event it names; None
    for a dated article or one that names no dated event."""
    if item.article.date:
        return None
    dated = [events[ref.id] for ref in item.annotation.events if ref.id in events and events[ref.id].date]
    if not dated:
        return None
    latest = max(event.date for event in dated)
    return Placement(date=latest, events=tuple(sorted(event.name for event in dated if event.date == latest)))


def placed(item: AnnotatedArticle, events: dict[str, Event]) -> AnnotatedArticle:
    """The item with its placement (unchanged when it has none)."""
    where = placement(item, events)
    return item if where == item.placed else replace(item, placed=where)
