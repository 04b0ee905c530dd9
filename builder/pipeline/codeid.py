"""What "the code changed" means, in one place: a digest of the source of some builder modules and of
every builder module they import, found by reading their import statements (not a hand-kept list). A
package that is reached counts whole (every module below it: the language packs are loaded by name).

The annotation cache keys entries by ANNOTATION's digest; the incremental build stamps a site with the
digest of the whole package. A reached package's data files (the lexicon tables beside the language
packs, DATA) count like its modules: a regenerated table is changed code.
"""

from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
"""The builder package."""
ANNOTATION = ("builder.annotate", "builder.sources.ingest", "builder.pipeline.cache")
"""What turns a file into an annotation: reading it (ingest), annotating it, storing it."""
EVERYTHING = ("builder",)
DATA = (".txt",)
"""Files in a package folder that the code reads as part of itself (builder/lang/given_names.txt …)."""


def _file(module: str, root: Path) -> Path | None:
    """The file or package folder of a builder module name ("….__init__": only the package's own file), or
    None when it is no builder module (a name imported from a module, say)."""
    parts = module.split(".")
    if parts[0] != "builder":
        return None
    path = root.joinpath(*parts[1:])
    if path.name == "__init__":  # the module a name was imported from: a package's own file, or a module
        path = path.parent
        return path / "__init__.py" if path.is_dir() else _file(module.rsplit(".", 1)[0], root)
    if path.is_dir():
        return path
    return path.with_suffix(".py") if path.with_suffix(".py").is_file() else None


def _imports(path: Path) -> set[str]:
    """The builder modules a source file imports ("from builder import x" names builder.x)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("builder"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("builder") and not node.level:
            found.add(node.module + ".__init__")  # a package's own module, not every module below it
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def modules_of(entries: tuple[str, ...], root: Path = PACKAGE) -> list[Path]:
    """Every source file of the entries and of what they import, transitively, and the data files of the
    packages reached, sorted."""
    seen: set[Path] = set()
    pending = list(entries)
    while pending:
        target = _file(pending.pop(), root)
        if target is None:
            continue
        files = sorted(p for p in target.rglob("*") if p.suffix in (".py", *DATA)) if target.is_dir() else [target]
        for path in files:
            if path not in seen:
                seen.add(path)
                if path.suffix == ".py":
                    pending.extend(_imports(path))
    return sorted(seen)


def code_digest(entries: tuple[str, ...], root: Path = PACKAGE, salt: str = "") -> str:
    """SHA-256 over the path and bytes of every module of modules_of(entries)."""
    h = hashlib.sha256(salt.encode())
    for path in modules_of(entries, root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=None)
def current(entries: tuple[str, ...]) -> str:
    """code_digest of the installed builder, computed once per process."""
    return code_digest(entries)
