"""A name lexicon as a tiny static-vectors table, for the Romanian person recogniser.

    python training/ro_person/lexicon.py [--out DIR]

The names come from Faker's person providers (MIT licence; a training-time dependency only, extra
`train` in pyproject.toml): first names and last names of every locale written in the Latin alphabet,
Romanian (ro_RO) ones apart. Each name (lower case, plus the Romanian genitive/dative of a feminine first
name: "Elena" -> "elenei", "Viorică" -> "vioricăi") gets a 4-dimensional indicator vector
[first name, last name, Romanian first name, Romanian last name]; every other word has no vector
(zeros). The table is keyed by the word as written (lower case, capitalised, capitals) and written as a spaCy pipeline directory whose vocab carries it,
for `[initialize] vectors`; the trained model keeps the table (a few hundred KB). Nothing of RONEC
goes into it. Deterministic (sorted names).
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "corpus" / "lexicon"
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ'’-]{2,}$")
ATTRS_FIRST = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
ATTRS_LAST = ("last_names", "last_names_male", "last_names_female")


def _names(provider, attrs) -> set[str]:
    out = set()
    for a in attrs:
        v = getattr(provider, a, None)
        if v is None or isinstance(v, property):
            continue
        items = v.keys() if hasattr(v, "keys") else v
        for n in items:
            if isinstance(n, str) and LATIN_NAME.match(n):
                out.add(n.lower())
    return out


def feminine_oblique(name: str) -> set[str]:
    if name.endswith("a"):
        return {name[:-1] + "ei"}
    if name.endswith("ă"):
        return {name + "i", name[:-1] + "ei"}
    return set()


def collect() -> dict[str, list[float]]:
    import faker.providers.person as person

    first, last, ro_first, ro_last = set(), set(), set(), set()
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        f, l = _names(provider, ATTRS_FIRST), _names(provider, ATTRS_LAST)
        first |= f
        last |= l
        if mod == "ro_RO":
            ro_first |= f
            ro_last |= l
            for n in _names(provider, ("first_names_female",)):
                ro_first |= feminine_oblique(n)
    table = {}
    for w in sorted(first | last | ro_first | ro_last):
        table[w] = [float(w in first), float(w in last), float(w in ro_first), float(w in ro_last)]
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    import numpy
    import spacy
    from spacy.vectors import Vectors

    table = collect()
    nlp = spacy.blank("ro")
    names = list(table)
    data = numpy.asarray([table[k] for k in names], dtype="float32")
    # Keyed by ORTH (a table's key attribute is not kept when a pipeline is saved): each name in lower
    # case, capitalised and in capitals, all pointing at the name's one row.
    vectors = Vectors(strings=nlp.vocab.strings, shape=data.shape)
    for i, k in enumerate(names):
        for form in dict.fromkeys((k, k[:1].upper() + k[1:], k.upper())):
            vectors.add(form, row=i)
    vectors.data[:] = data
    nlp.vocab.vectors = vectors
    nlp.to_disk(args.out)
    print(f"lexicon: {len(names)} names ({int(data[:, 0].sum())} first, {int(data[:, 1].sum())} last, "
          f"{int(data[:, 2].sum())} Romanian first, {int(data[:, 3].sum())} Romanian last) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
