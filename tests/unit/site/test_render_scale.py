"""The site at scale: long lists continue on paginated pages, people named once get no page of their own,
and every link between generated pages points at a page that exists."""

from __future__ import annotations

import posixpath
import re
from datetime import date, timedelta

from builder.archive.index import index_archive
from builder.sources.ingest import ingest_text
from builder.model import AnnotatedArticle, Annotation, PersonRef, Quote, Ref, Speaker
from builder.site.render import Settings, render_site

FIRST = ["Oisin", "Marta", "Tudor", "Lena", "Pavlo", "Ines", "Karim", "Sofia", "Radu", "Agnes", "Milos", "Hana"]
LAST = ["Obrien", "Kovacs", "Munteanu", "Varga", "Hrytsenko", "Lopes", "Haddad", "Berg", "Ionescu", "Novak"]
LINK = re.compile(r"\]\((?!https?:|<|#)([^)#\s]+\.md)[)#]")


def archive_of(kb, count: int):
    """`count` articles over two years: each names Dmitry Peskov (quoted), one person no other article
    names, and one of three recurring people outside the knowledge base."""
    items = []
    for n in range(count):
        day = date(2024, 1, 1) + timedelta(days=n * 5)
        once = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}{'' if n < 120 else n}"
        often = ["Greta Lindqvist", "Omar Selim", "Yusuf Demir"][n % 3]
        text = (f"---\ndate: {day.isoformat()}\nlang: en\n---\nTalks number {n}\n\n"
                f"Dmitry Peskov said the talks went on. {once} and {often} were there.\n")
        article, _ = ingest_text(text, f"a{n}.txt", f"talks-{n:03d}")
        people = (PersonRef("dmitry-peskov", "Dmitry Peskov", True, "Dmitry Peskov", 0, 1),
                  PersonRef(once.lower().replace(" ", "-"), once, False, once, 0, 1),
                  PersonRef(often.lower().replace(" ", "-"), often, False, often, 0, 1))
        speakers = (Speaker("dmitry-peskov", "Dmitry Peskov", (Quote("the talks went on", False, 0),)),)
        annotation = Annotation(people=people, speakers=speakers, topics=(Ref("sanctions", "Sanctions"),))
        items.append(AnnotatedArticle(article, annotation))
    return index_archive(kb, items, [])


def test_long_lists_continue_on_pages_and_one_off_names_get_no_page(kb):
    archive = archive_of(kb, 130)
    pages = render_site(archive, Settings(per_page=20, person_page_min=3))
    # Recurring people have pages; people named once are listed on the index without one.
    assert "people/greta-lindqvist.md" in pages and "people/dmitry-peskov.md" in pages
    assert "people/oisin-obrien.md" not in pages
    index = "".join(text for path, text in pages.items() if path.startswith("people/index"))
    assert "Oisin Obrien" in index and "oisin-obrien.md" not in "".join(pages.values())
    # However many articles there are, a page carries at most a page's worth per list (a person's page has
    # two lists, quotes with a link to their paragraph, and articles).
    for path, text in pages.items():
        assert len(re.findall(r"\]\([./]*articles/", text)) <= 3 * 20, path
    # Peskov's articles with his quotes: every article exactly once over his page and its continuations.
    listed = re.findall(r"articles/(talks-\d+)\.md\)$", "\n".join(
        text for path, text in pages.items() if path.startswith("people/dmitry-peskov")), re.M)
    assert sorted(listed) == sorted(f"talks-{n:03d}" for n in range(130))
    assert "people/dmitry-peskov/page-7.md" in pages
    assert "timeline/2024/page-2.md" in pages and "topics/sanctions/page-7.md" in pages


def test_every_link_between_pages_points_at_a_page(kb):
    pages = render_site(archive_of(kb, 130), Settings(per_page=20, person_page_min=3))
    for path, text in pages.items():
        for target in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages, f"{path} links to {target}"


def test_small_archives_give_everyone_a_page(kb):
    pages = render_site(archive_of(kb, 12), Settings(per_page=20))
    assert "people/oisin-obrien.md" in pages
    assert "timeline/2024/page-2.md" not in pages and "timeline/2024.md" in pages


def test_a_person_outside_the_knowledge_base_never_shares_a_kb_persons_page(kb):
    """A spelling the knowledge base does not list ("Dmitrý Peskov", with a stray accent) slugs to a
    knowledge-base id: the unknown person gets an id of their own, and the real Peskov keeps his page."""
    items = []
    for n, (name, in_kb) in enumerate([("Dmitry Peskov", True), ("Dmitrý Peskov", False)]):
        article, _ = ingest_text(f"---\ndate: 2025-0{n + 1}-01\nlang: en\n---\nTalks {n}\n\n{name} said the talks went on.\n",
                                 f"b{n}.txt", f"talks-b{n}")
        person = PersonRef("dmitry-peskov", name, in_kb, name, 0, 1)
        speaker = Speaker("dmitry-peskov", name, (Quote("the talks went on", False, 0),))
        items.append(AnnotatedArticle(article, Annotation(people=(person,), speakers=(speaker,))))
    archive = index_archive(kb, items, [])
    assert archive.people["dmitry-peskov"].in_kb and archive.people["dmitry-peskov"].name == "Dmitry Peskov"
    assert archive.people["dmitry-peskov-2"].name == "Dmitrý Peskov" and not archive.people["dmitry-peskov-2"].in_kb
    known, unknown = (next(i for i in archive.articles if i.article.slug == s).annotation for s in ("talks-b0", "talks-b1"))
    assert [p.id for p in known.people] == [s.id for s in known.speakers] == ["dmitry-peskov"]
    assert [p.id for p in unknown.people] == [s.id for s in unknown.speakers] == ["dmitry-peskov-2"]
    pages = render_site(archive, Settings(person_page_min=1))
    assert "Dmitrý" not in pages["people/dmitry-peskov.md"] and "talks-b1" in pages["people/dmitry-peskov-2.md"]


def test_a_bare_surname_never_given_in_full_gets_no_page(kb):
    """"Yoon" in five articles and never "Yoon Suk Yeol": nobody in particular; listed on the index only."""
    items = []
    for n in range(5):
        article, _ = ingest_text(f"---\ndate: 2024-0{n + 1}-02\nlang: en\n---\nSeoul talks {n}\n\nYoon said the talks went "
                                 f"on, and Greta Lindqvist agreed.\n", f"y{n}.txt", f"seoul-{n}")
        people = (PersonRef("yoon", "Yoon", False, "Yoon", 0, 1),
                  PersonRef("greta-lindqvist", "Greta Lindqvist", False, "Greta Lindqvist", 0, 1))
        items.append(AnnotatedArticle(article, Annotation(people=people)))
    pages = render_site(index_archive(kb, items, []), Settings(person_page_min=3))
    assert "people/greta-lindqvist.md" in pages and "people/yoon.md" not in pages
    assert "Yoon" in "".join(text for path, text in pages.items() if path.startswith("people/index"))
