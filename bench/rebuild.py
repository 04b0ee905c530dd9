"""Benchmark: rebuilds of a built archive, with nothing changed and with one article changed (issue 15).

    nice -n 10 .venv/bin/python bench/rebuild.py [--n 1000 | --articles DIR ...] [--work DIR]
                                                 [--cache /work/cache-corpus] [--check] [--profile FILE]

The articles are copied into WORK/articles first (the N corpus documents of bench/run.py's `pick`, or every
file of the --articles folders), so the originals are never edited; WORK keeps docs/ and site/ between runs
(a temporary folder by default). Then, each timed as a whole build (`briefing build`'s path, shards auto):

1. a build (a first one when WORK holds none, else one that takes over the previous build);
2. a rebuild with nothing changed;
3. one article changed: a sentence appended to its text (the first article file, in the copy);
4. one article that now names a person the archive did not know: another sentence appended to it.

Each line gives the wall time, the CPU time (this process and the shards' processes: on a loaded machine
the figure that depends least on the load), the build's stage times, how many pages' Markdown and HTML were taken over,
which site shards ran and the load average (1, 5, 15 min); then how long the old trees' removal, which
runs in the background, went on after the build (waited for before the next one). With --check, the Markdown of the last rebuild is compared, file by file, with
what a build without any previous build renders (in memory: read, annotate, index, render); exit status 1
when they differ. With --profile FILE, the one-article rebuild (3.) runs under cProfile and its profile is
written to FILE (this process only: the shards' processes, when they run apart, are not in it). Not part
of `make test`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from builder.config import load_config, with_overrides  # noqa: E402
from builder.pipeline.build import build  # noqa: E402
from builder.pipeline.generate import Report, generate  # noqa: E402
from builder.pipeline.generate import ARTICLE_SUFFIXES  # noqa: E402
try:
    from builder.pipeline.trash import wait_for_removals  # noqa: E402
except ImportError:  # a revision before the old trees were removed in the background (to compare with)
    def wait_for_removals() -> None:
        pass
from run import pick  # noqa: E402

CHANGED = "\n\nThe talks are expected to resume after the holidays, officials said on Friday.\n"
NEW_PERSON = "\n\nThe Norwegian envoy Ingrid Halvorsen said in Oslo that the replies deserved a careful reading.\n"


def copy_articles(args: argparse.Namespace, articles: Path) -> None:
    if args.articles:
        for folder in map(Path, args.articles):
            shutil.copytree(folder, articles / folder.name)
    else:
        articles.mkdir(parents=True)
        for index, path in enumerate(pick(Path(args.corpus), args.n)):
            shutil.copy(path, articles / f"{index:05d}-{path.name}")


def cpu_seconds() -> float:
    """User and system time of this process and of its children that ended (the shards' processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(name: str, config, profile: str | None = None) -> tuple[float, object]:
    started, cpu = time.perf_counter(), cpu_seconds()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        report = profiler.runcall(build, config)
        profiler.dump_stats(profile)
    else:
        report = build(config)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    stages = ", ".join(f"{stage} {value:.1f} s" for stage, value in report.timings.items())
    sharded = report.shards
    ran = (f"{len(sharded.results)} of {sharded.shards} shards ran ({', '.join(sorted(r.name for r in sharded.results))})"
           if sharded is not None else "one MkDocs build")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{name}: {seconds:.1f} s, CPU {cpu:.1f} s ({stages}); Markdown of {report.reused_markdown} of {report.pages} pages and HTML "
          f"of {report.reused_pages} taken over; {ran}; load {load}", flush=True)
    # The old trees are removed in the background (builder.pipeline.trash): waited for here, outside the
    # timed build, so that the next build does not share the machine with it.
    waited = time.perf_counter()
    wait_for_removals()
    print(f"    background removal of the old trees went on {time.perf_counter() - waited:.1f} s after the build", flush=True)
    return seconds, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus documents, when no --articles (default 1000)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "scale"))
    parser.add_argument("--articles", action="append", help="a folder of articles to copy (repeatable)")
    parser.add_argument("--work", help="where the copy, docs/ and site/ are kept (default: a temporary folder, removed)")
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "briefing"), help="the annotation cache")
    parser.add_argument("--check", action="store_true", help="compare the last rebuild's Markdown with a fresh render")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the one-article rebuild to FILE")
    args = parser.parse_args()

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-rebuild-"))
    try:
        articles = work / "articles"
        if not articles.exists():
            copy_articles(args, articles)
        folders = sorted(p for p in articles.iterdir() if p.is_dir()) or [articles]
        config, _ = load_config(ROOT)
        config = replace(with_overrides(config, articles=tuple(folders), cache=Path(args.cache)),
                         shards="auto", docs=work / "docs", site=work / "site")
        files = sorted(p for folder in folders for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
        print(f"{len(files)} article files in {articles}", flush=True)
        timed("build", config)
        timed("nothing changed", config)
        edited = files[0]
        original = edited.read_bytes()
        try:
            edited.write_text(original.decode("utf-8") + CHANGED, encoding="utf-8")
            timed(f"one article changed ({edited.name})", config, args.profile)
            edited.write_text(original.decode("utf-8") + CHANGED + NEW_PERSON, encoding="utf-8")
            timed(f"one article names a new person ({edited.name})", config)
            if args.check:
                return check(config)
        finally:
            edited.write_bytes(original)
        return 0
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def check(config) -> int:
    """The rebuild's docs/ against a render that takes nothing over."""
    started = time.perf_counter()
    _, pages = generate(config, Report())
    docs = config.docs
    different = [path for path, text in pages.items() if (docs / path).read_text(encoding="utf-8") != text]
    extra = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} - set(pages)
    print(f"check: {len(pages)} pages rendered afresh in {time.perf_counter() - started:.1f} s; "
          f"{len(different)} differ from the rebuild's docs/, {len(extra)} more in docs/", flush=True)
    for path in [*different, *sorted(extra)][:20]:
        print(f"    {path}")
    return 1 if different or extra else 0


if __name__ == "__main__":
    sys.exit(main())
