"""The one read -> annotate -> correct -> index -> render path. `briefing build`, `serve`, `annotate`,
`suggest` and `eval` all go through it; the build writes its pages, the others use what they need."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from builder.annotate import Annotator, body_text
from builder.annotate.nlp import BATCH_SIZE
from builder.archive.evidence import Counts
from builder.archive.index import index_archive
from builder.config import Config, page_minimum
from builder.errors import BuildFailed
from builder.model import (
    AnnotatedArticle,
    Annotation,
    Archive,
    Article,
    KnowledgeBase,
    Note,
    Problem,
)
from builder.pipeline.cache import (
    DATABASE,
    Cache,
    annotation_from_json,
    annotation_to_json,
    article_from_json,
    article_to_json,
    code_version,
    digest,
    model_identity,
    storable,
    trouble,
)
from builder.pipeline import incremental
from builder.pipeline.progress import Progress
from builder.site.render import Settings, render_site
from builder.sources.corrections import apply_corrections
from builder.sources.ingest import MAX_BYTES, IngestError, read_article
from builder.sources.kb import KnowledgeBaseUnreadable, load_kb
from builder.sources.notes import about_lines, check_targets, names_in_text, read_note
from builder.text import slug

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


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
    reused_markdown: int = 0
    """Pages whose Markdown was taken from the previous build (their inputs had not changed)."""
    search_parts: int = 0
    """Parts of the search index."""
    reused_search_parts: int = 0
    """Parts of the search index taken from the previous build (their pages had not changed)."""
    cache_ignored: int = 0
    """Cache entries found damaged (or not plain files) and so ignored and recomputed."""
    shards: object = None
    """The sharded site build (builder.pipeline.shards.SiteBuild), when the site was built in shards."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def shown_path(path: Path, root: Path, resolve: Callable[[Path], Path] | None = None) -> str:
    """A path as the user thinks of it: relative to the project where possible (a link is shown where it
    is, not where it points). `resolve`: Path.resolve or one that gives the same (Resolver)."""
    for candidate in (lambda: Path(os.path.abspath(path)), lambda: (resolve or Path.resolve)(path)):
        try:
            return str(candidate().relative_to(root))
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a link that loops
            continue
    return str(path)


class Resolver:
    """Path.resolve for the many files of a few folders: each folder is resolved once, and a file that is
    no link is its resolved folder joined with its name (a link, or a file gone, is resolved on its own)."""

    def __init__(self):
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode) or path.name in ("", ".", ".."):
                return path.resolve()
        except OSError:
            return path.resolve()
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return folder / path.name


def article_files(sources: Iterable[Path], root: Path, problems: list[Problem]) -> dict[Path, str]:
    """Every article file under the given folders, sorted, each with its shown_path; links that leave their
    folder are refused."""
    files: list[Path] = []
    resolve = Resolver()
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
                target = resolve(path)
            except (OSError, RuntimeError):  # a link that points at itself
                problems.append(Problem(shown_path(path, root), None, "this link never reaches a file (it loops); remove it."))
                continue
            if base not in target.parents:
                problems.append(Problem(shown_path(path, root), None,
                                        f"this is a link to {target}, outside the articles folder; it is not read. Copy the file in instead."))
                continue
            if path.is_file():
                files.append(path)
    return {path: shown_path(path, root, resolve) for path in dict.fromkeys(files)}


def page_names(files: list[Path], root: Path, shown: dict[Path, str] | None = None) -> dict[Path, str]:
    """A distinct, stable page name for every file: the slug of its name. When several files share a slug,
    the one whose name already is the slug (else the shortest path) keeps it and the others get the slug
    plus a hash of their path, so a name does not change when unrelated files come or go. `shown`: the
    files' shown_path, when they are known already."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(slug(path.stem, fallback="article"), []).append(path)
    names: dict[Path, str] = {}
    for base, paths in groups.items():
        if len(paths) == 1:
            names[paths[0]] = base
            continue
        where = {p: shown[p] if shown else shown_path(p, root) for p in paths}
        paths.sort(key=lambda p: (p.stem != base, len(where[p]), where[p]))
        names[paths[0]] = base
        for path in paths[1:]:
            digest = hashlib.sha1(where[path].encode("utf-8", "surrogateescape")).hexdigest()
            size = 6
            while f"{base}-{digest[:size]}" in groups:
                size += 2
            names[path] = f"{base}-{digest[:size]}"
    return names


def read_articles(files: dict[Path, str], config: Config, problems: list[Problem],
                  progress: Callable[[int, int], None] | None = None,
                  reader: Callable[..., tuple[Article, list[Problem]]] = read_article) -> list[Article]:
    """Ingest every file (as article_files lists them: each with its shown_path); a bad one is reported and
    skipped. Page names are made unique here. `reader` is read_article or one with the same signature (the
    live preview's remembers unchanged files)."""
    articles: list[Article] = []
    names = page_names(list(files), config.root, files)
    for number, (path, shown) in enumerate(files.items(), start=1):
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


def failed(shown: str, stage: str, error: Exception | str) -> Problem:
    """The problem for an article that a stage could not handle for a reason nobody foresaw (`error` as
    raised, or as its "Type: message" when it was raised on a cluster's worker)."""
    cause = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return Problem(shown, None, f"the article could not be {stage} ({cause}); it is left out. "
                                "Please report this with the file.")


def cached_reader(cache: Cache) -> Callable[..., tuple[Article, list[Problem]]]:
    """read_article through the cache: a file whose bytes, name and page name are unchanged since it was
    last read is not decoded, repaired, cleaned and language-identified again (README, *Benchmarks*).
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


def make_annotator(kb: KnowledgeBase, config: Config | str) -> Annotator:
    """The annotator with the models of the configuration (or of the English model named)."""
    from builder.annotate import nlp

    english = config if isinstance(config, str) else config.spacy_model
    return Annotator(kb, lambda: nlp.english(english), nlp.romanian)


def corrected(item: AnnotatedArticle, kb: KnowledgeBase, problems: list[Problem]) -> AnnotatedArticle:
    """The annotated article with its editor's corrections applied: they always win over the machine."""
    item, found = apply_corrections(item, kb)
    problems.extend(found)
    return item


def annotate_all(config: Config, kb: KnowledgeBase, files: dict[Path, str], articles: list[Article],
                 progress: Callable[[int, int], None] | None = None,
                 tally: Counter | None = None, problems: list[Problem] | None = None,
                 cache: Cache | None = None, elsewhere: Callable[[Annotator], Annotator] | None = None
                 ) -> Iterator[AnnotatedArticle]:
    """Annotate the articles read from `files` (each article file with its shown_path), through the cache
    folder config.cache when it is set. With `problems`, an article the annotator fails on is reported there
    and left out. `elsewhere` wraps the annotator in one that annotates on a cluster
    (builder.pipeline.cluster.ClusterAnnotator)."""
    from builder.annotate import nlp

    annotator: Annotator = _Deferred(lambda: make_annotator(kb, config))  # type: ignore[assignment]
    if elsewhere is not None:
        annotator = elsewhere(annotator)
    if config.cache is None:
        return annotate_articles(annotator, articles, config.processes, progress, tally=tally, problems=problems)
    paths = {shown: path for path, shown in files.items()}
    models = {"en": english_identity(config.spacy_model), "ro": nlp.romanian_identity()}
    setting = ",".join(config.languages)

    def keys(article: Article) -> tuple[str | None, str]:
        try:
            raw = paths[article.source].read_bytes()
            annotation_key = digest("annotation", raw, kb.version, models["en"], models["ro"], code_version(), setting)
        except (KeyError, OSError):  # gone since it was read: annotate it, don't cache it
            annotation_key = None
        return annotation_key, digest("spans", models.get(article.lang, models["en"]), body_text(article))

    return annotate_articles(annotator, articles, config.processes, progress, cache=cache or Cache(config.cache),
                             keys=[keys(a) for a in articles], tally=tally, problems=problems)


class _Deferred:
    """An annotator made when it is first asked anything: a rebuild that finds every annotation in the cache
    never makes one (making it compiles the knowledge base's patterns, a second or more)."""

    def __init__(self, make: Callable[[], Annotator]):
        self._make, self._made = make, None

    def __getattr__(self, name: str):
        if self._made is None:
            self._made = self._make()
        return getattr(self._made, name)


def english_identity(configured: str) -> str:
    """The English model's "package==version" for cache keys, with spaCy's version (nlp.spacy_identity) and what
    its parse of the reporting sentences depends on (builder.annotate.syntax.identity): the spans cached with it
    carry that parse. "none" when it is not installed (the model is then reported missing only if an English
    article needs it)."""
    from builder.annotate import nlp, syntax

    try:
        return model_identity(nlp.resolve_model_name(configured)) + nlp.spacy_identity() + "+" + syntax.identity()
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
    annotator failed on, reported in `problems` and left out; without `problems` the error is raised).
    An annotator with `annotate_many` (builder.pipeline.cluster.ClusterAnnotator) is given the articles the
    cache has no annotation for, with their cached spans, and returns Outcomes, cached here as they come."""
    cache = cache or Cache(None)
    tally = tally if tally is not None else Counter()
    keys = keys or [(None, "")] * len(articles)
    found: list[Annotation | None] = []
    spans: list[list | None] = []
    for article, (annotation_key, spans_key) in zip(articles, keys):
        found.append(_cached_annotation(cache, annotation_key))
        needs_spans = found[-1] is None and annotator.uses_model(article)
        spans.append(cache.get("spans", spans_key) if needs_spans and spans_key else None)
    if progress:
        progress(0, len(articles))  # the stage starts (the first article may wait for the model's workers)
    todo = [number for number, annotation in enumerate(found) if annotation is None]
    remote = getattr(annotator, "annotate_many", None) if todo else None  # nothing to annotate: no annotator
    if remote is not None:

        def keep(position: int, outcome) -> None:  # cached as each batch arrives: a build stopped later keeps them
            _store(cache, keys[todo[position]], outcome.entities, outcome.annotation)
        outcomes = dict(zip(todo, remote([(articles[number], spans[number]) for number in todo], keep)))
        stream = iter(())
    else:
        to_model = [a for a, f, s in zip(articles, found, spans) if f is None and s is None and annotator.uses_model(a)]
        stream = annotator.entities_many(to_model, processes, batch_size) if to_model else iter(())
    for number, (article, (annotation_key, spans_key)) in enumerate(zip(articles, keys), start=1):
        annotation = found[number - 1]
        if annotation is not None:
            tally["cached"] += 1
        else:
            entities = spans[number - 1]
            outcome = outcomes[number - 1] if remote is not None else None
            if entities is not None:
                entities = [tuple(span) for span in entities]
            elif outcome is not None and outcome.entities is not None:
                entities = outcome.entities
            elif outcome is None and annotator.uses_model(article):
                entities = next(stream)
            if entities is not None and spans[number - 1] is None:
                tally["model"] += 1
                if spans_key and outcome is None:
                    cache.put("spans", spans_key, entities)
            try:
                if outcome is None:
                    annotation = annotator.annotate(article, entities)
                elif outcome.annotation is None:
                    raise AnnotationFailed(outcome.error)
                else:
                    annotation = outcome.annotation
            except Exception as error:  # noqa: BLE001 - one article never stops the build; it is named instead
                if problems is None:
                    raise
                problems.append(failed(article.source, "annotated", str(error) if isinstance(error, AnnotationFailed) else error))
                tally["failed"] += 1
                continue
            tally["annotated"] += 1
            if annotation_key and outcome is None:
                cache.put("annotations", annotation_key, annotation_to_json(annotation))
        yield AnnotatedArticle(article, annotation)
        if progress:
            progress(number, len(articles))


def _store(cache: Cache, keys: tuple[str | None, str], entities: list | None, annotation: Annotation | None) -> None:
    """A cluster's result for one article into the cache, under its (annotation key, spans key)."""
    annotation_key, spans_key = keys
    if entities is not None and spans_key:
        cache.put("spans", spans_key, entities)
    if annotation is not None and annotation_key:
        cache.put("annotations", annotation_key, annotation_to_json(annotation))


class AnnotationFailed(Exception):
    """The annotator failed on an article on a cluster's worker; the message is its "Type: message"."""


def _cached_annotation(cache: Cache, key: str | None) -> Annotation | None:
    data = cache.get("annotations", key) if key else None
    if data is None:
        return None
    try:
        return annotation_from_json(data)
    except (TypeError, ValueError, KeyError):  # written by an older shape of the model: recompute
        cache.ignored += 1
        return None


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


@dataclass
class Run:
    """One run of the pipeline: what every stage reads."""

    config: Config
    report: Report
    progress: Progress | None = None
    cache: Cache = field(default_factory=lambda: Cache(None))
    kb: KnowledgeBase | None = None
    """The knowledge base, once read."""
    kb_changed: bool = True
    """Whether the knowledge base differs from the previous run's (always, for a build)."""
    files: dict[Path, str] = field(default_factory=dict)
    """The article files, once listed, each as the user thinks of it (shown_path)."""
    publishing: bool = True
    """Whether the run ends in pages (build, serve) or only in annotations (annotate, suggest, eval)."""
    executor: object | None = None
    """Where annotation runs when not here: a cluster's executor (builder.pipeline.cluster), or None."""

    def stage(self, name: str) -> Callable[[int, int], None] | None:
        return _stage(self.progress, name)


class Reuse:
    """How a run takes over work done before it. This one, the build's: the annotation cache on disk
    (config.cache) and, given the previous build (`previous`, builder.pipeline.incremental), the Markdown of
    its pages whose inputs are unchanged; nothing in memory. The live preview keeps a subclass between its
    rounds (builder.pipeline.serve.PreviewReuse); both run the same stages through `generate`."""

    previous: incremental.Previous | None = None
    """The previous build, when it can be trusted (set by the build: builder.pipeline.build)."""
    stored: incremental.StoredPages | None = None
    """The pages' fingerprints of the last render (written into docs/ by the build)."""
    counts: Counts | None = None
    """How names are used in each article, as the last index counted them (written into docs/ by the build)."""

    def knowledge_base(self, run: Run) -> tuple[KnowledgeBase, bool]:
        """The knowledge base and whether it changed."""
        kb, problems = knowledge_base(run.config, run.publishing)
        run.report.problems.extend(problems)
        return kb, True

    def read(self, run: Run) -> list[Article]:
        config = run.config
        return read_articles(run.files, config, run.report.problems, run.stage("read"),
                             reader=cached_reader(run.cache) if config.cache else read_article)

    def annotate(self, run: Run, articles: list[Article], tally: Counter) -> list[AnnotatedArticle]:
        # Corrections are applied after the cache, which holds what the machine found: the editor always wins.
        return [corrected(item, run.kb, run.report.problems) for item in
                annotate_all(run.config, run.kb, run.files, articles, run.stage("annotate"), tally, run.report.problems,
                             run.cache, self._elsewhere(run))]

    def _elsewhere(self, run: Run) -> Callable[[Annotator], Annotator] | None:
        """How the annotator is wrapped to run on the run's cluster (None: it runs here)."""
        if run.executor is None:
            return None
        from builder.pipeline.cluster import ClusterAnnotator

        return lambda annotator: ClusterAnnotator(annotator, run.executor, run.config.spacy_model, run.stage("batches"))

    def index(self, run: Run, annotated: list[AnnotatedArticle]) -> Archive:
        self.counts = Counts(incremental.read_counts(self.previous))
        return index_archive(run.kb, annotated, [], self.counts)

    def render(self, run: Run, archive: Archive, settings: Settings) -> dict[str, str]:
        self.stored = incremental.StoredPages(self.previous, archive.kb.version)
        pages = render_site(archive, settings, self.stored, progress=run.stage("render"))
        run.report.reused_markdown = self.stored.reused
        return pages


def knowledge_base(config: Config, publishing: bool = True) -> tuple[KnowledgeBase, list[Problem]]:
    """data/ read; a file that cannot be read stops the run (BuildFailed), a bad entry is left out."""
    try:
        return load_kb(config.data, config.root, fatal=True)
    except KnowledgeBaseUnreadable as error:
        stays = " The previous site stays as it was." if publishing else ""
        raise BuildFailed(f"{error}{stays}", error.problems) from None


def render_settings(config: Config, articles: int) -> Settings:
    """The rendering settings of a project with this many articles (one place: build and preview alike)."""
    return Settings(per_page=config.per_page, site_name=config.site_name,
                    person_page_min=page_minimum(config, articles))


def generate(config: Config, report: Report, progress: Progress | None = None,
             reuse: Reuse | None = None, executor=None) -> tuple[Archive, dict[str, str]]:
    """Read, annotate, correct, index and render; returns the archive and the pages (nothing is written).
    The one path of every command: build and serve render pages, annotate, suggest and eval stop earlier
    (`annotated`). With an `executor` (builder.pipeline.cluster), annotation runs on its cluster."""
    reuse = reuse or Reuse()
    run = Run(config, report, progress, Cache(config.cache), executor=executor)  # one cache: damaged entries are counted once
    annotated, articles = _read_and_annotate(run, reuse)
    started = time.perf_counter()
    archive = reuse.index(run, annotated)
    # Notes are read once every person has a page, so a note can be about someone not in data/ yet.
    archive.notes = read_notes(config, run.kb, articles, report.problems, people=archive.people)
    pages = reuse.render(run, archive, render_settings(config, len(archive.articles)))
    report.timings["render"] = time.perf_counter() - started
    report.articles = len(archive.articles)
    report.pages = len(pages)
    return archive, pages


def annotated_articles(config: Config, report: Report, progress: Progress | None = None,
                       reuse: Reuse | None = None, executor=None) -> tuple[KnowledgeBase, list[AnnotatedArticle]]:
    """The first stages of `generate` alone: every article read, annotated and corrected, in file order."""
    run = Run(config, report, progress, Cache(config.cache), publishing=False, executor=executor)
    annotated, _ = _read_and_annotate(run, reuse or Reuse())
    return run.kb, annotated


def _read_and_annotate(run: Run, reuse: Reuse) -> tuple[list[AnnotatedArticle], list[Article]]:
    report, started = run.report, time.perf_counter()
    run.kb, run.kb_changed = reuse.knowledge_base(run)
    run.files = article_files(run.config.articles, run.config.root, report.problems)
    articles = reuse.read(run)
    report.skipped = len(run.files) - len(articles)
    report.timings["read"] = time.perf_counter() - started

    started, tally = time.perf_counter(), Counter()
    annotated = reuse.annotate(run, articles, tally)
    report.cached, report.annotated, report.model_runs = tally["cached"], tally["annotated"], tally["model"]
    report.skipped += tally["failed"]
    report.cache_ignored = run.cache.ignored
    report.problems.extend(_cache_trouble(run))
    report.timings["annotate"] = time.perf_counter() - started
    return annotated, articles


def _cache_trouble(run: Run) -> list[Problem]:
    """The one warning of a cache that could not be used or written (a cache is no input: --strict ignores it)."""
    said = trouble(run.cache)
    return [Problem(shown_path(run.config.cache / DATABASE, run.config.root), None, said, "warning")] if said else []


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """The build's progress callback bound to one stage."""
    return (lambda done, total: progress(stage, done, total)) if progress else None
