"""Build a whole site from ../shared/seeds and check what a reader would find in it."""

import json
import re
from pathlib import Path

import pytest
import yaml

from builder.pipeline.build import build
from builder.pipeline.generate import generate, Report
from builder.config import load_config, with_overrides
from builder.site.render import article_meta
from tests.conftest import ROOT
from tests.pagefind_index import records


@pytest.fixture(scope="module")
def seed_site(seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("seedsite")
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(seeds,), docs=out / "docs", site=out / "site", strict=True)
    report = build(config)
    return config, report, out


def slugs_linked_from(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    return set(re.findall(r"\.\./articles/(\d{3})-[0-9a-f]+\.md", text))


def test_person_and_event_pages_list_the_right_articles(seed_site):
    _, _, out = seed_site
    docs = out / "docs"
    assert slugs_linked_from(docs / "people/dmitry-peskov.md") == {"000", "002", "003", "004"}
    assert slugs_linked_from(docs / "people/sergey-lavrov.md") == {"000", "001", "003"}
    assert slugs_linked_from(docs / "events/anchorage-summit-2025.md") == {"000", "001", "004"}


def test_dates_languages_and_credits(seed_site):
    _, _, out = seed_site
    meta = {p.stem[:3]: front_matter(p) for p in (out / "docs/articles").glob("0*.md")}
    assert meta["003"]["date"] == "2022-01-29" and meta["003"]["date_source"] == "dateline"
    assert meta["004"]["lang"] == "ro"
    speakers = [s["id"] for m in meta.values() for s in m["speakers"]]
    people = [p["id"] for m in meta.values() for p in m["people"]]
    assert not any("nikolsky" in i for i in speakers + people)


def test_search_index_contains_anchorage(seed_site):
    _, _, out = seed_site
    index = records(out / "site")
    assert "Anchorage" in index["/events/anchorage-summit-2025/"]["content"]
    assert any("Anchorage" in r["content"] for url, r in index.items() if url.startswith("/articles/"))


def test_site_has_every_page_kind(seed_site):
    _, report, out = seed_site
    site = out / "site"
    for page in ("index.html", "people/index.html", "events/index.html", "topics/index.html", "timeline/index.html",
                 "people/dmitry-peskov/index.html", "events/anchorage-summit-2025/index.html", "topics/sanctions/index.html"):
        assert (site / page).is_file(), page
    # No page lists the whole archive: the paginated topic pages stand where a tags listing would.
    assert not (site / "tags").exists()
    assert report.articles == 5 and not report.errors


def test_article_text_is_escaped_and_first_mentions_are_linked(seed_site):
    _, _, out = seed_site
    html = (out / "site/articles/000-2e3679cd7dc92122/index.html").read_text(encoding="utf-8")
    assert html.count('href="../../people/dmitry-peskov/"') >= 1
    assert 'href="../../events/anchorage-summit-2025/"' in html


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4: text.index("\n---\n", 4)])


def test_every_front_matter_parses_back_to_what_was_written(seeds):
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(seeds, ROOT / "content/articles"))
    archive, pages = generate(config, Report())
    for item in archive.articles:
        text = pages[f"articles/{item.article.slug}.md"]
        parsed = yaml.safe_load(text[4: text.index("\n---\n", 4)])
        expected = article_meta(item)
        assert {k: parsed[k] for k in expected} == expected, item.article.source
    for path, text in pages.items():
        assert isinstance(yaml.safe_load(text[4: text.index("\n---\n", 4)]), dict), path


def test_same_input_same_output(seeds, tmp_path):
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(seeds, ROOT / "content/articles"))
    _, first = generate(config, Report())
    _, second = generate(config, Report())
    assert first == second
