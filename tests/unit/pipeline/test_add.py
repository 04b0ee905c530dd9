"""`briefing add`: a raw article lands in content/articles/ under a stable name, never over another file."""

import subprocess
import sys

import yaml

from builder.cli import main
from builder.sources.ingest import read_article
from tests.conftest import ROOT

ARTICLE = ROOT / "content/articles/2024-11-11-peskov-sanctions-race.txt"
EXPECTED = "2024-11-11-kremlin-washington-not-moscow-started-the-sanctions-race.txt"


def header_of(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}


def test_add_names_the_file_by_date_and_title_and_writes_only_what_was_given(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "add", str(ARTICLE), "--outlet", "TASS", "--lang", "EN"]) == 0
    added = tmp_path / "content/articles" / EXPECTED
    assert capsys.readouterr().out.strip() == f"content/articles/{EXPECTED}"
    # Inferred title and date name the file; only what the editor gave goes into the header.
    assert header_of(added) == {"outlet": "TASS", "lang": "en"}
    assert added.read_text(encoding="utf-8").endswith(ARTICLE.read_text(encoding="utf-8"))
    article, _ = read_article(added, "x", "x")
    assert (article.outlet, article.lang_source, article.date_source) == ("TASS", "header", "dateline")


def test_add_refuses_to_overwrite(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "add", str(ARTICLE)]) == 0
    added = tmp_path / "content/articles" / EXPECTED
    before = added.read_bytes()
    assert main(["--root", str(tmp_path), "add", str(ARTICLE)]) == 1
    err = capsys.readouterr().err
    assert f"briefing: content/articles/{EXPECTED} already exists: this article is already in the archive. Nothing was written." in err
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.read_text(encoding="utf-8").replace("tango alone", "dance alone"), encoding="utf-8")
    assert main(["--root", str(tmp_path), "add", str(other)]) == 1
    assert "another article has the same date and title; give this one a different --title" in capsys.readouterr().err
    assert added.read_bytes() == before and len(list((tmp_path / "content/articles").iterdir())) == 1


def test_add_reads_standard_input_and_takes_the_date_and_title_given(tmp_path):
    text = "Ministrul de Externe a vorbit joi despre negocieri.\n\nDiscuțiile vor continua săptămâna viitoare.\n"
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(tmp_path), "add", "-", "--date", "2025-12-04",
                             "--title", "Negocierile continuă"], input=text.encode(), capture_output=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    added = tmp_path / "content/articles/2025-12-04-negocierile-continua.txt"
    assert result.stdout.decode().strip() == "content/articles/2025-12-04-negocierile-continua.txt"
    assert header_of(added) == {"title": "Negocierile continuă", "date": __import__("datetime").date(2025, 12, 4)}
    assert added.read_text(encoding="utf-8").endswith(text)


def test_add_without_a_date_is_undated_and_a_bad_date_is_refused(tmp_path, capsys):
    source = tmp_path / "in.md"
    source.write_text("Peskov declined to comment on the report, saying only that work was continuing.\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "add", str(source), "--date", "2025-02-30"]) == 1
    assert "briefing: --date '2025-02-30' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()
    assert main(["--root", str(tmp_path), "add", str(source)]) == 0
    names = [p.name for p in (tmp_path / "content/articles").iterdir()]
    assert names == ["undated-peskov-declined-to-comment-on-the-report-saying-only-that-work-was-continuing.md"]


def test_add_refuses_an_empty_file(tmp_path, capsys):
    source = tmp_path / "empty.txt"
    source.write_text("\n \n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "add", str(source)]) == 1
    assert "the file is empty" in capsys.readouterr().err
