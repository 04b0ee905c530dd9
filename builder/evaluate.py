"""`briefing eval GOLD.yml`: precision, recall and F1 per field against hand-made gold annotations.

Gold format (see tests/gold/*.yml and the README): a `root` folder relative to the gold file and a list
of `documents`, each with file, title, date, lang, people, speakers, reported, events, topics. People
are written as names; both sides are mapped to canonical ids through the same knowledge base, so a
gold file does not depend on how ids are spelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.build import make_annotator
from builder.config import Config
from builder.ingest import read_article
from builder.kb import load_kb
from builder.resolve import PersonIndex, unknown_person_id
from builder.text import normalize_space, slug

SET_FIELDS = ("people", "speakers", "reported", "events", "topics")
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


@dataclass
class Result:
    """Scores over one or more gold files, with every miss and false hit."""

    name: str
    documents: int = 0
    sets: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in SET_FIELDS})
    exact: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in EXACT_FIELDS})
    errors: list[str] = field(default_factory=list)

    def merge(self, other: "Result") -> "Result":
        merged = Result("all", self.documents + other.documents)
        for f in SET_FIELDS:
            a, b = self.sets[f], other.sets[f]
            merged.sets[f] = Score(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)
        for f in EXACT_FIELDS:
            merged.exact[f] = [self.exact[f][0] + other.exact[f][0], self.exact[f][1] + other.exact[f][1]]
        merged.errors = self.errors + other.errors
        return merged


def predicted_sets(annotation) -> dict[str, set[str]]:
    """Our annotation as the sets the gold is compared with."""
    return {
        "people": {p.id for p in annotation.people},
        "speakers": {s.id for s in annotation.speakers if any(q.direct for q in s.quotes)},
        "reported": {s.id for s in annotation.speakers if any(not q.direct for q in s.quotes)},
        "events": {e.id for e in annotation.events},
        "topics": {t.id for t in annotation.topics},
    }


def evaluate(gold_path: Path, config: Config) -> Result:
    """Annotate every document a gold file names and compare."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    root = (gold_path.parent / gold.get("root", ".")).resolve()
    kb, _ = load_kb(config.data, config.root)
    index = PersonIndex(kb)
    annotator = make_annotator(kb, config)
    result = Result(gold_path.name)

    def person_id(name: str) -> str:
        return index.resolve(name) or unknown_person_id(name)

    for doc in gold.get("documents", []):
        path = root / doc["file"]
        if not path.is_file():
            result.errors.append(f"{doc['file']}: not found under {root}; skipped")
            continue
        article, _ = read_article(path, doc["file"], slug(path.stem), config.languages)
        annotation = annotator.annotate(article)
        result.documents += 1
        ours = predicted_sets(annotation)
        for f in SET_FIELDS:
            wanted = doc.get(f) or []
            expected = {person_id(n) for n in wanted} if f in ("people", "speakers", "reported") else set(wanted)
            score = result.sets[f]
            score.tp += len(ours[f] & expected)
            score.fp += len(ours[f] - expected)
            score.fn += len(expected - ours[f])
            for missing in sorted(expected - ours[f]):
                result.errors.append(f"{doc['file']}: {f}: missed {missing}")
            for extra in sorted(ours[f] - expected):
                result.errors.append(f"{doc['file']}: {f}: false hit {extra}")
        expected_date = doc.get("date")
        expected_date = str(expected_date) if expected_date is not None else None
        got_date = article.date.isoformat() if article.date else None
        _exact(result, "date", doc["file"], expected_date, got_date)
        _exact(result, "lang", doc["file"], doc.get("lang"), article.lang)
        if doc.get("title"):
            _exact(result, "title", doc["file"], normalize_space(str(doc["title"])).casefold(),
                   normalize_space(article.title).casefold() if article.title_source != "lead" else None)
    return result


def _exact(result: Result, name: str, file: str, expected, got) -> None:
    result.exact[name][1] += 1
    if expected == got:
        result.exact[name][0] += 1
    else:
        result.errors.append(f"{file}: {name}: expected {expected!r}, got {got!r}")


def format_report(result: Result, verbose: bool = True, heading: str | None = None) -> str:
    lines = [f"== {heading or result.name}: {result.documents} documents", "",
             f"{'field':10} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn"]
    for f in SET_FIELDS:
        s = result.sets[f]
        lines.append(f"{f:10} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:4} {s.fp:3} {s.fn:3}")
    for f in EXACT_FIELDS:
        right, total = result.exact[f]
        lines.append(f"{f:10} accuracy {right}/{total}" + (f" = {right / total:.3f}" if total else ""))
    if verbose and result.errors:
        lines += ["", "misses and false hits:"] + [f"  {e}" for e in result.errors]
    return "\n".join(lines) + "\n"
