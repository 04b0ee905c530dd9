"""A name lexicon as a tiny static-vectors table, for the Romanian person recogniser.

    python training/ro_person/lexicon.py [--out DIR]

The names come from Faker's person providers (MIT licence; a training-time dependency only, extra
`train` in pyproject.toml): first names and last names of every locale written in the Latin alphabet,
Romanian (ro_RO) ones apart. Each name (lower case, plus the Romanian genitive/dative of a feminine first
name: "Elena" -> "elenei", "Viorică" -> "vioricăi") gets a 4-dimensional indicator vector
[first name, last name, Romanian first name, Romanian last name]; every other word has no vector
(zeros).

Word features (`--words`, a try of session 21, not what `make train-ro` runs): three more dimensions that say how
plain a word is, for every word of wordfreq's Romanian list (Apache-2.0 code, data inside the wheel; 43,413
words) and every place name below: [common: wordfreq's Zipf frequency of the lower-case word / 8,
dictionary: the lower-case word is a form in spaCy's Romanian lemma table (spacy-lookups-data, MIT) or a
literal of the Romanian WordNet (rowordnet, MIT), place: a country or territory name in Romanian or English
(Babel's CLDR names, one word, with the Romanian genitive "Rusiei", "Ucrainei")]. A capitalised word that
is a common Romanian word ("Astăzi", "Ministerul") or a place reads so; a name reads as a name. All three
packages are needed by `--words` only: `pip install wordfreq==3.1.1 rowordnet==1.1.0 spacy-lookups-data==1.0.5`.

The table is keyed by the word as written (lower case, capitalised, capitals) and written as a spaCy pipeline directory whose vocab carries it,
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
COMMA_BELOW = str.maketrans("şţ", "șț")
"""A few WordNet literals are written with the cedilla; RONEC, wordfreq and the lemma table use the comma."""
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


WORDS_PACKAGES = "wordfreq==3.1.1 rowordnet==1.1.0 spacy-lookups-data==1.0.5"


def dictionary_words() -> set[str]:
    """Lower-case Romanian word forms of spaCy's lemma table and the Romanian WordNet (single words)."""
    import gzip
    import json
    from importlib.resources import files

    import rowordnet

    table = json.loads(gzip.decompress(files("spacy_lookups_data").joinpath("data/ro_lemma_lookup.json.gz").read_bytes()))
    words = {w.lower() for pair in table.items() for w in pair}
    wordnet = rowordnet.RoWordNet()
    for synset_id in wordnet.synsets():
        words |= {w.lower() for w in wordnet.synset(synset_id).literals}
    return {w.translate(COMMA_BELOW) for w in words if LATIN_NAME.match(w)}


def place_names() -> set[str]:
    """One-word country and territory names in Romanian and English (Babel's CLDR data), lower case, with the
    Romanian genitive/dative ("rusia" -> "rusiei", "ucraina" -> "ucrainei")."""
    from babel import Locale

    places = set()
    for lang in ("ro", "en"):
        for code, name in Locale(lang).territories.items():
            if not code.isdigit() and LATIN_NAME.match(name):
                places.add(name.lower())
    for name in list(places):
        places |= feminine_oblique(name)
    return places


def word_features(words: set[str]) -> dict[str, list[float]]:
    """[common, dictionary, place] for each word of wordfreq's Romanian list and each place name."""
    import wordfreq

    dictionary, places = dictionary_words(), place_names()
    out = {}
    for w in sorted(set(wordfreq.get_frequency_dict("ro")) | places | words):
        if LATIN_NAME.match(w):
            out[w] = [round(wordfreq.zipf_frequency(w, "ro") / 8, 3), float(w in dictionary), float(w in places)]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--words", action="store_true", help="add the word features (common, dictionary, place)")
    args = ap.parse_args(argv)

    import numpy
    import spacy
    from spacy.vectors import Vectors

    table = collect()
    if args.words:
        try:
            import rowordnet, spacy_lookups_data, wordfreq  # noqa: F401
        except ImportError as e:
            raise SystemExit(f"--words needs {e.name}: pip install {WORDS_PACKAGES}")
        features = word_features(set(table))
        table = {w: table.get(w, [0.0] * 4) + features.get(w, [0.0] * 3) for w in sorted(set(table) | set(features))}
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
    print(f"lexicon: {len(names)} words ({int(data[:, 0].sum())} first, {int(data[:, 1].sum())} last, "
          f"{int(data[:, 2].sum())} Romanian first, {int(data[:, 3].sum())} Romanian last) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
