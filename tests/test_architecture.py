"""The core never imports Qt (STYLE.md convention 1)."""

from __future__ import annotations

import ast
from pathlib import Path

import caseworker_desktop

PACKAGE = Path(caseworker_desktop.__file__).parent
CORE = ("domain", "storage", "services", "sync", "office", "printing")
ROOT_MODULES = ("cli.py", "clock.py", "config.py", "demo.py", "resources.py")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_does_not_import_qt():
    files = [p for part in CORE for p in (PACKAGE / part).rglob("*.py")]
    files += [PACKAGE / name for name in ROOT_MODULES]
    assert len(files) > 15
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if "PySide" in n)
        for path in files
        if any("PySide" in n or "shiboken" in n for n in _imports(path))
    }
    assert offenders == {}


def test_domain_does_not_import_storage():
    for path in (PACKAGE / "domain").rglob("*.py"):
        bad = [n for n in _imports(path) if "sqlalchemy" in n or "storage" in n]
        assert bad == [], path
