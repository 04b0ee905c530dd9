"""`briefing serve`: the preview serves the archive on 127.0.0.1 and shows an edited note without a restart."""

import threading

from bench.serve import fetch, free_port, time_until
from builder.config import load_config
from builder.pipeline.serve import Preview, serve
from tests.e2e.test_nothing_lost import tree_hashes


def wait_for(url: str, marker: str) -> str:
    time_until(url, marker, limit=60)
    return fetch(url)


def test_serve_shows_an_edited_note_and_writes_nothing_into_content_or_data(sample_project, capsys):
    project = sample_project
    config, _ = load_config(project)
    port = free_port()
    servers = []
    thread = threading.Thread(target=serve, args=(config, port), kwargs={"on_start": servers.append}, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{port}/"
        page = wait_for(base + "people/dmitry-peskov/", "How to read Dmitry Peskov")
        assert "livereload" in page
        note = project / "content/notes/peskov-spokesman-role.md"
        note.write_text(note.read_text(encoding="utf-8").replace("Caution is the default.", "Caution is always the default."),
                        encoding="utf-8")
        edited = tree_hashes(project)
        page = wait_for(base + "people/dmitry-peskov/", "Caution is always the default.")
        assert "Caution is the default." not in page
        # Only the note's pages were regenerated; the article the note is not about is untouched.
        err = capsys.readouterr().err
        assert "serving on http://127.0.0.1:" in err and "(0 article(s) annotated)" in err
    finally:
        for server in servers:
            server.shutdown()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert tree_hashes(project) == edited
    assert not (project / "docs").exists() and not (project / "site").exists()


def test_a_refresh_rewrites_only_the_pages_a_change_touches(sample_project, annotator):
    project = sample_project
    config, _ = load_config(project)
    preview = Preview(config, project / ".cache/serve")
    first = preview.refresh()
    assert first.full and first.annotated == 14 and len(first.pages) == len(preview.pages)
    assert preview.refresh().pages == []
    note = project / "content/notes/anchorage-agreement-dispute.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    change = preview.refresh()
    assert change.annotated == 0 and not change.full
    assert sorted(change.pages) == ["events/abu-dhabi-talks-2026.md", "events/anchorage-summit-2025.md",
                                    "people/sergey-lavrov.md", "topics/territory.md"]
    article = project / "content/articles/2024-11-11-peskov-sanctions-race.txt"
    article.write_text("---\ntopics: {remove: [sanctions]}\n---\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    change = preview.refresh()
    assert change.annotated == 1 and "articles/2024-11-11-peskov-sanctions-race.md" in change.pages
    assert "topics/sanctions.md" in change.pages and len(change.pages) < len(preview.pages) / 4
    assert (project / ".cache/serve/docs/articles/2024-11-11-peskov-sanctions-race.md").read_text(encoding="utf-8") == \
        preview.pages["articles/2024-11-11-peskov-sanctions-race.md"]
    topics = project / "data/topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "- id: tango\n  name: Tango\n  keywords: [tango$]\n", encoding="utf-8")
    change = preview.refresh()
    assert change.annotated == 14 and "topics/tango.md" in change.pages
    assert "2024-11-11-peskov-sanctions-race" in preview.pages["topics/tango.md"]
    # Pages kept from earlier rounds are exactly what a fresh preview renders from the same files.
    fresh = Preview(config, project / ".cache/serve-fresh")
    fresh.refresh()
    assert fresh.pages == preview.pages


def test_serve_and_build_make_the_same_pages_from_the_same_input(sample_project):
    """One pipeline: the preview's pages are the build's, settings included (person_page_min: 2 leaves the
    people named in one article without a page in both)."""
    from dataclasses import replace

    from builder.pipeline.build import build
    from builder.pipeline.incremental import BUILD_FILE, INDEX_FILE, PAGES_FILE

    (sample_project / "briefing.yml").write_text("person_page_min: 2\n", encoding="utf-8")
    config, problems = load_config(sample_project)
    assert problems == []
    build(replace(config, cache=None), run_mkdocs=False)
    built = {p.relative_to(config.docs).as_posix(): p.read_text(encoding="utf-8")
             for p in config.docs.rglob("*") if p.is_file() and p.name not in (BUILD_FILE, PAGES_FILE, INDEX_FILE)}
    preview = Preview(replace(config, cache=None), sample_project / ".cache" / "serve")
    preview.refresh()
    markdown = {path: text for path, text in preview.pages.items() if path.endswith(".md")}
    assert markdown == {path: text for path, text in built.items() if path.endswith(".md")}
    # Feeds differ only by the address they are published at (the build's site_url, the preview's URL).
    assert {p for p in preview.pages if not p.endswith(".md")} == {p for p in built if not p.endswith(".md")}
    assert sum(1 for p in markdown if p.startswith("people/") and p != "people/index.md") < \
        sum(1 for p in build_people(sample_project))


def build_people(project):
    """Person pages of the sample archive when everyone named gets one (person_page_min: 1)."""
    from builder.pipeline.generate import Report, generate

    (project / "briefing.yml").write_text("person_page_min: 1\n", encoding="utf-8")
    config, _ = load_config(project)
    from dataclasses import replace

    _, pages = generate(replace(config, cache=None), Report())
    return [p for p in pages if p.startswith("people/") and p != "people/index.md"]
