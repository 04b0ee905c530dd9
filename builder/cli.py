"""The command line: `briefing build|annotate|check|add|serve|eval`. The only place exceptions become exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from builder.errors import BuildFailed
from builder.pipeline.generate import shown_path
from builder.pipeline.build import build, print_problems
from builder.config import load_config, shard_pages, with_overrides
from builder.settings import Invalid
from builder.annotate.nlp import ModelNotFound
from builder.pipeline.outputs import OutputRefused
from builder.pipeline.progress import printer


def _with_cache(config, args):
    """The config with the cache folder from --cache, or none with --no-cache."""
    if args.no_cache:
        return replace(config, cache=None)
    return replace(config, cache=Path(args.cache).resolve()) if args.cache else config


def _add_cache_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--cache", metavar="DIR", help="the annotation cache folder (default .cache/briefing)")
    command.add_argument("--no-cache", action="store_true", help="annotate everything afresh and store nothing")


def _stopped(error: Exception, what: str = "") -> int:
    """A command stopped by a refusal or a failure: its problems, then one line saying why; exit code 1."""
    print_problems(getattr(error, "problems", []))
    print(f"briefing: {what}{error}", file=sys.stderr)
    return 1


def cmd_build(args) -> int:
    config, problems = load_config(Path(args.root))
    config = with_overrides(config, articles=tuple(Path(p) for p in args.articles) if args.articles else None,
                            notes=Path(args.notes) if args.notes else None, data=Path(args.data) if args.data else None,
                            site=Path(args.site) if args.site else None, docs=Path(args.docs) if args.docs else None,
                            strict=args.strict, spacy_model=args.model)
    if args.shards is not None:
        try:
            config = with_overrides(config, shards=shard_pages(int(args.shards) if args.shards.isdigit() else args.shards))
        except Invalid as error:
            print(f"briefing: --shards {error}.", file=sys.stderr)
            return 2
    config = _with_cache(config, args)
    if args.cluster is not None:
        from builder.pipeline.cluster import check_spec

        try:
            config = replace(config, cluster=check_spec(args.cluster))
        except Invalid as error:
            print(f"briefing: --cluster {error}.", file=sys.stderr)
            return 1
    print_problems(problems)
    try:
        report = build(config, progress=printer(sys.stderr))
    except OutputRefused as refused:
        return _stopped(refused)
    except BuildFailed as failure:
        return _stopped(failure, "build failed: ")
    print_problems(report.problems)
    times = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in report.timings.items())
    print(f"Built {report.articles} articles into {shown_path(config.site, config.root)} "
          f"({report.pages} pages; {report.skipped} skipped; {report.annotated} annotated, {report.cached} from the "
          f"cache, model run on {report.model_runs}; {report.pages - report.reused_pages} pages made and "
          f"{report.reused_pages} unchanged, {report.search_parts - report.reused_search_parts} of "
          f"{report.search_parts} search index parts made; {_shards_made(report.shards)}{times})." +
          (f" {report.cache_ignored} damaged cache entries were ignored and made again." if report.cache_ignored else ""),
          file=sys.stderr)
    return 0


def _shards_made(sharded) -> str:
    """"3 of 12 site shards built (at most 310 MB each); " for a sharded build, "" otherwise."""
    if sharded is None:
        return ""
    peak = max((r.peak_kb for r in sharded.results), default=0)
    return (f"{len(sharded.results)} of {sharded.shards} site shards built"
            + (f" (at most {peak / 1024:,.0f} MB each)" if peak else "") + "; ")


def cmd_annotate(args) -> int:
    from builder.pipeline.generate import Report, annotated_articles
    from builder.site.render import article_meta

    config, problems = load_config(Path(args.root))
    config = with_overrides(config, data=Path(args.data) if args.data else None, spacy_model=args.model,
                            articles=tuple(Path(f) for f in args.files))
    config = _with_cache(config, args)
    report = Report(problems=problems)
    try:
        _, annotated = annotated_articles(config, report)
    except BuildFailed as failure:
        print_problems([*problems, *failure.problems])
        print(f"briefing: {failure}", file=sys.stderr)
        return 1
    for item in annotated:
        meta = article_meta(item)
        record = {"source": meta.pop("source"), **meta}
        if args.json:
            print(json.dumps(record, ensure_ascii=False, sort_keys=False))
        else:
            print(f"{record['source']}: {record['title']} ({record['date'] or 'undated'}, {record['lang']})")
            for speaker in record["speakers"]:
                print(f"  {speaker['name']}: {len(speaker['quotes'])} quote(s)")
    print_problems(report.problems)
    return 1 if report.errors else 0


def cmd_check(args) -> int:
    from builder.pipeline.check import check

    config, problems = load_config(Path(args.root))
    config = with_overrides(config, data=Path(args.data) if args.data else None,
                            articles=tuple(Path(p) for p in args.articles) if args.articles else None,
                            notes=Path(args.notes) if args.notes else None)
    problems += check(config)
    print_problems(problems, sys.stdout)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s).", file=sys.stderr)
    return 1 if errors else 0


def cmd_add(args) -> int:
    from builder.pipeline.add import AddRefused, Given, add_article
    from builder.pipeline.outputs import check_addable

    config, problems = load_config(Path(args.root))
    print_problems(problems)
    if args.file == "-":
        raw, shown, suffix = sys.stdin.buffer.read(), "standard input", ".txt"
    else:
        source = Path(args.file)
        try:
            raw = source.read_bytes()
        except OSError as error:
            print(f"briefing: cannot read {args.file}: {error.strerror}.", file=sys.stderr)
            return 1
        shown, suffix = args.file, source.suffix.lower()
    given = Given(title=args.title, date=args.date, outlet=args.outlet, lang=args.lang)
    try:
        check_addable(config.articles[0], config.root)
        path, warnings = add_article(raw, shown, suffix, given, config.articles[0], config.root, config.languages)
    except (AddRefused, OutputRefused) as refused:
        print(f"briefing: {refused}", file=sys.stderr)
        return 1
    print_problems(warnings)
    print(shown_path(path, config.root))
    return 0


def cmd_serve(args) -> int:
    from builder.pipeline.serve import serve

    config, problems = load_config(Path(args.root))
    config = _with_cache(config, args)
    print_problems(problems)
    if not config.mkdocs_config or not config.mkdocs_config.is_file():
        print(f"briefing: there is no MkDocs configuration at {config.mkdocs_config}.", file=sys.stderr)
        return 1
    try:
        serve(config, port=args.port, progress=printer(sys.stderr))
    except OutputRefused as refused:
        return _stopped(refused)
    except BuildFailed as failure:
        return _stopped(failure, "the preview could not be built: ")
    except OSError as error:  # the port is taken, most often
        print(f"briefing: cannot serve on 127.0.0.1:{args.port}: {error.strerror}. Try another --port.", file=sys.stderr)
        return 1
    return 0


def cmd_eval(args) -> int:
    from builder.pipeline.evaluate import evaluate, format_report

    config, problems = load_config(Path(args.root))
    config = with_overrides(config, spacy_model=args.model)
    total = None
    for gold in args.gold:
        result = evaluate(Path(gold), config)
        print(format_report(result, verbose=not args.quiet))
        total = result if total is None else total.merge(result)
    if len(args.gold) > 1 and total is not None:
        print(format_report(total, verbose=False, heading="All gold files"))
    return 0


def cmd_suggest(args) -> int:
    from builder.archive.index import index_archive
    from builder.pipeline.generate import Report, annotated_articles
    from builder.pipeline.outputs import check_appendable
    from builder.archive.suggest import SUGGESTIONS_FILE, append_suggestions, format_suggestions, suggest_events, suggest_people

    config, problems = load_config(Path(args.root))
    config = with_overrides(config, articles=tuple(Path(p) for p in args.articles) if args.articles else None,
                            data=Path(args.data) if args.data else None, spacy_model=args.model)
    config = _with_cache(config, args)
    if args.min < 1:
        print("briefing: --min must be at least 1 (the number of articles a suggestion must appear in).", file=sys.stderr)
        return 1
    report = Report(problems=problems)
    try:
        if args.write:
            check_appendable(config.data / SUGGESTIONS_FILE, config.root)
        # Suggestions over a knowledge base that could not be read would name everyone: it stops the run.
        # Editors' corrections win here too: a person an editor removed from an article is not suggested.
        kb, annotated = annotated_articles(config, report, printer(sys.stderr))
    except (OutputRefused, BuildFailed) as error:
        print_problems(getattr(error, "problems", []))
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    articles = [item.article for item in annotated]
    if not articles:
        print_problems(report.problems)
        print("briefing: no article could be read, so there is nothing to suggest.", file=sys.stderr)
        return 1
    print_problems(report.problems)
    people = suggest_people(index_archive(kb, annotated, []), args.min)
    events = suggest_events(kb, annotated, args.min)
    if not people and not events:
        print(f"Nothing to suggest: no person or event outside the knowledge base is named in at least "
              f"{args.min} of the {len(articles)} articles." + (" Try --min 1." if args.min > 1 else ""))
        return 0
    print(format_suggestions(people, events), end="")
    if args.write:
        target = config.data / SUGGESTIONS_FILE
        written, already = append_suggestions(target, people, events)
        shown = shown_path(target, config.root)
        if written:
            print(f"Appended {written} suggestion(s) to {shown} for review"
                  + (f"; {already} were there already." if already else "."), file=sys.stderr)
        else:
            print(f"Nothing new to append: all {already} suggestion(s) are in {shown} already.", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="briefing", description="Build the Briefing Archive site from raw articles.")
    top.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    top.add_argument("--verbose", "-v", action="store_true", help="show MkDocs' own log")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="generate docs/ and build the site")
    b.add_argument("--articles", action="append", help="a folder of articles (repeatable; default content/articles)")
    b.add_argument("--notes", help="the editors' notes folder (default content/notes)")
    b.add_argument("--data", help="the knowledge-base folder (default data)")
    b.add_argument("--site", help="where to build the site (default site)")
    b.add_argument("--docs", help="where to write the generated Markdown (default docs)")
    b.add_argument("--model", help="English spaCy model package (default from briefing.yml)")
    b.add_argument("--strict", action="store_true", help="fail on any bad input instead of skipping it")
    b.add_argument("--shards", metavar="N|auto|off", help="build the site in shards of at most N pages (default from briefing.yml)")
    b.add_argument("--cluster", metavar="ADDRESS", help="annotate on a Dask cluster: a scheduler's address "
                   "(tcp://host:8786), local:N (N worker processes started here) or off (default from briefing.yml)")
    _add_cache_options(b)
    b.set_defaults(run=cmd_build)

    a = sub.add_parser("annotate", help="print what the annotator finds in articles")
    a.add_argument("files", nargs="+", help="article files or folders")
    a.add_argument("--json", action="store_true", help="one JSON object per article, one per line")
    a.add_argument("--data", help="the knowledge-base folder (default data)")
    a.add_argument("--model", help="English spaCy model package")
    _add_cache_options(a)
    a.set_defaults(run=cmd_annotate)

    c = sub.add_parser("check", help="validate content/ and data/; print every problem as file:line: message")
    c.add_argument("--articles", action="append", help="a folder of articles (repeatable)")
    c.add_argument("--notes", help="the editors' notes folder")
    c.add_argument("--data", help="the knowledge-base folder")
    c.set_defaults(run=cmd_check)

    s = sub.add_parser("suggest", help="people and events in the articles that the knowledge base lacks")
    s.add_argument("--articles", action="append", help="a folder of articles (repeatable; default content/articles)")
    s.add_argument("--data", help="the knowledge-base folder (default data)")
    s.add_argument("--model", help="English spaCy model package")
    s.add_argument("--min", type=int, default=2, metavar="N",
                   help="only what is named in at least N articles (default 2)")
    s.add_argument("--write", action="store_true",
                   help="append the suggestions to data/suggestions.yml for review (the builder never reads it)")
    _add_cache_options(s)
    s.set_defaults(run=cmd_suggest)

    a = sub.add_parser("add", help="copy a raw article into content/articles/ with a header of what is known")
    a.add_argument("file", help="the article file, or - to read standard input")
    a.add_argument("--date", help="the article's date, YYYY-MM-DD")
    a.add_argument("--outlet", help="the outlet that published it")
    a.add_argument("--lang", help="its language code (en, ro, ru, uk)")
    a.add_argument("--title", help="its headline")
    a.set_defaults(run=cmd_add)

    s = sub.add_parser("serve", help="a live preview on 127.0.0.1 that rebuilds what each change needs")
    s.add_argument("--port", type=int, default=8000, help="the port to serve on (default 8000)")
    _add_cache_options(s)
    s.set_defaults(run=cmd_serve)

    e = sub.add_parser("eval", help="precision and recall against gold files")
    e.add_argument("gold", nargs="+", help="gold YAML files (tests/gold/*.yml)")
    e.add_argument("--model", help="English spaCy model package")
    e.add_argument("--quiet", "-q", action="store_true", help="only the figures, not each miss")
    e.set_defaults(run=cmd_eval)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s")
    if not args.verbose:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return args.run(args)
    except ModelNotFound as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a command that stopped reading (| head)
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("briefing: interrupted; the previous site is unchanged.", file=sys.stderr)
        return 130
