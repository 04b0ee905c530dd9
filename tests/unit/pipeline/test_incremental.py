"""Incremental builds (builder.pipeline.incremental): the HTML of pages whose Markdown is unchanged, and the search
index parts whose pages are unchanged, come from the previous build, and the result is byte for byte what
a full build of the same input gives."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from builder.pipeline.build import build
from builder.config import load_config, with_overrides
from builder.pipeline.incremental import (BUILD_FILE, INDEX_FILE, PAGES_FILE, OwnFiles, Previous, counts_text, files_under,
                                         own_file, read_counts)

ADDED = "\n\nKremlin spokesman Dmitry Peskov said: \"The talks will go on next week in Geneva.\"\n"


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def configure(project: Path, **changes):
    config, problems = load_config(project)
    assert not problems
    return replace(with_overrides(config, cache=project / ".cache"), **changes)


def test_an_incremental_build_writes_what_a_full_build_writes(sample_project, tmp_path):
    config = configure(sample_project, search_part_mb=1)  # an index in parts, some of them changed
    first = build(config)
    assert first.reused_pages == 0 and first.pages > 40
    articles = sample_project / "content/articles"
    edited = articles / "2024-11-11-peskov-sanctions-race.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    gone = sorted(articles.glob("*.txt"))[0]
    gone.unlink()
    (sample_project / "content/notes/geneva.md").write_text("---\ntitle: Geneva\nabout:\n  - person/dmitry-peskov\n---\nA note on Geneva.\n",
                                                            encoding="utf-8")

    again = build(config)
    full_site, full_docs = tmp_path / "full" / "site", tmp_path / "full" / "docs"
    full = build(replace(config, cache=None, site=full_site, docs=full_docs))
    assert full.reused_pages == 0 and full.search_parts == again.search_parts >= 2
    # Only what the change touched was made again: the edited article, its people, topics and indexes.
    assert 0 < again.pages - again.reused_pages < again.pages / 2, (again.pages, again.reused_pages)
    assert files(sample_project / "docs") == files(full_docs)
    assert files(sample_project / "site") == files(full_site)
    slug = gone.stem
    assert not (sample_project / "site" / "articles" / slug).exists()  # the removed article's page is gone
    assert "Geneva" in (sample_project / "site/articles/2024-11-11-peskov-sanctions-race/index.html").read_text(encoding="utf-8")


def test_a_rebuild_with_nothing_changed_takes_every_page_and_search_part_over(sample_project):
    config = configure(sample_project, search_part_mb=1)
    build(config)
    before = files(sample_project / "site")
    again = build(config)
    assert again.reused_pages == again.pages
    assert again.search_parts >= 1 and again.reused_search_parts == again.search_parts
    assert files(sample_project / "site") == before


def test_a_changed_mkdocs_yml_or_a_stale_record_builds_every_page(sample_project):
    config = configure(sample_project)
    build(config)
    mkdocs_yml = sample_project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace("primary: indigo", "primary: teal"),
                          encoding="utf-8")
    changed = build(config)
    assert changed.reused_pages == 0 and changed.reused_search_parts == 0
    assert "teal" in (sample_project / "site/index.html").read_text(encoding="utf-8")
    assert build(config).reused_pages == changed.pages
    # A build stopped between its two swaps leaves site/ made from other Markdown than docs/ holds.
    record = sample_project / "docs" / BUILD_FILE
    data = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**data, "docs": "0" * 64}), encoding="utf-8")
    assert build(config).reused_pages == 0
    # Without the cache, or with --strict (MkDocs checks only the pages it builds), every page is made afresh.
    assert build(config).reused_pages == changed.pages
    assert build(replace(config, cache=None)).reused_pages == 0
    assert build(config).reused_pages == changed.pages
    assert build(replace(config, strict=True)).reused_pages == 0


def test_a_changed_sidebar_list_takes_no_page_over(tmp_path):
    # Every page of a section shows its list (builder.site.site_plugin): a page whose Markdown is unchanged
    # would keep the old list, so a changed list makes every page again.
    from builder.pipeline.incremental import Previous, reuse_pages

    def tree(name: str, years: list[str]) -> Path:
        docs = tmp_path / name / "docs"
        (docs / "people").mkdir(parents=True)
        navigation = "".join(f"  - [timeline/{y}.md, '{y}']\n" for y in years)
        (docs / "index.md").write_text(f"---\ntitle: Home\nnavigation:\n  timeline:\n{navigation}---\n\n# Home\n", encoding="utf-8")
        (docs / "people/x.md").write_text("---\ntitle: X\n---\n\n# X\n", encoding="utf-8")
        for page in ("index.html", "people/x/index.html"):
            (tmp_path / name / "site" / page).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name / "site" / page).write_text("<html></html>", encoding="utf-8")
        return docs

    before = tree("before", ["2025", "2024"])
    previous = Previous(before, before.parent / "site")
    assert reuse_pages(previous, tree("same", ["2025", "2024"]), tmp_path / "new-same", True) == 2
    assert reuse_pages(previous, tree("new-year", ["2026", "2025", "2024"]), tmp_path / "new-year-site", True) == 0


def test_markdown_taken_over_is_what_a_full_build_writes_when_an_article_names_other_people(sample_project, tmp_path):
    # The Markdown of an article, person, event or topic is taken from the previous build when its inputs are
    # unchanged (builder.pipeline.incremental.StoredPages). Here one article stops naming Jen Psaki and names
    # Maria Zakharova and a person the knowledge base does not know: their pages, the pages of the people
    # beside them, the related-article lists of other articles and the indexes must all be made again.
    config = configure(sample_project)
    first = build(config)
    assert first.reused_markdown == 0
    edited = sample_project / "content/articles/2022-01-27-kremlin-little-optimism.txt"
    text = edited.read_text(encoding="utf-8")
    assert "Jen Psaki" in text
    edited.write_text(text.replace("White House press secretary Jen Psaki", "Foreign Ministry spokeswoman Maria Zakharova")
                      + "\n\nThe Norwegian envoy Ingrid Halvorsen told reporters in Oslo that the replies deserved a careful reading.\n",
                      encoding="utf-8")

    again = build(config)
    full_docs, full_site = tmp_path / "full" / "docs", tmp_path / "full" / "site"
    full = build(replace(config, cache=None, docs=full_docs, site=full_site))
    assert full.reused_markdown == 0
    assert files(sample_project / "docs") == files(full_docs)
    assert files(sample_project / "site") == files(full_site)
    # Most pages were taken over, and the changed article's were not.
    articles = len(list((full_docs / "articles").glob("*.md")))
    assert articles - 1 <= again.reused_markdown < again.pages, (again.reused_markdown, again.pages)
    page = (sample_project / "docs/articles/2022-01-27-kremlin-little-optimism.md").read_text(encoding="utf-8")
    assert "maria-zakharova" in page and "Ingrid Halvorsen" in page and "Jen Psaki" not in page
    zakharova = (sample_project / "docs/people/maria-zakharova.md").read_text(encoding="utf-8")
    assert "2022-01-27-kremlin-little-optimism" in zakharova


def test_a_page_changed_by_hand_in_docs_is_made_again_not_taken_over(sample_project, tmp_path):
    config = configure(sample_project)
    build(config)
    page = sample_project / "docs/articles/2022-01-27-kremlin-little-optimism.md"
    made = page.read_text(encoding="utf-8")
    page.write_text(made.replace("Kremlin", "Elsewhere"), encoding="utf-8")
    again = build(config)
    assert page.read_text(encoding="utf-8") == made
    assert 0 < again.reused_markdown
    record = json.loads((sample_project / "docs" / PAGES_FILE).read_text(encoding="utf-8"))
    assert any("articles/2022-01-27-kremlin-little-optimism.md" in group for group in record.values())


def test_a_record_naming_a_page_outside_docs_is_not_followed(sample_project, tmp_path):
    config = configure(sample_project)
    build(config)
    outside = tmp_path / "outside.md"
    outside.write_text("planted\n", encoding="utf-8")
    record_path = sample_project / "docs" / PAGES_FILE
    record = json.loads(record_path.read_text(encoding="utf-8"))
    group = next(k for k, pages in record.items() if "articles/2022-01-27-kremlin-little-optimism.md" in pages)
    digest = hashlib.sha256(b"planted\n").hexdigest()[:40]
    record[group] = {"../../outside.md": digest}
    record_path.write_text(json.dumps(record), encoding="utf-8")
    again = build(config)  # the group is made again, not read from outside docs/
    assert again.reused_markdown > 0
    assert "planted" not in (sample_project / "docs/articles/2022-01-27-kremlin-little-optimism.md").read_text(encoding="utf-8")


def test_a_page_linked_out_of_docs_or_site_is_not_taken_over(sample_project, tmp_path):
    # The previous docs/ and site/ are read, never trusted: a page there that is a link to a file elsewhere
    # (whose digest a record names) must not bring that file into the new site.
    config = configure(sample_project)
    build(config)
    slug = "2022-01-27-kremlin-little-optimism"
    outside = tmp_path / "outside.md"
    outside.write_text("planted\n", encoding="utf-8")
    record_path = sample_project / "docs" / PAGES_FILE
    record = json.loads(record_path.read_text(encoding="utf-8"))
    group = next(k for k, pages in record.items() if f"articles/{slug}.md" in pages)
    record[group] = {f"articles/{slug}.md": hashlib.sha256(b"planted\n").hexdigest()[:40]}
    record_path.write_text(json.dumps(record), encoding="utf-8")
    page = sample_project / "docs/articles" / f"{slug}.md"
    page.unlink()
    page.symlink_to(outside)
    # A page of the previous site whose Markdown is unchanged is copied: not when it is a link out of site/.
    html = sample_project / "site/people/dmitry-peskov/index.html"
    planted_html = tmp_path / "outside.html"
    planted_html.write_text("<script>planted()</script>", encoding="utf-8")
    html.unlink()
    html.symlink_to(planted_html)
    # Nor a file of the search index, whose parts are copied whole when their pages are unchanged.
    bundled = next(p for p in sorted((sample_project / "site/pagefind").rglob("*")) if p.is_file())
    bundled.unlink()
    bundled.symlink_to(planted_html)

    again = build(config)
    assert again.reused_markdown > 0 and again.reused_pages > 0 and again.reused_search_parts > 0
    for output in ("docs", "site"):
        for path in (sample_project / output).rglob("*"):
            assert not path.is_symlink(), path
            assert not path.is_file() or b"planted" not in path.read_bytes(), path


def test_a_record_with_a_bad_path_is_ignored_not_fatal(sample_project):
    config = configure(sample_project)
    build(config)
    record_path = sample_project / "docs" / PAGES_FILE
    record = json.loads(record_path.read_text(encoding="utf-8"))
    group = next(iter(record))
    record[group] = {"articles/\u0000.md": "0" * 40}
    record_path.write_text(json.dumps(record), encoding="utf-8")
    again = build(config)
    assert again.reused_markdown > 0


def test_the_index_counts_of_a_previous_build_are_read_only_whole_of_todays_code_and_docs_own(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    previous = Previous(docs, tmp_path / "site")
    counts = {"5f0c": {"Pell Grants": [0, 2, 1, 3]}}
    (docs / INDEX_FILE).write_text(counts_text(counts), encoding="utf-8")
    assert read_counts(previous) == counts
    assert read_counts(None) is None and read_counts(Previous(tmp_path, tmp_path / "site")) is None  # none, no build
    for damaged in ("{", "[]", json.dumps({"code": "an older counting", "counts": counts}),
                    counts_text({"5f0c": {"Pell Grants": [0, -2, 1, 3]}}), counts_text({"5f0c": {"Pell Grants": ["2"]}}),
                    counts_text({"5f0c": ["Pell Grants"]})):
        (docs / INDEX_FILE).write_text(damaged, encoding="utf-8")
        assert read_counts(Previous(docs, tmp_path / "site")) is None, damaged
    elsewhere = tmp_path / "counts.json"
    elsewhere.write_text(counts_text(counts), encoding="utf-8")
    (docs / INDEX_FILE).unlink()
    (docs / INDEX_FILE).symlink_to(elsewhere)
    assert read_counts(Previous(docs, tmp_path / "site")) is None  # a link is not followed


def test_own_files_of_a_walked_tree_are_what_own_file_finds_path_by_path(tmp_path):
    root, outside = tmp_path / "site", tmp_path / "outside"
    (root / "people" / "a").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_text("not the site's", encoding="utf-8")
    (root / "index.html").write_text("home", encoding="utf-8")
    (root / "people" / "a" / "index.html").write_text("a person", encoding="utf-8")
    (root / "people" / "linked.html").symlink_to(outside / "secret.html")
    (root / "elsewhere").symlink_to(outside, target_is_directory=True)
    (root / "loop.html").symlink_to(root / "loop.html")
    walked = OwnFiles(root)
    asked = ["index.html", "people/a/index.html", "./index.html", "people//a/index.html", "people/linked.html",
             "elsewhere/secret.html", "loop.html", "people", "people/a/../../index.html", "../outside/secret.html",
             str(root / "index.html"), "missing.html", "index.html\0", ""]
    assert {path: walked(path) for path in asked} == {path: own_file(root, path) for path in asked}
    assert {path: walked.has(path) for path in asked} == {path: own_file(root, path) is not None for path in asked}
    assert walked("index.html") == root / "index.html" and walked("people/linked.html") is None


def test_files_under_a_tree_are_what_rglob_finds(tmp_path):
    root, outside = tmp_path / "docs", tmp_path / "outside"
    (root / "people" / "a").mkdir(parents=True)
    (root / ".hidden").mkdir()
    outside.mkdir()
    (outside / "other.md").write_text("elsewhere", encoding="utf-8")
    for path in ("index.md", "people/a.md", "people/a/page-2.md", ".briefing-pages.json", ".hidden/x.md", "people/.x.md",
                 "feed.xml"):
        (root / path).write_text(path, encoding="utf-8")
    (root / "people" / "linked.md").symlink_to(outside / "other.md")
    (root / "people" / "gone.md").symlink_to(outside / "gone.md")
    (root / "elsewhere").symlink_to(outside, target_is_directory=True)
    walked = [p.relative_to(root) for p in root.rglob("*") if p.is_file()]
    assert sorted(files_under(root)) == sorted(p.as_posix() for p in walked)
    assert sorted(files_under(root, hidden=False)) == sorted(
        p.as_posix() for p in walked if not any(part.startswith(".") for part in p.parts))
    assert "people/linked.md" in files_under(root) and "people/gone.md" not in files_under(root)
