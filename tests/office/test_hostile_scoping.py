"""A hostile enrolled device against the office's scoping (SECURITY.md 13), on SQLite and
PostgreSQL: squatted personal cases, text planted in foreign cases, pre-empted change ids,
floods of parked rows, and what a reassigned case's former caseworker wrote offline."""

from __future__ import annotations

import json

import pytest

from caseworker_desktop.office import schema, scoping
from caseworker_desktop.office.cli import main
from caseworker_desktop.office.push import PushBatch
from tests.office.conftest import new_id
from tests.office.hostile import (
    District,
    count,
    old_personal_case_id,
    reasons,
    stored,
    tables_pulled,
)


@pytest.fixture
def district(office) -> District:
    return District(office)


def own_consultation(device, text: str = "Supervision nach Krisengespräch") -> tuple[str, list]:
    row_id = new_id()
    return row_id, device.write(
        "trauma_referral",
        row_id,
        case_id=None,
        own_consultation=True,
        caseworker_id=device.user["id"],
        requested_on="2026-11-20",
        assessment_outcome=text,
    )


# --- 1. the personal pseudo-case is the office's ------------------------------------------


def test_a_colleague_cannot_squat_anothers_own_consultations(district):
    anna, ben = district["anna"], district["ben"]
    squat = old_personal_case_id(anna.user["id"])
    client_id = new_id()
    squatting = ben.write("client", client_id, first_name="Köder", last_name="Fall")
    squatting += ben.write(
        "case_file", squat, client_id=client_id, caseworker_id=ben.user["id"],
        opened_on="2026-11-01", status="open",
    )  # fmt: skip
    ben.push(squatting)  # a case of ben's own: harmless, the id names nothing of anna's
    row_id, changes = own_consultation(anna)
    assert anna.push(changes)["rejected"] == []
    received = tables_pulled(ben)
    assert row_id not in received.get("trauma_referral", set())
    assert "conflict" not in received
    assert stored(district.store, "trauma_referral", row_id)["assessment_outcome"].startswith(
        "Supervision"
    )
    case_id = _case_of(district, "trauma_referral", row_id)
    assert case_id not in (squat, None) and len(case_id) == 32
    assert row_id in tables_pulled(district["lena"])["trauma_referral"]  # her team lead


def test_nobody_else_can_write_into_an_own_consultation(district):
    anna, ben, carla = district["anna"], district["ben"], district["carla"]
    row_id, changes = own_consultation(anna)
    anna.push(changes)
    for intruder in (ben, carla):
        result = intruder.push(
            intruder.write("trauma_referral", row_id, assessment_outcome="überschrieben")
        )
        assert result["accepted"] == 0 and result["rejected"][0]["handed_to"] is None
    forged, changes = own_consultation(ben)
    changes = [
        c | {"value": json.dumps(anna.user["id"])} if c["field"] == "caseworker_id" else c
        for c in changes
    ]
    assert "eigene Fallberatung" in reasons(ben.push(changes))[0]
    assert stored(district.store, "trauma_referral", row_id)["assessment_outcome"].startswith(
        "Supervision"
    )
    assert (
        count(district.store, schema.field_state, schema.field_state.c.table_name == "conflict")
        == 0
    )
    assert count(district.store, schema.row_case, schema.row_case.c.row_id == forged) == 0


# --- 2. refused text never lands in a case the sender never held --------------------------

PLANTED = [
    ("contact_note", {"contact_on": "2026-11-21", "kind": "phone", "text": "gepflanzt"}),
    ("course_referral", {"course_type": "district_course", "target_level": "A1", "note": "x"}),
    ("trauma_referral", {"requested_on": "2026-11-21", "recommendation": "gepflanzt"}),
    (
        "help_plan",
        {"period_start": "2026-11-01", "period_end": "2027-01-01", "next_review_on": "2026-12-01"},
    ),
    ("trauma_placement", {"kind": "consultation", "requested_on": "2026-11-21"}),
]


@pytest.mark.parametrize(("table", "fields"), PLANTED, ids=[t for t, _ in PLANTED])
@pytest.mark.parametrize("intruder", ["ben", "carla", "tom"])
def test_text_cannot_be_planted_in_a_case_the_sender_never_held(district, intruder, table, fields):
    device = district[intruder]
    owner_fields = {"caseworker_id": device.user["id"]} if "trauma" in table else {}
    row_id = new_id()
    result = device.push(
        device.write(table, row_id, case_id=district.case_id, **owner_fields, **fields)
    )
    assert result["accepted"] == 0 and all(r["handed_to"] is None for r in result["rejected"])
    for name in ("anna", "lena"):
        received = tables_pulled(district[name])
        assert row_id not in received.get(table, set()) and "conflict" not in received
    assert stored(district.store, table, row_id) == {}


def test_changing_a_foreign_rows_text_leaves_no_conflict_behind(district):
    ben = district["ben"]
    for table, row_id, field in (
        ("contact_note", district.note_id, "text"),
        ("client", district.client_id, "notes"),
        ("trauma_referral", district.referral_id, "recommendation"),
    ):
        assert ben.push(ben.write(table, row_id, **{field: "von Ben"}))["accepted"] == 0
    assert "conflict" not in tables_pulled(district["anna"])
    assert stored(district.store, "contact_note", district.note_id)["text"] == "Erstbesuch"


# --- 7. idempotency is per device ----------------------------------------------------------


def test_a_device_cannot_pre_empt_anothers_change_ids(district):
    anna, ben = district["anna"], district["ben"]
    honest = anna.write("contact_note", district.note_id, text="Zweiter Besuch geplant")
    learnt = [c["change_id"] for c in honest]  # say, from a shared log or a lost laptop
    garbage = ben.write("client", new_id(), notes="Müll")  # parked for ben: accepted
    assert ben.push([dict(garbage[0], change_id=learnt[0])])["accepted"] == 1
    result = anna.push(honest)
    assert result["accepted"] == 1 and result["duplicates"] == 0
    assert stored(district.store, "contact_note", district.note_id)["text"] == (
        "Zweiter Besuch geplant"
    )
    assert anna.push(honest)["duplicates"] == 1  # her own resend is still a duplicate


# --- 6. one device's parked rows cost nobody else -----------------------------------------


def test_parked_rows_are_bounded_and_claimed_by_key(district, monkeypatch):
    monkeypatch.setattr(scoping, "MAX_PARKED_ROWS", 40)
    ben = district["ben"]
    clients = [new_id() for _ in range(39)]
    flood = [c for cid in clients for c in ben.write("client", cid, first_name="P", last_name="X")]
    assert ben.push(flood)["rejected"] == []
    consent = new_id()
    consent_of_7 = ben.write(
        "consent_record", consent, client_id=clients[7], kind="data_processing",
        given_on="2026-11-01",
    )  # fmt: skip
    assert ben.push(consent_of_7)["rejected"] == []  # the 40th parked row
    one_more = ben.write("client", new_id(), first_name="Q", last_name="Y")
    assert "Zu viele Einträge ohne Akte" in reasons(ben.push(one_more))[0]

    seen: list[int] = []
    original = PushBatch.apply

    def spy(self, batch, now_ms):
        try:
            return original(self, batch, now_ms)
        finally:
            seen.append(len(self.scope.pool))

    monkeypatch.setattr(PushBatch, "apply", spy)
    ben.push(ben.write("client", clients[3], phone="0711 1"))  # an update of a parked row
    case_id = new_id()
    claim = ben.write(
        "case_file", case_id, client_id=clients[7], caseworker_id=ben.user["id"],
        opened_on="2026-11-01", status="open",
    )  # fmt: skip
    assert ben.push(claim)["rejected"] == []
    assert seen == [1, 3]  # the batch's rows and what they claim, never the 40 parked
    lena = tables_pulled(district["lena"])
    assert clients[7] in lena["client"] and consent in lena["consent_record"]
    assert not set(clients) - {clients[7]} & lena.get("client", set())


# --- 8. and 2. what the former caseworker wrote offline goes to the new one -------------


def test_offline_work_in_a_reassigned_case_is_handed_over_whole(district, db_url):
    anna, ben, lena = district["anna"], district["ben"], district["lena"]
    assert main(["reassign", "--db", db_url, "--case", district.case_id, "--to", "ben"]) == 0
    offline = anna.write("case_file", district.case_id, status="dormant")
    offline += anna.write("client", district.client_id, phone="0176 555 0101", notes="Umzug")
    offline += anna.write("help_plan", district.plan_id, next_review_on="2027-02-01")
    note_id = new_id()
    offline += anna.write(
        "contact_note", note_id, case_id=district.case_id, contact_on="2026-11-25",
        kind="phone", text="Kita-Platz zugesagt", author_id=anna.user["id"],
    )  # fmt: skip
    result = anna.push(offline)
    assert result["accepted"] == 0 and len(result["rejected"]) == len(offline)
    assert {r["handed_to"] for r in result["rejected"]} == {ben.user["id"]}
    assert anna.pull() == [] and anna.evicted == [district.case_id]

    handovers = {}
    for change in ben.pull():
        if change["table"] == "conflict":
            handovers.setdefault(change["row_id"], {})[change["field"]] = json.loads(
                change["value"]
            )
    by_table = {h["table_name"]: h for h in handovers.values()}
    assert set(by_table) == {"case_file", "client", "help_plan", "contact_note"}
    for handover in by_table.values():
        assert handover["kind"] == "handover" and handover["case_id"] == district.case_id
        assert handover["handed_over_by"] == anna.user["id"]
    assert json.loads(by_table["client"]["loser_value"]) == {
        "notes": "Umzug", "phone": "0176 555 0101"
    }  # fmt: skip
    assert json.loads(by_table["client"]["winner_value"]) == {}  # never set at the office
    assert json.loads(by_table["case_file"]["winner_value"]) == {"status": "open"}
    assert json.loads(by_table["contact_note"]["loser_value"])["text"] == "Kita-Platz zugesagt"
    assert json.loads(by_table["contact_note"]["winner_value"]) == {}
    assert stored(district.store, "case_file", district.case_id)["status"] == "open"
    assert set(handovers) <= {c["row_id"] for c in lena.pull() if c["table"] == "conflict"}
    assert anna.push(offline)["rejected"][0]["handed_to"] == ben.user["id"]  # resent: once
    assert len({c["row_id"] for c in ben.pull() if c["table"] == "conflict"}) == 0


def _case_of(district: District, table: str, row_id: str) -> str | None:
    import sqlalchemy as sa

    rc = schema.row_case
    with district.store.engine.connect() as conn:
        return conn.execute(
            sa.select(rc.c.case_id).where(rc.c.table_name == table, rc.c.row_id == row_id)
        ).scalar()


def test_a_refused_case_takes_the_rows_that_need_it_along(district):
    ben = district["ben"]
    client_id, case_id, changes = ben.open_case()
    changes = [dict(c, value='"abc"') if c["field"] == "status" else c for c in changes]
    note = new_id()
    changes += ben.write(
        "contact_note", note, case_id=case_id, text="x", kind="phone", contact_on="2026-11-20"
    )
    result = ben.push(changes)
    refused = {r["change_id"] for r in result["rejected"]}
    assert {c["change_id"] for c in changes if c["table"] != "client"} == refused
    assert count(district.store, schema.cases, schema.cases.c.case_id == case_id) == 0
    assert count(district.store, schema.row_case, schema.row_case.c.row_id == note) == 0
    assert stored(district.store, "contact_note", note) == {}
    assert stored(district.store, "client", client_id)  # parked for ben: his, invisible
