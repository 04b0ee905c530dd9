"""The built sample site in a real browser: search with facets, following names, no console errors, no
broken internal links, and screenshots of an article, a person and an event page for a human to look at."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest

from tests.browser.conftest import PREFIX
from tests.conftest import ROOT
from tests.pagefind_index import records as index_records

EVENT = "events/anchorage-summit-2025/"
ARTICLE = "articles/2026-02-10-lavrov-acordul-de-la-anchorage/"
PERSON = "people/dmitry-peskov/"
TIMEOUT = 15_000


def at(path: str) -> str:
    """A site path ("/people/x/") as the browser shows it: under the sub-path the suite runs under, if any."""
    return (f"/{PREFIX}" if PREFIX else "") + path


def records(site) -> dict[str, dict]:
    """The search index's records by the path a browser shows for them."""
    return {at(url): record for url, record in index_records(site).items()}


def search(page, site_url: str, words: str):
    """Open the search page, type the words, wait for results; returns the result links."""
    page.goto(site_url + "search/")
    page.locator(".pagefind-ui__search-input").fill(words)
    links = page.locator(".pagefind-ui__result-link")
    links.first.wait_for(timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")  # results are drawn as their fragments arrive
    return links


def result_paths(links, site_url: str) -> list[str]:
    return [urlparse(urljoin(site_url, href)).path for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]


def test_home_page_loads_without_errors(page, page_errors, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().startswith("Briefing Archive")
    assert page.get_by_role("heading", name="Latest articles").count() == 1
    assert page_errors == []


def test_search_for_anchorage_opens_the_event_page(page, page_errors, site_url):
    links = search(page, site_url, "Anchorage")
    event = page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title > a", has_text="Anchorage summit")
    assert event.count() == 1, result_paths(links, site_url)
    assert event.get_attribute("href").endswith("/" + EVENT)
    event.click()
    page.wait_for_url(re.compile(re.escape(EVENT) + "$"), timeout=TIMEOUT)
    assert page.locator("h1").first.inner_text().startswith("Anchorage summit")
    assert page_errors == []


@pytest.mark.parametrize("words,expected", [
    ("Dmitry Peskov", "/people/dmitry-peskov/"),                   # a person's name
    ("Miami talks", "/events/miami-talks-2025/"),                  # an event
    ("Nobody has stopped it", "/articles/undated-kremlin-briefing/"),  # words from a quote
])
def test_search_finds_people_events_and_quotes(page, page_errors, site_url, words, expected):
    search(page, site_url, words)
    assert at(expected) in _all_results(page, site_url)
    assert page_errors == []


def test_home_search_box_leads_to_results(page, page_errors, site_url):
    page.goto(site_url)
    page.locator("form.briefing-search input[name=q]").fill("Anchorage")
    page.locator("form.briefing-search button").click()
    page.wait_for_url(re.compile(r"/search/\?q=Anchorage$"), timeout=TIMEOUT)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=TIMEOUT)
    assert page_errors == []


def test_the_header_search_box_works_from_any_page(page, page_errors, site_url):
    page.goto(site_url + PERSON)
    box = page.locator("header form.briefing-header-search input[name=q]")
    box.fill("Anchorage")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Anchorage$"), timeout=TIMEOUT)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=TIMEOUT)
    assert page.locator(".pagefind-ui__search-input").input_value() == "Anchorage"
    assert page_errors == []


def test_a_language_facet_narrows_the_results(page, page_errors, site_url, built_site):
    romanian = sorted(url for url, r in records(built_site).items() if r["filters"].get("Language") == ["Romanian"])
    assert len(romanian) >= 2
    search(page, site_url, "Anchorage")
    main_results = ".pagefind-ui__result-inner > .pagefind-ui__result-title > a"
    page.wait_for_function("""(romanian) => [...document.querySelectorAll(
        '.pagefind-ui__result-inner > .pagefind-ui__result-title > a')].some(a => !romanian.includes(new URL(a.href).pathname))""",
                           arg=romanian, timeout=TIMEOUT)
    before = set(result_paths(page.locator(main_results), site_url))
    assert before - set(romanian)  # English pages and the event page match too
    page.locator(".pagefind-ui__filter-name", has_text="Language").click()
    page.locator(".pagefind-ui__filter-label", has_text="Romanian").click()
    # Wait until the list is redrawn with only Romanian articles (it is replaced, not appended to).
    page.wait_for_function("""(allowed) => {
        const links = [...document.querySelectorAll('.pagefind-ui__result-inner > .pagefind-ui__result-title > a')];
        return links.length > 0 && links.every(a => allowed.includes(new URL(a.href).pathname));
    }""", arg=romanian, timeout=TIMEOUT)
    after = set(result_paths(page.locator(main_results), site_url))
    assert after and after <= set(romanian) and after != before
    assert page_errors == []


def test_a_ukrainian_article_is_found_by_the_english_name_of_its_speaker(page, page_errors, site_url, built_site):
    # The Ukrainian text spells him only Пєсков; "Peskov" comes from the knowledge base.
    raw = (ROOT / "content/articles/2026-01-24-abu-dabi-trystoronni-perehovory.txt").read_text(encoding="utf-8")
    assert "Пєсков" in raw and "Peskov" not in raw
    search(page, site_url, "Peskov")
    assert at("/articles/2026-01-24-abu-dabi-trystoronni-perehovory/") in _all_results(page, site_url)
    assert page_errors == []


def _all_results(page, site_url: str) -> set[str]:
    """Press "Load more results" until as many results are shown as the message counts ("22 results for
    …"; under load the button is drawn after the first results, so its absence proves nothing) and each has
    its link; their paths."""
    message = page.locator(".pagefind-ui__message")
    message.wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => /^\\d+ results? for/.test(document.querySelector('.pagefind-ui__message').textContent)",
                           timeout=TIMEOUT)
    total = int(message.inner_text().split()[0])
    results = page.locator(".pagefind-ui__result")
    more = page.locator(".pagefind-ui__button")
    links = page.locator(".pagefind-ui__result-link")
    for _ in range(TIMEOUT // 200):  # bounded: a page that never shows them all fails the comparison
        # A result is drawn as a placeholder first and gets its link when its fragment arrives (from its own
        # part's folder when the index is in parts): counted once every result has its page's link.
        if results.count() >= total and len(set(result_paths(links, site_url))) >= total:
            break
        if results.count() < total and more.count() and more.first.is_visible():
            more.first.click()
        page.wait_for_timeout(200)
    return set(result_paths(links, site_url))


def test_a_linked_name_in_an_article_opens_the_person_page(page, page_errors, site_url):
    page.goto(site_url + ARTICLE)
    name = page.locator("article p[id^=p] a[href*='/people/']").first
    target_name = name.inner_text()
    name.click()
    page.wait_for_url(re.compile(r"/people/[^/]+/$"), timeout=TIMEOUT)
    heading = page.locator("h1").first.inner_text()
    assert heading.startswith("Serghei Lavrov") or heading.startswith("Sergey Lavrov"), (target_name, heading)
    chart = page.locator("svg.briefing-chart")
    assert chart.count() == 1 and chart.locator("title").count() > 1
    assert page_errors == []


def test_pages_of_every_kind_have_no_console_errors(page, page_errors, site_url):
    # Article, person and event pages are checked by test_screenshots.
    for path in ["", "search/", "topics/sanctions/", "timeline/2026/", "people/", "events/", "articles/"]:
        page.goto(site_url + path, wait_until="load")
    assert page_errors == []


@pytest.mark.parametrize("name,path", [("article", ARTICLE), ("person", PERSON), ("event", EVENT)])
def test_screenshots(page, page_errors, site_url, screenshots, name, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    target = screenshots / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    assert page_errors == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for attribute in ("href", "src"):
            if values.get(attribute) and not (tag == "link" and values.get("rel") in ("preconnect", "dns-prefetch")):
                self.links.append(values[attribute])


def _fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except HTTPError as error:
        return error.code, b"", ""


def test_every_internal_link_resolves(site_url):
    """Crawl every page reachable from the home page; every internal href and src must answer 200, and a
    link to #anchor must find that id on the target page."""
    pending, seen, ids, broken, anchors = [site_url], set(), {}, [], []
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = _fetch(url)
        if status != 200:
            broken.append(url)
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        ids[url] = parser.ids
        for link in parser.links:
            absolute, fragment = urldefrag(urljoin(url, link))
            if not absolute.startswith(site_url):
                continue
            if fragment:
                anchors.append((url, absolute, fragment))
            pending.append(absolute)
    assert not broken, broken
    missing = [(source, target, fragment) for source, target, fragment in anchors
               if target in ids and fragment not in ids[target]]
    assert not missing, missing[:10]
    pages = [u for u in ids if "/pagefind/" not in u]
    assert len(pages) >= 60 and any("/people/" in u for u in pages) and any(u.endswith("/feed.xml") for u in seen)


@pytest.fixture(scope="module")
def parted_site_url(serve, built_site, tmp_path_factory) -> str:
    """The sample site with its search index in parts, as the builder makes it for a large archive."""
    import shutil

    from builder.site.search import index_site, indexed_pages

    copy = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(built_site, copy)
    assert len(index_site(copy, sum(size for _, size in indexed_pages(copy)) // 4)) >= 4
    return serve(copy, PREFIX)


@pytest.mark.parametrize("words", ["Anchorage", "Peskov", "sanctions"])
def test_an_index_in_parts_finds_what_one_index_finds(page, page_errors, site_url, parted_site_url, words):
    search(page, site_url, words)
    whole = _all_results(page, site_url)
    search(page, parted_site_url, words)
    assert _all_results(page, parted_site_url) == whole
    assert page_errors == []


def test_filters_count_pages_of_every_part(page, page_errors, site_url, parted_site_url, built_site):
    romanian = {url for url, r in records(built_site).items() if r["filters"].get("Language") == ["Romanian"]}
    counts = []
    for url in (site_url, parted_site_url):
        search(page, url, "Anchorage")
        page.locator(".pagefind-ui__filter-name", has_text="Language").click()
        label = page.locator(".pagefind-ui__filter-label", has_text="Romanian")
        counts.append(label.inner_text())
        label.click()
        page.wait_for_function("""(allowed) => {
            const links = [...document.querySelectorAll('.pagefind-ui__result-inner > .pagefind-ui__result-title > a')];
            return links.length > 0 && links.every(a => allowed.includes(new URL(a.href).pathname));
        }""", arg=sorted(romanian), timeout=TIMEOUT)
    assert counts[0] == counts[1] and re.search(r"\(\d+\)", counts[0]), counts
    assert page_errors == []
