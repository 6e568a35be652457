"""The real office app in this process, reached by the laptops' own sync client over httpx
(Starlette's TestClient as the transport's client): no server process, no port."""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.office.api import create_app
from caseworker_desktop.office.store import Store
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync import client as sync_client
from caseworker_desktop.sync import enrolment
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.transport import Transport
from tests.conftest import PASSPHRASE
from tests.helpers import sync_once

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

URL = "http://localhost"  # loopback: plain HTTP is allowed there


def office_in_process(url: str, monkeypatch, clock: Callable[[], float] = time.time) -> Store:
    """A migrated office database with Team Nord (anna, ben: caseworkers; lena: lead);
    every SyncClient of this test talks to it in-process."""
    store = Store(url, clock, migrate=True)
    store.add_team("Team Nord")
    store.add_user("anna", "Anna Müller", "caseworker", "Team Nord")
    store.add_user("lena", "Lena Hoffmann", "team_lead", "Team Nord")
    store.add_user("ben", "Ben Roth", "caseworker", "Team Nord")
    return serve_in_process(store, monkeypatch)


def serve_in_process(store: Store, monkeypatch) -> Store:
    """Every SyncClient of this test talks to `store` in-process from now on."""
    app = create_app(store)

    def in_process(url: str, token: str | None = None, timeout: float = 30.0, **_tls) -> Transport:
        transport = Transport(url, token, timeout)
        headers = dict(transport.client.headers)
        transport.client.close()
        transport.client = TestClient(app, base_url=URL, headers=headers)
        return transport

    monkeypatch.setattr(sync_client, "Transport", in_process)
    monkeypatch.setattr(enrolment, "Transport", in_process)
    return store


class Laptop:
    """A real case file, enrolled with the in-process office, and its services."""

    def __init__(self, tmp_path, office: Store, username: str, clock: FakeClock):
        self.clock = clock
        self.file = CaseFile.create(
            tmp_path / username, username=username, passphrase=PASSPHRASE, clock=clock
        )
        SyncClient.enrol(self.file, URL, office.issue_enrolment_code(username)[0])
        self.services = Services(self.file, clock)

    def sync(self):
        report = sync_once(self.file, hlc=self.services.ctx.hlc)
        self.services.ctx.reload_user()
        return report

    def unsent(self) -> int:
        return self.services.unsynced_changes()

    def close(self) -> None:
        self.file.lock()
