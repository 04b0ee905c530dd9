"""Atomic output: pages written into a fresh folder and swapped in whole, leftovers of killed builds
cleaned, memory handed back between stages."""

from __future__ import annotations

import ctypes
import gc
import os
import re
import sys
from pathlib import Path
from typing import Callable

from builder.errors import BuildFailed
from builder.pipeline import trash


def write_tree(pages: dict[str, str], target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Write pages into a fresh folder (which must not exist yet)."""
    target.mkdir(parents=True)
    root = target.resolve()
    made: set[Path] = set()
    for number, (relative, content) in enumerate(pages.items(), start=1):
        path = root / relative
        if root not in path.resolve().parents:
            raise BuildFailed(f"refusing to write {relative}: it would land outside {target}.")
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(content, encoding="utf-8")
        if progress:
            progress(number, len(pages))


def swap_in(new: Path, target: Path) -> None:
    """Replace target by new so that a reader, or a build killed at any moment, never finds a half-written
    or missing folder: one atomic exchange where the system has it (Linux), else two renames that the
    next build undoes if it was stopped between them (see clean_leftovers). The previous version is left
    at `new`'s path (the build's own folder, which it discards: builder.pipeline.trash)."""
    if target.exists() and _exchange(new, target):
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    if old.exists():
        os.rename(old, new)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


_WORK_FOLDER = re.compile(r"\.briefing-(?:build|site)-([0-9]+)-[a-z0-9_]+")
"""A build's own folder beside its output (builder.pipeline.build: tempfile.mkdtemp's name, the process id in
it); a folder of any other name, however alike, is someone else's."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def clean_leftovers(target: Path, held: list[Path] = ()) -> None:
    """Clear away what a killed build left beside target (its temporary folders, moved to the trash and
    removed in the background: builder.pipeline.trash), and put back the previous folder if the build was
    killed between the two renames of swap_in. Folders of running builds stay, and so do those holding a
    path of `held` (what a killed build's journal needs: builder.pipeline.journal.held_folders)."""
    for path in sorted(target.parent.glob(f".{target.name}.old-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            if target.exists():
                trash.discard(path)
            else:
                os.rename(path, target)
    left = []
    for path in sorted(target.parent.glob(".briefing-*-*-*")):
        if trash.is_trash(path):
            left.append(path)  # its remover was stopped, or is still at work (it then keeps the folder)
            continue
        ours = _WORK_FOLDER.fullmatch(path.name)
        if ours is None or any(path == kept or path in kept.parents for kept in held):
            continue
        if path.is_dir() and not path.is_symlink() and not _alive(int(ours.group(1))):
            trash.discard(path)
    trash.remove_in_background(left)


def release_memory() -> None:
    """Give memory that Python freed back to the system (glibc keeps freed blocks for reuse otherwise), so
    the processes that come next (Pagefind) have it."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass
