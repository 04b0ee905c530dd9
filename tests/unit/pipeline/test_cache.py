"""The annotation cache: nothing changed -> nothing re-annotated; one article changed -> one; a
knowledge-base change re-runs the rules but not spaCy; damaged or deleted entries are recomputed."""

from __future__ import annotations

import shutil

import pytest

from builder.pipeline.generate import Report, generate
from builder.pipeline.cache import Cache
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


def test_damaged_and_deleted_entries_are_recomputed_never_read_back(project):
    config, tmp = project
    first, fresh = run(config)
    entries = sorted((tmp / "cache" / "annotations").rglob("*.json"))
    spans = sorted((tmp / "cache" / "spans").rglob("*.json"))
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # truncated by a killed build
    text = entries[1].read_text(encoding="utf-8")
    entries[1].write_text(text.replace('"mentions": 1', '"mentions": 7', 1) if '"mentions": 1' in text
                          else text.replace('"id": "', '"id": "x', 1), encoding="utf-8")  # parses, but wrong
    entries[2].unlink()
    report, annotations = run(config)
    assert (report.cached, report.annotated) == (report.articles - 3, 3)
    assert annotations == fresh

    for entry in spans:
        entry.write_text("{not json", encoding="utf-8")
    shutil.rmtree(tmp / "cache" / "annotations")
    report, annotations = run(config)
    assert report.model_runs == first.model_runs and annotations == fresh

    shutil.rmtree(tmp / "cache")
    report, annotations = run(config)
    assert (report.cached, report.annotated) == (0, report.articles) and annotations == fresh


def test_cache_entries_round_trip_and_reject_other_keys(tmp_path):
    cache = Cache(tmp_path)
    cache.put("spans", "ab" * 32, [[0, 5, "PERSON", "Putin"]])
    assert cache.get("spans", "ab" * 32) == [[0, 5, "PERSON", "Putin"]]
    (tmp_path / "spans" / "ab" / f"{'ab' * 32}.json").rename(tmp_path / "spans" / "ab" / f"{'ab' * 31}cd.json")
    assert cache.get("spans", "ab" * 31 + "cd") is None  # an entry under a name that is not its key
    assert Cache(None).get("spans", "ab" * 32) is None


def test_cli_cache_options(tmp_path, capsys):
    article = ROOT / "content" / "articles" / "2024-11-11-peskov-sanctions-race.txt"
    assert main(["--root", str(ROOT), "annotate", str(article), "--json", "--cache", str(tmp_path / "c")]) == 0
    assert list((tmp_path / "c" / "annotations").rglob("*.json"))
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
