"""Mention-replacement augmentation for the Romanian person recogniser (TRAIN part only).

Each training sentence that has named-person spans is copied `n` times; in each copy the *name* inside
every named-person span is replaced by another name drawn from Faker's person providers (the same MIT
lists lexicon.py uses; nothing from RONEC), so the model learns name shape and context rather than the
few hundred names RONEC happens to contain. What stays: every other token, and the words RONEC puts in
the span around the name (titles, appositions: "premierului Ilie Bolojan", "doamnei Osso").

The name inside a span is its longest run of capitalised tokens (initials such as "C." and the particles
de/van/von/da/di/del/la/le inside the run allowed), leading capitalised common words dropped: a capitalised
token whose lower-case form occurs as a lower-case word in the training text ("Premierul", "Ministrul",
"Unii") is a word, not a name. A span with no name left (a sentence-initial nominal) is left as it is.

The new name keeps the shape of the old: one token -> a surname (or now and then a first name), two ->
first + last, three or more -> first + first + last or first + initial + last. Half are Romanian
(ro_RO), half from the other Latin-script locales. Case: a name whose first token is a Romanian feminine
first name in the genitive/dative ("Elenei") gets a feminine first name in that form ("Mariei"); a last
token with the enclitic "-ului"/"ului" keeps it. The gender of a replaced first name follows the old one
when Faker knows it. Deterministic for a given seed.
"""
from __future__ import annotations

import importlib
import pkgutil
import random
import re

PARTICLES = {"de", "van", "von", "da", "di", "del", "la", "le", "du", "der", "den", "bin", "al"}
INITIAL = re.compile(r"^[A-ZĂÂÎȘȚŞŢ]\.$")
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ'’-]{2,}$")


def _list(provider, attr) -> list[str]:
    v = getattr(provider, attr, None)
    if v is None or isinstance(v, property):
        return []
    items = v.keys() if hasattr(v, "keys") else v
    return [n for n in items if isinstance(n, str) and LATIN_NAME.match(n) and n[:1].isupper()]


class Names:
    """Faker first names (by gender) and last names: Romanian and other Latin-script locales."""

    def __init__(self):
        import faker.providers.person as person

        self.ro = {"m": set(), "f": set(), "last": set()}
        self.xx = {"m": set(), "f": set(), "last": set()}
        for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
            provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
            d = self.ro if mod == "ro_RO" else self.xx
            d["m"].update(_list(provider, "first_names_male"))
            d["f"].update(_list(provider, "first_names_female"))
            d["last"].update(_list(provider, "last_names"))
            d["last"].update(_list(provider, "last_names_male"))
        for d in (self.ro, self.xx):
            for k in d:
                d[k] = sorted(d[k])
        self.male = set(self.ro["m"]) | set(self.xx["m"])
        self.female = set(self.ro["f"]) | set(self.xx["f"])
        self.ro_f_oblique = {oblique(n) for n in self.ro["f"] if oblique(n)}


def oblique(name: str) -> str | None:
    """Genitive/dative of a Romanian feminine first name: Elena -> Elenei, Viorica -> Vioricăi."""
    if name.endswith("ca") or name.endswith("ga"):
        return name[:-1] + "ăi"
    if name.endswith("a"):
        return name[:-1] + "ei"
    if name.endswith("ă"):
        return name[:-1] + "ei"
    return None


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def name_run(tokens: list[str], start: int, end: int, common: set[str]) -> tuple[int, int] | None:
    """The name inside span [start, end): the longest run of capitalised tokens / initials / inner
    particles, leading common words dropped. None when there is no name."""
    best, i = None, start
    while i < end:
        if not is_cap(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < end and (is_cap(tokens[j]) or (tokens[j] in PARTICLES and j + 1 < end and is_cap(tokens[j + 1]))):
            j += 1
        a = i
        while a < j and tokens[a].lower() in common and not INITIAL.match(tokens[a]):
            a += 1
        if a < j and (best is None or j - a > best[1] - best[0]):
            best = (a, j)
        i = j
    return best


def new_name(rng: random.Random, names: Names, old: list[str]) -> list[str]:
    first = old[0]
    gender = "f" if first in names.female and first not in names.male else \
             "m" if first in names.male and first not in names.female else rng.choice("mf")
    genitive_f = first in names.ro_f_oblique
    if genitive_f:
        gender = "f"
    d = names.ro if (genitive_f or rng.random() < 0.5) else names.xx
    pick_first = lambda: rng.choice(d[gender] or names.ro[gender])
    pick_last = lambda: rng.choice(d["last"] or names.ro["last"])
    n = len(old)
    if n == 1:
        out = [pick_first()] if rng.random() < 0.25 else [pick_last()]
    elif n == 2:
        out = [pick_first(), pick_last()]
    else:
        out = [pick_first(), pick_first() if rng.random() < 0.5 else rng.choice("ABCDEFGHIJKLMNOPRSTV") + ".",
               pick_last()]
    if genitive_f and len(out) > 1:
        obl = oblique(out[0])
        if obl:
            out[0] = obl
    last_old = old[-1]
    if n > 1 and last_old.endswith("ului") and len(last_old) > 6 and not last_old.endswith("-ului"):
        out[-1] = out[-1] + ("ului" if out[-1][-1] not in "aeiouăâî" else "-ului")
    elif last_old.endswith("-ului"):
        out[-1] = out[-1] + "-ului"
    return out


def augment(sentences: list[dict], n: int, spans_of_sentence, seed: int = 1729) -> list[dict]:
    """n copies of each sentence having named-person spans (from `spans_of_sentence`), names replaced.
    Returned as RONEC-like dicts {"id", "tokens", "space_after", "person_spans"}."""
    names = Names()
    common = {t for s in sentences for t in s["tokens"] if t[:1].islower()}
    rng = random.Random(seed)
    out = []
    for s in sentences:
        spans = sorted(spans_of_sentence(s))
        if not spans:
            continue
        for _ in range(n):
            toks, spaces = list(s["tokens"]), [bool(x) for x in s["space_after"]]
            new_toks, new_spaces, new_spans, pos = [], [], [], 0
            for a, b in spans:
                new_toks += toks[pos:a]
                new_spaces += spaces[pos:a]
                run = name_run(toks, a, b, common)
                start = len(new_toks)
                if run is None:
                    new_toks += toks[a:b]
                    new_spaces += spaces[a:b]
                else:
                    ra, rb = run
                    new_toks += toks[a:ra]
                    new_spaces += spaces[a:ra]
                    repl = new_name(rng, names, toks[ra:rb])
                    new_toks += repl
                    new_spaces += [True] * (len(repl) - 1) + [spaces[rb - 1]]
                    new_toks += toks[rb:b]
                    new_spaces += spaces[rb:b]
                new_spans.append((start, len(new_toks)))
                pos = b
            new_toks += toks[pos:]
            new_spaces += spaces[pos:]
            out.append({"id": s["id"], "tokens": new_toks, "space_after": new_spaces, "person_spans": new_spans})
    return out
