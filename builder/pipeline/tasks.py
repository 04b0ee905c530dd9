"""Where independent pieces of a build run: one function mapped over items, each call a task.

An executor is anything with `map(function, items)` that calls the (picklable, module-level) function on
every item and yields the results as they come, in any order. Two live here: `Sequential` (this process,
one after the other) and `LocalProcesses` (a pool of fresh processes on this machine, one per task, so a
task's peak memory is its own and nothing it leaves behind reaches the next). A cluster's executor
(builder.pipeline.cluster, when present) has the same method, so the site's shards (builder.pipeline.shards)
run on it unchanged.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Executor(Protocol):
    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        """Every function(item), as they finish."""


class Sequential:
    """Each task in this process, in order."""

    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        for item in items:
            yield function(item)


class LocalProcesses:
    """Tasks in at most `processes` fresh processes of this machine (started, not forked: a task sees only
    what its item carries, as it would on another machine)."""

    def __init__(self, processes: int):
        self.processes = max(1, processes)

    def map(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        items = list(items)
        if not items:
            return
        with ProcessPoolExecutor(max_workers=min(self.processes, len(items)),
                                 mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1) as pool:
            for done in as_completed([pool.submit(function, item) for item in items]):
                yield done.result()
