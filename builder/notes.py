"""Editors' notes: Markdown files in content/notes/ whose front matter says what they are about."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from builder import lang as packs
from builder.model import Note, Problem
from builder.text import closest, nfc, slug
from builder.yamlio import load_with_lines, strip_lines, yaml_error_line, yaml_error_text

KINDS = ("person", "event", "topic", "article")
NOTE_KEYS = {"title", "author", "date", "about"}


def read_note(path: Path, shown: str) -> tuple[Note | None, list[Problem]]:
    """One note file -> Note, or None with the problems that stop it."""
    problems: list[Problem] = []
    try:
        text = nfc(path.read_text(encoding="utf-8-sig")).replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None, [Problem(shown, None, "the note is not UTF-8 text; save it as UTF-8.")]
    match = re.match(r"---\n(.*?)\n(?:---|\.\.\.)[ \t]*\n?(.*)\Z", text, re.DOTALL)
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
    values = strip_lines(header)
    for key in values:
        if key not in NOTE_KEYS:
            hint = closest(str(key), NOTE_KEYS, 1)
            problems.append(Problem(shown, lines.get(key, 0) + 1,
                                    f"unknown key '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else ".") +
                                    f" Note keys are: {', '.join(sorted(NOTE_KEYS))}.", "warning"))
    about = values.get("about")
    if isinstance(about, str):
        about = [about]
    if not about or not isinstance(about, list) or not all(isinstance(a, str) for a in about):
        return None, [*problems, Problem(shown, lines.get("about", 0) + 1 if "about" in lines else 1,
                                         "'about' must list what the note is about, e.g. 'person/dmitry-peskov'.")]
    when = values.get("date")
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


def check_targets(note: Note, known: dict[str, set[str]], about_line: int | None) -> list[Problem]:
    """Problems for every 'about' target that names nothing in the archive, with the closest ids."""
    problems = []
    for target in note.about:
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


def about_line(path: Path) -> int | None:
    """The line of the 'about' key in a note file, for messages."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if line.startswith("about"):
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None
