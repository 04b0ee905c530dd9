"""A crawl of a built site on disk: every href and src of every HTML page must name a file of the site, and
every #fragment an id (or name) in that file. Links with a scheme (https:, mailto:, data:) are not
followed. 404.html is served at any depth, so its links start from the site's root."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def broken_links(site: Path, skip: tuple[str, ...] = ("pagefind/",)) -> list[str]:
    """Every link of every page of the site that names no file, or no id in its file, as
    "page: link (why)". Pages under `skip` (Pagefind's own bundle) are not crawled."""
    site = site.resolve()
    parsed: dict[Path, _Page] = {}

    def page_of(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _read(path)
        return parsed[path]

    broken = []
    for html in sorted(site.rglob("*.html")):
        here = html.relative_to(site).as_posix()
        if here.startswith(skip):
            continue
        for link in page_of(html).links:
            scheme, netloc, path, _, fragment = urlsplit(link)
            if scheme or netloc:
                continue
            if path.startswith("/") or here == "404.html":
                target = posixpath.normpath(unquote(path).lstrip("/") or ".")
            elif path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(path)))
            else:
                target = here
            if target.startswith("../") or target == "..":
                broken.append(f"{here}: {link} (outside the site)")
                continue
            file = site / target
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{here}: {link} (no such file)")
                continue
            if fragment and file.suffix == ".html" and unquote(fragment) not in page_of(file).ids:
                broken.append(f"{here}: {link} (no id {fragment!r} there)")
    return broken
