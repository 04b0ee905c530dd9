"""Benchmark: cold annotation of N corpus documents in local processes and on a Dask LocalCluster.

    .venv/bin/python bench/cluster.py [--n 1000] [--workers 2] [--whole] [--rounds R] [--corpus ../shared/corpus/scale]

The same documents as bench/run.py (`pick`), copied into a temporary project, are read and annotated
twice, each time with a fresh empty cache (cold: the model runs on every English text):

- locally, as `briefing build` does by default (`processes` model processes, the rules in this process);
- on `local:N` (`briefing build --cluster local:N`): N one-thread worker processes, each loading the model
  once and annotating batches of articles (builder.pipeline.cluster).

It prints each stage's time (reading, annotating; the cluster's start-up apart), the ratio cluster /
local (the issue's target on 2 workers: within 1.1), the peak resident memory of each worker process
(ru_maxrss, read on the worker when the run ends) and of the whole process tree (bench/memory.py), and
checks that both runs stored the same cache entries (the same annotations under the same keys).
On this machine one round's ratio swings by a tenth or more from run to run (1.04, 1.13 and 1.28 at 1,000
documents on the same code, 2026-12-03): `--rounds R` repeats both runs R times, the cluster going first in
every second round, prints each round and the ratio of the summed times.
`--whole` takes every document of the corpus (13,521; about half an hour per run on 2 cores). Not part
of `make test`.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from builder.config import load_config, with_overrides  # noqa: E402
from builder.pipeline.cluster import connect  # noqa: E402
from builder.pipeline.generate import Report, annotated_articles  # noqa: E402
from builder.pipeline.progress import printer  # noqa: E402
from memory import TreeMemory  # noqa: E402
from run import megabytes, pick  # noqa: E402


def peak_rss() -> int:
    """This process's peak resident memory in kilobytes (run on each worker)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def same_entries(a: Path, b: Path) -> tuple[int, list[str]]:
    """How many cache entries both folders hold, and the relative paths that differ or are on one side only."""
    names = {p.relative_to(a) for p in a.rglob("*.json")} | {p.relative_to(b) for p in b.rglob("*.json")}
    differ = [str(n) for n in sorted(names) if not ((a / n).is_file() and (b / n).is_file()
                                                    and filecmp.cmp(a / n, b / n, shallow=False))]
    return len(names), differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="documents (default 1,000)")
    parser.add_argument("--whole", action="store_true", help="every document of the corpus")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds of both runs, the first run alternating (default 1); the ratio is of the sums")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "scale"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"bench: there is no corpus at {corpus}.", file=sys.stderr)
        return 1
    files = pick(corpus, 0 if args.whole else args.n)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-cluster-"))
    shown = printer(sys.stderr)
    try:
        articles = work / "articles"
        articles.mkdir()
        for index, path in enumerate(files):
            shutil.copy(path, articles / f"{index:05d}-{path.name}")
        base, _ = load_config(ROOT)
        base = with_overrides(base, articles=(articles,), notes=work / "no-notes")
        rounds, workers, memory_peaks, differ, entries = [], {}, {}, [], 0
        for number in range(1, args.rounds + 1):
            # Odd rounds run local first, even rounds the cluster first: whatever the first run leaves warm
            # (the files read, the model's pages in memory) helps each side in turn.
            order = ("local", "cluster") if number % 2 else ("cluster", "local")
            timings: dict[str, dict[str, float]] = {}
            reports: dict[str, Report] = {}
            with TreeMemory() as memory:
                for side in order:
                    memory.stage = side
                    cache = work / f"cache-{side}-{number}"
                    reports[side] = Report()
                    if side == "local":
                        started = time.perf_counter()
                        annotated_articles(with_overrides(base, cache=cache), reports[side], shown)
                        timings[side] = {**reports[side].timings, "whole": time.perf_counter() - started}
                        continue
                    started = time.perf_counter()
                    with connect(f"local:{args.workers}") as executor:
                        timings["start-up"] = {"whole": time.perf_counter() - started}
                        started = time.perf_counter()
                        annotated_articles(with_overrides(base, cache=cache), reports[side], shown, executor=executor)
                        timings[side] = {**reports[side].timings, "whole": time.perf_counter() - started}
                        workers = executor.client.run(peak_rss)
            if memory.available:
                memory_peaks = {side: max(memory_peaks.get(side, 0), memory.peaks.get(side, 0)) for side in order}
            entries, different = same_entries(work / f"cache-local-{number}", work / f"cache-cluster-{number}")
            differ += different
            if reports["cluster"].annotated != reports["local"].annotated:
                differ.append(f"round {number}: {reports['cluster'].annotated} annotated on the cluster, "
                              f"{reports['local'].annotated} locally")
            rounds.append((order, timings))
            for side in order:
                shutil.rmtree(work / f"cache-{side}-{number}", ignore_errors=True)
        local = reports["local"]

        print(f"documents        {local.annotated:,} annotated of {len(files):,} ({local.model_runs:,} through the "
              f"model); local: {base.processes} model process(es); cluster: local:{args.workers}")
        for number, (order, timings) in enumerate(rounds, start=1):
            ratio = timings["cluster"]["annotate"] / timings["local"]["annotate"]
            print(f"round {number} ({order[0]} first): " + "; ".join(
                f"{side} read {timings[side]['read']:.1f} s, annotate {timings[side]['annotate']:.1f} s"
                for side in ("local", "cluster")) + f"; start-up {timings['start-up']['whole']:.1f} s; ratio {ratio:.2f}")
        total = {side: sum(t[side]["annotate"] for _, t in rounds) for side in ("local", "cluster")}
        whole = {side: sum(t[side]["whole"] for _, t in rounds) for side in ("local", "cluster")}
        whole["cluster"] += sum(t["start-up"]["whole"] for _, t in rounds)
        print(f"ratio            cluster / local annotate = {total['cluster'] / total['local']:.2f} over "
              f"{len(rounds)} round(s) (target 1.1 on 2 workers); with reading and start-up = "
              f"{whole['cluster'] / whole['local']:.2f}")
        print("peak per worker  " + ", ".join(megabytes(kb) for kb in sorted(workers.values()))
              + " (ru_maxrss, last round)")
        if memory_peaks:
            print(f"peak tree        local {megabytes(memory_peaks.get('local', 0))}, cluster "
                  f"{megabytes(memory_peaks.get('cluster', 0))} (this process and every process below it)")
        print(f"cache entries    {entries:,}: " + ("identical in both runs of every round" if not differ else
                                                   f"{len(differ)} differ, e.g. {differ[:3]}"))
        return 1 if differ else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
