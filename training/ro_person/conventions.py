"""RONEC's span conventions applied to the Romanian model's PERSON spans, for scoring on RONEC only.

RONEC puts in a PERSON span the articled noun of a title or trade right before the name ("înotătoarea
Camelia Potec", "scenografei Geta Medinski") and an abbreviated title with its full stop ("prof. Doina
Brad"); the model often starts at the name. `extend` moves a span's start back over one such word. The
annotator does not use it (it cuts titles instead: builder/annotate/people.py); bench/ronec.py reports
the model with and without it, as separate rows. Chosen on the train part's gold (of 115 spans preceded
by, or starting with, an articled lowercase noun, RONEC includes the noun in 85) and measured on dev;
held-out was not looked at.
"""
from __future__ import annotations

import re

ARTICLED = re.compile(r"^[a-zăâîșț-]{3,}(?:ul|ului|a|ei|ele|elui|lor|ii|le)$")
"""A lowercase Romanian noun with the definite article (-ul, -ului, -a, -ei, -ele, -lor, -ii, -le)."""
NOT_TITLES = frozenset("""lui cea cel sa pe la una fiecărui acestui acestei unei unui ale alea cărei cărui sale lor ei
către asupra contra împotriva despre după dintre printre de-a doua prima avea""".split())
"""Function words and pronouns with those endings."""
ABBREVIATED = frozenset("prof dr dl dna gen col lt ing av pr conf acad".split())
"""Titles written abbreviated, before their full stop ("prof .")."""


def extend(tokens: list[str], spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans, each started one articled title word (or an abbreviated title and its stop) earlier."""
    out = set()
    for start, end in spans:
        if start > 0 and not tokens[start][:1].islower() and ARTICLED.match(tokens[start - 1]) \
                and tokens[start - 1] not in NOT_TITLES:
            start -= 1
        elif start > 1 and tokens[start - 1] == "." and tokens[start - 2].lower() in ABBREVIATED:
            start -= 2
        out.add((start, end))
    return out
