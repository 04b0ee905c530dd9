"""Editors' notes: Markdown files in content/notes/ whose front matter says what they are about."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import yaml

from builder import lang as packs
from builder.settings import unknown_keys
from builder.model import Note, Problem
from builder.text import FIRST_YEAR, LAST_YEAR, closest, nfc, plausible, slug
from builder.sources.yamlio import duplicate_keys, load_with_lines, strip_lines, yaml_error_line, yaml_error_text

KINDS = ("person", "event", "topic", "article")
NOTE_KEYS = {"title", "author", "date", "about"}
FRONT_MATTER = re.compile(r"---\n(.*?)\n(?:---|\.\.\.)[ \t]*\n?(.*)\Z", re.DOTALL)


def read_note(path: Path, shown: str) -> tuple[Note | None, list[Problem]]:
    """One note file -> Note, or None with the problems that stop it."""
    problems: list[Problem] = []
    try:
        text = nfc(path.read_text(encoding="utf-8-sig")).replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None, [Problem(shown, None, "the note is not UTF-8 text; save it as UTF-8.")]
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [Problem(shown, 1, "a note needs a front matter block between two '---' lines with 'about:' and 'title:'.")]
    try:
        header = load_with_lines(match.group(1)) or {}
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        return None, [Problem(shown, (line or 0) + 1, f"the front matter is not valid YAML ({yaml_error_text(error)}).")]
    if not isinstance(header, dict):
        return None, [Problem(shown, 2, "the front matter must be key: value lines.")]
    lines = header.get("__key_lines__", {})
    for key, line, first in duplicate_keys(header)[:1]:
        return None, [Problem(shown, line + 1, f"'{key}' is given twice in the front matter (first on line {first + 1}); keep one.")]
    values = strip_lines(header)
    for key in ("title", "author"):
        value = values.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float, date))):
            return None, [Problem(shown, lines.get(key, 0) + 1, f"'{key}' must be text, found a {type(value).__name__}.")]
    problems += unknown_keys(values, NOTE_KEYS, shown, lambda key: lines.get(key, 0) + 1, where=" in a note")
    about = values.get("about")
    if isinstance(about, str):
        about = [about]
    if not about or not isinstance(about, list) or not all(isinstance(a, str) for a in about):
        return None, [*problems, Problem(shown, lines.get("about", 0) + 1 if "about" in lines else 1,
                                         "'about' must list what the note is about, e.g. 'person/dmitry-peskov'.")]
    when = values.get("date")
    if isinstance(when, datetime):
        when = when.date()
    if isinstance(when, date) and not plausible(when):
        problems.append(Problem(shown, lines.get("date", 0) + 1, f"the date {when} is not between {FIRST_YEAR} and {LAST_YEAR}; "
                                "check the year.", "warning"))
        when = None
    if when is not None and not isinstance(when, date):
        try:
            when = date.fromisoformat(str(when))
        except ValueError:
            problems.append(Problem(shown, lines.get("date", 0) + 1, f"the date '{when}' is not a date; write YYYY-MM-DD.", "warning"))
            when = None
    note = Note(source=shown, slug=slug(path.stem, "note"), title=str(values.get("title") or path.stem),
                author=str(values["author"]) if values.get("author") else None, date=when,
                about=tuple(a.strip() for a in about), body=match.group(2).strip() + "\n")
    return note, problems


def check_targets(note: Note, known: dict[str, set[str]], lines: dict[str, int]) -> list[Problem]:
    """Problems for every 'about' target that names nothing in the archive, with the closest ids, each at
    the line of its item (see about_lines)."""
    problems = []
    for target in note.about:
        about_line = lines.get(target, lines.get("about"))
        kind, _, ident = target.partition("/")
        if kind not in KINDS:
            problems.append(Problem(note.source, about_line,
                                    f"'{target}' should start with one of {', '.join(k + '/' for k in KINDS)}."))
            continue
        if ident not in known.get(kind, set()):
            hints = closest(ident, known.get(kind, set()))
            hint = f" Closest: {', '.join(kind + '/' + h for h in hints)}." if hints else ""
            problems.append(Problem(note.source, about_line, f"the note is about '{target}', which does not exist.{hint}"))
    return problems


NAME = re.compile(r"[" + packs.capitals() + r"][\w’'-]+(?:\s+[" + packs.capitals() + r"][\w’'-]+){1,2}")


def names_in_text(articles) -> set[str]:
    """Ids that a person outside the knowledge base would get from the capitalised names in the articles
    (two or three words), so that a note about such a person can be checked without annotating."""
    found: set[str] = set()
    for article in articles:
        for paragraph in article.paragraphs:
            for match in NAME.finditer(paragraph):
                words = match.group(0).split()
                found.update(slug(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    return found


def about_lines(path: Path) -> dict[str, int]:
    """The line of each 'about' item in a note file (and of the key itself, under "about"), for messages."""
    try:
        match = FRONT_MATTER.match(nfc(path.read_text(encoding="utf-8-sig")).replace("\r\n", "\n"))
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader) if match else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    found: dict[str, int] = {}
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        if key.value == "about":
            found["about"] = key.start_mark.line + 2  # the '---' line comes first
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for item in items:
                if isinstance(item, yaml.ScalarNode):
                    found.setdefault(item.value.strip(), item.start_mark.line + 2)
    return found
