"""Full-text search with facets: Pagefind (the binary shipped in the pinned `pagefind[bin]` package)
indexes the built site into site/pagefind/, which the search page loads in the reader's browser.

Only pages that builder.site_plugin marked with data-pagefind-body are indexed: articles, people, events,
topics. Every page is indexed as English (the site's language, <html lang="en">) so one index covers the
archive and a Romanian article is found from the same search box as an English one.

Pagefind writes its filter indexes in hash-map order, which changes from run to run (a known Pagefind
limitation; its page fragments are stable). canonical_filters() rewrites them in sorted order under
names made from their content, so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
"""What every decompressed Pagefind index file starts with, before its CBOR."""


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
        detail = dict.fromkeys(line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip())
        raise SearchIndexFailed("the search indexer (Pagefind) failed on the built site: " + " / ".join(list(detail)[-5:]))
    canonical_filters(site / "pagefind")


def _read(path: Path):
    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexFailed(f"{path} is not a Pagefind index file this builder understands.")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, value, digits: int) -> str:
    """Write the value as a Pagefind index file named by its content; returns the name's hash part."""
    import cbor2

    raw = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{suffix[0]}{name}{suffix[1]}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonical_filters(bundle: Path) -> None:
    """Sort the values of every filter index and the list of filters in each language's meta file, and
    rename the changed files after their content (the entry file names the meta file, the meta file the
    filter files)."""
    entry_path = bundle / "pagefind-entry.json"
    entry_text = entry_path.read_text(encoding="utf-8")
    for language, info in json.loads(entry_text)["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = next((part for part in meta if isinstance(part, list) and part and all(
            isinstance(f, list) and len(f) == 2 and (bundle / "filter" / f"{f[1]}.pf_filter").is_file() for f in part)), [])
        for entry in filters:
            path = bundle / "filter" / f"{entry[1]}.pf_filter"
            name, values = _read(path)
            path.unlink()
            entry[1] = _write(bundle / "filter", language, ("", ".pf_filter"), [name, sorted(values)], 7)
        filters.sort()
        meta_path.unlink()
        new_meta = _write(bundle, language, ("pagefind.", ".pf_meta"), meta, 10)
        entry_text = entry_text.replace(f'"{info["hash"]}"', f'"{new_meta}"')
    entry_path.write_text(entry_text, encoding="utf-8")
