"""Search results a reader can scan: each result says what it is (type) and when (date), no result repeats
its own title as its first sub-result, excerpts carry no paragraph marks ("¶8"), and the search page's
introduction stands above the results."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PREFIX
from tests.browser.test_pages import at, result_paths, search
from tests.e2e.test_acceptance import front_matter


def _results(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.pagefind-ui__result')].map(r => ({
        title: (r.querySelector('.pagefind-ui__result-inner > .pagefind-ui__result-title') || {}).textContent?.trim(),
        subs: [...r.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-title')].map(e => e.textContent.trim()),
        tags: [...r.querySelectorAll('.pagefind-ui__result-tag')].map(e => e.textContent.trim()),
        excerpts: [...r.querySelectorAll('.pagefind-ui__result-excerpt')].map(e => e.textContent),
    }))""")


@pytest.mark.parametrize("words", ["Peskov", "Anchorage"])
def test_results_are_typed_dated_and_do_not_repeat_their_title(page, page_errors, site_url, words):
    search(page, site_url, words)
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result-tag').length > 0", timeout=15_000)
    results = _results(page)
    assert len(results) >= 3
    for result in results:
        assert not result["subs"] or result["subs"][0] != result["title"], result
        types = [t for t in result["tags"] if t.startswith("Type:")]
        assert len(types) == 1, result
        if types[0] in ("Type: Article", "Type: Event"):
            assert any(t.startswith("Date:") for t in result["tags"]), result
        assert not any("¶" in text for text in result["excerpts"]), result
    assert page_errors == []


def test_the_introduction_is_above_the_results(page, page_errors, site_url):
    search(page, site_url, "Peskov")
    intro = page.locator("article p", has_text="Search every article").first
    first = page.locator(".pagefind-ui__result").first
    assert intro.bounding_box()["y"] < page.locator(".pagefind-ui__search-input").bounding_box()["y"]
    assert intro.bounding_box()["y"] < first.bounding_box()["y"]
    assert page.locator("h1").first.inner_text().strip().rstrip("¶").strip() == "Search"
    assert page_errors == []


def test_peskov_ranks_the_article_that_quotes_him_most_among_the_first_results(page, page_errors, serve, seeds_site):
    quotes = {}
    for path in sorted((seeds_site / "docs" / "articles").glob("0*.md")):
        speakers = front_matter(path)["speakers"]
        quotes[at(f"/articles/{path.stem}/")] = sum(len(s["quotes"]) for s in speakers if s["id"] == "dmitry-peskov")
    most = max(quotes, key=quotes.get)
    assert quotes[most] >= 5
    base = serve(seeds_site / "site", PREFIX)
    search(page, base, "Peskov")
    first = result_paths(page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title > a"), base)[:3]
    assert most in first, (most, first)
    assert page_errors == []
