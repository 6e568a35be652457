"""Follow-ups set by hand (#17 part 2) at the office: they travel with their case like any
record of it, and the office refuses one in a case that is not the pusher's."""

from __future__ import annotations

from caseworker_desktop.domain.model import new_id


def _reminder(laptop, case_id: str, text: str = "Kita anrufen") -> list[dict]:
    return laptop.write("reminder", new_id(), case_id=case_id, due_on="2026-11-27", text=text,
                        author_id=laptop.user["id"])  # fmt: skip


def test_a_reminder_goes_with_its_case_and_not_into_anothers(office):
    office.user("anna")
    office.user("carla", team="Team Süd")
    anna, carla = office.laptop("anna"), office.laptop("carla")
    _, case_id, changes = anna.open_case()
    changes += _reminder(anna, case_id)
    assert anna.push(changes)["rejected"] == []
    _, foreign_case, changes = carla.open_case()
    assert carla.push(changes)["rejected"] == []
    forged = _reminder(anna, foreign_case, "fremde Akte")
    rejected = anna.push(forged)["rejected"]
    assert {r["change_id"] for r in rejected} == {c["change_id"] for c in forged}
    # a second laptop of anna's receives the reminder; carla's does not
    other = office.laptop("anna")
    pulled = other.pull()
    assert "Kita anrufen" in {c["value"].strip('"') for c in pulled if c["table"] == "reminder"}
    assert all(c["table"] != "reminder" for c in carla.pull())


def test_a_reminder_in_someone_elses_name_is_refused(office):
    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    _, case_id, changes = anna.open_case()
    assert anna.push(changes)["rejected"] == []
    forged = anna.write("reminder", new_id(), case_id=case_id, due_on="2026-11-27",
                        text="im Namen von Ben", author_id=ben.user["id"])  # fmt: skip
    rejected = anna.push(forged)["rejected"]
    assert {r["change_id"] for r in rejected} == {c["change_id"] for c in forged}
