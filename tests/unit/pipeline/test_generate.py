"""The one read -> annotate path (builder.pipeline.generate): an annotator, with its spaCy models, only when
something is not in the cache; the article files listed once, each with the path the user sees."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import builder.pipeline.generate
from builder.annotate import nlp, syntax
from builder.config import Config, load_config, with_overrides
from builder.pipeline.cache import DATABASE, model_identity
from builder.pipeline.generate import Report, Resolver, annotated_articles, english_identity, shown_path
from tests.conftest import ROOT


def _loads() -> int:
    """How often the English and Romanian spaCy pipelines have been asked for (loaded, or taken as loaded)."""
    return sum(info.hits + info.misses for info in (nlp.english.cache_info(), nlp.romanian.cache_info()))


def _two_articles(tmp_path: Path) -> Config:
    """A project of two of the sample archive's articles, one English and one Romanian, with its own cache."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("2024-11-11-peskov-sanctions-race.txt", "2025-08-16-putin-summitul-din-alaska.txt"):
        shutil.copy(ROOT / "content" / "articles" / name, articles / name)
    config, _ = load_config(ROOT)
    return with_overrides(config, articles=(articles,), notes=tmp_path / "none", cache=tmp_path / "cache", processes=1)


def _annotate(config: Config) -> tuple[Report, list]:
    report = Report()
    return report, annotated_articles(config, report)[1]


def test_no_annotator_and_no_model_when_everything_is_cached_one_when_an_article_is_not(tmp_path, monkeypatch):
    config = _two_articles(tmp_path)
    articles = tmp_path / "articles"
    made = []
    make = builder.pipeline.generate.make_annotator
    monkeypatch.setattr(builder.pipeline.generate, "make_annotator", lambda *given: made.append(1) or make(*given))

    first, fresh = _annotate(config)
    assert len(made) == 1 and (first.annotated, first.model_runs) == (2, 2)  # each language's model ran

    loads = _loads()
    again, cached = _annotate(config)
    assert (again.cached, again.annotated) == (2, 0) and cached == fresh
    assert len(made) == 1 and _loads() == loads  # no annotator made, no spaCy pipeline asked for

    english = articles / "2024-11-11-peskov-sanctions-race.txt"
    english.write_text(english.read_text(encoding="utf-8") + "\nSergey Lavrov said nothing new.\n", encoding="utf-8")
    one, _ = _annotate(config)
    assert (one.cached, one.annotated, one.model_runs) == (1, 1, 1)
    assert len(made) == 2 and _loads() > loads


def _spans(config: Config) -> int:
    with sqlite3.connect(config.cache / DATABASE) as db:
        return db.execute("SELECT count(*) FROM entries WHERE kind = 'spans'").fetchone()[0]


def test_another_spacy_version_gives_other_keys_and_runs_the_models_again_once(tmp_path, monkeypatch):
    config = _two_articles(tmp_path)
    first, fresh = _annotate(config)
    installed = (english_identity("auto"), nlp.romanian_identity())
    assert first.model_runs == 2 and _spans(config) == 2
    version = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "3.99.0" if name == "spacy" else version(name))
    nlp.romanian_identity.cache_clear()
    try:
        upgraded = (english_identity("auto"), nlp.romanian_identity())
        report, annotations = _annotate(config)
        again, _ = _annotate(config)
    finally:
        monkeypatch.undo()
        nlp.romanian_identity.cache_clear()
    assert upgraded[0] != installed[0] and upgraded[1] != installed[1] and all("+spacy==3.99.0" in i for i in upgraded)
    # The spans of the other version are not read: both models run again, once; their spans are kept beside.
    assert (report.annotated, report.model_runs) == (2, 2) and (again.cached, again.model_runs) == (2, 0)
    assert annotations == fresh and _spans(config) == 4
    # The version the project pins (and made every cache before with) keeps the keys it had.
    pinned = version("spacy") == nlp.SPACY_WHEN_KEYED
    english = model_identity(nlp.resolve_model_name("auto")) + "+" + syntax.identity()
    assert (english_identity("auto") == english) == pinned and ("+spacy==" in nlp.romanian_identity()) != pinned
    back, _ = _annotate(config)
    assert (back.cached, back.model_runs) == (2, 0)


def test_the_resolver_gives_what_path_resolve_gives(tmp_path, monkeypatch):
    articles, outside = tmp_path / "project" / "articles", tmp_path / "outside"
    (articles / "2024").mkdir(parents=True)
    outside.mkdir()
    (outside / "far.txt").write_text("elsewhere", encoding="utf-8")
    (articles / "2024" / "a.txt").write_text("here", encoding="utf-8")
    (articles / "linked.txt").symlink_to(outside / "far.txt")
    (articles / "folder").symlink_to(articles / "2024", target_is_directory=True)
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    paths = [articles / "2024" / "a.txt", articles / "linked.txt", articles / "folder" / "a.txt", articles / "gone.txt",
             articles / "folder" / ".." / "linked.txt", articles / "2024" / ".." / "2024" / "a.txt"]
    resolve = Resolver()
    assert [resolve(path) for path in paths] == [path.resolve() for path in paths]
    with pytest.raises(RuntimeError):  # a link that loops, as Path.resolve says it
        resolve(articles / "loop.txt")
    monkeypatch.chdir(articles)
    relative = [os.path.relpath(path, articles) for path in paths]
    assert [shown_path(path, tmp_path, resolve) for path in map(type(articles), relative)] == [
        shown_path(path, tmp_path) for path in map(type(articles), relative)]
