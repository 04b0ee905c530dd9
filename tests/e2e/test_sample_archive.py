"""The team's sample archive in content/: enough articles, languages and notes, and it builds strictly."""

from collections import Counter

import pytest

from builder.pipeline.build import build
from builder.config import load_config, with_overrides
from builder.sources.ingest import read_article
from tests.conftest import ROOT


def test_sample_archive_has_the_promised_shape():
    files = sorted((ROOT / "content/articles").glob("*.txt"))
    assert len(files) >= 12
    languages = Counter(read_article(f, f.name, f.stem)[0].lang for f in files)
    assert languages["ro"] >= 2 and languages["en"] >= 6
    assert len(list((ROOT / "content/notes").glob("*.md"))) >= 2


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    config, _ = load_config(ROOT)
    config = with_overrides(config, docs=out / "docs", site=out / "site", strict=True)
    return build(config), out


def test_sample_archive_builds_strictly_with_notes_on_their_pages(sample_site):
    report, out = sample_site
    assert not report.errors
    peskov = (out / "docs/people/dmitry-peskov.md").read_text(encoding="utf-8")
    assert "<p class=\"admonition-title\">Editor's note:" in peskov  # rendered and sanitised by the builder
    html = (out / "site/people/dmitry-peskov/index.html").read_text(encoding="utf-8")
    assert 'class="admonition note"' in html


def test_content_and_data_are_never_written(tmp_path):
    watched = [p for folder in ("content", "data") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    before = {p: p.read_bytes() for p in watched}
    config, _ = load_config(ROOT)
    build(with_overrides(config, docs=tmp_path / "docs", site=tmp_path / "site"))
    after = [p for folder in ("content", "data") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    assert after == watched and all(p.read_bytes() == before[p] for p in watched)
