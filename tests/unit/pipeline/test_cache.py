"""The annotation cache: nothing changed -> nothing re-annotated; one article changed -> one; a
knowledge-base change re-runs the rules but not spaCy; damaged or deleted entries are recomputed."""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from builder.pipeline.generate import Report, generate
from builder.pipeline.cache import DATABASE, Cache, _canonical, digest
from builder.cli import main
from builder.config import load_config, with_overrides
from tests.conftest import ROOT

PERSON = """
- id: ioana-test-person
  name: Alexei Varlamov
  role: Photographer
"""


@pytest.fixture
def project(tmp_path):
    """A copy of the sample archive's articles and knowledge base, with its own cache folder."""
    shutil.copytree(ROOT / "content" / "articles", tmp_path / "articles")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(tmp_path / "articles",), data=tmp_path / "data", notes=tmp_path / "none",
                            cache=tmp_path / "cache", processes=1)
    return config, tmp_path


def run(config):
    report = Report()
    archive, _ = generate(config, report)
    return report, {i.article.source: i.annotation for i in archive.articles}


def test_second_build_reuses_everything_and_a_changed_article_is_annotated_again(project):
    config, tmp = project
    first, fresh = run(config)
    total = first.articles
    assert total >= 12 and (first.cached, first.annotated) == (0, total) and first.model_runs >= 6

    again, reused = run(config)
    assert (again.cached, again.annotated, again.model_runs) == (total, 0, 0)
    assert reused == fresh

    changed = tmp / "articles" / "2024-11-11-peskov-sanctions-race.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSergey Lavrov said nothing new.\n", encoding="utf-8")
    one, _ = run(config)
    assert (one.cached, one.annotated, one.model_runs) == (total - 1, 1, 1)


def test_knowledge_base_change_re_resolves_without_the_model(project):
    config, tmp = project
    run(config)
    with open(tmp / "data" / "people.yml", "a", encoding="utf-8") as out:
        out.write(PERSON)
    report, annotations = run(config)
    assert (report.cached, report.annotated, report.model_runs) == (0, report.articles, 0)
    _, uncached = run(with_overrides(config, cache=tmp / "fresh-cache"))
    assert annotations == uncached


def _database(folder):
    return sqlite3.connect(folder / DATABASE, isolation_level=None)


def test_damaged_and_deleted_entries_are_recomputed_never_read_back(project):
    config, tmp = project
    first, fresh = run(config)
    with _database(tmp / "cache") as db:
        keys = [key for key, in db.execute("SELECT key FROM entries WHERE kind = 'annotations' ORDER BY key")]
        # cut short (as a disk error would), changed so that it still parses but is wrong, deleted
        db.execute("UPDATE entries SET value = substr(value, 1, 40) WHERE key = ?", (keys[0],))
        db.execute("UPDATE entries SET value = replace(value, '\"mentions\":1', '\"mentions\":7') WHERE key = ?", (keys[1],))
        db.execute("UPDATE entries SET value = replace(value, '\"id\":\"', '\"id\":\"x') WHERE key = ?", (keys[1],))
        db.execute("DELETE FROM entries WHERE key = ?", (keys[2],))
    report, annotations = run(config)
    assert (report.cached, report.annotated) == (report.articles - 3, 3) and report.cache_ignored == 2
    assert annotations == fresh

    with _database(tmp / "cache") as db:
        db.execute("UPDATE entries SET value = '{not json' WHERE kind = 'spans'")
        db.execute("DELETE FROM entries WHERE kind = 'annotations'")
    report, annotations = run(config)
    assert report.model_runs == first.model_runs and annotations == fresh

    shutil.rmtree(tmp / "cache")
    report, annotations = run(config)
    assert (report.cached, report.annotated) == (0, report.articles) and annotations == fresh


@pytest.mark.parametrize("damage", ["garbage", "fifo", "link", "other layout"])
def test_a_database_that_cannot_be_used_is_said_and_everything_is_made_again(project, damage):
    config, tmp = project
    _, fresh = run(config)
    database = tmp / "cache" / DATABASE
    for path in tmp.joinpath("cache").glob(DATABASE + "*"):
        path.unlink()
    if damage == "garbage":
        database.write_bytes(b"not a database, " * 100)
    elif damage == "fifo":
        os.mkfifo(database)  # would block a reader that opened it
    elif damage == "link":
        database.symlink_to("/dev/zero")
    else:  # a database of another program, or of a later layout
        sqlite3.connect(database, isolation_level=None).execute("CREATE TABLE entries (name TEXT PRIMARY KEY)")
    report, annotations = run(config)
    assert (report.cached, report.annotated) == (0, report.articles) and annotations == fresh
    # Not "one damaged entry": the whole cache was unused, and the user is told why and what to do.
    said = [p for p in report.problems if p.path.endswith(DATABASE)]
    assert len(said) == 1 and said[0].severity == "warning" and report.cache_ignored == 0, report.problems
    assert "could not be used" in said[0].message and "delete" in said[0].message


def _old_entry(folder, kind: str, key: str, value) -> Path:
    """An entry as the cache's earlier layout wrote it: one JSON file."""
    path = folder / kind / key[:2] / f"{key}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"key": key, "sha256": digest(_canonical(value)), "value": value}), encoding="utf-8")
    return path


def test_cache_entries_round_trip_and_reject_other_keys(tmp_path):
    cache = Cache(tmp_path)
    cache.put("spans", "ab" * 32, [[0, 5, "PERSON", "Putin"]])
    assert cache.get("spans", "ab" * 32) == [[0, 5, "PERSON", "Putin"]]
    assert cache.get("annotations", "ab" * 32) is None  # the same key, another kind
    assert Cache(None).get("spans", "ab" * 32) is None
    # The earlier layout is read, checked as before, and copied into the database.
    old = _old_entry(tmp_path, "spans", "cd" * 32, [[1, 6, "PERSON", "Peskov"]])
    old.rename(old.with_name(f"{'cd' * 31}ef.json"))
    assert cache.get("spans", "cd" * 31 + "ef") is None and cache.ignored == 1  # under a name that is not its key
    _old_entry(tmp_path, "spans", "cd" * 32, [[1, 6, "PERSON", "Peskov"]]).write_text("{not json", encoding="utf-8")
    assert cache.get("spans", "cd" * 32) is None and cache.ignored == 2
    migrated = _old_entry(tmp_path, "spans", "cd" * 32, [[1, 6, "PERSON", "Peskov"]])
    assert cache.get("spans", "cd" * 32) == [[1, 6, "PERSON", "Peskov"]]
    migrated.unlink()
    assert Cache(tmp_path).get("spans", "cd" * 32) == [[1, 6, "PERSON", "Peskov"]]


def _write_many(folder: str, start: int) -> None:
    cache = Cache(Path(folder))
    for number in range(start, start + 200):
        cache.put("spans", f"{number:064x}", [[number, number + 5, "PERSON", "Putin"]])


def test_processes_share_the_cache(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_many, args=(str(tmp_path), start)) for start in (0, 100, 200)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(300)
        assert writer.exitcode == 0
    cache = Cache(tmp_path)
    assert all(cache.get("spans", f"{n:064x}") == [[n, n + 5, "PERSON", "Putin"]] for n in range(400))
    assert cache.ignored == 0


def test_cli_cache_options(tmp_path, capsys):
    article = ROOT / "content" / "articles" / "2024-11-11-peskov-sanctions-race.txt"
    assert main(["--root", str(ROOT), "annotate", str(article), "--json", "--cache", str(tmp_path / "c")]) == 0
    with _database(tmp_path / "c") as db:
        assert db.execute("SELECT count(*) FROM entries WHERE kind = 'annotations'").fetchone()[0] == 1
    assert main(["--root", str(ROOT), "annotate", str(article), "--json", "--no-cache"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[0] == out[1] and "dmitry-peskov" in out[0]


def test_unchanged_files_are_not_read_again_and_changed_or_corrected_ones_are(project, monkeypatch):
    import builder.pipeline.generate

    config, tmp_path = project
    first, annotations = run(config)
    articles = {i.article.source: i.article for i in generate(config, Report())[0].articles}
    read = []
    real = builder.pipeline.generate.read_article

    def counting(path, *args):
        read.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(builder.pipeline.generate, "read_article", counting)
    again, annotations_again = run(config)
    assert read == [] and annotations_again == annotations
    assert {i.article.source: i.article for i in generate(config, Report())[0].articles} == articles
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]  # warnings come back too
    changed = tmp_path / "articles" / "2024-11-11-peskov-sanctions-race.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    corrected = sorted((tmp_path / "articles").glob("*.txt"))[0]
    corrected.write_text("---\ntopics: {remove: [sanctions]}\n---\n" + corrected.read_text(encoding="utf-8"),
                         encoding="utf-8")
    run(config)
    run(config)
    # A header that corrects the annotation is read every time; plain header fields (outlet…) are stored.
    assert sorted(read) == sorted([changed.name, corrected.name, corrected.name])


def test_a_locked_cache_is_still_read_and_its_failed_write_is_said_once(project, monkeypatch):
    import builder.pipeline.cache

    config, tmp = project
    _, fresh = run(config)
    changed = tmp / "articles" / "2024-11-11-peskov-sanctions-race.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSergey Lavrov said nothing new.\n", encoding="utf-8")
    monkeypatch.setattr(builder.pipeline.cache, "BUSY_SECONDS", 0.2)  # a write waits this long for the lock
    holder = _database(tmp / "cache")
    holder.execute("BEGIN EXCLUSIVE")  # another process writing, for longer than a write waits
    try:
        report, annotations = run(config)
    finally:
        holder.rollback()
        holder.close()
    assert (report.cached, report.annotated) == (report.articles - 1, 1)  # what it holds was read
    said = [p for p in report.problems if p.path.endswith(DATABASE)]
    assert len(said) == 1 and said[0].severity == "warning", report.problems  # a warning: --strict ignores it
    assert said[0].message.startswith("the annotation cache could not be written (database is locked): this "
                                      "build's annotations are not kept"), said[0].message
    again, _ = run(config)
    assert (again.annotated, again.model_runs) == (1, 1) and not [p for p in again.problems if p.path.endswith(DATABASE)]
    assert annotations.keys() == fresh.keys()


DISK_FULL = """
import resource, signal, sys
from pathlib import Path
from builder.cli import main
from builder.config import load_config
from builder.sources.langid import identify

identify("", load_config(Path(sys.argv[1]))[0].languages)  # py3langid unpacks its model into a file: before the limit
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing the process
resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))  # no file grows past 40 kB: a full disk
sys.exit(main(["--root", *sys.argv[1:]]))
"""
"""`briefing --root ROOT ...` on a disk that fills up once the program is loaded."""


def _not_the_owner() -> None:
    """In the child: file permissions hold for it, even as root (which may write anything while it has
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: dropped from its bounding set, the program it runs has neither)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _annotate(cache: Path | None, articles: list[Path], trouble: str = "") -> subprocess.CompletedProcess:
    """`briefing annotate --json` in a process of its own: on a full disk, or as a user who may not write the cache."""
    program = ["-c", DISK_FULL] if trouble == "disk full" else ["-m", "builder", "--root"]
    where = ["--cache", str(cache)] if cache else ["--no-cache"]
    return subprocess.run([sys.executable, *program, str(ROOT), "annotate", *map(str, articles), "--json", *where],
                          capture_output=True, text=True, timeout=600, cwd=ROOT,
                          preexec_fn=_not_the_owner if trouble.startswith("read-only") else None)


@pytest.fixture(scope="module")
def three_articles() -> tuple[list[Path], str]:
    """Three of the sample archive's articles and their annotations (`annotate --json`) without a cache."""
    articles = sorted((ROOT / "content" / "articles").glob("*.txt"))[4:7]
    expected = _annotate(None, articles)
    assert expected.returncode == 0 and expected.stdout.count("\n") == 3, expected.stderr
    return articles, expected.stdout


@pytest.mark.parametrize("trouble", ["disk full", "read-only database", "read-only folder"])
def test_a_cache_that_cannot_be_written_is_said_once_and_the_annotations_are_the_same(three_articles, trouble, tmp_path):
    articles, expected = three_articles
    folder = tmp_path / "cache"
    if trouble != "disk full":
        assert _annotate(folder, articles[:2]).returncode == 0  # a cache made earlier, by its owner
        (folder / DATABASE).chmod(0o444)
        if trouble == "read-only folder":
            folder.chmod(0o555)
    try:
        done = _annotate(folder, articles, trouble)
    finally:
        if folder.exists():
            folder.chmod(0o755)
    assert done.returncode == 0 and done.stdout == expected, done.stderr
    said = [line for line in done.stderr.splitlines() if DATABASE in line]
    assert len(said) == 1 and ": warning: the annotation cache could not be " in said[0], done.stderr
    why = {"disk full": "written (disk I/O error): this build's annotations are not kept",
           "read-only database": "written (attempt to write a readonly database): this build's annotations are not kept",
           "read-only folder": "used (attempt to write a readonly database), so every article was annotated afresh"}
    assert why[trouble] in said[0] and ("free some disk space" if trouble == "disk full" else "writable") in said[0]
