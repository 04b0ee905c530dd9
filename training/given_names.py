"""The given-name lexicon the archive uses to tell a person's name from a title-case phrase.

    python training/given_names.py            # writes builder/lang/given_names.txt (minutes: it walks
                                              # every word of the Russian and Ukrainian dictionaries)

Two sources, both already used by the project: Faker's person providers (MIT licence; a build-time
dependency only, the `train` extra) hold first names for many locales, and pymorphy3's OpenCorpora
(Russian) and VESUM (Ukrainian) dictionaries tag first names (Name). Latin-script first names are written
as they are, folded to lower-case ASCII ("josé" -> "jose"); Cyrillic ones as the name keys
(builder.text.name_key, prefixed "~") of their Russian and Ukrainian romanisations, so that the English
spellings of one name ("Sergei", "Sergey", "Serhiy" for "Сергей", "Сергій") find it while a Latin word
that only resembles a name in the loose key ("Nizhny") does not. One entry per line, sorted:
deterministic. Names in other scripts, of one letter, or that are not words of letters are left out.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.text import CYRILLIC, ascii_fold, name_key, romanise  # noqa: E402

OUT = ROOT / "builder" / "lang" / "given_names.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f]{2,}$")
CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]{2,}$")


def faker_names() -> set[str]:
    import faker.providers.person as person

    found: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{module}").Provider
        for attribute in ATTRS:
            names = getattr(provider, attribute, None)
            if names is None or isinstance(names, property):
                continue
            found.update(n for n in (names.keys() if hasattr(names, "keys") else names) if isinstance(n, str))
    return found


def dictionary_names() -> set[str]:
    """The first names (lemmas tagged Name) of pymorphy3's Russian and Ukrainian dictionaries."""
    import pymorphy3

    found: set[str] = set()
    for lang in ("ru", "uk"):
        for _, tag, normal_form, _, index in pymorphy3.MorphAnalyzer(lang=lang).dictionary.iter_known_words():
            if index == 0 and "Name" in tag:
                found.add(normal_form)
    return found


def entries(names: set[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        if LATIN.match(name):
            out.add(ascii_fold(name).lower())
        elif CYRILLIC_WORD.match(name) and CYRILLIC.search(name):
            word = name[:1].upper() + name[1:].lower()
            out.update("~" + name_key(romanise(word, lang)) for lang in ("ru", "uk"))
    return {e for e in out if len(e.lstrip("~")) > 1}


def main() -> int:
    found = sorted(entries(faker_names() | dictionary_names()))
    OUT.write_text("".join(e + "\n" for e in found), encoding="utf-8")
    print(f"given names: {len(found)} entries -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
