"""Old trees out of the build's way (builder.pipeline.trash): the previous docs/ and site/ are renamed into a
trash folder and removed in the background, and the remover never reaches past the build's own folders."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from builder.config import load_config, with_overrides
from builder.pipeline import trash
from builder.pipeline.build import build
from builder.pipeline.output import clean_leftovers


def _editors_files(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes()
            for folder in ("content", "data") for p in sorted((project / folder).rglob("*")) if p.is_file()}


def test_a_build_leaves_the_previous_trees_to_the_trash_and_they_go(sample_project):
    config, problems = load_config(sample_project)
    assert not problems
    config = with_overrides(config, cache=sample_project / ".cache")
    editors = _editors_files(sample_project)
    build(config)
    first_page = sample_project / "site/index.html"
    inode = first_page.stat().st_ino
    build(replace(config, cache=None))  # a full build: both trees replaced as a whole
    assert first_page.stat().st_ino != inode  # the site is a new tree
    trash.wait_for_removals(timeout=120)
    assert not list(sample_project.glob(".briefing-*")), list(sample_project.glob(".briefing-*"))
    assert _editors_files(sample_project) == editors


def test_the_remover_follows_no_link_and_removes_only_trash_folders(tmp_path):
    editors = tmp_path / "content"
    (editors / "articles").mkdir(parents=True)
    article = editors / "articles" / "kept.txt"
    article.write_text("An editor's article.\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("Not the build's.\n", encoding="utf-8")

    old = tmp_path / "old-site"
    (old / "people").mkdir(parents=True)
    (old / "people" / "index.html").write_text("previous", encoding="utf-8")
    (old / "content").symlink_to(editors, target_is_directory=True)
    (old / "link.txt").symlink_to(outside)
    made = trash.discard(old)
    assert made is not None and made.name.startswith(trash.PREFIX) and not old.exists()
    # Not trash: a folder of another name, a link named like a trash folder, and the editors' folder itself.
    lookalike = tmp_path / f"{trash.PREFIX}{os.getpid()}-abc"
    lookalike.symlink_to(editors, target_is_directory=True)
    other = tmp_path / ".briefing-trash-none"
    other.mkdir()
    trash.remove([str(editors), str(lookalike), str(other), str(tmp_path / "content" / "articles")])
    trash.wait_for_removals(timeout=60)
    assert not made.exists()
    assert article.read_text(encoding="utf-8") == "An editor's article.\n"
    assert outside.read_text(encoding="utf-8") == "Not the build's.\n"
    assert lookalike.is_symlink() and other.is_dir()


def test_a_trash_folder_whose_remover_was_stopped_goes_at_the_next_build(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    stopped = tmp_path / f"{trash.PREFIX}{_dead_pid()}-xyz"
    (stopped / "old" / "articles").mkdir(parents=True)
    (stopped / "old" / "articles" / "index.html").write_text("previous", encoding="utf-8")
    clean_leftovers(site)
    trash.wait_for_removals(timeout=60)
    assert not stopped.exists() and site.is_dir()


def test_the_remover_runs_as_a_process_of_its_own(tmp_path):
    folder = tmp_path / f"{trash.PREFIX}1-abc"
    (folder / "a").mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "builder.pipeline.trash", str(folder), str(tmp_path)], check=True, timeout=60)
    assert not folder.exists() and tmp_path.is_dir()


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_only_a_dead_builds_own_folders_beside_the_output_are_cleared(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    dead = 4194305  # above the largest process id Linux gives: no such process
    leftover = tmp_path / f".briefing-build-{dead}-k3x_9q2a"
    (leftover / "docs").mkdir(parents=True)
    # Someone's own folders, named alike: not made by a build, so never the build's to remove.
    theirs = [tmp_path / f".briefing-drafts-{dead}-old", tmp_path / f".briefing-site-{dead}-old-copy"]
    for folder in theirs:
        folder.mkdir()
        (folder / "note.md").write_text("An editor's draft.\n", encoding="utf-8")
    clean_leftovers(site)
    trash.wait_for_removals(timeout=60)
    assert not leftover.exists()
    assert all((folder / "note.md").read_text(encoding="utf-8") == "An editor's draft.\n" for folder in theirs)
