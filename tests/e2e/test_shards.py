"""The site in shards (builder.pipeline.shards) gives the single build's site: the seeds and the sample
archive built both ways, every file compared byte for byte; a crawl of the sharded site finds no broken
link; a rebuild after one article changed makes only that article's shards again (and the home shard) and
writes what a full build writes; a shard that fails leaves the previous site in place."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from builder.config import load_config, with_overrides
from builder.errors import BuildFailed
from builder.pipeline.build import build
from builder.pipeline.incremental import BUILD_FILE
from builder.pipeline.shards import HOME, build_shard
from builder.pipeline.tasks import LocalProcesses, Sequential
from tests.crawl import broken_links
from tests.conftest import ROOT

SHARD_PAGES = 12
"""Small shards, so that the sample archive is cut into many, most of its sections into several."""
ADDED = "\n\nKremlin spokesman Dmitry Peskov said: \"The talks will go on next week in Geneva.\"\n"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != BUILD_FILE}


@pytest.fixture(scope="module")
def both(tmp_path_factory, seeds):
    """The seeds and the sample archive, built in one MkDocs run and in shards (in local processes)."""
    out = tmp_path_factory.mktemp("shards")
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(ROOT / "content" / "articles", seeds), cache=None)
    single = build(replace(config, shards="off", docs=out / "single/docs", site=out / "single/site"))
    sharded = build(replace(config, shards=SHARD_PAGES, docs=out / "sharded/docs", site=out / "sharded/site"),
                    executor=LocalProcesses(2))
    return out, single, sharded


def test_a_sharded_build_writes_the_single_builds_site(both):
    out, single, sharded = both
    assert single.shards is None and sharded.shards.shards >= 8
    names = {r.name for r in sharded.shards.results}
    assert HOME in names and "people-1" in names and sum(n.startswith("articles-") for n in names) >= 3, names
    assert all(0 < r.peak_kb < 2_000_000 for r in sharded.shards.results)
    assert sum(r.pages for r in sharded.shards.results) == sharded.pages == single.pages
    assert files(out / "sharded/docs") == files(out / "single/docs")
    one, other = files(out / "single/site"), files(out / "sharded/site")
    assert sorted(one) == sorted(other)
    assert [path for path in one if one[path] != other[path]] == []
    assert (out / "sharded/site/assets/stylesheets/briefing.css").is_file()  # the one copy of the assets


def test_a_crawl_of_the_sharded_site_finds_no_broken_link(both):
    out, _, _ = both
    site = out / "sharded/site"
    assert len(list(site.rglob("*.html"))) > 70  # the sample site: 14 articles, 8 events with articles, …
    assert broken_links(site) == []


def test_a_rebuild_makes_only_the_changed_articles_shards(sample_project, tmp_path):
    config, _ = load_config(sample_project)
    config = replace(with_overrides(config, cache=sample_project / ".cache"), shards=SHARD_PAGES)
    first = build(config, executor=LocalProcesses(2))
    edited = sample_project / "content/articles/2024-11-11-peskov-sanctions-race.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    again = build(config, executor=Sequential())
    made = {r.name for r in again.shards.results}
    assert HOME in made and any(n.startswith("articles-") for n in made) and len(made) < first.shards.shards / 2, made
    full = build(replace(config, cache=None, site=tmp_path / "full/site", docs=tmp_path / "full/docs"),
                 executor=Sequential())
    assert files(sample_project / "site") == files(tmp_path / "full/site")
    assert "Geneva" in (sample_project / "site/articles/2024-11-11-peskov-sanctions-race/index.html").read_text(encoding="utf-8")
    assert full.shards.shards == again.shards.shards


def _dies_building_people(spec):
    """build_shard, except that the process building a people shard dies, as a killed worker does."""
    if spec.name.startswith("people"):
        os._exit(1)
    return build_shard(spec)


class _KilledWorker(LocalProcesses):
    def map(self, function, items, **options):
        return super().map(_dies_building_people, items, **options)


def test_a_failed_shard_names_itself_and_leaves_the_previous_site(sample_project):
    config, _ = load_config(sample_project)
    config = replace(with_overrides(config, cache=None), shards=SHARD_PAGES)
    build(config, executor=Sequential())
    before = files(sample_project / "site")
    edited = sample_project / "content/articles/2024-11-11-peskov-sanctions-race.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"the site's people-\d shard.* could not be finished: a process running (it|one of them) died"):
        build(config, executor=_KilledWorker(2))
    assert files(sample_project / "site") == before
