"""How long one very long article takes to ingest and annotate, and how much memory it needs: the
measurement behind the article size limit in builder/ingest.py (MAX_BYTES, MAX_CHARS).

    .venv/bin/python bench/big_article.py [CHARACTERS ...]     # default: 100000 300000 600000

Each size is measured in a fresh process (peak memory is per process). The article is real English text:
shared-corpus documents that mention Peskov or Lavrov, joined until the size is reached. Not part of
`make test`.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "scale"


def english_text(size: int) -> str:
    parts, total = [], 0
    for path in sorted(CORPUS.glob("*_en/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "Peskov" in text or "Lavrov" in text:
            parts.append(text)
            total += len(text)
        if total > size:
            break
    return ("A very long article about the talks\n\n" + "\n\n".join(parts))[:size]


def measure(size: int) -> None:
    from builder.annotate import nlp
    from builder.annotate import Annotator
    from builder.sources.ingest import ingest_text
    from builder.sources.kb import load_kb

    kb, _ = load_kb(ROOT / "data")
    annotator = Annotator(kb, lambda: nlp.english("auto"))
    nlp.english("auto")  # the model's loading is not the article's cost
    text = english_text(size)
    started = time.perf_counter()
    article, _ = ingest_text(text, "big.txt", "big")
    read = time.perf_counter() - started
    annotation = annotator.annotate(article)
    annotate = time.perf_counter() - started - read
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(text):>9,} characters: ingest {read:5.1f} s, annotate {annotate:5.1f} s, peak memory {peak:,.0f} MB, "
          f"{len(annotation.people)} people", flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        measure(int(argv[1]))
        return 0
    if not CORPUS.is_dir():
        print(f"the shared corpus is not at {CORPUS}", file=sys.stderr)
        return 1
    for size in [int(a) for a in argv] or [100_000, 300_000, 600_000]:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
