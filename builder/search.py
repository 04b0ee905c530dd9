"""Full-text search with facets: Pagefind (the binary shipped in the pinned `pagefind[bin]` package)
indexes the built site into site/pagefind/, which the search page loads in the reader's browser.

Only pages that builder.site_plugin marked with data-pagefind-body are indexed: articles, people, events,
topics. Every page is indexed as English (the site's language, <html lang="en">) so one index covers the
archive and a Romanian article is found from the same search box as an English one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class SearchIndexFailed(Exception):
    """Pagefind could not index the site."""


def index_site(site: Path) -> None:
    """Write the Pagefind index and UI into `site`/pagefind/."""
    try:
        from pagefind_bin import get_executable

        executable = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexFailed(f"the search indexer (Pagefind, from the pagefind[bin] package) is not installed "
                                f"({error}); run `make test` or `pip install -e .` to install it.") from error
    command = [str(executable), "--site", str(site), "--force-language", "en", "--exclude-selectors", ".headerlink",
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except OSError as error:
        raise SearchIndexFailed(f"the search indexer could not be started ({error}).") from error
    if result.returncode != 0 or not (site / "pagefind" / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexFailed("the search indexer (Pagefind) failed on the built site: " + " / ".join(detail))
