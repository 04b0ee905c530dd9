"""The site in shards: the generated docs/ split into sub-sites, each built by its own MkDocs run (a task
that can run in another process or on another machine), all writing into one site.

- **Which shard a page is in** (plan): the home and search pages, every file at the root and each
  section's first index page (the pages in the navigation) are in the first shard, `home`, which also
  writes the theme's assets and 404.html, once for the whole site. The later pages of the section indexes
  are in `indexes`; articles in one shard a year (`articles-2022`; undated ones in `articles-undated`),
  consecutive years together while they fit (`articles-1953-2019`); people, events, topics and the
  timeline in one shard each. A shard of more pages than the `shards`
  setting allows is cut into as many parts as it needs (`people-1`, `people-2` …), a page's part chosen by
  a hash of its path, so a page stays in its part as the archive grows (as long as the number of parts
  stays).
- **Links between shards**: the site keeps the single build's layout, so a page's relative links are the
  same whichever shard built it. A shard's MkDocs sees only its own pages, though, and would warn about
  (and leave as written) a Markdown link to a page of another shard; so such links are written into the
  shard's Markdown as `briefing-shard:<the page's address>`, which MkDocs leaves alone (it has a scheme),
  and turned into the same relative address MkDocs gives a link within one build when the page is
  written (builder.site.site_plugin.ShardPages). Every shard also gets a copy of the navigation's pages,
  so its tabs are the single build's; the copies are rendered but never written (their own shard writes
  them).
- **One copy of the assets**: only `home` copies the theme's files (assets/, 404.html) into the site;
  the other shards leave them out, and their pages load them by the same relative paths as every page.
  The sitemap lists every page, so it is written once the shards are done, from the same template
  (builder/site/overrides/sitemap.xml) and in the order MkDocs lists pages.
- **What is built**: a page whose Markdown is unchanged since the previous build is copied from it
  (builder.pipeline.incremental); a shard none of whose pages changed does not run at all, except `home`,
  which writes the assets.

A shard's build is `build_shard(spec)`: a module-level function of a small picklable ShardSpec (paths and
flags), run through an executor (builder.pipeline.tasks), so it runs in this process, a pool of local
processes or a cluster's workers alike. Only the paths must be reachable from where it runs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import multiprocessing
import os
import posixpath
import re
import resource
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Iterable
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from builder.config import Config
from builder.errors import BuildFailed
from builder.pipeline import incremental
from builder.pipeline.progress import Progress
from builder.pipeline.tasks import Executor, LocalProcesses, Sequential
from builder.site import urls

HOME = "home"
"""The shard of the navigation's pages and the root's files; it also writes the theme's assets."""
SCHEME = "briefing-shard:"
"""How a link to a page of another shard is written in a shard's Markdown (see the module's notes)."""
AUTO_PAGES = 2000
"""`shards: auto`: a site of more pages than this is built in shards of at most this many pages."""
IN_PROCESS_PAGES = 100
"""Shards with at most this many pages to make in all are built in the build's own process (build_site)."""
TEMPLATES = ".templates"
"""In the shards' scratch folder: the theme's compiled templates, shared by the shards (ShardSpec.templates)."""
TAKEN_OVER = "(taken over)"
"""The shard of a page whose HTML a site updated in place keeps (no shard makes it)."""
_MARKDOWN_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
"""An inline Markdown link or image target: what the renderer writes and what editors write in notes."""


def shard_size(setting: str | int, pages: int) -> int | None:
    """The most pages a shard holds, or None for one MkDocs build of the whole site, from the `shards`
    setting ("auto", "off" or a number of pages) and the number of pages."""
    if setting == "off":
        return None
    if setting == "auto":
        return AUTO_PAGES if pages > AUTO_PAGES else None
    return int(setting)


def _group(path: str, years: dict[str, int | None]) -> str:
    folder, _, rest = path.partition("/")
    if not rest or rest == "index.md":
        return HOME
    if rest.startswith("index/"):
        return "indexes"
    if folder == urls.ARTICLES:
        year = years.get(path)
        return f"{urls.ARTICLES}-{year}" if year else f"{urls.ARTICLES}-undated"
    return folder


def _years_together(groups: dict[str, list[str]], size: int) -> dict[str, list[str]]:
    """The article shards of consecutive years put together while they fit in `size` pages
    ("articles-1988-2019"), so that a long archive's thin early years do not each cost a MkDocs run."""
    dated = sorted((int(name.rsplit("-", 1)[1]), name) for name in groups
                   if name.startswith(f"{urls.ARTICLES}-") and name.rsplit("-", 1)[1].isdigit())
    packed = {name: paths for name, paths in groups.items() if name not in {n for _, n in dated}}
    run: list[int] = []

    def close() -> None:
        if run:
            name = f"{urls.ARTICLES}-{run[0]}" + (f"-{run[-1]}" if len(run) > 1 else "")
            packed[name] = [path for year in run for path in groups[f"{urls.ARTICLES}-{year}"]]
            run.clear()

    for year, name in dated:
        if run and sum(len(groups[f"{urls.ARTICLES}-{y}"]) for y in run) + len(groups[name]) > size:
            close()
        run.append(year)
    close()
    return packed


def _bucket(path: str, count: int) -> int:
    return int.from_bytes(hashlib.sha1(path.encode("utf-8")).digest()[:8], "big") % count


def plan(pages: Iterable[str], years: dict[str, int | None], size: int) -> dict[str, str]:
    """The shard of every page (paths under docs/): see the module's notes. `years` gives an article
    page's year (None: undated); `size` is the most pages a shard holds (the home shard is never cut)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for path in pages:
        groups[_group(path, years)].append(path)
    owner: dict[str, str] = {}
    for group, paths in sorted(_years_together(groups, size).items()):
        count = 1 if group == HOME else max(1, math.ceil(len(paths) / max(1, size)))
        for path in paths:
            owner[path] = group if count == 1 else f"{group}-{1 + _bucket(path, count)}"
    return owner


def page_url(path: str, directory_urls: bool = True) -> str:
    """The address MkDocs gives a file of docs/ (mkdocs.structure.files.File.url): a page's folder with
    directory URLs (`people/x/`, `./` for the home page), other files their own path."""
    if path.endswith(".md"):
        folder, name = posixpath.split(path[:-3])
        if name in ("index", "README"):
            path = posixpath.join(folder, "index.html")
        else:
            path = posixpath.join(folder, name, "index.html") if directory_urls else f"{path[:-3]}.html"
        if directory_urls and posixpath.basename(path) == "index.html":
            path = (posixpath.dirname(path) or ".") + "/"
    return quote(path)


def rewrite_links(markdown: str, here: str, owner: dict[str, str], shard: str, directory_urls: bool = True) -> str:
    """The page's Markdown with every link to a file outside `shard` written as SCHEME + its address."""
    base = posixpath.dirname(here)

    def outside(match: re.Match) -> str:
        scheme, netloc, path, query, fragment = urlsplit(match[2])
        if scheme or netloc or not path or match[2].startswith(("/", "\\")):
            return match[0]
        target = posixpath.normpath(posixpath.join(base, unquote(path)).lstrip("/"))
        if owner.get(target, shard) == shard:
            return match[0]
        return f"{match[1]}{SCHEME}{urlunsplit(('', '', page_url(target, directory_urls), query, fragment))}{match[3]}"

    return _MARKDOWN_LINK.sub(outside, markdown)


def walk_key(path: str) -> tuple:
    """The order in which MkDocs lists the files of docs/ (os.walk from the top, folders sorted, a folder's
    files before its sub-folders, `index` first): the order of the sitemap."""
    *folders, name = path.split("/")
    return (*((1, folder) for folder in folders), (0, os.path.splitext(name)[0] not in ("index", "README"), name))


@dataclass(frozen=True)
class ShardSpec:
    """One shard's MkDocs build: everything it needs, as paths and flags (it may run on another machine)."""

    name: str
    config_file: str
    """The shard's mkdocs.yml: the project's (INHERIT) with the shard's docs_dir, site_dir and site_url."""
    primary: bool
    """The home shard: the theme's assets and 404.html are its to write."""
    nav_copies: tuple[str, ...] = ()
    """Pages of the navigation copied into this shard's docs for its tabs, rendered but not written."""
    epoch: str | None = None
    """SOURCE_DATE_EPOCH for the build (builder.pipeline.mkdocs_run.source_date_epoch)."""
    strict: bool = False
    templates: str | None = None
    """A folder the build's shards share for the theme's compiled templates (a Jinja bytecode cache,
    builder.pipeline.mkdocs_run.template_cache): compiled by the first shard, loaded by the others."""


@dataclass
class ShardResult:
    """What one shard's build did."""

    name: str
    pages: int = 0
    """Pages MkDocs wrote (the others were taken from the previous build)."""
    seconds: float = 0.0
    peak_kb: int = 0
    """The peak resident memory of the process that built it (kB), when it had a process of its own."""
    warnings: list[str] = field(default_factory=list)
    """MkDocs' warnings, to be shown by the build that started it."""
    error: str = ""
    """Why the shard could not be built ("" when it was)."""


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_shard(spec: ShardSpec) -> ShardResult:
    """Build one shard with MkDocs (a task: see the module's notes). Errors come back in the result."""
    from mkdocs.exceptions import MkDocsException

    from builder.pipeline.mkdocs_run import run_mkdocs, template_cache, use_template_cache
    from builder.pipeline.workers import die_with_parent_now
    from builder.site.site_plugin import ShardPages

    die_with_parent_now()
    started = time.perf_counter()
    result = ShardResult(spec.name)
    # In a process of its own, MkDocs' warnings go back to the build in the result; in the build's own
    # process they are shown as they come.
    own_process = multiprocessing.parent_process() is not None
    caught = _Warnings()
    logger = logging.getLogger("mkdocs")
    if own_process:
        logger.addHandler(caught)
    written = ShardPages(spec.primary, set(spec.nav_copies))
    try:
        templates = template_cache(spec.templates) if spec.templates else None
        run_mkdocs(spec.config_file, None, None, spec.strict, spec.epoch, [("briefing-shard", written)], dirty=True,
                   before=(lambda mk_config: use_template_cache(mk_config, templates)) if templates else None)
    except MkDocsException as error:
        result.error = f"MkDocs could not build it: {error}"
    except Exception as error:  # noqa: BLE001  (a task reports its failure; the build names the shard)
        result.error = f"{type(error).__name__}: {error}"
    finally:
        logger.removeHandler(caught)
    result.pages = written.written
    result.warnings = caught.messages
    result.seconds = time.perf_counter() - started
    result.peak_kb = peak_memory_kb() if own_process else 0
    return result


def peak_memory_kb() -> int:
    """This process's peak resident memory in kB: VmHWM, the high-water mark of its own memory (ru_maxrss
    would count the memory of the process it was forked from before it started Python afresh)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@dataclass
class SiteBuild:
    """What the sharded site build did."""

    reused_pages: int = 0
    shards: int = 0
    """Shards in the site."""
    results: list[ShardResult] = field(default_factory=list)
    """One for each shard that was built (the others had no changed page)."""


def _nav_pages(nav) -> list[str]:
    """The Markdown files named in mkdocs.yml's nav (nested sections included)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def build_site(config: Config, docs: Path, site: Path, owner: dict[str, str], scratch: Path, executor: Executor | None,
               epoch: str | None = None, progress: Progress | None = None,
               previous: incremental.Previous | None = None) -> SiteBuild:
    """Build docs/ into site/ in the shards `owner` gives each page (plan): the files that are not pages
    copied, unchanged pages taken from the previous build, each shard with a changed page built by
    build_shard through the executor, then the sitemap. Raises BuildFailed naming the shards that failed.
    Without an executor, the shards run in local processes (config.processes at a time), or in this process
    when they have at most IN_PROCESS_PAGES pages to make (a rebuild after a small change: starting a
    process, Python and MkDocs costs more than building a few pages)."""
    from mkdocs.config import load_config

    mkdocs_config, strict = config.mkdocs_config, config.strict
    project = load_config(config_file=str(mkdocs_config), docs_dir=str(docs), site_dir=str(site))
    directory_urls, site_url = project.use_directory_urls, project.site_url or ""
    nav = [page for page in _nav_pages(project.nav) if (docs / page).is_file()]
    site.mkdir(parents=True, exist_ok=True)
    files = sorted(incremental.files_under(docs, hidden=False))
    pages = [path for path in files if path.endswith(".md")]
    links = {path: owner.get(path, "") for path in files}  # files that are not pages are in no shard
    by_shard: dict[str, list[str]] = defaultdict(list)
    for path in pages:
        by_shard[links[path]].append(path)
    unchanged = dict(incremental.unchanged_pages(previous, docs, directory_urls)) if previous else {}
    built = SiteBuild(reused_pages=len(unchanged), shards=len(by_shard))
    # A site updated in place (builder.pipeline.journal) keeps its unchanged pages where they are: a shard is
    # given only the pages it makes, and links to the others are written as links to another shard's.
    in_place = previous is not None and previous.changed is not None
    if in_place:
        links.update((path, TAKEN_OVER) for path in unchanged)
    specs = []
    for name, members in sorted(by_shard.items(), key=lambda item: (item[0] != HOME, item[0])):
        if name != HOME and all(path in unchanged for path in members):
            continue
        if in_place:
            members = [path for path in members if path not in unchanged]
        copies = tuple(page for page in nav if links[page] != name) if name != HOME or in_place else ()
        folder = scratch / name
        for path in [*members, *copies]:
            target = folder / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            markdown = (docs / path).read_text(encoding="utf-8")
            target.write_text(rewrite_links(markdown, path, links, name, directory_urls), encoding="utf-8")
        config_file = folder / "mkdocs.yml"
        config_file.write_text(f"# The {name} shard of the site (builder.pipeline.shards), made by `briefing build`.\n"
                               f"INHERIT: {json.dumps(str(mkdocs_config.resolve()))}\n"
                               f"docs_dir: docs\nsite_dir: {json.dumps(str(site.resolve()))}\n"
                               f"site_url: {json.dumps(site_url or None)}\n", encoding="utf-8")
        specs.append(ShardSpec(name, str(config_file), name == HOME, copies, epoch, strict, str(scratch / TEMPLATES)))
    # After the shards' Markdown: a copied page must be newer than it for MkDocs to leave it as it is.
    for relative, dest in unchanged.items() if not in_place else ():
        target = site / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(previous.site / dest, target)
    for path in files:
        # In place, a file that is not a page stays as it is when it did not change (nor go missing).
        if not path.endswith(".md") and in_place and path not in previous.changed and previous.own_site(path):
            previous.kept.add(path)
        elif not path.endswith(".md"):
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs / path, target)
    if executor is None:
        making = sum(1 for spec in specs for path in by_shard[spec.name] if path not in unchanged)
        executor = Sequential() if making <= IN_PROCESS_PAGES else LocalProcesses(config.processes)
    built.results = executor.map(build_shard, specs, names=[f"the site's {spec.name} shard" for spec in specs],
                                 progress=(lambda done, total: progress("site shards", done, total)) if progress else None)
    mkdocs_log = logging.getLogger("mkdocs")
    for result in built.results:
        for message in result.warnings:
            mkdocs_log.warning(message)
    failed = sorted((r for r in built.results if r.error), key=lambda r: r.name)
    if failed:
        raise BuildFailed("the site could not be built: " + "; ".join(f"shard {r.name}: {r.error}" for r in failed))
    write_sitemap(site, pages, site_url, epoch)
    return built


def write_sitemap(site: Path, pages: list[str], site_url: str, epoch: str | None, directory_urls: bool = True) -> None:
    """sitemap.xml and sitemap.xml.gz of every page, as MkDocs writes them for one build of the whole site
    (the same template, the same page order, the same dates and gzip header)."""
    import jinja2

    from builder.site.site_plugin import OVERRIDES

    stamp = int(epoch) if epoch else int(time.time())
    day = time.strftime("%Y-%m-%d", time.gmtime(stamp))
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    from urllib.parse import urljoin

    listed = []
    for path in sorted(pages, key=walk_key):
        url = page_url(path, directory_urls)
        url = "" if url == "./" else url
        listed.append(SimpleNamespace(page=SimpleNamespace(is_link=False, url=url, update_date=day,
                                                          canonical_url=urljoin(base, url) if base else None)))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OVERRIDES)]), auto_reload=False)
    output = env.get_template("sitemap.xml").render(pages=listed)
    path = site / "sitemap.xml"
    path.write_bytes(output.encode("utf-8"))
    with open(f"{path}.gz", "wb") as stream:
        with gzip.GzipFile(fileobj=stream, filename=f"{path}.gz", mode="wb", mtime=stamp) as packed:
            packed.write(output.encode("utf-8"))
