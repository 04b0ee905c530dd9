"""The MkDocs run of docs/ into a site: the project's mkdocs.yml, the builder's plugins, a reproducible
build time, and only the changed pages when the previous build can be trusted."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from builder.config import Config
from builder.errors import BuildFailed
from builder.model import Archive
from builder.pipeline import incremental
from builder.pipeline.progress import Progress, mkdocs_plugin


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


def mkdocs_build(config: Config, docs: Path, site: Path, epoch: str | None = None, progress: Progress | None = None,
                 previous: incremental.Previous | None = None, preview: Preview | None = None) -> int:
    """Run the MkDocs build of docs/ into site/ with the project's mkdocs.yml and the builder's plugin: the
    build's (with the previous build, the pages whose Markdown is unchanged are copied from it and MkDocs
    builds only the others) and the live preview's (`preview`). Returns how many pages were copied."""
    from mkdocs import exceptions

    reused = 0

    def before(mk_config) -> None:
        nonlocal reused
        reused = incremental.reuse_pages(previous, docs, site, mk_config.use_directory_urls) if previous else 0
        if preview is not None:
            preview.configure(mk_config)

    plugins = [("briefing-progress", mkdocs_plugin(progress))] if progress else []
    try:
        run_mkdocs(str(config.mkdocs_config), docs, site, config.strict, epoch, plugins,
                   dirty=preview.dirty if preview is not None else previous is not None,
                   serve_url=preview.url if preview is not None else None, before=before)
    except exceptions.MkDocsException as error:
        raise BuildFailed(f"MkDocs could not build the site: {error}") from error
    return reused


def template_cache(folder: str | Path):
    """Jinja's bytecode cache in this folder (made when missing): the theme's templates compiled once, loaded
    by later MkDocs runs in any process (each run makes a new Jinja environment, which would compile them
    again). A template is looked up by its path and the digest of its text, so an edited template is compiled
    afresh; one that cannot be stored (the folder removed meanwhile) is compiled again next time instead of
    failing the build. Jinja writes each file whole under a temporary name, so processes can share it."""
    import jinja2

    class TemplateCache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                Path(self.directory).mkdir(parents=True, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return TemplateCache(str(folder))


def use_template_cache(mk_config, cache) -> None:
    """Give the Jinja environments of this MkDocs configuration's theme a bytecode cache (template_cache)."""
    theme_env = mk_config.theme.get_env

    def env_with_compiled_templates():
        env = theme_env()
        env.bytecode_cache = cache
        return env

    mk_config.theme.get_env = env_with_compiled_templates


def run_mkdocs(config_file: str, docs: Path | None, site: Path | None, strict: bool, epoch: str | None,
               plugins: list, dirty: bool, serve_url: str | None = None, before=None) -> None:
    """One MkDocs build with this mkdocs.yml (docs_dir and site_dir replaced when given), the builder's
    plugin and theme overrides, these extra plugins (name, plugin) and a fixed build time (`epoch`).
    `before(mk_config)` runs once the configuration is loaded. MkDocs' exceptions are left to the caller."""
    from mkdocs.commands.build import build as run_build
    from mkdocs.config import load_config

    from builder.site.site_plugin import OVERRIDES, BriefingPages

    epoch_before = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    try:
        folders = {"docs_dir": str(docs), "site_dir": str(site)} if docs is not None else {}
        mk_config = load_config(config_file=config_file, strict=strict, **folders)
        mk_config.plugins["briefing-pages"] = BriefingPages()
        # Set here, not in mkdocs.yml, so that a project's own mkdocs.yml cannot lose them.
        mk_config.theme.dirs.insert(0, str(OVERRIDES))
        for name, plugin in plugins:
            mk_config.plugins[name] = plugin
        if before is not None:
            before(mk_config)
        # MkDocs warns that a dirty build may leave navigation stale; here the navigation comes from
        # mkdocs.yml, whose change makes a full build (builder.pipeline.incremental; the preview rewrites every
        # page a change touches), so the warning would only mislead (and fail a --strict build).
        notice = _Silence("A 'dirty' build is being performed")
        logging.getLogger("mkdocs.commands.build").addFilter(notice)
        try:
            if serve_url is not None:
                run_build(mk_config, serve_url=serve_url, dirty=dirty)
            else:
                run_build(mk_config, dirty=dirty)
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(notice)
    finally:
        if epoch_before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


@dataclass
class Preview:
    """How the live preview's MkDocs runs differ from a build's."""

    url: str
    """The address it is served on (the site's URL and live reload's)."""
    dirty: bool
    """Build only the pages newer than their output."""
    templates: object = None
    """A Jinja bytecode cache kept between runs (MkDocs compiles the theme's templates again each build)."""

    def configure(self, mk_config) -> None:
        mk_config.site_url = self.url
        if self.templates is not None:
            use_template_cache(mk_config, self.templates)
