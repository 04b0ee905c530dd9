"""The one read -> annotate path (builder.pipeline.generate): an annotator, with its spaCy models, only when
something is not in the cache; the article files listed once, each with the path the user sees."""

from __future__ import annotations

import shutil

import builder.pipeline.generate
from builder.annotate import nlp
from builder.config import load_config, with_overrides
from builder.pipeline.generate import Report, annotated_articles
from tests.conftest import ROOT


def _loads() -> int:
    """How often the English and Romanian spaCy pipelines have been asked for (loaded, or taken as loaded)."""
    return sum(info.hits + info.misses for info in (nlp.english.cache_info(), nlp.romanian.cache_info()))


def test_no_annotator_and_no_model_when_everything_is_cached_one_when_an_article_is_not(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("2024-11-11-peskov-sanctions-race.txt", "2025-08-16-putin-summitul-din-alaska.txt"):
        shutil.copy(ROOT / "content" / "articles" / name, articles / name)
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(articles,), notes=tmp_path / "none", cache=tmp_path / "cache", processes=1)
    made = []
    make = builder.pipeline.generate.make_annotator
    monkeypatch.setattr(builder.pipeline.generate, "make_annotator", lambda *given: made.append(1) or make(*given))

    def annotate() -> tuple[Report, list]:
        report = Report()
        return report, annotated_articles(config, report)[1]

    first, fresh = annotate()
    assert len(made) == 1 and (first.annotated, first.model_runs) == (2, 2)  # each language's model ran

    loads = _loads()
    again, cached = annotate()
    assert (again.cached, again.annotated) == (2, 0) and cached == fresh
    assert len(made) == 1 and _loads() == loads  # no annotator made, no spaCy pipeline asked for

    english = articles / "2024-11-11-peskov-sanctions-race.txt"
    english.write_text(english.read_text(encoding="utf-8") + "\nSergey Lavrov said nothing new.\n", encoding="utf-8")
    one, _ = annotate()
    assert (one.cached, one.annotated, one.model_runs) == (1, 1, 1)
    assert len(made) == 2 and _loads() > loads
