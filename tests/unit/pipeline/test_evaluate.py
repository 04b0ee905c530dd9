"""Scoring against gold: one scoring code for ours and for baselines, per-folder figures, misses per document."""

from pathlib import Path

from builder.cli import main
from builder.pipeline.evaluate import DocumentScore, Result, expected_sets, format_report, score_document

GOLD = """\
root: articles
documents:
  - file: agency/peskov.txt
    title: Peskov rejects US claims
    date: 2022-01-28
    lang: en
    people: [Dmitri Peskov, Antony Blinken]
    speakers: [Dmitry Peskov]
    reported: []
    events: []
    topics: []
  - file: ministry/lavrov.txt
    date: 2022-01-21
    lang: en
    people: [Sergei Lavrov, Maria Ionescu]
    speakers: []
    reported: []
    events: []
    topics: []
"""


def write_gold(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    (articles / "agency").mkdir(parents=True)
    (articles / "ministry").mkdir()
    (articles / "agency/peskov.txt").write_text(
        "Peskov rejects US claims\nMOSCOW, Jan. 28, 2022 — Kremlin spokesman Dmitry Peskov spoke to reporters on Friday.\n\n"
        "“The document leaves little room for optimism,” Peskov said. Antony Blinken did not comment.\n",
        encoding="utf-8")
    (articles / "ministry/lavrov.txt").write_text(
        "Lavrov meets his counterpart in Geneva\nGENEVA, Jan. 21, 2022 — Foreign Minister Sergey Lavrov met "
        "reporters after the talks.\n",
        encoding="utf-8")
    gold = tmp_path / "gold.yml"
    gold.write_text(GOLD, encoding="utf-8")
    return gold


def test_a_baseline_is_scored_only_on_the_fields_it_predicts():
    scored = DocumentScore("a.txt", "agency")
    expected = expected_sets({"people": ["Dmitry Peskov", "Nobody Known"], "speakers": ["Dmitry Peskov"],
                              "topics": ["sanctions"]}, lambda name: name.lower().replace(" ", "-"))
    score_document(scored, {"people": {"dmitry-peskov", "kremlin"}}, expected)
    assert list(scored.sets) == ["people"]
    people = scored.sets["people"]
    assert (people.tp, people.fp, people.fn) == (1, 1, 1)
    assert scored.misses == ["people: missed nobody-known", "people: false hit kremlin"]
    result = Result("baseline", [scored])
    assert result.sets["speakers"].f1 == 1.0 and result.sets["people"].f1 == 0.5


def test_figures_per_folder_add_up_to_the_total():
    a, b, c = (DocumentScore(f"{folder}/{n}.txt", folder) for n, folder in enumerate(["x", "y", "x"]))
    for doc, (tp, fp, fn) in zip((a, b, c), [(2, 0, 1), (1, 1, 0), (0, 0, 2)]):
        score_document(doc, {"people": {f"p{i}" for i in range(tp + fp)}},
                       {"people": {f"p{i}" for i in range(tp)} | {f"q{i}" for i in range(fn)}})
    result = Result("all", [a, b, c])
    folders = result.by_folder()
    assert list(folders) == ["x", "y"]
    assert folders["x"].documents == 2 and folders["x"].sets["people"].tp == 2 and folders["x"].sets["people"].fn == 3
    assert folders["y"].sets["people"].fp == 1
    report = format_report(result)
    assert "F1 per source folder:" in report
    assert "  x/0.txt\n    people: missed q0\n" in report


def test_eval_prints_figures_per_folder_and_misses_per_document(tmp_path, capsys):
    gold = write_gold(tmp_path)
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== gold.yml: 2 documents\n")
    assert "\nlang       accuracy 2/2 = 1.000\n" in out
    assert "\n  agency                1 " in out and "\n  ministry              1 " in out
    # Maria Ionescu is in the gold but not in the text: a miss listed under its document.
    assert "\n  ministry/lavrov.txt\n    people: missed maria-ionescu\n" in out
    assert "agency/peskov.txt\n" not in out.split("per document:")[1]
