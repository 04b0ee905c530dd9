"""The code identity of cached annotations and of built sites comes from the package itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builder.pipeline import codeid

from tests.conftest import ROOT


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "builder", tmp_path / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "builder"


def test_every_annotation_module_is_part_of_the_annotation_identity(tmp_path):
    package = _copy(tmp_path)
    modules = codeid.modules_of(codeid.ANNOTATION, package)
    names = {p.relative_to(package).as_posix() for p in modules}
    # the modules issue 13 found missing from the old hand-kept list, and the language packs
    assert {"annotate/turns.py", "annotate/names.py", "sources/yamlio.py", "annotate/speech.py", "lang/ro.py", "annotate/resolve.py"} <= names
    assert "site/render.py" not in names and "site/charts.py" not in names
    # the lexicon tables the annotator reads (a regenerated table must not leave stale annotations)
    assert {"lang/given_names.txt", "lang/given_genders.txt", "lang/nicknames.txt"} <= names
    before = codeid.code_digest(codeid.ANNOTATION, package)
    for module in modules:
        original = module.read_bytes()
        module.write_bytes(original + b"\n# edited\n")
        assert codeid.code_digest(codeid.ANNOTATION, package) != before, module
        module.write_bytes(original)
    assert codeid.code_digest(codeid.ANNOTATION, package) == before


def test_a_site_module_changes_the_site_stamp_but_not_the_annotations(tmp_path):
    package = _copy(tmp_path)
    annotation, everything = codeid.code_digest(codeid.ANNOTATION, package), codeid.code_digest(codeid.EVERYTHING, package)
    render = package / "site" / "render.py"
    render.write_bytes(render.read_bytes() + b"\n# edited\n")
    assert codeid.code_digest(codeid.ANNOTATION, package) == annotation
    assert codeid.code_digest(codeid.EVERYTHING, package) != everything


def test_the_cache_key_of_a_copy_changes_when_a_module_it_imports_is_edited(tmp_path):
    _copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    command = [sys.executable, "-c", "import builder.pipeline.cache as c; print(c.code_version())"]

    def version() -> str:
        return subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()

    before = version()
    turns = tmp_path / "builder" / "annotate" / "turns.py"
    turns.write_text(turns.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    assert version() != before
