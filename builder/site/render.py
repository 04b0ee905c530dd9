"""Archive -> pages: article, person, event and topic pages, the indexes and the timeline.

Every page is a Markdown string with YAML front matter, keyed by its path under docs/. Article text is
escaped (builder.text.md_escape); editors' notes are the only Markdown rendered as written, and are
sanitised (builder.site.note_html).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import urllib.parse
from pathlib import Path
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from builder.config import DEFAULT_SITE_NAME, SCHEMA
from builder.site.charts import mentions_chart
from builder.site import urls
from builder.site.feeds import ARCHIVE_FEED, topic_feed
from builder.model import AnnotatedArticle, Archive, Event, Note, Person
from builder.site.note_html import note_block
from builder.text import md_escape
from builder.sources.yamlio import dump

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""Page bodies kept as files (HTML and script are not Python strings)."""
LANGUAGES = {"en": "English", "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian", "xx": "unknown"}
DATE_SOURCES = {"header": "set by an editor", "dateline": "from the dateline", "text": "from the text", "none": ""}
EDITED = " *(set by an editor)*"
PROVENANCE_FIELDS = ("title", "date", "lang", "outlet", "speakers", "people", "events", "topics")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class Settings:
    """Rendering choices."""

    per_page: int = SCHEMA["per_page"].default
    """Rows on one page of an index before it continues on the next."""
    site_name: str = DEFAULT_SITE_NAME
    """Shown on the home page."""
    related: int = 5
    """Related articles listed under an article."""
    person_page_min: int = 1
    """Articles that must name a person outside the knowledge base before they get a page (scale: an
    archive of thousands of articles names thousands of people once; they are listed without a page)."""


# Related articles: what two articles share, weighted: an event says more than a person, a person more
# than a topic, and each by its rarity (builder.site.render.related_articles). Something shared by more than
# COMMON articles (Putin, "sanctions" in a large archive) says little about two of them and would make the
# ranking quadratic, so it is not counted.
RELATED_WEIGHTS = {"event": 3, "person": 2, "topic": 1}
COMMON = 200
HALF = 183
"""Days apart at which what two articles share counts half (six months): closeness in time is part of relatedness."""
FAR = 730
"""Days apart assumed when either article has no date, own or placed."""
RELATED_MIN = 1.0
"""The least discounted score of a related article: one shared person named by a third of the archive, in the
same month, is just enough (2 × ln 3 ≈ 2.2); two common people years apart are not."""


def page(meta: dict, body: str) -> str:
    """A Markdown page with YAML front matter. The title and tags are written as HTML text (&, <, > as
    entities) because the Material theme puts them into the page as they are: a scraped headline such as
    "</title><script>…" would otherwise run."""
    meta = dict(meta)
    if isinstance(meta.get("title"), str):
        meta["title"] = html_text(meta["title"])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [html_text(tag) for tag in meta["tags"]]
    return "---\n" + dump(meta) + "---\n\n" + body.rstrip() + "\n"


def html_text(text: str) -> str:
    """Text as HTML that shows the same characters."""
    return html.escape(text, quote=False)


def link_target(url: str) -> str:
    """A URL as a Markdown link target that cannot end the link early: parentheses, brackets, quotes, angle
    brackets, spaces and anything outside ASCII are percent-encoded (existing %XX escapes are kept)."""
    # "&" stays (it separates query parameters) but as "&amp;": Markdown keeps a bare "&LT;" as an entity.
    # "'" is encoded too: a target ending in '' would be read as the link's (empty) title.
    return urllib.parse.quote(url, safe=":/?#@!$&*+,;=%-._~").replace("&", "&amp;")


def human_date(value: date | None) -> str:
    """"29 January 2022", or "undated"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else "undated"


def month_label(key: str) -> str:
    """"2022-01" -> "January 2022"."""
    if key == "undated":
        return "Undated"
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def item_date(item: AnnotatedArticle) -> str:
    """An article's date as a date view shows it: its own ("29 January 2022"), where it was placed ("placed in
    January 2026"; builder.archive.placement), or "undated"."""
    if item.article.date or not item.placed:
        return human_date(item.article.date)
    return f"placed in {month_label(item.placed.date.strftime('%Y-%m'))}"


def placed_note(items: list[AnnotatedArticle]) -> str:
    """A sentence for a date view holding articles placed by the events they name (or "")."""
    count = sum(1 for i in items if i.placed and not i.article.date)
    if not count:
        return ""
    if count == 1:
        return "One of these articles has no date of its own: it is placed at the date of the latest event it names."
    return f"{count} of these articles have no date of their own: each is placed at the date of the latest event it names."


def _month(item: AnnotatedArticle) -> str:
    return item.when.strftime("%Y-%m") if item.when else "undated"


def _newest_first(items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    dated = sorted((i for i in items if i.when), key=lambda i: (i.when, i.article.date is not None, i.article.slug), reverse=True)
    return dated + sorted((i for i in items if not i.when), key=lambda i: i.article.slug)


def link(text: str, target: str) -> str:
    """A Markdown link with escaped text."""
    return f"[{md_escape(text)}]({target})"


def person_link(name: str, pid: str, here: str = urls.IN_A_SECTION, paged: Collection[str] | None = None) -> str:
    """A link to a person's page from page `here`, or the name alone when the person has none (paged: the
    ids with a page; None = everyone)."""
    return link(name, urls.link(urls.person(pid), here)) if paged is None or pid in paged else md_escape(name)


def article_link(item: AnnotatedArticle, here: str = urls.IN_A_SECTION) -> str:
    return link(item.article.title, urls.link(urls.article(item.article.slug), here))


def _paginate(rows: list[str], per_page: int) -> list[list[str]]:
    return [rows[i: i + per_page] for i in range(0, len(rows), per_page)] or [[]]


def _pager(number: int, total: int, name: str) -> str:
    """Links to the previous and next pages of an index; page 1 is `name`.md, page N is `name`/page-N.md."""
    if total <= 1:
        return ""

    page_one = f"{name}.md"

    def target(n: int) -> str:
        return urls.link(urls.numbered(page_one, n), urls.numbered(page_one, number))

    parts = []
    if number > 1:
        parts.append(f"[← Newer]({target(number - 1)})")
    parts.append(f"Page {number} of {total}")
    if number < total:
        parts.append(f"[Older →]({target(number + 1)})")
    return "\n\n" + " · ".join(parts) + "\n"


def _with_quotes(pages: dict[str, str], cite: dict[str, dict], choices: dict[str, dict[str, str]]) -> dict[str, str]:
    """Pages of a person or an event with, in their front matter, the citation data of the quotes each shows
    (`cite`, by quote id) and what the rows can be narrowed to (`choices`: topics, events, speakers), for the
    site's script (builder.site.site_plugin writes them into the page)."""
    narrow = {kind: names for kind, names in choices.items() if names}
    out = {}
    for path, text in pages.items():
        on_page = {qid: cite[qid] for qid in QUOTE_ID.findall(text) if qid in cite}
        extra = {**({"cite": on_page} if on_page else {}), **({"choices": narrow} if narrow and ROW_CLASS in text else {})}
        end = text.index("\n---\n", 3) + 1
        out[path] = text[:end] + dump(extra) + text[end:] if extra else text
    return out


def _paged(path_stem: str, title: str, intro: str, rows: list[str], per_page: int, meta: dict | None = None,
           lead: str = "", first_meta: dict | None = None, head: tuple[str, ...] = ()) -> dict[str, str]:
    """An index page split into pages: `stem`.md, then `stem`/page-2.md, … Links in rows are written for
    the first page; on nested pages each "../" is deepened by one level. `lead` and `first_meta` (search
    facets, feeds) belong to the first page only; `head` (a table's header) stands above the rows of each."""
    chunks = _paginate(rows, per_page)
    pages = {}
    name = path_stem.rsplit("/", 1)[-1]
    heading_before = None  # the last heading of the rows on the pages before this one
    for number, chunk in enumerate(chunks, start=1):
        body_rows = chunk if number == 1 else [urls.deepen(row) for row in chunk]
        # A page that starts inside a month repeats that month's heading.
        if chunk and heading_before is not None and not chunk[0].lstrip("\n").startswith("#"):
            body_rows = [heading_before.rstrip("\n") + " (continued)\n", *body_rows]
        heading_before = next((row for row in reversed(chunk) if row.lstrip("\n").startswith("#")), heading_before)
        heading = title if number == 1 else f"{title} (page {number})"
        top = f"{intro}\n\n{lead}" if number == 1 and lead else intro
        body = f"# {md_escape(heading)}\n\n{top}\n\n" + "\n".join([*head, *body_rows]) + _pager(number, len(chunks), name)
        path = urls.numbered(f"{path_stem}.md", number)
        pages[path] = page({"title": heading, **(meta or {}), **((first_meta or {}) if number == 1 else {})}, body)
    return pages


# --- article pages ---------------------------------------------------------------------------------------

def _linked_paragraph(text: str, links: list[tuple[int, int, str]]) -> str:
    out, position = [], 0
    for start, end, target in sorted(links):
        if start < position:
            continue
        out.append(md_escape(text[position:start]) if position < start else "")
        out.append(f"[{md_escape(text[start:end])}]({target})")
        position = end
    out.append(md_escape(text[position:]))
    joined = "".join(out)
    return joined if joined.strip() else md_escape(text)


def _body_links(item: AnnotatedArticle, paged: Collection[str] | None = None) -> dict[int, list[tuple[int, int, str]]]:
    """The first mention of each person and event, as character spans per paragraph."""
    links: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    paragraphs = item.article.paragraphs
    here = urls.article(item.article.slug)
    targets = [(p.first_paragraph, p.first_surface, urls.link(urls.person(p.id), here)) for p in item.annotation.people
               if paged is None or p.id in paged]
    targets += [(e.first_paragraph, e.first_surface, urls.link(urls.event(e.id), here)) for e in item.annotation.events]
    for number, surface, target in targets:
        if not surface or not 0 <= number < len(paragraphs):
            continue
        start = paragraphs[number].find(surface)
        if start >= 0:
            links[number].append((start, start + len(surface), target))
    return links


def _note_block(note: Note) -> str:
    by = []
    if note.author:
        by.append(note.author)
    if note.date:
        by.append(human_date(note.date))
    heading = f"Editor's note: {note.title}" + (f" ({', '.join(by)})" if by else "")
    return note_block(heading, note.body)


def notes_section(notes: list[Note]) -> str:
    if not notes:
        return ""
    return "\n## Editors' notes\n\n" + "\n".join(_note_block(n) for n in notes)


def article_meta(item: AnnotatedArticle) -> dict:
    """The front matter of an article page (and the public JSON shape, less "source")."""
    a, n = item.article, item.annotation
    return {
        "title": a.title,
        "date": a.date.isoformat() if a.date else None,
        "date_source": a.date_source,
        "lang": a.lang,
        "outlet": a.outlet,
        "source": a.source,
        "speakers": [{"id": s.id, "name": s.name, "quotes": [{"text": q.text, "direct": q.direct} for q in s.quotes]}
                     for s in n.speakers],
        "people": [{"id": p.id, "name": p.name} for p in n.people],
        "events": [{"id": e.id, "name": e.name} for e in n.events],
        "topics": [{"id": t.id, "name": t.name} for t in n.topics],
    }


def provenance(item: AnnotatedArticle) -> dict:
    """Where each value of an article page came from: "editor" (its header) or "machine" (inference)."""
    return {name: "editor" if name in item.by_editor else "machine" for name in PROVENANCE_FIELDS}


def _mark_editor_items(meta: dict, item: AnnotatedArticle) -> None:
    """Items an editor added or gave a quote to carry `set_by: editor` in the front matter."""
    for kind in ("speakers", "people", "events", "topics"):
        for entry in meta[kind]:
            if f"{kind}/{entry['id']}" in item.by_editor:
                entry["set_by"] = "editor"


def _edited(item: AnnotatedArticle, name: str) -> str:
    return EDITED if name in item.by_editor else ""


def search_meta(kind: str, facets: dict[str, list[str]] | None = None, when: str = "", also: list[str] = ()) -> dict:
    """Front matter that marks a page for the search index (builder.site.site_plugin), with its facets and
    what a search result shows of it: its type and, when it has one, its date (`when`, as text). `also`:
    other spellings of the names on the page (Cyrillic ones too), indexed but not shown."""
    shown = {"Type": kind, **({"Date": when} if when else {})}
    return {"facets": {"Type": [kind], **{name: values for name, values in (facets or {}).items() if values}},
            "shown": shown, **({"also": list(also)} if also else {})}


def spellings(item: AnnotatedArticle, people: dict[str, Person] | None) -> list[str]:
    """The other spellings of the people an article names (Песков for Peskov), so that a search in any
    script finds the article; the names already on the page are left out."""
    if not people:
        return []
    shown = {p.name for p in item.annotation.people} | {s.name for s in item.annotation.speakers}
    out = []
    for ref in item.annotation.people:
        person = people.get(ref.id)
        for alias in person.aliases if person else ():
            if alias not in shown and alias not in out:
                out.append(alias)
    return out


def _latest(items: list[AnnotatedArticle]) -> str:
    """What a search result shows as the date of a person's or topic's page: its newest article's."""
    dates = [i.article.date for i in items if i.article.date]
    return f"latest {human_date(max(dates))}" if dates else ""


def _also(sentence: str) -> str:
    return f" {sentence}" if sentence else ""


def date_line(item: AnnotatedArticle) -> str:
    """The article page's date and where it came from; an undated article says so, and where it was placed."""
    a = item.article
    if a.date:
        return f"**Date:** {human_date(a.date)}" + (f" ({DATE_SOURCES[a.date_source]})" if a.date_source != "header" else EDITED)
    if item.placed:
        events = ", ".join(md_escape(name) for name in item.placed.events)
        return (f"**Date:** none in the text; placed in {month_label(item.placed.date.strftime('%Y-%m'))}, the date "
                f"of the latest event it names ({events}, {human_date(item.placed.date)})")
    return "**Date:** undated (the text gives no date and names no dated event)"


def _quote_words(quote) -> str:
    return f"“{md_escape(quote.text)}”" if quote.direct else f"*(reported)* {md_escape(quote.text)}"


QUOTE_CLASS, PERMALINK, ROW_CLASS = "briefing-quote", "briefing-permalink", "briefing-row"
"""A quote's list item (its id is its permanent anchor, builder.site.render.quote_ids), the link to it (left
out of the search index, like the paragraph links), and an article's row on a person's or event's page (with
the ids of its topics and events, data-topics and data-events, for narrowing the quotes in the browser)."""


def quote_ids(item: AnnotatedArticle) -> list[list[str]]:
    """A permanent id for each quote of an article ("q-" and 10 hex digits), parallel to its speakers and
    their quotes: made from the article's slug and the quote's words, so it stays when quotes are added,
    removed or given to another speaker; the same words said twice get "-2", "-3", … in the article's order."""
    seen: Counter = Counter()
    ids = []
    for speaker in item.annotation.speakers:
        mine = []
        for quote in speaker.quotes:
            words = " ".join(quote.text.split()).casefold()
            base = "q-" + hashlib.sha1(f"{item.article.slug}\n{words}".encode("utf-8")).hexdigest()[:10]
            seen[base] += 1
            mine.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
        ids.append(mine)
    return ids


def quote_card(item: AnnotatedArticle, speaker, quote, qid: str, here: str, indent: str = "", lead: str = "",
               attrs: str = "") -> str:
    """A quote as a list item with its permanent id, the link to its paragraph and a permanent link (to the
    quote on its article's page); the citation a reader copies is made from the page's `cite` data (front
    matter, builder.site.site_plugin) by the site's script."""
    on_article = here == urls.article(item.article.slug)
    target = "" if on_article else urls.link(urls.article(item.article.slug), here)
    words = f"{_quote_words(quote)} {paragraph_link(quote.paragraph + 1, target)}"
    permalink = f'[Link]({target}#{qid}){{: .{PERMALINK} aria-label="Permanent link to this quote" }}'
    return f"{indent}- {lead}{words} {permalink}\n{indent}  {{: #{qid} .{QUOTE_CLASS}{attrs} }}"


def cite_data(item: AnnotatedArticle, speaker, quote) -> dict:
    """What a citation of one quote says besides the address: who, what, where, when."""
    a = item.article
    return {"speaker": speaker.name, "words": quote.text, "direct": quote.direct, "title": a.title,
            "date": human_date(a.date) if a.date else "", "outlet": a.outlet or ""}


QUOTE_ID = re.compile(r"\{: #(q-[0-9a-f]{10}(?:-\d+)?) \.")
"""A quote card's id where its list item's attributes are written (quote_card)."""


PARAGRAPH_LINK = "briefing-paragraph"
"""The class of "¶8" links to a quote's paragraph: left out of the search index (builder.site.search), whose
excerpts would otherwise show the marks."""


def paragraph_link(number: int, page_url: str = "") -> str:
    """A "¶N" link to paragraph N (of the page at page_url, or of this page), named in words for screen readers."""
    return f'[¶{number}]({page_url}#p{number}){{: .{PARAGRAPH_LINK} aria-label="paragraph {number}" }}'



def render_article(item: AnnotatedArticle, notes: list[Note],
                   related: list[tuple[AnnotatedArticle, list[str]]] = (), paged: Collection[str] | None = None,
                   people: dict[str, Person] | None = None) -> str:
    a, n = item.article, item.annotation
    meta = article_meta(item)
    meta["title_source"] = a.title_source
    meta["url"] = a.url
    meta["tags"] = [t.name for t in n.topics]
    meta["provenance"] = provenance(item)
    _mark_editor_items(meta, item)
    if item.removed_by_editor:
        meta["removed_by_editor"] = list(item.removed_by_editor)
    meta["search"] = search_meta("Article", {
        "Speaker": sorted({s.name for s in n.speakers}), "Topic": sorted({t.name for t in n.topics}),
        "Language": [LANGUAGES.get(a.lang, a.lang)], "Year": [str(item.when.year)] if item.when else []},
        item_date(item), spellings(item, people))
    lines = [f"# {md_escape(a.title)}", ""]
    facts = [date_line(item),
             f"**Language:** {LANGUAGES.get(a.lang, a.lang)}" + _edited(item, "lang")]
    if "title" in item.by_editor:
        facts.insert(0, "*Title set by an editor*")
    if a.outlet:
        facts.append(f"**Outlet:** {md_escape(a.outlet)}" + _edited(item, "outlet"))
    if a.url and re.match(r"https?://", a.url):
        facts.append(f"[Original]({link_target(a.url)})")
    lines.append(" · ".join(facts) + "  ")
    if n.speakers:
        lines.append("**Speakers:** " + ", ".join(person_link(s.name, s.id, paged=paged) for s in n.speakers) + _edited(item, "speakers") + "  ")
    if n.events:
        lines.append("**Events:** " + ", ".join(link(e.name, urls.link(urls.event(e.id), urls.IN_A_SECTION)) for e in n.events) + _edited(item, "events") + "  ")
    if n.topics:
        lines.append("**Topics:** " + ", ".join(link(t.name, urls.link(urls.topic(t.id), urls.IN_A_SECTION)) for t in n.topics) + _edited(item, "topics"))
    lines.append("")
    links = _body_links(item, paged)
    for number, paragraph in enumerate(a.paragraphs):
        lines.append(_linked_paragraph(paragraph, links.get(number, [])))
        lines.append(f"{{: #p{number + 1} }}")
        lines.append("")
    if n.speakers:
        lines.append("## Who said what\n")
        here, cite = urls.article(a.slug), {}
        for speaker, ids in zip(n.speakers, quote_ids(item)):
            lines.append(f"### {person_link(speaker.name, speaker.id, paged=paged)}\n")
            for quote, qid in zip(speaker.quotes, ids):
                lines.append(quote_card(item, speaker, quote, qid, here))
                cite[qid] = cite_data(item, speaker, quote)
            lines.append("")
        meta["cite"] = cite
    if n.people:
        lines.append("## People mentioned\n")
        lines.append(", ".join(person_link(p.name, p.id, paged=paged) for p in n.people) + _edited(item, "people"))
    if related:
        lines.append("\n## Related articles\n")
        for other, shared in related:
            lines.append(f"- {item_date(other)}: {article_link(other, urls.article(item.article.slug))} "
                         f"(shares {md_escape(_some(shared))}; {apart(item, other)})")
    lines.append(notes_section(notes))
    return page(meta, "\n".join(lines))


def related_articles(items: list[AnnotatedArticle], limit: int) -> dict[str, list[tuple[AnnotatedArticle, list[str]]]]:
    """For each article, up to `limit` others ranked by what they share and by closeness in time, with the
    names of what they share, the most telling first. What is shared counts by kind (RELATED_WEIGHTS) and by
    rarity (log of how many articles in the archive per article naming it: the person every article names says
    nothing). The sum is discounted by the time between the two (their own or placed dates; unknown counts as
    far), and an article below RELATED_MIN after that is not related. Ties go to the article closest in date,
    then to the slug, so the order is stable."""
    keys: list[dict[tuple[str, str], str]] = []
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        n = item.annotation
        mine = {("event", e.id): e.name for e in n.events}
        mine.update({("person", p.id): p.name for p in n.people})
        mine.update({("topic", t.id): t.name for t in n.topics})
        keys.append(mine)
        for key in mine:
            postings[key].append(index)
    weight = {key: RELATED_WEIGHTS[key[0]] * math.log(len(items) / len(posting)) for key, posting in postings.items()}
    whens = [item.when for item in items]
    related = {}
    for index, item in enumerate(items):
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for key in keys[index]:
            posting = postings[key]
            if len(posting) > COMMON or weight[key] <= 0:
                continue
            for other in posting:
                if other != index:
                    scores[other] += weight[key]
                    shared[other].append(key)
        here = whens[index]
        distance = {other: abs((here - whens[other]).days) if here and whens[other] else FAR for other in scores}
        ranked = {other: round(score * HALF / (HALF + distance[other]), 9) for other, score in scores.items()}
        chosen = sorted((o for o, score in ranked.items() if score >= RELATED_MIN),
                        key=lambda o: (-ranked[o], distance[o], items[o].article.slug))[:limit]
        related[item.article.slug] = [
            (items[other], [keys[index][key] for key in sorted(shared[other], key=lambda k: (-weight[k], keys[index][k]))])
            for other in chosen]
    return related


def _some(names: list[str], shown: int = 4) -> str:
    """The first `shown` names, then how many more."""
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def apart(item: AnnotatedArticle, other: AnnotatedArticle) -> str:
    """How far `other` is in time from `item`, in words ("same month", "3 months later"), by their own or
    placed dates."""
    here, there = item.when, other.when
    if not here or not there:
        return "date unknown"
    days = (there - here).days
    if days == 0:
        words = "same day"
    elif abs(days) <= 7:
        words = "same week"
    elif (here.year, here.month) == (there.year, there.month):
        words = "same month"
    else:
        months = max(1, round(abs(days) / 30.44))
        count = f"{months} month{'s' if months != 1 else ''}" if months < 12 else \
            f"{round(abs(days) / 365.25)} year{'s' if round(abs(days) / 365.25) != 1 else ''}"
        words = f"{count} {'later' if days > 0 else 'earlier'}"
    placed = item.article.date is None or other.article.date is None
    return words + (" (placed)" if placed else "")


# --- people, events, topics ------------------------------------------------------------------------------

def _month_counts(items: list[AnnotatedArticle], person_id: str) -> tuple[Counter, Counter]:
    mentions, quotes = Counter(), Counter()
    for item in items:
        if not item.when:
            continue
        month = _month(item)
        mentions[month] += 1
        quotes[month] += sum(len(s.quotes) for s in item.annotation.speakers if s.id == person_id)
    return mentions, quotes


def render_person(person: Person, items: list[AnnotatedArticle], archive: Archive, notes: list[Note],
                  settings: Settings = Settings(), paged: Collection[str] | None = None) -> dict[str, str]:
    """The person's page (and its continuation pages when they are in many articles): who they are, a
    chart of mentions and quotes per month, the people, events and topics they appear with, then every
    article, newest first, with what they said there."""
    intro = []
    if person.in_kb:
        facts = [f"**Role:** {md_escape(person.role)}" if person.role else "", f"**Organisation:** {md_escape(person.org)}" if person.org else ""]
        facts = [f for f in facts if f]
        if facts:
            intro.append(" · ".join(facts) + "\n")
    else:
        intro.append("*Not in the knowledge base yet.* Editors can add this person to `data/people.yml`.\n")
    if person.aliases:  # in the page's text, so that a search for any spelling (Cyrillic too) finds it
        intro.append("**Also written:** " + ", ".join(md_escape(a) for a in person.aliases)
                     + "\n{: .briefing-also data-pagefind-weight=\"5\" }\n")
    quoted = [i for i in items if any(s.id == person.id for s in i.annotation.speakers)]
    n_quotes = sum(len(s.quotes) for i in quoted for s in i.annotation.speakers if s.id == person.id)
    intro.append(f"Mentioned in **{len(items)}** article{'s' if len(items) != 1 else ''}; "
                 f"quoted {n_quotes} time{'s' if n_quotes != 1 else ''} in **{len(quoted)}**." + _also(placed_note(items)))
    lead = []
    mentions, quotes = _month_counts(items, person.id)
    chart = mentions_chart(f"{person.name}: mentions and quotes", mentions, quotes)
    if chart:
        lead.append("## Mentions and quotes over time\n\n" + chart)
    companions = Counter(p.id for i in items for p in i.annotation.people if p.id != person.id)
    if companions:
        lead.append("## Appears most with\n")
        for other, count in sorted(companions.items(), key=lambda kv: (-kv[1], archive.people[kv[0]].name))[:15]:
            lead.append(f"- {person_link(archive.people[other].name, other, urls.person(person.id), paged)} ({count})")
    events = Counter(e.id for i in items for e in i.annotation.events)
    topics = Counter(t.id for i in items for t in i.annotation.topics)
    kb_events = {e.id: e for e in archive.kb.events}
    kb_topics = {t.id: t for t in archive.kb.topics}
    if events:
        lead.append("\n## Events\n")
        lead.extend(f"- {link(kb_events[e].name, urls.link(urls.event(e), urls.IN_A_SECTION))} ({c})" for e, c in sorted(events.items(), key=lambda kv: (-kv[1], kv[0])))
    if topics:
        lead.append("\n## Topics\n")
        lead.extend(f"- {link(kb_topics[t].name, urls.link(urls.topic(t), urls.IN_A_SECTION))} ({c})" for t, c in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])))
    lead.append(notes_section(notes))
    lead.append("\n## Articles and quotes, newest first\n")
    rows, cite = [], {}
    for item in _newest_first(items):
        about = "".join(f' data-{kind}="{" ".join(sorted(ids))}"' for kind, ids in
                        (("topics", {t.id for t in item.annotation.topics}), ("events", {e.id for e in item.annotation.events})) if ids)
        row = [f"- **{item_date(item)}**: {article_link(item)}\n  {{: .{ROW_CLASS}{about} }}"]
        for speaker, ids in zip(item.annotation.speakers, quote_ids(item)):
            if speaker.id == person.id:
                row += [quote_card(item, speaker, q, qid, urls.IN_A_SECTION, "    ", attrs=_events_at(item, q.paragraph))
                        for q, qid in zip(speaker.quotes, ids)]
                cite.update((qid, cite_data(item, speaker, q)) for q, qid in zip(speaker.quotes, ids))
        rows.append("\n".join(row))
    meta = {"person_id": person.id, "in_knowledge_base": person.in_kb}
    choices = {"topic": {t: kb_topics[t].name for t in sorted(topics, key=lambda t: kb_topics[t].name)},
               "event": {e: kb_events[e].name for e in sorted(events, key=lambda e: (kb_events[e].date or date.max, e))}}
    pages = _paged(urls.person(person.id)[:-3], person.name, "\n".join(intro), rows, settings.per_page, meta,
                   lead="\n".join(lead), first_meta={"search": search_meta("Person", when=_latest(items))})
    return _with_quotes(pages, cite, choices)


def related_events(kb_events: tuple[Event, ...]) -> dict[str, list[str]]:
    """Related events in both directions: an event lists those it names and those that name it."""
    known = {e.id for e in kb_events}
    both: dict[str, set[str]] = defaultdict(set)
    for event in kb_events:
        for other in event.related:
            if other in known and other != event.id:
                both[event.id].add(other)
                both[other].add(event.id)
    order = {e.id: (e.date or date.max, e.id) for e in kb_events}
    return {eid: sorted(others, key=order.__getitem__) for eid, others in both.items()}


def _event_paragraphs(item: AnnotatedArticle, eid: str) -> set[int]:
    """The paragraphs of an article that name an event."""
    ref = next((e for e in item.annotation.events if e.id == eid), None)
    return set(ref.paragraphs or (ref.first_paragraph,)) if ref else set()


def _events_at(item: AnnotatedArticle, paragraph: int) -> str:
    """The data-events attribute of a quote: the events named in its paragraph (a quote about the event)."""
    ids = sorted(e.id for e in item.annotation.events if paragraph in _event_paragraphs(item, e.id))
    return f' data-events="{" ".join(ids)}"' if ids else ""


def event_quotes(item: AnnotatedArticle, eid: str) -> list[tuple[Any, Any, str]]:
    """The quotes of an article made in the paragraphs that name an event, as (speaker, quote, quote id)."""
    where = _event_paragraphs(item, eid)
    return [(s, q, qid) for s, ids in zip(item.annotation.speakers, quote_ids(item))
            for q, qid in zip(s.quotes, ids) if q.paragraph in where]


def render_event(event: Event, items: list[AnnotatedArticle], archive: Archive, notes: list[Note],
                 settings: Settings = Settings(), related: list[str] = (), paged: Collection[str] | None = None) -> dict[str, str]:
    """The event's page: date, place, related events, who spoke about it, then month by month (oldest
    first, so a reader follows how it was described) every article naming it, with the quotes made in
    the paragraphs that name it."""
    when = human_date(event.date) + (f" to {human_date(event.end)}" if event.end else "")
    facts = [f"**Date:** {when}"] + ([f"**Place:** {md_escape(event.place)}"] if event.place else [])
    intro = [" · ".join(facts) + "\n"]
    if event.summary:
        intro.append(md_escape(event.summary) + "\n")
    kb_events = {e.id: e for e in archive.kb.events}
    lead = []
    if related:
        lead.append("**Related events:** " + ", ".join(link(kb_events[r].name, urls.link(urls.event(r), urls.event(event.id))) for r in related) + "\n")
    said = [(item, event_quotes(item, event.id)) for item in items]
    people = Counter(s.id for _, pairs in said for s in {s.id: s for s, _, _ in pairs}.values())
    if people:
        lead.append("## Who spoke about it\n")
        for pid, count in sorted(people.items(), key=lambda kv: (-kv[1], archive.people[kv[0]].name)):
            lead.append(f"- {person_link(archive.people[pid].name, pid, paged=paged)} "
                        f"({count} article{'s' if count != 1 else ''})")
    lead.append(notes_section(notes))
    lead.append(f"\n## What was said about it, month by month ({len(items)} article{'s' if len(items) != 1 else ''})\n")
    if placed_note(items):
        lead.append(placed_note(items) + "\n")
    rows, current, cite = [], None, {}
    for item, pairs in sorted(said, key=lambda pair: (pair[0].when or date.max, pair[0].article.date is None, pair[0].article.slug)):
        month = _month(item)
        if month != current:
            rows.append(f"\n### {month_label(month)}\n")
            current = month
        row = [f"- **{item_date(item)}**: {article_link(item)}\n  {{: .{ROW_CLASS} }}"]
        row += [quote_card(item, speaker, q, qid, urls.IN_A_SECTION, "    ",
                           f"{person_link(speaker.name, speaker.id, paged=paged)}: ", f' data-speaker="{speaker.id}"')
                for speaker, q, qid in pairs]
        cite.update((qid, cite_data(item, speaker, q)) for speaker, q, qid in pairs)
        rows.append("\n".join(row))
    facets = {"Year": [str(event.date.year)]} if event.date else {}
    meta = {"event_id": event.id, "date": event.date.isoformat() if event.date else None}
    choices = {"speaker": {pid: archive.people[pid].name for pid in sorted(people, key=lambda pid: archive.people[pid].name)}}
    pages = _paged(urls.event(event.id)[:-3], event.name, "\n".join(intro), rows, settings.per_page, meta,
                   lead="\n".join(lead), first_meta={"search": search_meta("Event", facets, when)})
    return _with_quotes(pages, cite, choices)


def _by_month_rows(items: list[AnnotatedArticle], here: str = urls.IN_A_SECTION) -> list[str]:
    rows, current = [], None
    for item in _newest_first(items):
        month = _month(item)
        if month != current:
            rows.append(f"\n### {month_label(month)}\n")
            current = month
        rows.append(f"- {item_date(item)}: {article_link(item, here)} ({LANGUAGES.get(item.article.lang, item.article.lang)})")
    return rows


def render_topic(topic, items: list[AnnotatedArticle], settings: Settings, notes: list[Note]) -> dict[str, str]:
    intro = f"{len(items)} article{'s' if len(items) != 1 else ''}, newest first." + _also(placed_note(items))
    lead = f"[Feed of new articles on this topic](../{topic_feed(topic.id)})\n" + notes_section(notes)
    return _paged(urls.topic(topic.id)[:-3], topic.name, intro, _by_month_rows(items), settings.per_page,
                  {"topic_id": topic.id, "feed": topic_feed(topic.id)},
                  lead=lead, first_meta={"search": search_meta("Topic", when=_latest(items))})


# --- the whole site --------------------------------------------------------------------------------------

def notes_for(archive: Archive) -> dict[str, list[Note]]:
    targets: dict[str, list[Note]] = defaultdict(list)
    for note in sorted(archive.notes, key=lambda n: (n.date or date.min, n.slug)):
        for target in note.about:
            targets[target].append(note)
    return targets


class _Same:
    """An article in a memo key: hashed by its file (cheap), equal when it is the same object or an equal one
    (dataclass equality, quick when the parts are shared), so keys never hash whole articles."""

    __slots__ = ("item",)

    def __init__(self, item: AnnotatedArticle):
        self.item = item

    def __hash__(self) -> int:
        return hash(self.item.article.source)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and (self.item is other.item or self.item == other.item)


class PageMemo:
    """Pages (and related articles) computed in the previous round, reused while everything they are made of
    is equal (the knowledge base aside: a new knowledge base needs a new memo). The live preview keeps one,
    so an edit re-renders only the pages it touches. A build keeps the pages of the previous build on disk
    instead (builder.pipeline.incremental.StoredPages, the same two methods)."""

    def __init__(self) -> None:
        self._previous: dict = {}
        self._current: dict = {}

    def value(self, key, make: Callable[[], Any]) -> Any:
        """What make() gives, taken from the previous round when `key` (the inputs) is equal."""
        text = self._current.get(key)
        if text is None:
            text = self._previous.get(key)
            if text is None:
                text = make()
            self._current[key] = text
        return text

    def pages(self, key, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """A group of pages ({path: Markdown}) made of the inputs `key`."""
        return self.value(key, make)

    def next_round(self) -> None:
        """Forget pages not asked for since the last round (so the memo never grows past one site)."""
        self._previous, self._current = self._current, {}


class _Fresh:
    """No memo: everything is made."""

    @staticmethod
    def value(key, make: Callable[[], Any]) -> Any:
        return make()

    pages = value


def _by_subject(items: list[AnnotatedArticle]) -> tuple[dict[str, list[AnnotatedArticle]], ...]:
    """The articles naming each person, each event and each topic."""
    by_person: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    by_event: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    by_topic: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in items:
        for p in item.annotation.people:
            by_person[p.id].append(item)
        for e in item.annotation.events:
            by_event[e.id].append(item)
        for t in item.annotation.topics:
            by_topic[t.id].append(item)
    return by_person, by_event, by_topic


def _people_shown(items: list[AnnotatedArticle], archive: Archive, paged: Collection[str]) -> tuple:
    """Every person the articles name or quote, as (id, name in the archive, has a page): what a person's or
    an event's page shows of the people beside it (a memo key's part)."""
    ids = {p.id for i in items for p in i.annotation.people} | {s.id for i in items for s in i.annotation.speakers}
    return tuple((pid, archive.people[pid].name if pid in archive.people else None, pid in paged) for pid in sorted(ids))


def paged_people(archive: Archive, notes: dict[str, list[Note]], by_person: dict[str, list[AnnotatedArticle]],
                 settings: Settings) -> set[str]:
    """The people with a page of their own. Scale: people outside the knowledge base named in fewer than
    person_page_min articles, or never by a full name anywhere in the archive (a bare "Lee" is nobody in
    particular), get none (unless a note is about them); they are listed on the people index."""
    return {pid for pid, person in archive.people.items() if person.in_kb or notes.get(f"person/{pid}")
            or (len(by_person.get(pid, [])) >= settings.person_page_min and len(person.name.split()) > 1)}


def render_site(archive: Archive, settings: Settings = Settings(), memo: PageMemo | None = None,
                progress: Callable[[int, int], None] | None = None) -> dict[str, str]:
    """Every page of the site, keyed by its path under docs/. With a memo (PageMemo, or a build's
    builder.pipeline.incremental.StoredPages), the pages of an article, a person, an event or a topic whose
    inputs are unchanged since the memo's last round are not rendered again: each group's key names every
    input its pages are made of (the articles by _Same; the knowledge base is the memo's business).
    `progress(done, total)` is told of every article and person rendered."""
    pages: dict[str, str] = {}
    notes = notes_for(archive)
    items = archive.articles
    keyed, memo = memo is not None, memo or _Fresh()
    related = memo.value(("related", tuple(map(_Same, items)), settings.related) if keyed else None,
                         lambda: related_articles(items, settings.related))
    by_person, by_event, by_topic = _by_subject(items)
    paged = paged_people(archive, notes, by_person, settings)
    steps = len(items) + len(paged)
    if progress:
        progress(0, steps)
    for done, item in enumerate(items, start=1):
        path = urls.article(item.article.slug)
        page_notes, page_related = notes.get(f"article/{item.article.slug}", []), related.get(item.article.slug, [])
        key = ("article", _Same(item), tuple(page_notes), tuple((_Same(other), tuple(why)) for other, why in page_related),
               tuple(p.id in paged for p in (*item.annotation.people, *item.annotation.speakers)),
               tuple(spellings(item, archive.people))) if keyed else None
        pages.update(memo.pages(key, lambda: {path: render_article(item, page_notes, page_related, paged, archive.people)}))
        if progress:
            progress(done, steps)
    done = len(items)
    for pid, person in archive.people.items():
        if pid not in paged:
            continue
        done += 1
        if progress:
            progress(done, steps)
        person_items, person_notes = by_person.get(pid, []), notes.get(f"person/{pid}", [])
        # A person's page also shows the names of the people they appear with, linked when they have a page.
        key = ("person", person, tuple(map(_Same, person_items)), tuple(person_notes), settings,
               _people_shown(person_items, archive, paged)) if keyed else None
        pages.update(memo.pages(key, lambda: render_person(person, person_items, archive, person_notes, settings, paged)))
    # An event no article names has no page (unless a note is about it), so no link leads to an empty one.
    shown_events = tuple(e for e in archive.kb.events if by_event.get(e.id) or notes.get(f"event/{e.id}"))
    linked_events = related_events(shown_events)
    for event in shown_events:
        event_items, event_notes = by_event.get(event.id, []), notes.get(f"event/{event.id}", [])
        key = ("event", event, tuple(map(_Same, event_items)), tuple(event_notes), settings,
               tuple(linked_events.get(event.id, [])), _people_shown(event_items, archive, paged)) if keyed else None
        pages.update(memo.pages(key, lambda: render_event(event, event_items, archive, event_notes, settings,
                                                          linked_events.get(event.id, []), paged)))
    for topic in archive.kb.topics:
        topic_items, topic_notes = by_topic.get(topic.id, []), notes.get(f"topic/{topic.id}", [])
        key = ("topic", topic, tuple(map(_Same, topic_items)), tuple(topic_notes), settings) if keyed else None
        pages.update(memo.pages(key, lambda: render_topic(topic, topic_items, settings, topic_notes)))

    # Indexes.
    rows = [f"- {item_date(i)}: {article_link(i, urls.index(urls.ARTICLES))} ({LANGUAGES.get(i.article.lang, i.article.lang)})"
            for i in _newest_first(items)]
    pages.update(_paged(urls.index(urls.ARTICLES)[:-3], "Articles", f"{len(items)} articles, newest first." + _also(placed_note(items)),
                        rows, settings.per_page))
    people_rows = ["| Person | Role | Articles | Quoted in |", "| --- | --- | ---: | ---: |"]
    quoted = Counter(s.id for i in items for s in i.annotation.speakers)
    ordered = sorted(archive.people.values(), key=lambda p: (-len(by_person.get(p.id, [])), p.name))
    body_rows = [f"| {person_link(p.name, p.id, urls.index(urls.PEOPLE), paged)} | {md_escape(p.role or ('' if p.in_kb else 'not in the knowledge base yet'))} | "
                 f"{len(by_person.get(p.id, []))} | {quoted.get(p.id, 0)} |" for p in ordered]
    pages.update(_paged(urls.index(urls.PEOPLE)[:-3], "People", f"{len(archive.people)} people, most mentioned first.",
                        body_rows, settings.per_page, head=tuple(people_rows)))
    event_rows = ["| Event | Date | Place | Articles |", "| --- | --- | --- | ---: |"]
    for event in sorted(shown_events, key=lambda e: (e.date or date.max, e.id), reverse=True):
        event_rows.append(f"| {link(event.name, urls.link(urls.event(event.id), urls.index(urls.EVENTS)))} | {human_date(event.date)} | {md_escape(event.place or '')} | {len(by_event.get(event.id, []))} |")
    pages[urls.index(urls.EVENTS)] = page({"title": "Events"}, "# Events\n\n" + "\n".join(event_rows))
    topic_rows = ["| Topic | Articles |", "| --- | ---: |"]
    for topic in sorted(archive.kb.topics, key=lambda t: (-len(by_topic.get(t.id, [])), t.name)):
        topic_rows.append(f"| {link(topic.name, urls.link(urls.topic(topic.id), urls.index(urls.TOPICS)))} | {len(by_topic.get(topic.id, []))} |")
    pages[urls.index(urls.TOPICS)] = page({"title": "Topics"}, "# Topics\n\n" + "\n".join(topic_rows))
    pages.update(render_timeline(archive, settings, shown_events))
    pages[urls.HOME] = render_home(archive, settings, by_person, shown_events, paged,
                                   navigation(archive, shown_events, by_topic))
    pages[urls.SEARCH] = render_search_page()
    return dict(sorted(pages.items()))


PREVIEWS = "previews"
"""Where the link previews are (previews/people/<id>.json, previews/events/<id>.json): what the site's script
shows when a reader hovers over or focuses a link to a person's or an event's page."""


def _latest_quote(items: list[AnnotatedArticle], said: Callable[[AnnotatedArticle], list]) -> dict | None:
    for item in _newest_first(items):
        pairs = said(item)
        if pairs:
            speaker, quote = pairs[0]
            return {"speaker": speaker.name, "words": quote.text, "direct": quote.direct,
                    "date": human_date(item.article.date) if item.article.date else ""}
    return None


def link_previews(archive: Archive, settings: Settings = Settings()) -> dict[str, str]:
    """A small JSON file for each person with a page and each event, keyed by its path under docs/ (beside
    the pages, like the feeds): the name, who they are (role and organisation from the knowledge base) or
    when and where it was, and the latest quote (the person's own; for an event, the newest said in a
    paragraph naming it)."""
    by_person, by_event, _ = _by_subject(archive.articles)
    notes = notes_for(archive)
    paged = paged_people(archive, notes, by_person, settings)
    files = {}
    for pid in sorted(paged):
        person = archive.people[pid]
        about = ", ".join(x for x in (person.role, person.org) if x) if person.in_kb else "Not in the knowledge base yet"
        latest = _latest_quote(by_person.get(pid, []), lambda item: [
            (s, q) for s in item.annotation.speakers if s.id == pid for q in s.quotes])
        files[f"{PREVIEWS}/{urls.PEOPLE}/{pid}.json"] = _json({"name": person.name, "about": about, "latest": latest})
    for event in archive.kb.events:
        if not by_event.get(event.id) and not notes.get(f"event/{event.id}"):
            continue  # no page (render_site)
        when = human_date(event.date) if event.date else ""
        about = ", ".join(x for x in (when, event.place) if x)
        latest = _latest_quote(by_event.get(event.id, []),
                               lambda item, eid=event.id: [(s, q) for s, q, _ in event_quotes(item, eid)])
        files[f"{PREVIEWS}/{urls.EVENTS}/{event.id}.json"] = _json({"name": event.name, "about": about, "latest": latest})
    return files


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n"


def _timeline(archive: Archive, events: tuple[Event, ...]) -> tuple[dict[str, list[AnnotatedArticle]], dict[str, list[Event]], list[str]]:
    """Articles by year (their own or placed date; "undated" when neither), events by month, and the years
    newest first (undated last)."""
    by_year: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in archive.articles:
        by_year[str(item.when.year) if item.when else "undated"].append(item)
    events_by_month: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.date:
            events_by_month[event.date.strftime("%Y-%m")].append(event)
    for event_list in events_by_month.values():
        event_list.sort(key=lambda e: (e.date, e.id))
    years = sorted({*by_year, *{m[:4] for m in events_by_month}}, key=lambda y: (y != "undated", y), reverse=True)
    return by_year, events_by_month, years


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _year_links(years: list[str], year: str) -> str:
    """The previous (older) and next (newer) year beside a year's page, and the timeline's index."""
    dated = [y for y in years if y != "undated"]
    here = urls.year(year)
    parts = []
    if year in dated and dated.index(year) + 1 < len(dated):
        older = dated[dated.index(year) + 1]
        parts.append(f"[← {older}]({urls.link(urls.year(older), here)})")
    parts.append(f"[All years]({urls.link(urls.index(urls.TIMELINE), here)})")
    if year in dated and dated.index(year) > 0:
        newer = dated[dated.index(year) - 1]
        parts.append(f"[{newer} →]({urls.link(urls.year(newer), here)})")
    return " · ".join(parts) + "\n{: .briefing-years }\n"


def render_timeline(archive: Archive, settings: Settings, events: tuple[Event, ...]) -> dict[str, str]:
    """The timeline: a page per year (articles by their own or placed date, and the events that have pages),
    each linking the years before and after it, and an index a reader scans: each year with its months, each
    month a link to where it starts on the year's pages with its counts and a bar as long as its articles."""
    by_year, events_by_month, years = _timeline(archive, events)
    pages = {}
    # Each article's month, worked out once (a year's rows are gathered month by month).
    by_month: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in archive.articles:
        by_month[_month(item)].append(item)
    busiest = max((len(month_items) for month, month_items in by_month.items() if month != "undated"), default=1)
    index_lines = ["# Timeline", "",
                   f"{_counted(len(archive.articles), 'article')} and {_counted(len(events), 'event')}, by year and "
                   "month, newest first; each bar is as long as the month's articles." + _also(placed_note(archive.articles))]
    for year in years:
        items = by_year.get(year, [])
        in_year = defaultdict(list)  # the year's articles by month, in archive order
        for item in items:
            in_year[_month(item)].append(item)
        months = sorted({*in_year} | {m for m in events_by_month if m.startswith(year)}, reverse=True)
        n_events = sum(len(events_by_month.get(m, [])) for m in months)
        rows, starts = [], {}
        for month in months:
            starts[month] = len(rows) // settings.per_page + 1
            rows.append(f"\n## {month_label(month)}\n")
            # Events and articles together, newest first; on one day the event comes before the articles about it.
            dated = [((event.date, 1, event.id), f"- **Event:** {human_date(event.date)}: {link(event.name, urls.link(urls.event(event.id), urls.IN_A_SECTION))}")
                     for event in events_by_month.get(month, [])]
            dated += [((item.when or date.min, 0, item.article.date is not None, item.article.slug), f"- {item_date(item)}: {article_link(item)}")
                      for item in in_year.get(month, ())]
            rows += [row for _, row in sorted(dated, key=lambda pair: pair[0], reverse=True)]
        count = (f"{_counted(len(items), 'article')} and {_counted(n_events, 'event')}, newest first."
                 + _also(placed_note(items)))
        pages.update(_paged(urls.year(year)[:-3], f"Timeline: {month_label(year) if year == 'undated' else year}", count,
                            rows, settings.per_page, lead=_year_links(years, year)))
        here = urls.index(urls.TIMELINE)
        index_lines += ["", f"## [{month_label(year) if year == 'undated' else year}]({urls.link(urls.year(year), here)})", "",
                        f"{_counted(len(items), 'article')}, {_counted(n_events, 'event')}.", ""]
        for month in months:
            n_month = len(in_year.get(month, ()))
            target = urls.link(urls.numbered(urls.year(year), starts[month]), here, month_label(month).lower().replace(" ", "-"))
            label = month_label(month).split(" ")[0]
            counts = _counted(n_month, "article") + (f", {_counted(len(events_by_month[month]), 'event')}" if events_by_month.get(month) else "")
            bar = f'<span class="briefing-bar" aria-hidden="true"><span style="width: {round(100 * n_month / busiest)}%"></span></span>'
            index_lines.append(f"- {bar} [{label}]({target}): {counts}")
    pages[urls.index(urls.TIMELINE)] = page({"title": "Timeline"}, "\n".join(index_lines))
    return pages


def navigation(archive: Archive, events: tuple[Event, ...], by_topic: dict[str, list[AnnotatedArticle]]) -> dict[str, list[list[str]]]:
    """What the left sidebar lists in each section, as [page path, label] (read by builder.site.site_plugin
    from the home page's front matter): the years (in Articles too, leading to the timeline), the events
    with pages newest first, the topics and the knowledge base's people by name. Each list is short (the
    knowledge base's size, the years), never the archive's articles or everyone it names."""
    _, _, years = _timeline(archive, events)
    # Labels without counts: a new article changes a list only when it brings a new year (every page of a
    # section shows its list, so a change there makes them all again: builder.pipeline.incremental).
    year_entries = [[urls.year(y), month_label(y) if y == "undated" else y] for y in years]
    return {
        urls.ARTICLES: year_entries,
        urls.PEOPLE: [[urls.person(p.id), html_text(p.name)] for p in sorted(archive.people.values(), key=lambda p: (p.name, p.id)) if p.in_kb],
        urls.EVENTS: [[urls.event(e.id), html_text(e.name)] for e in sorted(events, key=lambda e: (e.date or date.min, e.id), reverse=True)],
        urls.TOPICS: [[urls.topic(t.id), html_text(t.name)] for t in sorted(archive.kb.topics, key=lambda t: (t.name, t.id))],
        urls.TIMELINE: year_entries,
    }


def render_home(archive: Archive, settings: Settings, by_person, events: tuple[Event, ...],
                paged: Collection[str] | None = None, nav: dict | None = None) -> str:
    items = archive.articles
    languages = Counter(i.article.lang for i in items)
    lines = [f"# {md_escape(settings.site_name)}", "",
             f"An annotated archive of **{len(items)}** diplomatic briefings and news articles in "
             + ", ".join(f"{LANGUAGES.get(code, code)} ({count})" for code, count in sorted(languages.items()))
             + f", with **{len(archive.people)}** people, **{len(events)}** events and **{len(archive.kb.topics)}** topics.", "",
             f"Follow a [person]({urls.index(urls.PEOPLE)}), an [event]({urls.index(urls.EVENTS)}) or a "
             f"[topic]({urls.index(urls.TOPICS)}) through the archive, or read it along the "
             f"[timeline]({urls.index(urls.TIMELINE)}). New articles: [Atom feed]({ARCHIVE_FEED}).", "",
             SEARCH_FORM, "", "## Latest articles", ""]
    for item in _newest_first(items)[:10]:
        lines.append(f"- {item_date(item)}: {article_link(item, urls.HOME)}")
    top = sorted(archive.people.values(), key=lambda p: (-len(by_person.get(p.id, [])), p.name))[:10]
    if top:
        lines += ["", "## Most mentioned people", ""]
        lines += [f"- {person_link(p.name, p.id, urls.HOME, paged)} ({len(by_person.get(p.id, []))})" for p in top]
    return page({"title": settings.site_name, **({"navigation": nav} if nav else {})}, "\n".join(lines))


# A plain form: it works without JavaScript up to the search page, which reads ?q= and runs the search.
SEARCH_FORM = ('<form class="briefing-search" action="search/" role="search">'
               '<input type="search" name="q" aria-label="Search the archive" '
               'placeholder="A name, an event or words from a quote" size="40" '
               'style="padding: 0.5em 0.7em; border: 1px solid currentColor; border-radius: 0.2rem; '
               'margin-right: 0.5em; vertical-align: middle"> '
               '<button type="submit" class="md-button" style="vertical-align: middle">Search</button></form>')


def render_search_page() -> str:
    """The search page: Pagefind's own interface with its filters (facets), fed by site/pagefind/; its
    Markdown, HTML and script are the file templates/search.md."""
    return page({"title": "Search"}, (TEMPLATES / "search.md").read_text(encoding="utf-8"))
