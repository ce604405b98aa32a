"""The package's layers, as import contracts over the whole import graph.

``site_builder`` is layered (docs/architecture.md): ``core`` < ``model`` < ``inputs`` <
``derive`` < ``render`` < ``output`` < ``engine`` < ``apps``. A module imports only from its
own layer or a lower one, and no two modules import each other, however indirectly. Every
import counts: at module level, inside a function, or under ``TYPE_CHECKING`` (an import
hidden there is still a dependency a reader has to hold in mind). MkDocs is imported by the
engine layer only, so the kit can move to another engine (docs/engine.md).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "site_builder"
LAYERS = ("core", "model", "inputs", "derive", "render", "output", "engine", "apps")
"""Lowest first."""
TOP = {"site_builder": "core", "site_builder.__main__": "apps"}
"""The package's own modules: its constants sit with the core; ``python -m`` is an app."""
ENGINE_LIBRARIES = ("mkdocs", "material", "properdocs")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """``(line, module)`` of every import in the file, wherever it is written."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def graph() -> dict[str, set[str]]:
    """Module to the package's modules it imports (a name imported from a module counts
    as that module; a submodule imported from a package counts as the submodule)."""
    edges: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        edges[name] = {target for _, target in imports(path) if target in MODULES and target != name}
    return edges


def layer(name: str) -> str:
    if name in TOP:
        return TOP[name]
    return name.split(".")[1]


def test_every_module_belongs_to_a_layer() -> None:
    stray = [name for name in MODULES if layer(name) not in LAYERS]
    assert not stray, f"modules outside the layers {LAYERS}: {stray}"


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = []
    for name, path in MODULES.items():
        for line, target in imports(path):
            if target in MODULES and target != name and LAYERS.index(layer(target)) > LAYERS.index(layer(name)):
                upward.append(f"{path.relative_to(ROOT)}:{line} ({layer(name)}) imports {target} ({layer(target)})")
    assert not upward, "imports from a higher layer:\n" + "\n".join(sorted(set(upward)))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycle() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_hidden_circle() -> None:
    """The check above would pass on a finder that finds nothing: it finds a circle."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("library", ENGINE_LIBRARIES)
def test_only_the_engine_layer_imports_the_engine(library: str) -> None:
    found = [f"{path.relative_to(ROOT)}:{line}" for name, path in MODULES.items() if layer(name) != "engine"
             for line, target in imports(path) if target == library or target.startswith(library + ".")]
    assert not found, f"{library} imported outside site_builder/engine: {found}"


def test_check_never_depends_on_how_the_site_is_built() -> None:
    """The input check (``inputs``) and rendering (``render``) import no build module:
    what ``check`` accepts cannot change with a build option or its cache record."""
    edges = graph()
    for name, targets in edges.items():
        if layer(name) in ("inputs", "render"):
            assert not {t for t in targets if layer(t) in ("output", "engine", "apps")}, name
