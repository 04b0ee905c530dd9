"""A site updated in place, with a journal: a rebuild moves only its new and changed files into the published
site/ and takes out the files that are gone, instead of making a whole new site of copies (README,
*Incremental site builds*). It stays atomic as a whole: before the first file moves, the update's journal
(JOURNAL beside site/) lists every file it will put in place or take out, and each file it replaces or
takes out is moved aside into a backup folder, not deleted. The new docs/ (a whole tree, its unchanged
files hard links to the previous ones) is swapped in last, in one step.

- The update fails part way (an error in this process): it is rolled back at once.
- The build is killed part way: the next build of this site finds the journal (recover) and rolls the site
  back to the previous one from the backup, byte for byte; or, when the new docs/ was already swapped in
  (the site was then complete), it only clears the journal away. Until then the backup stays, whatever
  other builds run beside it (held_folders).

So the published site/ is never half old, half new once a build ends or the next one starts. The
staging and backup folders are the build's own (`.briefing-site-<pid>-…` beside site/) and go to the
trash with it (builder.pipeline.trash). A link in the site (to a folder or a file) is moved aside like a
file, never written, replaced or removed through.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from builder.pipeline.incremental import BUILD_FILE
from builder.pipeline.output import swap_in

JOURNAL = ".briefing-journal.json"
"""Beside site/: `.<site's name>.briefing-journal.json`, present only while an update is applied."""


def journal_path(site: Path) -> Path:
    return site.parent / f".{site.name}{JOURNAL}"


def _after_move(count: int) -> None:
    """Called after each file moved into the site (tests replace it to stop the update part way)."""


@dataclass
class Update:
    """One in-place update of site/ (and the swap of docs/ that ends it)."""

    site: Path
    """The published site, updated in place."""
    staging: Path
    """The new and changed files of the site, in its layout."""
    backup: Path
    """Where replaced and removed files of the site are moved aside until the update is done."""
    docs: Path
    """The published docs/."""
    new_docs: Path
    """The whole new docs/ tree, swapped in last."""
    docs_digest: str
    """The new docs tree's digest (its build record's "docs"); with the new docs/ folder's identity, it tells
    whether docs/ was swapped in already (recover)."""


def files_under(root: Path) -> list[str]:
    """Every file under the staging folder or the site, as paths relative to it; a link to a folder is one
    of them, not followed (what is written under its path goes into a folder of the site's own)."""
    found = []
    for folder, subfolders, names in os.walk(root):
        base = Path(folder).relative_to(root).as_posix()
        links = [name for name in subfolders if os.path.islink(os.path.join(folder, name))]
        found.extend(name if base == "." else f"{base}/{name}" for name in [*names, *links])
    return sorted(found)


def apply(update: Update, kept: set[str]) -> tuple[int, int]:
    """Put the staged files in place in the site and take out every file of the site that is neither
    staged nor in `kept` (paths relative to the site), then swap the new docs/ in; rolled back if it fails
    part way. Returns (files put in place, files taken out)."""
    site = update.site
    written = files_under(update.staging)
    staged = set(written)
    before = set(files_under(site)) if site.is_dir() else set()
    gone = sorted(before - staged - kept)
    # The build record last: a reader that finds it finds every file it stands for.
    written.sort(key=lambda path: path == BUILD_FILE)
    record = {"site": str(site), "staging": str(update.staging), "backup": str(update.backup),
              "docs": str(update.docs), "new_docs": str(update.new_docs), "docs_digest": update.docs_digest,
              "new_docs_folder": _folder_id(update.new_docs),
              "written": [[path, path in before] for path in written], "gone": gone}
    journal = journal_path(site)
    temporary = journal.with_name(f"{journal.name}.{os.getpid()}")
    temporary.write_text(json.dumps(record) + "\n", encoding="utf-8")
    os.replace(temporary, journal)
    try:
        for path in gone:
            _move(site / path, update.backup / path)
        for count, path in enumerate(written, start=1):
            if path in before:
                _move(site / path, update.backup / path)
            _move(update.staging / path, site / path)
            _after_move(count)
        _prune(site, gone)
        swap_in(update.new_docs, update.docs)
    except BaseException:
        rollback(record)
        journal.unlink()
        raise
    journal.unlink()
    return len(written), len(gone)


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _prune(site: Path, paths: list[str]) -> None:
    """Remove the folders left empty by these paths (a removed article's folder), up to the site."""
    for path in sorted({str(Path(p).parent) for p in paths}, key=lambda p: -p.count("/")):
        folder = site / path
        while folder != site and site in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty (or already gone)
                break
            folder = folder.parent


def rollback(record: dict) -> None:
    """The site as it was before the journal's update: replaced and removed files put back from the backup,
    added ones taken out."""
    site, backup = Path(record["site"]), Path(record["backup"])
    added = []
    for path, existed in reversed(record["written"]):
        if existed:
            if os.path.lexists(backup / path):
                _move(backup / path, site / path)
        elif os.path.lexists(site / path) and not os.path.lexists(Path(record["staging"]) / path):
            os.unlink(site / path)
            added.append(path)
    _prune(site, added)  # before the removed files come back: a link to a folder may stand where one was
    for path in record["gone"]:
        if os.path.lexists(backup / path):
            _move(backup / path, site / path)


def recover(site: Path) -> str | None:
    """Finish the journal a killed build left beside site/, if any: roll the site back, or, when the new
    docs/ was already in place (the site was then complete), only clear the journal. Returns what was done
    ("rolled back", "finished") or None when there was no journal. A journal that names another site, or
    folders other than a build's own beside it and its docs/, is not followed. The caller holds the site's
    lock (builder.pipeline.outputs): the journal of a build still running is not to be touched."""
    journal = journal_path(site)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)
        return None
    if not _trusted(record, site):
        journal.unlink()
        return None
    from builder.pipeline.incremental import read_record

    # Only the folder tells: a rebuild of unchanged articles makes a docs/ of the same digest as the published one.
    docs = Path(record["docs"])
    swapped = _folder_id(docs) == record.get("new_docs_folder") and (read_record(docs) or {}).get("docs") == record["docs_digest"]
    done = "finished" if swapped else "rolled back"
    if done == "rolled back":
        rollback(record)
    journal.unlink()
    return done


def held_folders(parent: Path) -> list[Path]:
    """The staging and backup folders that the journals in `parent` name (builds killed while they updated a
    site there): the next build of that site needs them to put it back, so no other build clears them away."""
    found = []
    for path in sorted(parent.glob(f".*{JOURNAL}")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            found.extend(Path(record[key]) for key in ("staging", "backup"))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


def _folder_id(folder: Path) -> list[int] | None:
    """Which folder is at this path (device and inode): the same after a rename, another one after a swap."""
    try:
        info = os.stat(folder, follow_symlinks=False)
    except OSError:
        return None
    return [info.st_dev, info.st_ino]


def _trusted(record, site: Path) -> bool:
    try:
        if Path(record["site"]) != site or not isinstance(record["docs"], str):
            return False
        for key in ("staging", "backup"):  # what a roll back moves files out of: the build's own, beside site/
            path = Path(record[key])
            if ".." in path.parts or site.parent not in path.parents \
                    or not path.relative_to(site.parent).parts[0].startswith(".briefing-"):
                return False
        return all(_inside(path) for path, _ in record["written"]) and all(_inside(path) for path in record["gone"])
    except (KeyError, TypeError, ValueError):
        return False


def _inside(path) -> bool:
    """Whether a journal's file path stays inside the folder it is relative to."""
    return isinstance(path, str) and not path.startswith("/") and ".." not in path.split("/")
