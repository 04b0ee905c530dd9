"""Shared fixtures: the project's knowledge base, one annotator (the spaCy model loads once), the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.annotate import nlp
from builder.annotate import Annotator
from builder.sources.ingest import ingest_text
from builder.sources.kb import load_kb

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "scale"


@pytest.fixture(scope="session")
def kb():
    knowledge, problems = load_kb(ROOT / "data", ROOT)
    assert not problems, [str(p) for p in problems]
    return knowledge


@pytest.fixture(scope="session")
def annotator(kb):
    return Annotator(kb, lambda: nlp.english("auto"), nlp.romanian)


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (../shared is beside the project only in the team's workspace)")
    return SEEDS


def seed(seeds: Path, number: str) -> Path:
    """The seed file whose name starts with the number ("000")."""
    return next(seeds.glob(f"{number}_*.txt"))


@pytest.fixture
def annotate_text(annotator):
    """Ingest and annotate a text as if it were a file."""

    def run(text: str, name: str = "sample"):
        article, _ = ingest_text(text, f"{name}.txt", name)
        return article, annotator.annotate(article)

    return run


@pytest.fixture
def sample_project(tmp_path) -> Path:
    """A temporary copy of the sample archive: content/, data/ and mkdocs.yml."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (../shared is beside the project only in the team's workspace)")
    return CORPUS


def pytest_collection_modifyitems(config, items):
    """Markers by where a test lives and what it uses: `slow` for whole builds (tests/e2e, tests/browser),
    `model` for tests that run the English spaCy model (the `annotator` fixtures). `pytest -m "not slow"`
    is the quick loop; the README's test command runs everything."""
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts[0] in ("e2e", "browser"):
            item.add_marker(pytest.mark.slow)
        if {"annotator", "annotate_text"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)
