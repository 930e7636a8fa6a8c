"""The offer's modules import each other one way (issue 17): no circle among them, and no import
hidden inside a function unless a comment on its line says why."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OFFER = ROOT / "offer"


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(OFFER.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        yield name, path, ast.parse(path.read_text(), filename=str(path))


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node


def _names(node: ast.Import | ast.ImportFrom) -> set[str]:
    """Every module the statement may load: `from offer import selectors` loads offer.selectors."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    module = node.module or ""
    return {module} | {f"{module}.{alias.name}" for alias in node.names}


def _graph() -> dict[str, set[str]]:
    modules = {name: tree for name, _path, tree in _modules()}
    return {
        name: {imported for node in _imports(tree) for imported in _names(node)} & set(modules)
        for name, tree in modules.items()
    }


def _a_circle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> list[str] | None:
        if name in trail:
            return [*trail[trail.index(name) :], name]
        if name in done:
            return None
        for imported in sorted(graph[name]):
            if found := visit(imported, [*trail, name]):
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        if found := visit(name, []):
            return found
    return None


def test_the_offers_modules_import_each_other_one_way():
    graph = _graph()
    assert "offer.selectors" in graph["offer.views"]  # the graph sees `from offer import x`
    assert _a_circle(graph) is None
    assert "offer.selectors" not in graph["offer.models"]


def test_no_import_inside_a_function_without_a_comment_saying_why():
    hidden = []
    for name, path, tree in _modules():
        lines = path.read_text().splitlines()
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in _imports(function):
                if "#" not in lines[node.lineno - 1]:
                    hidden.append(f"{name}:{node.lineno}")
    assert hidden == []
