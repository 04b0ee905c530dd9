"""`briefing eval GOLD.yml`: precision, recall and F1 per field against hand-made gold annotations.

Gold format (see tests/gold/*.yml and the README): a `root` folder relative to the gold file and a list
of `documents`, each with file, title, date, lang, people, speakers, reported, events, topics. People
are written as names; both sides are mapped to canonical ids through the same knowledge base, so a
gold file does not depend on how ids are spelled.

The scoring (`score_document`) takes any predicted sets, so a baseline (bench/accuracy.py) is scored
by exactly the code that scores our annotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import yaml

from builder.config import Config
from builder.pipeline.generate import Report, annotated_articles, shown_path
from builder.model import KnowledgeBase
from builder.annotate.resolve import PersonIndex, unknown_person_id
from builder.text import normalize_space

SET_FIELDS = ("people", "speakers", "reported", "events", "topics")
PERSON_FIELDS = ("people", "speakers", "reported")
EXACT_FIELDS = ("date", "lang", "title")


@dataclass
class Score:
    """Counts for one set-valued field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class QuoteScore:
    """Quote-level attribution counts: every quotation a gold document lists, against who we credit it to."""

    right: int = 0
    """Attributed to the gold speaker."""
    wrong: int = 0
    """Attributed to another person than the gold speaker."""
    false: int = 0
    """Attributed to a person where the gold has no speaker (a term, an institution, an unnamed source)."""
    missed: int = 0
    """Left unattributed though the gold names a speaker."""

    @property
    def attributed(self) -> int:
        return self.right + self.wrong + self.false

    @property
    def precision(self) -> float:
        """Right speakers among the quotations we attribute: the headline figure (a wrong speaker is worse than none)."""
        return self.right / self.attributed if self.attributed else 1.0

    @property
    def recall(self) -> float:
        wanted = self.right + self.wrong + self.missed
        return self.right / wanted if wanted else 1.0

    def __add__(self, other: "QuoteScore") -> "QuoteScore":
        return QuoteScore(self.right + other.right, self.wrong + other.wrong, self.false + other.false,
                          self.missed + other.missed)


@dataclass
class DocumentScore:
    """How one gold document was scored: counts per field and every miss and false hit."""

    file: str
    """The document's path as the gold file names it."""
    folder: str
    """The source folder it comes from (corpus folder, or the gold root's name), for per-source figures."""
    sets: dict[str, Score] = field(default_factory=dict)
    """Counts per set-valued field that was scored."""
    exact: dict[str, bool] = field(default_factory=dict)
    """Right or wrong per exact field that was checked."""
    misses: list[str] = field(default_factory=list)
    """"field: missed x", "field: false hit y", "field: expected a, got b"."""
    lang: str = ""
    """The document's language as the gold gives it."""
    quotes: QuoteScore | None = None
    """Quote-level attribution, when the gold lists the document's quotations."""


@dataclass
class Result:
    """Scores over one or more gold files, with every miss and false hit, per document."""

    name: str
    scored: list[DocumentScore] = field(default_factory=list)
    """Every scored document, in gold order."""
    problems: list[str] = field(default_factory=list)
    """Documents that could not be scored (file not found)."""

    @property
    def documents(self) -> int:
        return len(self.scored)

    @property
    def sets(self) -> dict[str, Score]:
        total = {f: Score() for f in SET_FIELDS}
        for doc in self.scored:
            for f, score in doc.sets.items():
                total[f] = total[f] + score
        return total

    @property
    def exact(self) -> dict[str, list[int]]:
        total = {f: [0, 0] for f in EXACT_FIELDS}
        for doc in self.scored:
            for f, right in doc.exact.items():
                total[f][0] += int(right)
                total[f][1] += 1
        return total

    @property
    def errors(self) -> list[str]:
        return self.problems + [f"{doc.file}: {miss}" for doc in self.scored for miss in doc.misses]

    @property
    def quotes(self) -> QuoteScore | None:
        """Quote attribution over the documents whose gold lists quotations (None when none does)."""
        scores = [doc.quotes for doc in self.scored if doc.quotes is not None]
        return sum(scores, QuoteScore()) if scores else None

    def by_lang(self) -> dict[str, "Result"]:
        """One result per language, in the order languages first appear."""
        langs: dict[str, Result] = {}
        for doc in self.scored:
            langs.setdefault(doc.lang, Result(doc.lang)).scored.append(doc)
        return langs

    def merge(self, other: "Result", name: str = "all") -> "Result":
        return Result(name, self.scored + other.scored, self.problems + other.problems)

    def by_folder(self) -> dict[str, "Result"]:
        """One result per source folder, in the order folders first appear."""
        folders: dict[str, Result] = {}
        for doc in self.scored:
            folders.setdefault(doc.folder, Result(doc.folder)).scored.append(doc)
        return folders


def predicted_sets(annotation) -> dict[str, set[str]]:
    """Our annotation as the sets the gold is compared with."""
    return {
        "people": {p.id for p in annotation.people},
        "speakers": {s.id for s in annotation.speakers if any(q.direct for q in s.quotes)},
        "reported": {s.id for s in annotation.speakers if any(not q.direct for q in s.quotes)},
        "events": {e.id for e in annotation.events},
        "topics": {t.id for t in annotation.topics},
    }


@dataclass(frozen=True)
class Gold:
    """One gold file: where its documents are and what they should yield."""

    path: Path
    """The gold file."""
    root: Path
    """The folder its documents' paths are relative to."""
    documents: tuple[dict, ...]
    """The documents as written in the file (file, title, date, lang, people, …)."""

    def folder(self, doc: dict) -> str:
        """The source a document comes from: its corpus folder, or the root's name for flat roots."""
        parent = Path(doc["file"]).parent
        return str(parent) if str(parent) != "." else self.root.name


def read_gold(gold_path: Path) -> Gold:
    """Read a gold file (see the module docstring for the format)."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    root = (gold_path.parent / gold.get("root", ".")).resolve()
    return Gold(gold_path, root, tuple(gold.get("documents") or ()))


def person_resolver(kb: KnowledgeBase) -> Callable[[str], str]:
    """Name -> id, the way gold names are mapped: a known person's id, else the slug of the name."""
    index = PersonIndex(kb)

    def person_id(name: str) -> str:
        return index.resolve(name) or unknown_person_id(name)

    return person_id


def expected_sets(doc: dict, person_id: Callable[[str], str]) -> dict[str, set[str]]:
    """A gold document's set-valued fields as ids."""
    expected = {}
    for f in SET_FIELDS:
        wanted = doc.get(f) or []
        expected[f] = {person_id(str(n)) for n in wanted} if f in PERSON_FIELDS else {str(n) for n in wanted}
    return expected


def score_document(scored: DocumentScore, predicted: dict[str, set[str]], expected: dict[str, set[str]]) -> None:
    """Count true and false hits for every field in `predicted` (a baseline may predict only some)."""
    for f in SET_FIELDS:
        if f not in predicted:
            continue
        ours, wanted = predicted[f], expected[f]
        scored.sets[f] = Score(len(ours & wanted), len(ours - wanted), len(wanted - ours))
        scored.misses += [f"{f}: missed {m}" for m in sorted(wanted - ours)]
        scored.misses += [f"{f}: false hit {x}" for x in sorted(ours - wanted)]


def _quote_key(text: str) -> str:
    return normalize_space(text).strip(" \"'“”„«»‘’,.").casefold()


def score_quotes(scored: DocumentScore, annotation, gold_quotes: list[dict], person_id: Callable[[str], str]) -> QuoteScore:
    """Match every gold quotation (by the words it opens with) to a direct quote we attribute, each of ours
    used once, in paragraph order; count right, wrong, false and missed attributions."""
    ours = sorted(((q.paragraph, _quote_key(q.text), s.id) for s in annotation.speakers for q in s.quotes if q.direct),
                  key=lambda item: item[0])
    used: set[int] = set()
    score = QuoteScore()
    for entry in gold_quotes:
        at, speaker = _quote_key(str(entry.get("at", ""))), entry.get("speaker")
        wanted = person_id(str(speaker)) if speaker else None
        index = next((i for i, (_, text, _) in enumerate(ours) if i not in used and text.startswith(at)), None)
        if index is None:
            index = next((i for i, (_, text, _) in enumerate(ours) if i not in used and at and at in text), None)
        got = None
        if index is not None:
            used.add(index)
            got = ours[index][2]
        if wanted is None and got is None:
            continue
        if got == wanted:
            score.right += 1
        elif got is None:
            score.missed += 1
            scored.misses.append(f"quote: no speaker for “{entry.get('at')}” (gold {speaker})")
        elif wanted is None:
            score.false += 1
            scored.misses.append(f"quote: “{entry.get('at')}” credited to {got}, gold has no speaker")
        else:
            score.wrong += 1
            scored.misses.append(f"quote: “{entry.get('at')}” credited to {got}, gold {speaker}")
    return score


def _exact(scored: DocumentScore, name: str, expected, got) -> None:
    scored.exact[name] = expected == got
    if expected != got:
        scored.misses.append(f"{name}: expected {expected!r}, got {got!r}")


def evaluate(gold_path: Path, config: Config) -> Result:
    """Annotate every document a gold file names and compare."""
    gold = read_gold(gold_path)
    result = Result(gold_path.name)
    found = [doc for doc in gold.documents if (gold.root / doc["file"]).is_file()]
    result.problems += [f"{doc['file']}: not found under {gold.root}; skipped" for doc in gold.documents if doc not in found]
    # The documents go through the same pipeline as a build (read, annotate, correct), in one batch.
    paths = {shown_path(gold.root / doc["file"], config.root): doc for doc in found}
    kb, annotated = annotated_articles(replace(config, articles=tuple(gold.root / doc["file"] for doc in found)), Report())
    person_id = person_resolver(kb)
    items = {item.article.source: item for item in annotated}
    for source, doc in paths.items():
        if source not in items:
            result.problems.append(f"{doc['file']}: could not be read or annotated; skipped")
            continue
        article, annotation = items[source].article, items[source].annotation
        scored = DocumentScore(doc["file"], gold.folder(doc), lang=str(doc.get("lang") or article.lang))
        score_document(scored, predicted_sets(annotation), expected_sets(doc, person_id))
        if "quotes" in doc:
            scored.quotes = score_quotes(scored, annotation, list(doc.get("quotes") or ()), person_id)
        expected_date = doc.get("date")
        expected_date = str(expected_date) if expected_date is not None else None
        _exact(scored, "date", expected_date, article.date.isoformat() if article.date else None)
        _exact(scored, "lang", doc.get("lang"), article.lang)
        if doc.get("title"):
            _exact(scored, "title", normalize_space(str(doc["title"])).casefold(),
                   normalize_space(article.title).casefold() if article.title_source != "lead" else None)
        result.scored.append(scored)
    return result


def _quote_lines(result: Result) -> list[str]:
    """Quote attribution overall, per language and per source folder (when the gold lists quotations)."""
    total = result.quotes
    if total is None:
        return []
    lines = ["", f"quote attribution {'':8} {'precision':>9} {'recall':>7}  right wrong false missed"]
    parts = [("all", total)] + [(f"lang {name}", part.quotes) for name, part in result.by_lang().items()]
    folders = result.by_folder()
    if len(folders) > 1:
        parts += [(name, part.quotes) for name, part in folders.items()]
    for name, q in parts:
        if q is not None:
            lines.append(f"  {name:24} {q.precision:9.3f} {q.recall:7.3f}  {q.right:5} {q.wrong:5} {q.false:5} {q.missed:6}")
    return lines


def format_report(result: Result, verbose: bool = True, heading: str | None = None) -> str:
    """Figures per field, per source folder when there are several, and (verbose) each document's misses."""
    lines = [f"== {heading or result.name}: {result.documents} documents", "",
             f"{'field':10} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn"]
    for f, s in result.sets.items():
        lines.append(f"{f:10} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:4} {s.fp:3} {s.fn:3}")
    for f, (right, total) in result.exact.items():
        lines.append(f"{f:10} accuracy {right}/{total}" + (f" = {right / total:.3f}" if total else ""))
    lines += _quote_lines(result)
    folders = result.by_folder()
    if len(folders) > 1:
        lines += ["", "F1 per source folder:", f"  {'folder':18} {'docs':>4} " + " ".join(f"{f:>8}" for f in SET_FIELDS)
                  + f" {'date':>6} {'lang':>6}"]
        for name, part in folders.items():
            sets, exact = part.sets, part.exact
            lines.append(f"  {name:18} {part.documents:4} " + " ".join(f"{sets[f].f1:8.3f}" for f in SET_FIELDS)
                         + "".join(f" {f'{exact[f][0]}/{exact[f][1]}':>6}" for f in ("date", "lang")))
    if verbose and result.errors:
        lines += ["", "misses and false hits, per document:"]
        lines += [f"  {problem}" for problem in result.problems]
        for doc in result.scored:
            if doc.misses:
                lines.append(f"  {doc.file}")
                lines += [f"    {miss}" for miss in doc.misses]
    return "\n".join(lines) + "\n"
