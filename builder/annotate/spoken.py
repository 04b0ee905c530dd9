"""Component `spoken`: the words of labelled transcript turns, and the whole text of a statement titled
after one person ("Statement by President Biden on …")."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from builder.annotate.doc import Doc
from builder.annotate.turns import TurnFinder

EXCERPT = 400
"""Characters kept of a long passage."""


class Spoken:
    name = "spoken"
    requires = ("people", "turns")
    assigns = ("spoken", "names")

    def __init__(self, turns: TurnFinder, shaped_names: Callable[[str], list[tuple[int, int, str]]]):
        self.turns = turns
        self.shaped_names = shaped_names

    def __call__(self, doc: Doc) -> None:
        for turn in doc.turns:
            pid, name = turn.speaker, turn.name
            if pid is None and turn.label == "Q":
                found = self.turns.introduced(turn, doc.text, doc.people)
                pid, name = (found.id, None) if found else (None, None)
            if pid is None:
                continue
            if name:
                doc.names.setdefault(pid, Counter())[name] += 1
            doc.spoken.append((turn.start, pid, excerpt(doc.text[turn.start:turn.end])))
        article = doc.article
        if not any(pid for _, pid, _ in doc.spoken) and article.paragraphs:
            pid, name = self.turns.title_speaker(article.title, article.lang, article.date,
                                                 "\n".join(article.paragraphs[:2]), self.shaped_names, doc.text)
            if pid:
                if name:
                    doc.names.setdefault(pid, Counter())[name] += 1
                doc.spoken.append((0, pid, excerpt(article.paragraphs[0])))


def excerpt(words: str, limit: int = EXCERPT) -> str:
    """The start of a long passage, cut at a word."""
    words = " ".join(words.split())
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + " …"
