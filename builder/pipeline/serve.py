"""`briefing serve`: a live preview that rebuilds only what a change needs and reloads the browser.

The archive stays in memory between changes: each article file is re-read only when its bytes change,
re-annotated only when it changed or the knowledge base did (then the annotation cache's entity spans
make that a pass of the rules, without the model), and the pages are regenerated in memory. Only pages
whose text changed are written into the preview folder (.cache/serve/docs, never docs/ or site/), and
MkDocs' own live-reload server builds the site there with dirty builds, so only those pages are rebuilt.
Nothing is written into content/ or data/.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from builder.pipeline import outputs
from builder.pipeline.mkdocs_run import Preview as MkDocsPreview, mkdocs_build, template_cache
from builder.pipeline.generate import (Report, Reuse, Run, knowledge_base, annotate_all, corrected, generate, read_articles,
                                       render_settings, shown_path)
from builder.archive.index import index_archive
from builder.pipeline.build import print_problems
from builder.config import Config
from builder.pipeline.incremental import BUILD_FILE
from builder.sources.ingest import read_article
from builder.model import AnnotatedArticle, Annotation, Archive, Article, KnowledgeBase, Problem
from builder.site.feeds import render_feeds
from builder.site.render import PageMemo, Settings, link_previews, render_site
from builder.site.search import MB, SearchIndexFailed, index_site

PREVIEW_FOLDER = Path(".cache") / "serve"


@dataclass
class Refresh:
    """What one refresh of the preview did."""

    pages: list[str] = field(default_factory=list)
    """Pages (paths under docs/) whose text changed and were written."""
    removed: list[str] = field(default_factory=list)
    """Pages that no longer exist."""
    annotated: int = 0
    """Articles annotated again (changed, new, or all of them after a knowledge-base change)."""
    full: bool = False
    """The whole site must be built again (first build, removed pages, a changed mkdocs.yml)."""
    seconds: float = 0.0
    """Time spent reading, annotating and rendering."""


def _stamp(paths: Iterable[Path], content: bool = False) -> tuple:
    """What the files are now: path, size and modification time (or, with `content`, a digest of the bytes)."""
    stamp = []
    for path in paths:
        try:
            status = path.stat()
        except OSError:  # gone between listing and looking
            continue
        if content:
            stamp.append((path, hashlib.sha256(path.read_bytes()).digest()))
        else:
            stamp.append((path, status.st_size, status.st_mtime_ns))
    return tuple(stamp)


class _Corrected(NamedTuple):
    """An article's corrected annotation, and what it was made from."""

    article: Article
    annotation: Annotation
    kb: KnowledgeBase
    item: AnnotatedArticle
    problems: list[Problem]


class PreviewReuse(Reuse):
    """The preview's memory between rounds, for the same stages as the build (builder.pipeline.generate):
    the knowledge base is read again only when data/ changed, an article file only when its bytes did,
    annotated again only when it or the knowledge base changed, corrected again only when its annotation
    did; the index is kept when no article object changed and pages are memoised (PageMemo)."""

    def __init__(self):
        self.kb: KnowledgeBase | None = None
        self._data: tuple = ()
        self._kb_problems: list[Problem] = []
        self._files: tuple = ()
        self._articles: list[Article] = []
        self._read_problems: list[Problem] = []
        self._ingested: dict[Path, tuple[tuple[bytes, str], Article, list[Problem]]] = {}
        self.annotations: dict[str, tuple[Article, Annotation]] = {}
        self._fixed: dict[str, _Corrected] = {}
        self._archive: Archive | None = None
        self._indexed: list[AnnotatedArticle] = []
        self._memo = PageMemo()
        self.annotated = 0
        """Articles annotated in the last round."""

    def knowledge_base(self, run: Run) -> tuple[KnowledgeBase, bool]:
        config = run.config
        data = _stamp(sorted(config.data.glob("*.yml")), content=True) if config.data and config.data.is_dir() else ()
        changed = False
        if self.kb is None or data != self._data:
            kb, self._kb_problems = knowledge_base(config)
            self._data = data
            changed = self.kb is None or kb.version != self.kb.version
            if changed:
                self.kb = kb
        run.report.problems.extend(self._kb_problems)
        return self.kb, changed

    def read(self, run: Run) -> list[Article]:
        stamp = _stamp(run.files)
        if stamp != self._files:
            present = set(run.files)
            self._ingested = {p: v for p, v in self._ingested.items() if p in present}
            self._read_problems = []
            self._articles = read_articles(run.files, run.config, self._read_problems, reader=self._read)
            self._files = stamp
        run.report.problems.extend(self._read_problems)
        return self._articles

    def _read(self, path: Path, shown: str, name: str, languages: tuple[str, ...]) -> tuple[Article, list[Problem]]:
        """read_article, remembering the result while the file's bytes and page name stay the same."""
        key = (hashlib.sha256(path.read_bytes()).digest(), name)
        known = self._ingested.get(path)
        if known and known[0] == key:
            return known[1], list(known[2])
        article, warnings = read_article(path, shown, name, languages)
        self._ingested[path] = (key, article, warnings)
        return article, warnings

    def annotate(self, run: Run, articles: list[Article], tally: Counter) -> list[AnnotatedArticle]:
        stale = [a for a in articles if run.kb_changed or self.annotations.get(a.source, (None,))[0] is not a]
        for item in annotate_all(run.config, run.kb, run.files, stale, run.stage("annotate"), tally,
                                 run.report.problems, run.cache):
            self.annotations[item.article.source] = (item.article, item.annotation)
        self.annotated = len(stale)
        articles = [a for a in articles if a.source in self.annotations]  # one the annotator failed on is reported
        self.annotations = {a.source: self.annotations[a.source] for a in articles}
        annotated = [self._corrected(article, run.kb, run.report.problems) for article in articles]
        self._fixed = {a.source: self._fixed[a.source] for a in articles}
        return annotated

    def _corrected(self, article: Article, kb: KnowledgeBase, problems: list[Problem]) -> AnnotatedArticle:
        """The article with its annotation and corrections; the same object while none of them changed."""
        annotation = self.annotations[article.source][1]
        known = self._fixed.get(article.source)
        if known and known.article is article and known.annotation is annotation and known.kb is kb:
            problems += known.problems
            return known.item
        found: list[Problem] = []
        item = corrected(AnnotatedArticle(article, annotation), kb, found)
        self._fixed[article.source] = _Corrected(article, annotation, kb, item, found)
        problems += found
        return item

    def index(self, run: Run, annotated: list[AnnotatedArticle]) -> Archive:
        # Unchanged articles keep their objects from round to round, so when only notes changed the index
        # is the previous one, and the pages that did not change are found by identity, not compared.
        if run.kb_changed or self._archive is None or len(annotated) != len(self._indexed) or \
                any(a is not b for a, b in zip(annotated, self._indexed)):
            self._archive = index_archive(run.kb, annotated, [])
            self._indexed = annotated
        return self._archive

    def render(self, run: Run, archive: Archive, settings: Settings) -> dict[str, str]:
        if run.kb_changed:
            self._memo = PageMemo()
        pages = render_site(archive, settings, self._memo)
        self._memo.next_round()
        return pages


class Preview:
    """The archive in memory, and the preview's docs and site folders."""

    def __init__(self, config: Config, folder: Path, url: str = "http://127.0.0.1:8000/"):
        self.folder = folder
        self.url = url
        self.config = replace(config, docs=folder / "docs", site=folder / "site")
        self.pages: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.reuse = PreviewReuse()
        self._mkdocs_digest = b""
        self._templates = template_cache(folder / "templates")

    def refresh(self, progress: Callable[[str, int, int], None] | None = None) -> Refresh:
        """Bring the pages up to date with content/ and data/; write the pages that changed."""
        started, result, report = time.perf_counter(), Refresh(), Report()
        config = self.config
        archive, pages = generate(config, report, progress, self.reuse)
        result.annotated = self.reuse.annotated
        pages.update(render_feeds(archive, config.site_name, self.url))
        pages.update(link_previews(archive, render_settings(config, len(archive.articles))))
        result.seconds = time.perf_counter() - started
        from builder.site.site_plugin import navigation_plan  # MkDocs, loaded once a preview runs

        navigation_before = navigation_plan(config.docs)
        self._write(pages, result)
        mkdocs_digest = hashlib.sha256(config.mkdocs_config.read_bytes()).digest()
        # A changed sidebar list (builder.site.site_plugin) is on every page of its section, changed or not.
        result.full = (not self._mkdocs_digest or mkdocs_digest != self._mkdocs_digest or bool(result.removed)
                       or navigation_plan(config.docs) != navigation_before)
        self._mkdocs_digest = mkdocs_digest
        self.problems = report.problems
        return result

    def _write(self, pages: dict[str, str], result: Refresh) -> None:
        docs = self.config.docs
        for relative, text in pages.items():
            if self.pages.get(relative) != text:
                path = docs / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                result.pages.append(relative)
        for relative in sorted(set(self.pages) - set(pages)):
            (docs / relative).unlink(missing_ok=True)
            result.removed.append(relative)
        self.pages = pages

    def build_site(self, dirty: bool) -> None:
        """MkDocs into the preview's site folder; a dirty build rebuilds only pages newer than their output."""
        site = self.config.site
        if not dirty and site.exists():
            shutil.rmtree(site)
        mkdocs_build(self.config, self.config.docs, site, preview=MkDocsPreview(self.url, dirty, self._templates))


def serve(config: Config, port: int = 8000, progress: Callable[[str, int, int], None] | None = None,
          on_start: Callable[[object], None] | None = None, stream=None) -> None:
    """Build the preview, then serve it on 127.0.0.1:port until interrupted (or the server is shut down
    by `on_start`'s caller), rebuilding what each change to an article, a note or data/ needs. Raises
    OutputRefused when the preview folder may not be replaced (builder.pipeline.outputs) or another preview holds it."""
    folder = config.root / PREVIEW_FOLDER
    targets = outputs.check_targets({"the preview folder": folder}, config.root, [*config.articles, config.notes, config.data])
    with outputs.Outputs(targets, config.root):
        _serve(config, targets["the preview folder"], port, progress, on_start, stream)


def _serve(config: Config, folder: Path, port: int, progress: Callable[[str, int, int], None] | None,
           on_start: Callable[[object], None] | None, stream) -> None:
    from mkdocs.livereload import LiveReloadServer

    stream = stream or sys.stderr
    host = "127.0.0.1"
    url = f"http://{host}:{port}/"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / BUILD_FILE).write_text('{"preview": true}\n', encoding="utf-8")  # marks it as output (builder.pipeline.outputs)
    preview = Preview(config, folder, url)

    first = preview.refresh(progress)
    print_problems(preview.problems, stream)
    preview.build_site(dirty=False)
    try:
        # Search is indexed once, at the start: indexing takes longer than the preview's rebuilds.
        index_site(preview.config.site, preview.config.search_part_mb * MB)
    except SearchIndexFailed as error:
        print(f"briefing: the preview has no search: {error}", file=stream)
    print(f"Preview of {len(preview.reuse.annotations)} articles ({len(first.pages)} pages) built in "
          f"{shown_path(preview.folder, config.root)}; serving on {url} (Ctrl+C stops).", file=stream, flush=True)
    shown_before = [str(p) for p in preview.problems]

    def rebuild() -> None:
        try:
            rebuild_preview()
        except Exception as error:  # noqa: BLE001 - the preview keeps serving what it last built
            print(f"briefing: the preview could not be rebuilt ({type(error).__name__}: {error}); it shows the "
                  f"last build until the next change.", file=stream, flush=True)

    def rebuild_preview() -> None:
        started = time.perf_counter()
        change = preview.refresh()
        now = [str(p) for p in preview.problems]
        nonlocal shown_before
        if now != shown_before:
            print_problems([p for p in preview.problems if str(p) not in shown_before], stream)
            shown_before = now
        if change.pages or change.full:
            preview.build_site(dirty=not change.full)
        print(f"Rebuilt {len(change.pages)} page(s) ({change.annotated} article(s) annotated) in "
              f"{time.perf_counter() - started:.2f}s.", file=stream, flush=True)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview.config.site))

    def error_page(code: int) -> bytes | None:
        page = preview.config.site / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    server.error_handler = error_page
    for watched in (*config.articles, config.notes, config.data, config.mkdocs_config):
        if watched is not None and watched.exists():
            server.watch(str(watched))
    if on_start:
        on_start(server)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
