"""Progress: plain log lines when the output is not a terminal, a bar with counts on a terminal, and
every long stage of a build reports."""

from __future__ import annotations

import io

from builder.pipeline.build import build
from builder.config import load_config, with_overrides
from builder.pipeline.progress import printer
from tests.conftest import ROOT


def test_log_lines_every_tenth_with_time_left():
    out = io.StringIO()
    report = printer(out)
    for done in range(1, 201):
        report("annotate", done, 200)
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("annotate: 20/200 (10%) after") and "left" in lines[0]
    assert lines[-1].startswith("annotate: 200/200 (100%) after") and "left" not in lines[-1]


def test_bar_on_a_terminal_shows_counts():
    out = io.StringIO()
    report = printer(out, bar=True)
    for done in range(1, 51):
        report("render", done, 50)
    assert "\r" in out.getvalue() and "50/50" in out.getvalue() and "render" in out.getvalue()


def test_build_reports_every_stage(tmp_path):
    config, _ = load_config(ROOT)
    config = with_overrides(config, docs=tmp_path / "docs", site=tmp_path / "site", cache=tmp_path / "cache")
    out = io.StringIO()
    build(config, progress=printer(out))
    stages = {line.split(":")[0] for line in out.getvalue().splitlines()}
    assert {"read", "annotate", "write", "mkdocs markdown", "mkdocs pages"} <= stages
