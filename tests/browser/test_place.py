"""A reader knows where they are (issue 16, item 1): on an article, person, event, topic or timeline-year page
the page's tab is highlighted, breadcrumbs lead back (Home › People › Dmitry Peskov), the left sidebar (a
phone's drawer) lists the section; year pages lead to the years beside them, and the timeline's index is a
list of years and months to scan."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import NARROW

TIMEOUT = 15_000


def heading(locator) -> str:
    """A heading's text without its permalink mark."""
    return locator.inner_text().replace("¶", "").strip()

PLACES = [
    # page, its tab, its title, a page of the same section its sidebar lists
    ("articles/2022-01-27-kremlin-little-optimism/", "Articles", "Kremlin sees ‘little ground for optimism’ in U.S., NATO replies to security demands", "2022"),
    ("people/dmitry-peskov/", "People", "Dmitry Peskov", "Sergey Lavrov"),
    ("events/anchorage-summit-2025/", "Events", "Anchorage summit", "Russia–US talks in Miami"),
    ("topics/sanctions/", "Topics", "Sanctions", "Security guarantees and NATO"),
    ("timeline/2025/", "Timeline", "Timeline: 2025", "2022"),
]


@pytest.mark.parametrize("path,tab,title,listed", PLACES)
def test_a_page_shows_its_tab_its_breadcrumbs_and_its_section(page, page_errors, site_url, path, tab, title, listed):
    page.goto(site_url + path)
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.text_content().strip() == tab
    crumbs = [text.strip() for text in page.locator("nav.md-path li").all_text_contents()]
    assert crumbs == ["Home", tab, title]
    assert page.locator("nav.md-path li a").nth(1).get_attribute("href") == "../"  # the section's index
    # The section's list, with this page marked where it is one of them.
    sidebar = page.locator(".md-sidebar--primary")
    entry = sidebar.locator("a.md-nav__link", has_text=re.compile(r"^\s*" + re.escape(listed) + r"\s*$"))
    assert entry.count() == 1, sidebar.inner_text()
    if NARROW:  # on a phone the list is in the drawer the menu button opens
        page.locator("label.md-header__button[for=__drawer]").click()
    entry.wait_for(state="visible", timeout=TIMEOUT)
    entry.click()
    page.wait_for_load_state("load")
    assert page.locator(".md-tabs__item--active").text_content().strip() in (tab, "Timeline")
    assert page_errors == []


def test_a_year_leads_to_the_years_before_and_after(page, page_errors, site_url):
    page.goto(site_url + "timeline/2024/")
    years = page.locator("p.briefing-years")
    assert years.inner_text().split(" · ") == ["← 2022", "All years", "2025 →"]
    years.get_by_role("link", name="← 2022").click()
    page.wait_for_url(re.compile(r"/timeline/2022/$"), timeout=TIMEOUT)
    assert heading(page.locator("h1").first) == "Timeline: 2022"
    page.locator("p.briefing-years").get_by_role("link", name="2024 →").click()
    page.wait_for_url(re.compile(r"/timeline/2024/$"), timeout=TIMEOUT)
    assert page_errors == []


def test_the_timeline_index_lists_years_and_months_to_scan(page, page_errors, site_url):
    page.goto(site_url + "timeline/")
    article = page.locator("article")
    assert article.locator("table").count() == 0
    assert [heading(h) for h in article.locator("h2").all()][:3] == ["2026", "2025", "2024"]
    january = article.locator("li", has=page.get_by_role("link", name="January", exact=True)).filter(has_text="4 articles")
    assert january.count() == 1 and january.inner_text().strip() == "January: 4 articles, 1 event"
    bars = article.locator(".briefing-bar > span")
    widths = bars.evaluate_all("spans => spans.map(s => s.getBoundingClientRect().width)")
    assert len(widths) >= 8 and max(widths) > 0 and len(set(widths)) > 1  # as long as the month's articles
    january.get_by_role("link", name="January").click()
    page.wait_for_url(re.compile(r"/timeline/2022/#january-2022$"), timeout=TIMEOUT)
    assert page.locator("h2#january-2022").is_visible()
    assert page_errors == []


def test_long_breadcrumbs_fit_a_phone(phone, page_errors, site_url):
    phone.goto(site_url + PLACES[0][0])  # an article with a long title
    crumbs = phone.locator("nav.md-path")
    assert crumbs.is_visible()
    assert crumbs.evaluate("e => e.scrollWidth <= e.clientWidth"), "the breadcrumbs run past the screen"
    last = crumbs.locator(".briefing-path__here .md-ellipsis")
    assert last.evaluate("e => e.scrollWidth > e.clientWidth")  # cut with an ellipsis; the heading has it whole
    assert page_errors == []
