"""Editors' notes as safe HTML: the one Markdown in the archive rendered as written, so the one place where
a script could come in. The builder renders a note itself and passes the HTML through nh3 (a maintained
sanitiser, Rust's ammonia) before it goes into a page; the note's title and byline are escaped text."""

from __future__ import annotations

import html
from functools import lru_cache

import markdown
import nh3

TAGS = {"a", "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
"""What a note keeps: links, emphasis, lists, code, quotations, headings, paragraphs and tables."""
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
"""Link schemes kept (relative links are kept too); javascript: and data: links lose their href."""


@lru_cache(maxsize=1024)
def body_html(body: str) -> str:
    """A note's Markdown as sanitised HTML."""
    rendered = markdown.markdown(body, extensions=["tables"], output_format="html")
    return nh3.clean(rendered, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES).strip()


def note_block(heading: str, body: str) -> str:
    """The note as the theme's admonition (the HTML MkDocs' admonition extension makes), as one raw HTML
    block of the page's Markdown, which Markdown leaves as it is."""
    return (f'<div class="admonition note">\n<p class="admonition-title">{html.escape(heading, quote=False)}</p>\n'
            f"{body_html(body)}\n</div>\n")
