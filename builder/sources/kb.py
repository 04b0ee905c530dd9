"""Reading and validating the knowledge base in data/: people, events, topics, outlets.

Every problem is collected and reported as `file:line: message`; nothing stops at the first one.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import yaml

from builder.settings import unknown_keys
from builder.model import Event, KnowledgeBase, Outlet, Person, Problem, Topic
from builder.text import FIRST_YEAR, LAST_YEAR, closest, nfc, plausible, slug
from builder.sources.yamlio import duplicate_keys, load_with_lines, yaml_error_line, yaml_error_text

FILES = {"people": "people.yml", "events": "events.yml", "topics": "topics.yml", "outlets": "outlets.yml"}

KEYS = {
    "people": {"id", "name", "aliases", "role", "org", "surname_alone"},
    "events": {"id", "name", "date", "end", "place", "summary", "aliases", "from", "until", "related"},
    "topics": {"id", "name", "keywords", "min"},
    "outlets": {"id", "name", "aliases"},
}
REQUIRED = {"id", "name"}


class KnowledgeBaseUnreadable(Exception):
    """A knowledge-base file could not be read at all (not UTF-8, not YAML, not a list): building on the rest
    would publish every person as unknown, so a build stops instead."""

    def __init__(self, problems: list[Problem], unreadable: list[Problem]):
        files = sorted({p.path for p in unreadable})
        super().__init__(f"the knowledge base could not be read ({', '.join(files)}); fix it and build again.")
        self.problems = problems


class _Reader:
    """Collects problems while the entries of one file are turned into value objects."""

    def __init__(self, path: Path, shown: str):
        self.path = path
        self.shown = shown
        self.problems: list[Problem] = []
        self.unreadable: list[Problem] = []
        """The problems that kept the whole file from being read."""

    def whole_file(self, line: int | None, message: str) -> None:
        self.problem(line, message)
        self.unreadable.append(self.problems[-1])

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.shown, line, message))

    def entries(self, kind: str) -> list[dict]:
        try:
            text = nfc(self.path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            self.whole_file(None, f"the file is not UTF-8 text ({error.reason} at byte {error.start}); save it as UTF-8.")
            return []
        try:
            data = load_with_lines(text)
        except yaml.YAMLError as error:
            self.whole_file(yaml_error_line(error), f"this is not valid YAML: {yaml_error_text(error)}.")
            return []
        if data is None:
            return []
        if not isinstance(data, list):
            self.whole_file(1, f"expected a list of {kind} (lines starting with '- '), found a {type(data).__name__}.")
            return []
        good = []
        for index, entry in enumerate(data, start=1):
            if not isinstance(entry, dict):
                self.problem(None, f"entry {index} of {kind} is a {type(entry).__name__}, expected a mapping with id and name.")
                continue
            line = entry["__line__"]
            duplicates = duplicate_keys(entry)
            for key, at, first in duplicates:
                self.problem(at, f"'{key}' is given twice in this entry (first on line {first}); keep one. The entry is left out.")
            if duplicates:
                continue
            self.problems += unknown_keys({k: None for k in sorted(entry)}, KEYS[kind], self.shown,
                                          lambda key: entry["__key_lines__"].get(key, line), where=f" in {kind} entry",
                                          severity="error")
            missing = [key for key in sorted(REQUIRED) if not isinstance(entry.get(key), str) or not entry.get(key).strip()]
            if missing:
                self.problem(line, f"the entry needs {' and '.join(missing)} (text).")
                continue
            if entry["id"] != slug(entry["id"]):
                self.problem(entry["__key_lines__"].get("id", line),
                             f"id '{entry['id']}' is not a valid id; use lowercase letters, digits and hyphens, e.g. '{slug(entry['id'])}'.")
                continue
            good.append(entry)
        return good

    def strings(self, entry: dict, key: str) -> tuple[str, ...]:
        value = entry.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            self.problem(entry["__key_lines__"].get(key, entry["__line__"]), f"'{key}' must be a list of texts.")
            return ()
        return tuple(str(item).strip() for item in value if str(item).strip())

    def text(self, entry: dict, key: str) -> str | None:
        value = entry.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)):
            self.problem(entry["__key_lines__"].get(key, entry["__line__"]), f"'{key}' must be text.")
            return None
        return str(value).strip()

    def day(self, entry: dict, key: str) -> date | None:
        value = entry.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                pass
        if isinstance(value, date):
            if plausible(value):
                return value
            self.problem(entry["__key_lines__"].get(key, entry["__line__"]),
                         f"'{key}' {value} is not between {FIRST_YEAR} and {LAST_YEAR}; check the year.")
            return None
        self.problem(entry["__key_lines__"].get(key, entry["__line__"]),
                     f"'{key}' must be a date written YYYY-MM-DD, found '{value}'.")
        return None


def _unique(reader: _Reader, entries: list[dict], kind: str) -> list[dict]:
    seen: dict[str, int] = {}
    kept = []
    for entry in entries:
        if entry["id"] in seen:
            reader.problem(entry["__line__"], f"duplicate {kind} id '{entry['id']}' (first defined on line {seen[entry['id']]}).")
            continue
        seen[entry["id"]] = entry["__line__"]
        kept.append(entry)
    return kept


def _people(reader: _Reader, entries: list[dict]) -> list[Person]:
    people = []
    claimed: dict[str, tuple[str, int]] = {}
    for entry in _unique(reader, entries, "person"):
        aliases = reader.strings(entry, "aliases")
        for spelling in (entry["name"], *aliases):
            owner = claimed.get(spelling.casefold())
            if owner and owner[0] != entry["id"]:
                reader.problem(entry["__key_lines__"].get("aliases", entry["__line__"]),
                               f"the spelling '{spelling}' is claimed by '{entry['id']}' and by '{owner[0]}' (line {owner[1]}); keep it on one person.")
            claimed.setdefault(spelling.casefold(), (entry["id"], entry["__line__"]))
        surname_alone = entry.get("surname_alone", True)
        if not isinstance(surname_alone, bool):
            reader.problem(entry["__key_lines__"].get("surname_alone", entry["__line__"]),
                           f"'surname_alone' must be true or false, found '{surname_alone}'.")
            surname_alone = True
        people.append(Person(id=entry["id"], name=entry["name"].strip(), aliases=aliases,
                             role=reader.text(entry, "role"), org=reader.text(entry, "org"), surname_alone=surname_alone))
    return people


def _events(reader: _Reader, entries: list[dict]) -> list[Event]:
    events = []
    for entry in _unique(reader, entries, "event"):
        events.append(Event(
            id=entry["id"], name=entry["name"].strip(), date=reader.day(entry, "date"), end=reader.day(entry, "end"),
            place=reader.text(entry, "place"), summary=reader.text(entry, "summary"),
            aliases=reader.strings(entry, "aliases"), valid_from=reader.day(entry, "from"),
            valid_until=reader.day(entry, "until"), related=reader.strings(entry, "related"),
        ))
    known = {event.id for event in events}
    lines = {entry["id"]: entry["__key_lines__"].get("related", entry["__line__"]) for entry in entries}
    for event in events:
        for other in event.related:
            if other not in known:
                hint = closest(other, known, 1)
                did_you_mean = f" Did you mean '{hint[0]}'?" if hint else ""
                reader.problem(lines.get(event.id), f"event '{event.id}' is related to unknown event '{other}'.{did_you_mean}")
    return events


def _topics(reader: _Reader, entries: list[dict]) -> list[Topic]:
    topics = []
    for entry in _unique(reader, entries, "topic"):
        minimum = entry.get("min", 1)
        if not isinstance(minimum, int) or minimum < 1:
            reader.problem(entry["__key_lines__"].get("min", entry["__line__"]), f"'min' must be a whole number of at least 1, found '{minimum}'.")
            minimum = 1
        keywords = reader.strings(entry, "keywords")
        if not keywords:
            reader.problem(entry["__line__"], f"topic '{entry['id']}' has no keywords, so no article can be given it.")
        topics.append(Topic(id=entry["id"], name=entry["name"].strip(), keywords=keywords, min_hits=minimum))
    return topics


def _outlets(reader: _Reader, entries: list[dict]) -> list[Outlet]:
    return [Outlet(id=e["id"], name=e["name"].strip(), aliases=reader.strings(e, "aliases")) for e in _unique(reader, entries, "outlet")]


BUILDERS: dict[str, Callable[[_Reader, list[dict]], list[Any]]] = {
    "people": _people, "events": _events, "topics": _topics, "outlets": _outlets,
}


def load_kb(data_dir: Path, shown_root: Path | None = None, fatal: bool = False) -> tuple[KnowledgeBase, list[Problem]]:
    """Read data/ into a KnowledgeBase; return it with every problem found (missing files are empty). With
    `fatal`, a file that cannot be read at all raises KnowledgeBaseUnreadable (a bad entry is only skipped)."""
    problems: list[Problem] = []
    unreadable: list[Problem] = []
    parts: dict[str, list[Any]] = {}
    digest = hashlib.sha256()
    for kind, name in FILES.items():
        path = data_dir / name
        shown = _shown(path, shown_root)
        if not path.is_file():
            parts[kind] = []
            continue
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        reader = _Reader(path, shown)
        parts[kind] = BUILDERS[kind](reader, reader.entries(kind))
        problems.extend(reader.problems)
        unreadable.extend(reader.unreadable)
    if fatal and unreadable:
        raise KnowledgeBaseUnreadable(problems, unreadable)
    kb = KnowledgeBase(people=tuple(parts["people"]), events=tuple(parts["events"]), topics=tuple(parts["topics"]),
                       outlets=tuple(parts["outlets"]), version=digest.hexdigest()[:16])
    return kb, problems


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
