"""Dates a reader can trust (issue 16, items 3 and 7): an undated article says so and where it was placed,
date views place it and say so, no event page is empty, and related articles are near in what they share
and in time, each saying why."""

from __future__ import annotations

import re

UNDATED = "articles/undated-kremlin-briefing/"
JANUARY_2022 = "articles/2022-01-27-kremlin-little-optimism/"


def test_an_undated_article_says_where_it_was_placed_and_why(page, page_errors, site_url):
    page.goto(site_url + UNDATED)
    line = page.locator("article p", has_text="Date:").first.inner_text()
    assert re.search(r"Date: none in the text; placed in January 2026, the date of the latest event it names "
                     r"\(.+, \d+ January 2026\)", line), line
    # The timeline places it in that month, saying it is placed, not giving it as its date.
    page.goto(site_url + "timeline/2026/")
    row = page.locator("article li", has=page.locator(f"a[href$='{UNDATED[len('articles/'):]}']"))
    assert row.inner_text().startswith("placed in January 2026:")
    assert "no date of its own" in page.locator("article").inner_text()
    assert page_errors == []


def test_no_event_page_is_empty_and_the_counts_count_pages(page, page_errors, site_url):
    page.goto(site_url + "events/")
    links = page.locator("article table a")
    targets = links.evaluate_all("links => links.map(a => a.href)")
    assert targets
    page.goto(site_url)
    home = page.locator("article").inner_text()
    assert re.search(rf"\b{len(targets)} events", home), home
    for target in targets:
        page.goto(target)
        text = page.locator("article").inner_text()
        assert "(0 articles)" not in text, target
        assert page.locator("article a[href*='/articles/']").count() >= 1, target
    assert page_errors == []


def test_related_articles_are_near_in_time_and_say_why(page, page_errors, site_url):
    page.goto(site_url + JANUARY_2022)
    rows = page.locator("h2#related-articles + ul > li").all_inner_texts()
    assert rows, "no related articles"
    for row in rows:
        assert re.search(r"\(shares .+; (same day|same week|same month|\d+ months? (earlier|later))\)$", row), row
        assert not re.match(r"(placed|\d+ \w+ 202[56])", row), row  # not the undated and later articles
    assert page_errors == []
