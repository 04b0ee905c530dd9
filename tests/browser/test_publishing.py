"""Publishing: under a sub-path (a GitHub Pages project site, https://user.github.io/REPO/) the 404 page
loads its styles from the site, not the server's root; without site_url the sitemap and the feeds still
link somewhere. (The whole browser suite runs under a sub-path with BRIEFING_BROWSER_PREFIX=/REPO/.)"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.request import urlopen

import pytest

from tests.browser.conftest import PREFIX, PUBLIC, build_sample

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def repo_site_url(serve, built_site, tmp_path_factory) -> str:
    """The sample site built with site_url https://example.org/REPO/ and served under /REPO/."""
    if PREFIX:
        return serve(built_site, PREFIX)
    return serve(build_sample(tmp_path_factory.mktemp("repo-site"), PUBLIC + "REPO/"), "REPO")


@pytest.mark.parametrize("missing", ["no-such-page/", "people/nobody/", "articles/2026/no/such/"])
def test_the_404_page_is_styled_under_a_sub_path(page, page_errors, repo_site_url, missing):
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 and response.url != repo_site_url + missing else None)
    response = page.goto(repo_site_url + missing)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert failed == []
    # Styled: Material's header is a coloured bar, the home link leads to the site's root under /REPO/.
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert page.evaluate("(href) => new URL(href, location.href).href", home) == repo_site_url
    assert [e for e in page_errors if "404" not in e or missing not in e] == []


def test_without_site_url_the_sitemap_lists_every_page_and_the_feed_links_the_site(built_site):
    if PREFIX:
        pytest.skip("the suite's site is built with site_url under a sub-path")
    locations = [loc.text for loc in ET.parse(built_site / "sitemap.xml").getroot().iter(SITEMAP + "loc")]
    assert len(locations) >= 60 and "people/dmitry-peskov/" in locations and all(locations)
    feed = ET.parse(built_site / "feed.xml").getroot()
    hrefs = [link.get("href") for link in feed.iter(ATOM + "link")]
    assert hrefs and all(hrefs), hrefs


def test_with_site_url_the_sitemap_and_feed_are_absolute(repo_site_url):
    with urlopen(repo_site_url + "sitemap.xml") as response:
        locations = [loc.text for loc in ET.fromstring(response.read()).iter(SITEMAP + "loc")]
    assert len(locations) >= 60 and all(loc.startswith(PUBLIC + (PREFIX or "REPO") + "/") for loc in locations)
    with urlopen(repo_site_url + "feed.xml") as response:
        hrefs = [link.get("href") for link in ET.fromstring(response.read()).iter(ATOM + "link")]
    assert hrefs and all(href.startswith(PUBLIC) for href in hrefs), hrefs
