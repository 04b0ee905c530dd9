"""Peak memory of a process tree, stage by stage: a thread samples the resident memory of this process and
of every process below it (the model's workers, Pagefind) and keeps, per stage, the largest total seen.

ru_maxrss gives only one process's own peak; what a machine must hold is the sum of the processes that run
at the same time (the builder holding the archive while Pagefind indexes, the model's workers beside the
main process), so that is what this measures. Linux only (/proc); elsewhere it reports nothing.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")


def tree_rss(root: int) -> int:
    """Resident kilobytes of the process `root` and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            for line in (PROC / str(pid) / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


class TreeMemory:
    """Use as a context manager; set `.stage` as the work goes on; `.peaks` maps stage to peak kilobytes."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = PROC.is_dir()

    def __enter__(self) -> "TreeMemory":
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _run(self) -> None:
        pid = os.getpid()
        while not self._stop.wait(self.interval):
            rss, stage = tree_rss(pid), self.stage
            if rss > self.peaks.get(stage, 0):
                self.peaks[stage] = rss

    def peak(self) -> int:
        return max(self.peaks.values(), default=0)
