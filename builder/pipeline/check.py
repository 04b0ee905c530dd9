"""`briefing check`: validate the knowledge base, the articles and the notes without building."""

from __future__ import annotations

from builder.pipeline.generate import article_files, read_notes
from builder.config import Config
from builder.sources.corrections import check_corrections
from builder.sources.ingest import IngestError, ingest_text, read_decoded
from builder.sources.kb import load_kb
from builder.model import Article, Problem
from builder.text import slug


def check(config: Config) -> list[Problem]:
    """Every problem in data/, content/articles/ and content/notes/, without running spaCy."""
    problems: list[Problem] = []
    kb, kb_problems = load_kb(config.data, config.root)
    problems += kb_problems
    articles: list[Article] = []
    for path, shown in article_files(config.articles, config.root, problems).items():
        try:
            decoded = read_decoded(path, shown)
            # Languages are not detected here: a check must be fast and needs no model.
            article, warnings = ingest_text(decoded.text, shown, slug(path.stem, "article"), languages=("en",))
            problems += [*decoded.warnings, *warnings, *check_corrections(article, kb)]
            articles.append(article)
        except IngestError as error:
            problems.append(error.problem)
    read_notes(config, kb, articles, problems)
    return problems
