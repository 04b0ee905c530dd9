"""Accuracy on the seed gold file must not slide back (targets from issue 3 for the seeds)."""

import pytest

from builder.config import load_config
from builder.evaluate import evaluate
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def seed_scores(seeds):
    config, _ = load_config(ROOT)
    return evaluate(ROOT / "tests/gold/seeds.yml", config)


def test_seed_people_and_speakers_f1_at_least_095(seed_scores):
    assert seed_scores.documents == 5
    assert seed_scores.sets["people"].f1 >= 0.95, seed_scores.errors
    assert seed_scores.sets["speakers"].f1 >= 0.95, seed_scores.errors


def test_seed_dates_and_languages_are_all_right(seed_scores):
    assert seed_scores.exact["date"] == [5, 5], seed_scores.errors
    assert seed_scores.exact["lang"] == [5, 5], seed_scores.errors
