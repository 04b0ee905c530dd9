"""`briefing suggest`: people and events the articles name that the knowledge base does not know yet.

People are the annotator's people outside the knowledge base, merged across spellings exactly as the
build merges them (builder.pipeline.build.index_archive). Events are proposed from recurring phrases that look
like the name of an event: a word such as summit, talks, conference, war (in English, Romanian, Russian
or Ukrainian) next to capitalised words ("Munich Security Conference", "talks in Istanbul",
"Стамбульские переговоры"), where no knowledge-base event alias matches. Suggestions are for an editor
to review: `--write` appends them, in the knowledge-base format, to data/suggestions.yml, a file the
knowledge-base loader never reads (builder.sources.kb.FILES names the files it reads).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from builder.model import AnnotatedArticle, Archive, KnowledgeBase, Suggestion
from builder import lang as packs
from builder.annotate.resolve import EventIndex
from builder.text import MONTHS, normalize_space, slug

# Never one of builder.sources.kb.FILES: the loader must not read suggestions nobody has reviewed.
SUGGESTIONS_FILE = "suggestions.yml"

# Words that make a phrase an event, per language. English words are whole words; Romanian, Russian and
# Ukrainian ones are stems, so that every case ending matches (summitul, переговорах, зустрічі).
EVENT_WORDS = re.compile("|".join(packs.strings("EVENT_WORDS")), re.IGNORECASE)
# Short words that may join an event word to the name after it: "talks in Istanbul", "summitul de la
# Vilnius", "переговоры в Стамбуле", "talks between Russia and Ukraine".
CONNECTORS = set(packs.every("CONNECTORS"))
# Capitalised words that do not name an event: sentence openers, days, months, and titles ("meeting with
# Head of the Republic", "President's visit").
NOT_NAMES = {w.casefold() for w in packs.every("NOT_EVENT_NAMES")} | {m.casefold() for m in MONTHS}
WORD = re.compile(r"[^\W\d_][\w’'.-]*[^\W_]|[^\W\d_]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=[\"“«„(]?[^\W\d_])")
EXAMPLE_LENGTH = 240


def sentence_with(paragraph: str, surface: str) -> str:
    """The sentence of a paragraph that contains `surface` (cut to a readable length)."""
    at = paragraph.find(surface) if surface else -1
    start = 0
    for match in SENTENCE_END.finditer(paragraph):
        if match.end() > at >= 0:
            end = match.start() + 1
            return _short(paragraph[start:end], surface)
        start = match.end()
    return _short(paragraph[start:], surface)


def _short(sentence: str, surface: str) -> str:
    sentence = normalize_space(sentence)
    if len(sentence) <= EXAMPLE_LENGTH:
        return sentence
    at = max(0, sentence.find(surface) - EXAMPLE_LENGTH // 3) if surface else 0
    piece = sentence[at:at + EXAMPLE_LENGTH]
    return ("…" if at else "") + piece + ("…" if at + EXAMPLE_LENGTH < len(sentence) else "")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in NOT_NAMES


def event_phrases(paragraph: str) -> list[tuple[int, int]]:
    """Spans of phrases that look like an event's name: an event word with capitalised words beside it."""
    words = list(WORD.finditer(paragraph))

    def joined(a: int, b: int) -> bool:  # nothing but spaces (or a hyphen) between words a and b
        return paragraph[words[a].end():words[b].start()].strip(" -–") == "" and "\n" not in paragraph[words[a].end():words[b].start()]

    spans = []
    for k, word in enumerate(words):
        if not EVENT_WORDS.search(word.group()):
            continue
        first = k
        while first > 0 and joined(first - 1, first) and _capitalised(words[first - 1].group()):
            first -= 1
        last = k
        while last + 1 < len(words) and joined(last, last + 1):
            # the next capitalised word, after at most two connectors ("de la", "in the" is not one)
            step = last + 1
            while step - last <= 2 and step + 1 < len(words) and joined(step, step + 1) \
                    and words[step].group().casefold() in CONNECTORS:
                step += 1
            if not _capitalised(words[step].group()):
                break
            last = step
        if first < k or last > k:
            spans.append((words[first].start(), words[last].end()))
    return spans


def phrase_key(phrase: str) -> str:
    """Spellings of one phrase that differ only in case endings meet: each word is cut to six letters."""
    return " ".join(w[:6] for w in phrase.casefold().replace("-", " ").split())


def _most_common(spellings: Counter) -> str:
    return sorted(spellings.items(), key=lambda item: (-item[1], item[0]))[0][0]


def suggest_people(archive: Archive, minimum: int) -> list[Suggestion]:
    """People outside the knowledge base named in at least `minimum` articles, most frequent first."""
    found: dict[str, dict] = {}
    for item in archive.articles:
        for ref in item.annotation.people:
            person = archive.people.get(ref.id)
            if person is None or person.in_kb:
                continue
            entry = found.setdefault(ref.id, {"articles": 0, "mentions": 0, "spellings": set(), "examples": []})
            entry["articles"] += 1
            entry["mentions"] += ref.mentions
            entry["spellings"].add(ref.name)
            if len(entry["examples"]) < 2 and 0 <= ref.first_paragraph < len(item.article.paragraphs):
                entry["examples"].append((item.article.source,
                                          sentence_with(item.article.paragraphs[ref.first_paragraph], ref.first_surface)))
    return _ranked([
        Suggestion("person", pid, archive.people[pid].name, tuple(sorted(e["spellings"] - {archive.people[pid].name})),
                   e["articles"], e["mentions"], tuple(e["examples"]))
        for pid, e in found.items() if e["articles"] >= minimum])


def suggest_events(kb: KnowledgeBase, items: list[AnnotatedArticle], minimum: int) -> list[Suggestion]:
    """Recurring event-like phrases that no knowledge-base event alias matches, most frequent first."""
    index = EventIndex(kb.events)
    known_ids = {e.id for e in kb.events}
    spellings: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in items:
        for paragraph in item.article.paragraphs:
            matched = [(f.start, f.end) for f in index.find(paragraph, None)]
            for start, end in event_phrases(paragraph):
                if any(s < end and start < e for s, e in matched):
                    continue
                phrase = normalize_space(paragraph[start:end])
                key = phrase_key(phrase)
                spellings[key][phrase] += 1
                if item.article.source not in articles[key] and len(examples[key]) < 2:
                    examples[key].append((item.article.source, sentence_with(paragraph, paragraph[start:end])))
                articles[key].add(item.article.source)
    suggestions = []
    for key, seen in spellings.items():
        if len(articles[key]) < minimum:
            continue
        name = _most_common(seen)
        event_id = slug(name, fallback="event")
        if event_id in known_ids:
            continue
        suggestions.append(Suggestion("event", event_id, name, tuple(sorted(set(seen) - {name})),
                                      len(articles[key]), sum(seen.values()), tuple(examples[key])))
    return _ranked(suggestions)


def _ranked(suggestions: list[Suggestion]) -> list[Suggestion]:
    return sorted(suggestions, key=lambda s: (-s.articles, -s.mentions, s.name.casefold(), s.id))


def format_suggestions(people: list[Suggestion], events: list[Suggestion]) -> str:
    """The listing `briefing suggest` prints."""
    lines: list[str] = []
    for title, group in (("People", people), ("Events", events)):
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(f"{title} not in the knowledge base yet ({len(group)}), most frequent first:")
        for s in group:
            lines.append(f"  {s.name} ({s.id}): {_count(s.articles, 'article')}, {_count(s.mentions, 'mention')}")
            if s.spellings:
                lines.append(f"    also written: {', '.join(s.spellings)}")
            lines += [f"    {source}: “{sentence}”" for source, sentence in s.examples]
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def suggestions_yaml(people: list[Suggestion], events: list[Suggestion]) -> str:
    """One YAML document of entries in the knowledge-base format, evidence in comments, ready to edit."""
    out = ["---", f"# briefing suggest: {_count(len(people), 'person')}, {_count(len(events), 'event')}."]
    for key, group in (("people", people), ("events", events)):
        if not group:
            continue
        out.append(f"{key}:")
        for s in group:
            out.append(f"  - id: {s.id}")
            out.append(f"    name: {json.dumps(s.name, ensure_ascii=False)}")
            out.append(f"    aliases: {json.dumps(list(s.spellings), ensure_ascii=False)}")
            out += (["    # role:", "    # org:"] if s.kind == "person" else ["    # date: YYYY-MM-DD", "    # place:"])
            out.append(f"    # seen in {_count(s.articles, 'article')}, {_count(s.mentions, 'mention')}:")
            out += [f"    #   {source}: {sentence}" for source, sentence in s.examples]
    return "\n".join(out) + "\n"


FILE_HEADER = """\
# Suggestions from `briefing suggest --write`, for review. The builder never reads this file.
# Move each entry you keep into people.yml or events.yml (fix its name, add aliases, role, dates) and
# delete the rest. Each run appends a YAML document (after ---) with only the ids not listed here yet.
"""


def written_ids(path: Path) -> set[str]:
    """Ids already in the review file (read as text: an editor may have left it half-edited)."""
    if not path.is_file():
        return set()
    return set(re.findall(r"^\s*-\s+id:\s*(\S+)\s*$", path.read_text(encoding="utf-8"), re.MULTILINE))


def append_suggestions(path: Path, people: list[Suggestion], events: list[Suggestion]) -> tuple[int, int]:
    """Append the suggestions not in the review file yet; returns (how many written, how many already there).
    Only ever appends: what an editor wrote in the file stays as it was."""
    there = written_ids(path)
    new_people = [s for s in people if s.id not in there]
    new_events = [s for s in events if s.id not in there]
    skipped = len(people) + len(events) - len(new_people) - len(new_events)
    if not new_people and not new_events:
        return 0, skipped
    existing = path.read_bytes() if path.is_file() else b""
    text = suggestions_yaml(new_people, new_events)
    if not existing:
        text = FILE_HEADER + text
    elif not existing.endswith(b"\n"):  # an editor's last line without its newline: keep it whole
        text = "\n" + text
    with path.open("a", encoding="utf-8") as stream:
        stream.write(text)
    return len(new_people) + len(new_events), skipped
