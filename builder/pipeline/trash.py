"""Old trees out of the build's way: a folder the build no longer needs (the previous docs/ or site/ after
the new one is swapped in, a build's scratch folders) is renamed, in one step, into a trash folder beside
the output, and removed by a process of its own in the background, so that deleting tens of thousands of
files is no part of the build's time (README, *Incremental site builds*).

Only folders this module named are ever removed: `.briefing-trash-<pid>-<random>` directly beside a
build's output folder, made by `discard` from a folder the build made. The remover checks each path
again (its name, that it is a real folder and not a link) and removes it without following links
(shutil.rmtree removes a link, never what it points at), so nothing an editor wrote, nor anything
outside the build's folders, can be reached through it. A trash folder whose remover was stopped (the
machine went down) is handed to a new remover by the next build (clean_leftovers).

Run as `python -m builder.pipeline.trash FOLDER...` (what `discard` starts); it imports nothing of the builder.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PREFIX = ".briefing-trash-"
"""How a trash folder's name starts; the rest is the discarding process's id and a random part."""
_NAME = re.compile(r"\.briefing-trash-[0-9]+-[A-Za-z0-9_]+")
_started: list[subprocess.Popen] = []


def is_trash(path: Path) -> bool:
    """Whether path is a trash folder made by discard: its name, and a real folder (not a link)."""
    return bool(_NAME.fullmatch(path.name)) and path.is_dir() and not path.is_symlink()


def discard(folder: Path) -> Path | None:
    """Move a folder the build made and no longer needs into a new trash folder beside it (one rename)
    and start its removal in the background. Returns the trash folder (None when folder was missing)."""
    if not os.path.lexists(folder):
        return None
    trash = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder.parent))
    os.rename(folder, trash / "old")
    remove_in_background([trash])
    return trash


def remove_in_background(trashes: list[Path]) -> None:
    """Start one remover process for these trash folders, detached (it outlives the build, at low priority)."""
    if not trashes:
        return
    here = Path(__file__).resolve().parent.parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(here), os.environ.get("PYTHONPATH")]))}
    _started.append(subprocess.Popen([sys.executable, "-m", "builder.pipeline.trash", *map(str, trashes)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True, env=env, cwd="/"))


def wait_for_removals(timeout: float | None = None) -> None:
    """Wait until every remover this process started has finished (tests and benchmarks; a build never waits)."""
    while _started:
        _started.pop().wait(timeout)


def remove(paths: list[str]) -> None:
    """Remove each trash folder, refusing anything that is not one. A folder another remover is removing
    (it holds the folder's lock) is left to it."""
    for name in paths:
        path = Path(name)
        if not is_trash(path):
            continue
        try:
            handle = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            continue
        try:
            shutil.rmtree(path, ignore_errors=True)
        finally:
            os.close(handle)


if __name__ == "__main__":
    try:
        os.nice(10)
    except OSError:
        pass
    remove(sys.argv[1:])
