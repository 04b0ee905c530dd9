"""Editors' corrections: fields of an article's YAML header that fix what the annotator found.

The header is the one place an article is corrected. `title`, `date`, `lang`, `outlet` and `url` are read
by ingest; this module reads the rest:

    people:   [a, b]                       exactly these people (replaces what was found)
    people:   {add: [a], remove: [b]}      add or remove people (events and topics work the same way)
    speakers: {remove: [c]}                c is not quoted in this article (their quotes are dropped)
    quotes:
      - text: "start of the quote"         a quote the annotator found (or the whole text of one it missed)
        speaker: sergey-lavrov             who said it
      - text: "words that are no quote"
        remove: true

Corrections are applied after annotation, so they win over inference on every build, whatever the
annotation cache holds: the cache keys on the raw file, and the header is part of it.
"""

from __future__ import annotations

from dataclasses import replace

from builder.settings import unknown_keys
from builder.model import (AnnotatedArticle, Annotation, Article, Corrections, KnowledgeBase, ListFix, PersonRef, Problem,
                           Quote, QuoteFix, Ref, Speaker)
from builder.text import closest, normalize_space

LIST_FIELDS = ("people", "speakers", "events", "topics")
KEYS = (*LIST_FIELDS, "quotes")
QUOTE_KEYS = {"text", "speaker", "direct", "remove"}
FIX_KEYS = {"add", "remove"}


# --- reading the header ------------------------------------------------------------------------------------

def _ids(value, shown: str, line: int, what: str, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(shown, line, f"'{what}' must be a list of ids, e.g. [sergey-lavrov, dmitry-peskov]."))
        return ()
    return tuple(v.strip() for v in value)


def _list_fix(key: str, value, lines: dict, shown: str, problems: list[Problem]) -> ListFix | None:
    line = lines.get(key, 0) + 1
    if isinstance(value, dict):
        key_lines = value.get("__key_lines__", {})
        fix_line = {k: key_lines.get(k, line - 1) + 1 for k in FIX_KEYS}
        problems += unknown_keys(value, FIX_KEYS, shown, lambda name: key_lines.get(name, line - 1) + 1,
                                 where=f" under '{key}'", severity="error")
        add = _ids(value.get("add"), shown, fix_line["add"], f"{key}: add", problems)
        remove = _ids(value.get("remove"), shown, fix_line["remove"], f"{key}: remove", problems)
        if key == "speakers" and add:
            problems.append(Problem(shown, fix_line["add"], "a speaker is added by giving them a quote: under 'quotes:' write "
                                                            "'- text: \"start of the quote\"' and 'speaker: <id>'."))
            add = ()
        return ListFix(exactly=None, add=add, remove=remove, line=line) if add or remove else None
    if key == "speakers":
        problems.append(Problem(shown, line, "'speakers' takes 'remove: [ids]'; to give a quote to someone, use 'quotes:'."))
        return None
    return ListFix(exactly=_ids(value, shown, line, key, problems), add=(), remove=(), line=line)


def _quote_fixes(value, lines: dict, shown: str, problems: list[Problem]) -> tuple[QuoteFix, ...]:
    line = lines.get("quotes", 0) + 1
    if not isinstance(value, list):
        problems.append(Problem(shown, line, "'quotes' must be a list of '- text: …' entries with 'speaker: <id>' or 'remove: true'."))
        return ()
    fixes = []
    for entry in value:
        # Header lines are counted from the '---' above them, hence the + 1.
        here = entry["__line__"] + 1 if isinstance(entry, dict) else line
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            problems.append(Problem(shown, here, "each entry under 'quotes' needs 'text:' with the start of the quote."))
            continue
        problems += unknown_keys(entry, QUOTE_KEYS, shown, lambda name: entry["__key_lines__"].get(name, here - 1) + 1,
                                 where=" in a quote correction", severity="error")
        remove = entry.get("remove") is True
        speaker = entry.get("speaker")
        if not remove and (not isinstance(speaker, str) or not speaker.strip()):
            problems.append(Problem(shown, here, "a quote correction needs 'speaker: <id>' (or 'remove: true' when it is not a quote)."))
            continue
        direct = entry.get("direct", True)
        if not isinstance(direct, bool):
            problems.append(Problem(shown, entry["__key_lines__"].get("direct", here - 1) + 1, "'direct' must be true or false."))
            direct = True
        fixes.append(QuoteFix(text=normalize_space(entry["text"]), speaker=None if remove else speaker.strip(),
                              direct=direct, line=here))
    return tuple(fixes)


def read_corrections(header: dict, shown: str, fields: tuple[str, ...]) -> tuple[Corrections, list[Problem]]:
    """The corrections in a parsed header (with line bookkeeping); `fields` are the plain fields it set."""
    problems: list[Problem] = []
    lines = header.get("__key_lines__", {})
    fixes = {key: _list_fix(key, header[key], lines, shown, problems) for key in LIST_FIELDS if header.get(key) is not None}
    quotes = _quote_fixes(header["quotes"], lines, shown, problems) if header.get("quotes") is not None else ()
    return Corrections(fields=fields, quotes=quotes, **fixes), problems


# --- checking ids against the knowledge base ---------------------------------------------------------------

def check_ids(corrections: Corrections, kb: KnowledgeBase, shown: str) -> list[Problem]:
    """Ids that must be in the knowledge base and are not, with the closest ones. People outside the
    knowledge base can only be removed (or quoted) when the annotator found them, which build checks."""
    known = {"people": {p.id for p in kb.people}, "events": {e.id for e in kb.events}, "topics": {t.id for t in kb.topics}}
    problems = []

    def unknown(ident: str, kind: str, line: int, what: str) -> None:
        hints = closest(ident, known[kind])
        problems.append(Problem(shown, line, f"{what} '{ident}', which is not in data/{kind}.yml." +
                                (f" Closest: {', '.join(hints)}." if hints else "")))

    for kind in ("people", "events", "topics"):
        fix = getattr(corrections, kind)
        if fix is None:
            continue
        # People outside the knowledge base may be kept or removed when the annotator found them: build checks those.
        checked = fix.add if kind == "people" else (fix.exactly or ()) + fix.add + fix.remove
        for ident in checked:
            if ident not in known[kind]:
                unknown(ident, kind, fix.line, f"the correction of '{kind}' names")
    return problems


def unknown_speaker(fix: QuoteFix, kb_people: set[str] | dict, found: set[str] | dict, shown: str) -> Problem | None:
    """The rule `check` and `build` share for a quote's speaker: a knowledge-base person, or a person
    found in the article (by the annotator in a build; in `check`, which does not annotate, a name the
    article's text gives)."""
    if fix.speaker is None or fix.speaker in kb_people or fix.speaker in found:
        return None
    hints = closest(fix.speaker, set(kb_people) | set(found))
    return Problem(shown, fix.line, f"the quote's speaker '{fix.speaker}' is neither in data/people.yml nor found in this "
                                    f"article." + (f" Closest: {', '.join(hints)}." if hints else ""))


def check_corrections(article: Article, kb: KnowledgeBase) -> list[Problem]:
    """What `briefing check` can tell without annotating: ids unknown to the knowledge base, quotes given to
    nobody the article names, and quotes whose words are nowhere in the article."""
    from builder.sources.notes import names_in_text

    problems = check_ids(article.corrections, kb, article.source)
    if any(fix.speaker for fix in article.corrections.quotes):
        kb_people, named = {p.id for p in kb.people}, names_in_text([article])
        problems += filter(None, (unknown_speaker(fix, kb_people, named, article.source) for fix in article.corrections.quotes))
    text = normalize_space(" ".join(article.paragraphs)).casefold()
    for fix in article.corrections.quotes:
        if fix.text.casefold() not in text:
            problems.append(Problem(article.source, fix.line, f"the quote “{fix.text}” is not in the article's text; copy its first "
                                                              "words exactly as the article has them."))
    return problems


# --- applying them -------------------------------------------------------------------------------------------

def _refs(current: tuple[Ref, ...], fix: ListFix | None, names: dict[str, str]) -> tuple[tuple[Ref, ...], set[str]]:
    """The refs after a fix, and the ids the editor put there."""
    if fix is None:
        return current, set()
    by_id = {r.id: r for r in current}
    if fix.exactly is not None:
        wanted = [i for i in fix.exactly if i in names]
        return tuple(by_id.get(i) or Ref(id=i, name=names[i]) for i in wanted), {i for i in wanted if i not in by_id}
    kept = [r for r in current if r.id not in fix.remove]
    added = [Ref(id=i, name=names[i]) for i in fix.add if i in names and i not in by_id]
    return tuple(kept + added), {r.id for r in added}


def _quote_matches(quote: Quote, text: str) -> bool:
    return normalize_space(quote.text).casefold().startswith(text.casefold())


def apply_corrections(item: AnnotatedArticle, kb: KnowledgeBase) -> tuple[AnnotatedArticle, list[Problem]]:
    """The article with its editor's corrections applied, which fields and items they set, and the
    corrections that found nothing to act on (reported, so that none is silently ignored)."""
    fixes = item.article.corrections
    shown = item.article.source
    problems = check_ids(fixes, kb, shown)
    edited: set[str] = {f for f in fixes.fields if f in ("title", "date", "lang", "outlet")}
    removed: list[str] = []
    n = item.annotation
    kb_people = {p.id: p for p in kb.people}

    # People first: removing a wrong person also takes away their quotes.
    people = list(n.people)
    speakers = list(n.speakers)
    if fixes.people is not None:
        fix = fixes.people
        edited.add("people")
        found = {p.id for p in people}
        if fix.exactly is not None:
            wanted = [i for i in fix.exactly if i in kb_people or i in found]
            for ident in fix.exactly:
                if ident not in kb_people and ident not in found:
                    hints = closest(ident, set(kb_people) | found)
                    problems.append(Problem(shown, fix.line, f"the correction of 'people' names '{ident}', who is neither in "
                                                             f"data/people.yml nor found in this article." +
                                            (f" Closest: {', '.join(hints)}." if hints else "")))
            dropped = [p.id for p in people if p.id not in wanted]
            people = [p for p in people if p.id in wanted]
            added = [i for i in wanted if i not in found]
        else:
            for ident in fix.remove:
                if ident not in found:
                    hints = closest(ident, found)
                    problems.append(Problem(shown, fix.line, f"the correction removes '{ident}', but the annotator did not find that "
                                                             f"person in this article." + (f" Found: {', '.join(hints)}." if hints else ""),
                                            "warning"))
            dropped = [i for i in fix.remove if i in found]
            people = [p for p in people if p.id not in fix.remove]
            added = [i for i in fix.add if i in kb_people and i not in found]
        people += [PersonRef(id=i, name=kb_people[i].name, in_kb=True) for i in added]
        edited.update(f"people/{i}" for i in added)
        removed += [f"people/{i}" for i in dropped]
        speakers = [s for s in speakers if s.id not in dropped]

    if fixes.speakers is not None:
        edited.add("speakers")
        quoted = {s.id for s in speakers}
        for ident in fixes.speakers.remove:
            if ident not in quoted:
                hints = closest(ident, quoted)
                problems.append(Problem(shown, fixes.speakers.line, f"the correction removes speaker '{ident}', who is not quoted in this "
                                                                    f"article." + (f" Quoted: {', '.join(hints)}." if hints else ""), "warning"))
        removed += [f"speakers/{i}" for i in fixes.speakers.remove if i in quoted]
        speakers = [s for s in speakers if s.id not in fixes.speakers.remove]

    if fixes.quotes:
        edited.add("speakers")
        speakers, people, quote_problems = _fix_quotes(item, fixes.quotes, speakers, people, kb_people, edited)
        problems += quote_problems

    names = {"events": {e.id: e.name for e in kb.events}, "topics": {t.id: t.name for t in kb.topics}}
    events, added_events = _refs(n.events, fixes.events, names["events"])
    topics, added_topics = _refs(n.topics, fixes.topics, names["topics"])
    for kind, fix, before, after, added in (("events", fixes.events, n.events, events, added_events),
                                            ("topics", fixes.topics, n.topics, topics, added_topics)):
        if fix is None:
            continue
        edited.add(kind)
        edited.update(f"{kind}/{i}" for i in added)
        kept = {r.id for r in after}
        removed += [f"{kind}/{r.id}" for r in before if r.id not in kept]

    annotation = Annotation(people=tuple(people), speakers=tuple(speakers), events=events, topics=topics)
    return replace(item, annotation=annotation, by_editor=frozenset(edited), removed_by_editor=tuple(removed)), problems


def _fix_quotes(item: AnnotatedArticle, fixes: tuple[QuoteFix, ...], speakers: list[Speaker], people: list[PersonRef],
                kb_people: dict, edited: set[str]) -> tuple[list[Speaker], list[PersonRef], list[Problem]]:
    """Move, add or drop quotes as the editor said; a new speaker is also among the people mentioned."""
    shown = item.article.source
    problems: list[Problem] = []
    quotes: list[tuple[str, Quote]] = [(s.id, q) for s in speakers for q in s.quotes]
    names = {s.id: s.name for s in speakers} | {p.id: p.name for p in people}
    for fix in fixes:
        unknown = unknown_speaker(fix, kb_people, names, shown)
        if unknown:
            problems.append(unknown)
            continue
        matching = [index for index, (_, quote) in enumerate(quotes) if _quote_matches(quote, fix.text)]
        if fix.speaker is None:
            if not matching:
                problems.append(Problem(shown, fix.line, f"no quote found by the annotator starts with “{fix.text}”; nothing to remove.", "warning"))
            quotes = [pair for index, pair in enumerate(quotes) if index not in matching]
            continue
        if matching:
            quotes = [((fix.speaker, quote) if index in matching else (owner, quote)) for index, (owner, quote) in enumerate(quotes)]
        else:
            paragraph = next((number for number, text in enumerate(item.article.paragraphs)
                              if fix.text.casefold() in normalize_space(text).casefold()), None)
            if paragraph is None:
                problems.append(Problem(shown, fix.line, f"the quote “{fix.text}” is neither a quote the annotator found nor text of this "
                                                         "article; copy its first words exactly as the article has them."))
                continue
            quotes.append((fix.speaker, Quote(text=fix.text, direct=fix.direct, paragraph=paragraph)))
        edited.add(f"speakers/{fix.speaker}")
        if fix.speaker not in {p.id for p in people}:
            person = kb_people.get(fix.speaker)
            people.append(PersonRef(id=fix.speaker, name=person.name if person else names[fix.speaker], in_kb=person is not None))
            edited.add(f"people/{fix.speaker}")
        names.setdefault(fix.speaker, kb_people[fix.speaker].name if fix.speaker in kb_people else fix.speaker)
    order: list[str] = []
    for owner, _ in sorted(quotes, key=lambda pair: pair[1].paragraph):
        if owner not in order:
            order.append(owner)
    new_speakers = [Speaker(id=owner, name=names[owner],
                            quotes=tuple(sorted((q for o, q in quotes if o == owner), key=lambda q: q.paragraph))) for owner in order]
    return new_speakers, people, problems
