"""Archive -> pages: article, person, event and topic pages, the indexes and the timeline.

Every page is a Markdown string with YAML front matter, keyed by its path under docs/. Article text is
escaped (builder.text.md_escape); editors' notes are the only Markdown rendered as written.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from builder.model import AnnotatedArticle, Archive, Note, Person
from builder.text import md_escape
from builder.yamlio import dump

LANGUAGES = {"en": "English", "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian", "xx": "unknown"}
DATE_SOURCES = {"header": "set by an editor", "dateline": "from the dateline", "text": "from the text", "none": ""}
EDITED = " *(set by an editor)*"
PROVENANCE_FIELDS = ("title", "date", "lang", "outlet", "speakers", "people", "events", "topics")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class Settings:
    """Rendering choices."""

    per_page: int = 50
    """Rows on one page of an index before it continues on the next."""
    site_name: str = "Briefing Archive"
    """Shown on the home page."""


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


def human_date(value: date | None) -> str:
    """"29 January 2022", or "undated"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else "undated"


def month_label(key: str) -> str:
    """"2022-01" -> "January 2022"."""
    if key == "undated":
        return "Undated"
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def _month(item: AnnotatedArticle) -> str:
    return item.article.date.strftime("%Y-%m") if item.article.date else "undated"


def _newest_first(items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    dated = sorted((i for i in items if i.article.date), key=lambda i: (i.article.date, i.article.slug), reverse=True)
    return dated + sorted((i for i in items if not i.article.date), key=lambda i: i.article.slug)


def link(text: str, target: str) -> str:
    """A Markdown link with escaped text."""
    return f"[{md_escape(text)}]({target})"


def article_link(item: AnnotatedArticle, prefix: str = "../articles/") -> str:
    return link(item.article.title, f"{prefix}{item.article.slug}.md")


def _paginate(rows: list[str], per_page: int) -> list[list[str]]:
    return [rows[i: i + per_page] for i in range(0, len(rows), per_page)] or [[]]


def _pager(number: int, total: int, name: str) -> str:
    """Links to the previous and next pages of an index; page 1 is `name`.md, page N is `name`/page-N.md."""
    if total <= 1:
        return ""

    def target(n: int) -> str:
        here_nested = number > 1
        if n == 1:
            return f"../{name}.md" if here_nested else f"{name}.md"
        return f"page-{n}.md" if here_nested else f"{name}/page-{n}.md"

    parts = []
    if number > 1:
        parts.append(f"[← Newer]({target(number - 1)})")
    parts.append(f"Page {number} of {total}")
    if number < total:
        parts.append(f"[Older →]({target(number + 1)})")
    return "\n\n" + " · ".join(parts) + "\n"


def _paged(path_stem: str, title: str, intro: str, rows: list[str], per_page: int, meta: dict | None = None,
           row_prefix_nested: tuple[str, str] | None = None) -> dict[str, str]:
    """An index page split into pages: `stem`.md, then `stem`/page-2.md, … Links in rows are written for
    the first page; on nested pages each "../" is deepened by one level."""
    chunks = _paginate(rows, per_page)
    pages = {}
    name = path_stem.rsplit("/", 1)[-1]
    for number, chunk in enumerate(chunks, start=1):
        body_rows = chunk if number == 1 else [_deepen(row) for row in chunk]
        heading = title if number == 1 else f"{title} (page {number})"
        body = f"# {md_escape(heading)}\n\n{intro}\n\n" + "\n".join(body_rows) + _pager(number, len(chunks), name)
        path = f"{path_stem}.md" if number == 1 else f"{path_stem}/page-{number}.md"
        pages[path] = page({"title": heading, **(meta or {})}, body)
    return pages


def _deepen(row: str) -> str:
    """Rewrite relative links in a row for a page one folder deeper."""
    return re.sub(r"\]\((?!https?:|#)", "](../", row)


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


def _body_links(item: AnnotatedArticle) -> dict[int, list[tuple[int, int, str]]]:
    """The first mention of each person and event, as character spans per paragraph."""
    links: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    paragraphs = item.article.paragraphs
    targets = [(p.first_paragraph, p.first_surface, f"../people/{p.id}.md") for p in item.annotation.people]
    targets += [(e.first_paragraph, e.first_surface, f"../events/{e.id}.md") for e in item.annotation.events]
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
    heading = heading.replace('"', "'")
    body = "\n".join(("    " + line) if line.strip() else "" for line in note.body.rstrip().splitlines())
    return f'!!! note "{heading}"\n\n{body}\n'


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


def render_article(item: AnnotatedArticle, notes: list[Note]) -> str:
    a, n = item.article, item.annotation
    meta = article_meta(item)
    meta["title_source"] = a.title_source
    meta["url"] = a.url
    meta["tags"] = [t.name for t in n.topics]
    meta["provenance"] = provenance(item)
    _mark_editor_items(meta, item)
    if item.removed_by_editor:
        meta["removed_by_editor"] = list(item.removed_by_editor)
    lines = [f"# {md_escape(a.title)}", ""]
    date_note = f" ({DATE_SOURCES[a.date_source]})" if a.date_source != "header" else EDITED
    facts = [f"**Date:** {human_date(a.date)}" + (date_note if a.date else " (the text gives no date)"),
             f"**Language:** {LANGUAGES.get(a.lang, a.lang)}" + _edited(item, "lang")]
    if "title" in item.by_editor:
        facts.insert(0, "*Title set by an editor*")
    if a.outlet:
        facts.append(f"**Outlet:** {md_escape(a.outlet)}" + _edited(item, "outlet"))
    if a.url and re.match(r"https?://", a.url):
        facts.append(f"[Original](<{a.url.replace('>', '%3E').replace(' ', '%20')}>)")
    lines.append(" · ".join(facts) + "  ")
    if n.speakers:
        lines.append("**Speakers:** " + ", ".join(link(s.name, f"../people/{s.id}.md") for s in n.speakers) + _edited(item, "speakers") + "  ")
    if n.events:
        lines.append("**Events:** " + ", ".join(link(e.name, f"../events/{e.id}.md") for e in n.events) + _edited(item, "events") + "  ")
    if n.topics:
        lines.append("**Topics:** " + ", ".join(link(t.name, f"../topics/{t.id}.md") for t in n.topics) + _edited(item, "topics"))
    lines.append("")
    links = _body_links(item)
    for number, paragraph in enumerate(a.paragraphs):
        lines.append(_linked_paragraph(paragraph, links.get(number, [])))
        lines.append(f"{{: #p{number + 1} }}")
        lines.append("")
    if n.speakers:
        lines.append("## Who said what\n")
        for speaker in n.speakers:
            lines.append(f"### {link(speaker.name, f'../people/{speaker.id}.md')}\n")
            for quote in speaker.quotes:
                words = f"“{md_escape(quote.text)}”" if quote.direct else f"*(reported)* {md_escape(quote.text)}"
                lines.append(f"- {words} [¶{quote.paragraph + 1}](#p{quote.paragraph + 1})")
            lines.append("")
    if n.people:
        lines.append("## People mentioned\n")
        lines.append(", ".join(link(p.name, f"../people/{p.id}.md") for p in n.people) + _edited(item, "people"))
    lines.append(notes_section(notes))
    return page(meta, "\n".join(lines))


# --- people, events, topics ------------------------------------------------------------------------------

def render_person(person: Person, items: list[AnnotatedArticle], archive: Archive, notes: list[Note]) -> str:
    lines = [f"# {md_escape(person.name)}", ""]
    if person.in_kb:
        facts = [f"**Role:** {md_escape(person.role)}" if person.role else "", f"**Organisation:** {md_escape(person.org)}" if person.org else ""]
        facts = [f for f in facts if f]
        if facts:
            lines.append(" · ".join(facts) + "\n")
        if person.aliases:
            lines.append("**Also written:** " + ", ".join(md_escape(a) for a in person.aliases) + "\n")
    else:
        lines.append("*Not in the knowledge base yet.* Editors can add this person to `data/people.yml`.\n")
    quoted = [(i, s) for i in items for s in i.annotation.speakers if s.id == person.id]
    lines.append(f"Mentioned in **{len(items)}** article{'s' if len(items) != 1 else ''}; quoted in **{len(quoted)}**.\n")
    if quoted:
        lines.append("## Quotes by date\n")
        for item, speaker in sorted(quoted, key=lambda pair: (pair[0].article.date or date.max, pair[0].article.slug)):
            lines.append(f"### {human_date(item.article.date)}: {article_link(item)}\n")
            for quote in speaker.quotes:
                words = f"“{md_escape(quote.text)}”" if quote.direct else f"*(reported)* {md_escape(quote.text)}"
                lines.append(f"- {words} [¶{quote.paragraph + 1}](../articles/{item.article.slug}.md#p{quote.paragraph + 1})")
            lines.append("")
    lines.append("## Articles\n")
    for item in _newest_first(items):
        lines.append(f"- {human_date(item.article.date)}: {article_link(item)}")
    companions = Counter(p.id for i in items for p in i.annotation.people if p.id != person.id)
    if companions:
        lines.append("\n## Appears with\n")
        for other, count in sorted(companions.items(), key=lambda kv: (-kv[1], archive.people[kv[0]].name))[:15]:
            lines.append(f"- {link(archive.people[other].name, f'{other}.md')} ({count})")
    events = Counter(e.id for i in items for e in i.annotation.events)
    topics = Counter(t.id for i in items for t in i.annotation.topics)
    kb_events = {e.id: e for e in archive.kb.events}
    kb_topics = {t.id: t for t in archive.kb.topics}
    if events:
        lines.append("\n## Events\n")
        lines.extend(f"- {link(kb_events[e].name, f'../events/{e}.md')} ({c})" for e, c in sorted(events.items(), key=lambda kv: (-kv[1], kv[0])))
    if topics:
        lines.append("\n## Topics\n")
        lines.extend(f"- {link(kb_topics[t].name, f'../topics/{t}.md')} ({c})" for t, c in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])))
    lines.append(notes_section(notes))
    meta = {"title": person.name, "person_id": person.id, "in_knowledge_base": person.in_kb}
    return page(meta, "\n".join(lines))


def render_event(event, items: list[AnnotatedArticle], archive: Archive, notes: list[Note]) -> str:
    lines = [f"# {md_escape(event.name)}", ""]
    when = human_date(event.date) + (f" to {human_date(event.end)}" if event.end else "")
    facts = [f"**Date:** {when}"] + ([f"**Place:** {md_escape(event.place)}"] if event.place else [])
    lines.append(" · ".join(facts) + "\n")
    if event.summary:
        lines.append(md_escape(event.summary) + "\n")
    kb_events = {e.id: e for e in archive.kb.events}
    related = [r for r in event.related if r in kb_events]
    if related:
        lines.append("**Related events:** " + ", ".join(link(kb_events[r].name, f"{r}.md") for r in related) + "\n")
    lines.append(f"## Articles ({len(items)})\n")
    for item in _newest_first(items):
        speakers = ", ".join(link(s.name, f"../people/{s.id}.md") for s in item.annotation.speakers[:5])
        lines.append(f"- {human_date(item.article.date)}: {article_link(item)}" + (f" (speakers: {speakers})" if speakers else ""))
    people = Counter(s.id for i in items for s in i.annotation.speakers)
    if people:
        lines.append("\n## Who spoke about it\n")
        for pid, count in sorted(people.items(), key=lambda kv: (-kv[1], archive.people[kv[0]].name)):
            lines.append(f"- {link(archive.people[pid].name, f'../people/{pid}.md')} ({count})")
    lines.append(notes_section(notes))
    return page({"title": event.name, "event_id": event.id, "date": event.date.isoformat() if event.date else None}, "\n".join(lines))


def _by_month_rows(items: list[AnnotatedArticle], prefix: str = "../articles/") -> list[str]:
    rows, current = [], None
    for item in _newest_first(items):
        month = _month(item)
        if month != current:
            rows.append(f"\n### {month_label(month)}\n")
            current = month
        rows.append(f"- {human_date(item.article.date)}: {article_link(item, prefix)} ({LANGUAGES.get(item.article.lang, item.article.lang)})")
    return rows


def render_topic(topic, items: list[AnnotatedArticle], settings: Settings, notes: list[Note]) -> dict[str, str]:
    intro = f"{len(items)} article{'s' if len(items) != 1 else ''}, newest first." + notes_section(notes)
    return _paged(f"topics/{topic.id}", topic.name, intro, _by_month_rows(items), settings.per_page,
                  {"topic_id": topic.id})


# --- the whole site --------------------------------------------------------------------------------------

def notes_for(archive: Archive) -> dict[str, list[Note]]:
    targets: dict[str, list[Note]] = defaultdict(list)
    for note in sorted(archive.notes, key=lambda n: (n.date or date.min, n.slug)):
        for target in note.about:
            targets[target].append(note)
    return targets


def render_site(archive: Archive, settings: Settings = Settings()) -> dict[str, str]:
    """Every page of the site, keyed by its path under docs/."""
    pages: dict[str, str] = {}
    notes = notes_for(archive)
    items = archive.articles
    by_person: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    by_event: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    by_topic: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in items:
        pages[f"articles/{item.article.slug}.md"] = render_article(item, notes.get(f"article/{item.article.slug}", []))
        for p in item.annotation.people:
            by_person[p.id].append(item)
        for e in item.annotation.events:
            by_event[e.id].append(item)
        for t in item.annotation.topics:
            by_topic[t.id].append(item)

    for pid, person in archive.people.items():
        pages[f"people/{pid}.md"] = render_person(person, by_person.get(pid, []), archive, notes.get(f"person/{pid}", []))
    for event in archive.kb.events:
        pages[f"events/{event.id}.md"] = render_event(event, by_event.get(event.id, []), archive, notes.get(f"event/{event.id}", []))
    for topic in archive.kb.topics:
        pages.update(render_topic(topic, by_topic.get(topic.id, []), settings, notes.get(f"topic/{topic.id}", [])))

    # Indexes.
    rows = [f"- {human_date(i.article.date)}: {article_link(i, '')} ({LANGUAGES.get(i.article.lang, i.article.lang)})"
            for i in _newest_first(items)]
    pages.update(_paged("articles/index", "Articles", f"{len(items)} articles, newest first.", rows, settings.per_page))
    people_rows = ["| Person | Role | Articles | Quoted in |", "| --- | --- | ---: | ---: |"]
    quoted = Counter(s.id for i in items for s in i.annotation.speakers)
    ordered = sorted(archive.people.values(), key=lambda p: (-len(by_person.get(p.id, [])), p.name))
    body_rows = [f"| {link(p.name, f'{p.id}.md')} | {md_escape(p.role or ('' if p.in_kb else 'not in the knowledge base yet'))} | "
                 f"{len(by_person.get(p.id, []))} | {quoted.get(p.id, 0)} |" for p in ordered]
    chunks = _paginate(body_rows, settings.per_page)
    for number, chunk in enumerate(chunks, start=1):
        rows_here = chunk if number == 1 else [_deepen(r) for r in chunk]
        heading = "People" if number == 1 else f"People (page {number})"
        body = f"# {heading}\n\n{len(archive.people)} people, most mentioned first.\n\n" + "\n".join(people_rows[:2] + rows_here)
        body += _pager(number, len(chunks), "index")
        pages["people/index.md" if number == 1 else f"people/index/page-{number}.md"] = page({"title": heading}, body)
    event_rows = ["| Event | Date | Place | Articles |", "| --- | --- | --- | ---: |"]
    for event in sorted(archive.kb.events, key=lambda e: (e.date or date.max, e.id), reverse=True):
        event_rows.append(f"| {link(event.name, f'{event.id}.md')} | {human_date(event.date)} | {md_escape(event.place or '')} | {len(by_event.get(event.id, []))} |")
    pages["events/index.md"] = page({"title": "Events"}, "# Events\n\n" + "\n".join(event_rows))
    topic_rows = ["| Topic | Articles |", "| --- | ---: |"]
    for topic in sorted(archive.kb.topics, key=lambda t: (-len(by_topic.get(t.id, [])), t.name)):
        topic_rows.append(f"| {link(topic.name, f'{topic.id}.md')} | {len(by_topic.get(topic.id, []))} |")
    pages["topics/index.md"] = page({"title": "Topics"}, "# Topics\n\n" + "\n".join(topic_rows))
    pages.update(render_timeline(archive, settings))
    pages["tags.md"] = page({"title": "Tags"}, "# Tags\n\nArticles by topic tag.\n\n<!-- material/tags -->\n")
    pages["index.md"] = render_home(archive, settings, by_person, by_event)
    return dict(sorted(pages.items()))


def render_timeline(archive: Archive, settings: Settings) -> dict[str, str]:
    by_year: dict[str, list[AnnotatedArticle]] = defaultdict(list)
    for item in archive.articles:
        by_year[str(item.article.date.year) if item.article.date else "undated"].append(item)
    events_by_month: dict[str, list] = defaultdict(list)
    for event in archive.kb.events:
        if event.date:
            events_by_month[event.date.strftime("%Y-%m")].append(event)
    for event_list in events_by_month.values():
        event_list.sort(key=lambda e: (e.date, e.id))
    years = sorted({*by_year, *{m[:4] for m in events_by_month}}, key=lambda y: (y == "undated", y), reverse=False)
    pages = {}
    index_rows = ["| Year | Articles | Events |", "| --- | ---: | ---: |"]
    for year in sorted(years, key=lambda y: (y != "undated", y), reverse=True):
        months = sorted({_month(i) for i in by_year.get(year, [])} | {m for m in events_by_month if m.startswith(year)}, reverse=True)
        n_events = sum(len(events_by_month.get(m, [])) for m in months)
        index_rows.append(f"| [{year}]({year}.md) | {len(by_year.get(year, []))} | {n_events} |")
        lines = [f"# Timeline: {year}", ""]
        for month in months:
            lines.append(f"## {month_label(month)}\n")
            for event in events_by_month.get(month, []):
                lines.append(f"- **Event:** {human_date(event.date)}: {link(event.name, f'../events/{event.id}.md')}")
            for item in _newest_first([i for i in by_year.get(year, []) if _month(i) == month]):
                lines.append(f"- {human_date(item.article.date)}: {article_link(item)}")
            lines.append("")
        pages[f"timeline/{year}.md"] = page({"title": f"Timeline: {year}"}, "\n".join(lines))
    pages["timeline/index.md"] = page({"title": "Timeline"}, "# Timeline\n\nArticles and events by year and month.\n\n" + "\n".join(index_rows))
    return pages


def render_home(archive: Archive, settings: Settings, by_person, by_event) -> str:
    items = archive.articles
    languages = Counter(i.article.lang for i in items)
    lines = [f"# {md_escape(settings.site_name)}", "",
             f"An annotated archive of **{len(items)}** diplomatic briefings and news articles in "
             + ", ".join(f"{LANGUAGES.get(code, code)} ({count})" for code, count in sorted(languages.items()))
             + f", with **{len(archive.people)}** people, **{len(archive.kb.events)}** events and **{len(archive.kb.topics)}** topics.", "",
             "Follow a [person](people/index.md), an [event](events/index.md) or a [topic](topics/index.md) through the archive, "
             "or read it along the [timeline](timeline/index.md).", "", "## Latest articles", ""]
    for item in _newest_first(items)[:10]:
        lines.append(f"- {human_date(item.article.date)}: {article_link(item, 'articles/')}")
    top = sorted(archive.people.values(), key=lambda p: (-len(by_person.get(p.id, [])), p.name))[:10]
    if top:
        lines += ["", "## Most mentioned people", ""]
        lines += [f"- {link(p.name, f'people/{p.id}.md')} ({len(by_person.get(p.id, []))})" for p in top]
    return page({"title": settings.site_name}, "\n".join(lines))
