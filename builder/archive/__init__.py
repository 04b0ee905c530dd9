"""Stage 3, archive: what the whole archive knows (people across articles, suggestions)."""
