"""Benchmark: time every stage of a build on N documents of the shared corpus.

    .venv/bin/python bench/run.py [--n 1000] [--corpus ../shared/corpus/scale]

Prints seconds per stage (read, annotate, render, write, mkdocs), words per second of annotation, a bare
`nlp.pipe` over the same texts with the same components for comparison, the search index size and the
peak memory. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import nlp  # noqa: E402
from builder.build import build  # noqa: E402
from builder.config import load_config, with_overrides  # noqa: E402


def pick(corpus: Path, n: int) -> list[Path]:
    """N documents spread evenly over the corpus folders, in a fixed order."""
    files = sorted(p for p in corpus.rglob("*.txt") if not p.name.startswith(("LICENSE", "MANIFEST")))
    step = max(1, len(files) // n)
    return files[::step][:n]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "scale"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    files = pick(corpus, args.n)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        articles = work / "articles"
        articles.mkdir()
        for index, path in enumerate(files):
            shutil.copy(path, articles / f"{index:05d}-{path.name}")
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
        config, _ = load_config(ROOT)
        config = with_overrides(config, articles=(articles,), docs=work / "docs", site=work / "site")
        started = time.perf_counter()
        report = build(config)
        total = time.perf_counter() - started

        english = nlp.english(config.spacy_model)
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
        started = time.perf_counter()
        for _ in english.pipe(texts, batch_size=32):
            pass
        bare = time.perf_counter() - started

        index = work / "site" / "search" / "search_index.json"
        raw = index.read_bytes() if index.is_file() else b""
        print(f"documents        {report.articles} of {len(files)} ({words:,} words)")
        for stage, seconds in report.timings.items():
            print(f"{stage:16} {seconds:8.1f} s")
        print(f"whole build      {total:8.1f} s")
        annotate = report.timings.get("annotate", 0.0)
        print(f"annotate speed   {words / annotate if annotate else 0:8.0f} words/s")
        print(f"bare nlp.pipe    {bare:8.1f} s (all texts through the English model; ratio annotate/bare {annotate / bare if bare else 0:.2f})")
        print(f"search index     {len(raw) / 1e6:8.2f} MB ({len(gzip.compress(raw)) / 1e6:.2f} MB gzipped)")
        print(f"peak memory      {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
