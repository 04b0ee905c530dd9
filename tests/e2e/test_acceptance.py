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


def test_undated_seeds_are_placed_by_the_events_they_name_and_say_so(seed_site):
    _, _, out = seed_site
    docs = out / "docs"
    pages = {p.stem[:3]: p.read_text(encoding="utf-8") for p in (docs / "articles").glob("0*.md")}
    undated = sorted(stem for stem in pages if front_matter(docs / "articles" / f"{stem}-{_hash(docs, stem)}.md")["date"] is None)
    assert undated == ["000", "001", "002", "004"]  # their texts give no date
    placed = {stem: re.search(r"\*\*Date:\*\* none in the text; placed in (\w+ \d{4}), the date of the latest event it names "
                              r"\((.+), \d+ \w+ \d{4}\)", pages[stem]) for stem in undated}
    assert {stem: (m.group(1), m.group(2)) for stem, m in placed.items() if m} == {
        "000": ("January 2026", "US military operation in Venezuela"),
        "001": ("January 2026", "Trilateral talks in Abu Dhabi"),
        "002": ("November 2024", "Valdai Discussion Club forum 2024"),
        "004": ("December 2025", "Russia–US talks in Miami")}
    # Date views place them, and say so: the event page groups them by month, the feed has them all.
    event = (docs / "events/anchorage-summit-2025.md").read_text(encoding="utf-8")
    assert "### Undated" not in event and "### January 2026" in event and "no date of their own" in event
    feed = (out / "site/feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 5 and feed.count("No date of its own; placed at") == 4


def test_no_event_without_an_article_has_a_page_or_a_count(seed_site):
    _, _, out = seed_site
    docs = out / "docs"
    named = {e["id"] for p in (docs / "articles").glob("0*.md") for e in front_matter(p)["events"]}
    assert {p.stem for p in (docs / "events").glob("*.md")} - {"index"} == named
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert f"**{len(named)}** events" in home


def test_a_january_2022_article_is_not_related_to_undated_ones_sharing_common_people(seed_site):
    _, _, out = seed_site
    page = (out / "docs/articles" / f"003-{_hash(out / 'docs', '003')}.md").read_text(encoding="utf-8")
    related = page.split("## Related articles", 1)[1].split("\n## ", 1)[0] if "## Related articles" in page else ""
    # On main before issue 16: the four undated 2024-26 articles, sharing only Peskov and Putin.
    assert re.findall(r"\]\((00\d)-", related) == []


def _hash(docs: Path, stem: str) -> str:
    return next((docs / "articles").glob(f"{stem}-*.md")).stem[4:]


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
