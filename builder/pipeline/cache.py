"""The annotation cache: what spaCy and the rules found, stored on disk so a rebuild redoes only what changed.

Two levels, each entry one small JSON file:

- `spans/`: the English model's entity spans for one body text, keyed by (body text, model name and
  version). A knowledge-base change re-runs the rules on these without running spaCy again.
- `annotations/`: one article's annotation, keyed by (the file's raw bytes including its header, the
  knowledge-base version, the model, the annotator's code version, the configured languages).

Entries are written to a temporary file and renamed into place (os.replace), so a build killed half way
leaves either the whole entry or none. Each entry carries its key and a SHA-256 of its value; an entry that
does not parse, has another key or the wrong checksum is ignored (and rewritten), never read back wrong.
The folder is safe to delete at any time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from datetime import date

from builder.pipeline import codeid
from builder.model import Annotation, Article, Corrections, Problem

# Bumped when the layout of entries changes.
FORMAT = "1"


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
    """A folder of cache entries; `folder=None` is a cache that stores nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.ignored = 0
        """Entries found damaged (unreadable, not a plain file, wrong key or checksum) and so recomputed."""

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under key, or None when there is none or it is damaged."""
        if self.folder is None:
            return None
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
        """Store a JSON-able value under key, atomically. A cache that cannot be written is not an error:
        the build goes on and recomputes next time."""
        if self.folder is None:
            return
        path = self._path(kind, key)
        text = json.dumps({"key": key, "sha256": digest(_canonical(value)), "value": value}, ensure_ascii=False)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass


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
