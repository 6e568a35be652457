"""Office tests run twice: on SQLite and on a real PostgreSQL (a throwaway cluster that
lives for the test session). `office` gives each test an app over a fresh database, with
helpers to add users and enrol simulated laptops through the real API."""

from __future__ import annotations

import json
import uuid
import warnings

import pytest

from caseworker_desktop.domain.hlc import HybridLogicalClock, Timestamp
from caseworker_desktop.office.api import create_app
from caseworker_desktop.office.store import Store
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

with warnings.catch_warnings():
    # Starlette nudges towards its next HTTP client; the laptops use httpx, and so do we.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


@pytest.fixture
def store(db_url):
    st = Store(db_url, migrate=True)
    yield st
    st.close()


# --- simulated laptops ----------------------------------------------------------------


def new_id() -> str:
    return uuid.uuid4().hex


class Laptop:
    """A device as the office sees it: a token, a clock and a cursor. It remembers the HLC
    of every field it has written or pulled, which becomes the base of its next write."""

    def __init__(self, client: TestClient, token: str, device_id: str, user: dict):
        self.client, self.token, self.device_id, self.user = client, token, device_id, user
        self.hlc = HybridLogicalClock(device_id)
        self.cursor = 0
        self.snapshot: str | None = None  # the token of a snapshot being pulled
        self.pages: list[dict] = []  # every page pulled, as it came
        self.seen: dict[tuple[str, str, str], str] = {}  # field -> HLC of its value
        self.values: dict[tuple[str, str, str], str] = {}
        self.evicted: list[str] = []

    @property
    def headers(self) -> dict[str, str]:
        return {**PROTOCOL, "Authorization": f"Bearer {self.token}"}

    def write(self, table: str, row_id: str, **fields) -> list[dict]:
        """Outbox entries for one write of a row (one HLC, like the laptop's changelog)."""
        stamp = self.hlc.now().encode()
        out = []
        for name, value in fields.items():
            key = (table, row_id, name)
            out.append(
                {
                    "change_id": new_id(),
                    "table": table,
                    "row_id": row_id,
                    "field": name,
                    "value": json.dumps(value, ensure_ascii=False),
                    "hlc": stamp,
                    "base_hlc": self.seen.get(key),
                }
            )
            self.seen[key] = stamp
            self.values[key] = out[-1]["value"]
        return out

    def push(self, changes: list[dict], expect: int = 200) -> dict:
        response = self.client.post("/sync/push", json={"changes": changes}, headers=self.headers)
        assert response.status_code == expect, response.text
        return response.json()

    def pull(self, limit: int = 1000, form: str | None = None) -> list[dict]:
        """Pull every page; returns the changes received (evictions in self.evicted); in
        the rows form a snapshot's rows count as one change per value."""
        received = []
        while True:
            params: dict = {"cursor": self.cursor, "limit": limit}
            if form:
                params["form"] = form
            if self.snapshot:
                params["snapshot"] = self.snapshot
            response = self.client.get("/sync/pull", params=params, headers=self.headers)
            assert response.status_code == 200, response.text
            page = response.json()
            self.pages.append(page)
            self.snapshot = page["snapshot"]
            self.evicted += page["evict_cases"]
            changes = list(page["changes"])
            for table, row_id, stamps, flat in page.get("rows", ()):
                fields = flat[0::2]
                stamps = stamps * len(fields) if len(stamps) == 1 else stamps
                changes += [
                    {"table": table, "row_id": row_id, "field": f, "value": v, "hlc": h}
                    for f, v, h in zip(fields, flat[1::2], stamps, strict=True)
                ]
            for change in changes:
                key = (change["table"], change["row_id"], change["field"])
                self.hlc.observe(Timestamp.decode(change["hlc"]))
                if change["hlc"] > self.seen.get(key, ""):
                    self.seen[key] = change["hlc"]
                    self.values[key] = change["value"]
            received += changes
            assert page["next_cursor"] >= self.cursor
            self.cursor = page["next_cursor"]
            if not page["more"]:
                return received

    def open_case(self, **case_fields) -> tuple[str, str, list[dict]]:
        """A client and a case of this laptop's user: (client id, case id, changes)."""
        client_id, case_id = new_id(), new_id()
        changes = self.write("client", client_id, first_name="Olena", last_name="Kovalenko")
        changes += self.write(
            "case_file",
            case_id,
            client_id=client_id,
            caseworker_id=self.user["id"],
            opened_on="2026-11-02",
            status="open",
            **case_fields,
        )
        return client_id, case_id, changes


class Office:
    def __init__(self, store: Store, enrol_rate_per_minute: int = 1000):
        self.store = store
        self.app = create_app(store, enrol_rate_per_minute=enrol_rate_per_minute)
        self.client = TestClient(self.app)
        self.teams: dict[str, str] = {}

    def user(self, username: str, role: str = "caseworker", team: str | None = "Team Nord"):
        if team and team not in self.teams:
            self.teams[team] = self.store.add_team(team)
        return self.store.add_user(username, username.title(), role, team)

    def code(self, username: str) -> str:
        return self.store.issue_enrolment_code(username)[0]

    def laptop(self, username: str) -> Laptop:
        device_id = new_id()
        response = self.client.post(
            "/enrol",
            json={"code": self.code(username), "device_id": device_id, "device_name": username},
            headers=PROTOCOL,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Laptop(self.client, body["token"], device_id, body["user"])


@pytest.fixture
def office(store) -> Office:
    return Office(store)
