"""The rooms' rules (issue 17, docs/architecture.md), checked on the code itself rather than
trusted to review:

- the import graph of the four apps has no cycle, counting imports inside functions too
  (grimp reads them all), so no circle hides behind a function-level import;
- an import inside a function says why on its own line or the line above (a heavy optional
  library loaded only when used; Django's `ready()`);
- a young person's data is written only by a `services` module (or package), a migration, the
  demo or an admin form.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import grimp
import pytest

# Nothing here depends on the database or the cache: run once (Makefile, test-services).
pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[1]
APPS = ("portal", "offer", "chat", "surveys")


def _sources() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    )


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (
                            child,
                            iter(sorted(graph.find_modules_directly_imported_by(child) & modules)),
                        )
                    )
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_the_four_apps_import_one_another_without_a_circle():
    graph = grimp.build_graph(*APPS, cache_dir=None)
    modules = {module for module in graph.modules if ".migrations" not in module}
    assert _cycles(graph, modules) == []


def test_the_cycle_finder_sees_a_circle():
    """The check above would pass vacuously if `_cycles` never found anything."""
    graph = grimp.ImportGraph()
    for name in ("a", "b", "c"):
        graph.add_module(name)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    assert _cycles(graph, {"a", "b", "c"}) == [["a", "b", "c"]]


def _unexplained_imports(source: str) -> list[int]:
    lines = source.splitlines()
    tree = ast.parse(source)
    missing = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                here = lines[node.lineno - 1]
                above = lines[node.lineno - 2] if node.lineno > 1 else ""
                if "#" not in here and not above.strip().startswith("#"):
                    missing.append(node.lineno)
    return sorted(set(missing))


def test_an_import_inside_a_function_says_why():
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in _sources()
        if (lines := _unexplained_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_import_check_finds_an_unexplained_import():
    assert _unexplained_imports("def f():\n    import os\n") == [2]
    assert _unexplained_imports("def f():\n    # heavy: only here\n    import os\n") == []


WRITES = re.compile(
    r"objects\.(?:create|get_or_create|update_or_create|bulk_create)\(|\.save\(|\.delete\("
)


# Not rows of a young person's data: a cache's own keys, and a model's save() calling Django's.
_ALLOWED = re.compile(r"\bcache\.delete\(|super\(\)\.(?:save|delete)\(")


def _may_write(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    name = path.name
    return (
        name == "services.py"
        or "services" in parts
        or "demo" in name
        or name == "admin_forms.py"
        or ("management" in parts and "demo" in name)
    )


@pytest.mark.parametrize("app", APPS)
def test_writes_live_in_services(app):
    """As the issue's grep: outside services, migrations, the demo and admin forms, nothing
    creates, saves or deletes a row."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        if path.relative_to(ROOT).parts[0] == app and not _may_write(path)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if WRITES.search(line) and not line.lstrip().startswith("#") and not _ALLOWED.search(line)
    ]
    assert offenders == []
