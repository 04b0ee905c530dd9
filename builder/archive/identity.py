"""One person, one page: the forms of a name that the archive shows to be the same person.

Across thousands of articles one person is written many ways, and each spelling outside the knowledge base
would get a page of its own: with and without a middle initial or a middle name ("Frank R. Lautenberg",
"Frank Lautenberg"; "Lyndon B. Johnson", "Lyndon Baines Johnson"), with and without "Jr." ("Ferdinand
Marcos", "Ferdinand R. Marcos Jr"), after a title the model kept ("Justice Breyer", "Lady Barbara Bush"), or
by a surname with a particle alone ("Van Hollen"), or with a nickname ("Chuck Schumer", "Charles E.
Schumer"). The forms are folded into one identity only when the archive
holds no other reading: every form of the group agrees with every other (initials with the names they
abbreviate, at most one suffix), and a title with a bare surname names the one person of that surname.
A title and a surname that fit nobody, or several people, are no page at all ("Justice Thomas" among
Clarence Thomas and the other Thomases): the name stays in the article's text, unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from builder import lang as packs
from builder.annotate.resolve import unknown_person_id
from builder.archive.evidence import HONORIFICS, NAME_TITLES, SUFFIXES, is_given_name
from builder.model import Person
from builder.text import CYRILLIC, ascii_fold

PARTICLES = frozenset(packs.every("NAME_PARTICLES"))
NICKNAMES = Path(packs.__file__).with_name("nicknames.txt")
APART = timedelta(days=730)
"""Two forms of a name whose articles lie more than this apart are two people's, whatever the names say
("Michael Collins", the astronaut, at his death in 2021; "Mike Collins", a congressman quoted in 2025)."""

Span = tuple[date, date]
"""The dates of the first and the last dated article naming a person."""

Parts = tuple[str, tuple[str, ...], str, str]
"""(first name, middle names or initials, surname, suffix) of a name, folded to lower-case ASCII."""


_ARTICLE = re.compile(r"^(?:al|el) ")
"""The Arabic article joined to a surname ("Al-Sisi", "El-Sisi", folded to "al sisi"): not part of the key."""


@lru_cache(maxsize=100_000)  # a name's words recur across the archive's names, and transliterating them costs most
def _fold(word: str) -> str:
    return _ARTICLE.sub("", ascii_fold(word).casefold().strip(".,"))


def parts(name: str) -> Parts | None:
    """The parts of a Latin-script name of two words or more that starts with a whole word; else None."""
    if CYRILLIC.search(name):
        return None
    words = [_fold(word) for word in name.replace(",", " ").split()]
    suffix = words.pop() if len(words) > 2 and words[-1] in SUFFIXES else ""
    if len(words) < 2 or len(words[0]) < 2 or not all(words):
        return None
    return words[0], tuple(words[1:-1]), words[-1], suffix


def agree(one: Parts, other: Parts) -> bool:
    """Whether two names of the same first name and surname can be one person's: at most one suffix, and
    middle parts that are absent on one side or abbreviate each other word by word ("R." and "Rudolph")."""
    if one[3] and other[3] and one[3] != other[3]:
        return False
    if not one[1] or not other[1]:
        return True
    return len(one[1]) == len(other[1]) and all(
        a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]) for a, b in zip(one[1], other[1]))


def same_people(people: dict[str, Person], mentions: dict[str, int],
                cut: Callable[[str, str], bool] = lambda pid, suffix: False, quoted: frozenset[str] = frozenset(),
                titles: Callable[[str], frozenset[str]] = lambda pid: frozenset(), spans: dict[str, Span] | None = None
                ) -> tuple[dict[str, str], dict[str, Person], set[str]]:
    """({id: the id of the person it is}, new people to add, ids that are nobody) for the people outside the
    knowledge base that are another form of someone's name (see the module's docstring). `mentions` is
    the number of articles naming each id: of forms that agree, the knowledge base's person, else the form
    named in most articles (with its suffix, when the forms have one), is the one kept. `cut(id, suffix)` tells whether the articles write that
    person's name followed by the suffix ("jr") most of the time; `quoted` holds the ids of speakers;
    `titles(id)` the titles written before that person's name in the articles ("senator", "president");
    `spans` the dates of the first and last article naming each id (a nickname is not folded across years)."""
    merged: dict[str, str] = {}
    added: dict[str, Person] = {}
    nobody: set[str] = set()
    named = {pid: parts(person.name) for pid, person in people.items()}
    _variants(people, named, mentions, merged, cut, quoted, titles)
    _nicknames(people, named, merged, mentions, spans or {})
    by_words: dict[tuple[str, ...], list[str]] = {}
    for pid, person in people.items():
        by_words.setdefault(tuple(_fold(w) for w in person.name.split()), []).append(pid)
    tails: dict[tuple[str, ...], set[str]] = {}
    for pid, person in people.items():
        words = person.name.split()
        if len(words) > 2 and is_given_name(words[0]):
            for size in range(2, len(words)):
                tails.setdefault(tuple(_fold(w) for w in words[-size:]), set()).add(merged.get(pid, pid))
    for pid, person in sorted(people.items()):
        if person.in_kb or pid in merged:
            continue
        words = person.name.split()
        if len(words) >= 2 and _fold(words[0]) in NAME_TITLES:
            _titled(pid, words[1:], people, named, by_words, merged, added, nobody)
        # a surname with a particle alone is the one person whose longer name, starting with a given name,
        # ends with it ("Van Hollen" -> Chris Van Hollen); other compound surnames are not told from a name
        # after a word run into it ("Sheikh Mohammed" is not Khalid Sheikh Mohammed)
        elif len(words) >= 2 and _fold(words[0]) in PARTICLES:
            longer = tails.get(tuple(_fold(w) for w in words), set()) - {pid}
            if not longer:  # "Al Sisi": the surname after the particle, written "Al-Sisi" in the longer name
                surname = _fold(" ".join(words[1:]))
                longer = {merged.get(other, other) for other, found in named.items() if other != pid and found
                          and found[2] == surname and not found[3] and len(people[other].name.split()) > len(words)}
            if len(longer) == 1:
                merged[pid] = longer.pop()
    _reversed(people, mentions, merged)
    return resolved(merged), added, nobody


def _reversed(people: dict[str, Person], mentions: dict[str, int], merged: dict[str, str]) -> None:
    """Two words of a name written in both orders ("Shigeru Ishiba" / "Ishiba Shigeru", "Fumio Kishida" /
    "Kishida Fumio": a family name first in Japanese, Korean and Chinese usage, or in a surname-first list)
    are one person: the knowledge base's, else the order that starts with a given name, else the one named
    in more articles."""
    by_words = {tuple(_fold(w) for w in person.name.split()): pid for pid, person in sorted(people.items())
                if len(person.name.split()) == 2 and not CYRILLIC.search(person.name)}
    for words, pid in sorted(by_words.items()):
        other = by_words.get(words[::-1])
        if other is None or pid in merged or other in merged or words[0] == words[1] or people[pid].in_kb:
            continue
        rank = {one: (is_given_name(people[one].name.split()[0]), mentions.get(one, 0), one) for one in (pid, other)}
        if people[other].in_kb or rank[other] > rank[pid]:
            merged[pid] = other


def _variants(people: dict[str, Person], named: dict[str, Parts | None], mentions: dict[str, int],
              merged: dict[str, str], cut: Callable[[str, str], bool], quoted: set[str],
              titles: Callable[[str], frozenset[str]]) -> None:
    """Names of one first name and surname that all agree, folded into the one kept. A suffix tells a son
    from his father ("Robert F. Kennedy Jr"): a name without it joins the suffixed forms only when the
    articles write it cut before the suffix ("Ferdinand Marcos, Jr." read as "Ferdinand Marcos")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for pid, found in sorted(named.items()):
        if found is not None:
            groups.setdefault((found[0], found[2]), []).append(pid)
    for ids in groups.values():
        suffixes = {named[pid][3] for pid in ids} - {""}
        if len(ids) < 2 or len(suffixes) > 1:
            continue
        suffix = next(iter(suffixes), "")
        joined = [pid for pid in ids if named[pid][3] or (suffix and cut(pid, suffix))]
        for group in (joined, [pid for pid in ids if pid not in joined]):
            fuller = [pid for pid in group if named[pid][1]]
            if fuller:
                # a quoted name without a middle name is a speaker of the day the fuller name may not be: it
                # stays apart when it carries a title the fuller forms never have, and they have one ("Sen. John
                # Kennedy" is quoted, and so is "President John F. Kennedy"); "Janet Yellen" is "Janet L. Yellen"
                theirs = frozenset().union(*(titles(pid) for pid in fuller))
                group = [pid for pid in group if named[pid][1] or pid not in quoted or people[pid].in_kb
                         or not theirs or titles(pid) <= theirs]
            if len(group) < 2 or sum(people[pid].in_kb for pid in group) > 1 or \
                    not all(agree(named[a], named[b]) for a, b in combinations(group, 2)):
                continue
            kept = max(group, key=lambda pid: (people[pid].in_kb, bool(named[pid][3]), mentions.get(pid, 0),
                                               len(people[pid].name.split()), [-ord(c) for c in pid]))
            for pid in group:
                # a spelling the knowledge base does not list, with the same parts ("Dmitrý Peskov"), is left
                # to the knowledge base's editors: it keeps an id of its own
                if pid != kept and not people[pid].in_kb and not (people[kept].in_kb and named[pid] == named[kept]):
                    merged[pid] = kept


@lru_cache(maxsize=1)
def formal_names() -> dict[str, frozenset[str]]:
    """{nickname: the given names it is short for} (builder/lang/nicknames.txt, made by
    training/nickname_pairs.py from the `nicknames` dataset: "chuck" -> charles, "teddy" -> edward, theodore)."""
    table: dict[str, set[str]] = {}
    for line in NICKNAMES.read_text(encoding="utf-8").splitlines():
        nickname, formal = line.split()
        table.setdefault(nickname, set()).add(formal)
    return {nickname: frozenset(formal) for nickname, formal in table.items()}


def _nicknames(people: dict[str, Person], named: dict[str, Parts | None], merged: dict[str, str],
               mentions: dict[str, int], spans: dict[str, Span]) -> None:
    """A name whose first word is a nickname ("Chuck Schumer", "Teddy Roosevelt") is the one person of the
    same surname (and suffix, and agreeing middle names) whose first name it is short for: "Charles E.
    Schumer", "Theodore Roosevelt". When two such people exist ("Bobby Kennedy" among Robert F. Kennedy and
    Robert F. Kennedy Jr) it is left alone, and so it is when the articles naming the two forms lie more than
    two years apart (`spans`: "Michael Collins", the astronaut, named at his death in 2021, and "Mike Collins", a
    congressman quoted in 2025; the forms of one person are named in the same years, "Chuck Schumer" and
    "Charles E. Schumer"). The knowledge base's spelling wins over the archive's, and else the form named in
    more articles ("Julie Su" in 40, "Julia Su" in 10: Julie Su)."""
    table = formal_names()
    by_surname: dict[str, list[str]] = {}
    for pid, found in named.items():
        if found is not None:
            by_surname.setdefault(found[2], []).append(pid)
    for pid, found in sorted(named.items()):
        if found is None or pid in merged or found[0] not in table:
            continue
        targets = {merged.get(other, other) for other in by_surname[found[2]]
                   if named[other][0] in table[found[0]] and named[other][3] == found[3] and agree(found, named[other])}
        targets.discard(pid)
        if len(targets) != 1:
            continue
        target = targets.pop()
        if merged.get(target) == pid:
            continue  # the other form was folded into this one already ("Michael C." and "Mike" name each other)
        if _apart(_span(pid, merged, spans), _span(target, merged, spans)):
            continue
        if not people[pid].in_kb and (people[target].in_kb or mentions.get(target, 0) >= mentions.get(pid, 0)):
            merged[pid] = target
        elif not people[target].in_kb:
            merged[target] = pid
            for other, kept in list(merged.items()):
                if kept == target:
                    merged[other] = pid


def _span(pid: str, merged: dict[str, str], spans: dict[str, Span]) -> Span | None:
    """The first and last dates of the articles naming the person under any form folded in so far (None when
    none is dated)."""
    found = [spans[one] for one in (pid, *(other for other, kept in merged.items() if kept == pid)) if one in spans]
    return (min(s[0] for s in found), max(s[1] for s in found)) if found else None


def _apart(one: Span | None, other: Span | None) -> bool:
    """Whether two spans of dates are more than APART from each other (undated: not apart)."""
    return one is not None and other is not None and (other[0] - one[1] > APART or one[0] - other[1] > APART)


def _titled(pid: str, rest: list[str], people: dict[str, Person], named: dict[str, Parts | None],
            by_words: dict[tuple[str, ...], list[str]], merged: dict[str, str], added: dict[str, Person],
            nobody: set[str]) -> None:
    """A title and a surname: the one person of that surname, else nobody. A title and a whole name: the
    person of that name (a new page under it when the archive has none)."""
    if len(rest) == 1:
        surname = _fold(rest[0])
        holders = [other for other, found in named.items()
                   if other != pid and found is not None and found[2] == surname and found[0] not in NAME_TITLES]
        targets = {merged.get(holder, holder) for holder in holders}  # forms of one name are one holder
        if len(targets) == 1:
            merged[pid] = targets.pop()
        else:
            nobody.add(pid)
        return
    name = " ".join(rest)
    same = [other for other in by_words.get(tuple(_fold(w) for w in rest), []) if other != pid]
    if same:
        merged[pid] = same[0]
    elif is_given_name(rest[0]):
        new_id = unknown_person_id(name)
        if new_id in people and people[new_id].name != name:
            return
        person = added.get(new_id) or Person(id=new_id, name=name, aliases=(), in_kb=False)
        added[new_id] = Person(id=new_id, name=name, aliases=tuple(sorted({*person.aliases, people[pid].name})),
                               in_kb=False)
        merged[pid] = new_id


def compound_forms(people: dict[str, Person], mentions: dict[str, int],
                   written_within: Callable[[str, str], bool]) -> dict[str, str]:
    """{id: the id of the person it names} for names outside the knowledge base that are the start or the end
    of exactly one longer name beginning with a given name: the model cut the name short ("Sheila Jackson" of
    "Sheila Jackson Lee", "Andrés Manuel López" of "Andrés Manuel López Obrador"), or a compound surname
    stands alone ("Lujan Grisham", "Cortez Masto", "López Obrador"). The start of a name is that person only when
    the articles naming it write it inside the longer name most of the time (`written_within(id, name)`):
    George Washington is not George Washington Carver. The end is, when the articles write it inside the
    longer name, or when its first word is no title and the longer name is well attested (`mentions`: in more
    articles, or, when the first word is no given name either, in three or more): a compound surname alone
    names the better-known whole name ("Cortez Masto" in 4 articles, "Catherine Cortez Masto" in 13; "Harris
    Rohini Kosoglu", in one, is not Rohini Kosoglu). A longer name after a
    title or an honorific ("Imam Mohamed Magid", "Sheikh Mohammed" inside "Khalid Sheikh Mohammed"), with a
    suffix ("Joe Kennedy III", "John Paul II"), or two longer names ("John Paul Stevens") fold nothing."""
    starts: dict[tuple[str, ...], set[str]] = {}
    ends: dict[tuple[str, ...], set[str]] = {}
    folded = {pid: tuple(_fold(w) for w in person.name.split()) for pid, person in people.items()}
    for pid, person in people.items():
        words = person.name.split()
        found = parts(person.name)
        if len(words) < 3 or found is None or found[3] or not is_given_name(words[0].split("-")[0]) \
                or _fold(words[0]) in NAME_TITLES | HONORIFICS:
            continue
        for size in range(2, len(words)):
            starts.setdefault(folded[pid][:size], set()).add(pid)
            ends.setdefault(folded[pid][-size:], set()).add(pid)
    found_forms = {}
    for pid, person in sorted(people.items()):
        words = person.name.split()
        if person.in_kb or len(words) < 2 or CYRILLIC.search(person.name):
            continue
        key = folded[pid]
        for table, bare in ((starts, False), (ends, True)):
            longer = table.get(key, set()) - {pid}
            # forms of one longer name count once ("Manuel López Obrador" inside "Andrés Manuel López Obrador")
            longer = {one for one in longer if not any(
                other != one and _inside(folded[one], folded[other]) for other in longer)}
            if len(longer) != 1:
                continue
            target = next(iter(longer))
            attested = mentions.get(target, 0) > mentions.get(pid, 0) or \
                (mentions.get(target, 0) >= 3 and not is_given_name(words[0].split("-")[0]))
            surname_part = bare and key[0] not in NAME_TITLES | HONORIFICS and attested
            if surname_part or written_within(pid, people[target].name):
                found_forms[pid] = target
                break
    return found_forms


def _inside(words: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether the words stand together inside the longer name's words."""
    return len(words) < len(longer) and any(longer[i:i + len(words)] == words for i in range(len(longer) - len(words) + 1))


def resolved(merged: dict[str, str]) -> dict[str, str]:
    """Chains followed to their end (a -> b -> c becomes a -> c, b -> c); a cycle is dropped."""
    final = {}
    for pid in merged:
        target, seen = merged[pid], {pid}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        if target not in seen:
            final[pid] = target
    return final
