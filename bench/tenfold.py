"""Benchmark: does the site stage stay flat as the archive grows? N corpus documents, annotated once (from
the annotation cache), replicated 1, 2, 5 and 10 times into ever larger archives, each built in shards.

    nice -n 10 .venv/bin/python bench/tenfold.py [--n 1000] [--times 1,2,5,10] [--cache /work/cache-corpus]

The copies are made from the cached annotations, not by running the model again: copy c of an article
has its own page name, its date moved c times the base's span of years into the past (so the archive
gains years, as an archive kept longer does), and every person outside the knowledge base it names is
renamed (a new surname: "Name" + an ending of its own, and a new id), so the people grow with the archive as new names would; the
knowledge base's people, events and topics stay, and their pages grow (paginated). Each archive is then
built as `briefing build` builds it (index, render, write, MkDocs in shards of `--shard-pages` pages in
`--processes` local processes, Pagefind in parts), with no previous site.

It prints, per size: documents, pages, shards, the site stage's seconds (render, i.e. index and Markdown;
write; MkDocs; search) and per document, the peak memory of a shard's process, and the peak of every
process together (the main process holds the whole archive while it renders, so that one grows). Not
part of `make test`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench.memory import TreeMemory  # noqa: E402
from builder.model import AnnotatedArticle, Annotation  # noqa: E402
from builder.pipeline.build import build  # noqa: E402
from builder.pipeline.generate import Report, Reuse, annotated_articles  # noqa: E402
from builder.pipeline.tasks import LocalProcesses  # noqa: E402
from shards import corpus_project, options, stages  # noqa: E402

SITE_STAGES = ("render", "write", "mkdocs", "search")
ONE_MORE = "The spokesman added that the talks would go on next week."


def _earlier(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    return day.replace(year=day.year - years, day=28 if (day.month, day.day) == (2, 29) else day.day)


ENDINGS = ("", "ar", "en", "is", "ov", "ul", "et", "om", "ik", "as", "ur", "el")


def renamed_name(name: str, number: int) -> str:
    """The name of copy `number`'s person: a surname of its own ("Anna Kowalska" -> "Anna Kowalskaen"), so
    the copies' people are as spread over surnames as the corpus's are (a number after the name made every
    copy's people share one "surname", and the nickname fold compares the people of a surname pairwise)."""
    ending = ENDINGS[number % len(ENDINGS)] + "x" * (number // len(ENDINGS))
    return name + ending


def copy_of(item: AnnotatedArticle, number: int, span: int) -> AnnotatedArticle:
    """Copy `number` (1, 2 …) of an annotated article: its own page, dated `number * span` years earlier,
    the people outside the knowledge base renamed."""
    if number == 0:
        return item
    renamed = {p.id for p in item.annotation.people if not p.in_kb}

    def person(ref):
        return replace(ref, id=f"{ref.id}-{number + 1}", name=renamed_name(ref.name, number)) if ref.id in renamed else ref

    annotation = Annotation(people=tuple(person(p) for p in item.annotation.people),
                            speakers=tuple(person(s) for s in item.annotation.speakers),
                            events=item.annotation.events, topics=item.annotation.topics)
    article = replace(item.article, slug=f"{item.article.slug}-{number + 1}", source=f"{item.article.source}#{number + 1}",
                      date=_earlier(item.article.date, number * span))
    return replace(item, article=article, annotation=annotation)


class Replicated(Reuse):
    """The build's reading and annotation replaced by the replicated archive (builder.pipeline.generate.Reuse)."""

    def __init__(self, items: list[AnnotatedArticle]):
        self.items = items

    def read(self, run):
        return [item.article for item in self.items]

    def annotate(self, run, articles, tally):
        tally["cached"] = len(self.items)
        return self.items


def main() -> int:
    args = options(__doc__, 2000)
    work = Path(tempfile.mkdtemp(prefix="bench-tenfold-"))
    try:
        config = corpus_project(args, work)
        started, report = time.perf_counter(), Report()
        _, base = annotated_articles(config, report)
        print(f"base: {len(base)} documents annotated in {time.perf_counter() - started:.1f} s "
              f"({report.cached} from the cache, model run on {report.model_runs})", flush=True)
        years = [i.article.date.year for i in base if i.article.date]
        span = max(years) - min(years) + 1 if years else 1
        rows = []
        for times in (int(t) for t in args.times.split(",")):
            items = [copy_of(item, number, span) for number in range(times) for item in base]
            out = work / f"x{times}"
            with TreeMemory() as memory:
                memory.stage = "build"
                result = build(replace(config, shards=args.shard_pages, docs=out / "docs", site=out / "site"),
                               executor=LocalProcesses(args.processes), reuse=Replicated(items))
            # One article changed (a paragraph added), built over the previous site: only its shards run again.
            changed = list(items)
            first = changed[0]
            changed[0] = replace(first, article=replace(first.article, paragraphs=(*first.article.paragraphs, ONE_MORE)))
            started = time.perf_counter()
            again = build(replace(config, shards=args.shard_pages, docs=out / "docs", site=out / "site"),
                          reuse=Replicated(changed))  # the shards run where `briefing build` runs them
            whole = time.perf_counter() - started
            print(f"  one article changed: {whole:.1f} s for the whole build ({stages(again)}); "
                  f"{len(again.shards.results)} of {again.shards.shards} shards built "
                  f"({', '.join(sorted(r.name for r in again.shards.results))}), "
                  f"{again.pages - again.reused_pages} pages made", flush=True)
            site = sum(result.timings.get(stage, 0.0) for stage in SITE_STAGES)
            shard_peak = max(r.peak_kb for r in result.shards.results) / 1024
            rows.append((times, len(items), result.pages, result.shards.shards, site, site / len(items) * 1000,
                         *(result.timings.get(stage, 0.0) for stage in SITE_STAGES), shard_peak,
                         memory.peaks.get("build", 0) / 1024))
            print("{}x: {:,} documents, {:,} pages, {} shards; site stage {:.1f} s = {:.1f} ms a document "
                  "(render {:.1f}, write {:.1f}, MkDocs {:.1f}, search {:.1f}); a shard's process at most {:.0f} MB; "
                  "every process together at most {:.0f} MB".format(*rows[-1]), flush=True)
            shutil.rmtree(out, ignore_errors=True)
        print("\n| size | documents | pages | shards | site stage (s) | ms a document | render | write | MkDocs | "
              "search | a shard's peak (MB) | all processes' peak (MB) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in rows:
            print("| {}x | {:,} | {:,} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.0f} | {:.0f} |".format(*row))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
