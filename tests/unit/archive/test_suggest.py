"""`briefing suggest`: what the knowledge base lacks, listed for an editor; --write only appends to its review file."""

import shutil
from pathlib import Path

import yaml

from builder.cli import main
from builder.sources.kb import load_kb
from builder.archive.suggest import event_phrases, phrase_key, sentence_with
from tests.conftest import ROOT

ARTICLES = {
    "2024-02-17-munich.txt": (
        "Ukraine's allies meet in Munich\nMUNICH, Feb. 17, 2024 — Jonathan Powell, a British adviser, spoke to "
        "reporters at the Munich Security Conference on Saturday.\n\n"
        "“Nobody here expects a quick end to the fighting,” Jonathan Powell said. Sergey Lavrov was not invited.\n"),
    "2025-02-15-munich.txt": (
        "Europe looks for a seat at the table\nMUNICH, Feb. 15, 2025 — The Munich Security Conference opened with "
        "a warning.\n\n"
        "Jonathan Powell said Europe had to spend more on its armies. Powell spoke after the panel.\n"),
    "2025-08-16-alaska.txt": (
        "After Alaska\nWASHINGTON, Aug. 16, 2025 — The Anchorage summit ended without a deal, Jonathan Powell "
        "said in a radio interview. The Anchorage summit was the first in six years.\n"),
}


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "content/articles").mkdir(parents=True)
    (project / "content/notes").mkdir()
    shutil.copytree(ROOT / "data", project / "data")
    for name, text in ARTICLES.items():
        (project / "content/articles" / name).write_text(text, encoding="utf-8")
    return project


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and p.parts[len(project.parts)] in ("content", "data")}


def test_event_phrases_in_four_languages():
    def phrases(text):
        return [text[a:b] for a, b in event_phrases(text)]

    assert phrases("He spoke at the Munich Security Conference and at talks in Istanbul on Monday.") == [
        "Munich Security Conference", "talks in Istanbul"]
    assert phrases("Negocierile de la Istanbul au eșuat, iar summitul NATO de la Vilnius a urmat.") == [
        "Negocierile de la Istanbul", "summitul NATO de la Vilnius"]
    assert phrases("После переговоров в Стамбуле он поехал на Мюнхенскую конференцию.") == [
        "переговоров в Стамбуле", "Мюнхенскую конференцию"]
    assert phrases("Це війна. Ми говорили про переговори у Білорусі.") == ["переговори у Білорусі"]
    # A word like "talks" alone, or after a sentence opener, names no event.
    assert phrases("The talks went on. Talks resumed on Monday.") == []
    # Titles are not names: "meeting with Head of …", "the President's visit".
    assert phrases("A meeting with Head of the Republic, the Minsk agreements and the President's visit.") == [
        "Minsk agreements"]
    assert phrase_key("переговоров в Стамбуле") == phrase_key("переговорах в Стамбуле")


def test_an_example_is_the_sentence_that_names_it():
    paragraph = "Talks began at noon. Jonathan Powell said little. He left early."
    assert sentence_with(paragraph, "Jonathan Powell") == "Jonathan Powell said little."


def test_suggest_lists_unknown_people_and_events_most_frequent_first(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "suggest", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("People not in the knowledge base yet (1), most frequent first:\n"
                          "  Jonathan Powell (jonathan-powell): 3 articles, ")
    assert "    content/articles/2024-02-17-munich.txt: “MUNICH, Feb. 17, 2024 — Jonathan Powell, a British" in out
    assert ("Events not in the knowledge base yet (1), most frequent first:\n"
            "  Munich Security Conference (munich-security-conference): 2 articles, 2 mentions\n") in out
    # Known people and events (Sergey Lavrov, the Anchorage summit) are never suggested.
    assert "Lavrov" not in out and "Anchorage" not in out
    # Same input, same output.
    assert main(["--root", str(project), "suggest", "--no-cache"]) == 0
    assert capsys.readouterr().out == out


def test_suggest_without_articles_is_an_error_naming_the_folder(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "suggest", "--articles", str(project / "missing")]) == 1
    err = capsys.readouterr().err
    assert "missing: error: this articles folder does not exist." in err
    assert "briefing: no article could be read, so there is nothing to suggest." in err


def test_suggest_says_so_when_nothing_is_found(tmp_path, capsys):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "suggest", "--no-cache", "--min", "4"]) == 0
    assert capsys.readouterr().out == ("Nothing to suggest: no person or event outside the knowledge base is named "
                                       "in at least 4 of the 3 articles. Try --min 1.\n")
    assert main(["--root", str(project), "suggest", "--min", "0"]) == 1
    assert "briefing: --min must be at least 1" in capsys.readouterr().err


def test_write_appends_for_review_and_touches_no_other_file(tmp_path, capsys):
    project = make_project(tmp_path)
    review = project / "data/suggestions.yml"
    review.write_text("# kept by the editor: check Powell's title", encoding="utf-8")  # no final newline
    before = snapshot(project)
    kb_before, _ = load_kb(project / "data", project)

    assert main(["--root", str(project), "suggest", "--no-cache", "--write"]) == 0
    assert "Appended 2 suggestion(s) to data/suggestions.yml for review." in capsys.readouterr().err
    after = snapshot(project)
    assert {k: v for k, v in after.items() if k != "data/suggestions.yml"} == \
           {k: v for k, v in before.items() if k != "data/suggestions.yml"}
    text = review.read_text(encoding="utf-8")
    assert text.startswith("# kept by the editor: check Powell's title\n---\n")
    documents = [d for d in yaml.safe_load_all(text) if d]
    person = documents[0]["people"][0]
    assert person["id"] == "jonathan-powell" and person["name"] == "Jonathan Powell"
    assert documents[0]["events"][0]["id"] == "munich-security-conference"

    # The knowledge base does not read the review file, even when it repeats a known id.
    review.write_text(text + "---\npeople:\n  - id: sergey-lavrov\n    name: Someone Else\n", encoding="utf-8")
    kb_after, problems = load_kb(project / "data", project)
    assert problems == [] and kb_after == kb_before

    # A second run appends nothing that is there already.
    written = review.read_bytes()
    assert main(["--root", str(project), "suggest", "--no-cache", "--write"]) == 0
    assert "Nothing new to append: all 2 suggestion(s) are in data/suggestions.yml already." in capsys.readouterr().err
    assert review.read_bytes() == written


def test_a_person_an_editor_removed_is_not_counted(tmp_path, capsys):
    project = make_project(tmp_path)
    alaska = project / "content/articles/2025-08-16-alaska.txt"
    alaska.write_text("---\npeople: {remove: [jonathan-powell]}\n---\n" + alaska.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--root", str(project), "suggest", "--no-cache"]) == 0
    assert "  Jonathan Powell (jonathan-powell): 2 articles, " in capsys.readouterr().out
