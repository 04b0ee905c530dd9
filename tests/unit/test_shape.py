"""Functions short enough to hold in mind (issue 13 measured MkDocs: 1 function over 100 lines in 456)."""

import ast

from tests.conftest import ROOT

LONGEST = 100
MOST_PARAMETERS = 9


def _functions():
    for path in sorted((ROOT / "builder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
                yield path.relative_to(ROOT), node, [a for a in arguments if a not in ("self", "cls")]


def test_no_function_is_longer_than_a_screenful_or_takes_a_crowd_of_parameters():
    long = [f"{path}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for path, node, _ in _functions() if node.end_lineno - node.lineno + 1 > LONGEST]
    crowded = [f"{path}:{node.lineno} {node.name} ({len(args)} parameters)"
               for path, node, args in _functions() if len(args) > MOST_PARAMETERS]
    assert not long and not crowded, long + crowded


def test_the_check_sees_every_module():
    assert sum(1 for _ in _functions()) > 300
