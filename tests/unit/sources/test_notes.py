"""Editors' notes: shown on every page they are about, marked with author and date; bad targets reported."""

import re
import shutil

import pytest

from builder.pipeline.generate import Report, generate
from builder.pipeline.check import check
from builder.config import load_config
from tests.conftest import ROOT

NOTE = """---
title: Who speaks for NATO
author: Ana Pop
date: 2026-03-01
about:
  - person/jens-stoltenberg
  - person/antony-blinken
  - article/2022-01-26-us-nato-written-responses
  - event/security-demands-2021
  - topic/security-guarantees
---
Stoltenberg speaks for the **alliance**, not for Washington.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("notes") / "project"
    (root / "content/notes").mkdir(parents=True)
    shutil.copytree(ROOT / "content/articles", root / "content/articles")
    shutil.copytree(ROOT / "data", root / "data")
    # Jens Stoltenberg stands for a person the articles name but the knowledge base does not know yet.
    people = root / "data/people.yml"
    people.write_text(re.sub(r"(?ms)^- id: jens-stoltenberg\n.*?(?=^- id: |\Z)", "", people.read_text(encoding="utf-8")),
                      encoding="utf-8")
    (root / "content/notes/nato.md").write_text(NOTE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def generated(project):
    config, _ = load_config(project)
    report = Report()
    _, pages = generate(config, report)
    return report, pages


def test_a_note_is_on_every_page_it_is_about_with_author_and_date(generated):
    report, pages = generated
    assert not [p for p in report.problems if p.path.endswith("nato.md")], [str(p) for p in report.problems]
    heading = '<p class="admonition-title">Editor\'s note: Who speaks for NATO (Ana Pop, 1 March 2026)</p>'
    targets = ["people/jens-stoltenberg.md", "people/antony-blinken.md", "articles/2022-01-26-us-nato-written-responses.md",
               "events/security-demands-2021.md", "topics/security-guarantees.md"]
    for target in targets:
        assert heading in pages[target], target
        assert "<p>Stoltenberg speaks for the <strong>alliance</strong>, not for Washington.</p>" in pages[target], target
    # Jens Stoltenberg is not in data/people.yml: his page exists because articles name him, and the note is on it.
    assert "*Not in the knowledge base yet.*" in pages["people/jens-stoltenberg.md"]
    assert sum(heading in page for page in pages.values()) == len(targets)


def test_a_note_about_nothing_names_file_line_and_closest_ids(project):
    config, _ = load_config(project)
    bad = project / "content/notes/bad.md"
    bad.write_text("---\ntitle: Typos\nauthor: Ana Pop\nabout:\n  - person/jens-stoltenbreg\n  - event/anchorage-sumit-2025\n"
                   "  - people/sergey-lavrov\n---\nBody.\n", encoding="utf-8")
    try:
        messages = [str(p) for p in check(config)]
    finally:
        bad.unlink()
    # Each mistake is reported at its own item's line, not at the 'about:' key.
    assert any(m.startswith("content/notes/bad.md:5: error: the note is about 'person/jens-stoltenbreg', which does not exist. "
                            "Closest: person/jens-stoltenberg") for m in messages), messages
    assert any(m.startswith("content/notes/bad.md:6: error: the note is about 'event/anchorage-sumit-2025', which does not exist. "
                            "Closest: event/anchorage-summit-2025") for m in messages), messages
    assert "content/notes/bad.md:7: error: 'people/sergey-lavrov' should start with one of person/, event/, topic/, article/." in messages
    # The good note, about a person outside the knowledge base, passes the check without annotation.
    assert not [m for m in messages if "nato.md" in m]
