"""Accuracy on the seed gold file must not slide back (targets from issue 3 for the seeds)."""

import pytest

from builder.config import load_config
from builder.pipeline.evaluate import evaluate
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def seed_scores(seeds):
    config, _ = load_config(ROOT)
    return evaluate(ROOT / "tests/gold/seeds.yml", config)


def test_seed_people_and_speakers_f1_at_least_095(seed_scores):
    assert seed_scores.documents == 5
    assert seed_scores.sets["people"].f1 >= 0.95, seed_scores.errors
    assert seed_scores.sets["speakers"].f1 >= 0.95, seed_scores.errors


def test_no_quotation_of_the_seeds_is_given_to_a_wrong_person(seed_scores):
    # Issue 14: a wrong speaker is worse than none; on the seeds every attributed quotation is right.
    quotes = seed_scores.quotes
    assert quotes.wrong == 0 and quotes.false == 0, seed_scores.errors
    assert quotes.recall >= 0.9, seed_scores.errors


def test_seed_dates_and_languages_are_all_right(seed_scores):
    assert seed_scores.exact["date"] == [5, 5], seed_scores.errors
    assert seed_scores.exact["lang"] == [5, 5], seed_scores.errors


# Issue 3's targets on the corpus gold (corpus-a and corpus-b together): people F1 >= 0.92, speakers F1 >= 0.88.
CORPUS_PEOPLE_F1 = 0.92
CORPUS_SPEAKERS_F1 = 0.88


@pytest.fixture(scope="module")
def corpus_scores(corpus):
    config, _ = load_config(ROOT)
    a = evaluate(ROOT / "tests/gold/corpus-a.yml", config)
    b = evaluate(ROOT / "tests/gold/corpus-b.yml", config)
    return a.merge(b)


def test_corpus_people_and_speakers_f1_do_not_slide_back(corpus_scores):
    assert corpus_scores.documents == 32, corpus_scores.errors
    assert corpus_scores.sets["people"].f1 >= CORPUS_PEOPLE_F1, corpus_scores.errors
    assert corpus_scores.sets["speakers"].f1 >= CORPUS_SPEAKERS_F1, corpus_scores.errors


def test_corpus_languages_are_all_right(corpus_scores):
    right, total = corpus_scores.exact["lang"]
    assert right == total == 32, corpus_scores.errors
