"""builder.pipeline.cluster: the executor interface on a real LocalCluster (order, progress, a failing
task named), the annotation's tasks giving the local annotations, and the errors a user meets."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

from builder.annotate import Annotator
from builder.cli import main
from builder.errors import BuildFailed
from builder.pipeline import cluster
from builder.pipeline.cluster import ClusterAnnotator, Identity, TaskFailed, annotate_batch, connect
from builder.pipeline.cache import DATABASE, Cache
from builder.pipeline.tasks import Sequential
from builder.pipeline.generate import annotate_all, annotate_articles, article_files, read_articles
from builder.config import load_config, with_overrides
from builder.text import slug
from tests.conftest import ROOT

NAMES = ["Dmitry Peskov", "Sergey Lavrov", "Ștefan cel Mare", "Володимир Зеленський", "Marco Rubio"]


def test_the_default_build_imports_no_dask():
    code = ("import sys, builder.cli, builder.config, builder.pipeline.build, builder.pipeline.generate; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_a_local_cluster_runs_items_in_order_and_names_a_failing_one():
    pytest.importorskip("distributed", reason="the [cluster] extra is not installed")
    seen = []
    with connect("local:2") as executor:
        assert executor.workers == 2
        assert executor.map(slug, NAMES, progress=lambda done, total: seen.append((done, total))) == \
            [slug(n) for n in NAMES]
        # A common value goes to the workers once and is passed after the item.
        assert executor.map(slug, NAMES[:2], common=("none",)) == [slug(n, "none") for n in NAMES[:2]]
        with pytest.raises(TaskFailed) as failure:
            executor.map(int, ["1", "two", "3"], names=["first", "the second item", "third"], retries=1)
    assert sorted(seen) == [(n, 5) for n in range(0, 6)]
    assert str(failure.value) == ("the second item failed on every attempt on the cluster: ValueError: invalid "
                                  "literal for int() with base 10: 'two'.")


def test_without_dask_the_cluster_is_refused_in_one_sentence(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    with pytest.raises(BuildFailed) as failure:
        with connect("local:2"):
            pass
    assert str(failure.value) == ("--cluster needs Dask's distributed scheduler, which is not installed; install it "
                                  "with pip install 'briefing-archive[cluster]' (or pip install 'dask[distributed]').")


def test_an_unreachable_scheduler_is_an_error_naming_it(monkeypatch):
    pytest.importorskip("distributed", reason="the [cluster] extra is not installed")
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    with pytest.raises(BuildFailed, match=r"^could not reach the Dask scheduler at tcp://127\.0\.0\.1:9 \("):
        with connect("tcp://127.0.0.1:9"):
            pass


def test_a_bad_cluster_option_is_refused(capsys):
    assert main(["--root", str(ROOT), "build", "--cluster", "elsewhere"]) == 1
    assert capsys.readouterr().err.strip() == ("briefing: --cluster must be off, local:N (N workers on this machine) "
                                              "or a scheduler address such as tcp://host:8786, not 'elsewhere'.")


@pytest.fixture(scope="module")
def sample(kb):
    """The sample archive's articles, read."""
    config, _ = load_config(ROOT)
    config = with_overrides(config, articles=(ROOT / "content" / "articles",))
    problems: list = []
    return config, read_articles(article_files(config.articles, ROOT, problems), config, problems)


def test_annotation_tasks_give_the_local_annotations(kb, annotator, sample):
    config, articles = sample
    here = [item.annotation for item in annotate_articles(annotator, articles)]
    seen = []
    remote = [item.annotation for item in annotate_articles(
        ClusterAnnotator(annotator, Sequential(), config.spacy_model, lambda *done: seen.append(done)), articles)]
    assert remote == here and any(a.speakers for a in here)
    assert seen[-1] == (1, 1)  # one batch: the sample archive has fewer than TASK_ARTICLES articles


def test_a_worker_with_other_code_refuses_the_task(kb, sample):
    _, articles = sample
    with pytest.raises(RuntimeError, match="other code or another model than the build"):
        annotate_batch([(articles[0], None)], kb, Identity("0123456789abcdef", "auto", "en_core_web_sm==3.8.0", "none"))


def test_the_annotators_failure_on_a_worker_is_reported_like_a_local_one(kb, sample):
    """A worker sends back "Type: message" for an article the annotator failed on: the article is left out
    with the same problem as in a local build."""
    _, articles = sample
    problems: list = []
    class Failing(ClusterAnnotator):
        def annotate_many(self, batch, keep=None):
            return [cluster.annotate_batch(batch[:1], kb, _identity())[0],
                    cluster.Outcome(None, None, "ValueError: a span past the text")]

    items = annotate_articles(Failing(Annotator(kb, None), Sequential(), "auto"), articles[:2], problems=problems)
    assert [item.article.source for item in items] == [articles[0].source]
    assert [str(p) for p in problems] == [f"{articles[1].source}: error: the article could not be annotated "
                                          "(ValueError: a span past the text); it is left out. Please report this "
                                          "with the file."]


def shown_files(config) -> dict:
    """The config's article files, each with its shown path, as a run lists them."""
    return article_files(config.articles, config.root, [])


def _identity() -> Identity:
    return cluster.identity_of("auto")


def test_results_are_cached_as_batches_arrive_so_a_failed_build_keeps_them(kb, sample, tmp_path, monkeypatch):
    config, articles = sample
    monkeypatch.setattr(cluster, "TASK_ARTICLES", 4)

    class FailsAfterOne(Sequential):
        def map(self, function, items, common=(), names=None, progress=None, retries=1, on_result=None):
            on_result(0, function(items[0], *common))
            raise TaskFailed(f"{names[1]} failed on every attempt on the cluster: KilledWorker.")

    config = replace(config, cache=tmp_path / "cache")
    with pytest.raises(TaskFailed, match=r"^the annotation of 4 articles \(content/articles/"):
        list(annotate_all(config, kb, shown_files(config), articles, cache=Cache(config.cache),
                          elsewhere=lambda local: ClusterAnnotator(local, FailsAfterOne(), config.spacy_model)))
    with sqlite3.connect(tmp_path / "cache" / DATABASE) as db:  # the first batch's
        assert db.execute("SELECT count(*) FROM entries WHERE kind = 'annotations'").fetchone()[0] == 4
    again = Counter()
    list(annotate_all(config, kb, shown_files(config), articles, tally=again,
                      elsewhere=lambda local: ClusterAnnotator(local, Sequential(), config.spacy_model)))
    assert again["cached"] == 4 and again["annotated"] == len(articles) - 4
