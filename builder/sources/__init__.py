"""Stage 1, sources: editors' files and raw articles -> model objects, with file:line problems."""
