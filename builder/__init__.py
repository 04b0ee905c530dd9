"""Briefing Archive: turns raw articles into an annotated, searchable MkDocs site."""

__version__ = "0.1.0"
