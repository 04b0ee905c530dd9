"""Benchmark: one build of N documents of the shared corpus, stage by stage, cold and warm.

    .venv/bin/python bench/run.py [--n 1000] [--corpus ../shared/corpus/scale] [--processes P]

--n 0 takes every document of the corpus (the whole shared corpus: about 40 minutes on 2 cores).

In one run, on N documents spread evenly over the corpus folders (copied into a temporary project):

- cold build: read, annotate (empty cache), render, write, MkDocs, each timed;
- warm build: the same articles again, nothing changed (every annotation from the cache, every page and
  search part from the previous build), then one article changed;
- knowledge-base change: a person added to a copy of data/, so every article is annotated again from
  its cached entity spans, without spaCy;
- bare nlp.pipe: the same English texts through the same model, components, batch size and processes,
  doing nothing with the result: what annotation cannot go below;
- the search index a browser downloads (Material's lunr index; Pagefind's files when the site has them);
- peak memory stage by stage: this process and every process it starts (the model's workers, Pagefind),
  added up as they run side by side (bench/memory.py).

It prints the ratios: cold annotate / bare nlp.pipe (the issue's budget is 1.3), warm / cold. One pair of
timings swings with whatever else the machine does, so `--rounds R` then times R more pairs of a cold
annotation (an empty cache each time) and a bare nlp.pipe, alternating which goes first, and prints each
pair's ratio, their median and the ratio of the sums. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.annotate import nlp, syntax  # noqa: E402
from builder.annotate import body_text  # noqa: E402
from builder.pipeline.generate import Report, article_files, generate, read_articles
from builder.pipeline.build import build  # noqa: E402
from builder.config import load_config, with_overrides  # noqa: E402
from builder.pipeline.progress import printer  # noqa: E402
from bench.memory import TreeMemory  # noqa: E402

ONE_MORE_PARAGRAPH = "\n\nThe spokesman added that the talks would go on next week.\n"
EXTRA_PERSON = "\n- id: bench-extra-person\n  name: Benchmark Extra Person\n  role: added by bench/run.py\n"


def pick(corpus: Path, n: int) -> list[Path]:
    """N documents spread evenly over the corpus folders, in a fixed order."""
    files = sorted(p for p in corpus.rglob("*.txt") if not p.name.startswith(("LICENSE", "MANIFEST")))
    if n <= 0:
        return files
    step = max(1, len(files) // n)
    return files[::step][:n]


def megabytes(kilobytes: int) -> str:
    return f"{kilobytes / 1024:,.0f} MB"


def search_bytes(site: Path) -> list[str]:
    """What the search needs on the first query: Material's whole lunr index, or Pagefind's files."""
    lines = []
    index = site / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        lines.append(f"lunr index        {len(raw) / 1e6:8.2f} MB ({len(gzip.compress(raw)) / 1e6:.2f} MB gzipped), "
                     f"all of it downloaded before the first result")
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        total = sum(p.stat().st_size for p in files)
        lines.append(f"pagefind files    {total / 1e6:8.2f} MB in {len(files)} files (a query loads a few of them; "
                     f"see the README for a first query's bytes)")
    return lines or ["search index      none found"]


def bare_pipe(english, texts: list[str], processes: int) -> float:
    """Seconds for the texts through the model's tok2vec and ner only, doing nothing with the result."""
    started = time.perf_counter()
    with english.select_pipes(disable=[p for p in (syntax.PIPE,) if p in english.pipe_names]):
        for _ in english.pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=processes):
            pass  # the parse of reporting sentences is the annotation's own cost
    return time.perf_counter() - started


def paired_rounds(config, work: Path, english, texts: list[str], rounds: int) -> list[tuple[float, float]]:
    """(cold annotate, bare nlp.pipe) seconds, `rounds` times, the first of the pair alternating."""
    pairs = []
    for index in range(rounds):
        cold_config = with_overrides(config, cache=work / f"cache-round-{index}")

        def cold() -> float:
            report = Report()
            generate(cold_config, report)
            return report.timings["annotate"]

        if index % 2:
            bare = bare_pipe(english, texts, config.processes)
            annotate = cold()
        else:
            annotate = cold()
            bare = bare_pipe(english, texts, config.processes)
        print(f"round {index + 1}: cold annotate {annotate:.1f} s, bare nlp.pipe {bare:.1f} s", file=sys.stderr)
        pairs.append((annotate, bare))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="documents (default 1,000; 0 = all)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "scale"))
    parser.add_argument("--processes", type=int, help="model processes (default: briefing.yml)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="more pairs of cold annotate and bare nlp.pipe, alternating, for a median ratio")
    parser.add_argument("--keep", help="build into this folder and keep it (default: a temporary folder, removed)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"bench: there is no corpus at {corpus}.", file=sys.stderr)
        return 1
    files = pick(corpus, args.n)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        articles = work / "articles"
        articles.mkdir(parents=True)
        for index, path in enumerate(files):
            shutil.copy(path, articles / f"{index:05d}-{path.name}")
        shutil.copytree(ROOT / "data", work / "data")
        config, _ = load_config(ROOT)
        config = with_overrides(config, articles=(articles,), data=work / "data", notes=work / "no-notes",
                                docs=work / "docs", site=work / "site", cache=work / "cache",
                                processes=args.processes)
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)

        english = nlp.english(config.spacy_model)  # loaded once, outside both timings
        memory = TreeMemory()
        shown = printer(sys.stderr)

        def progress(stage: str, done: int, total: int) -> None:
            memory.stage = stage.split()[0]  # "mkdocs markdown" and "mkdocs pages" are one stage
            shown(stage, done, total)

        with memory:
            started = time.perf_counter()
            cold = build(config, progress)
            whole = time.perf_counter() - started
            build_peaks = dict(memory.peaks)
            memory.stage, memory.peaks = "warm", {}
            started = time.perf_counter()
            warm = build(config, progress)  # nothing changed
            warm_whole = time.perf_counter() - started
            edited = sorted(articles.iterdir())[len(files) // 2]
            with open(edited, "a", encoding="utf-8") as out:
                out.write(ONE_MORE_PARAGRAPH)
            started = time.perf_counter()
            one = build(config, progress)  # one article changed
            one_whole = time.perf_counter() - started
            with open(work / "data" / "people.yml", "a", encoding="utf-8") as out:
                out.write(EXTRA_PERSON)
            changed = Report()
            generate(config, changed)

            problems: list = []
            texts = [body_text(a) for a in read_articles(article_files([articles], ROOT, problems), config, problems)
                     if a.lang == "en"]
            memory.stage = "bare"
            bare = bare_pipe(english, texts, config.processes)
            pairs = paired_rounds(config, work, english, texts, args.rounds)

        annotate = cold.timings.get("annotate", 0.0)
        print(f"documents        {cold.articles:,} of {len(files):,} ({words:,} words; {len(texts):,} English, "
              f"{config.processes} model process(es); {cold.pages:,} pages)")
        for stage, seconds in cold.timings.items():
            print(f"{stage:16} {seconds:8.1f} s")
        print(f"whole build      {whole:8.1f} s")
        print(f"warm annotate    {warm.timings['annotate']:8.1f} s ({warm.cached:,} from the cache, {warm.annotated} annotated)")
        for name, report, seconds in (("warm build", warm, warm_whole), ("one changed", one, one_whole)):
            stages = ", ".join(f"{stage} {t:.1f}" for stage, t in report.timings.items())
            print(f"{name:16} {seconds:8.1f} s ({stages}; {report.pages - report.reused_pages:,} pages made, "
                  f"{report.reused_pages:,} unchanged; {report.search_parts - report.reused_search_parts} of "
                  f"{report.search_parts} search parts made)")
        print(f"KB change        {changed.timings['annotate']:8.1f} s ({changed.annotated:,} annotated, model run on "
              f"{changed.model_runs})")
        print(f"bare nlp.pipe    {bare:8.1f} s (English texts, tok2vec+ner, batch {nlp.BATCH_SIZE})")
        print(f"annotate speed   {words / annotate if annotate else 0:8,.0f} words/s (cold)")
        for line in search_bytes(work / "site"):
            print(line)
        if memory.available:
            stages = ", ".join(f"{stage} {megabytes(kb)}" for stage, kb in build_peaks.items() if stage != "start")
            print(f"peak memory      {megabytes(max(build_peaks.values(), default=0))} for the build ({stages}); "
                  f"bare nlp.pipe {megabytes(memory.peaks.get('bare', 0))} (every process together)")
        print(f"ratio            cold annotate / bare nlp.pipe = {annotate / bare if bare else 0:.2f} (budget 1.3); "
              f"warm / cold = {warm.timings['annotate'] / annotate if annotate else 0:.3f}; "
              f"KB change / cold = {changed.timings['annotate'] / annotate if annotate else 0:.2f}")
        if pairs:
            ratios = sorted(a / b for a, b in pairs if b)
            print(f"rounds           " + "; ".join(f"{a:.1f} s / {b:.1f} s = {a / b:.2f}" for a, b in pairs if b))
            print(f"ratio, {len(pairs)} rounds  median {statistics.median(ratios):.2f}, of the sums "
                  f"{sum(a for a, _ in pairs) / sum(b for _, b in pairs):.2f} (budget 1.3)")
        counts = Counter(p.severity for p in cold.problems)
        print(f"input problems   {counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
