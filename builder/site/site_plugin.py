"""The builder's own MkDocs plugin, registered by builder.pipeline.build (not in mkdocs.yml, so a copied or edited
mkdocs.yml cannot lose it). It reads the front matter that builder.site.render wrote:

- `search: {facets: {Name: [values]}}` marks a page for the Pagefind index: its content is wrapped in
  `data-pagefind-body` (pages without it, such as index pages, stay out of search results) and each
  facet value becomes a `data-pagefind-filter` element and each of `shown` (type, date) a
  `data-pagefind-meta` one, hidden and left out of the indexed text;
- every page links the archive's Atom feed, and a page with `feed: <path>` its own, with
  <link rel="alternate">;
- a page with quotes gets their citation data and what its rows can be narrowed to (`cite`, `choices`) as
  JSON at the end of its body, for the site's script (overrides/assets/javascripts/briefing.js);
- the theme overrides (OVERRIDES) add the header's search box, the archive's stylesheet and its script;
- every page knows its place (on_nav): each section of the nav (Articles, People, Events, Topics, Timeline:
  the nav entry whose page is `<folder>/index.md`) becomes a Section holding its index page, so that with
  Material's navigation.indexes its tab links there; the pages of its folder, outside the nav, get it as
  their parent, as Material's blog plugin does for posts, so their tab is highlighted and navigation.path
  shows where they are; and it lists, in the left sidebar, what the home page's `navigation` front matter
  names for it (builder.site.render.navigation): the years, the events, the topics, the knowledge base's
  people. A page of another folder is listed as a link (the Articles sidebar's years lead to the timeline),
  as is, in a shard of the site, a page of another shard.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from html import escape, unescape
from urllib.parse import urlsplit, urlunsplit

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from builder.site.feeds import ARCHIVE_FEED
from builder.site.search import BODY_OPEN

OVERRIDES = Path(__file__).resolve().parent / "overrides"
"""The builder's theme overrides (MkDocs' custom_dir), put before the theme's own templates on every build: the
header with a search form (the theme shows its box only with its own lunr search, which Pagefind replaces;
the form sends the words to the search page, ?q=), main.html with the archive's stylesheet
(assets/stylesheets/briefing.css: palette, links, the form's look, phones)."""
NOT_INDEXED = ("related-articles", "appears-most-with")
"""Sections (heading ids) whose list of other pages stays out of the search index: a search for a name
should not bring up every page that merely lists that name as a companion."""


def quote_data(meta: dict) -> str:
    """The page's quotes as data for the site's script (assets/javascripts/briefing.js): what a citation of each
    says (`cite`, by the quote's id) and what the quotes can be narrowed to (`choices`). JSON in a script
    element the browser never runs; "<" is written as \\u003c, so no text can close the element."""
    data = {key: meta[key] for key in ("cite", "choices") if isinstance(meta.get(key), dict) and meta[key]}
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="briefing-quotes">{text}</script>\n'


def navigation_plan(docs: Path) -> dict:
    """What the left sidebar of each section lists: the home page's `navigation` front matter ({folder:
    [[path, title], …]}), or {} when there is none."""
    try:
        _, meta = get_data((docs / "index.md").read_text(encoding="utf-8"))
    except OSError:
        return {}
    plan = meta.get("navigation")
    return plan if isinstance(plan, dict) else {}


def _index_page(item) -> Page | None:
    """The page a top-level nav entry opens: itself, or a section's first page."""
    if isinstance(item, Section):
        item = item.children[0] if item.children else None
    return item if isinstance(item, Page) else None


class BriefingPages(BasePlugin):
    """Search marks and feed links on the pages builder.site.render made, and each page's place in the nav."""

    def on_nav(self, nav, config, files):
        sections: dict[str, Section] = {}
        for position, item in enumerate(nav.items):
            index = _index_page(item)
            folder, _, name = index.file.src_uri.partition("/") if index else ("", "", "")
            if name != "index.md":
                continue
            if not isinstance(item, Section):
                item = Section(index.title or folder.title(), [index])
                index.parent = item
                nav.items[position] = item
            sections[folder] = item
        for folder, entries in navigation_plan(Path(config.docs_dir)).items():
            section = sections.get(folder)
            if section is None or not isinstance(entries, list):
                continue
            for path, title in (entry for entry in entries if isinstance(entry, list) and len(entry) == 2):
                file = files.get_file_from_path(str(path))
                if file is not None and file.page is not None and str(path).startswith(folder + "/"):
                    file.page.title = str(title)
                    section.children.append(file.page)
                elif file is not None:
                    section.children.append(Link(str(title), file.url))
                elif "briefing-shard" in config.plugins:
                    # A page of another shard (builder.pipeline.shards): a link Material draws as it draws the
                    # page, made relative when the page is written (ShardPages).
                    url = File(str(path), config.docs_dir, "", config.use_directory_urls).url
                    section.children.append(Link(str(title), SHARD_SCHEME + url))
                else:
                    continue
                section.children[-1].parent = section
        for file in files.documentation_pages():
            page = file.page
            section = sections.get(file.src_uri.partition("/")[0])
            if page is not None and page.parent is None and section is not None and page is not _index_page(section):
                page.parent = section
        return nav

    def on_page_content(self, html, page, config, files):
        search = page.meta.get("search")
        if not isinstance(search, dict):
            return html
        # Lists of other pages (related articles) would make this page match their titles.
        html = re.sub(r'(<h2 id="(?:%s)">.*?</h2>\s*<ul)' % "|".join(NOT_INDEXED), r"\1 data-pagefind-ignore", html, flags=re.S)
        filters = "".join(f'<span data-pagefind-filter="{escape(str(name))}">{escape(str(value))}</span>'
                          for name, values in (search.get("facets") or {}).items() for value in values)
        # What the search result shows under its title (Pagefind's UI lists a page's meta but its title).
        filters += "".join(f'<span data-pagefind-meta="{escape(str(name))}">{escape(str(value))}</span>'
                           for name, value in (search.get("shown") or {}).items())
        # Other spellings of the names on the page (Песков on an English article about Peskov): indexed, not shown.
        also = search.get("also") or []
        spelled = f'\n<div hidden>{escape(" · ".join(map(str, also)))}</div>' if also else ""
        return f'{BODY_OPEN}\n{html}{spelled}\n<div hidden data-pagefind-ignore>{filters}</div>\n</div>'

    def on_post_page(self, output, page, config):
        feeds = [(ARCHIVE_FEED, f"{config.site_name}: new articles")]
        own = page.meta.get("feed")
        if isinstance(own, str) and own != ARCHIVE_FEED:
            # The renderer wrote the title as HTML text already (builder.site.render.page).
            feeds.append((own, f"{config.site_name}: {unescape(str(page.meta.get('title', '')))}"))
        links = "".join(f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
                        f'href="{escape(get_relative_url(path, page.url or "."))}">' for path, title in feeds)
        output = output.replace("</head>", links + "</head>", 1)
        data = quote_data(page.meta)
        if data:  # after the page's content, where an article's text cannot be (it is escaped)
            end = output.rindex("</body>")
            output = output[:end] + data + output[end:]
        return output


SHARD_SCHEME = "briefing-shard:"
"""How builder.pipeline.shards writes a link to a page of another shard (its SCHEME)."""
SHARD_LINK = re.compile(r'(href|src)="%s([^"]*)"' % SHARD_SCHEME)
"""A link to a page of another shard, as builder.pipeline.shards writes it (its SCHEME) and Markdown renders it."""


class ShardPages(BasePlugin):
    """One shard of the site (builder.pipeline.shards): links to other shards' pages made relative, the copies
    of the navigation's pages not written, and, outside the home shard, the theme's files (assets/,
    404.html) left to the home shard. The sitemap, of every shard's pages, is written after them all."""

    def __init__(self, primary: bool, nav_copies: set[str]):
        super().__init__()
        self.primary = primary
        self.nav_copies = nav_copies
        self.written = 0
        """Pages this build wrote."""

    def on_config(self, config):
        config.theme.static_templates.discard("sitemap.xml")
        if not self.primary:
            config.theme.static_templates.discard("404.html")
        return config

    def on_files(self, files, config):
        if not self.primary:
            docs = Path(config.docs_dir).resolve()
            for file in list(files):
                if not file.is_documentation_page() and docs not in Path(file.abs_src_path).resolve().parents:
                    files.remove(file)
        return files

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self.nav_copies:
            return ""  # written by its own shard
        self.written += 1

        def relative(match: re.Match) -> str:
            _, _, path, query, fragment = urlsplit(unescape(match[2]))
            target = urlunsplit(("", "", get_relative_url(path, page.file.url), query, fragment))
            quoted = target.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
            return f'{match[1]}="{quoted}"'

        return SHARD_LINK.sub(relative, output)
