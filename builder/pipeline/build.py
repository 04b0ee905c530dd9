"""Orchestration: read every article, annotate, index the archive, render, then write atomically.

Read everything, then link, then write: index pages are made only after every article is known. The
generated docs/ and the site are built in temporary folders beside their targets and swapped in only
when the whole build succeeded, so a failed or killed build leaves the previous site as it was.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from builder.pipeline import incremental, outputs
from builder.annotate import Annotator, body_text
from builder.pipeline.cache import (Cache, annotation_from_json, annotation_to_json, article_from_json, article_to_json,
                           code_version, digest, model_identity, storable)
from builder.config import Config, page_minimum
from builder.sources.corrections import apply_corrections
from builder.sources.ingest import MAX_BYTES, IngestError, read_article
from builder.sources.kb import KnowledgeBaseUnreadable, load_kb
from builder.annotate.nlp import BATCH_SIZE
from builder.pipeline.progress import Progress, mkdocs_plugin
from builder.model import AnnotatedArticle, Annotation, Archive, Article, KnowledgeBase, Note, Person, Problem
from builder.sources.notes import about_lines, check_targets, names_in_text, read_note
from builder.site.feeds import render_feeds
from builder.site.render import Settings, render_site
from builder.site.search import MB, SearchIndexFailed, index_site
from builder.annotate.resolve import display_name, unknown_person_id
from builder.text import name_key, slug

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
log = logging.getLogger("briefing")


class BuildFailed(Exception):
    """The build stopped; the previous site is untouched."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class Report:
    """What a build did: problems, counts and stage times."""

    problems: list[Problem] = field(default_factory=list)
    """Everything that was wrong with the input."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage."""
    articles: int = 0
    """Articles published."""
    skipped: int = 0
    """Articles skipped because of errors."""
    pages: int = 0
    """Pages generated."""
    cached: int = 0
    """Articles whose annotation came from the cache."""
    annotated: int = 0
    """Articles annotated in this build (the rest came from the cache)."""
    model_runs: int = 0
    """Articles the English model ran on (the others' entity spans came from the cache, or they are not English)."""
    reused_pages: int = 0
    """Pages whose HTML was taken from the previous build (their Markdown had not changed)."""
    search_parts: int = 0
    """Parts of the search index."""
    reused_search_parts: int = 0
    """Parts of the search index taken from the previous build (their pages had not changed)."""
    cache_ignored: int = 0
    """Cache entries found damaged (or not plain files) and so ignored and recomputed."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def shown_path(path: Path, root: Path) -> str:
    """A path as the user thinks of it: relative to the project where possible (a link is shown where it
    is, not where it points)."""
    for candidate in (lambda: Path(os.path.abspath(path)), path.resolve):
        try:
            return str(candidate().relative_to(root))
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a link that loops
            continue
    return str(path)


def article_files(sources: Iterable[Path], root: Path, problems: list[Problem]) -> list[Path]:
    """Every article file under the given folders, sorted; links that leave their folder are refused."""
    files: list[Path] = []
    for source in sources:
        if source.is_file():
            files.append(source)
            continue
        if not source.is_dir():
            problems.append(Problem(shown_path(source, root), None, "this articles folder does not exist."))
            continue
        base = source.resolve()
        for path in sorted(source.rglob("*")):
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if path.name.startswith("."):
                # Hidden files (an editor's backup, a copy half-synced) are not published, but not silently.
                problems.append(Problem(shown_path(path, root), None, "the file's name starts with '.', so it is hidden and "
                                        "not published; rename it to publish it.", "warning"))
                continue
            try:
                str(path).encode("utf-8")
            except UnicodeEncodeError:  # bytes that are no text in a Linux file name
                shown = shown_path(path, root).encode("utf-8", "backslashreplace").decode("utf-8")
                problems.append(Problem(shown, None, "the file name is not valid UTF-8 text; rename the file."))
                continue
            try:
                target = path.resolve()
            except (OSError, RuntimeError):  # a link that points at itself
                problems.append(Problem(shown_path(path, root), None, "this link never reaches a file (it loops); remove it."))
                continue
            if base not in target.parents:
                problems.append(Problem(shown_path(path, root), None,
                                        f"this is a link to {target}, outside the articles folder; it is not read. Copy the file in instead."))
                continue
            if path.is_file():
                files.append(path)
    return list(dict.fromkeys(files))


def page_names(files: list[Path], root: Path) -> dict[Path, str]:
    """A distinct, stable page name for every file: the slug of its name. When several files share a slug,
    the one whose name already is the slug (else the shortest path) keeps it and the others get the slug
    plus a hash of their path, so a name does not change when unrelated files come or go."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(slug(path.stem, fallback="article"), []).append(path)
    names: dict[Path, str] = {}
    for base, paths in groups.items():
        paths.sort(key=lambda p: (p.stem != base, len(shown_path(p, root)), shown_path(p, root)))
        names[paths[0]] = base
        for path in paths[1:]:
            digest = hashlib.sha1(shown_path(path, root).encode("utf-8", "surrogateescape")).hexdigest()
            size = 6
            while f"{base}-{digest[:size]}" in groups:
                size += 2
            names[path] = f"{base}-{digest[:size]}"
    return names


def read_articles(files: list[Path], config: Config, problems: list[Problem],
                  progress: Callable[[int, int], None] | None = None,
                  reader: Callable[..., tuple[Article, list[Problem]]] = read_article) -> list[Article]:
    """Ingest every file; a bad one is reported and skipped. Page names are made unique here. `reader`
    is read_article or one with the same signature (the live preview's remembers unchanged files)."""
    articles: list[Article] = []
    names = page_names(files, config.root)
    for number, path in enumerate(files, start=1):
        shown = shown_path(path, config.root)
        try:
            article, warnings = reader(path, shown, names[path], config.languages)
        except IngestError as error:
            problems.append(error.problem)
            continue
        except OSError as error:
            problems.append(Problem(shown, None, f"the file could not be read ({error.strerror})."))
            continue
        except Exception as error:  # noqa: BLE001 - one article never stops the build; it is named instead
            problems.append(failed(shown, "read", error))
            continue
        problems.extend(warnings)
        articles.append(article)
        if progress:
            progress(number, len(files))
    return articles


def failed(shown: str, stage: str, error: Exception) -> Problem:
    """The problem for an article that a stage could not handle for a reason nobody foresaw."""
    return Problem(shown, None, f"the article could not be {stage} ({type(error).__name__}: {error}); it is left out. "
                                "Please report this with the file.")


def cached_reader(cache: Cache) -> Callable[..., tuple[Article, list[Problem]]]:
    """read_article through the cache: a file whose bytes, name and page name are unchanged since it was
    last read is not decoded, repaired, cleaned and language-identified again (35 s for the whole corpus).
    Articles whose header corrects their annotation are always read afresh."""
    def read(path: Path, shown: str, slug_name: str, languages: tuple[str, ...]) -> tuple[Article, list[Problem]]:
        if path.stat().st_size > MAX_BYTES:  # read_article refuses it, with the reason
            return read_article(path, shown, slug_name, languages)
        key = digest("article", path.read_bytes(), shown, slug_name, ",".join(languages), code_version())
        stored = cache.get("articles", key)
        if stored is not None:
            try:
                return article_from_json(stored)
            except (TypeError, ValueError, KeyError):  # written by an older shape of the model: read again
                cache.ignored += 1
        article, warnings = read_article(path, shown, slug_name, languages)
        if storable(article):
            cache.put("articles", key, article_to_json(article, warnings))
        return article, warnings

    return read


def make_annotator(kb: KnowledgeBase, config: Config) -> Annotator:
    from builder.annotate import nlp

    return Annotator(kb, lambda: nlp.english(config.spacy_model))


def corrected(item: AnnotatedArticle, kb: KnowledgeBase, problems: list[Problem]) -> AnnotatedArticle:
    """The annotated article with its editor's corrections applied: they always win over the machine."""
    item, found = apply_corrections(item, kb)
    problems.extend(found)
    return item


def annotate_all(config: Config, kb: KnowledgeBase, files: list[Path], articles: list[Article],
                 progress: Callable[[int, int], None] | None = None,
                 tally: Counter | None = None, problems: list[Problem] | None = None,
                 cache: Cache | None = None) -> Iterator[AnnotatedArticle]:
    """Annotate the articles read from `files`, through the cache folder config.cache when it is set. With
    `problems`, an article the annotator fails on is reported there and left out."""
    annotator = make_annotator(kb, config)
    if config.cache is None:
        return annotate_articles(annotator, articles, config.processes, progress, tally=tally, problems=problems)
    paths = {shown_path(f, config.root): f for f in files}
    model = english_identity(config.spacy_model)
    setting = ",".join(config.languages)

    def keys(article: Article) -> tuple[str | None, str]:
        try:
            raw = paths[article.source].read_bytes()
            annotation_key = digest("annotation", raw, kb.version, model, code_version(), setting)
        except (KeyError, OSError):  # gone since it was read: annotate it, don't cache it
            annotation_key = None
        return annotation_key, digest("spans", model, body_text(article))

    return annotate_articles(annotator, articles, config.processes, progress, cache=cache or Cache(config.cache),
                             keys=[keys(a) for a in articles], tally=tally, problems=problems)


def english_identity(configured: str) -> str:
    """The English model's "package==version" for cache keys ("none" when it is not installed; the model
    is then reported missing only if an English article needs it)."""
    from builder.annotate import nlp

    try:
        return model_identity(nlp.resolve_model_name(configured))
    except nlp.ModelNotFound:
        return "none"


def annotate_articles(annotator: Annotator, articles: list[Article], processes: int = 1,
                      progress: Callable[[int, int], None] | None = None, batch_size: int = BATCH_SIZE,
                      cache: Cache | None = None, keys: list[tuple[str | None, str]] | None = None,
                      tally: Counter | None = None, problems: list[Problem] | None = None) -> Iterator[AnnotatedArticle]:
    """Annotate articles in order. Annotations found in the cache under keys[i] = (annotation key, spans
    key) are used as they are; for the rest, English entity spans come from the cache or stream through
    the model in batches (and processes) ahead of the rules. `tally` counts "cached" (annotations from
    the cache), "annotated" (rules run), "model" (articles the model ran on) and "failed" (articles the
    annotator failed on, reported in `problems` and left out; without `problems` the error is raised)."""
    cache = cache or Cache(None)
    tally = tally if tally is not None else Counter()
    keys = keys or [(None, "")] * len(articles)
    found: list[Annotation | None] = []
    spans: list[list | None] = []
    for article, (annotation_key, spans_key) in zip(articles, keys):
        found.append(_cached_annotation(cache, annotation_key))
        needs_spans = found[-1] is None and annotator.uses_model(article)
        spans.append(cache.get("spans", spans_key) if needs_spans and spans_key else None)
    to_model = [a for a, f, s in zip(articles, found, spans) if f is None and s is None and annotator.uses_model(a)]
    if progress:
        progress(0, len(articles))  # the stage starts (the first article may wait for the model's workers)
    stream = annotator.entities_many(to_model, processes, batch_size)
    for number, (article, (annotation_key, spans_key)) in enumerate(zip(articles, keys), start=1):
        annotation = found[number - 1]
        if annotation is not None:
            tally["cached"] += 1
        else:
            entities = spans[number - 1]
            if entities is not None:
                entities = [tuple(span) for span in entities]
            elif annotator.uses_model(article):
                entities = next(stream)
                tally["model"] += 1
                if spans_key:
                    cache.put("spans", spans_key, entities)
            try:
                annotation = annotator.annotate(article, entities)
            except Exception as error:  # noqa: BLE001 - one article never stops the build; it is named instead
                if problems is None:
                    raise
                problems.append(failed(article.source, "annotated", error))
                tally["failed"] += 1
                continue
            tally["annotated"] += 1
            if annotation_key:
                cache.put("annotations", annotation_key, annotation_to_json(annotation))
        yield AnnotatedArticle(article, annotation)
        if progress:
            progress(number, len(articles))


def _cached_annotation(cache: Cache, key: str | None) -> Annotation | None:
    data = cache.get("annotations", key) if key else None
    if data is None:
        return None
    try:
        return annotation_from_json(data)
    except (TypeError, ValueError, KeyError):  # written by an older shape of the model: recompute
        cache.ignored += 1
        return None


def index_archive(kb: KnowledgeBase, annotated: list[AnnotatedArticle], notes: list[Note]) -> Archive:
    """The cross-archive index: every person with a page, articles in date order. People outside the
    knowledge base whose names differ only in transliteration are merged under one id; an id that is
    already a knowledge-base person's (or another person's) gets a number, so two people never share a page."""
    archive = Archive(kb=kb, notes=notes)
    ordered = sorted(annotated, key=lambda i: (i.article.date is None, i.article.date or 0, i.article.slug))
    known = {p.id: p for p in kb.people}
    spellings: dict[str, Counter] = {}
    for item in ordered:
        for ref in item.annotation.people:
            if not _in_kb(ref, known):
                spellings.setdefault(name_key(ref.name), Counter())[ref.name] += 1
    canonical: dict[str, str] = {}
    for key, names in sorted(spellings.items()):
        name = display_name(names)
        base = unknown_person_id(name)
        person_id, number = base, 1
        while person_id in known or person_id in archive.people:
            number += 1
            person_id = f"{base}-{number}"
        archive.people[person_id] = Person(id=person_id, name=name, in_kb=False)
        for variant in names:
            canonical[variant] = person_id
    for item in ordered:
        for ref in item.annotation.people:
            if _in_kb(ref, known):
                archive.people[ref.id] = known[ref.id]
    archive.people = dict(sorted(archive.people.items()))
    archive.articles = [_renamed(item, canonical, archive.people, known) for item in ordered]
    return archive


def _in_kb(ref, known: dict[str, Person]) -> bool:
    return ref.in_kb and ref.id in known


def _renamed(item: AnnotatedArticle, canonical: dict[str, str], people: dict[str, Person],
             known: dict[str, Person]) -> AnnotatedArticle:
    """The item with people outside the knowledge base under their archive-wide id and name."""
    annotation = item.annotation
    if all(_in_kb(p, known) for p in annotation.people):
        return item
    outside = {p.id: p.name for p in annotation.people if not _in_kb(p, known)}

    def fix(ref, is_known: bool):
        if is_known:
            return ref
        new_id = canonical.get(ref.name, canonical.get(outside.get(ref.id, ""), ref.id))
        return replace(ref, id=new_id, name=people[new_id].name if new_id in people else ref.name)

    # A speaker is outside the knowledge base when the article's person of that id is.
    return replace(item, annotation=replace(
        annotation, people=tuple(fix(p, _in_kb(p, known)) for p in annotation.people),
        speakers=tuple(fix(s, s.id in known and s.id not in outside) for s in annotation.speakers)))


def read_notes(config: Config, kb: KnowledgeBase, articles: list[Article], problems: list[Problem],
               people: Iterable[str] | None = None) -> list[Note]:
    """Every note in the notes folder; notes about unknown targets are reported (and still shown where they can be).
    `people` are the ids of every person with a page; without them (no annotation, as in `briefing check`)
    a person outside the knowledge base counts as known when the articles' text names them."""
    if config.notes is None or not config.notes.is_dir():
        return []
    known = {"person": {p.id for p in kb.people} | set(people or ()), "event": {e.id for e in kb.events},
             "topic": {t.id for t in kb.topics}, "article": {a.slug for a in articles}}
    notes = []
    for path in sorted(config.notes.rglob("*.md")):
        note, found = read_note(path, shown_path(path, config.root))
        problems.extend(found)
        if note is not None:
            if people is None and any(t.startswith("person/") and t[7:] not in known["person"] for t in note.about):
                known["person"] |= names_in_text(articles)
            problems.extend(check_targets(note, known, about_lines(path)))
            notes.append(note)
    return notes


def generate(config: Config, report: Report, progress: Progress | None = None) -> tuple[Archive, dict[str, str]]:
    """Read, annotate, index and render; returns the archive and the pages (nothing is written)."""
    started = time.perf_counter()
    try:
        kb, kb_problems = load_kb(config.data, config.root, fatal=True)
    except KnowledgeBaseUnreadable as error:
        raise BuildFailed(f"{error} The previous site stays as it was.", error.problems) from None
    report.problems.extend(kb_problems)
    files = article_files(config.articles, config.root, report.problems)
    cache = Cache(config.cache)  # one, so that the damaged entries it meets are counted once for the report
    articles = read_articles(files, config, report.problems, _stage(progress, "read"),
                             reader=cached_reader(cache) if config.cache else read_article)
    report.skipped = len(files) - len(articles)
    report.timings["read"] = time.perf_counter() - started

    started = time.perf_counter()
    tally: Counter = Counter()
    # Corrections are applied after the cache, which holds what the machine found: the editor always wins.
    annotated = [corrected(item, kb, report.problems) for item in
                 annotate_all(config, kb, files, articles, _stage(progress, "annotate"), tally, report.problems, cache)]
    report.cached, report.annotated, report.model_runs = tally["cached"], tally["annotated"], tally["model"]
    report.skipped += tally["failed"]
    report.cache_ignored = cache.ignored
    report.timings["annotate"] = time.perf_counter() - started

    started = time.perf_counter()
    archive = index_archive(kb, annotated, [])
    # Notes are read once every person has a page, so a note can be about someone not in data/ yet.
    archive.notes = read_notes(config, kb, articles, report.problems, people=archive.people)
    pages = render_site(archive, Settings(per_page=config.per_page, site_name=config.site_name,
                                          person_page_min=page_minimum(config, len(archive.articles))),
                        progress=_stage(progress, "render"))
    report.timings["render"] = time.perf_counter() - started
    report.articles = len(archive.articles)
    report.pages = len(pages)
    return archive, pages


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """The build's progress callback bound to one stage."""
    return (lambda done, total: progress(stage, done, total)) if progress else None


def write_tree(pages: dict[str, str], target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Write pages into a fresh folder (which must not exist yet)."""
    target.mkdir(parents=True)
    root = target.resolve()
    made: set[Path] = set()
    for number, (relative, content) in enumerate(pages.items(), start=1):
        path = root / relative
        if root not in path.resolve().parents:
            raise BuildFailed(f"refusing to write {relative}: it would land outside {target}.")
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(content, encoding="utf-8")
        if progress:
            progress(number, len(pages))


def swap_in(new: Path, target: Path) -> None:
    """Replace target by new so that a reader, or a build killed at any moment, never finds a half-written
    or missing folder: one atomic exchange where the system has it (Linux), else two renames that the
    next build undoes if it was stopped between them (see clean_leftovers)."""
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the previous version
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def clean_leftovers(target: Path) -> None:
    """Remove what a killed build left beside target (its temporary folders), and put back the previous
    folder if the build was killed between the two renames of swap_in. Folders of running builds stay."""
    for path in sorted(target.parent.glob(f".{target.name}.old-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            if target.exists():
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.rename(path, target)
    for path in sorted(target.parent.glob(".briefing-*-*-*")):
        pid = path.name.split("-")[2]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def release_memory() -> None:
    """Give memory that Python freed back to the system (glibc keeps freed blocks for reuse otherwise), so
    the processes that come next (Pagefind) have it."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


def source_date_epoch(archive: Archive) -> str:
    """A fixed build time for MkDocs (sitemap dates): the newest article's date, so output is reproducible."""
    dates = [i.article.date for i in archive.articles if i.article.date]
    newest = max(dates) if dates else None
    # Never before 1970: gzip (MkDocs' sitemap.xml.gz) cannot store an earlier time.
    return str(max(0, int(time.mktime(newest.timetuple()))) if newest else 0)


def mkdocs_site_url(config: Config) -> str:
    """The site's public address from mkdocs.yml (`site_url`), or "" when it is not set."""
    from mkdocs.utils.yaml import yaml_load

    with open(config.mkdocs_config, encoding="utf-8") as stream:
        return str(yaml_load(stream).get("site_url") or "")


class _Silence(logging.Filter):
    """Drops the log messages that start with the given text."""

    def __init__(self, start: str):
        super().__init__()
        self.start = start

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self.start)


def mkdocs_build(config: Config, docs: Path, site: Path, epoch: str, progress: Progress | None = None,
                 previous: incremental.Previous | None = None) -> int:
    """Run the MkDocs build of docs/ into site/ with the project's mkdocs.yml. With the previous build, the
    pages whose Markdown is unchanged are copied from it and MkDocs builds only the others; returns how
    many pages were copied."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as run_build
    from mkdocs.config import load_config

    from builder.site.site_plugin import BriefingPages

    epoch_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    try:
        mk_config = load_config(config_file=str(config.mkdocs_config), docs_dir=str(docs), site_dir=str(site),
                                strict=config.strict)
        mk_config.plugins["briefing-pages"] = BriefingPages()
        if progress:
            mk_config.plugins["briefing-progress"] = mkdocs_plugin(progress)
        reused = incremental.reuse_pages(previous, docs, site, mk_config.use_directory_urls) if previous else 0
        # MkDocs warns that a dirty build may leave navigation stale; here the navigation comes from
        # mkdocs.yml, whose change makes a full build (builder.pipeline.incremental), so the warning would only
        # mislead (and fail a --strict build).
        notice = _Silence("A 'dirty' build is being performed")
        logging.getLogger("mkdocs.commands.build").addFilter(notice)
        try:
            run_build(mk_config, dirty=previous is not None)
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(notice)
        return reused
    except exceptions.MkDocsException as error:
        raise BuildFailed(f"MkDocs could not build the site: {error}") from error
    finally:
        if epoch_before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def output_targets(config: Config, run_mkdocs: bool = True) -> dict[str, Path]:
    """The build's output folders (real paths, by option) once builder.pipeline.outputs allows them; OutputRefused
    otherwise. The annotation cache must not sit in an editors' folder either."""
    sources = [*config.articles, config.notes, config.data]
    if config.cache is not None:
        outputs.check_location("--cache", config.cache, config.root, sources)
    targets = {"--site": config.site, "--docs": config.docs} if run_mkdocs else {"--docs": config.docs}
    return outputs.check_targets(targets, config.root, sources)


def build(config: Config, progress: Progress | None = None, run_mkdocs: bool = True) -> Report:
    """The whole build. Raises OutputRefused before any work when --site or --docs may not be replaced or
    another build holds them, and BuildFailed (previous docs/ and site/ untouched) on fatal problems."""
    with outputs.Outputs(output_targets(config, run_mkdocs), config.root) as held:
        return _build(config, progress, run_mkdocs, held)


def _build(config: Config, progress: Progress | None, run_mkdocs: bool, held: outputs.Outputs) -> Report:
    report = Report()
    if not config.mkdocs_config or not config.mkdocs_config.is_file():
        raise BuildFailed(f"there is no MkDocs configuration at {config.mkdocs_config}.")
    archive, pages = generate(config, report, progress)
    if config.strict and report.errors:
        raise BuildFailed(f"{len(report.errors)} problem(s) in the input and --strict is on; nothing was written.", report.problems)
    if not archive.articles:
        raise BuildFailed("no article could be read, so there is nothing to publish.", report.problems)

    started = time.perf_counter()
    docs, site = config.docs.resolve(), config.site.resolve()
    docs.parent.mkdir(parents=True, exist_ok=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(docs)
    clean_leftovers(site)
    build_stamp = incremental.stamp(config.mkdocs_config)
    # Without the cache (--no-cache) every page is built afresh, as on a first build; so with --strict, where
    # every page must be checked again by MkDocs (it warns only about the pages it builds).
    previous = (incremental.previous_build(docs, site, build_stamp)
                if config.cache is not None and not config.strict else None)
    # The process id in the name tells a later build whether this folder's build is still running.
    work = Path(tempfile.mkdtemp(prefix=f".briefing-build-{os.getpid()}-", dir=docs.parent))
    try:
        new_docs = work / "docs"
        write_tree({**pages, **render_feeds(archive, config.site_name, mkdocs_site_url(config))}, new_docs,
                   _stage(progress, "write"))
        epoch = source_date_epoch(archive)
        # Everything is on disk now: hand the memory to MkDocs and Pagefind, which hold every page in theirs.
        del archive, pages
        release_memory()
        docs_digest = incremental.tree_digest(new_docs)
        incremental.write_record(new_docs, docs_digest, build_stamp)
        report.timings["write"] = time.perf_counter() - started
        if run_mkdocs:
            started = time.perf_counter()
            new_site = Path(tempfile.mkdtemp(prefix=f".briefing-site-{os.getpid()}-", dir=site.parent))
            try:
                report.reused_pages = mkdocs_build(config, new_docs, new_site / "site", epoch, progress, previous)
                release_memory()
                report.timings["mkdocs"] = time.perf_counter() - started
                started = time.perf_counter()
                try:
                    search = index_site(new_site / "site", config.search_part_mb * MB, _stage(progress, "search"), previous)
                except SearchIndexFailed as error:
                    raise BuildFailed(str(error)) from error
                report.search_parts = len(search)
                report.reused_search_parts = sum(previous is not None and previous.search.get(name) == value
                                                 for name, value in search.items())
                incremental.write_record(new_site / "site", docs_digest, build_stamp, search)
                report.timings["search"] = time.perf_counter() - started
                held.before_swap()
                swap_in(new_site / "site", site)
                held.published(site)
            finally:
                shutil.rmtree(new_site, ignore_errors=True)
        held.before_swap()
        swap_in(new_docs, docs)
        held.published(docs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def print_problems(problems: Iterable[Problem], stream=None) -> None:
    """Print problems as `file:line: severity: message`, one a line (to standard error by default)."""
    for problem in problems:
        print(problem, file=stream or sys.stderr)
