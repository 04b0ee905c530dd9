"""What a reader's browser downloads before the first search result, measured in a real browser.

    .venv/bin/python bench/search_bytes.py SITE [--query Peskov]

Serves SITE on 127.0.0.1 (with gzip for the files a web host compresses: HTML, CSS, JS, JSON), opens its
search page in the system's headless Chromium through Playwright, types the query and waits for the
first result, then prints the bytes on the wire of everything fetched from opening the page to the first
result (the page itself included) and the largest responses: Pagefind's
search page when the site has one (search/ with site/pagefind/), Material's built-in search (its lunr
index, search/search_index.json) otherwise. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg"}  # what a static host serves gzipped


class _Handler(SimpleHTTPRequestHandler):
    """Static files, gzipped like a web host does for text; Pagefind's own files are gzipped already."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def measure(site: Path, query: str) -> tuple[str, list[tuple[str, int]]]:
    """(which search, [(url, bytes on the wire)]) for everything fetched from loading the search page to the
    first result."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()

            def record(response) -> None:
                try:
                    sizes = response.request.sizes()
                    fetched.append((response.url[len(base):], sizes["responseBodySize"] + sizes["responseHeadersSize"]))
                except Exception:  # a response the page abandoned
                    pass

            page.on("requestfinished", lambda request: record(request.response()))
            if (site / "pagefind").is_dir() and (site / "search" / "index.html").is_file():
                kind = "pagefind"
                page.goto(base + "search/", wait_until="load")
                page.fill(".pagefind-ui__search-input", query)
                page.wait_for_selector(".pagefind-ui__result", timeout=120_000)
            else:
                kind = "lunr"
                page.goto(base, wait_until="load")
                page.locator("input.md-search__input").fill(query, force=True)
                page.wait_for_selector(".md-search-result__item", timeout=600_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return kind, fetched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--query", default="Peskov")
    args = parser.parse_args()
    kind, fetched = measure(Path(args.site), args.query)
    total = sum(size for _, size in fetched)
    for url, size in sorted(fetched, key=lambda pair: -pair[1])[:15]:
        print(f"{size / 1e3:10.1f} kB  {url}")
    print(f"{kind}: {len(fetched)} responses, {total / 1e6:.2f} MB on the wire before the first result for "
          f"'{args.query}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
