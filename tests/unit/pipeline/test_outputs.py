"""Where a build may write (builder.pipeline.outputs, issue 12): --site and --docs never replace the project, an
editors' folder or a folder no build made; one build per output at a time; an older build never
replaces a newer site. Destructive cases run in a temporary copy of the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.cli import main
from tests.e2e.test_cli import make_project

ARTICLES = "content/articles"


def everything(folder: Path) -> dict[str, str]:
    """Every file and folder under folder (the parent of the project included), with the files' hashes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def project(tmp_path) -> Path:
    root = make_project(tmp_path)
    (root / ".git").mkdir()
    (root / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "userdir").mkdir()
    (root / "userdir/important.txt").write_text("precious\n", encoding="utf-8")
    (root / "notes.txt").write_text("a file\n", encoding="utf-8")
    (root / "more").mkdir()
    (root / "more/extra.txt").write_text("Extra talks\nDmitry Peskov said the talks went on.\n", encoding="utf-8")
    (tmp_path / "sibling").mkdir()
    (tmp_path / "sibling/keep.txt").write_text("keep\n", encoding="utf-8")
    return root


EDITORS = "which holds the editors' files; nothing is ever written there. Choose another folder."
REFUSED = [  # options -> the whole message
    (["--site", "content"], f"briefing: refusing --site content: it is content, {EDITORS}"),
    (["--site", "data"], f"briefing: refusing --site data: it is data, {EDITORS}"),
    (["--docs", "content"], f"briefing: refusing --docs content: it is content, {EDITORS}"),
    (["--docs", "content/articles/gen"], f"briefing: refusing --docs content/articles/gen: it is inside content, {EDITORS}"),
    (["--site", ".git"], f"briefing: refusing --site .git: it is .git, {EDITORS}"),
    (["--articles", "more", "--site", "more/site"], f"briefing: refusing --site more/site: it is inside more, {EDITORS}"),
    (["--site", "out", "--data", "out/data"], f"briefing: refusing --site out: it contains out/data, {EDITORS}"),
    (["--docs", "."], "briefing: refusing --docs .: it is the project folder or contains it, and the build replaces the "
                      "whole folder. Choose a folder of its own, such as site/."),
    (["--site", ".."], "briefing: refusing --site {parent}: it is the project folder or contains it, and the build "
                       "replaces the whole folder. Choose a folder of its own, such as site/."),
    (["--site", "userdir"], "briefing: refusing --site userdir: the folder holds files that no build made (there is no "
                            ".briefing-build.json in it), and the build replaces the whole folder. Delete or move it, or "
                            "choose another folder."),
    (["--site", "notes.txt"], "briefing: refusing --site notes.txt: it is a file, not a folder. Give a folder (missing, "
                              "empty, or an earlier build's output)."),
    (["--site", "docs"], "briefing: refusing --docs docs: it is the same folder as --site docs; the two must be separate folders."),
    (["--site", "out", "--docs", "out/docs"], "briefing: refusing --docs out/docs: it is inside --site out; the two must be "
                                              "separate folders."),
    (["--cache", "data/cache"], f"briefing: refusing --cache data/cache: it is inside data, {EDITORS}"),
]


@pytest.mark.parametrize("options, message", REFUSED, ids=[" ".join(o) for o, _ in REFUSED])
def test_a_target_that_is_not_build_output_is_refused_before_any_work(project, capsys, monkeypatch, options, message):
    before = everything(project.parent)
    monkeypatch.chdir(project)  # the options are given as a user types them, relative to the project
    code = main(["--root", str(project), "build", *options])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == message.format(parent=project.parent), err
    assert everything(project.parent) == before  # nothing touched: no folder, no lock, no cache


def test_default_and_earlier_output_folders_are_accepted_and_an_old_unmarked_site_is_not(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["--root", str(project), "build", "--no-cache"]) == 0  # site/ and docs/ do not exist yet
    assert main(["--root", str(project), "build", "--no-cache", "--site", "out/site", "--docs", "out/docs"]) == 0
    assert main(["--root", str(project), "build", "--no-cache", "--site", "out/site", "--docs", "out/docs"]) == 0
    assert (project / "out/site/articles/good/index.html").is_file()
    # A site from before builds left their record is replaced only once the user moved it away.
    (project / "site/.briefing-build.json").unlink()
    capsys.readouterr()
    assert main(["--root", str(project), "build", "--no-cache"]) == 1
    assert "briefing: refusing --site site: the folder holds files that no build made" in capsys.readouterr().err
    shutil.rmtree(project / "site")
    assert main(["--root", str(project), "build", "--no-cache"]) == 0


def test_add_and_suggest_write_refuse_what_is_not_theirs(project, capsys):
    fifo = project / "data/suggestions.yml"
    os.mkfifo(fifo)  # appending to it would hang
    assert main(["--root", str(project), "suggest", "--write", "--no-cache"]) == 1
    assert capsys.readouterr().err.strip() == ("briefing: refusing to write data/suggestions.yml: it is "
                                               "not a plain file (a folder, a link or a device); move it away first.")
    shutil.rmtree(project / ARTICLES)
    (project / ARTICLES).write_text("not a folder\n", encoding="utf-8")
    story = project / "story.txt"
    story.write_text("Talks go on\nDmitry Peskov said the talks went on.\n", encoding="utf-8")
    assert main(["--root", str(project), "add", str(story)]) == 1
    assert capsys.readouterr().err.strip() == ("briefing: refusing to add to content/articles: it is not a folder; move "
                                               "it away first.")


# --- one build at a time, and the newest wins ------------------------------------------------------------

def _start_build(project: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "builder", "--root", str(project), "build", "--no-cache"],
                            stdout=subprocess.DEVNULL, stderr=log.open("w"), env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _wait_for(condition, process: subprocess.Popen, what: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None and time.monotonic() < deadline, f"the build ended before {what}"
        time.sleep(0.005)


def test_a_second_build_is_refused_while_one_runs_and_an_older_build_never_replaces_a_newer_site(tmp_path, corpus):
    project = make_project(tmp_path)
    for path in sorted((corpus / "whitehouse_en").glob("*.txt"))[:30]:  # enough English for the model to take a while
        shutil.copy(path, project / ARTICLES / path.name)
    log_a = tmp_path / "a.log"
    first = _start_build(project, log_a)
    try:
        _wait_for(lambda: "annotate: " in log_a.read_text(encoding="utf-8"), first, "annotating")
        first.send_signal(signal.SIGSTOP)

        second = subprocess.run([sys.executable, "-m", "builder", "--root", str(project), "build", "--no-cache"],
                                capture_output=True, text=True)
        assert second.returncode == 1
        assert f"is being built by another build (process {first.pid}, started " in second.stderr, second.stderr
        assert second.stderr.strip().endswith("; wait for it to finish, or stop it.")

        # The lock is lost (its file removed, say): the next build runs, and publishes a newer article.
        for lock in project.glob(".*.briefing.lock"):
            if lock.suffix != ".json":
                lock.unlink()
        good = project / ARTICLES / "good.txt"
        good.write_text(good.read_text(encoding="utf-8") + "\nA paragraph added while the first build waited.\n",
                        encoding="utf-8")
        third = subprocess.Popen([sys.executable, "-m", "builder", "--root", str(project), "build", "--no-cache"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, err = third.communicate(timeout=600)
        assert third.returncode == 0, err
        page = project / "site/articles/good/index.html"
        assert "A paragraph added while the first build waited." in page.read_text(encoding="utf-8")
        published = everything(project / "site")
    finally:
        first.send_signal(signal.SIGCONT)
    assert first.wait(timeout=600) == 1
    message = log_a.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert message.startswith(f"briefing: --site site was replaced by another build (process {third.pid}, started "), message
    assert message.endswith("while this one ran; its newer output stays and this build's output was not published.")
    assert everything(project / "site") == published
    assert not list(project.glob(".briefing-build-*")) and not list(project.glob(".briefing-site-*"))
