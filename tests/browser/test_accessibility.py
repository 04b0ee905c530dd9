"""axe-core (the npm package, pinned in tests/browser/axe/package.json) run in Chromium over a page of every
kind of the sample site: no serious or critical WCAG 2 A/AA violation (colour contrast, links told apart
from text only by colour, focusable elements inside aria-hidden regions, ...)."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import ARTICLE, EVENT, PERSON, TIMEOUT

PAGES = ["", ARTICLE, PERSON, EVENT, "topics/sanctions/", "timeline/", "timeline/2026/", "articles/", "people/",
         "events/", "topics/", "search/?q=Anchorage", "404.html"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERIOUS = ("serious", "critical")


def violations(page, axe_source: str) -> list[str]:
    """axe's serious and critical WCAG 2 A/AA violations on the loaded page, one line per rule."""
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
                                            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length}));
    }""", WCAG)
    return [f"{v['id']} ({v['impact']}, {v['count']} nodes: {', '.join(v['nodes'])})" for v in found if v["impact"] in SERIOUS]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(page, site_url, axe_source, path):
    page.goto(site_url + path)
    if path.startswith("search/"):
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")
    assert violations(page, axe_source) == []


@pytest.mark.parametrize("path", ["", PERSON, "people/"])
def test_no_serious_accessibility_violations_on_a_phone(phone, site_url, axe_source, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    assert violations(phone, axe_source) == []


@pytest.mark.parametrize("path", [ARTICLE, EVENT])
def test_no_serious_accessibility_violations_with_a_link_preview_open_and_quotes_narrowed(page, site_url, axe_source, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    narrow = page.locator("form.briefing-narrow select")
    if narrow.count():
        narrow.first.select_option(index=1)
    page.locator("article a[href*='/people/']").first.focus()
    page.locator("#briefing-preview").wait_for(state="visible", timeout=TIMEOUT)
    assert violations(page, axe_source) == []
