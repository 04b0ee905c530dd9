"""The command line: exit codes and messages, as a user sees them."""

import json
import shutil
import subprocess
import sys
from pathlib import Path


from builder.cli import main
from builder.pipeline.trash import wait_for_removals
from tests.conftest import ROOT, seed

KEYS = ["source", "title", "date", "date_source", "lang", "outlet", "speakers", "people", "events", "topics"]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True)


def test_annotate_json_prints_one_object_per_article(seeds):
    result = run("annotate", str(seed(seeds, "003")), str(seed(seeds, "004")), "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert list(first) == KEYS
    assert first["date"] == "2022-01-29" and first["date_source"] == "dateline" and second["lang"] == "ro"
    peskov = next(s for s in first["speakers"] if s["id"] == "dmitry-peskov")
    assert peskov["quotes"][0] == {"text": peskov["quotes"][0]["text"], "direct": True}


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "content/articles").mkdir(parents=True)
    (project / "content/notes").mkdir()
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content/articles/good.txt").write_text(
        "Peskov rejects US claims\nMOSCOW, Jan. 28, 2022 — Dmitry Peskov said on Friday that the document left little room for hope.\n",
        encoding="utf-8")
    return project


def test_check_reports_every_problem_as_file_line_message(tmp_path, capsys):
    project = make_project(tmp_path)
    (project / "data/events.yml").write_text("- id: x\n  name: X\n  date: someday\n  plase: Here\n", encoding="utf-8")
    (project / "content/articles/bad.txt").write_text("---\ndate: 2025-02-30\n---\nText.\n", encoding="utf-8")
    (project / "content/notes/n.md").write_text("---\ntitle: N\nabout:\n  - person/dmitri-peskov\n---\nBody.\n", encoding="utf-8")
    code = main(["--root", str(project), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "data/events.yml:3: error: 'date' must be a date written YYYY-MM-DD, found 'someday'." in out
    assert "data/events.yml:4: error: unknown key 'plase' in events entry; did you mean 'place'?" in out
    assert "content/articles/bad.txt:2: error: the header date '2025-02-30' is not a date" in out
    assert "content/notes/n.md:4: error: the note is about 'person/dmitri-peskov', which does not exist. Closest: person/dmitry-peskov" in out


def test_bad_article_is_skipped_and_the_rest_published(tmp_path, capsys):
    project = make_project(tmp_path)
    (project / "content/articles/empty.txt").write_text("", encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 0
    err = capsys.readouterr().err
    assert "content/articles/empty.txt: error: the file is empty" in err
    assert (project / "site/articles/good/index.html").is_file()


def test_strict_build_fails_and_keeps_the_previous_site(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "build"]) == 0
    before = (project / "site/index.html").read_bytes()
    (project / "content/articles/empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["--root", str(project), "build", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "--strict is on; nothing was written" in err
    assert (project / "site/index.html").read_bytes() == before
    wait_for_removals(timeout=120)  # the first build's previous trees go in the background
    assert not list(project.glob(".briefing-*"))


def test_missing_model_is_a_sentence(tmp_path, capsys):
    project = make_project(tmp_path)
    code = main(["--root", str(project), "build", "--model", "en_no_such_model"])
    assert code == 2
    assert "the spaCy model en_no_such_model is not installed" in capsys.readouterr().err


def test_a_bad_shards_value_is_a_sentence(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "build", "--shards", "many"]) == 2
    assert capsys.readouterr().err.strip() == ("briefing: --shards must be auto, off or a whole number of pages "
                                               "(at least 1), not 'many'.")
    assert not (project / "site").exists()


def test_scraped_html_and_markdown_in_an_article_stay_text(tmp_path):
    project = make_project(tmp_path)
    (project / "content/articles/hostile.txt").write_text(
        "Peskov comments on leaked page\n"
        "Dmitry Peskov said the page contained <script>alert('x')</script> and <img src=x onerror=alert(1)>.\n"
        "# Not a heading | not | a table [link](javascript:alert(1)) {{ config }} {% raw %}\n"
        "!!! note\n---\n", encoding="utf-8")
    assert main(["--root", str(project), "build", "--strict"]) == 0
    html = (project / "site/articles/hostile/index.html").read_text(encoding="utf-8")
    body = html[html.index('<h1 id="peskov-comments-on-leaked-page">'):]
    assert "<script>alert" not in body and "<img src=x" not in body and 'href="javascript:' not in body
    assert "&lt;script&gt;alert" in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "# Not a heading | not | a table [link](javascript:alert(1)) {{ config }} {% raw %}" in body
    assert '<div class="admonition' not in body.split("Who said what")[0]


def test_serve_on_a_taken_port_says_so(tmp_path, capsys):
    import socket

    project = make_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--root", str(project), "serve", "--port", str(port), "--no-cache"])
    assert code == 1
    assert f"briefing: cannot serve on 127.0.0.1:{port}:" in capsys.readouterr().err
