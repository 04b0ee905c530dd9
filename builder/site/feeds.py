"""Atom feeds of new articles: one for the whole archive, one per topic (feedgen writes the XML).

Entry dates are the articles' own dates, never the build time, so the same archive gives the same bytes.
An undated article placed in time by the events it names (builder.archive.placement) is dated there, and its
summary says so; one that could not be placed has no place in a feed of new articles and is left out.

The feeds sit at the site's root (feed.xml, feed-<topic>.xml): the theme's script fetches sitemap.xml
beside every <link rel="alternate"> it finds on a page, and there is one only at the root.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from builder.model import AnnotatedArticle, Archive
from builder.text import NOT_TEXT

FEED_SIZE = 50
"""Newest articles in one feed."""
ARCHIVE_FEED = "feed.xml"


def topic_feed(topic_id: str) -> str:
    """The path of a topic's feed in the site."""
    return f"feed-{topic_id}.xml"


def _when(item: AnnotatedArticle) -> datetime:
    day = item.when
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _xml(text: str) -> str:
    """Text XML can hold: article text and knowledge-base names are cleaned when read, and what comes here
    by any other road is cleaned again, so that no character refused by XML stops the feeds."""
    return NOT_TEXT.sub("", text)


def _url(site_url: str, depth: int, path: str) -> str:
    """An absolute URL when the site's address is known (mkdocs.yml site_url), else one relative to the
    feed file, which Atom readers resolve against the feed's own address."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return "../" * depth + path or "./"  # the site's root from a feed at the root: never an empty href


def feed_xml(title: str, feed_path: str, items: list[AnnotatedArticle], site_name: str, site_url: str) -> str:
    """The Atom document for `items` (newest FEED_SIZE of the dated ones)."""
    dated = sorted((i for i in items if i.when), key=lambda i: (i.when, i.article.date is not None, i.article.slug), reverse=True)
    dated = dated[:FEED_SIZE]
    depth = feed_path.count("/")
    feed = FeedGenerator()
    feed.id(f"tag:briefing-archive,2026:{feed_path}")
    feed.title(_xml(title))
    feed.subtitle(_xml(f"New articles in {site_name}"))
    feed.link(href=_url(site_url, depth, ""), rel="alternate")
    feed.link(href=_url(site_url, depth, feed_path), rel="self")
    feed.language("en")
    feed.generator("Briefing Archive")
    feed.updated(_when(dated[0]) if dated else datetime(1970, 1, 1, tzinfo=timezone.utc))
    # feedgen lists entries in reverse order of adding: add oldest first so the newest leads.
    for item in reversed(dated):
        a, n = item.article, item.annotation
        entry = feed.add_entry()
        entry.id(f"tag:briefing-archive,2026:articles/{a.slug}")
        entry.title(_xml(a.title))
        entry.link(href=_url(site_url, depth, f"articles/{a.slug}/"), rel="alternate")
        entry.published(_when(item))
        entry.updated(_when(item))
        if a.outlet:
            entry.author(name=_xml(a.outlet))
        summary = a.paragraphs[0] if a.paragraphs else a.title
        speakers = ", ".join(s.name for s in n.speakers)
        if not a.date:
            summary = (f"(No date of its own; placed at {item.when.isoformat()}, the date of the latest event it names: "
                       f"{', '.join(item.placed.events)}.) {summary}")
        entry.summary(_xml(summary + (f" (Speakers: {speakers}.)" if speakers else "")))
        for topic in n.topics:
            entry.category(term=topic.id, label=_xml(topic.name))
    return feed.atom_str(pretty=True).decode("utf-8")


def render_feeds(archive: Archive, site_name: str, site_url: str = "") -> dict[str, str]:
    """feed.xml and feed-<topic id>.xml, keyed by their path in the site."""
    by_topic: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in archive.articles:
        for topic in item.annotation.topics:
            by_topic[topic.id].append(item)
    feeds = {ARCHIVE_FEED: feed_xml(f"{site_name}: new articles", ARCHIVE_FEED, archive.articles, site_name, site_url)}
    for topic in archive.kb.topics:
        path = topic_feed(topic.id)
        feeds[path] = feed_xml(f"{site_name}: {topic.name}", path, by_topic.get(topic.id, []), site_name, site_url)
    return feeds
