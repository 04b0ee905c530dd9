"""The cross-archive index: every person with a page (people outside the knowledge base merged across
spellings under one id), articles in date order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from builder.annotate.resolve import display_name, unknown_person_id
from builder.archive.evidence import Counts, is_given_name, not_people
from builder.archive.identity import NAME_TITLES, compound_forms, resolved, same_people
from builder.archive.placement import placed
from builder.model import AnnotatedArticle, Archive, KnowledgeBase, Note, Person, Speaker
from builder.text import CYRILLIC, name_key, romanise, sound_key

# The same names come back in article after article, and making their keys (transliterating) costs most.
_name_key, _sound_key = lru_cache(maxsize=100_000)(name_key), lru_cache(maxsize=100_000)(sound_key)


def index_archive(kb: KnowledgeBase, annotated: list[AnnotatedArticle], notes: list[Note],
                  counts: Counts | None = None) -> Archive:
    """The cross-archive index: every person with a page, articles in date order. People outside the
    knowledge base whose names differ only in transliteration are merged under one id; an id that is
    already a knowledge-base person's (or another person's) gets a number, so two people never share a page.
    A name in Cyrillic meets its Latin spelling by the same key (it is romanised first), or failing that
    by the looser sound key when exactly one Latin-script person has it ("Тим Кук" -> Tim Cook); the
    person is shown under the Latin spelling, or else under the romanised name, the Cyrillic spellings
    kept as aliases. An undated article is placed in time by the events it names (builder.archive.placement).
    `counts`: how names are used in each article's text (builder.archive.evidence.Counts), remembered from the
    previous build's index, so that only changed articles are read again; the index is the same without."""
    archive = Archive(kb=kb, notes=notes)
    ordered = sorted(annotated, key=lambda i: (i.article.date is None, i.article.date or 0, i.article.slug))
    known = {p.id: p for p in kb.people}
    spellings: dict[str, Counter] = {}
    languages: dict[str, str] = {}
    for item in ordered:
        for ref in item.annotation.people:
            if not _in_kb(ref, known):
                spellings.setdefault(_name_key(ref.name), Counter())[ref.name] += 1
                languages.setdefault(ref.name, item.article.lang)
    canonical: dict[str, str] = {}
    for key, names in sorted(_across_scripts(spellings).items()):
        name = _shown_name(names, languages)
        base = unknown_person_id(name)
        person_id, number = base, 1
        while person_id in known or person_id in archive.people:
            number += 1
            person_id = f"{base}-{number}"
        aliases = tuple(sorted(n for n in names if n != name))
        archive.people[person_id] = Person(id=person_id, name=name, aliases=aliases, in_kb=False)
        for variant in names:
            canonical[variant] = person_id
    for item in ordered:
        for ref in item.annotation.people:
            if _in_kb(ref, known):
                archive.people[ref.id] = known[ref.id]
    archive.people = dict(sorted(archive.people.items()))
    events = {e.id: e for e in kb.events}
    archive.articles = [placed(_renamed(item, canonical, archive.people, known), events) for item in ordered]
    # Forms of one person's name (a middle initial, "Jr.", a title, a compound surname alone) are that person
    # (builder.archive.identity), and so is a word that is no given name run into another person's whole name
    # ("Relief Alexander Chupriyan"); a title before a surname that fits no one person is nobody, and so is
    # what the archive does not show as a person ("Pell Grants", "the Rose Garden"): no page, not listed
    # among an article's people.
    naming = _articles_naming(archive)
    mentions = Counter({pid: len(items) for pid, items in naming.items()})
    quoted = frozenset(s.id for item in archive.articles for s in item.annotation.speakers if s.quotes)
    same, added, untitled = same_people(archive.people, mentions, _cut_before_suffix(archive, naming), quoted,
                                        _titles_before(archive, naming), _spans(naming))
    archive.people = dict(sorted({**archive.people, **added}.items()))
    prefixed = prefixed_names({pid: p for pid, p in archive.people.items() if pid not in same})
    merged = resolved({**prefixed, **same})
    nobody = not_people({pid: p for pid, p in archive.people.items() if pid not in merged}, archive.articles,
                        counts) | untitled
    nobody |= {pid for pid, target in merged.items() if target in nobody}
    merged = {pid: target for pid, target in merged.items() if target not in nobody}
    # a name cut short, or a compound surname alone, is the one person with a page whose longer name it starts
    # or ends (the longer name must itself be someone: "Alexander Hamilton Place NW" folds nothing)
    standing = {pid: p for pid, p in archive.people.items() if pid not in merged and pid not in nobody}
    merged = resolved({**merged, **compound_forms(standing, mentions, _written_within(archive, naming))})
    if merged or nobody:
        archive.people = {pid: p for pid, p in archive.people.items() if pid not in merged and pid not in nobody}
        archive.articles = [_without(item, merged, nobody, archive.people) for item in archive.articles]
    return archive


def _articles_naming(archive: Archive) -> dict[str, list[AnnotatedArticle]]:
    """{id: the articles naming that person}, in the archive's order."""
    where: dict[str, list[AnnotatedArticle]] = {}
    for item in archive.articles:
        for pid in {ref.id for ref in item.annotation.people}:
            where.setdefault(pid, []).append(item)
    return where


def _spans(where: dict[str, list[AnnotatedArticle]]) -> dict[str, tuple]:
    """{id: (the first date, the last date)} of the dated articles naming each person."""
    spans = {}
    for pid, items in where.items():
        dates = [item.article.date for item in items if item.article.date is not None]
        if dates:
            spans[pid] = (min(dates), max(dates))
    return spans


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as written in a text: its words apart by any white space, not inside a longer word."""
    return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])")


def _cut_before_suffix(archive: Archive, where: dict[str, list[AnnotatedArticle]]) -> Callable[[str, str], bool]:
    """cut(id, suffix): whether most occurrences of the person's name in the articles naming them (`where`) go
    on with the suffix ("Ferdinand Marcos, Jr.": the name was cut at the comma, it is the son's)."""

    def cut(pid: str, suffix: str) -> bool:
        pattern = re.compile(r"(?<!\w)" + re.escape(archive.people[pid].name) + r"(,?\s+" + re.escape(suffix)
                             + r"(?!\w))?", re.IGNORECASE)
        found = [m.group(1) is not None for item in where.get(pid, ()) for paragraph in item.article.paragraphs
                 for m in pattern.finditer(paragraph)]
        return 2 * sum(found) > len(found)

    return cut


_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "adm": "admiral",
                "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant", "cpl": "corporal",
                "dr": "doctor", "prof": "professor", "rev": "reverend"}


def _titles_before(archive: Archive, where: dict[str, list[AnnotatedArticle]]) -> Callable[[str], frozenset[str]]:
    """titles(id): the titles of the English pack's NAME_TITLES among the three words before the person's
    name in the articles quoting them (else in all naming them: `where`), abbreviations written out ("Sen.
    John Kennedy:" -> senator): the office a speaker holds when they speak."""
    speaking: dict[str, list[AnnotatedArticle]] = {}
    for item in archive.articles:
        for pid in {s.id for s in item.annotation.speakers if s.quotes}:
            speaking.setdefault(pid, []).append(item)

    def titles(pid: str) -> frozenset[str]:
        pattern = _name_pattern(archive.people[pid].name)
        found = set()
        for item in speaking.get(pid) or where.get(pid, ()):
            for paragraph in item.article.paragraphs:
                for match in pattern.finditer(paragraph):
                    for word in paragraph[max(0, match.start() - 48):match.start()].split()[-3:]:
                        word = word.strip(".,;:").casefold()
                        if word in NAME_TITLES:
                            found.add(_ABBREVIATED.get(word, word))
        return frozenset(found)

    return titles


def _written_within(archive: Archive, where: dict[str, list[AnnotatedArticle]]) -> Callable[[str, str], bool]:
    """within(id, longer): whether most occurrences of the person's name in the articles naming them (`where`)
    are part of the longer name as written ("Sheila Jackson" inside "Sheila Jackson Lee": the model cut it)."""

    def within(pid: str, longer: str) -> bool:
        pattern, whole = _name_pattern(archive.people[pid].name), _name_pattern(longer)
        found = inside = 0
        for item in where.get(pid, ()):
            for paragraph in item.article.paragraphs:
                spans = [m.span() for m in whole.finditer(paragraph)]
                for match in pattern.finditer(paragraph):
                    found += 1
                    inside += any(start <= match.start() and match.end() <= end for start, end in spans)
        return 2 * inside > found

    return within


def prefixed_names(people: dict[str, Person]) -> dict[str, str]:
    """{id: the id of the person it names} for people outside the knowledge base named by a word that is no
    given name run into another person's whole name, which starts with a given name ("Relief Alexander
    Chupriyan" -> Alexander Chupriyan, "Austria Karl Nehammer" -> Karl Nehammer): a place, an office or a
    heading before the name. A surname alone after such a word ("Canada Trudeau") or the end of a longer
    name ("Van Hollen") is left alone: which person it is, the archive cannot tell for sure ("Sadyr
    Japarov" and "Akylbek Japarov" are two people)."""
    by_name: dict[tuple[str, ...], list[str]] = {}
    for pid, person in people.items():
        by_name.setdefault(tuple(person.name.split()), []).append(pid)
    found = {}
    for pid, person in people.items():
        words = person.name.split()
        if person.in_kb or len(words) < 3 or CYRILLIC.search(person.name) or is_given_name(words[0].split("-")[0]):
            continue
        targets = by_name.get(tuple(words[1:]), [])
        if len(targets) == 1 and is_given_name(words[1].split("-")[0]):
            found[pid] = targets[0]
    return found


def _without(item: AnnotatedArticle, merged: dict[str, str], nobody: set[str],
             people: dict[str, Person]) -> AnnotatedArticle:
    """The item with nobody's references (and quotes) gone and merged people's under the person they name
    (once)."""
    annotation = item.annotation
    if not any(p.id in merged or p.id in nobody for p in (*annotation.people, *annotation.speakers)):
        return item
    kept, seen = [], set()
    for ref in annotation.people:
        if ref.id in nobody:
            continue
        if ref.id in merged:
            target = people[merged[ref.id]]
            ref = replace(ref, id=target.id, name=target.name, in_kb=target.in_kb)
        if ref.id not in seen:
            seen.add(ref.id)
            kept.append(ref)
    speakers: dict[str, Speaker] = {}
    for speaker in annotation.speakers:
        if speaker.id in nobody:  # a heading's office taken for a speaker: its words stay unattributed
            continue
        if speaker.id in merged:
            speaker = replace(speaker, id=merged[speaker.id], name=people[merged[speaker.id]].name)
        if speaker.id in speakers:  # the person was quoted under both names: one list, in text order
            quotes = sorted(speakers[speaker.id].quotes + speaker.quotes, key=lambda q: q.paragraph)
            speaker = replace(speakers[speaker.id], quotes=tuple(quotes))
        speakers[speaker.id] = speaker
    return replace(item, annotation=replace(annotation, people=tuple(kept), speakers=tuple(speakers.values())))


def _across_scripts(spellings: dict[str, Counter]) -> dict[str, Counter]:
    """The groups of spellings (by name key) with each all-Cyrillic group moved into the one Latin-script
    group of the same sound key, when there is exactly one."""
    cyrillic = {key for key, names in spellings.items() if all(CYRILLIC.search(n) for n in names)}
    latin_by_sound: dict[str, list[str]] = {}
    for key, names in spellings.items():
        if key not in cyrillic:
            latin_by_sound.setdefault(_sound_key(key), []).append(key)
    merged = {key: Counter(names) for key, names in spellings.items()}
    for key in sorted(cyrillic):
        targets = latin_by_sound.get(_sound_key(key), [])
        if len(targets) == 1:
            merged[targets[0]].update(merged.pop(key))
    return merged


def _shown_name(names: Counter, languages: dict[str, str]) -> str:
    """The most common full Latin-script spelling; else the most common spelling, romanised by the
    convention of the language it was written in."""
    latin = Counter({n: count for n, count in names.items() if not CYRILLIC.search(n)})
    if latin:
        return display_name(latin)
    chosen = display_name(names)
    return romanise(chosen, languages.get(chosen))


def _in_kb(ref, known: dict[str, Person]) -> bool:
    return ref.in_kb and ref.id in known


def _renamed(item: AnnotatedArticle, canonical: dict[str, str], people: dict[str, Person],
             known: dict[str, Person]) -> AnnotatedArticle:
    """The item with people outside the knowledge base under their archive-wide id and name."""
    annotation = item.annotation
    if all(_in_kb(p, known) for p in annotation.people):
        return item
    outside = {p.id: p.name for p in annotation.people if not _in_kb(p, known)}

    def fix(ref, is_known: bool):
        if is_known:
            return ref
        new_id = canonical.get(ref.name, canonical.get(outside.get(ref.id, ""), ref.id))
        return replace(ref, id=new_id, name=people[new_id].name if new_id in people else ref.name)

    # A speaker is outside the knowledge base when the article's person of that id is.
    return replace(item, annotation=replace(
        annotation, people=tuple(fix(p, _in_kb(p, known)) for p in annotation.people),
        speakers=tuple(fix(s, s.id in known and s.id not in outside) for s in annotation.speakers)))
