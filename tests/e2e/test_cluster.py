"""`briefing build --cluster local:2`: the seeds and the sample archive annotated on a Dask LocalCluster of
two worker processes give the local build's site and cache byte for byte, a worker killed mid-task
changes nothing, and a task that fails every time stops the build with the article files named."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the [cluster] extra (dask[distributed]) is not installed")

from builder.config import load_config, with_overrides  # noqa: E402
from builder.pipeline.build import build  # noqa: E402
from builder.pipeline.cluster import EXIT_HOOK, EXIT_ONCE  # noqa: E402
from builder.pipeline.incremental import BUILD_FILE  # noqa: E402
from tests.conftest import ROOT, seed  # noqa: E402


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths only in one tree or with other bytes."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only on one side: {prefix}{name}" for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return found


def configured(seeds: Path, out: Path, cache: Path | None, cluster: str | None = None):
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(seeds, ROOT / "content" / "articles"), docs=out / "docs",
                            site=out / "site", cluster=cluster)
    return replace(config, cache=cache)


@pytest.fixture(scope="module")
def local(seeds, tmp_path_factory):
    """The seeds and the sample archive built here, with a cache of their own."""
    out = tmp_path_factory.mktemp("local")
    report = build(configured(seeds, out, out / "cache"))
    return out, report


def test_a_cluster_build_is_the_local_build_byte_for_byte(seeds, local, tmp_path):
    here, local_report = local
    report = build(configured(seeds, tmp_path, tmp_path / "cache", "local:2"))
    assert report.articles == local_report.articles > 10
    assert report.annotated == report.articles and report.model_runs == local_report.model_runs > 0
    assert [str(p) for p in report.problems] == [str(p) for p in local_report.problems]
    for tree in ("docs", "site", "cache"):
        assert differences(here / tree, tmp_path / tree) == [], tree
    # The cluster's cache entries are the local build's: a local build over them annotates nothing.
    again = build(configured(seeds, tmp_path / "again", tmp_path / "cache"))
    assert again.cached == again.articles and again.model_runs == 0
    assert differences(here / "site", tmp_path / "again" / "site") == []


def test_a_cluster_build_takes_over_a_local_cache_and_builds_the_site_shards_there(seeds, local, tmp_path):
    here, _ = local
    report = build(replace(configured(seeds, tmp_path, here / "cache", "local:2"), shards=12))
    assert report.cached == report.articles and report.annotated == 0 and report.model_runs == 0
    assert report.shards is not None and len(report.shards.results) >= 8  # each a task on the cluster
    assert differences(here / "docs", tmp_path / "docs") == []
    assert [d for d in differences(here / "site", tmp_path / "site") if not d.endswith(BUILD_FILE)] == []


def test_a_worker_killed_mid_task_changes_nothing(seeds, local, tmp_path, monkeypatch):
    here, _ = local
    marker = tmp_path / "killed-once"
    monkeypatch.setenv(EXIT_HOOK, seed(seeds, "002").name)
    monkeypatch.setenv(EXIT_ONCE, str(marker))
    report = build(configured(seeds, tmp_path, None, "local:2"))
    assert marker.exists(), "the fault hook never ran: no worker was killed"
    assert report.annotated == report.articles
    assert differences(here / "site", tmp_path / "site") == []
    assert differences(here / "docs", tmp_path / "docs") == []


def test_a_task_failing_every_time_names_its_articles_and_keeps_the_site(seeds, local, tmp_path):
    here, _ = local
    site = tmp_path / "site"
    subprocess.run(["cp", "-a", str(here / "site"), str(site)], check=True)
    doomed = seed(seeds, "003")
    # Each attempt kills its worker; after the second death the scheduler gives up (KilledWorker).
    env = {**os.environ, EXIT_HOOK: doomed.name, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(ROOT), "build", "--cluster", "local:2",
                             "--articles", str(seeds), "--no-cache", "--site", str(site),
                             "--docs", str(tmp_path / "docs")], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr[-2000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("briefing: build failed: the annotation of ")
    assert doomed.name in last and "failed on every attempt on the cluster" in last
    assert "the worker running it died each time" in last and last.endswith("The previous site stays as it was.")
    assert differences(here / "site", site) == []
    assert not (tmp_path / "docs").exists()
