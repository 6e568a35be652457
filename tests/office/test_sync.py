"""Push and pull between laptops through the office: round trip, idempotence, the merge
rule with its conflicts, and the scoping of rows that arrive before their case."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain.hlc import Timestamp
from caseworker_desktop.office import schema
from caseworker_desktop.office.push import conflict_id
from tests.office.conftest import new_id


@pytest.fixture
def anna(office):
    office.user("anna")
    return office.laptop("anna")


@pytest.fixture
def anna2(office, anna):
    return office.laptop("anna")  # her second laptop


def _fields(changes: list[dict]) -> dict[tuple[str, str, str], str]:
    return {(c["table"], c["row_id"], c["field"]): c["value"] for c in changes}


def _rows(changes: list[dict], table: str) -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for c in changes:
        if c["table"] == table:
            rows.setdefault(c["row_id"], {})[c["field"]] = json.loads(c["value"])
    return rows


def test_push_and_pull_round_trip_between_two_laptops_of_one_caseworker(anna, anna2):
    _, case_id, changes = anna.open_case()
    plan, entry = new_id(), new_id()
    changes += anna.write(
        "help_plan",
        plan,
        case_id=case_id,
        period_start="2026-11-01",
        period_end="2027-04-30",
        next_review_on="2027-01-31",
    )
    changes += anna.write(
        "help_plan_entry",
        entry,
        help_plan_id=plan,
        life_area="language",
        goal="Deutschkurs B1 abschließen",
    )
    result = anna.push(changes)
    assert result == {"accepted": len(changes), "duplicates": 0, "conflicts": 0, "rejected": []}

    received = anna2.pull()
    assert _fields(received) == _fields(changes)
    assert all(c["device_id"] == anna.device_id for c in received)
    assert [c["seq"] for c in received] == sorted(c["seq"] for c in received)

    anna2.push(anna2.write("help_plan_entry", entry, goal="Deutschkurs B2 beginnen"))
    back = anna.pull()
    assert anna.values[("help_plan_entry", entry, "goal")] == '"Deutschkurs B2 beginnen"'
    assert back[-1]["device_id"] == anna2.device_id
    assert anna.pull() == []  # nothing new: the cursor is at the end


def test_pull_pages_through_the_log_without_gaps_or_doubles(anna, anna2):
    _, case_id, changes = anna.open_case()
    for day in range(1, 8):
        changes += anna.write(
            "contact_note", new_id(), case_id=case_id, contact_on=f"2026-11-{day:02d}", kind="phone"
        )
    anna.push(changes)
    received = anna2.pull(limit=2)
    assert len(received) == len(changes)
    assert len({c["seq"] for c in received}) == len(changes)


def test_a_resent_batch_is_acknowledged_but_not_applied_twice(office, anna, anna2):
    _, _, changes = anna.open_case()
    first = anna.push(changes)
    again = anna.push(changes)
    assert again == {"accepted": 0, "duplicates": len(changes), "conflicts": 0, "rejected": []}
    assert first["accepted"] == len(changes)
    assert len(anna2.pull()) == len(changes)
    with office.store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.changes)).scalar() == (
            len(changes)
        )


def _concurrent_edit(anna, anna2, table, field, first, second, **extra):
    """Both laptops start from the same value and change it offline."""
    _, case_id, changes = anna.open_case()
    row = case_id if table == "case_file" else new_id()
    if table != "case_file":
        changes += anna.write(table, row, case_id=case_id, **extra, **{field: "Anfang"})
    anna.push(changes)
    anna2.pull()
    one = anna.write(table, row, **{field: first})
    anna2.hlc.observe(Timestamp.decode(one[0]["hlc"]))  # the second edit is later in time
    two = anna2.write(table, row, **{field: second})
    assert one[0]["base_hlc"] == two[0]["base_hlc"]  # neither saw the other's edit
    return row, anna.push(one), anna2.push(two)


def test_a_concurrent_text_edit_becomes_exactly_one_conflict_delivered_to_both(anna, anna2):
    note, first, second = _concurrent_edit(
        anna,
        anna2,
        "contact_note",
        "text",
        "Hausbesuch, Kita-Platz besprochen",
        "Hausbesuch, Termin Jobcenter vereinbart",
        contact_on="2026-11-20",
        kind="home_visit",
    )
    assert first["conflicts"] == 0
    assert second["conflicts"] == 1 and second["accepted"] == 1
    assert anna2.push([]) == {"accepted": 0, "duplicates": 0, "conflicts": 0, "rejected": []}
    for laptop in (anna, anna2):
        conflicts = _rows(laptop.pull(), "conflict")
        assert len(conflicts) == 1
        (conflict_row, conflict), *_ = conflicts.items()
        texts = {json.loads(conflict["winner_value"]), json.loads(conflict["loser_value"])}
        assert texts == {
            "Hausbesuch, Kita-Platz besprochen",
            "Hausbesuch, Termin Jobcenter vereinbart",
        }
        assert conflict["table_name"] == "contact_note" and conflict["row_id"] == note
        assert conflict["field"] == "text" and conflict["resolved"] is False
        assert conflict["winner_hlc"] > conflict["loser_hlc"]
        assert conflict_row == conflict_id("contact_note", note, "text", conflict["loser_hlc"])
    # The later write wins for everyone; the other text lives on in the conflict.
    assert (
        anna.values[("contact_note", note, "text")] == anna2.values[("contact_note", note, "text")]
    )


def test_a_resent_batch_does_not_create_the_conflict_again(anna, anna2):
    _, case_id, changes = anna.open_case()
    note = new_id()
    changes += anna.write(
        "contact_note", note, case_id=case_id, contact_on="2026-11-20", kind="phone", text="A"
    )
    anna.push(changes)
    anna2.pull()
    anna.push(anna.write("contact_note", note, text="B"))
    late = anna2.write("contact_note", note, text="C")
    assert anna2.push(late)["conflicts"] == 1
    assert anna2.push(late) == {"accepted": 0, "duplicates": 1, "conflicts": 0, "rejected": []}
    assert len(_rows(anna.pull(), "conflict")) == 1


def test_a_status_field_is_plain_last_writer_wins_without_conflict(anna, anna2):
    case_id, first, second = _concurrent_edit(
        anna, anna2, "case_file", "status", "dormant", "closed"
    )
    assert first["conflicts"] == second["conflicts"] == 0
    pulled = anna.pull() + anna2.pull()
    assert not _rows(pulled, "conflict")
    assert anna.values[("case_file", case_id, "status")] == '"closed"'  # the later write
    assert anna2.values[("case_file", case_id, "status")] == '"closed"'


def test_an_older_write_loses_and_is_not_served(anna, anna2):
    _, case_id, changes = anna.open_case()
    anna.push(changes)
    anna2.pull()
    old = anna2.write("case_file", case_id, reference="AZ-1")
    anna.hlc.observe(Timestamp.decode(old[0]["hlc"]))  # anna writes later in clock order
    new = anna.write("case_file", case_id, reference="AZ-2")
    anna.push(new)
    result = anna2.push(old)
    assert result["accepted"] == 1 and result["conflicts"] == 0  # not a text field
    pulled = anna.pull()
    assert [c["value"] for c in pulled if c["field"] == "reference"] == ['"AZ-2"']


def test_a_client_pushed_before_its_case_is_served_once_the_case_arrives(anna, anna2):
    client_id, household = new_id(), new_id()
    early = anna.write("household", household, municipality_id=new_id(), address="Hauptstr. 1")
    early += anna.write(
        "client", client_id, first_name="Ahmad", last_name="Karimi", household_id=household
    )
    early += anna.write(
        "consent_record",
        new_id(),
        client_id=client_id,
        kind="data_processing",
        given_on="2026-11-01",
    )
    assert anna.push(early)["rejected"] == []
    assert anna2.pull() == []  # no case yet: nobody else sees these rows
    case = anna.write(
        "case_file",
        new_id(),
        client_id=client_id,
        caseworker_id=anna.user["id"],
        opened_on="2026-11-05",
    )
    assert anna.push(case)["rejected"] == []
    assert _fields(anna2.pull()) == _fields(early + case)


@pytest.mark.parametrize(
    ("table", "field", "reason"),
    [
        ("municipality", "name", "Stammdaten"),
        ("app_user", "role", "Stammdaten"),
        ("audit_event", "detail", "Unbekannte Tabelle"),
        ("client", "password", "Unbekanntes Feld"),
        ("client", "updated_hlc", "Unbekanntes Feld"),
    ],
)
def test_reference_data_and_unknown_fields_are_rejected(anna, table, field, reason):
    change = anna.write(table, new_id(), **{field: "x"})
    result = anna.push(change)
    assert result["accepted"] == 0
    assert result["rejected"][0]["change_id"] == change[0]["change_id"]
    assert reason in result["rejected"][0]["reason"]


def test_a_value_that_is_not_json_is_rejected(anna):
    change = anna.write("client", new_id(), first_name="x")[0]
    result = anna.push([{**change, "value": "not json"}])
    assert "JSON" in result["rejected"][0]["reason"]


def test_a_new_case_can_only_be_opened_for_oneself(office, anna):
    office.user("ben")
    ben = office.user("ben2")
    _, case_id, changes = anna.open_case()
    for change in changes:
        if change["field"] == "caseworker_id":
            change["value"] = json.dumps(ben)
    result = anna.push(changes)
    rejected = {r["change_id"] for r in result["rejected"]}
    assert {c["change_id"] for c in changes if c["table"] == "case_file"} <= rejected
    note = anna.write("contact_note", new_id(), case_id=case_id, text="x")
    assert anna.push(note)["rejected"]  # the case does not exist


def test_the_caseworker_of_a_case_cannot_be_changed_by_push(office, anna):
    ben = office.user("ben")
    _, case_id, changes = anna.open_case()
    anna.push(changes)
    result = anna.push(anna.write("case_file", case_id, caseworker_id=ben, status="dormant"))
    assert result["accepted"] == 0  # one write: applied whole or not at all
    assert sorted(r["reason"][:20] for r in result["rejected"]) == [
        "Die Zuständigkeit fü",
        "Gehört zu einer Ände",
    ]


def test_a_row_cannot_move_to_another_case(anna):
    _, case_a, changes = anna.open_case()
    _, case_b, more = anna.open_case()
    note = new_id()
    anna.push(changes + more + anna.write("contact_note", note, case_id=case_a, text="x"))
    result = anna.push(anna.write("contact_note", note, case_id=case_b))
    assert "andere Akte" in result["rejected"][0]["reason"]
