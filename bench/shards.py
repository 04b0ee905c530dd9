"""Benchmark: the same N corpus documents built as one MkDocs site and in shards, compared file by file.

    nice -n 10 .venv/bin/python bench/shards.py [--n 1000] [--shard-pages 200] [--cache /work/cache-corpus]

The documents are bench/run.py's `pick` (spread evenly over ../shared/corpus/scale), copied into a
temporary folder. Both builds use this project's data/ and mkdocs.yml and the same annotation cache (so
the model runs at most once; a shared cache is safe, its entries are atomic and checksummed). It prints
each build's stage times, the shards (pages, seconds, peak memory of each shard's process), every file
that differs between the two sites (the build records, which carry the builder's code stamp, are left
out), and the broken links a crawl of the sharded site finds (tests/crawl.py). Exit status 1 when the
sites differ or a link is broken. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from builder.config import Config, load_config, with_overrides  # noqa: E402
from builder.pipeline.build import build  # noqa: E402
from builder.pipeline.tasks import LocalProcesses  # noqa: E402
from run import pick  # noqa: E402
from same_output import differences  # noqa: E402
from tests.crawl import broken_links  # noqa: E402


def stages(report) -> str:
    return ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.timings.items())


def options(description: str, shard_pages: int) -> argparse.Namespace:
    """The options of the shard benchmarks (this one and bench/tenfold.py)."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus documents (0: all)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "scale"))
    parser.add_argument("--shard-pages", type=int, default=shard_pages, help=f"most pages in a shard (default {shard_pages})")
    parser.add_argument("--processes", type=int, default=2, help="shards built at once (default 2)")
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "briefing"), help="the annotation cache")
    parser.add_argument("--times", default="1,2,5,10", help="(bench/tenfold.py) archive sizes, in copies of the N documents")
    return parser.parse_args()


def corpus_project(args: argparse.Namespace, work: Path) -> Config:
    """This project's configuration on the N picked corpus documents, copied into work/articles."""
    articles = work / "articles"
    articles.mkdir()
    for index, path in enumerate(pick(Path(args.corpus), args.n)):
        shutil.copy(path, articles / f"{index:05d}-{path.name}")
    config, _ = load_config(ROOT)
    return with_overrides(config, articles=(articles,), cache=Path(args.cache))


def main() -> int:
    args = options(__doc__, 200)
    work = Path(tempfile.mkdtemp(prefix="bench-shards-"))
    try:
        config = corpus_project(args, work)
        reports = {}
        for name, shards in (("single", "off"), ("sharded", args.shard_pages)):
            print(f"{name}: building {args.n} documents (shards: {shards}) …", flush=True)
            started = time.perf_counter()
            # No previous site: every page is built (the cache only spares the model).
            reports[name] = build(replace(config, shards=shards, docs=work / name / "docs", site=work / name / "site"),
                                  executor=LocalProcesses(args.processes))
            print(f"  {reports[name].pages} pages in {time.perf_counter() - started:.1f} s ({stages(reports[name])})")
        sharded = reports["sharded"].shards
        print(f"shards: {sharded.shards}, built {len(sharded.results)}")
        for result in sorted(sharded.results, key=lambda r: r.name):
            print(f"  {result.name:22} {result.pages:6} pages {result.seconds:7.1f} s {result.peak_kb / 1024:7.0f} MB")
        peak = max(r.peak_kb for r in sharded.results)
        print(f"  peak memory of a shard's process: {peak / 1024:.0f} MB")
        failed = False
        for tree in ("docs", "site"):
            found = differences(work / "single" / tree, work / "sharded" / tree)
            files = sum(1 for p in (work / "sharded" / tree).rglob("*") if p.is_file())
            print(f"{tree}/: {files} files, {len(found)} differences")
            for line in found[:20]:
                print(f"    {line}")
            failed |= bool(found)
        broken = broken_links(work / "sharded" / "site")
        pages = sum(1 for _ in (work / "sharded" / "site").rglob("*.html"))
        print(f"crawl of the sharded site: {pages} HTML files, {len(broken)} broken links")
        for line in broken[:20]:
            print(f"    {line}")
        failed |= bool(broken)
        print("different" if failed else "identical")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
