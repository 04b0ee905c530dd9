"""The exceptions that stop a command; builder.cli turns them into exit codes and messages."""

from __future__ import annotations

from typing import Iterable

from builder.model import Problem


class BuildFailed(Exception):
    """The build stopped; the previous site is untouched."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)
