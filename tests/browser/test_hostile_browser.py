"""Hostile article text in a real browser: a built page, its search results and the index pages that list
it run no script from an article and gain no element from it."""

from __future__ import annotations

import pytest

from tests.e2e.test_hostile_input import HOSTILE_LINES, HOSTILE_TITLE, build_hostile_project

# Elements an article's text tried to inject; none may exist inside the page's content.
INJECTED = "script, img, iframe, svg, b, i, table, hr, .admonition"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, serve):
    project = build_hostile_project(tmp_path_factory.mktemp("hostile-browser"))
    return serve(project / "site")


def pwned(page):
    """What an article's script set, if any ran (every payload writes window.__pwned)."""
    return page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")


def test_hostile_article_runs_nothing_and_shows_its_text(page, page_errors, hostile_url):
    page.goto(hostile_url + "articles/hostile/")
    page.wait_for_load_state("load")
    assert pwned(page) is None
    assert page.title() == f"{HOSTILE_TITLE} - Briefing Archive"
    content = page.locator("article.md-content__inner")
    assert content.locator(INJECTED).count() == 0
    assert content.locator("h1").count() == 1
    shown = " ".join(content.inner_text().split())
    for line in [HOSTILE_TITLE, *HOSTILE_LINES]:
        assert " ".join(line.split()) in shown, line
    header = " ".join(page.locator("header").inner_text().split())
    assert HOSTILE_TITLE in header  # the theme's header shows the title as text
    for link in content.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert page_errors == []


@pytest.mark.parametrize("path", ["", "articles/", "articles/header/"])
def test_pages_listing_hostile_titles_run_nothing(page, page_errors, hostile_url, path):
    page.goto(hostile_url + path)
    page.wait_for_load_state("load")
    assert pwned(page) is None
    assert page.locator("article.md-content__inner").locator(INJECTED).count() == 0
    assert page_errors == []


@pytest.mark.parametrize("words", ["Peskov rejects", "was also in the page", "contained nothing else"])
def test_search_results_show_hostile_text_as_text(page, page_errors, hostile_url, words):
    # The search page (Pagefind) shows titles and excerpts of the article: as text, never as HTML.
    page.goto(hostile_url + "search/")
    page.locator(".pagefind-ui__search-input").fill(words)
    listing = page.locator(".pagefind-ui__results")
    listing.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)  # excerpts are filled in after the titles
    assert pwned(page) is None
    assert listing.locator("script, img, iframe, svg, b, i, table").count() == 0
    shown = " ".join(listing.inner_text().split())
    assert " ".join(HOSTILE_TITLE.split()) in shown
    assert "window.__pwned" in shown, shown  # an excerpt shows the payload's characters
    assert page_errors == []


def test_a_hostile_quote_is_cited_and_previewed_as_text(browser, page_errors, hostile_url):
    # The citation and the link preview are made in the browser from the page's data: as text, never as HTML.
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.goto(hostile_url + "articles/hostile/")
    quote = page.locator("li.briefing-quote", has_text="is not a plan")
    assert quote.count() == 1
    quote.locator("button.briefing-cite").click()
    page.wait_for_function("document.querySelector('.briefing-copied').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "<script>window.__pwned='quote'</script> is not a plan" in copied, copied
    page.locator("article a[href*='/people/']").first.hover()
    page.locator("#briefing-preview").wait_for(state="visible")
    assert pwned(page) is None
    assert page.locator("#briefing-preview").locator(INJECTED).count() == 0
    assert page_errors == []
    context.close()
