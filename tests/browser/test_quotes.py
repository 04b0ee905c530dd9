"""What a reader of a briefing archive wants beyond other archive sites (issue 16): quote cards with a
permanent link and a "Copy citation" button, the quotes of a person narrowed to a topic or an event (and of
an event to a speaker) in the browser, and link previews of people and events; keyboard included."""

from __future__ import annotations

import re
import pytest
import yaml

from tests.browser.conftest import PREFIX, PUBLIC
from tests.browser.test_pages import ARTICLE, EVENT, PERSON, TIMEOUT
from tests.conftest import ROOT

QUOTE_ID = re.compile(r"^q-[0-9a-f]{10}(-\d+)?$")


def _people() -> dict[str, dict]:
    return {p["id"]: p for p in yaml.safe_load((ROOT / "data/people.yml").read_text(encoding="utf-8"))}


@pytest.fixture
def clipboard_page(browser, page_errors):
    """A page whose script may write to and read from the clipboard (headless Chromium grants it on request)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.on("pageerror", lambda error: page_errors.append(f"page error: {error} ({tab.url})"))
    yield tab
    context.close()


def test_every_quote_has_a_permanent_link_and_copies_a_citation(clipboard_page, page_errors, site_url):
    page = clipboard_page
    page.goto(site_url + ARTICLE)
    quotes = page.locator("li.briefing-quote")
    assert quotes.count() >= 3
    ids = quotes.evaluate_all("els => els.map(e => e.id)")
    assert all(QUOTE_ID.match(i) for i in ids) and len(set(ids)) == len(ids), ids
    first = quotes.first
    assert first.locator("a.briefing-permalink").get_attribute("href") == f"#{ids[0]}"
    # The same quote on its speaker's page links to the same permanent id on the article's page.
    speaker = page.locator("h3", has=page.locator("a")).first.locator("a").first
    speaker_name = speaker.inner_text().strip()
    speaker.click()
    page.wait_for_load_state("domcontentloaded")
    there = page.locator(f"li.briefing-quote#{ids[0]} a.briefing-permalink")
    assert there.count() == 1
    assert there.get_attribute("href").endswith(f"/{ARTICLE.rstrip('/').split('/')[-1]}/#{ids[0]}")
    # Copy its citation: speaker, words, title, outlet, date, and the article's public address.
    page.goto(site_url + ARTICLE)
    button = page.locator(f"li#{ids[0]} button.briefing-cite")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.briefing-copied').textContent.length > 0", timeout=TIMEOUT)
    copied = page.evaluate("navigator.clipboard.readText()")
    public = f"{PUBLIC}{PREFIX}/" if PREFIX else site_url
    assert copied.startswith(speaker_name + ": "), copied
    assert copied.endswith(f" {public}{ARTICLE}#{ids[0]}"), copied
    raw = (ROOT / "content/articles" / (ARTICLE.rstrip("/").split("/")[-1] + ".txt")).read_text(encoding="utf-8")
    header = yaml.safe_load(raw.split("---")[1]) if raw.startswith("---") else {}
    for value in (header.get("outlet"), "2026"):
        if value:
            assert str(value) in copied, copied
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() in copied
    assert page_errors == []


def test_a_persons_quotes_are_narrowed_to_a_topic_or_an_event_and_the_view_can_be_linked(page, page_errors, site_url):
    page.goto(site_url + PERSON)
    rows = page.locator("li.briefing-row")
    total = rows.count()
    assert total >= 4
    form = page.locator("form.briefing-narrow")
    count = form.locator("[role=status]")
    assert count.inner_text().startswith(f"{total} of {total} articles")
    topic = form.get_by_label("Topic")
    values = topic.locator("option").evaluate_all("els => els.map(e => e.value).filter(Boolean)")
    # A topic that some of his articles have and others do not.
    tagged = {v: page.locator(f"li.briefing-row[data-topics~='{v}']").count() for v in values}
    chosen = next(v for v, n in sorted(tagged.items()) if 0 < n < total)
    topic.select_option(chosen)
    assert count.inner_text().startswith(f"{tagged[chosen]} of {total} articles")
    shown = page.locator("li.briefing-row:not([hidden])")
    assert shown.count() == tagged[chosen]
    assert all(chosen in (r or "").split() for r in shown.evaluate_all("els => els.map(e => e.dataset.topics)"))
    assert page.url.endswith(f"?topic={chosen}")
    # The address of the narrowed view opens it narrowed.
    page.goto(page.url)
    assert page.locator("form.briefing-narrow").get_by_label("Topic").input_value() == chosen
    assert page.locator("li.briefing-row:not([hidden])").count() == tagged[chosen]
    # By keyboard: the event list is reached with Tab and changed with the arrow keys.
    event = page.locator("form.briefing-narrow").get_by_label("Event")
    event.focus()
    before = event.input_value()
    page.keyboard.press("ArrowDown")
    assert event.input_value() != before
    assert "event=" in page.url
    assert page_errors == []


def test_an_events_quotes_are_narrowed_to_a_speaker(page, page_errors, site_url):
    page.goto(site_url + EVENT)
    quotes = page.locator("li.briefing-quote")
    speakers = quotes.evaluate_all("els => els.map(e => e.dataset.speaker)")
    assert len(set(speakers)) >= 2
    most = max(sorted(set(speakers)), key=speakers.count)
    page.locator("form.briefing-narrow").get_by_label("Speaker").select_option(most)
    visible = page.locator("li.briefing-quote:not([hidden])").evaluate_all("els => els.map(e => e.dataset.speaker)")
    assert visible == [most] * speakers.count(most)
    status = page.locator("form.briefing-narrow [role=status]").inner_text()
    assert f", {speakers.count(most)} quote" in status
    assert page.url.endswith(f"?speaker={most}")
    assert page_errors == []


def test_without_javascript_every_quote_is_there(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PERSON)
    assert page.locator("form.briefing-narrow").count() == 0
    assert page.locator("li.briefing-quote").count() >= 5
    assert page.locator("li.briefing-quote a.briefing-permalink").count() == page.locator("li.briefing-quote").count()
    context.close()


def test_a_link_preview_shows_who_a_person_is_and_their_latest_quote_by_pointer_and_keyboard(page, page_errors, site_url):
    page.goto(site_url + ARTICLE)
    link = page.locator("article a[href$='/people/dmitry-peskov/']").first
    tip = page.locator("#briefing-preview")
    link.hover()
    tip.wait_for(state="visible", timeout=TIMEOUT)
    role = _people()["dmitry-peskov"]["role"]
    assert tip.locator("strong").inner_text() == "Dmitry Peskov"
    assert role in tip.inner_text()
    assert tip.locator(".briefing-preview-quote").inner_text().strip()
    assert link.get_attribute("aria-describedby") == "briefing-preview"
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden", timeout=TIMEOUT)
    # Keyboard: focus shows it, Escape hides it.
    event = page.locator(f"article a[href$='/{EVENT}']").first
    event.focus()
    tip.wait_for(state="visible", timeout=TIMEOUT)
    assert tip.locator("strong").inner_text() == "Anchorage summit"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=TIMEOUT)
    assert page_errors == []


def test_every_person_with_a_page_has_a_preview(built_site):
    people = {p.name for p in (built_site / "people").iterdir() if p.is_dir() and (p / "index.html").is_file()
              and not p.name.startswith("page-")}
    previews = {p.stem for p in (built_site / "previews/people").glob("*.json")}
    assert people and people == previews


def test_narrowed_to_an_event_a_person_keeps_only_what_they_said_about_it(page, page_errors, site_url):
    page.goto(site_url + PERSON + "?event=anchorage-summit-2025")
    shown = page.locator("li.briefing-row:not([hidden])")
    assert shown.count() >= 2
    assert all("anchorage-summit-2025" in r.split() for r in shown.evaluate_all("els => els.map(e => e.dataset.events)"))
    kept = page.locator("li.briefing-quote:not([hidden])").evaluate_all("els => els.map(e => e.dataset.events || '')")
    dropped = page.locator("li.briefing-row:not([hidden]) li.briefing-quote[hidden]").count()
    assert kept and all("anchorage-summit-2025" in k.split() for k in kept)
    assert dropped >= 1  # he said other things in those articles, about other things
    assert page_errors == []
