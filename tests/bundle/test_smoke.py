"""The PyInstaller bundle (build.spec, `make dist`): built from this checkout, started
offscreen on a demo profile, its contents checked. A failing build fails these tests; they
never skip. CASEWORKER_BUNDLE=dist/caseworker-desktop reuses a bundle built before.
(Not tests/dist: pytest does not look into folders named dist or build.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caseworker_desktop.cli import DEMO_PASSPHRASE
from caseworker_desktop.cli import main as caseworker
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from tests.helpers import files_under

ROOT = Path(__file__).resolve().parents[2]
SMOKE_LINE = re.compile(
    r"^smoke ok: 30 cases, unlock to caseload [0-9.]+ s, start to caseload [0-9.]+ s, "
    r"help plan preview: [1-9][0-9]* pages$",
    re.M,
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if prebuilt := os.environ.get("CASEWORKER_BUNDLE"):
        return Path(prebuilt).resolve()
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, f"PyInstaller-Build fehlgeschlagen:\n{result.stderr[-6000:]}"
    print(f"bundle built in {time.perf_counter() - started:.0f} s")
    return work / "dist" / "caseworker-desktop"


@pytest.fixture
def demo_profile(tmp_path) -> Path:
    """Made with the `caseworker` command of the source checkout."""
    data_dir = tmp_path / "demo"
    assert caseworker(["demo-profile", "--data-dir", str(data_dir), "--clients", "30"]) == 0
    return data_dir


def run(bundle: Path, program: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle / program), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def smoke(bundle: Path, data_dir: Path, platform: str = "offscreen", wrapper=(), *args: str):
    env = dict(os.environ, QT_QPA_PLATFORM=platform, CASEWORKER_SMOKE_PASSPHRASE=DEMO_PASSPHRASE)
    return subprocess.run(
        [
            *wrapper,
            str(bundle / "caseworker-desktop"),
            "--data-dir",
            str(data_dir),
            "--smoke",
            *args,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_bundled_app_unlocks_the_demo_profile_and_shows_the_caseload(bundle, demo_profile, log_dir):
    result = smoke(bundle, demo_profile)
    assert result.returncode == 0, result.stdout + result.stderr
    assert SMOKE_LINE.search(result.stdout), result.stdout
    assert DEMO_PASSPHRASE not in result.stdout + result.stderr
    logs = list(files_under(log_dir))
    assert logs
    assert all(DEMO_PASSPHRASE.encode() not in path.read_bytes() for path in logs)


def test_bundled_app_with_a_wrong_passphrase_exits_non_zero(bundle, demo_profile):
    result = run(
        bundle, "caseworker-desktop", "--data-dir", str(demo_profile), "--smoke",
        QT_QPA_PLATFORM="offscreen", CASEWORKER_SMOKE_PASSPHRASE="eine falsche Passphrase",
    )  # fmt: skip
    assert result.returncode == 1
    assert "Selbsttest fehlgeschlagen: Die Passphrase ist falsch." in result.stderr


def test_bundled_app_on_x11_in_english(bundle, demo_profile, log_dir):
    """The offscreen platform needs none of the X11 libraries; a real X server does."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("xvfb-run fehlt (tools/system-deps.sh installiert es)")
    result = smoke(bundle, demo_profile, "xcb", (xvfb_run, "-a"), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert SMOKE_LINE.search(result.stdout), result.stdout
    log = "".join(path.read_text(encoding="utf-8") for path in files_under(log_dir))
    assert "translation" not in log  # i18n.install warns when caseworker_en.qm is missing


def test_bundled_command_creates_migrates_checks_and_prints(bundle, tmp_path):
    """`caseworker` in the same folder: init runs the Alembic migrations from the bundled
    scripts; print-plan needs reportlab, the Noto fonts and Arabic shaping."""
    data_dir, pdf = tmp_path / "p", tmp_path / "plan.pdf"
    env = {"CASEWORKER_PASSPHRASE": DEMO_PASSPHRASE}
    for args in (
        ("init", "--data-dir", str(data_dir), "--user", "amueller"),
        ("demo-data", "--data-dir", str(data_dir), "--clients", "3"),
        ("verify", "--data-dir", str(data_dir)),
    ):
        result = run(bundle, "caseworker", *args, **env)
        assert result.returncode == 0, result.stdout + result.stderr
    case_file = CaseFile.open(data_dir, DEMO_PASSPHRASE)
    try:
        rows = Services(case_file).cases.caseload()
    finally:
        case_file.lock()
    reference = next(row.reference for row in rows if row.next_review_on)
    result = run(
        bundle, "caseworker", "print-plan", "--data-dir", str(data_dir), "--case", reference,
        "--lang", "ar", "--out", str(pdf), **env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and b"NotoSansArabic" in pdf.read_bytes()


def test_bundle_holds_resources_and_migrations(bundle):
    internal = bundle / "_internal"
    resources = internal / "resources"
    assert (resources / "translations" / "caseworker_en.qm").is_file()
    assert not list(resources.rglob("*.ts"))
    for font in ("NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular"):
        assert (resources / "fonts" / f"{font}.ttf").is_file()
    assert (resources / "fonts" / "OFL.txt").is_file()
    assert (resources / "demo" / "people.json").is_file()
    migrations = internal / "caseworker_desktop" / "storage" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "versions" / "0001_initial_schema.py").is_file()
    qt_translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert "qtbase_de.qm" in qt_translations
    assert qt_translations <= {"qtbase_de.qm", "qtbase_en.qm"}


def test_bundle_leaves_out_unused_qt_and_the_server(bundle):
    names = [str(p.relative_to(bundle)) for p in bundle.rglob("*")]
    for unused in ("QtWebEngine", "Qt3D", "QtQml", "QtQuick", "QtNetwork", "QtSql",
                   "QtMultimedia", "QtSvg", "QtPdf", "fastapi", "uvicorn", "starlette",
                   "psycopg", "_pytest", "hypothesis", "tkinter"):  # fmt: skip
        assert not [n for n in names if unused in n], unused
    assert not (bundle / "_internal" / "caseworker_desktop" / "office").exists()


def test_every_bundled_qt_plugin_finds_its_qt_libraries(bundle):
    """Excluding a Qt library must not break a plugin that is still shipped (ldd: the
    system libraries, e.g. of Wayland or GTK, may be missing here; Qt's must not)."""
    internal = bundle / "_internal"
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{qt_lib}"}
    plugins = sorted((internal / "PySide6" / "Qt" / "plugins").rglob("*.so"))
    assert any(p.name == "libqxcb.so" for p in plugins)
    assert any(p.name == "libcupsprintersupport.so" for p in plugins)
    missing = {}
    for path in [*plugins, *qt_lib.glob("libQt6*")]:
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        lacking = re.findall(r"(libQt6\S+) => not found", out)
        if lacking:
            missing[str(path.relative_to(internal))] = sorted(set(lacking))
    assert missing == {}
