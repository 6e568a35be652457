"""The access log of pushes (office/access.py): per case, as many changes as the office
took of it; nothing for a row parked without a case until a case claims it, nothing for
what it refused (SQLite and PostgreSQL)."""

from __future__ import annotations

from caseworker_desktop.office import access
from tests.office.conftest import new_id


def _pushed(office, laptop, case_id: str) -> int:
    with office.store.engine.connect() as conn:
        return sum(a.changes for a in access.log(conn, case_id)
                   if a.direction == "push" and a.device_id == laptop.device_id)  # fmt: skip


def test_a_push_is_counted_per_case_with_the_changes_taken(office):
    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    client_id, case_id, opened = anna.open_case()  # 2 client fields, 4 of the case
    _other_client, other_case, other = anna.open_case()
    answer = anna.push(opened + other)
    assert answer["accepted"] == 12
    assert _pushed(office, anna, case_id) == 6 and _pushed(office, anna, other_case) == 6

    household = new_id()
    parked = anna.write("household", household, address="Bahnhofstraße 3")
    note = anna.write("contact_note", new_id(), case_id=case_id, kind="phone",
                      contact_on="2026-11-03", text="Anruf")  # fmt: skip
    answer = anna.push(parked + note)
    assert answer["accepted"] == 1 + 4 and not answer["rejected"]
    assert _pushed(office, anna, case_id) == 6 + 4  # the household is parked: no case yet

    claim = anna.write("client", client_id, household_id=household)
    anna.push(claim)  # one change taken; the household joins the case by it
    assert _pushed(office, anna, case_id) == 6 + 4 + 1
    assert _pushed(office, anna, other_case) == 6

    intruding = ben.write("contact_note", new_id(), case_id=case_id, kind="phone",
                          contact_on="2026-11-04", text="Fremd")  # fmt: skip
    answer = ben.push(intruding)
    assert answer["accepted"] == 0 and len(answer["rejected"]) == 4
    assert _pushed(office, ben, case_id) == 0
