"""briefing.yml: one declarative schema, every bad value a file:line error, the README's table the schema's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from builder.config import SCHEMA, load_config

README = ROOT / "README.md"


def _load(tmp_path: Path, text: str):
    (tmp_path / "briefing.yml").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test Archive\n", encoding="utf-8")
    return load_config(tmp_path)


def test_the_readme_table_is_the_schema():
    section = README.read_text(encoding="utf-8").split("## Configuration (`briefing.yml`)", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| `([^`]*)` \| (.*) \|$", section, re.M)
    assert [(name, default, text) for name, default, text in rows] == [
        (o.name, o.shown_default or str(o.default), o.help) for o in SCHEMA.values()]


@pytest.mark.parametrize("text, line, message", [
    ("per_page: ten\n", 1, "per_page must be a whole number of at least 1, not 'ten'; using 50."),
    ("spacy_model: auto\nper_page: 0\n", 2, "per_page must be a whole number of at least 1, not 0; using 50."),
    ("languages: [en, xx]\n", 1, "languages names languages without a pack: xx (known: en, ro, ru, uk)"),
    ("processes: -2\n", 1, "processes must be a whole number of at least 1 or 'auto', not -2; using 'auto'."),
    ("site_name: Elsewhere\n", 1, "'site_name' is no longer read here"),
    ("per_pag: 20\n", 1, "unknown setting 'per_pag'; did you mean 'per_page'?"),
    ("per_page: 50\ncluster: local:0\n", 2, "cluster must be off, local:N (N workers on this machine) or a scheduler "
     "address such as tcp://host:8786, not 'local:0'; using 'off'."),
    ("cluster: scheduler.example:8786\n", 1, "not 'scheduler.example:8786'; using 'off'."),
])
def test_every_bad_value_is_reported_with_its_line(tmp_path, text, line, message):
    config, problems = _load(tmp_path, text)
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]
    assert config.per_page == 50


def test_values_are_converted_and_the_site_name_comes_from_mkdocs(tmp_path):
    config, problems = _load(tmp_path, "languages: en\nper_page: 20\nprocesses: 1\n")
    assert problems == []
    assert config.languages == ("en",)  # a single code is a list of one, not ('e', 'n')
    assert (config.per_page, config.processes, config.site_name) == (20, 1, "Test Archive")


@pytest.mark.parametrize("text, cluster", [
    ("", None), ("cluster: off\n", None), ("cluster: local:2\n", "local:2"),
    ("cluster: tcp://10.0.0.5:8786\n", "tcp://10.0.0.5:8786"),
])
def test_the_cluster_setting(tmp_path, text, cluster):
    config, problems = _load(tmp_path, text)
    assert problems == [] and config.cluster == cluster


def test_broken_yaml_is_reported_with_its_line(tmp_path):
    _, problems = _load(tmp_path, "per_page: 20\nlanguages: [en, ro\n")
    assert problems and problems[0].path == "briefing.yml" and problems[0].line is not None
