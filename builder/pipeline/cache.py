"""The annotation cache: what spaCy and the rules found, stored on disk so a rebuild redoes only what changed.

Three kinds of entry, all in one SQLite database (DATABASE, in the cache folder; the standard library's
sqlite3), one row an entry:

- `articles`: an article as read, keyed by its file's bytes, name and the reader's code;
- `spans`: the English model's entity spans for one body text, keyed by (body text, model name and
  version). A knowledge-base change re-runs the rules on these without running spaCy again.
- `annotations`: one article's annotation, keyed by (the file's raw bytes including its header, the
  knowledge-base version, the model, the annotator's code version, the configured languages).

One file instead of one small JSON file an entry: a rebuild of the whole corpus opened, read and checked
27,000 of them (README, *Incremental site builds*). Each entry is written in a transaction of its own
(SQLite's write-ahead log), so a build killed half way leaves either the whole entry or none, and several
processes may read and write the cache at once (SQLite's locks; a writer waits up to a minute for
another). Each entry carries a SHA-256 of its value's text: one whose checksum does not match is ignored
(and rewritten), never read back wrong; a database that cannot be opened or read is not used (entries are
then recomputed) and the build says why (Cache.unusable); a write that fails (read-only, locked, disk full)
ends this build's writes, and the build says that too (Cache.unwritable, Cache.trouble). Caches of the earlier layout (one JSON file an entry, `<kind>/<ab>/<key>.json`)
are still read, checked as before, and their entries copied into the database as they are found. The
folder is safe to delete at any time.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import importlib.metadata
import json
import os
import sqlite3
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from datetime import date

from builder.pipeline import codeid
from builder.model import Annotation, Article, Corrections, Problem

# Bumped when the layout of entries changes.
FORMAT = "1"
DATABASE = "cache.sqlite"
"""The database of entries, in the cache folder."""
BUSY_SECONDS = 60
"""How long a write waits for another process's write to end."""


def digest(*parts: str | bytes) -> str:
    """SHA-256 over the parts, each length-prefixed so that no two part lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(str(len(data)).encode() + b":" + data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the annotator's source code (builder.pipeline.codeid.ANNOTATION and every module it imports): any
    change to it invalidates cached articles and annotations."""
    return digest(FORMAT, codeid.current(codeid.ANNOTATION))[:16]


def model_identity(package: str) -> str:
    """"package==version" of an installed model, read from its metadata without loading it."""
    try:
        return f"{package}=={importlib.metadata.version(package)}"
    except importlib.metadata.PackageNotFoundError:
        return package


MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""An entry is read only when it is a regular file of at most this size (the largest, an annotation of a
500 kB article, takes a few MB): a FIFO would block the build and a link to /dev/zero fill its memory."""


def _read_entry(path: Path) -> bytes | None:
    """The bytes of a cache entry, or None when it is missing; ValueError when it is not a regular file of
    a bounded size (opened without following links and without blocking, then checked)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as error:  # a link (ELOOP with O_NOFOLLOW), a folder, no permission
        raise ValueError(f"not a readable file: {error.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            raise ValueError("not a regular file of a bounded size")
        return stream.read(MAX_ENTRY_BYTES + 1)


class Cache:
    """A folder holding the cache's database; `folder=None` is a cache that stores nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.ignored = 0
        """Entries found damaged (unreadable, not a plain file, wrong key or checksum) and so recomputed."""
        self.unusable: Exception | None = None
        """Why the database could not be opened or read, when it could not: nothing was then read from it or
        stored in it (said by trouble())."""
        self.unwritable: sqlite3.Error | None = None
        """The first write that failed (read-only, locked past BUSY_SECONDS, disk full, damaged), when one did:
        nothing more is written by this Cache (each write to a locked database would wait a minute), and what
        it holds is still read."""
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def _path(self, kind: str, key: str) -> Path:
        """Where the earlier layout kept an entry (read for caches made before the database)."""
        return self.folder / kind / key[:2] / f"{key}.json"

    def _connection(self) -> sqlite3.Connection | None:
        """The open database (opened once per process: a forked worker opens its own), or None when it
        cannot be used."""
        if self._broken:
            return None
        if self._db is not None and self._pid == os.getpid():
            return self._db
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / DATABASE
            if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode):
                raise sqlite3.DatabaseError("the database is not a plain file")
            db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a whole transaction or none, even if the machine stops
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, "
                       "sha256 TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID")
            db.execute("SELECT kind, key, sha256, value FROM entries LIMIT 0")  # another layout's table
        except (OSError, sqlite3.Error) as error:
            self._unusable(error)
            return None
        self._db, self._pid = db, os.getpid()
        return db

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under key, or None when there is none or it is damaged."""
        if self.folder is None:
            return None
        db = self._connection()
        if db is not None:
            try:
                row = db.execute("SELECT sha256, value FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            except sqlite3.Error as error:
                row = None
                self._unusable(error)
            if row is not None:
                sha256, text = row
                try:
                    if not isinstance(text, str) or sha256 != hashlib.sha256(text.encode("utf-8")).hexdigest():
                        raise ValueError("checksum")
                    return json.loads(text)
                except ValueError:
                    self.ignored += 1
                    return None
        value = self._get_file(kind, key)
        if value is not None:
            self.put(kind, key, value)  # an entry of the earlier layout, into the database
        return value

    def _unusable(self, error: Exception) -> None:
        self._broken = True
        self.unusable = self.unusable or error

    def _get_file(self, kind: str, key: str) -> Any | None:
        """An entry of the earlier layout (one JSON file), checked as it was."""
        try:
            raw = _read_entry(self._path(kind, key))
            if raw is None:
                return None
            entry = json.loads(raw)
            value = entry["value"]
            if entry["key"] != key or entry["sha256"] != digest(_canonical(value)):
                self.ignored += 1
                return None
            return value
        except (OSError, ValueError, KeyError, TypeError):
            self.ignored += 1
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store a JSON-able value under key, in a transaction of its own. A cache that cannot be written
        is not an error: the build goes on, keeps the first failure in `unwritable` and says so once."""
        if self.folder is None or self.unwritable is not None:
            return
        db = self._connection()
        if db is None:
            return
        text = _canonical(value)
        try:
            db.execute("INSERT OR REPLACE INTO entries (kind, key, sha256, value) VALUES (?, ?, ?, ?)",
                       (kind, key, hashlib.sha256(text.encode("utf-8")).hexdigest(), text))
        except sqlite3.Error as error:
            self.unwritable = error


_WRITABLE = "make the folder and its files writable"
_DELETE = "delete the file (the cache is safe to delete)"
_BUSY = f"another process kept it locked for over {BUSY_SECONDS} seconds: let one build at a time use it"
_SQLITE_ADVICE = {
    sqlite3.SQLITE_BUSY: _BUSY, sqlite3.SQLITE_LOCKED: _BUSY,
    sqlite3.SQLITE_READONLY: _WRITABLE, sqlite3.SQLITE_CANTOPEN: _WRITABLE, sqlite3.SQLITE_PERM: _WRITABLE,
    sqlite3.SQLITE_FULL: "free some disk space", sqlite3.SQLITE_IOERR: "free some disk space (or check the disk)",
    sqlite3.SQLITE_CORRUPT: _DELETE, sqlite3.SQLITE_NOTADB: _DELETE,
}
"""What to do, by SQLite's primary result code."""
_SYSTEM_ADVICE = {errno.EACCES: _WRITABLE, errno.EPERM: _WRITABLE, errno.EROFS: _WRITABLE, errno.ENOSPC: "free some disk space"}
"""What to do, by the system's error number (the folder could not be made)."""


def trouble(cache: Cache) -> str | None:
    """The one sentence a build says when its cache could not be used or written (None when it could)."""
    if cache.unusable is not None:
        return (f"the annotation cache could not be used ({_words(cache.unusable)}), so every article was annotated "
                f"afresh and nothing was kept for the next build; {_advice(cache.unusable, _DELETE)}, or give another "
                f"--cache folder.")
    if cache.unwritable is not None:
        return (f"the annotation cache could not be written ({_words(cache.unwritable)}): this build's annotations are "
                f"not kept (none after that write), so the next build makes them again; "
                f"{_advice(cache.unwritable, 'check the folder')}, or give another --cache folder.")
    return None


def _words(error: Exception) -> str:
    """SQLite's (or the system's) words for an error."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _advice(error: Exception, otherwise: str) -> str:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return _SQLITE_ADVICE.get(code & 0xFF, otherwise)
    return _SYSTEM_ADVICE.get(getattr(error, "errno", None), otherwise)


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def annotation_to_json(annotation: Annotation) -> dict:
    """An Annotation as plain JSON data."""
    return dataclasses.asdict(annotation)


def annotation_from_json(data: dict) -> Annotation:
    """The Annotation stored by annotation_to_json. Raises TypeError/ValueError/KeyError on a bad shape."""
    return _decode(Annotation, data)


def storable(article: Article) -> bool:
    """Whether article_to_json can store the article: its header sets plain fields (title, date, outlet…)
    at most, no corrections of people, speakers, events, topics or quotes."""
    return article.corrections == Corrections(fields=article.corrections.fields)


def article_to_json(article: Article, warnings: list[Problem]) -> dict:
    """An Article (see storable) and the warnings reading it gave, as plain JSON data."""
    if not storable(article):
        raise ValueError("an article with corrections of its annotation is not stored")
    data = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article) if f.name != "corrections"}
    data["date"] = article.date.isoformat() if article.date else None
    data["header_fields"] = list(article.corrections.fields)
    return {"article": data, "warnings": [dataclasses.asdict(w) for w in warnings]}


def article_from_json(data: dict) -> tuple[Article, list[Problem]]:
    """What article_to_json stored. Raises TypeError/ValueError/KeyError on a bad shape."""
    fields = dict(data["article"])
    fields["date"] = date.fromisoformat(fields["date"]) if fields["date"] else None
    fields["paragraphs"], fields["removed"] = tuple(fields["paragraphs"]), tuple(fields["removed"])
    fields["corrections"] = Corrections(fields=tuple(fields.pop("header_fields")))
    return Article(**fields), [Problem(**w) for w in data["warnings"]]


@lru_cache(maxsize=None)
def _hints(kind: type) -> dict[str, Any]:
    """The field types of a model dataclass (typing resolves them slowly, and an archive's annotations hold many objects)."""
    return get_type_hints(kind)


def _decode(kind: Any, value: Any) -> Any:
    """Rebuild frozen dataclasses (and tuples of them) from JSON data, field types read from the model."""
    if get_origin(kind) is tuple:
        inner = get_args(kind)[0]
        return tuple(_decode(inner, item) for item in value)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}")
        hints = _hints(kind)
        return kind(**{name: _decode(hints[name], item) for name, item in value.items()})
    return value
