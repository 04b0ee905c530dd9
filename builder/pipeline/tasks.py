"""Where independent pieces of a build run: one function mapped over items, each call a task.

The executor interface is builder.pipeline.cluster's (a Dask cluster's executor has the same method, so
the site's shards, builder.pipeline.shards, run on a cluster unchanged):

    results = executor.map(function, items, names=names, progress=callback)

`function(item, *common)` is a module-level, picklable function; results come back in the order of the
items; `progress(done, total)` is called as items finish; a task that cannot finish stops the map with
BuildFailed naming its item (`names[i]`). Two executors live here: `Sequential` (this process, one item
after the other) and `LocalProcesses` (at most N fresh processes of this machine, one per task, so a
task's peak memory is its own and nothing one task leaves behind reaches the next).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Protocol, Sequence

from builder.errors import BuildFailed


class Executor(Protocol):
    def map(self, function: Callable, items: Sequence, common: tuple = (), names: Sequence[str] | None = None,
            progress: Callable[[int, int], None] | None = None, retries: int = 1,
            on_result: Callable[[int, Any], None] | None = None) -> list:
        """function(item, *common) for every item, in the order of the items; on_result(index, result) as each
        comes."""


class Sequential:
    """Each task in this process, in order."""

    workers = 1

    def map(self, function: Callable, items: Sequence, common: tuple = (), names: Sequence[str] | None = None,
            progress: Callable[[int, int], None] | None = None, retries: int = 1,
            on_result: Callable[[int, Any], None] | None = None) -> list:
        results = []
        for number, item in enumerate(items, start=1):
            results.append(function(item, *common))
            if on_result:
                on_result(number - 1, results[-1])
            if progress:
                progress(number, len(items))
        return results


class LocalProcesses:
    """Tasks in at most `processes` fresh processes of this machine (started, not forked: a task sees only
    what its item carries, as it would on another machine)."""

    def __init__(self, processes: int):
        self.workers = max(1, processes)

    def map(self, function: Callable, items: Sequence, common: tuple = (), names: Sequence[str] | None = None,
            progress: Callable[[int, int], None] | None = None, retries: int = 1,
            on_result: Callable[[int, Any], None] | None = None) -> list:
        if not items:
            return []
        names = names or [f"item {number}" for number in range(1, len(items) + 1)]
        results: list[Any] = [None] * len(items)
        with ProcessPoolExecutor(max_workers=min(self.workers, len(items)),
                                 mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1) as pool:
            running = {pool.submit(function, item, *common): number for number, item in enumerate(items)}
            finished = set()
            try:
                for done, future in enumerate(as_completed(running), start=1):
                    results[running[future]] = future.result()
                    finished.add(running[future])
                    if on_result:
                        on_result(running[future], results[running[future]])
                    if progress:
                        progress(done, len(items))
            except BrokenProcessPool:  # every task not finished fails with it: which process died is not told
                unfinished = [names[n] for n in range(len(items)) if n not in finished]
                raise BuildFailed(f"{', '.join(unfinished)} could not be finished: a process running "
                                  f"{'one of them' if len(unfinished) > 1 else 'it'} died (killed, or out of memory).") from None
        return results
