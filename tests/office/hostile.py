"""A hostile enrolled device: a raw HTTP client (httpx through Starlette's TestClient, not
the project's sync client) that sends whatever it likes, and a look into the office's
database to see what it really stored."""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa

from caseworker_desktop.office import schema
from caseworker_desktop.office.store import Store
from tests.office.conftest import Laptop, Office, new_id


def raw_change(
    laptop: Laptop, table: str, row_id: str, field: str, value_text: str, hlc: str | None = None
) -> dict:
    """One change with a value given as JSON text exactly as sent (may be invalid)."""
    return {
        "change_id": new_id(),
        "table": table,
        "row_id": row_id,
        "field": field,
        "value": value_text,
        "hlc": hlc or laptop.hlc.now().encode(),
        "base_hlc": None,
    }


def stored(store: Store, table: str, row_id: str) -> dict[str, object]:
    """The office's winning values of one row (decoded JSON; sealed text opened)."""
    fs = schema.field_state
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(fs.c.field, fs.c.value).where(fs.c.table_name == table, fs.c.row_id == row_id)
        ).all()
    return {f: json.loads(store.sealer.open(table, row_id, f, value)) for f, value in rows}


def count(store: Store, table: sa.Table, *where) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar()


def reasons(result: dict) -> list[str]:
    return [r["reason"] for r in result["rejected"]]


def tables_pulled(laptop: Laptop) -> dict[str, set[str]]:
    """table -> row ids this laptop received in a full pull (from its current cursor)."""
    out: dict[str, set[str]] = {}
    for change in laptop.pull():
        out.setdefault(change["table"], set()).add(change["row_id"])
    return out


class District:
    """Team Nord: anna and ben (caseworkers), lena (team lead); Team Süd: carla and tom
    (lead); kim coordinates the trauma offers. Every one with an enrolled device; anna
    holds a case with a client, a plan, a note and a trauma referral."""

    def __init__(self, office: Office):
        self.office = office
        for name, role, team in (
            ("anna", "caseworker", "Team Nord"),
            ("ben", "caseworker", "Team Nord"),
            ("lena", "team_lead", "Team Nord"),
            ("carla", "caseworker", "Team Süd"),
            ("tom", "team_lead", "Team Süd"),
            ("kim", "coordinator", None),
        ):
            office.user(name, role, team)
        self.devices = {n: office.laptop(n) for n in ("anna", "ben", "lena", "carla", "tom", "kim")}
        anna = self.devices["anna"]
        self.client_id, self.case_id, changes = anna.open_case()
        self.plan_id, self.note_id, self.referral_id = new_id(), new_id(), new_id()
        changes += anna.write(
            "help_plan",
            self.plan_id,
            case_id=self.case_id,
            period_start="2026-11-01",
            period_end="2027-10-31",
            next_review_on="2027-05-01",
            status="agreed",
            agreed_on="2026-11-20",
            signed=True,
        )
        changes += anna.write(
            "contact_note",
            self.note_id,
            case_id=self.case_id,
            contact_on="2026-11-20",
            kind="home_visit",
            text="Erstbesuch",
            author_id=anna.user["id"],
        )
        changes += anna.write(
            "consent_record",
            new_id(),
            client_id=self.client_id,
            kind="confidentiality_release",
            recipient="trauma_consultation",
            given_on="2026-11-19",
        )
        changes += anna.write(
            "trauma_referral",
            self.referral_id,
            case_id=self.case_id,
            caseworker_id=anna.user["id"],
            requested_on="2026-11-20",
            consent_given=True,
            recommendation="Gruppenangebot",
        )
        result = anna.push(changes)
        assert result["rejected"] == [], result

    def __getitem__(self, name: str) -> Laptop:
        return self.devices[name]

    @property
    def store(self) -> Store:
        return self.office.store

    def user_id(self, name: str) -> str:
        return self.devices[name].user["id"]


def old_personal_case_id(user_id: str) -> str:
    """How release 494c856 derived the personal pseudo-case (public: user ids are)."""
    return uuid.uuid5(
        uuid.UUID("5b0f7c0e-3f7a-4d52-9a51-2f1c8e0b6a11"), f"own-consultations/{user_id}"
    ).hex
