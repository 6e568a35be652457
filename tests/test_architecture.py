"""The core never imports Qt (STYLE.md convention 1), and the packages import only
downwards (STYLE.md, "Keep the core acyclic"): domain < storage < sync, printing <
services, office < ui."""

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


# Which packages each package (and each module at the top) may import from, besides
# itself and the small utilities at the top (a clock, resources, the version, German
# argparse words, process hardening).
UTILITIES = {"clock", "resources", "__version__", "german_argparse", "hardening"}
MAY_IMPORT = {
    "domain": set(),
    "storage": {"domain"},
    "sync": {"domain", "storage"},
    "printing": {"domain", "storage"},
    "services": {"domain", "storage", "sync", "printing"},
    "office": {"domain", "storage", "sync", "printing"},
    "ui": {"domain", "storage", "sync", "printing", "services", "config"},
    "config": {"domain", "storage"},
    "demo": {"domain", "services"},
    "cli_common": {"domain", "storage"},
    "cli_cases": {"domain", "printing", "services", "cli_common"},
    "cli": {
        "domain",
        "storage",
        "sync",
        "printing",
        "services",
        "config",
        "demo",
        "cli_common",
        "cli_cases",
    },
    "__main__": {"ui", "config"},
}


def _targets(path: Path, root: Path = PACKAGE) -> set[str]:
    """The first part of every module of ours that `path` (in `root`) imports."""
    here = path.relative_to(root).parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level + 1])
            names = [node.module] if node.module else [a.name for a in node.names]
            found.update(".".join([*base, n]).split(".")[0] for n in names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE.name):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names
                         if a.name.startswith(PACKAGE.name + "."))  # fmt: skip
    return found


def test_packages_import_only_downwards():
    upward: dict[str, list[str]] = {}
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        layer = parts[0] if len(parts) > 1 else path.stem
        if layer in UTILITIES or layer == "__init__":
            continue
        assert layer in MAY_IMPORT, f"{layer}: a new package needs its place in the order"
        allowed = MAY_IMPORT[layer] | UTILITIES | {layer}
        bad = sorted(t for t in _targets(path) if t not in allowed)
        if bad:
            upward[str(path.relative_to(PACKAGE))] = bad
        checked += 1
    assert checked > 150
    assert upward == {}


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The check itself: storage importing sync is found (it did, until #19), in each
    spelling of an import."""
    fake = tmp_path / PACKAGE.name / "storage"
    fake.mkdir(parents=True)
    (fake / "x.py").write_text(
        "from ..sync.hlc import Timestamp\nfrom . import db\nfrom .. import ui\n"
        "import caseworker_desktop.office.store\nfrom caseworker_desktop.services import x\n"
    )
    found = _targets(fake / "x.py", tmp_path / PACKAGE.name)
    assert found == {"sync", "storage", "ui", "office", "services"}
