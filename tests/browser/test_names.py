"""People named in Cyrillic on an English interface (issue 16 item 6): pages, indexes and link text use the
romanised name; the original spelling is kept on the person's page ("Also written") and in the search index,
so a search in Cyrillic finds the person and the articles that name them, in every language."""

from __future__ import annotations

import re

from tests.browser.test_pages import _all_results, at, search
from tests.conftest import ROOT

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_a_person_outside_the_knowledge_base_is_shown_romanised_with_the_original_spelling(page, page_errors, site_url):
    # The Ukrainian article spells him only in Cyrillic.
    raw = (ROOT / "content/articles/2026-01-24-abu-dabi-trystoronni-perehovory.txt").read_text(encoding="utf-8")
    assert "Мельничук" in raw and "Melnychuk" not in raw
    page.goto(site_url + "people/")
    row = page.locator("table tr", has_text="Melnychuk")
    assert row.count() == 1 and not CYRILLIC.search(row.locator("a").first.inner_text())
    row.locator("a").first.click()
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == "Andrii Melnychuk"
    assert "Андрій Мельничук" in page.locator("p.briefing-also").inner_text()
    assert page_errors == []


def test_a_search_in_cyrillic_finds_the_person_and_their_articles_in_every_language(page, page_errors, site_url, built_site):
    search(page, site_url, "Песков")
    found = _all_results(page, site_url)
    articles = {path for path in found if "/articles/" in path}
    assert at("/people/dmitry-peskov/") in found
    # The articles that name him, English ones too (they spell him only in Latin letters).
    english = at("/articles/2024-11-11-peskov-sanctions-race/")
    assert "Песков" not in (ROOT / "content/articles/2024-11-11-peskov-sanctions-race.txt").read_text(encoding="utf-8")
    assert english in articles and len(articles) >= 5, sorted(found)
    assert page_errors == []
