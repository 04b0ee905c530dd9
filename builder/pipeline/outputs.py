"""Where a command may write, and one writer per output folder at a time.

A build replaces its --site and --docs folders as a whole (build.swap_in), so what they point at is
checked before any work: a target must be missing, empty, or an earlier build's output (it carries the
build record, incremental.BUILD_FILE); it is never the project folder or one that contains it, never an
editors' folder (content/, data/, .git, any --articles, --notes or --data folder) nor inside or around
one, and --site and --docs are neither the same folder nor one inside the other. The same rules hold for
every folder a command fills or empties (the preview's, the annotation cache's).

A lock beside each target (filelock: the system's lock, released when its process dies, even by
SIGKILL) keeps a second build out while one runs, and names the holder. A state file beside it records
which build last published into the target: a build that finds, when it is about to swap its output
in, that another build published since it started leaves the newer output in place.
"""

from __future__ import annotations

import json
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from builder.pipeline.incremental import BUILD_FILE

PROTECTED = ("content", "data", ".git")
"""Folders of the project that hold what editors wrote (and the history); no command replaces them."""


class OutputRefused(Exception):
    """A command would write where it must not, or another build holds its output; nothing was touched."""


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) or "."
    except ValueError:
        return str(path)


def _real(path: Path) -> Path:
    """The absolute path with links resolved (what a rename or a removal would really act on)."""
    return Path(os.path.realpath(path))


def _relation(target: Path, other: Path) -> str | None:
    if target == other:
        return "is"
    if other in target.parents:
        return "is inside"
    if target in other.parents:
        return "contains"
    return None


def is_build_output(folder: Path) -> bool:
    """True when the folder carries the record a build leaves (a JSON object with the build's stamp)."""
    record = folder / BUILD_FILE
    try:
        if not stat.S_ISREG(record.lstat().st_mode) or record.lstat().st_size > 1_000_000:
            return False
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (isinstance(data.get("stamp"), str) or data.get("preview") is True)


def editors_folders(root: Path, sources: list[Path | None]) -> list[tuple[str, Path]]:
    """(name as shown, real path) of every folder no command may replace or write into."""
    named = [root / name for name in PROTECTED] + [s for s in sources if s is not None]
    return [(_shown(Path(os.path.abspath(p)), root), _real(p)) for p in named]


def check_location(option: str, path: Path, root: Path, sources: list[Path | None]) -> Path:
    """The real path of a folder a command writes into, or OutputRefused: never the project folder or one
    containing it, never an editors' folder, inside one or around one. `option` names it in messages."""
    shown = _shown(Path(os.path.abspath(path)), root)
    real, project = _real(path), _real(root)
    if real == project or real in project.parents:
        raise OutputRefused(f"refusing {option} {shown}: it is the project folder or contains it, and the build "
                            f"replaces the whole folder. Choose a folder of its own, such as site/.")
    for name, folder in editors_folders(root, sources):
        relation = _relation(real, folder)
        if relation:
            raise OutputRefused(f"refusing {option} {shown}: it {relation} {name}, which holds the editors' files; "
                                f"nothing is ever written there. Choose another folder.")
    if os.path.lexists(path) and not real.is_dir():
        raise OutputRefused(f"refusing {option} {shown}: it is a file, not a folder. Give a folder (missing, "
                            f"empty, or an earlier build's output).")
    return real


def check_replaceable(option: str, path: Path, root: Path, sources: list[Path | None]) -> Path:
    """check_location, and the folder must be missing, empty or an earlier build's output, since it will be
    replaced as a whole."""
    real = check_location(option, path, root, sources)
    if real.is_dir() and any(real.iterdir()) and not is_build_output(real):
        raise OutputRefused(f"refusing {option} {_shown(Path(os.path.abspath(path)), root)}: the folder holds files "
                            f"that no build made (there is no {BUILD_FILE} in it), and the build replaces the whole "
                            f"folder. Delete or move it, or choose another folder.")
    return real


def check_targets(targets: dict[str, Path], root: Path, sources: list[Path | None]) -> dict[str, Path]:
    """Every output folder of one command checked (check_replaceable), and no two the same or nested.
    Returns the real paths by option."""
    real = {option: check_replaceable(option, path, root, sources) for option, path in targets.items()}
    options = list(real)
    for index, first in enumerate(options):
        for second in options[index + 1:]:
            relation = _relation(real[second], real[first])
            if relation:
                what = "is the same folder as" if relation == "is" else relation
                raise OutputRefused(f"refusing {second} {_shown(real[second], _real(root))}: it {what} {first} "
                                    f"{_shown(real[first], _real(root))}; the two must be separate folders.")
    return real


def check_addable(path: Path, root: Path) -> None:
    """The folder `add` creates files in must be a folder (or missing) and not the project's root."""
    shown = _shown(Path(os.path.abspath(path)), root)
    if os.path.lexists(path) and not _real(path).is_dir():
        raise OutputRefused(f"refusing to add to {shown}: it is not a folder; move it away first.")
    if _real(path) in (_real(root), *_real(root).parents):
        raise OutputRefused(f"refusing to add to {shown}: it is the project folder or contains it.")


def check_appendable(path: Path, root: Path) -> None:
    """A file a command appends to must be missing or a regular file (not a folder, a link or a FIFO)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OutputRefused(f"refusing to write {_shown(Path(os.path.abspath(path)), root)}: it is not a "
                            f"plain file (a folder, a link or a device); move it away first.")


# --- one build per output at a time ----------------------------------------------------------------------

def _lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.briefing.lock"


def _state_path(target: Path) -> Path:
    return target.parent / f".{target.name}.briefing.lock.json"


def _read_state(target: Path) -> dict:
    try:
        data = json.loads(_state_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(target: Path, state: dict) -> None:
    path = _state_path(target)
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(state, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _when(build: dict) -> str:
    started = build.get("started")
    if not isinstance(started, (int, float)):
        return "at an unknown time"
    return "at " + time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started))


@dataclass
class Outputs:
    """The locks on a command's output folders, held from before the first input is read until the output
    is swapped in. Use as a context manager; `before_swap` and `published` go around each swap."""

    targets: dict[str, Path]
    """Real path of each output folder, by the option that names it."""
    root: Path
    """The project folder, for messages."""
    me: dict = field(default_factory=lambda: {"pid": os.getpid(), "started": time.time()})
    """This build: its process id and start time (seconds since the epoch)."""
    _locks: list[FileLock] = field(default_factory=list)
    _seen: dict[Path, object] = field(default_factory=dict)

    def __enter__(self) -> Outputs:
        try:
            for target in sorted(self.targets.values()):
                target.parent.mkdir(parents=True, exist_ok=True)
                lock = FileLock(str(_lock_path(target)), timeout=0)
                try:
                    lock.acquire()
                except Timeout:
                    holder = _read_state(target).get("holder") or {}
                    raise OutputRefused(
                        f"{_shown(target, _real(self.root))} is being built by another build (process "
                        f"{holder.get('pid', 'unknown')}, started {_when(holder)}); wait for it to finish, or stop "
                        f"it.") from None
                self._locks.append(lock)
                state = _read_state(target)
                self._seen[target] = state.get("published")
                _write_state(target, {**state, "holder": self.me})
        except BaseException:
            self.__exit__()
            raise
        return self

    def before_swap(self) -> None:
        """OutputRefused when any target was published into by another build since this one started (its
        lock was lost: the lock file removed, or a file system without locks); nothing is swapped then."""
        for option, target in self.targets.items():
            now = _read_state(target).get("published")
            if now != self._seen.get(target):
                other = now if isinstance(now, dict) else {}
                raise OutputRefused(
                    f"{option} {_shown(target, _real(self.root))} was replaced by another build (process "
                    f"{other.get('pid', 'unknown')}, started {_when(other)}) while this one ran; its newer output "
                    f"stays and this build's output was not published.")

    def published(self, target: Path) -> None:
        """Record that this build's output is now in target."""
        state = _read_state(target)
        _write_state(target, {**state, "published": self.me})
        self._seen[target] = self.me

    def __exit__(self, *exc) -> None:
        for lock in reversed(self._locks):
            target = next((t for t in self.targets.values() if str(_lock_path(t)) == lock.lock_file), None)
            if target is not None:
                state = _read_state(target)
                if state.get("holder") == self.me:
                    state.pop("holder")
                    try:
                        _write_state(target, state)
                    except OSError:
                        pass
            lock.release()
        self._locks.clear()
