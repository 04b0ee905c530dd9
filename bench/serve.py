"""How long a change takes to show up in `briefing serve` on a 1,000-article archive.

    .venv/bin/python bench/serve.py [--articles 1000] [--rounds 3]

Makes a temporary project (the knowledge base, notes and mkdocs.yml of this one, and articles copied
from ../shared/corpus/scale, an equal share from each folder, in name order), starts the preview on a
free 127.0.0.1 port, then repeatedly edits one note, one article and data/topics.yml and measures the
time from saving the file to the served page showing the change. The annotation cache lives in
bench/out/serve-cache, so only the first run pays for annotating the articles. Target: a note edit
shows up in under 3 seconds. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.config import load_config  # noqa: E402
from builder.pipeline.serve import serve  # noqa: E402
from builder.text import slug  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "scale"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_project(folder: Path, count: int) -> Path:
    project = folder / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "content/notes", project / "content/notes")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "briefing.yml", project / "briefing.yml")
    articles = project / "content/articles"
    articles.mkdir(parents=True)
    folders = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    share = -(-count // len(folders))
    chosen = []
    for source in folders:
        chosen += [(source.name, f) for f in sorted(source.glob("*.txt"))[:share]]
    for name, path in chosen[:count]:
        shutil.copy(path, articles / f"{name}-{path.name}")
    return project


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def time_until(url: str, marker: str, limit: float = 60.0) -> float:
    """Seconds until the page at url contains the marker (polled every 50 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if marker in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError(f"the change did not show up at {url} within {limit:.0f} s")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=1000)
    options.add_argument("--rounds", type=int, default=3)
    args = options.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the corpus is not at {CORPUS}")
    with tempfile.TemporaryDirectory(prefix="briefing-serve-bench-") as temp:
        project = make_project(Path(temp), args.articles)
        config, _ = load_config(project)
        config = replace(config, cache=ROOT / "bench/out/serve-cache")
        port = free_port()
        servers = []
        started = time.perf_counter()
        thread = threading.Thread(target=serve, args=(config, port), kwargs={"on_start": servers.append}, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{port}/"
        while not fetch(base):
            if not thread.is_alive():
                raise SystemExit("the preview stopped before it served anything")
            time.sleep(0.2)
        print(f"{args.articles} articles: first preview served after {time.perf_counter() - started:.1f} s")
        note = project / "content/notes/peskov-spokesman-role.md"
        article = next((project / "content/articles").glob("kremlin_en-*.txt"))
        page = f"articles/{slug(article.stem, 'article')}/"
        topics = project / "data/topics.yml"
        results: dict[str, list[float]] = {"note": [], "article": [], "data/topics.yml": []}
        for round_number in range(args.rounds):
            marker = f"Bench marker {round_number} for the note"
            note.write_text(note.read_text(encoding="utf-8") + f"\n{marker}.\n", encoding="utf-8")
            results["note"].append(time_until(base + "people/dmitry-peskov/", marker))
            marker = f"Benchmarkword{round_number}"
            article.write_text(article.read_text(encoding="utf-8") + f"\n{marker} closes this article.\n", encoding="utf-8")
            results["article"].append(time_until(base + page, marker))
            marker = f"Bench topic {round_number}"
            topics.write_text(topics.read_text(encoding="utf-8") +
                              f"- id: bench-topic-{round_number}\n  name: {marker}\n  keywords: [Kremlin]\n", encoding="utf-8")
            results["data/topics.yml"].append(time_until(base + "topics/", marker))
        for server in servers:
            server.shutdown()
        thread.join(timeout=10)
        for what, times in results.items():
            print(f"edit {what:16} shows up in: median {statistics.median(times):.2f} s, "
                  f"max {max(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
