"""Batched annotation: the model runs over many articles in nlp.pipe batches and processes, and the
result is the same as annotating one article at a time."""

from __future__ import annotations

import re

import pytest

from builder.pipeline.generate import annotate_articles, article_files, read_articles
from builder.config import load_config, with_overrides
from builder.annotate.nlp import english_entities
from builder.annotate.resolve import PersonIndex, spelling_pattern
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def articles():
    config, _ = load_config(ROOT)
    sources = [ROOT / "content" / "articles"] + ([SEEDS] if SEEDS.is_dir() else [])
    problems: list = []
    found = read_articles(article_files(sources, ROOT, problems), with_overrides(config), problems)
    assert not [p for p in problems if p.severity == "error"]
    return found


def test_entity_spans_are_plain_tuples_pointing_into_the_text():
    text = "Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow on Tuesday."
    spans = english_entities(text)
    assert {("PERSON", "Dmitry Peskov"), ("GPE", "Moscow")} <= {(label, raw) for _, _, label, raw in spans}
    for start, end, _, raw in spans:
        assert text[start:end] == raw


def test_batches_and_processes_give_what_one_article_at_a_time_gives(annotator, articles):
    english = [a for a in articles if annotator.uses_model(a)]
    assert len(english) >= 6  # the batch path is really exercised
    one_by_one = [annotator.annotate(a) for a in articles]
    # batch_size 2 makes several batches, so two processes really share the work.
    in_one = [i.annotation for i in annotate_articles(annotator, articles, processes=1, batch_size=2)]
    in_two = [i.annotation for i in annotate_articles(annotator, articles, processes=2, batch_size=2)]
    assert in_one == one_by_one
    assert in_two == one_by_one
    assert any(a.speakers for a in one_by_one)


def test_precomputed_entities_are_used(annotator, articles):
    article = next(a for a in articles if any(not p.in_kb for p in annotator.annotate(a).people))
    model_only = {p.id for p in annotator.annotate(article).people if not p.in_kb}
    without_people = [s for s in annotator.entities(article) if s[2] != "PERSON"]
    given = {p.id for p in annotator.annotate(article, without_people).people}
    # People only the model proposed are gone; knowledge-base spellings are still found.
    assert not model_only & given
    assert given <= {p.id for p in annotator.annotate(article).people if p.in_kb}


def test_processes_setting(tmp_path):
    (tmp_path / "briefing.yml").write_text("processes: 3\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert config.processes == 3 and not problems
    (tmp_path / "briefing.yml").write_text("processes: many\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert config.processes >= 1
    assert "processes must be a whole number" in problems[0].message


def test_one_pattern_for_all_spellings_finds_what_each_spelling_finds(kb):
    """The combined pattern (boundary and first letter tested once) against the plain alternation."""
    index = PersonIndex(kb)
    plain = re.compile("|".join(f"(?P<p{i}>{spelling_pattern(s)})" for i, s in enumerate(index.spellings)))
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "articles").glob("*.txt"))]
    texts.append("Пескову и Лаврову, Зеленського; Peskov's aide, APutin, Putinism, Sergei  Lavrov\nand Зеленский.")
    for text in texts:
        expected = [(m.start(), m.end(), index._ids[int(m.lastgroup[1:])]) for m in plain.finditer(text)]
        assert [(f.start, f.end, f.id) for f in index.find(text)] == expected
    assert len(index.find(texts[-1])) == 6
