"""The country-name lexicon the archive uses to tell a person's name from a country's.

    python training/place_names.py            # writes builder/lang/place_names.txt (a second)

A title-case country name of two words or more ("Saint Lucia", "El Salvador", "Costa Rica") is what the
English model now and then labels a person, and the archive's other evidence cannot rule it out: its first
word is a given name in some locale, and "Ambassador to Saint Lucia" puts an office before it. The source is
the Unicode CLDR's English names of the world's territories as Babel ships them (BSD licence; installed with
MkDocs Material, a dependency of the site), each also with "Saint" for "St." and cut before "and" and a
bracket ("Saint Vincent" of "St. Vincent and Grenadines"). One name a line, lower case, sorted: deterministic. Names of one word are left out (a page is never named by one word).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "builder" / "lang" / "place_names.txt"


def country_names() -> set[str]:
    from babel import Locale

    locale = Locale("en")
    found: set[str] = set()
    for code, name in locale.territories.items():
        if code.isdigit():  # regions ("Western Europe") are not places people are confused with
            continue
        name = " ".join(name.replace("&", "and").split())
        # "St. Lucia" is written "Saint Lucia" too, and "St. Vincent and Grenadines" begins with "Saint Vincent".
        for spelling in (name, name.split(" (")[0], name.split(" and ")[0]):
            for written in (spelling, spelling.replace("St. ", "Saint ")):
                if len(written.split()) >= 2:
                    found.add(written.lower())
    return found


def main() -> int:
    names = sorted(country_names())
    OUT.write_text("".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} country names written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
