"""The gender lexicon of first names that lets "he" and "she" pick their antecedent (builder.annotate.genders).

    python training/given_genders.py          # writes builder/lang/given_genders.txt (seconds)
    python training/given_genders.py --dictionaries   # also the Russian and Ukrainian dictionaries' first
                                              # names (minutes: it walks every word of both)

Faker's person providers (MIT licence; the `train` extra), the source of training/given_names.py too,
list male and female first names per locale, the Russian and Ukrainian ones in Cyrillic; with
--dictionaries, pymorphy3's OpenCorpora (Russian) and VESUM (Ukrainian) dictionaries add their first names
(Name) with their gender (masc, femn). The committed file was made without it (the machine was shared).
Each entry is written under the keys given_names.txt uses (a Latin name folded to lower-case ASCII; a
Cyrillic one as "~" and the name keys of its Russian and Ukrainian romanisations, so "Volodymyr", "Iryna"
and "Olena" are known), then a tab and "m" or "f". A nickname of builder/lang/nicknames.txt the sources
lack ("Jen") takes the gender of the full names it stands for, when they all have the same. A key any source gives both genders ("Jean", "Andrea", "Sasha") is left out: its
gender is unknown, and a pronoun then finds no antecedent through it. One entry per line, sorted.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.text import CYRILLIC, ascii_fold, name_key, romanise  # noqa: E402
from training.given_names import CYRILLIC_WORD, LATIN  # noqa: E402

OUT = ROOT / "builder" / "lang" / "given_genders.txt"
ATTRS = {"first_names_male": "m", "first_names_female": "f"}


def faker_genders() -> list[tuple[str, str]]:
    import faker.providers.person as person

    found: list[tuple[str, str]] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{module}").Provider
        for attribute, gender in ATTRS.items():
            names = getattr(provider, attribute, None)
            if names is None or isinstance(names, property):
                continue
            found.extend((n, gender) for n in (names.keys() if hasattr(names, "keys") else names) if isinstance(n, str))
    return found


def dictionary_genders() -> list[tuple[str, str]]:
    """(first name, gender) of the lemmas tagged Name and masc or femn in the Russian and Ukrainian dictionaries."""
    import pymorphy3

    found: list[tuple[str, str]] = []
    for lang in ("ru", "uk"):
        for _, tag, normal_form, _, index in pymorphy3.MorphAnalyzer(lang=lang).dictionary.iter_known_words():
            if index == 0 and "Name" in tag and ("masc" in tag) != ("femn" in tag):
                found.append((normal_form, "m" if "masc" in tag else "f"))
    return found


def keys(name: str) -> set[str]:
    if LATIN.match(name):
        return {ascii_fold(name).lower()}
    if CYRILLIC_WORD.match(name) and CYRILLIC.search(name):
        word = name[:1].upper() + name[1:].lower()
        return {"~" + name_key(romanise(word, lang)) for lang in ("ru", "uk")}
    return set()


def table(pairs: list[tuple[str, str]]) -> dict[str, str]:
    genders: dict[str, set[str]] = {}
    for name, gender in pairs:
        for key in keys(name):
            if len(key.lstrip("~")) > 1:
                genders.setdefault(key, set()).add(gender)
    return {key: found.pop() for key, found in genders.items() if len(found) == 1}


def with_nicknames(genders: dict[str, str]) -> dict[str, str]:
    """The table with the nicknames of builder/lang/nicknames.txt ("jen jennifer") it lacks, when every full
    name the nickname stands for has one and the same gender there."""
    full: dict[str, set[str]] = {}
    for line in (ROOT / "builder" / "lang" / "nicknames.txt").read_text(encoding="utf-8").splitlines():
        nick, _, name = line.partition(" ")
        if name:
            full.setdefault(nick, set()).add(genders.get(name.strip()))
    added = {nick: found.pop() for nick, found in full.items() if nick not in genders and len(found) == 1 and None not in found}
    return {**genders, **added}


def main() -> int:
    genders = with_nicknames(table(faker_genders() + (dictionary_genders() if "--dictionaries" in sys.argv[1:] else [])))
    OUT.write_text("".join(f"{key}\t{genders[key]}\n" for key in sorted(genders)), encoding="utf-8")
    print(f"given-name genders: {len(genders)} entries -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
