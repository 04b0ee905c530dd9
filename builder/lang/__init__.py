"""Language packs: every word of a language the builder matches lives in one module of this package
(en.py, ro.py, ru.py, uk.py), and nowhere else (tests/unit/test_lang.py fails when a module outside it
holds words of a language).

A pack is a plain module of lists and pattern fragments; a name a pack does not define means the
language has none of it. Adding a language is one new module here, named by its ISO 639-1 code, plus its
tests. The builder reads packs through the functions below: `pack(lang)` for one language's words (with
English as the fallback for languages without a pack), `every(name)` for one list across all languages (a
scraped page may mix them), in the fixed order of CODES.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

CODES: tuple[str, ...] = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if len(m.name) == 2))
"""The languages that have a pack (ISO 639-1 codes, sorted)."""
FALLBACK = "en"


@lru_cache(maxsize=None)
def pack(lang: str) -> ModuleType:
    """The pack of a language; English for a language without one."""
    return importlib.import_module(f"{__name__}.{lang if lang in CODES else FALLBACK}")


def has(lang: str, name: str) -> bool:
    """Whether the language's own pack defines `name` (no fallback)."""
    return lang in CODES and hasattr(pack(lang), name)


def own(lang: str, name: str, default=None):
    """`name` from the language's pack, else from English's, else `default`."""
    for code in (lang, FALLBACK):
        if has(code, name):
            return getattr(pack(code), name)
    return default


def every(name: str) -> list:
    """The items of list `name` of every pack, in pack order (packs without it add nothing)."""
    items: list = []
    for code in CODES:
        items.extend(getattr(pack(code), name, ()))
    return items


def every_dict(name: str) -> list[dict]:
    """Dictionaries `name` of every pack that defines one, in pack order."""
    return [getattr(pack(code), name) for code in CODES if hasattr(pack(code), name)]


def strings(name: str) -> list[str]:
    """Single strings `name` (a pattern fragment each) of every pack that defines it, in pack order."""
    return [getattr(pack(code), name) for code in CODES if hasattr(pack(code), name)]


def keyed(name: str) -> dict[str, str]:
    """Per key of the dictionaries `name` (kind -> pattern fragment), the fragments of every pack joined
    into one alternation, keys in the order English's dictionary gives them."""
    joined: dict[str, list[str]] = {}
    for code in CODES:
        for key, fragment in getattr(pack(code), name, {}).items():
            joined.setdefault(key, []).append(fragment)
    return {key: "|".join(parts) for key, parts in joined.items()}


def capitals() -> str:
    """Capital letters of every language, as the body of a regular-expression character class."""
    return "".join(strings("CAPITALS"))


def loaded() -> dict[str, ModuleType]:
    """Every pack, by code."""
    return {code: pack(code) for code in CODES}
