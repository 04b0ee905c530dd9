"""A site updated in place with a journal (builder.pipeline.journal): a rebuild moves only what changed into
site/, and a build that fails or is killed part way leaves, or has the next build put back, the previous site
byte for byte; an update in place gives what a full build gives, file for file and folder for folder."""

from __future__ import annotations

import json
import multiprocessing
import os
from dataclasses import replace
from pathlib import Path

import pytest

from builder.config import load_config, with_overrides
from builder.pipeline import journal, trash
from builder.pipeline.build import build

ADDED = "\n\nKremlin spokesman Dmitry Peskov said: \"The talks will go on next week in Geneva.\"\n"


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under root."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def configure(project: Path):
    config, problems = load_config(project)
    assert not problems
    return with_overrides(config, cache=project / ".cache")


def change_articles(project: Path) -> None:
    """One article edited, one removed (its page and folder go), as an editor would."""
    articles = project / "content/articles"
    edited = articles / "2024-11-11-peskov-sanctions-race.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    sorted(articles.glob("*.txt"))[0].unlink()


def _killed_build(config, moves: int) -> None:
    """In a child process: the build, killed (no clean-up runs) after `moves` files were moved into the site."""
    def stop(count: int) -> None:
        if count >= moves:
            os._exit(9)

    journal._after_move = stop
    build(config)
    os._exit(0)


def _killed_after_docs(config) -> None:
    """In a child process: the build, killed right after the new docs/ was swapped in."""
    swap = journal.swap_in

    def swap_then_die(new, target):
        swap(new, target)
        os._exit(9)

    journal.swap_in = swap_then_die
    build(config)
    os._exit(0)


def _run_child(target, *args) -> int:
    child = multiprocessing.get_context("fork").Process(target=target, args=args)
    child.start()
    child.join(600)
    return child.exitcode


@pytest.mark.parametrize("shards", ["off", "12"])
def test_a_rebuild_in_place_equals_a_full_build_and_moves_only_what_changed(sample_project, tmp_path, shards):
    config = replace(configure(sample_project), search_part_mb=1, shards=shards)
    build(config)
    site = sample_project / "site"
    kept_page = site / "people" / "dmitry-peskov" / "index.html"
    untouched = {p: p.stat().st_ino for p in site.rglob("*.html") if "articles/2024-11-11-peskov" not in str(p)}
    change_articles(sample_project)
    again = build(config)
    assert "update" in again.timings and 0 < again.reused_pages < again.pages
    full = build(replace(config, cache=None, site=tmp_path / "full" / "site", docs=tmp_path / "full" / "docs"))
    assert full.reused_pages == 0
    trash.wait_for_removals(timeout=120)
    assert tree(site) == tree(tmp_path / "full" / "site")
    assert tree(sample_project / "docs") == tree(tmp_path / "full" / "docs")
    # Pages whose HTML was taken over were left where they were (the same file), not copied.
    same = [p for p, inode in untouched.items() if p.exists() and p.stat().st_ino == inode]
    assert len(same) >= again.reused_pages - 10 and kept_page.is_file()
    assert not journal.journal_path(site).exists() and not list(sample_project.glob(".briefing-*"))


@pytest.mark.parametrize("moves", [1, 5])
def test_a_build_killed_while_updating_the_site_is_rolled_back_by_the_next(sample_project, tmp_path, moves):
    config = configure(sample_project)
    build(config)
    site, docs = sample_project / "site", sample_project / "docs"
    site_before, docs_before = tree(site), tree(docs)
    change_articles(sample_project)

    assert _run_child(_killed_build, config, moves) == 9
    record = json.loads(journal.journal_path(site).read_text(encoding="utf-8"))
    assert len(record["written"]) > moves  # it was stopped part way through the update
    assert tree(site) != site_before  # half old, half new until the next build comes
    assert journal.recover(site.resolve()) == "rolled back"
    assert tree(site) == site_before and tree(docs) == docs_before
    assert not journal.journal_path(site).exists()

    build(config)  # and the next build is right
    build(replace(config, cache=None, site=tmp_path / "full" / "site", docs=tmp_path / "full" / "docs"))
    assert tree(site) == tree(tmp_path / "full" / "site") and tree(docs) == tree(tmp_path / "full" / "docs")


def test_a_build_killed_once_the_update_was_complete_is_finished_by_the_next(sample_project):
    config = configure(sample_project)
    build(config)
    site, docs = sample_project / "site", sample_project / "docs"
    change_articles(sample_project)
    assert _run_child(_killed_after_docs, config) == 9
    assert journal.journal_path(site).exists()
    site_after, docs_after = tree(site), tree(docs)
    assert journal.recover(site.resolve()) == "finished"
    assert tree(site) == site_after and tree(docs) == docs_after and not journal.journal_path(site).exists()
    assert "Geneva" in (site / "articles/2024-11-11-peskov-sanctions-race/index.html").read_text(encoding="utf-8")


def test_an_update_that_fails_part_way_is_rolled_back_at_once(sample_project, monkeypatch):
    config = configure(sample_project)
    build(config)
    site, docs = sample_project / "site", sample_project / "docs"
    site_before, docs_before = tree(site), tree(docs)
    change_articles(sample_project)

    def fail(count: int) -> None:
        if count == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "_after_move", fail)
    with pytest.raises(OSError):
        build(config)
    assert tree(site) == site_before and tree(docs) == docs_before
    assert not journal.journal_path(site).exists()


def test_a_journal_naming_other_folders_is_not_followed(tmp_path):
    site, docs = tmp_path / "site", tmp_path / "docs"
    site.mkdir()
    docs.mkdir()
    elsewhere = tmp_path / "content"
    elsewhere.mkdir()
    (elsewhere / "article.txt").write_text("An editor's article.\n", encoding="utf-8")
    record = {"site": str(site), "docs": str(docs), "staging": str(elsewhere), "backup": str(elsewhere),
              "new_docs": str(elsewhere), "docs_digest": "", "written": [["article.txt", False]], "gone": []}
    journal.journal_path(site).write_text(json.dumps(record), encoding="utf-8")
    (site / "article.txt").write_text("published\n", encoding="utf-8")
    assert journal.recover(site) is None
    assert (elsewhere / "article.txt").read_text(encoding="utf-8") == "An editor's article.\n"
    assert (site / "article.txt").read_text(encoding="utf-8") == "published\n"
    assert not journal.journal_path(site).exists()


def _killed_between_moves(config, moves: int) -> None:
    """In a child process: the build, killed after it moved `moves` files of the site aside into the backup
    and before the last of them was replaced (a kill can come between any two renames)."""
    move = journal._move
    count = 0

    def move_then_die(source, target):
        nonlocal count
        move(source, target)
        if Path(target).is_relative_to(Path(config.site).resolve().parent) and "backup" in Path(target).parts:
            count += 1
            if count >= moves:
                os._exit(9)

    journal._move = move_then_die
    build(config)
    os._exit(0)


def test_a_rebuild_of_unchanged_articles_killed_between_two_renames_is_rolled_back(sample_project):
    # The new docs/ is then byte for byte the published one (the same digest): only whether it was swapped
    # in tells a finished update from one stopped part way.
    config = configure(sample_project)
    build(config)
    site, docs = sample_project / "site", sample_project / "docs"
    site_before, docs_before = tree(site), tree(docs)
    assert _run_child(_killed_between_moves, config, 2) == 9
    assert tree(site) != site_before  # a file of the site is in the backup, its new copy not yet in place
    assert journal.recover(site.resolve()) == "rolled back"
    assert tree(site) == site_before and tree(docs) == docs_before


def test_a_build_of_other_folders_leaves_a_killed_builds_backup_for_its_own_next_build(sample_project):
    config = configure(sample_project)
    build(config)
    site, docs = sample_project / "site", sample_project / "docs"
    site_before = tree(site)
    change_articles(sample_project)
    assert _run_child(_killed_build, config, 5) == 9
    # A build of another site and docs/ beside them (its own lock) clears the leftovers of dead builds there.
    build(replace(config, site=sample_project / "site-2", docs=sample_project / "docs-2"))
    trash.wait_for_removals(timeout=120)
    assert journal.recover(site.resolve()) == "rolled back"
    assert tree(site) == site_before


def test_a_link_to_a_folder_in_the_site_is_replaced_not_written_through(sample_project, tmp_path):
    config = configure(sample_project)
    build(config)
    site = sample_project / "site"
    outside = tmp_path / "elsewhere"
    (site / "people").rename(outside)  # someone's own folder, linked into the published site
    (site / "people").symlink_to(outside, target_is_directory=True)
    theirs = tree(outside)
    change_articles(sample_project)
    build(config)
    assert tree(outside) == theirs  # nothing written, replaced or removed through the link
    assert not (site / "people").is_symlink() and (site / "people" / "dmitry-peskov" / "index.html").is_file()
    build(replace(config, cache=None, site=tmp_path / "full" / "site", docs=tmp_path / "full" / "docs"))
    assert tree(site) == tree(tmp_path / "full" / "site")


def test_when_the_roll_back_fails_too_its_backup_waits_for_the_next_build(sample_project, monkeypatch):
    config = configure(sample_project)
    build(config)
    site = sample_project / "site"
    site_before = tree(site)
    change_articles(sample_project)
    roll_back = journal.rollback

    def fail(count: int) -> None:
        if count == 3:
            raise OSError(28, "No space left on device")

    def fail_too(record) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "_after_move", fail)
    monkeypatch.setattr(journal, "rollback", fail_too)
    with pytest.raises(OSError):
        build(config)
    trash.wait_for_removals(timeout=120)
    monkeypatch.setattr(journal, "rollback", roll_back)
    assert journal.recover(site.resolve()) == "rolled back"
    assert tree(site) == site_before
