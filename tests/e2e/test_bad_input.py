"""Issue 12: nothing crashed, whatever files the build is given. One bad article is that article's error
and the rest is published; YAML bombs are refused at once; `check` and `build` apply the same rules; a
broken knowledge-base file stops the build; notes are sanitised; killed builds leave no workers; damaged
cache entries are counted; `serve` survives an article that fails."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.serve import fetch, free_port, time_until
from builder.cli import main
from builder.pipeline.cache import DATABASE, Cache
from builder.config import load_config
from builder.sources.ingest import IngestError, ingest_text
from builder.sources.kb import load_kb
from builder.site.note_html import body_html, note_block
from builder.sources.notes import read_note
from builder.pipeline.serve import serve
from tests.e2e.test_cli import make_project

ARTICLES = "content/articles"
BODY = "Dmitry Peskov said on Friday that the talks would go on next week in Geneva.\n"
# Nine anchors of nine aliases: 485 bytes that expand to 9^9 strings.
BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")))


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def header(text: str) -> str:
    return "---\n" + text + "---\n" + BODY


BAD_ARTICLES = {  # file -> (content, the whole message printed for it)
    "far-future.txt": (header("title: Far future\ndate: 9999-12-31\n"),
                       "content/articles/far-future.txt:3: error: the header date 9999-12-31 is not between 1900 and 2100; "
                       "check the year."),
    "year-one.txt": (header("title: Year one\ndate: 0001-01-01\n"),
                     "content/articles/year-one.txt:3: error: the header date 0001-01-01 is not between 1900 and 2100; "
                     "check the year."),
    "twice.txt": (header("title: One\ndate: 2026-02-10\ntitle: Two\n"),
                  "content/articles/twice.txt:4: error: the header gives 'title' twice (first on line 2); keep one."),
    "set-title.txt": (header("title: !!set {a, b}\n"),
                      "content/articles/set-title.txt:2: error: the header title must be text, found a set; write it as plain text."),
    "map-title.txt": (header("title: {a: 1}\n"),
                      "content/articles/map-title.txt:2: error: the header title must be text, found a mapping; write it as plain text."),
    "list-title.txt": (header("title: [a, b]\n"),
                       "content/articles/list-title.txt:2: error: the header title must be text, found a list; write it as plain text."),
    "binary-title.txt": (header("title: !!binary aGVsbG8=\n"),
                         "content/articles/binary-title.txt:2: error: the header title must be text, found binary data; write it as "
                         "plain text."),
    "bomb.txt": ("---\n" + BOMB + "---\n" + BODY,
                 "content/articles/bomb.txt:2: error: the YAML header is not valid YAML (anchors and aliases are not allowed: "
                 "found &a; write the value out in full); fix it or remove it."),
    "loop.txt": (None, "content/articles/loop.txt: error: this link never reaches a file (it loops); remove it."),
    ".hidden.txt": (header("title: Hidden\n"),
                    "content/articles/.hidden.txt: warning: the file's name starts with '.', so it is hidden and not published; "
                    "rename it to publish it."),
}
GOOD_ARTICLES = {
    "with-time.txt": header("title: Talks at noon\ndate: 2026-02-10 12:30:00\n"),
    "odd-characters.txt": header('title: "Talks\\uFFFF in\\x01 Geneva\\uFFFE"\noutlet: "TASS\\x0c"\ndate: 2026-02-11\n').replace(
        "Geneva.", "Geneva\ufffe\uffff\x07."),
    "number-title.txt": header("title: 1984\ndate: 2026-02-12\n"),
}
WITH_TIME = ("content/articles/with-time.txt:3: warning: the header date '2026-02-10 12:30:00' has a time; only its day, "
             "2026-02-10, is used.")
PERSON = '- id: ivan-testov\n  name: "Ivan\\uFFFF Testov\\x07"\n  aliases: ["Ivan\\x01 Testov"]\n'


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("bad-input"))
    articles = project / ARTICLES
    for name, (content, _) in BAD_ARTICLES.items():
        if content is not None:
            (articles / name).write_text(content, encoding="utf-8")
    (articles / "loop.txt").symlink_to("loop.txt")
    for name, content in GOOD_ARTICLES.items():
        (articles / name).write_text(content, encoding="utf-8")
    with open(project / "data/people.yml", "a", encoding="utf-8") as people:
        people.write(PERSON)
    (articles / "testov.txt").write_text("Ivan Testov speaks\nIvan Testov said the talks went on.\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def bad_build(bad_project):
    started = time.monotonic()
    result = run_cli("--root", str(bad_project), "build", "--no-cache")
    return (*result, time.monotonic() - started)


@pytest.mark.parametrize("name", sorted(BAD_ARTICLES))
def test_one_bad_article_is_its_own_error_and_the_rest_is_published(bad_project, bad_build, name):
    code, _, err, _ = bad_build
    assert code == 0, err
    assert err.count(BAD_ARTICLES[name][1]) == 1, err
    site = bad_project / "site"
    for good in ("good", "with-time", "odd-characters", "number-title", "testov"):
        assert (site / "articles" / good / "index.html").is_file(), good
    assert not (site / "articles" / Path(name).stem).exists()


def test_dates_with_a_time_and_odd_characters_are_published_cleanly(bad_project, bad_build):
    _, _, err, _ = bad_build
    assert WITH_TIME in err
    docs = bad_project / "docs/articles"
    assert "date: '2026-02-10'" in (docs / "with-time.md").read_text(encoding="utf-8")
    odd = (docs / "odd-characters.md").read_text(encoding="utf-8")
    assert "Talks in Geneva" in odd and not any(c in odd for c in "\ufffe\uffff\x01\x07\x0c")
    assert "1984" in (docs / "number-title.md").read_text(encoding="utf-8")
    assert (bad_project / "site/people/ivan-testov/index.html").is_file()
    for feed in (bad_project / "site").glob("feed*.xml"):  # every feed parses as XML
        ET.fromstring(feed.read_bytes())
    assert "Talks in Geneva" in (bad_project / "site/feed.xml").read_text(encoding="utf-8")


def test_strict_fails_on_the_same_input_and_check_reports_the_same_errors(bad_project, bad_build):
    _, _, build_err, _ = bad_build
    code, _, err = run_cli("--root", str(bad_project), "build", "--no-cache", "--strict")
    assert code == 1 and "--strict is on; nothing was written" in err
    code, out, _ = run_cli("--root", str(bad_project), "check")
    assert code == 1
    for _, message in BAD_ARTICLES.values():
        assert message in out
    assert WITH_TIME in out


def test_annotate_json_takes_a_date_with_a_time_and_reports_an_impossible_one(bad_project):
    code, out, err = run_cli("--root", str(bad_project), "annotate", "--json", "--no-cache",
                             str(bad_project / ARTICLES / "with-time.txt"), str(bad_project / ARTICLES / "far-future.txt"))
    assert code == 1
    assert [json.loads(line)["date"] for line in out.splitlines()] == ["2026-02-10"]
    assert BAD_ARTICLES["far-future.txt"][1] in err and "Traceback" not in err


# --- YAML bombs ------------------------------------------------------------------------------------------

def test_yaml_anchors_are_refused_at_once_in_headers_notes_and_the_knowledge_base(tmp_path):
    started = time.monotonic()
    with pytest.raises(IngestError) as refused:
        ingest_text("---\n" + BOMB + "---\n" + BODY, "bomb.txt", "bomb")
    assert str(refused.value.problem) == BAD_ARTICLES["bomb.txt"][1].replace("content/articles/", "")
    note = tmp_path / "bomb.md"
    note.write_text("---\n" + BOMB + "about: [person/dmitry-peskov]\n---\nBody.\n", encoding="utf-8")
    assert [str(p) for p in read_note(note, "bomb.md")[1]] == [
        "bomb.md:2: error: the front matter is not valid YAML (anchors and aliases are not allowed: found &a; write the "
        "value out in full)."]
    (tmp_path / "data").mkdir()
    (tmp_path / "data/people.yml").write_text("- id: x\n  name: X\n  aliases: &x [a]\n- id: y\n  name: Y\n  aliases: *x\n",
                                              encoding="utf-8")
    _, problems = load_kb(tmp_path / "data", tmp_path)
    assert [str(p) for p in problems] == ["data/people.yml:3: error: this is not valid YAML: anchors and aliases are not "
                                          "allowed: found &x; write the value out in full."]
    assert time.monotonic() - started < 2


# --- check and build share their rules --------------------------------------------------------------------

def test_check_fails_what_build_strict_fails(tmp_path):
    project = make_project(tmp_path)
    articles = project / ARTICLES
    (articles / "unknown-speaker.txt").write_text(
        "---\nquotes:\n  - text: the document left\n    speaker: nobody-known\n---\n"
        "Peskov rejects US claims\nDmitry Peskov said on Friday that the document left little room for hope.\n",
        encoding="utf-8")
    with open(articles / "big-header.txt", "w", encoding="utf-8") as big:
        big.write("---\ntitle: " + "x" * 600_000 + "\n---\n" + BODY)
    expected = ["content/articles/unknown-speaker.txt:3: error: the quote's speaker 'nobody-known' is neither in "
                "data/people.yml nor found in this article.",
                "content/articles/big-header.txt: error: the file is too large to be one article (0.6 MB; the limit is 500 kB); "
                "split it into several files or remove it."]
    code, out, _ = run_cli("--root", str(project), "check")
    assert code == 1
    code_build, _, err = run_cli("--root", str(project), "build", "--no-cache", "--strict")
    assert code_build == 1
    for message in expected:
        assert message in out.splitlines(), out
        assert message in err.splitlines(), err


# --- the knowledge base --------------------------------------------------------------------------------------

def test_a_broken_knowledge_base_file_fails_the_build_and_one_bad_entry_is_left_out(tmp_path):
    project = make_project(tmp_path)
    assert run_cli("--root", str(project), "build", "--no-cache")[0] == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    people = project / "data/people.yml"
    original = people.read_text(encoding="utf-8")
    people.write_text(original + "- id: broken\n  name: [unclosed\n", encoding="utf-8")
    line = original.count("\n") + 2
    code, _, err = run_cli("--root", str(project), "build", "--no-cache")
    assert code == 1
    assert f"data/people.yml:{line}: error: this is not valid YAML" in err
    assert err.strip().endswith("briefing: build failed: the knowledge base could not be read (data/people.yml); fix it "
                                "and build again. The previous site stays as it was.")
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before

    # A key given twice is confined to its entry: that entry is left out, the rest of the file is read.
    people.write_text(original + "- id: twice\n  name: One\n  name: Two\n", encoding="utf-8")
    code, _, err = run_cli("--root", str(project), "build", "--no-cache")
    assert code == 0
    assert (f"data/people.yml:{line + 1}: error: 'name' is given twice in this entry (first on line {line}); keep one. "
            "The entry is left out.") in err
    assert (project / "site/people/dmitry-peskov/index.html").is_file()
    assert "Kremlin" in (project / "site/people/dmitry-peskov/index.html").read_text(encoding="utf-8")
    assert run_cli("--root", str(project), "build", "--no-cache", "--strict")[0] == 1


# --- editors' notes are sanitised ----------------------------------------------------------------------------

HOSTILE_NOTE = """---
title: <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">
author: Ana Pop
about: [person/dmitry-peskov]
---
Read the *transcript* and the **reply**, see [the source](https://example.org/a), [mail](mailto:desk@example.org),
[another page](../events/anchorage-summit-2025/) and [a trap](javascript:window.__pwned=3).

- one
- two

<script>window.__pwned = 4</script>
<img src="x" onerror="window.__pwned = 5">
<a href="https://example.org" onclick="window.__pwned = 6">click</a>

> quoted `code`
"""


def test_a_note_keeps_links_emphasis_and_lists_and_loses_scripts(tmp_path):
    html = body_html(read_note(_write(tmp_path / "n.md", HOSTILE_NOTE), "n.md")[0].body)
    for kept in ("<em>transcript</em>", "<strong>reply</strong>", '<a href="https://example.org/a" rel="noopener noreferrer">',
                 '<a href="mailto:desk@example.org" rel="noopener noreferrer">',
                 '<a href="../events/anchorage-summit-2025/" rel="noopener noreferrer">', "<li>one</li>",
                 "<blockquote>", "<code>code</code>"):
        assert kept in html, kept
    lowered = html.lower()
    for gone in ("<script", "onerror", "onclick", "javascript:", "<img"):
        assert gone not in lowered, gone
    block = note_block("Editor's note: <script>alert(1)</script>", "Body.")
    assert '<p class="admonition-title">Editor\'s note: &lt;script&gt;alert(1)&lt;/script&gt;</p>' in block


def test_no_script_from_a_note_reaches_the_built_page(tmp_path):
    project = make_project(tmp_path)
    _write(project / "content/notes/hostile.md", HOSTILE_NOTE)
    code, _, err = run_cli("--root", str(project), "build", "--no-cache", "--strict")
    assert code == 0, err
    page = (project / "site/people/dmitry-peskov/index.html").read_text(encoding="utf-8")
    note = page[page.index('<div class="admonition note">'):]
    note = note[:note.index("</div>")]
    assert "__pwned" not in note.replace("&lt;script&gt;window.__pwned = 1&lt;/script&gt;", "").replace(
        "&lt;img src=x onerror=\"window.__pwned = 2\"&gt;", "")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in note
    assert "<script" not in note and "javascript:" not in note


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- lesser faults ---------------------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the workers' parent-death signal is Linux's")
def test_the_models_workers_die_with_a_killed_build(tmp_path, corpus):
    project = make_project(tmp_path)
    (project / "briefing.yml").write_text("processes: 2\n", encoding="utf-8")
    for path in sorted((corpus / "whitehouse_en").glob("*.txt"))[:70]:  # more than one batch of 32: two workers
        shutil.copy(path, project / ARTICLES / path.name)
    build = subprocess.Popen([sys.executable, "-m", "builder", "--root", str(project), "build", "--no-cache"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while len(workers := _children(build.pid)) < 2:
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before its workers started"
        time.sleep(0.01)
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "the model's workers outlived the killed build"


@pytest.mark.parametrize("damage", ["fifo", "link"])
def test_a_fifo_or_a_link_to_dev_zero_in_the_cache_is_ignored_said_and_made_again(tmp_path, damage):
    project = make_project(tmp_path)
    (project / ARTICLES / "second.txt").write_text("Lavrov on Geneva\n" + BODY, encoding="utf-8")
    build = [sys.executable, "-m", "builder", "--root", str(project), "build"]
    assert subprocess.run(build, capture_output=True, timeout=600).returncode == 0
    cache = project / ".cache/briefing"
    database = cache / DATABASE
    assert database.is_file()
    for path in cache.glob(DATABASE + "*"):
        path.unlink()
    if damage == "fifo":
        os.mkfifo(database)  # a reader that opened it would wait for ever
    else:
        database.symlink_to("/dev/zero")
    again = subprocess.run(build, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert (f".cache/briefing/{DATABASE}: warning: the annotation cache could not be used (the database is not a "
            f"plain file), so every article was annotated afresh") in again.stderr, again.stderr
    assert "damaged cache entries" not in again.stderr
    # Entries of the cache's earlier layout (one JSON file each) are guarded the same way.
    database.unlink()
    old = cache / "spans" / "ab" / f"{'ab' * 32}.json"
    old.parent.mkdir(parents=True)
    os.mkfifo(old)
    assert Cache(cache).get("spans", "ab" * 32) is None


def test_serve_answers_and_names_the_file_when_an_article_fails(sample_project, monkeypatch):
    from builder.annotate import Annotator

    articles = sample_project / ARTICLES
    (articles / "far-future.txt").write_text(BAD_ARTICLES["far-future.txt"][0], encoding="utf-8")
    (articles / "with-time.txt").write_text(GOOD_ARTICLES["with-time.txt"], encoding="utf-8")
    (articles / "fails.txt").write_text("Annotator trouble\nSergey Lavrov said the talks failed.\n", encoding="utf-8")
    annotate = Annotator.annotate

    def failing(self, article, entities=None):
        if article.source.endswith("fails.txt"):
            raise RuntimeError("an unforeseen failure")
        return annotate(self, article, entities)

    monkeypatch.setattr(Annotator, "annotate", failing)
    config, _ = load_config(sample_project)
    port, servers, stream = free_port(), [], io.StringIO()
    thread = threading.Thread(target=serve, args=(config, port), kwargs={"on_start": servers.append, "stream": stream},
                              daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{port}/"
        time_until(base + "articles/with-time/", "Talks at noon", limit=120)
        assert "Talks at noon" in fetch(base + "articles/with-time/")
    finally:
        for server in servers:
            server.shutdown()
        thread.join(timeout=10)
    shown = stream.getvalue()
    assert BAD_ARTICLES["far-future.txt"][1] in shown
    assert ("content/articles/fails.txt: error: the article could not be annotated (RuntimeError: an unforeseen failure); "
            "it is left out. Please report this with the file.") in shown
