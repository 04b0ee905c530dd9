"""Nothing an editor wrote is ever changed: every command leaves content/ and data/ byte-identical."""

import hashlib
from pathlib import Path

import pytest

from builder.cli import main

CORRECTED = """---
outlet: TASS
topics: {remove: [sanctions]}
quotes:
  - text: What counts is not
    speaker: dmitry-peskov
---
"""


def tree_hashes(project: Path) -> dict[str, str]:
    """Every file under content/ and data/ with the SHA-256 of its bytes (and the folders, empty or not)."""
    found = {}
    for folder in ("content", "data"):
        for path in sorted((project / folder).rglob("*")):
            key = str(path.relative_to(project))
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
    return found


@pytest.fixture
def project(sample_project: Path) -> Path:
    """The sample archive with an editor's corrections in one article's header."""
    article = sample_project / "content/articles/2024-11-11-peskov-sanctions-race.txt"
    article.write_text(CORRECTED + article.read_text(encoding="utf-8"), encoding="utf-8")
    return sample_project


def test_build_and_annotate_leave_content_and_data_byte_identical(project, capsys):
    before = tree_hashes(project)
    assert len(before) > 20
    assert main(["--root", str(project), "build", "--strict"]) == 0
    assert tree_hashes(project) == before
    assert main(["--root", str(project), "annotate", str(project / "content/articles"), "--json"]) == 0
    assert tree_hashes(project) == before
    # `suggest --write` only appends to data/suggestions.yml (a file for review); everything else stays.
    (project / "data/suggestions.yml").write_text("# Reviewed by hand on 2026-02-01.\n", encoding="utf-8")
    before = tree_hashes(project)
    assert main(["--root", str(project), "suggest", "--min", "1", "--write"]) == 0
    after = tree_hashes(project)
    assert {k: v for k, v in after.items() if k != "data/suggestions.yml"} == \
        {k: v for k, v in before.items() if k != "data/suggestions.yml"}
    suggestions = (project / "data/suggestions.yml").read_text(encoding="utf-8")
    assert suggestions.startswith("# Reviewed by hand on 2026-02-01.\n") and "- id: " in suggestions
    # The correction took effect on the page without touching the article.
    page = (project / "docs/articles/2024-11-11-peskov-sanctions-race.md").read_text(encoding="utf-8")
    assert "provenance:" in page and "  speakers: editor" in page and "  topics: editor" in page
    assert '"source": "content/articles/2024-11-11-peskov-sanctions-race.txt"' in capsys.readouterr().out
