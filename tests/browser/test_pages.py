"""The built sample site in a real browser: pages load, nothing breaks, screenshots for a human to look at."""

from __future__ import annotations


def test_home_page_loads_without_errors(page, page_errors, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().startswith("Briefing Archive")
    assert page.get_by_role("heading", name="Latest articles").count() == 1
    assert page_errors == []
