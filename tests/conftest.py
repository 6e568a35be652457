"""Every test gets a fresh encrypted case file, a fake clock and its own log/temp dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime
from pathlib import Path

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from tests.pg import PostgresMissing, postgres_cluster, reset_database

PASSPHRASE = "Testpassphrase-mit-Länge"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    logs = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("CASEWORKER_LOG_DIR", str(logs))
    monkeypatch.setenv("CASEWORKER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("CASEWORKER_VIEWER_DIR", str(tmp_path_factory.mktemp("viewer")))
    monkeypatch.delenv("CASEWORKER_PASSPHRASE", raising=False)
    monkeypatch.delenv("CASEWORKER_NEW_PASSPHRASE", raising=False)
    # The office's key file (made by the first migrate of a test), for every database the
    # test uses, SQLite or PostgreSQL, in this process and in the office processes it runs.
    keys = tmp_path_factory.mktemp("office-keys") / "office.keys"
    monkeypatch.setenv("CASEWORKER_OFFICE_KEY_FILE", str(keys))
    return logs


@pytest.fixture
def log_dir(_isolated_dirs) -> Path:
    return _isolated_dirs


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def case_file(data_dir, clock):
    cf = CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE, clock=clock)
    yield cf
    cf.lock()


@pytest.fixture
def services(case_file, clock) -> Services:
    return Services(case_file, clock)


# --- PostgreSQL ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL cluster in a temporary directory (tests/pg.py)."""
    try:
        with postgres_cluster("office_test") as url:
            yield url
    except PostgresMissing as exc:
        pytest.fail(str(exc))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty office database: a SQLite file, or the session's PostgreSQL database
    (emptied again afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'office.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    reset_database(url)  # the next test starts from an empty database


@pytest.fixture
def inprocess_office(db_url, monkeypatch):
    """The real office app in this process on the test's database (tests/inprocess.py):
    Team Nord with anna, ben (caseworkers) and lena (team lead)."""
    from tests.inprocess import office_in_process

    store = office_in_process(db_url, monkeypatch)
    yield store
    store.close()
