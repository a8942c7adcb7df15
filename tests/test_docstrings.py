"""Every public module, class and function below the views says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "runjournal"
DOCUMENTED = ("domain", "store", "services", "formats")


def _undocumented(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = [] if ast.get_docstring(tree) else ["(module)"]

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                name = prefix + child.name
                if not child.name.startswith("_") and not ast.get_docstring(child):
                    missing.append(f"{name} (line {child.lineno})")
                # Methods of public classes count; functions nested in functions do not.
                if isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                    visit(child, name + ".")

    visit(tree, "")
    return missing


@pytest.mark.parametrize(
    "path",
    sorted(p for folder in DOCUMENTED for p in (PACKAGE / folder).glob("*.py")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_public_names_have_docstrings(path: Path) -> None:
    assert _undocumented(path) == []


def test_the_check_sees_a_missing_docstring(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""A module."""\n\nclass A:\n    def b(self):\n        pass\n')
    assert _undocumented(module) == ["A (line 3)", "A.b (line 4)"]
