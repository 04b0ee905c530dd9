"""One declarative schema of settings (the way MkDocs declares its options in mkdocs/config/defaults.py):
each option has a name, a type that checks and converts a value, a default and a one-line help. The
schema is the documentation: the README's settings table is checked against it (tests/test_settings.py).

The same option types check the knowledge base, notes and article headers (builder.sources.kb, builder.sources.notes,
builder.sources.ingest): `check_mapping` reports every unknown key and every bad value of a YAML mapping as
`file:line: error: …` with the allowed values, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from builder.model import Problem


class Invalid(ValueError):
    """A value an option does not take; the message says what it takes."""


@dataclass(frozen=True)
class Option:
    """One setting: its type (a checker that converts or raises Invalid), default and help."""

    name: str
    """The key as written in the file."""
    check: Callable[[Any], Any]
    """Converts a value as read from YAML, or raises Invalid saying what is allowed."""
    default: Any
    """The value when the key is missing (already converted)."""
    help: str
    """One line for the README's table."""
    shown_default: str = ""
    """The default as the README shows it (when it differs from the value's repr)."""

    def parse(self, value: Any) -> Any:
        return self.check(value)


def whole(minimum: int = 1, auto: bool = False) -> Callable[[Any], Any]:
    """A whole number of at least `minimum` (or "auto", read as None)."""
    def check(value: Any) -> int | None:
        if auto and value in (None, "auto"):
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            allowed = f"a whole number of at least {minimum}" + (" or 'auto'" if auto else "")
            raise Invalid(f"must be {allowed}, not {value!r}")
        return value
    return check


def text(value: Any) -> str:
    """A non-empty line of text."""
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise Invalid(f"must be one line of text, not {value!r}")
    return value


def codes(allowed: Callable[[], tuple[str, ...]]) -> Callable[[Any], tuple[str, ...]]:
    """A list of language codes, each one of allowed() (a single code is taken as a list of one)."""
    def check(value: Any) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
            raise Invalid(f"must be a list of language codes such as [en, ro], not {value!r}")
        unknown = [v for v in items if v not in allowed()]
        if unknown:
            raise Invalid(f"names languages without a pack: {', '.join(unknown)} (known: {', '.join(allowed())})")
        return tuple(items)
    return check


def choice(*values: str, other: Callable[[Any], Any] | None = None) -> Callable[[Any], Any]:
    """One of the given words, or a value `other` accepts."""
    def check(value: Any) -> Any:
        if value in values:
            return value
        if other is not None:
            try:
                return other(value)
            except Invalid:
                pass
        raise Invalid(f"must be one of {', '.join(values)}" + (" or a package name" if other else "") + f", not {value!r}")
    return check


def unknown_keys(values: dict, known, shown: str, line_of: Callable[[str], int | None], what: str = "key",
                 where: str = "", severity: str = "warning") -> list[Problem]:
    """A problem for every key of `values` not in `known` (line bookkeeping, keys starting with "__", is
    passed over), with the closest known key and the list of them: "unknown {what} 'x'{where}; did you
    mean 'y'? Known: …". The one check of unknown keys for settings, headers, notes, corrections and the
    knowledge base."""
    from builder.text import closest

    problems = []
    for key in values:
        if key in known or str(key).startswith("__"):
            continue
        hint = closest(str(key), known, 1)
        problems.append(Problem(shown, line_of(str(key)), f"unknown {what} '{key}'{where}"
                                + (f"; did you mean '{hint[0]}'?" if hint else ".")
                                + f" Known: {', '.join(sorted(known))}.", severity))
    return problems


def check_mapping(values: dict, schema: dict[str, Option], shown: str, line_of: Callable[[str], int | None],
                  what: str = "setting") -> tuple[dict, list[Problem]]:
    """Every option of the schema from a mapping read from YAML: bad values fall back to their default with
    an error, unknown keys are reported with the known ones. Returns (values by name, problems)."""
    problems = unknown_keys(values, schema, shown, line_of, what)
    parsed: dict[str, Any] = {}
    for name, option in schema.items():
        if name not in values:
            parsed[name] = option.default
            continue
        try:
            parsed[name] = option.parse(values[name])
        except Invalid as error:
            problems.append(Problem(shown, line_of(name), f"{name} {error}; using {option.shown_default or option.default!r}."))
            parsed[name] = option.default
    return parsed, problems
