"""The shape of the package's code (issue 33): no function takes more than five parameters,
no function is longer than 60 lines or more complex than 20, and no module longer than 450.

Parameters are counted as a caller sees them: every one but ``self`` and ``cls``, ``*args``
and ``**kwargs`` included. What belongs together travels as one value (a frozen dataclass:
an article as the command line gives it, a chart's options, a report request, a paragraph's
format), or the function is a method of the object that holds the shared values.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "site_builder"
MAX_PARAMETERS = 5
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 450

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _functions(path: Path) -> Iterator[Function]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _parameters(node: Function) -> int:
    args = node.args
    named = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs if a.arg not in ("self", "cls")]
    return len(named) + (args.vararg is not None) + (args.kwarg is not None)


def _where(path: Path, node: Function) -> str:
    return f"{path.relative_to(ROOT).as_posix()}:{node.lineno} {node.name}"


def test_the_package_is_read() -> None:
    assert len(_modules()) > 50


def test_no_function_takes_more_than_five_parameters() -> None:
    found = [f"{_where(p, n)} ({_parameters(n)})" for p in _modules() for n in _functions(p)
             if _parameters(n) > MAX_PARAMETERS]
    assert found == []


def test_no_function_is_longer_than_60_lines() -> None:
    found = [f"{_where(p, n)} ({n.end_lineno - n.lineno + 1} lines)" for p in _modules() for n in _functions(p)
             if n.end_lineno is not None and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert found == []


def test_no_module_is_longer_than_450_lines() -> None:
    found = [f"{p.relative_to(ROOT).as_posix()} ({n})" for p in _modules()
             if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert found == []


def test_the_parameter_count_is_the_callers() -> None:
    """``self``, ``cls`` do not count; ``*args``, ``**kwargs`` and keyword-only ones do."""
    tree = ast.parse("class C:\n    def m(self, a, /, b, *c, d, **e): ...\n    @classmethod\n    def k(cls, a): ...\n")
    methods = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    assert [_parameters(n) for n in methods] == [5, 1]


MAX_COMPLEXITY = 20
"""Cyclomatic complexity, as radon counts it (``radon cc``): a function above it is split by
meaning (one function per section of a form, per kind of error, per shape of a drawing)."""


def test_no_function_is_more_complex_than_20() -> None:
    found = [f"{p.relative_to(ROOT).as_posix()}:{block.lineno} {block.name} ({block.complexity})"
             for p in _modules() for block in cc_visit(p.read_text(encoding="utf-8"))
             if block.complexity > MAX_COMPLEXITY]
    assert found == []
