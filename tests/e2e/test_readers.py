"""Reader-facing pages: the person chart, related articles and events, feeds, search marks, and what the
built sample site gives a reader (facets, feeds, the Pagefind index, byte-identical output)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest

from builder.pipeline.build import build
from builder.site.charts import mentions_chart, series
from builder.config import load_config, with_overrides
from builder.site.feeds import feed_xml
from builder.model import AnnotatedArticle, Annotation, Article, Event, Placement, PersonRef, Ref
from builder.site.render import apart, related_articles, related_events
from builder.site.search import MB, PART_PAGES, SearchIndexFailed, index_site, indexed_pages, split_pages
from tests.conftest import ROOT
from tests.pagefind_index import records

ATOM = "{http://www.w3.org/2005/Atom}"


def item(slug: str, day: date | None, people=(), events=(), topics=(), title: str = "") -> AnnotatedArticle:
    article = Article(source=f"{slug}.txt", slug=slug, title=title or slug, title_source="text", date=day,
                      date_source="text" if day else "none", lang="en", lang_source="detected", outlet=None, url=None,
                      paragraphs=("First paragraph of " + slug + ".",))
    return AnnotatedArticle(article, Annotation(
        people=tuple(PersonRef(p, p.title(), True) for p in people),
        events=tuple(Ref(e, e.title()) for e in events), topics=tuple(Ref(t, t.title()) for t in topics)))


def test_chart_fills_empty_months_and_labels_every_bar():
    svg = mentions_chart("Dmitry Peskov: mentions and quotes", {"2025-08": 3, "2025-11": 1}, {"2025-08": 2})
    assert [p for p, _, _ in series({"2025-08": 3, "2025-11": 1}, {})] == ["2025-08", "2025-09", "2025-10", "2025-11"]
    assert "<title>August 2025: 3 mentions, 2 quotes</title>" in svg
    assert "<title>September 2025: 0 mentions, 0 quotes</title>" in svg
    assert ">Aug</text>" in svg and ">2025</text>" in svg  # axis labels
    assert "<td>August 2025</td><td>3</td><td>2</td>" in svg  # the text alternative
    assert "September 2025</td>" not in svg  # the table lists only periods with something in them


def test_chart_counts_per_year_over_long_spans_and_escapes_names():
    rows = series({"2019-01": 1, "2025-06": 2, "2025-07": 1}, {"2025-06": 4})
    assert rows[0] == ("2019", 1, 0) and rows[-1] == ("2025", 3, 4) and len(rows) == 7
    svg = mentions_chart("<script>alert(1)</script>", {"2025-01": 1}, {})
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_related_articles_rank_by_what_is_shared_its_rarity_and_closeness_in_time():
    a = item("a", date(2025, 8, 15), people=["putin", "trump", "peskov"], events=["anchorage"], topics=["peace"])
    b = item("b", date(2025, 8, 16), people=["putin", "peskov"], events=["anchorage"])   # the event, same week
    c = item("c", date(2025, 9, 10), people=["putin", "trump", "peskov"])                # two people, a month on
    old = item("old", date(2022, 1, 21), people=["putin", "trump", "peskov"])            # the same two, years before
    undated = item("undated", None, people=["putin", "trump", "peskov"])                 # the same two, no date
    others = [item(f"x{n}", date(2024, 1, n + 1), people=["peskov", "lavrov"]) for n in range(4)]
    everything = [a, b, c, old, undated, *others]
    related = related_articles(everything, limit=4)
    # Peskov is in every article: sharing him says nothing, and he is not given as a reason.
    assert [(r.article.slug, shared) for r, shared in related["a"]] == [("b", ["Anchorage", "Putin"]), ("c", ["Trump", "Putin"])]
    assert [r.article.slug for r, _ in related["old"]] == [] and [r.article.slug for r, _ in related["undated"]] == []
    assert related_articles(list(reversed(everything)), limit=4)["a"] == related["a"]
    # Placed in time by the event it names, an undated article counts as close.
    placed = replace(undated, placed=Placement(date(2025, 8, 20), ("Anchorage",)))
    assert [r.article.slug for r, _ in related_articles([a, b, c, old, placed, *others], limit=4)["a"]] == ["b", "undated", "c"]


def test_apart_says_how_far_in_time_and_whether_placed():
    a, b = item("a", date(2025, 8, 15)), item("b", date(2025, 8, 16))
    assert apart(a, b) == "same week" and apart(a, a) == "same day"
    assert apart(a, item("c", date(2025, 11, 20))) == "3 months later"
    assert apart(a, item("d", date(2022, 1, 21))) == "4 years earlier"
    assert apart(a, item("e", None)) == "date unknown"
    placed = replace(item("f", None), placed=Placement(date(2025, 8, 28), ("Anchorage",)))
    assert apart(a, placed) == "same month (placed)"


def test_related_events_go_both_ways():
    events = (Event("anchorage", "Anchorage", date(2025, 8, 15), related=("miami",)),
              Event("miami", "Miami", date(2025, 12, 20)), Event("geneva", "Geneva", date(2022, 1, 21), related=("nowhere",)))
    assert related_events(events) == {"anchorage": ["miami"], "miami": ["anchorage"]}


def test_feed_lists_dated_articles_newest_first_with_their_own_dates():
    items = [item("old", date(2022, 1, 28), topics=["sanctions"], title="Old <b>news</b>"), item("undated", None),
             item("new", date(2026, 2, 10), title="New")]
    xml = feed_xml("Archive: new articles", "feed.xml", items, "Archive", "")
    assert xml == feed_xml("Archive: new articles", "feed.xml", list(reversed(items)), "Archive", "")
    root = ET.fromstring(xml.encode("utf-8"))
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["New", "Old <b>news</b>"]
    assert root.find(f"{ATOM}updated").text.startswith("2026-02-10")
    assert entries[1].find(f"{ATOM}published").text.startswith("2022-01-28")
    assert entries[0].find(f"{ATOM}link").get("href") == "articles/new/"
    assert "<b>" not in xml  # titles are escaped text
    absolute = feed_xml("A", "feed-sanctions.xml", items, "Archive", "https://example.org/archive/")
    assert 'href="https://example.org/archive/articles/new/"' in absolute


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("readers")
    config, _ = load_config(ROOT)
    build(with_overrides(config, docs=out / "docs", site=out / "site", strict=True))
    return out


def test_search_index_has_facets_and_english_names_for_other_languages(sample):
    index = records(sample / "site")
    assert not any(url.startswith(("/timeline/", "/tags/")) or url in ("/", "/articles/", "/people/") for url in index)
    lavrov = index["/articles/2026-02-10-lavrov-acordul-de-la-anchorage/"]
    assert lavrov["filters"]["Language"] == ["Romanian"] and lavrov["filters"]["Year"] == ["2026"]
    assert "Sergey Lavrov" in lavrov["filters"]["Speaker"] and lavrov["filters"]["Type"] == ["Article"]
    assert "Sergey Lavrov" in lavrov["content"]  # the English name, in a Romanian article
    assert index["/events/anchorage-summit-2025/"]["filters"]["Type"] == ["Event"]
    assert index["/people/dmitry-peskov/"]["filters"]["Type"] == ["Person"]
    # Lists of other pages (related articles, companions) are not indexed as the page's own text.
    kushner = index["/people/jared-kushner/"]["content"]
    assert "Appears most with" in kushner and "Dmitry Peskov" not in kushner
    assert "Related articles" in lavrov["content"] and "Putin laudă" not in lavrov["content"]


def test_search_finds_a_person_outside_the_knowledge_base_by_either_script(sample):
    # The sample's Russian article quotes a Moscow analyst the knowledge base does not know: his page is
    # under the romanised name, and its indexed text holds the Cyrillic spelling too.
    person = records(sample / "site")["/people/igor-semenov/"]
    assert person["meta"]["title"] == "Igor Semenov" and "Игорь Семёнов" in person["content"]


def test_search_index_is_byte_identical_when_rebuilt(sample, tmp_path):
    """Pagefind itself writes its filter indexes in hash-map order; builder.site.search sorts them."""
    copy = tmp_path / "site"
    shutil.copytree(sample / "site", copy)
    shutil.rmtree(copy / "pagefind")
    assert len(index_site(copy, 100 * MB)) == 1

    def files(root):
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = files(sample / "site" / "pagefind"), files(copy / "pagefind")
    assert first == second
    assert json.loads(first["parts.json"]) == []  # the sample archive's index is one part
    filters = [gzip.decompress(v) for k, v in first.items() if k.startswith("filter/")]
    assert len(filters) == 5  # Type, Speaker, Topic, Language, Year
    language = next(f for f in filters if b"Language" in f)
    assert language.index(b"English") < language.index(b"Romanian") < language.index(b"Russian") < language.index(b"Ukrainian")


def test_pages_link_their_feeds_and_the_feeds_parse(sample):
    site = sample / "site"
    topic = (site / "topics/sanctions/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Briefing Archive: new articles" href="../../feed.xml">' in topic
    assert 'href="../../feed-sanctions.xml"' in topic
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="feed.xml"' in home
    root = ET.parse(site / "feed.xml").getroot()
    dates = [e.find(f"{ATOM}published").text for e in root.findall(f"{ATOM}entry")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 14  # every dated sample article, and the undated one
    placed = [e for e in root.findall(f"{ATOM}entry") if "No date of its own" in e.find(f"{ATOM}summary").text]
    assert [e.find(f"{ATOM}published").text[:10] for e in placed] == ["2026-01-03"]  # placed by the event it names
    sanctions = ET.parse(site / "feed-sanctions.xml").getroot().findall(f"{ATOM}entry")
    assert sanctions and all(any(c.get("term") == "sanctions" for c in e.findall(f"{ATOM}category")) for e in sanctions)


def test_person_and_event_pages_show_what_was_said_over_time(sample):
    docs = sample / "docs"
    person = (docs / "people/dmitry-peskov.md").read_text(encoding="utf-8")
    assert "<svg" in person and "**Role:**" in person and "## Appears most with" in person
    assert "(../articles/2026-01-24-abu-dabi-trystoronni-perehovory.md#p5)" in person  # a quote's paragraph
    unknown = next(p for p in docs.glob("people/*.md") if "in_knowledge_base: false" in p.read_text(encoding="utf-8"))
    assert "Not in the knowledge base yet" in unknown.read_text(encoding="utf-8")
    event = (docs / "events/anchorage-summit-2025.md").read_text(encoding="utf-8")
    august, february = event.index("### August 2025"), event.index("### February 2026")
    assert august < february  # oldest first: the summit, then the dispute
    assert "acordul-de-la-anchorage.md#p2" in event[february:]
    assert "[Russia–US talks in Miami](miami-talks-2025.md)" in event
    geneva = (docs / "events/geneva-talks-2022.md").read_text(encoding="utf-8")
    assert "security-demands-2021.md" in geneva
    demands = (docs / "events/security-demands-2021.md").read_text(encoding="utf-8")
    assert "geneva-talks-2022.md" in demands


def test_long_timelines_person_and_event_pages_continue_on_further_pages():
    from builder.model import Archive, KnowledgeBase, Person, Quote, Speaker
    from builder.site.render import Settings, render_site

    days = [date(2025, 8, d) for d in (10, 12, 14, 15, 18)]
    items = []
    for number, day in enumerate(days):
        base = item(f"a{number}", day, people=["putin"], events=["anchorage"])
        quote = Quote(f"Words number {number}.", True, 0)
        items.append(AnnotatedArticle(base.article, Annotation(
            people=base.annotation.people, speakers=(Speaker("putin", "Putin", (quote,)),),
            events=(Ref("anchorage", "Anchorage", "Anchorage", 0, (0,)),))))
    kb = KnowledgeBase(people=(Person("putin", "Putin"),), events=(Event("anchorage", "Anchorage", date(2025, 8, 15)),))
    archive = Archive(kb=kb, articles=items, people={"putin": Person("putin", "Putin")})
    pages = render_site(archive, Settings(per_page=3))
    first, second = pages["timeline/2025.md"], pages["timeline/2025/page-2.md"]
    assert "Page 1 of 3" in first and "(../articles/a4.md)" in first and "(../../articles/a1.md)" in second
    assert "## August 2025 (continued)" in second  # the month a continuation page starts in
    # newest first; on the summit's day the event comes before the article about it
    assert first.index("a4.md") < first.index("**Event:** 15 August 2025") and "a3.md" in second
    person, rest = pages["people/putin.md"], pages["people/putin/page-2.md"]
    assert "<svg" in person and "<svg" not in rest and "Words number 4." in person and "Words number 0." in rest
    assert "(../../articles/a0.md#p1)" in rest
    event, later = pages["events/anchorage.md"], pages["events/anchorage/page-2.md"]
    assert "Words number 0." in event and "Words number 4." in later  # oldest first on event pages


def test_a_site_with_nothing_to_search_is_a_clear_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><p>An index page, not marked for search.</p></body></html>")
    with pytest.raises(SearchIndexFailed) as failure:
        index_site(site, 100 * MB)
    assert str(failure.value) == (f"no page of the site in {site} is marked for the search index (an article, "
                                  "person, event or topic page); there is nothing to search.")


def test_a_failing_search_indexer_is_a_clear_error(sample, tmp_path, monkeypatch):
    """Pagefind's own complaint, said once, after what the builder says."""
    import pagefind_bin

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: the disk is full' >&2\necho 'Error: the disk is full' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: fake)
    copy = tmp_path / "site"
    shutil.copytree(sample / "site", copy)
    with pytest.raises(SearchIndexFailed) as failure:
        index_site(copy, 100 * MB)
    assert str(failure.value) == "the search indexer (Pagefind) failed on the built site: Error: the disk is full"
    assert not list(tmp_path.glob(".briefing-search-*"))  # its scratch folder is gone


def test_a_large_index_is_split_into_parts_holding_each_page_once(sample, tmp_path):
    """What the whole corpus needs (Pagefind holds every page it indexes in memory), tried on the sample
    site with small parts: the parts hold the same records as one index, each page in one part only."""
    whole = records(sample / "site")
    pages = indexed_pages(sample / "site")
    assert {f"/{path.removesuffix('index.html')}" for path, _ in pages} == set(whole)
    part_bytes = sum(size for _, size in pages) // 4
    copies = []
    for name in ("first", "second"):
        copy = tmp_path / name
        shutil.copytree(sample / "site", copy)
        parts = len(index_site(copy, part_bytes))
        copies.append(copy)
    assert parts >= 4
    bundle = copies[0] / "pagefind"
    others = json.loads((bundle / "parts.json").read_text())
    assert len(others) == parts - 1 and all(re.fullmatch(r"part-[01]+/", other) for other in others)
    # Another part holds its index only: it is searched with the first part's scripts.
    assert all(not list((bundle / other).glob("*.js")) and (bundle / other / "pagefind-entry.json").is_file()
               for other in others)
    in_parts = [{p.name for p in (bundle / other / "fragment").iterdir()} for other in ["."] + others]
    assert all(in_parts) and sum(map(len, in_parts)) == len(whole)
    assert records(copies[0]) == whole  # records() also checks that no page is in two parts

    def files(root):
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(bundle) == files(copies[1] / "pagefind")  # same site, same bytes
    assert not list(tmp_path.glob(".briefing-search-*"))


def test_a_changed_page_is_indexed_again_in_its_part_only(sample, tmp_path, monkeypatch):
    """A rebuild after one page changed runs Pagefind on the one part that holds it (the others are taken
    from the previous site), and the index is byte for byte what indexing the changed site afresh gives."""
    from builder.pipeline.incremental import Previous
    from builder.site import search

    part_bytes = sum(size for _, size in indexed_pages(sample / "site")) // 4
    before, after, fresh = tmp_path / "before", tmp_path / "after", tmp_path / "fresh"
    shutil.copytree(sample / "site", before)
    digests = index_site(before, part_bytes)
    assert len(digests) >= 4
    shutil.copytree(sample / "site", after)
    page = after / "articles/2024-11-11-peskov-sanctions-race/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(search.BODY_OPEN, search.BODY_OPEN + "<p>Geneva talks.</p>"),
                    encoding="utf-8")
    shutil.copytree(after, fresh)
    indexed = []
    index_part = search._index_part
    monkeypatch.setattr(search, "_index_part", lambda *args: indexed.append(args[3]) or index_part(*args))
    again = index_site(after, part_bytes, previous=Previous(tmp_path, before, digests))
    assert len(indexed) == 1 and "articles/2024-11-11-peskov-sanctions-race/index.html" in indexed[0]
    assert len(indexed[0]) < len(indexed_pages(after)) / 3
    assert again.keys() == digests.keys() and sum(again[name] != digests[name] for name in digests) == 1
    index_site(fresh, part_bytes)

    def files(root):
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(after / "pagefind") == files(fresh / "pagefind")
    assert "Geneva talks." in records(after)["/articles/2024-11-11-peskov-sanctions-race/"]["content"]


def test_pages_keep_their_part_as_the_archive_grows():
    pages = [(f"articles/a{n}/index.html", 1000) for n in range(1000)]
    before = split_pages(pages, 10**9, part_pages=100)
    assert all(50 <= len(part) <= 100 for part in before.values())  # small parts, a fair share each
    assert sorted(p for part in before.values() for p in part) == sorted(p for p, _ in pages)
    # Twenty more pages: every page stays in its part or in a half of it, and most parts are untouched.
    after = split_pages(pages + [(f"articles/b{n}/index.html", 1000) for n in range(20)], 10**9, part_pages=100)
    for key, part in before.items():
        halves = [k for k in after if k.startswith(key)]
        assert set(part) <= {p for k in halves for p in after[k]}
    assert sum(after.get(key) == part for key, part in before.items()) >= len(before) - 20
    # One page larger: only bytes can split its part, and a changed page never moves another one.
    assert split_pages([(p, 2000 if p == "articles/a7/index.html" else s) for p, s in pages], 10**9, 100) == before
    assert split_pages(pages[:PART_PAGES], 10**9) == {"": sorted(p for p, _ in pages[:PART_PAGES])}  # one part
    assert len(split_pages(pages[:PART_PAGES + 1], 10**9)) >= 2
    assert all(len(part) * 1000 <= 30_000 for part in split_pages(pages, 30_000).values())  # search_part_mb


