"""Every page of the site, in one place: where it is (its path under docs/) and how another page links to
it. Pages of one kind live in one folder (articles/, people/, events/, topics/, timeline/); an index of
many pages continues at <stem>/page-N.md. Links are relative, so the site works under any sub-path."""

from __future__ import annotations

import posixpath
import re

ARTICLES, PEOPLE, EVENTS, TOPICS, TIMELINE = "articles", "people", "events", "topics", "timeline"
HOME, SEARCH = "index.md", "search.md"
IN_A_SECTION = "section/page.md"
"""Where rows are written from when they may land on any page one folder deep (an article, a person …)."""


def article(slug: str) -> str:
    return f"{ARTICLES}/{slug}.md"


def person(pid: str) -> str:
    return f"{PEOPLE}/{pid}.md"


def event(eid: str) -> str:
    return f"{EVENTS}/{eid}.md"


def topic(tid: str) -> str:
    return f"{TOPICS}/{tid}.md"


def year(value: int | str) -> str:
    return f"{TIMELINE}/{value}.md"


def index(section: str) -> str:
    """The index page of a section ("people/index.md")."""
    return f"{section}/index.md"


def numbered(page: str, number: int) -> str:
    """Page `number` of a page that continues over several: the page itself, then <stem>/page-N.md."""
    return page if number == 1 else f"{page[:-3]}/page-{number}.md"


def link(target: str, here: str, anchor: str = "") -> str:
    """The relative link from page `here` to page `target` (both paths under docs/), with an #anchor."""
    relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def deepen(row: str) -> str:
    """A row of Markdown written for a page, rewritten for a page one folder deeper (page N of an index)."""
    return re.sub(r"\]\((?!https?:|#)", "](../", row)
