"""Does a change of the code change what the build writes? Builds the same inputs with two revisions of the
builder and compares the generated docs/ and site/ byte for byte.

    .venv/bin/python bench/same_output.py --base main            # seeds, sample archive, 1,000 corpus documents
    .venv/bin/python bench/same_output.py --base 04b0445 --n 200 # fewer corpus documents

The base revision is checked out in a temporary git worktree; both builds run with this project's
virtualenv (`python -m builder` with PYTHONPATH set to each checkout), `--no-cache`, the project's data/,
notes and mkdocs.yml of each checkout. The build records (`.briefing-build.json`, which carry a stamp of
the builder's own code) are the only files left out of the comparison. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))
from run import pick  # noqa: E402  (the same documents as the 1,000-document benchmark)

IGNORED = {".briefing-build.json"}


def build(checkout: Path, articles: list[Path], out: Path) -> None:
    """One full build of `articles` with the builder of `checkout` into out/docs and out/site."""
    command = [sys.executable, "-m", "builder", "--root", str(checkout), "build", "--no-cache",
               "--docs", str(out / "docs"), "--site", str(out / "site")]
    for folder in articles:
        command += ["--articles", str(folder)]
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    if result.returncode not in (0,):
        raise SystemExit(f"the build with {checkout} failed ({result.returncode}):\n{result.stderr[-3000:]}")


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths that are in only one tree or differ in content."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        for name in cmp.left_only + cmp.right_only:
            if name not in IGNORED:
                found.append(f"only on one side: {prefix}{name}")
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"differs: {prefix}{name}" for name in mismatch + errors if name not in IGNORED)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return sorted(found)


def _diff(a: Path, b: Path, most: int = 40) -> str:
    """The first lines of a unified diff of two text files."""
    lines = difflib.unified_diff(a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines(),
                                 str(a), str(b), lineterm="", n=1)
    return "\n".join(list(lines)[:most])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="the revision to compare with (default main)")
    parser.add_argument("--n", type=int, default=1000, help="corpus documents (0: none)")
    parser.add_argument("--only", choices=("seeds", "sample", "corpus"), action="append",
                        help="compare only these inputs (repeatable)")
    parser.add_argument("--allow", action="append", default=[], metavar="PATH",
                        help="a file under site/ or docs/ whose difference is documented (repeatable)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="same-output-"))
    base = work / "base"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
                   check=True, capture_output=True)
    try:
        inputs = {"sample": [Path("content/articles")]}
        if SHARED.is_dir():
            inputs["seeds"] = [SHARED / "seeds"]
            if args.n:
                corpus = work / "input-corpus"
                corpus.mkdir()
                for index, path in enumerate(pick(SHARED / "corpus" / "scale", args.n)):
                    shutil.copy(path, corpus / f"{index:05d}-{path.name}")
                inputs["corpus"] = [corpus]
        failed = False
        for name, articles in inputs.items():
            if args.only and name not in args.only:
                continue
            print(f"{name}: building with {args.base} and with the working tree …", flush=True)
            build(base, articles, work / name / "base")
            build(ROOT, articles, work / name / "new")
            for tree in ("docs", "site"):
                found = differences(work / name / "base" / tree, work / name / "new" / tree)
                allowed = [line for line in found if line.split(": ", 1)[1] in args.allow]
                found = [line for line in found if line not in allowed]
                for line in allowed:
                    print(f"  {tree}/: documented difference, {line}")
                files = sum(1 for p in (work / name / "new" / tree).rglob("*") if p.is_file())
                print(f"  {tree}/: {files} files, {len(found)} differences")
                for line in found[:20]:
                    print(f"    {line}")
                first = next((line.split(": ", 1)[1] for line in found if line.startswith("differs: ")), None)
                if first and tree == "docs":
                    print(_diff(work / name / "base" / tree / first, work / name / "new" / tree / first))
                failed |= bool(found)
        print("different" if failed else "identical")
        return 1 if failed else 0
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
