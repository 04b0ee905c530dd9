"""Accuracy against two off-the-shelf baselines, on the same gold files and the same scoring code.

    .venv/bin/pip install -e '.[bench]'          # once: textacy and what it needs
    .venv/bin/python bench/accuracy.py [GOLD.yml ...] [--verbose]

Default gold: tests/gold/*.yml. Prints precision, recall and F1 side by side: ours (builder.pipeline.evaluate) and

- people: spaCy's English model as shipped (every component, on the raw file text), its PERSON
  entities as the people of the document;
- speakers: textacy's `extract.triples.direct_quotations` on the same parse, each quotation's speaker
  span as a speaker. textacy refuses a text whose quotation marks do not pair up (it raises instead of
  guessing); a refused document yields nothing, and the refusals are counted.

Baseline names are mapped to ids exactly as gold names are (builder.pipeline.evaluate.person_resolver), and scored
by builder.pipeline.evaluate.score_document, so the columns compare like with like. Seeds and corpus gold files
are reported separately and together. Every document goes through the English model, whatever its
language: that is the point of comparison. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.annotate import nlp  # noqa: E402
from builder.config import load_config  # noqa: E402
from builder.pipeline.evaluate import (DocumentScore, Result, evaluate, expected_sets, person_resolver,  # noqa: E402
                              read_gold, score_document)
from builder.sources.kb import load_kb  # noqa: E402
from builder.text import normalize_space  # noqa: E402

BASELINES = {"people": "spaCy PERSON", "speakers": "textacy quotes"}
INSTALL = "  .venv/bin/pip install -e '.[bench]'"


def group_of(gold_path: Path) -> str:
    """Seeds and corpus gold files are reported apart: seeds.yml is the seeds, every other file the corpus."""
    return "seeds" if gold_path.stem.startswith("seed") else "corpus"


def raw_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def baseline_sets(doc, person_id, direct_quotations) -> tuple[dict[str, set[str]], str | None]:
    """The baselines' people and speakers for one parsed document, and textacy's refusal (or None)."""
    people = {person_id(normalize_space(ent.text)) for ent in doc.ents if ent.label_ == "PERSON"}
    speakers: set[str] = set()
    refusal = None
    try:
        for triple in direct_quotations(doc):
            first, last = triple.speaker[0], triple.speaker[-1]
            speakers.add(person_id(normalize_space(doc[first.i:last.i + 1].text)))
    except ValueError as error:  # textacy's refusal: unpaired quotation marks
        speakers, refusal = set(), str(error)
    return {"people": people, "speakers": speakers}, refusal


def run_baselines(gold_paths: list[Path], config, progress) -> tuple[dict[Path, Result], list[str]]:
    """Score both baselines on every gold document; returns a result per gold file and the refusals."""
    from textacy.extract.triples import direct_quotations

    kb, _ = load_kb(config.data, config.root)
    person_id = person_resolver(kb)
    model = nlp.plain(config.spacy_model)
    golds = [read_gold(p) for p in gold_paths]
    jobs = [(gold, doc) for gold in golds for doc in gold.documents if (gold.root / doc["file"]).is_file()]
    texts = (raw_text(gold.root / doc["file"]) for gold, doc in jobs)
    results = {gold.path: Result(gold.path.name) for gold in golds}
    refusals = []
    for number, ((gold, doc), parsed) in enumerate(zip(jobs, model.pipe(texts, batch_size=8)), start=1):
        predicted, refusal = baseline_sets(parsed, person_id, direct_quotations)
        if refusal:
            refusals.append(f"{doc['file']}: {refusal}")
        scored = DocumentScore(doc["file"], gold.folder(doc))
        expected = expected_sets(doc, person_id)
        # Only the fields given are scored: the baselines are counted on people and speakers alone.
        score_document(scored, predicted, expected)
        results[gold.path].scored.append(scored)
        progress(number, len(jobs))
    return results, refusals


def merged(results: list[Result], name: str) -> Result:
    total = Result(name)
    for result in results:
        total = total.merge(result, name)
    return total


def table(ours: Result, baseline: Result, heading: str, refused: int) -> str:
    """One side-by-side table."""
    lines = [f"== {heading}: {ours.documents} documents", "",
             f"{'field':10} {'ours P':>7} {'R':>6} {'F1':>6}   {'baseline':15} {'P':>6} {'R':>6} {'F1':>6}"]
    for field, name in BASELINES.items():
        a, b = ours.sets[field], baseline.sets[field]
        lines.append(f"{field:10} {a.precision:7.3f} {a.recall:6.3f} {a.f1:6.3f}   {name:15} "
                     f"{b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}")
    lines.append(f"(textacy refused {refused} of {baseline.documents} documents, each counted as no speakers; "
                 "--verbose shows why)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="gold YAML files (default tests/gold/*.yml)")
    parser.add_argument("--verbose", "-v", action="store_true", help="also list each baseline miss and refusal")
    args = parser.parse_args(argv)
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("bench/accuracy.py: textacy is not installed; the speakers baseline needs it. Install the bench "
              f"extras once with:\n{INSTALL}", file=sys.stderr)
        return 1
    gold_paths = [Path(p) for p in args.gold] or sorted((ROOT / "tests" / "gold").glob("*.yml"))
    missing = [p for p in gold_paths if not p.is_file()]
    if missing:
        print(f"bench/accuracy.py: no gold file at {missing[0]}.", file=sys.stderr)
        return 1
    config, _ = load_config(ROOT)

    def progress(done: int, total: int) -> None:
        if done == total or done % 10 == 0:
            print(f"baselines: {done}/{total} documents", file=sys.stderr, flush=True)

    try:
        baselines, refusals = run_baselines(gold_paths, config, progress)
    except nlp.ModelNotFound as error:
        print(f"bench/accuracy.py: {error}", file=sys.stderr)
        return 2
    ours = {}
    for path in gold_paths:
        print(f"ours: {path.name}", file=sys.stderr, flush=True)
        ours[path] = evaluate(path, config)
    refused_files = {r.split(": ", 1)[0] for r in refusals}
    groups: dict[str, list[Path]] = {}
    for path in gold_paths:
        groups.setdefault(group_of(path), []).append(path)
    sections = [(f"{name} ({', '.join(p.name for p in paths)})", paths) for name, paths in sorted(groups.items(), reverse=True)]
    if len(groups) > 1:
        sections.append(("all gold files", gold_paths))
    for heading, paths in sections:
        base = merged([baselines[p] for p in paths], heading)
        mine = merged([ours[p] for p in paths], heading)
        refused = sum(doc.file in refused_files for doc in base.scored)
        print(table(mine, base, heading, refused))
    if args.verbose:
        print("textacy refusals:")
        print("\n".join(f"  {r}" for r in refusals) or "  none")
        print("\nbaseline misses and false hits:")
        for path in gold_paths:
            for line in baselines[path].errors:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
