"""`briefing build`: the generated pages written atomically, MkDocs and the search index run on them, and
swapped in only when the whole build succeeded, so a failed or killed build leaves the previous site as it
was. One build per output at a time (builder.pipeline.outputs)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

from builder.config import Config
from builder.errors import BuildFailed
from builder.model import Problem
from builder.pipeline import incremental, journal, outputs, shards, trash
from builder.pipeline.generate import Report, Reuse, _stage, generate, render_settings
from builder.pipeline.output import clean_leftovers, release_memory, swap_in, write_tree
from builder.pipeline.progress import Progress
from builder.pipeline.tasks import Executor
from builder.site import urls
from builder.site.feeds import render_feeds
from builder.site.render import link_previews
from builder.pipeline.mkdocs_run import mkdocs_build, mkdocs_site_url, source_date_epoch
from builder.site.search import MB, SearchIndexFailed, index_site


def output_targets(config: Config, run_mkdocs: bool = True) -> dict[str, Path]:
    """The build's output folders (real paths, by option) once builder.pipeline.outputs allows them; OutputRefused
    otherwise. The annotation cache must not sit in an editors' folder either."""
    sources = [*config.articles, config.notes, config.data]
    if config.cache is not None:
        outputs.check_location("--cache", config.cache, config.root, sources)
    targets = {"--site": config.site, "--docs": config.docs} if run_mkdocs else {"--docs": config.docs}
    return outputs.check_targets(targets, config.root, sources)


def build(config: Config, progress: Progress | None = None, run_mkdocs: bool = True,
          executor: Executor | None = None, reuse: Reuse | None = None) -> Report:
    """The whole build. Raises OutputRefused before any work when --site or --docs may not be replaced or
    another build holds them, and BuildFailed (previous docs/ and site/ untouched) on fatal problems. The
    site's shards, when it has several (builder.pipeline.shards), run through `executor` (default: local
    processes, as many as config.processes, or this one for a few pages; builder.pipeline.shards.build_site). `reuse` is how the articles are read and annotated (default: from
    the files and the annotation cache; builder.pipeline.generate.Reuse)."""
    with outputs.Outputs(output_targets(config, run_mkdocs), config.root) as held:
        if config.cluster is None:
            return _build(config, progress, run_mkdocs, held, executor, reuse)
        from builder.pipeline.cluster import TaskFailed, connect

        # On a cluster, the site's shards run there too (their folders must then be reachable from the workers).
        with connect(config.cluster) as cluster:
            try:
                return _build(config, progress, run_mkdocs, held, cluster, reuse, cluster)
            except TaskFailed as failure:
                raise BuildFailed(f"{failure} The previous site stays as it was.") from None


def _clear_the_way(docs: Path, site: Path) -> None:
    """The output folders' parents made, and dead builds' leftovers beside the outputs cleared, except the
    folders a killed update's journal names (another site's: its next build puts that site back with them)."""
    docs.parent.mkdir(parents=True, exist_ok=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    held_back = journal.held_folders(site.parent)
    clean_leftovers(docs, held_back)
    clean_leftovers(site, held_back)


def _build(config: Config, progress: Progress | None, run_mkdocs: bool, held: outputs.Outputs,
           executor: Executor | None, reuse: Reuse | None, cluster=None) -> Report:
    report = Report()
    if not config.mkdocs_config or not config.mkdocs_config.is_file():
        raise BuildFailed(f"there is no MkDocs configuration at {config.mkdocs_config}.")
    docs, site = config.docs.resolve(), config.site.resolve()
    build_stamp = incremental.stamp(config.mkdocs_config)
    # A build killed while it updated the site in place left its journal: the site is put back (or finished).
    if run_mkdocs:  # (only with the site's lock)
        journal.recover(site)
    # Without the cache (--no-cache) every page is built afresh, as on a first build; so with --strict, where
    # every page must be checked again by MkDocs (it warns only about the pages it builds).
    previous = (incremental.previous_build(docs, site, build_stamp)
                if config.cache is not None and not config.strict else None)
    reuse = reuse or Reuse()
    reuse.previous = previous  # its pages' Markdown is taken over where their inputs are unchanged
    archive, pages = generate(config, report, progress, reuse, executor=cluster)
    if config.strict and report.errors:
        raise BuildFailed(f"{len(report.errors)} problem(s) in the input and --strict is on; nothing was written.", report.problems)
    if not archive.articles:
        raise BuildFailed("no article could be read, so there is nothing to publish.", report.problems)

    started = time.perf_counter()
    _clear_the_way(docs, site)
    # The process id in the name tells a later build whether this folder's build is still running.
    work = Path(tempfile.mkdtemp(prefix=f".briefing-build-{os.getpid()}-", dir=docs.parent))
    try:
        new_docs = work / "docs"
        files = {**pages, **render_feeds(archive, config.site_name, mkdocs_site_url(config)),
                 **link_previews(archive, render_settings(config, len(archive.articles)))}
        if reuse.stored is not None:
            files[incremental.PAGES_FILE] = incremental.groups_text(reuse.stored.groups)
        if reuse.counts is not None:
            files[incremental.INDEX_FILE] = incremental.counts_text(reuse.counts.used)
        changed = write_docs(files, new_docs, previous, reuse.stored.taken if reuse.stored else set(),
                             _stage(progress, "write"))
        epoch = source_date_epoch(archive)
        size = shards.shard_size(config.shards, len(pages))
        owner = shards.plan(pages, {urls.article(i.article.slug): i.article.date.year if i.article.date else None
                                    for i in archive.articles}, size) if size else None
        docs_digest = incremental.texts_digest(files)
        # Everything is on disk now: hand the memory to MkDocs and Pagefind, which hold every page in theirs.
        del archive, pages, files
        release_memory()
        incremental.write_record(new_docs, docs_digest, build_stamp)
        report.timings["write"] = time.perf_counter() - started
        if run_mkdocs:
            # With a trusted previous build, the site is updated in place (builder.pipeline.journal).
            if previous is not None:
                previous.changed = changed
            started = time.perf_counter()
            new_site = Path(tempfile.mkdtemp(prefix=f".briefing-site-{os.getpid()}-", dir=site.parent))
            try:
                if owner is None:
                    report.reused_pages = mkdocs_build(config, new_docs, new_site / "site", epoch, progress, previous)
                    for _, dest in previous.taken_over if previous is not None else ():
                        (new_site / "site" / dest).unlink()  # the copy MkDocs needed; in place, the page stays
                else:
                    sharded = shards.build_site(config, new_docs, new_site / "site", owner, work / "shards", executor,
                                                epoch, progress, previous)
                    report.reused_pages, report.shards = sharded.reused_pages, sharded
                release_memory()
                report.timings["mkdocs"] = time.perf_counter() - started
                started = time.perf_counter()
                kept = previous.kept if previous is not None else None
                try:
                    search = index_site(new_site / "site", config.search_part_mb * MB, _stage(progress, "search"),
                                        previous, kept)
                except SearchIndexFailed as error:
                    raise BuildFailed(str(error)) from error
                report.search_parts = len(search)
                report.reused_search_parts = sum(previous is not None and previous.search.get(name) == value
                                                 for name, value in search.items())
                incremental.write_record(new_site / "site", docs_digest, build_stamp, search)
                report.timings["search"] = time.perf_counter() - started
                held.before_swap()
                if previous is None:
                    swap_in(new_site / "site", site)
                    held.published(site)
                else:
                    started = time.perf_counter()
                    journal.apply(journal.Update(site, new_site / "site", new_site / "backup", docs, new_docs,
                                                 docs_digest), kept)
                    held.published(site)
                    held.published(docs)
                    report.timings["update"] = time.perf_counter() - started
                    return report
            finally:
                # The previous site, once swapped, or this build's: removed in the background; kept while a
                # journal needs its backup (an update whose roll back failed: the next build puts it back).
                if not any(new_site in path.parents for path in journal.held_folders(site.parent)):
                    trash.discard(new_site)
        held.before_swap()
        swap_in(new_docs, docs)
        held.published(docs)
    finally:
        trash.discard(work)
    return report


def write_docs(files: dict[str, str], target: Path, previous: incremental.Previous | None, taken: set[str],
               progress=None) -> set[str] | None:
    """The new docs/ tree (a fresh folder). Without a previous build every file is written. With one, a file
    whose text is the previous docs/ file's (`taken`: read back from it, byte for byte; or found the same)
    is a hard link to it, only the others are written; returns their paths (the files that changed)."""
    if previous is None:
        write_tree(files, target, progress)
        return None
    changed: dict[str, str] = {}
    same: list[str] = []
    for relative, text in files.items():
        # Only a file of docs/ own is linked (never a link put in docs/, nor what it points at).
        before = previous.own_docs(relative)
        if before is not None and (relative in taken or _same_file(before, text)):
            same.append(relative)
        else:
            changed[relative] = text
    write_tree(changed, target, progress)
    for relative in same:
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous.docs / relative, path, follow_symlinks=False)  # own_file: no link on the way
        except OSError:  # a file system without hard links, or the file went away
            path.write_text(files[relative], encoding="utf-8")
    return set(changed)


def _same_file(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def print_problems(problems: Iterable[Problem], stream=None) -> None:
    """Print problems as `file:line: severity: message`, one a line (to standard error by default)."""
    for problem in problems:
        print(problem, file=stream or sys.stderr)
