"""The model's worker processes die with the build that started them.

spaCy's nlp.pipe(n_process=N) forks N workers that wait on a queue for texts. When the build is killed
(SIGKILL, the OOM killer), nothing tells them, and each holds about 200 MB for minutes. On Linux every
child forked from here asks the kernel to kill it when its parent dies (prctl PR_SET_PDEATHSIG), and
leaves at once if the parent is already gone. Elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
_parent: list[int] = []


def _before_fork() -> None:
    _parent[:] = [os.getpid()]


def _in_child() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl in this C library
        return
    if _parent and os.getppid() != _parent[0]:  # the parent died before the request took effect
        os._exit(1)


def die_with_parent() -> None:
    """From now on, processes forked by this one die when it does (Linux; once per process)."""
    if sys.platform.startswith("linux") and not _parent:
        _parent.append(os.getpid())
        os.register_at_fork(before=_before_fork, after_in_child=_in_child)


def die_with_parent_now() -> None:
    """This process dies when the one that started it does (Linux): for a started, not forked, worker
    process (builder.pipeline.tasks.LocalProcesses), which fork hooks never reach. Nothing in the main one."""
    import multiprocessing

    if multiprocessing.parent_process() is None or not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl in this C library
        return
    if os.getppid() != multiprocessing.parent_process().pid:  # the parent died before the request took effect
        os._exit(1)
