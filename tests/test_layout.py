"""What the servers run imports no development tool: nothing under bot/ or
actions/ imports `tools`, `tests`, or a test-only library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot import settings

DEVELOPMENT_ONLY = {"tools", "tests", "pytest", "hypothesis", "playwright", "psutil", "locust"}
PRODUCT = sorted(
    path
    for folder in ("bot", "actions")
    for path in (settings.PROJECT_ROOT / folder).rglob("*.py")
    if "migrations" not in path.parts
)


def imported_packages(path: Path) -> set[str]:
    packages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            packages.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            packages.add(node.module.split(".")[0])
    return packages


def test_the_product_files_are_found():
    names = {path.relative_to(settings.PROJECT_ROOT).as_posix() for path in PRODUCT}
    assert {"bot/runtime/serve.py", "bot/runtime/action_server.py", "bot/nlp/intent_blend.py"} <= names


@pytest.mark.parametrize("path", PRODUCT, ids=lambda path: path.relative_to(settings.PROJECT_ROOT).as_posix())
def test_no_product_module_imports_a_development_tool(path):
    assert imported_packages(path) & DEVELOPMENT_ONLY == set()
