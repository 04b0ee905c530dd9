"""Progress of long steps: a bar with counts, rate and ETA on a terminal (tqdm), plain log lines elsewhere.

Every step reports through one callback, `progress(stage, done, total)`, so the build does not care where
the report goes. In CI (no terminal) a line is printed at every tenth of a stage, with the time taken so
far and an estimate of the time left, so logs stay short and readable.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO

Progress = Callable[[str, int, int], None]


def printer(stream: TextIO, bar: bool | None = None) -> Progress:
    """A progress callback writing to stream: a tqdm bar when stream is a terminal (or bar=True), else
    log lines."""
    if bar if bar is not None else stream.isatty():
        return _bars(stream)
    return _lines(stream)


def _bars(stream: TextIO) -> Progress:
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def report(stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        current = bars.get(stage)
        if current is None or current.total != total:
            current = bars[stage] = tqdm(total=total, desc=f"{stage:9}", file=stream, unit=" files", leave=True,
                                         dynamic_ncols=True)
        current.update(done - current.n)
        if done >= total:
            current.close()
            del bars[stage]

    return report


def _lines(stream: TextIO) -> Progress:
    started: dict[str, float] = {}
    seen: dict[str, int] = {}
    printed: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        now = time.monotonic()
        if stage not in started or done < seen[stage]:  # this stage starts (again)
            started[stage], printed[stage] = now, 0
        seen[stage] = done
        step = max(1, total // 10)
        if done == total or done // step > printed[stage]:
            printed[stage] = done // step
            elapsed = now - started[stage]
            left = f", about {_duration(elapsed / done * (total - done))} left" if 0 < done < total else ""
            stream.write(f"{stage}: {done}/{total} ({round(100 * done / total)}%) after {_duration(elapsed)}{left}\n")
            stream.flush()

    return report


def _duration(seconds: float) -> str:
    """"4 s", "3 min 20 s", "1 h 05 min"."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def mkdocs_plugin(progress: Progress):
    """A MkDocs plugin reporting its two passes over the pages: Markdown to HTML, then the page templates."""
    from mkdocs.plugins import BasePlugin

    class ProgressPlugin(BasePlugin):
        def on_files(self, files, config):
            self.total = len(files.documentation_pages())
            self.converted = self.written = 0
            return files

        def on_page_content(self, html, page, config, files):
            self.converted += 1
            progress("mkdocs markdown", self.converted, self.total)
            return html

        def on_post_page(self, output, page, config):
            self.written += 1
            progress("mkdocs pages", self.written, self.total)
            return output

    return ProgressPlugin()
