"""`briefing add`: copy a raw article into content/articles/ under a stable name, with a header of what is known.

The header holds only what the editor gave (options, or a header the file already had): header values
are shown as set by an editor and win over inference, so a machine guess must not be written there. The
title and date that ingest infers are used for the file name only: `<date>-<slug of title>.<ext>`, or
`undated-…` when neither the options nor the text give a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.sources.ingest import IngestError, decode, ingest_text, split_header
from builder.model import Problem
from builder.text import slug
from builder.sources.yamlio import dump, strip_lines

SUFFIXES = (".txt", ".md", ".markdown", ".text")


class AddRefused(Exception):
    """The article was not added; the message says why and what to do."""


@dataclass(frozen=True)
class Given:
    """What the editor said about the article on the command line."""

    title: str | None = None
    """Headline."""
    date: str | None = None
    """The article's date as typed (validated here)."""
    outlet: str | None = None
    """Publishing outlet."""
    lang: str | None = None
    """ISO language code."""


def _validated(given: Given) -> dict:
    values: dict = {}
    if given.title is not None and given.title.strip():
        values["title"] = " ".join(given.title.split())
    if given.date is not None:
        try:
            values["date"] = date.fromisoformat(given.date.strip())
        except ValueError:
            raise AddRefused(f"--date '{given.date}' is not a date; write it as YYYY-MM-DD, e.g. 2026-02-10.") from None
    if given.outlet is not None and given.outlet.strip():
        values["outlet"] = " ".join(given.outlet.split())
    if given.lang is not None:
        code = given.lang.strip().lower()
        if not re.fullmatch(r"[a-z]{2,3}", code):
            raise AddRefused(f"--lang '{given.lang}' is not a language code such as en, ro, ru or uk.")
        values["lang"] = code
    return values


def file_name(title: str, day: date | None, suffix: str) -> str:
    """The stable name of an article file: the same title and date always give the same name."""
    return f"{day.isoformat() if day else 'undated'}-{slug(title, 'article')}{suffix}"


def add_article(raw: bytes, shown: str, suffix: str, given: Given, target: Path, root: Path,
                languages: tuple[str, ...]) -> tuple[Path, list[Problem]]:
    """Write the article into the target folder; returns its path and any warnings. Raises AddRefused."""
    values = _validated(given)
    try:
        text = decode(raw, shown).text
        header, body, _ = split_header(text, shown)
        header = strip_lines(header)
        merged = {**{k: v for k, v in header.items() if v is not None}, **values}
        content = ("---\n" + dump(merged) + "---\n" + body) if merged else body
        if not content.endswith("\n"):
            content += "\n"
        article, warnings = ingest_text(content, shown, "new", languages=languages)
    except IngestError as error:
        raise AddRefused(f"{error.problem}") from None
    path = target / file_name(article.title, article.date, suffix if suffix in SUFFIXES else ".txt")
    target.mkdir(parents=True, exist_ok=True)
    try:
        # "x" creates the file or fails: an existing article is never overwritten, even by a race.
        with open(path, "x", encoding="utf-8", newline="\n") as out:
            out.write(content)
    except FileExistsError:
        same = path.read_text(encoding="utf-8", errors="replace") == content
        reason = ("this article is already in the archive" if same else
                  "another article has the same date and title; give this one a different --title")
        try:
            where = path.resolve().relative_to(root.resolve())
        except ValueError:
            where = path
        raise AddRefused(f"{where} already exists: {reason}. Nothing was written.") from None
    return path, warnings

