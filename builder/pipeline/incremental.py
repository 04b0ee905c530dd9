"""Rebuild only what changed: the HTML of every page whose Markdown is the same as in the previous build,
and every part of the search index whose pages are the same, are taken from the previous site instead of
being made again (MkDocs and Pagefind take most of a warm rebuild's time: README, *Benchmarks*).

A build leaves a record, BUILD_FILE, in docs/ and in site/: a digest of the whole generated docs tree
and a stamp of everything else that shapes the HTML (mkdocs.yml, the versions of MkDocs, Material and
Pagefind, the builder's own code). The next build trusts the previous site only when both records are
there, name the same docs tree (a build stopped between the swap of site/ and that of docs/ leaves them
disagreeing) and carry today's stamp; otherwise, or with --no-cache, every page is built. A page taken
over is the file the same Markdown gave under the same stamp, so an incremental build writes the same
bytes as a full one (tests/unit/pipeline/test_incremental.py builds both and compares them).

The Markdown is made the same way (StoredPages): the pages of each article, person, event and topic are
a function of known inputs (the article, its related articles, the people it names…: the keys of
builder.site.render.render_site), and a group whose inputs have the fingerprint they had in the previous
build is read back from its docs/ (each page checked against the digest recorded for it) instead of being
rendered again. The fingerprints are recorded in docs/ (PAGES_FILE) with the build stamp's trust: only
when the previous build is trusted at all.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from builder.pipeline import codeid

BUILD_FILE = ".briefing-build.json"
"""The record of a build, in docs/ and site/ (MkDocs leaves files whose name starts with a dot out of the
site, so the one in docs/ is not published)."""
PAGES_FILE = ".briefing-pages.json"
"""The fingerprint of each group of pages' inputs, and the digest of each of its pages (StoredPages), in docs/."""
INDEX_FILE = ".briefing-index.json"
"""How each name is used in each article's text, as the last index of the archive counted it
(builder.archive.evidence.Counts), in docs/: the next build counts again only in the articles that changed."""
INDEX_CODE = ("builder.archive.evidence",)
"""The code the counts come from: a record made by other code is not read."""
PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "pagefind-bin", "markdown", "pymdown-extensions")


@dataclass
class Previous:
    """The previous build, as far as it can be trusted."""

    docs: Path
    site: Path
    search: dict[str, str] = field(default_factory=dict)
    """Digest of the pages of each part of the search index, by the part's folder under site/pagefind/."""
    changed: set[str] | None = None
    """The files of the new docs/ that differ from the previous one's (or are new), once the build knows
    them: the site is then updated in place (builder.pipeline.journal) and a page's Markdown is not read
    again to compare it. None: compare every page's Markdown, and make a whole new site."""
    taken_over: list[tuple[str, str]] = field(default_factory=list)
    """The pages whose HTML this build takes over (unchanged_pages), once known."""
    kept: set[str] = field(default_factory=set)
    """The files of the published site that a site updated in place keeps as they are (paths under site/):
    the pages taken over and the other files that did not change."""
    own_docs: OwnFiles = field(init=False, repr=False)
    """own_file for the previous docs/, by one walk of its tree."""
    own_site: OwnFiles = field(init=False, repr=False)
    """own_file for the previous site/, by one walk of its tree."""

    def __post_init__(self) -> None:
        self.own_docs, self.own_site = OwnFiles(self.docs), OwnFiles(self.site)


def stamp(mkdocs_config: Path) -> str:
    """A digest of what, besides the Markdown, shapes the built site."""
    h = hashlib.sha256()
    h.update(mkdocs_config.read_bytes())
    h.update(_site_url(mkdocs_config).encode())  # it may come from the environment (!ENV)
    for package in PACKAGES:
        try:
            h.update(f"{package}=={importlib.metadata.version(package)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{package} missing\n".encode())
    h.update(codeid.current(codeid.EVERYTHING).encode())  # the builder's own code, every module
    from builder.site.site_plugin import OVERRIDES

    h.update(tree_digest(OVERRIDES).encode())  # its theme overrides (templates, stylesheet): not Python
    return h.hexdigest()


def _site_url(mkdocs_config: Path) -> str:
    from mkdocs.utils.yaml import yaml_load

    with open(mkdocs_config, encoding="utf-8") as stream:
        return str(yaml_load(stream).get("site_url") or "")


def tree_digest(folder: Path) -> str:
    """A digest of every file under folder (its path and its bytes), build records left out."""
    return pages_digest(folder, [p.relative_to(folder).as_posix() for p in folder.rglob("*")
                                 if p.is_file() and p.name != BUILD_FILE])


def pages_digest(root: Path | dict[str, Path], pages: list[str]) -> str:
    """A digest of these files under root (paths and bytes): a docs tree, or the pages one part of the
    search index is made of. `root` may also give each file's path (a site updated in place is in two folders)."""
    where = root.__getitem__ if isinstance(root, dict) else root.__truediv__
    return _digest((relative, where(relative).read_bytes()) for relative in pages)


def texts_digest(files: dict[str, str]) -> str:
    """tree_digest of a tree holding these files (path: text, written as UTF-8), from memory."""
    return _digest((relative, text.encode("utf-8")) for relative, text in files.items() if relative != BUILD_FILE)


def _digest(files) -> str:
    return hashes_digest((relative, hashlib.sha256(data).digest()) for relative, data in files)


def hashes_digest(hashes) -> str:
    """The digest of files (pages_digest) from each file's path and the SHA-256 of its bytes, already known."""
    h = hashlib.sha256()
    for relative, file_hash in sorted(hashes, key=lambda item: item[0]):
        h.update(relative.encode("utf-8", "surrogateescape") + b"\0" + file_hash)
    return h.hexdigest()


def write_record(folder: Path, docs: str, build_stamp: str, search: dict[str, str] | None = None) -> None:
    record = {"docs": docs, "stamp": build_stamp}
    if search is not None:
        record["search"] = dict(sorted(search.items()))
    (folder / BUILD_FILE).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def read_record(folder: Path) -> dict | None:
    try:
        record = json.loads((folder / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def previous_build(docs: Path, site: Path, build_stamp: str) -> Previous | None:
    """The previous build of docs/ and site/ when its pages may be reused, else None."""
    in_docs, in_site = read_record(docs), read_record(site)
    if not in_docs or not in_site or in_docs.get("stamp") != build_stamp or in_site.get("stamp") != build_stamp:
        return None
    if not in_docs.get("docs") or in_docs.get("docs") != in_site.get("docs"):
        return None
    search = in_site.get("search")
    return Previous(docs, site, {str(k): str(v) for k, v in search.items()} if isinstance(search, dict) else {})


def unchanged_pages(previous: Previous, docs: Path, use_directory_urls: bool) -> list[tuple[str, str]]:
    """Every page whose Markdown is byte for byte that of the previous build and whose HTML the previous site
    has, as (its path under docs/, its HTML's path under site/)."""
    from mkdocs.structure.files import File

    from builder.site.site_plugin import navigation_plan

    # Every page shows its section's list in the sidebar: when a list changed (a new year, an event's first
    # article), a page whose Markdown is unchanged would keep the old one, so none is taken over.
    if navigation_plan(previous.docs) != navigation_plan(docs):
        return []
    found = []
    # In the order of sorted(docs.rglob("*.md")) (paths compare part by part), without a Path for each page.
    for relative in sorted((f for f in files_under(docs) if f.endswith(".md")), key=lambda relative: relative.split("/")):
        if previous.changed is not None:
            if relative in previous.changed:
                continue
        else:
            before = previous.own_docs(relative)
            try:
                if before is None or before.read_bytes() != (docs / relative).read_bytes():
                    continue
            except OSError:
                continue
        dest = File(relative, str(docs), "", use_directory_urls).dest_uri
        if previous.own_site.has(dest):
            found.append((relative, dest))
    previous.taken_over = found
    previous.kept.update(dest for _, dest in found)
    return found


def own_file(root: Path, relative: str) -> Path | None:
    """root/relative when it is a file of root's own, else None: not outside root, and not a link nor
    reached through one (the previous docs/ and site/ are read, not trusted: a link there could bring any
    file of the machine into the published site)."""
    if Path(relative).is_absolute():
        return None
    path = root / relative
    try:
        if path.resolve() != root.resolve() / relative or not path.is_file():
            return None
    except (OSError, ValueError, RuntimeError):  # a NUL in the name, a loop of links
        return None
    return path


class OwnFiles:
    """own_file(root, relative) for the many paths a rebuild checks (every page, in docs/ and in site/), at the
    cost of one walk of root's tree instead of resolving each path: the regular files reached from root without
    following a link (each entry's type as listed, not followed), gathered at the first call, then looked up.
    Only a tree the build does not change while it asks is walked this way: the previous docs/ and site/."""

    def __init__(self, root: Path):
        self.root = root
        self._files: frozenset[str] | None = None

    def __call__(self, relative: str) -> Path | None:
        return self.root / relative if self.has(relative) else None

    def has(self, relative: str) -> bool:
        """Whether own_file(root, relative) is not None."""
        if self._files is None:
            self._files = frozenset(files_under(self.root, links=False))
        if relative in self._files:  # a path of the walk is written as as_posix() writes it: asked most
            return True
        path = PurePosixPath(relative)  # "a/../b" stays as written, and is no file of the tree
        return not path.is_absolute() and path.as_posix() in self._files


def files_under(root: Path, hidden: bool = True, links: bool = True) -> list[str]:
    """The paths under root of the files in it and below, as [p.relative_to(root).as_posix() for p in
    root.rglob("*") if p.is_file()] gives them, unsorted, without a Path for each: a link to a file counts, a
    link to a folder is not entered. hidden=False leaves out every file and folder whose name starts with ".";
    links=False lists regular files only (a build's own files: OwnFiles), no link at all."""
    found = []
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if not hidden and entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((entry.path, prefix + entry.name + "/"))
                    elif entry.is_file(follow_symlinks=links):
                        found.append(prefix + entry.name)
        except OSError:  # gone, or unreadable, as rglob passes it by (and nothing of it is taken over)
            continue
    return found


def reuse_pages(previous: Previous, docs: Path, site: Path, use_directory_urls: bool) -> int:
    """Copy into the new site the HTML of every page whose Markdown is unchanged since the previous build;
    MkDocs, run with dirty=True, then builds only the others (a copied page is newer than its Markdown, so
    MkDocs counts it as up to date). Returns how many pages were copied."""
    unchanged = unchanged_pages(previous, docs, use_directory_urls)
    for _, dest in unchanged:
        target = site / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(previous.site / dest, target)
    return len(unchanged)


class StoredPages:
    """The render memo of a build (builder.site.render.render_site): a group of pages whose inputs have the
    fingerprint they had in the previous build is read from the previous docs/, every page checked against
    the digest then recorded (a page changed by hand since is made again); the others are rendered. `salt`
    is what every page depends on besides its key: the knowledge base's version."""

    def __init__(self, previous: Previous | None, salt: str):
        self.salt = salt.encode("utf-8")
        self._own = previous.own_docs if previous is not None else None
        self._root = str(previous.docs) if previous is not None else ""
        self._previous = _read_groups(previous.docs) if previous is not None else {}
        self.groups: dict[str, dict[str, str]] = {}
        """{fingerprint: {page path: digest of its Markdown}} of this build (written by write_groups)."""
        self.reused = 0
        """Pages read back from the previous build."""
        self.taken: set[str] = set()
        """Their paths (each byte for byte the previous docs/ file)."""
        self._items: dict[int, tuple[object, bytes]] = {}

    def value(self, key, make):
        """What is not a page (related articles) is made every time."""
        return make()

    def pages(self, key, make) -> dict[str, str]:
        fingerprint = self.fingerprint(key)
        known = self._previous.get(fingerprint)
        found = self._read(known) if known is not None else None
        if found is not None:
            self.reused += len(found)
            self.taken.update(found)
            self.groups[fingerprint] = known
            return found
        made = make()
        self.groups[fingerprint] = {path: _text_digest(text) for path, text in made.items()}
        return made

    def fingerprint(self, key) -> str:
        """A digest of the key's inputs: articles (builder.site.render._Same) by their own digest, the rest by
        its pickle (made without a memo, so equal values give equal bytes whatever objects they share)."""
        from builder.site.render import _Same

        return hashlib.sha256(self.salt + _pickled(self._plain(key, _Same))).hexdigest()[:40]

    def _plain(self, value, same: type):
        """The key with each article (`same`) replaced by its digest. A person's key lists every article naming
        them (a whole archive's keys, about a hundred articles each): one loop, no call for each article."""
        if isinstance(value, same):
            return self._item_digest(value.item)
        if not isinstance(value, tuple):
            return value
        items, plain = self._items, []
        for part in value:
            if isinstance(part, same):
                known = items.get(id(part.item))
                plain.append(known[1] if known is not None and known[0] is part.item else self._item_digest(part.item))
            elif isinstance(part, tuple):
                plain.append(self._plain(part, same))
            else:
                plain.append(part)
        return tuple(plain)

    def _item_digest(self, item) -> bytes:
        """An article's digest, made once for each article object of the build."""
        known = self._items.get(id(item))
        if known is None or known[0] is not item:
            # by_editor is a set: its order is not the same from one process to the next.
            parts = (item.article, item.annotation, tuple(sorted(item.by_editor)), item.removed_by_editor, item.placed)
            known = self._items[id(item)] = (item, hashlib.sha256(_pickled(parts)).digest())
        return known[1]

    def _read(self, known: dict[str, str]) -> dict[str, str] | None:
        found = {}
        for path, expected in known.items():
            if not self._own.has(path):  # a record that points out of docs/ is not followed
                return None
            try:
                with open(os.path.join(self._root, path), encoding="utf-8", newline="") as stream:  # the bytes as they are
                    text = stream.read()
            except (OSError, UnicodeDecodeError):
                return None
            if _text_digest(text) != expected:
                return None
            found[path] = text
        return found


def _pickled(value) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: the bytes follow the value, not which of its parts are one object
    pickler.dump(value)
    return out.getvalue()


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def groups_text(groups: dict[str, dict[str, str]]) -> str:
    """The record of StoredPages, PAGES_FILE in docs/ (sorted, so the same pages give the same file)."""
    record = {fingerprint: dict(sorted(pages.items())) for fingerprint, pages in sorted(groups.items())}
    return json.dumps(record, separators=(",", ":")) + "\n"


def _read_groups(docs: Path) -> dict[str, dict[str, str]]:
    try:
        record = json.loads((docs / PAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {str(k): {str(p): str(d) for p, d in v.items()} for k, v in record.items() if isinstance(v, dict)}


def counts_text(used: dict[str, dict[str, list[int]]]) -> str:
    """INDEX_FILE's text: the counts an index used (Counts.used, only those: the same input gives the same
    file, whatever the previous build was), with the version of the code that counted them."""
    return json.dumps({"code": codeid.current(INDEX_CODE), "counts": used}, sort_keys=True, separators=(",", ":")) + "\n"


def read_counts(previous: Previous | None) -> dict[str, dict[str, list[int]]] | None:
    """The counts of the previous build's index (INDEX_FILE in its docs/), when the build is trusted (so made
    with today's settings and code), the record is a file of docs/ own, of today's counting code and of the
    right shape; else None, and every name is counted again."""
    path = previous.own_docs(INDEX_FILE) if previous is not None else None
    try:
        record = json.loads(path.read_text(encoding="utf-8")) if path is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("code") != codeid.current(INDEX_CODE):
        return None
    counts = record.get("counts")
    if not isinstance(counts, dict) or not all(
            isinstance(spellings, dict) and all(isinstance(values, list) and all(
                type(v) is int and v >= 0 for v in values) for values in spellings.values())
            for spellings in counts.values()):
        return None
    return counts
