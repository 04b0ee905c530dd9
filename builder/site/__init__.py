"""Stage 4, site: the archive -> Markdown pages, feeds, charts, the search index and the MkDocs run."""
