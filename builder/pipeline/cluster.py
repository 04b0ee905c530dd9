"""Work run as tasks on a Dask `distributed` cluster (`briefing build --cluster ADDRESS|local:N`).

Nothing here is imported unless a cluster is asked for: the default build runs in local processes and
needs no Dask. The executor interface, for any stage whose work splits into independent items (the
annotation's batches of articles here; a site shard's build could be another):

    with connect("tcp://scheduler:8786") as executor:      # or "local:2": a LocalCluster, closed at the end
        results = executor.map(function, items, common=(kb,), names=names, progress=callback)

- `function(item, *common)` runs once per item on some worker and returns a picklable result. It must be
  a module-level function of this project (pickled by reference: every worker imports the same code).
- `common` values are sent once (as the result of a task of their own, so a dead worker's copy is made
  again), not with each item; workers fetch them from each other.
- Results come back in the order of `items`. `progress(done, total)` is called in this process with 0
  first, then as items finish (not in order), and `on_result(index, result)` with each result as it
  comes (the annotation caches its results there, so a build stopped later keeps what was done). At most a few tasks per worker thread are queued at a time, so a long list
  does not sit in the scheduler's memory.
- A worker killed mid-task: the scheduler runs the task again elsewhere (the nanny of a LocalCluster
  restarts the worker). An item whose task raises on every attempt (`retries` more after the first), or
  whose worker dies on every attempt (more than distributed's `allowed-failures`, 3 by default: KilledWorker),
  stops the map: TaskFailed names the item (`names[i]`) and the cause; the other tasks are cancelled.
- `executor.workers` is the number of worker threads (to size items by).
- It is builder.pipeline.tasks' Executor interface: the site's shards
  (builder.pipeline.shards.build_shard) run on a cluster through it, when their folders are reachable
  from the workers (the same machine, or a shared filesystem).

builder.pipeline.tasks has the same interface in this process (`Sequential`) and in local processes.

The annotation on the cluster (`annotate_on`): the client (the build's process) reads the articles and
looks up the annotation cache as in a local build; the articles still to annotate go out in batches of
TASK_ARTICLES. Each worker process loads the spaCy model and builds the annotator once per knowledge base
(`_annotator`, a per-process cache) and reuses them for every batch; a task returns each article's entity
spans (when the model ran) and its annotation. **The client writes the cache**, under the same keys as a
local build, so workers need no access to the cache folder, and a later local build takes the entries
over (and the other way round). Workers must run the same code and model as the client (the cache key
holds the annotator's code digest and the model's version): a task refuses to run otherwise.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from builder.errors import BuildFailed
from builder.model import Annotation, Article, KnowledgeBase
from builder.settings import Invalid

TASK_ARTICLES = 64
"""Articles per annotation task: two of the model's batches (builder.annotate.nlp.BATCH_SIZE), few enough
that the work spreads over the workers of a small archive, many enough that a task's overhead (a few ms)
is nothing beside its seconds of work."""
QUEUED_PER_THREAD = 4
"""Tasks handed to the scheduler per worker thread at a time."""
CONNECT_SECONDS = 30
LOCAL = re.compile(r"local:(\d+)")
INSTALL = "pip install 'briefing-archive[cluster]' (or pip install 'dask[distributed]')"

# Fault hooks for the tests (tests/e2e/test_cluster.py), read by the worker: the worker process running a
# batch that holds the article file named by BRIEFING_TEST_WORKER_EXIT exits at once, as if killed; with
# BRIEFING_TEST_WORKER_EXIT_ONCE naming a marker file, only the first time (the marker is then made).
EXIT_HOOK, EXIT_ONCE = "BRIEFING_TEST_WORKER_EXIT", "BRIEFING_TEST_WORKER_EXIT_ONCE"


class TaskFailed(BuildFailed):
    """A task failed on every attempt; its item's name and the cause are in the message."""


def check_spec(value: Any) -> str | None:
    """A cluster setting: None/"off" (no cluster), "local:N" (N ≥ 1) or a scheduler address
    ("tcp://host:port", any scheme://). Raises Invalid saying what is allowed (briefing.yml's `cluster`)."""
    if value in (None, "off", False):
        return None
    if isinstance(value, str):
        local = LOCAL.fullmatch(value.strip())
        if local and int(local.group(1)) >= 1:
            return f"local:{int(local.group(1))}"
        if re.fullmatch(r"[a-z][a-z0-9+.-]*://\S+", value.strip()):
            return value.strip()
    raise Invalid(f"must be off, local:N (N workers on this machine) or a scheduler address such as "
                     f"tcp://host:8786, not {value!r}")


class ClusterExecutor:
    """The executor interface over a connected distributed.Client."""

    def __init__(self, client):
        self.client = client

    @property
    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def map(self, function: Callable, items: Sequence, common: tuple = (), names: Sequence[str] | None = None,
            progress: Callable[[int, int], None] | None = None, retries: int = 1,
            on_result: Callable[[int, Any], None] | None = None) -> list:
        from distributed import as_completed

        if not items:
            return []
        names = names or [f"{function.__name__} of {getattr(item, 'name', f'item {number}')}"
                          for number, item in enumerate(items, start=1)]
        # Each common value is the result of a task of its own rather than scattered data: when the worker
        # holding it dies, the scheduler makes it again (scattered data would be lost with the worker).
        shared = [self.client.submit(_value, value, pure=False, key=f"briefing-common-{os.urandom(6).hex()}")
                  for value in common]
        results: list = [None] * len(items)
        running: dict[str, tuple[int, Any]] = {}
        pending = iter(range(len(items)))

        def submit() -> Any | None:
            number = next(pending, None)
            if number is None:
                return None
            future = self.client.submit(function, items[number], *shared, pure=False, retries=retries,
                                        key=f"briefing-{function.__name__}-{number}-{os.urandom(4).hex()}")
            running[future.key] = (number, future)
            return future

        if progress:
            progress(0, len(items))  # the clock starts: the first results wait for the workers' model
        window = max(8, QUEUED_PER_THREAD * self.workers)
        queue = as_completed([f for f in (submit() for _ in range(window)) if f is not None], with_results=False)
        try:
            for done, future in enumerate(queue, start=1):
                number, _ = running.pop(future.key)
                if future.status != "finished":
                    raise TaskFailed(_failure(names[number], future))
                results[number] = future.result()
                future.release()
                if on_result:
                    on_result(number, results[number])
                if progress:
                    progress(done, len(items))
                following = submit()
                if following is not None:
                    queue.add(following)
        finally:
            if running:  # stopped by a failure: the rest is not wanted
                self.client.cancel([future for _, future in running.values()], force=True)
            for value in shared:
                value.release()
        return results


def _value(value: Any) -> Any:
    return value


def _failure(name: str, future) -> str:
    """Why a task failed, for the user: what it was doing ("the annotation of …") and the cause."""
    try:
        error = future.exception(timeout=10)
    except Exception as other:  # noqa: BLE001 - the cause itself could not be fetched
        error = other
    kind = type(error).__name__
    if kind == "KilledWorker":
        cause = "the worker running it died each time (killed, or out of memory)"
    elif error is None:
        cause = f"the task was {future.status}"
    else:
        cause = f"{kind}: {error}"
    return f"{name} failed on every attempt on the cluster: {cause}."


@contextmanager
def connect(spec: str, progress: Callable[[str], None] | None = None) -> Iterator[ClusterExecutor]:
    """An executor on the cluster `spec` ("local:N" starts a LocalCluster of N one-thread worker processes
    on 127.0.0.1, closed at the end; else the address of a running scheduler). BuildFailed, in one
    sentence, when Dask is not installed or the scheduler cannot be reached."""
    try:
        import distributed
    except ImportError:
        raise BuildFailed(f"--cluster needs Dask's distributed scheduler, which is not installed; install it with "
                          f"{INSTALL}.") from None
    # distributed logs every connection at INFO level: shown with --verbose only.
    logging.getLogger("distributed").setLevel(logging.INFO if logging.getLogger().level <= logging.INFO else logging.ERROR)
    local = LOCAL.fullmatch(spec)
    cluster = None
    try:
        if local:
            # The scheduler's HTTP server always starts (8787 by default, taken by any other cluster here): on a
            # free port of this machine only.
            cluster = distributed.LocalCluster(n_workers=int(local.group(1)), threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                               silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(spec, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise BuildFailed(f"could not reach the Dask scheduler at {spec} ({error}); is it running, and is the "
                          f"address right?") from None
    try:
        yield ClusterExecutor(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- Annotation on the cluster -------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one article."""

    entities: list | None
    """The model's entity spans, when the model ran on the article here (the client caches them)."""
    annotation: Annotation | None
    """The annotation, or None when the annotator failed on the article."""
    error: str = ""
    """"Type: message" of the annotator's failure."""


@dataclass(frozen=True)
class Identity:
    """What a worker must run to produce the client's cache entries."""

    code: str
    """The annotator's code digest (builder.pipeline.cache.code_version)."""
    model: str
    """The English model as configured ("auto" or a package name)."""
    model_version: str
    """Its "package==version", as in the cache keys."""
    romanian: str
    """The Romanian person model's digest, as in the cache keys (builder.annotate.nlp.romanian_identity)."""


_annotators: dict[tuple[str, str], Any] = {}


def _annotator(kb: KnowledgeBase, identity: Identity):
    """This worker process's annotator for the knowledge base: made (and the model loaded) once."""
    from builder.pipeline.generate import make_annotator

    key = (kb.version, identity.model)
    if key not in _annotators:
        _annotators.clear()  # one knowledge base at a time: a new version replaces the old
        _annotators[key] = make_annotator(kb, identity.model)
    return _annotators[key]


def identity_of(model: str) -> Identity:
    """This process's code and models, as the cache keys name them."""
    from builder.annotate import nlp
    from builder.pipeline.cache import code_version
    from builder.pipeline.generate import english_identity

    return Identity(code_version(), model, english_identity(model), nlp.romanian_identity())


def annotate_batch(batch: list[tuple[Article, list | None]], kb: KnowledgeBase, identity: Identity) -> list[Outcome]:
    """A task: annotate (article, cached spans or None) pairs on a worker. Runs the model once over the
    batch's English texts that have no cached spans, then the annotator's components on each article."""
    mine = identity_of(identity.model)
    if mine != identity:
        raise RuntimeError(f"this worker runs other code or another model than the build ({mine} here, {identity} "
                           f"there); install the same version of the project and model on every worker")
    _fault_hook(batch)
    annotator = _annotator(kb, identity)
    to_model = [article for article, spans in batch if spans is None and annotator.uses_model(article)]
    stream = annotator.entities_many(to_model, 1)
    outcomes = []
    for article, spans in batch:
        computed = None
        if spans is not None:
            spans = [tuple(span) for span in spans]
        elif annotator.uses_model(article):
            spans = computed = next(stream)
        try:
            outcomes.append(Outcome(computed, annotator.annotate(article, spans)))
        except Exception as error:  # noqa: BLE001 - one article never stops the build; it is named instead
            outcomes.append(Outcome(computed, None, f"{type(error).__name__}: {error}"))
    return outcomes


def _fault_hook(batch: list[tuple[Article, list | None]]) -> None:
    doomed = os.environ.get(EXIT_HOOK)
    if not doomed or not any(os.path.basename(article.source) == doomed for article, _ in batch):
        return
    marker = os.environ.get(EXIT_ONCE)
    if marker:
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os._exit(70)


def annotate_on(executor, kb: KnowledgeBase, model: str, items: list[tuple[Article, list | None]],
                progress: Callable[[int, int], None] | None = None,
                keep: Callable[[int, Outcome], None] | None = None) -> list[Outcome]:
    """Each (article, cached spans or None) annotated on the executor's workers, in order; progress in
    batches done of all; keep(index in items, outcome) as each batch arrives. TaskFailed names the article
    files of a batch that failed on every attempt."""
    identity = identity_of(model)
    batches = [items[start:start + TASK_ARTICLES] for start in range(0, len(items), TASK_ARTICLES)]
    names = [_article_names(batch) for batch in batches]
    def arrived(number: int, outcomes: list[Outcome]) -> None:
        for offset, outcome in enumerate(outcomes):
            keep(number * TASK_ARTICLES + offset, outcome)
    results = executor.map(annotate_batch, batches, common=(kb, identity), names=names, progress=progress,
                           on_result=arrived if keep else None)
    return [outcome for batch in results for outcome in batch]


class ClusterAnnotator:
    """Stands in for an Annotator in builder.pipeline.generate.annotate_articles: the articles the cache
    has no annotation for go to annotate_on (`annotate_many`); the rest is the local annotator's."""

    def __init__(self, local, executor, model: str, progress: Callable[[int, int], None] | None = None):
        self.local, self.executor, self.model, self.progress = local, executor, model, progress

    def uses_model(self, article: Article) -> bool:
        return self.local.uses_model(article)

    def annotate_many(self, items: list[tuple[Article, list | None]],
                      keep: Callable[[int, Outcome], None] | None = None) -> list[Outcome]:
        return annotate_on(self.executor, self.local.kb, self.model, items, self.progress, keep)


def _article_names(batch: list[tuple[Article, list | None]]) -> str:
    sources = [article.source for article, _ in batch]
    if len(sources) == 1:
        return f"the annotation of {sources[0]}"
    return f"the annotation of {len(sources)} articles ({', '.join(sources)})"
