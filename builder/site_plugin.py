"""The builder's own MkDocs plugin, registered by builder.build (not in mkdocs.yml, so a copied or edited
mkdocs.yml cannot lose it). It reads the front matter that builder.render wrote:

- `search: {facets: {Name: [values]}}` marks a page for the Pagefind index: its content is wrapped in
  `data-pagefind-body` (pages without it, such as index pages, stay out of search results) and each
  facet value becomes a `data-pagefind-filter` element, hidden and left out of the indexed text;
- every page links the archive's Atom feed, and a page with `feed: <path>` its own, with
  <link rel="alternate">.
"""

from __future__ import annotations

import re
from html import escape, unescape

from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from builder.feeds import ARCHIVE_FEED

NOT_INDEXED = ("related-articles",)
"""Sections (heading ids) whose list stays out of the search index."""


class BriefingPages(BasePlugin):
    """Search marks and feed links on the pages builder.render made."""

    def on_page_content(self, html, page, config, files):
        search = page.meta.get("search")
        if not isinstance(search, dict):
            return html
        # Lists of other pages (related articles) would make this page match their titles.
        html = re.sub(r'(<h2 id="(?:%s)">.*?</h2>\s*<ul)' % "|".join(NOT_INDEXED), r"\1 data-pagefind-ignore", html, flags=re.S)
        filters = "".join(f'<span data-pagefind-filter="{escape(str(name))}">{escape(str(value))}</span>'
                          for name, values in (search.get("facets") or {}).items() for value in values)
        return f'<div data-pagefind-body>\n{html}\n<div hidden data-pagefind-ignore>{filters}</div>\n</div>'

    def on_post_page(self, output, page, config):
        feeds = [(ARCHIVE_FEED, f"{config.site_name}: new articles")]
        own = page.meta.get("feed")
        if isinstance(own, str) and own != ARCHIVE_FEED:
            # The renderer wrote the title as HTML text already (builder.render.page).
            feeds.append((own, f"{config.site_name}: {unescape(str(page.meta.get('title', '')))}"))
        links = "".join(f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
                        f'href="{escape(get_relative_url(path, page.url or "."))}">' for path, title in feeds)
        return output.replace("</head>", links + "</head>", 1)
