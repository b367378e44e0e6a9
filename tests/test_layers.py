"""The library's layers: every import points down, function-local imports included, and no module imports itself in a cycle.

cli -> publish -> page -> present -> analysis -> data -> (paths, run_record)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import report_lib

RANK = {"paths": 0, "run_record": 0, "data": 1, "analysis": 2, "present": 3, "page": 4, "publish": 5}
TOP = 6  # cli, __main__ and the package facade
ROOT = Path(report_lib.__file__).parent


def module_name(path: Path, root: Path) -> str:
    """``root/present/charts/bars.py`` -> ``report_lib.present.charts.bars``."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join((root.name, *parts)).removesuffix(".__init__")


def rank(module: str) -> int:
    """The layer of a dotted module name (``report_lib.present.labels`` -> 3)."""
    parts = module.split(".")
    return RANK.get(parts[1], TOP) if len(parts) > 1 else TOP


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """Every ``report_lib`` module ``path`` imports, at any depth of the file, with its line."""
    found = []
    package = root.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
            for alias in node.names:  # `from report_lib import paths` imports report_lib.paths
                child = f"{node.module}.{alias.name}"
                is_module = (root.parent / Path(*child.split("."))).with_suffix(".py").is_file() or (
                    root.parent / Path(*child.split("."))).is_dir()
                found.append((node.lineno, child if is_module else node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == package]
    return found


def upward_imports(root: Path) -> list[str]:
    """Every import in the package at ``root`` that points to a higher layer, as ``file:line: a -> b``."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        me = module_name(path, root)
        for line, target in imported_modules(path, root):
            if rank(target) > rank(me):
                problems.append(f"{path.relative_to(root)}:{line}: {me} -> {target}")
    return problems


def import_cycles(root: Path) -> list[list[str]]:
    """Cycles in the graph of imports between modules (a package's ``__init__`` facade excluded)."""
    edges: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        if path.name == "__init__.py":
            continue
        edges[module_name(path, root)] = {t for _, t in imported_modules(path, root)}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if state.get(nxt) == "open":
                cycles.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return cycles


def test_every_import_points_down():
    """No module imports from a higher layer, function-local imports included."""
    assert upward_imports(ROOT) == []


def test_no_import_cycles():
    """No two modules import each other, directly or through others."""
    assert import_cycles(ROOT) == []


def test_an_upward_import_is_caught(tmp_path):
    """A deliberate upward import (analysis importing present, inside a function) fails the rule."""
    pkg = tmp_path / "report_lib"
    for folder in ("analysis", "present"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "present" / "labels.py").write_text("X = 1\n")
    (pkg / "analysis" / "needs.py").write_text("def f():\n    from report_lib.present.labels import X\n    return X\n")
    assert upward_imports(pkg) == ["analysis/needs.py:2: report_lib.analysis.needs -> report_lib.present.labels"]


def test_a_cycle_is_caught(tmp_path):
    """Two modules of one layer importing each other form a cycle."""
    pkg = tmp_path / "report_lib" / "analysis"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("from report_lib.analysis import b\n")
    (pkg / "b.py").write_text("from report_lib.analysis import a\n")
    assert import_cycles(tmp_path / "report_lib")


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path):
    """No module of the library is over 400 lines."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_few_modules_at_the_top():
    """At most a handful of modules sit at the package top; the rest live in their layer."""
    top = sorted(p.name for p in ROOT.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert top == ["cli.py", "paths.py", "run_record.py"]
