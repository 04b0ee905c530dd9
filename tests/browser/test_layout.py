"""Layout at desktop and phone sizes: nothing of a chart or a table is cut off or runs off-screen, and the
site's name stays whole beside the header's search box."""

from __future__ import annotations

import pytest

ONE_MONTH_PERSON = "people/scott-bessent/"
"""Quoted or mentioned in one month only in the sample archive: a chart of one bar."""


def _inside_the_chart(page) -> list[str]:
    """The chart's texts (legend, labels) that reach beyond the SVG's own box."""
    return page.evaluate("""() => {
        const svg = document.querySelector('svg.briefing-chart');
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text, rect')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.right > box.right + 0.5 || r.left < box.left - 0.5;
        }).map(e => e.textContent || e.outerHTML);
    }""")


@pytest.mark.parametrize("path", [ONE_MONTH_PERSON, "people/dmitry-peskov/"])
def test_the_chart_legend_is_whole(page, page_errors, site_url, path):
    page.goto(site_url + path)
    assert page.locator("svg.briefing-chart").count() == 1
    assert _inside_the_chart(page) == []
    assert page_errors == []


def _off_screen(page, selector: str) -> list[str]:
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 0.5 || r.left < -0.5; })
        .map(e => e.textContent.trim())""", selector)


def test_the_people_table_fits_a_phone(phone, page_errors, site_url):
    phone.goto(site_url + "people/")
    phone.wait_for_load_state("networkidle")
    assert phone.locator("article table th").count() >= 3
    assert _off_screen(phone, "article table th") == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert page_errors == []


@pytest.mark.parametrize("path", ["", "people/dmitry-peskov/", "search/"])
def test_the_site_name_is_not_cut_beside_the_search_box_on_a_phone(phone, page_errors, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    name = phone.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.inner_text().strip() == "Briefing Archive"
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), "the site's name is cut off"
    assert phone.locator("header form.briefing-header-search input").is_visible()
    assert _off_screen(phone, "header form.briefing-header-search") == []
    assert page_errors == []


def test_the_phone_chart_fits_the_screen(phone, site_url):
    phone.goto(site_url + "people/dmitry-peskov/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
