"""Full-text search with facets: Pagefind (the binary shipped in the pinned `pagefind[bin]` package)
indexes the built site into site/pagefind/, which the search page loads in the reader's browser.

Only pages that builder.site.site_plugin marked with data-pagefind-body are indexed: articles, people, events,
topics. Every page is indexed as English (the site's language, <html lang="en">) so one index covers the
archive and a Romanian article is found from the same search box as an English one.

Pagefind holds everything it indexes in memory, many times the size of the HTML (README, *Benchmarks*),
and it has no incremental mode: a part is indexed whole or not at all. So the site is indexed in small
parts, one Pagefind run each: site/pagefind/ holds the first part (and Pagefind's scripts),
site/pagefind/part-<key>/ each other part (its index only: the scripts are the first part's), and
site/pagefind/parts.json lists them for the search page, which merges them in the browser (Pagefind's
mergeIndex: one result list, ranked by score, and one set of filters). A page's part is chosen by the bits of
a hash of its path: a part whose pages are more than PART_PAGES, or more than `search_part_mb` MB, is split
in two by the next bit (its key grows by a bit), so every part is a fair sample of the archive (the parts
rank alike), no part is larger than a few hundred pages, and a page keeps its part as the archive grows
(or goes into one of its part's two halves). A rebuild after one page changed re-indexes the one small part
that holds it (builder.pipeline.incremental).

Pagefind writes its filter indexes in hash-map order, which changes from run to run (a known Pagefind
limitation; its page fragments are stable). canonical_filters() rewrites them in sorted order under
names made from their content, so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from builder.pipeline import trash
from builder.pipeline.incremental import Previous, hashes_digest, own_file
from builder.site.render import PARAGRAPH_LINK

SIGNATURE = b"pagefind_dcd"
"""What every decompressed Pagefind index file starts with, before its CBOR."""
BODY_OPEN = "<div data-pagefind-body>"
"""How the indexed part of a page starts (builder.site.site_plugin writes it; pages to index are found by it,
and article text is escaped, so it cannot contain it)."""
MB = 1_000_000
"""The unit of the search_part_mb setting."""
PARTS_FILE = "parts.json"
"""In site/pagefind/: the folders of the other parts, relative to it, for the search page to merge."""
PART_PAGES = 400
"""At most this many pages in a part of the index (see the module's notes): Pagefind takes a few seconds to
index a part of this size, which is what a rebuild after one changed page costs."""
PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
"""What another part than the first needs in the browser (with its .pf_meta): merged into the first part's
Pagefind, it uses the first part's scripts and WebAssembly, so its own copies are not kept."""


class SearchIndexFailed(Exception):
    """Pagefind could not index the site."""


def index_site(site: Path, part_bytes: int, progress: Callable[[int, int], None] | None = None,
               previous: Previous | None = None, kept: set[str] | None = None) -> dict[str, str]:
    """Write the Pagefind index and UI into `site`/pagefind/, in parts of about part_bytes of pages each
    (see the module's notes). A part whose pages are byte for byte those of a part of the previous build
    is copied from it instead of indexed again. Returns the digest of each part's pages by its folder
    ("" for the first, "part-2/", …).

    With `kept` (a site updated in place, builder.pipeline.journal), `site` holds only the new and changed
    files and the pages in `kept` (paths under the site) are the previous site's: the site is both, and a
    part taken over stays where it is, its files added to `kept`, instead of being copied."""
    try:
        from pagefind_bin import get_executable

        executable = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexFailed(f"the search indexer (Pagefind, from the pagefind[bin] package) is not installed "
                                f"({error}); run `make test` or `pip install -e .` to install it.") from error
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)  # a preview's index from an earlier run
    where = _site_files(site, previous.site if previous is not None and kept is not None else None, kept or set())
    hashes = _indexed(where)
    pages = [(relative, size) for relative, (size, _) in hashes.items()]
    if not pages:
        raise SearchIndexFailed(f"no page of the site in {site} is marked for the search index (an article, "
                                f"person, event or topic page); there is nothing to search.")
    parts = split_pages(pages, part_bytes)
    names = [""] + [f"part-{key}/" for key in list(parts)[1:]]
    digests: dict[str, str] = {}
    if progress:
        progress(0, len(parts))
    scratch: Path | None = None  # where the pages of the parts to index are linked, one folder a part
    try:
        for number, (part, name) in enumerate(zip(parts.values(), names), start=1):
            output = bundle / name
            digests[name] = hashes_digest((relative, hashes[relative][1]) for relative in part)
            old = _own_part(previous.site, name) if previous and previous.search.get(name) == digests[name] else None
            if old is not None:
                if kept is None:
                    shutil.copytree(old, output, ignore=_other_parts(old) if name == "" else None)
                else:
                    kept.update(_part_files(previous.site, name))
            else:
                scratch = scratch or Path(tempfile.mkdtemp(prefix=".briefing-search-", dir=site.parent))
                _index_part(executable, scratch / str(number), where, part, output)
                canonical_filters(output)
                if name:
                    _only_the_index(output)
            if progress:
                progress(number, len(parts))
    finally:
        if scratch is not None:
            trash.discard(scratch)  # removed in the background, once (builder.pipeline.trash)
    bundle.mkdir(parents=True, exist_ok=True)  # (a site updated in place may take every part over)
    (bundle / PARTS_FILE).write_text(json.dumps(names[1:]) + "\n", encoding="utf-8")
    return digests


def _site_files(site: Path, published: Path | None, kept: set[str]) -> dict[str, Path]:
    """Where each HTML file of the site is: in `site`, or, for the `kept` ones, in the published site."""
    found = {relative: published / relative for relative in kept if relative.endswith(".html")} if published else {}
    for path in site.rglob("*.html"):
        found[path.relative_to(site).as_posix()] = path
    return dict(sorted(found.items(), key=lambda item: item[0].split("/")))


def _part_files(site: Path, name: str) -> list[str]:
    """The files of one part of the published site's search index (the first part's without the others)."""
    top = site / "pagefind"
    found = []
    for folder, subfolders, files in os.walk(top / name):
        here = Path(folder)
        if here == top:
            subfolders[:] = [f for f in subfolders if not f.startswith("part-")]
            files = [f for f in files if f != PARTS_FILE]
        found.extend((here / f).relative_to(site).as_posix() for f in files)
    return found


def _own_part(site: Path, name: str) -> Path | None:
    """The folder of a part of the previous site's index, when it is whole and holds no link (copied into the
    new site, a link would bring whatever it points to: builder.pipeline.incremental.own_file)."""
    script = own_file(site, f"pagefind/{name}pagefind-entry.json")  # every part has it (PART_FILES)
    if script is None or any(path.is_symlink() for path in script.parent.rglob("*")):
        return None
    return script.parent


def _other_parts(top: Path) -> Callable[[str, list[str]], set[str]]:
    """For copying the first part's folder: leave out the other parts and the list of them."""
    return lambda folder, names: ({n for n in names if n.startswith("part-") or n == PARTS_FILE}
                                  if Path(folder) == top else set())


def indexed_pages(where: dict[str, Path] | Path) -> list[tuple[str, int]]:
    """The built pages marked for the index, as (path relative to the site, size in bytes), sorted. `where`:
    the site, or where each of its HTML files is (_site_files)."""
    return [(relative, size) for relative, (size, _) in _indexed(where).items()]


def _indexed(where: dict[str, Path] | Path) -> dict[str, tuple[int, bytes]]:
    """The size and SHA-256 of each page marked for the index, by its path (indexed_pages): each page read
    once."""
    if isinstance(where, Path):
        where = _site_files(where, None, set())
    found = {}
    for relative, path in where.items():
        if relative.startswith("pagefind/"):
            continue
        data = path.read_bytes()
        if BODY_OPEN.encode() in data:
            found[relative] = (len(data), hashlib.sha256(data).digest())
    return found


def split_pages(pages: list[tuple[str, int]], part_bytes: int,
                part_pages: int = PART_PAGES) -> dict[str, list[str]]:
    """The pages in parts by the bits of their path's hash (see the module's notes): each part's key is the
    bits its pages' hashes start with, and a part of more than part_pages pages or part_bytes bytes is split
    by the next bit. Returns the pages of each non-empty part by its key, in the order of the keys ("" when
    the pages are one part)."""
    hashed = sorted((format(int.from_bytes(hashlib.sha1(relative.encode("utf-8")).digest()[:8], "big"), "064b"),
                     relative, size) for relative, size in pages)
    parts: dict[str, list[str]] = {}

    def split(key: str, members: list[tuple[str, str, int]]) -> None:
        if not members:
            return
        if len(key) == 64 or (len(members) <= part_pages and sum(size for _, _, size in members) <= part_bytes):
            parts[key] = sorted(relative for _, relative, _ in members)
            return
        for bit in "01":
            split(key + bit, [member for member in members if member[0][len(key)] == bit])

    split("", hashed)
    return parts


def _index_part(executable, scratch: Path, where: dict[str, Path], pages: list[str], output: Path) -> None:
    """Run Pagefind on these pages of the site only (linked, not copied, from where they are into the new
    folder `scratch` beside the site, so page addresses stay the same) and write the bundle to output."""
    for relative in pages:
        target = scratch / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(where[relative], target)
        except OSError:  # a file system without hard links
            shutil.copyfile(where[relative], target)
    command = [str(executable), "--site", str(scratch), "--output-path", str(output.resolve()),
               "--force-language", "en", "--exclude-selectors", ".headerlink",
               "--exclude-selectors", f".{PARAGRAPH_LINK}", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except OSError as error:
        raise SearchIndexFailed(f"the search indexer could not be started ({error}).") from error
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = dict.fromkeys(line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip())
        raise SearchIndexFailed("the search indexer (Pagefind) failed on the built site: " + " / ".join(list(detail)[-5:]))


def _only_the_index(output: Path) -> None:
    """Take out of a part other than the first what the browser does not load from it (PART_FILES)."""
    for path in output.iterdir():
        if path.name not in PART_FILES and path.suffix != ".pf_meta":
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


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
