"""A laptop that synced before and is far behind the log's head (in a busy office, a day
is hundreds of thousands of changes) gets its user's changes found through their cases
(office/pull.py caseload_changes) instead of a walk of the whole log or a snapshot of the
whole caseload. Whatever the way, the page is the same: the same changes, evictions,
cursor; nothing of a case the user does not see (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from caseworker_desktop.office import access, snapshot
from caseworker_desktop.office.cli import main
from tests.office.conftest import new_id


def _notes(laptop, case_id: str, count: int, text: str) -> list[dict]:
    changes = []
    for day in range(1, count + 1):
        changes += laptop.write("contact_note", new_id(), case_id=case_id, kind="phone",
                                contact_on=f"2026-11-{day:02d}", text=f"{text} {day}")  # fmt: skip
    return changes


def _page(laptop, cursor: int, limit: int = 1000) -> dict:
    response = laptop.client.get(
        "/sync/pull", params={"cursor": cursor, "limit": limit}, headers=laptop.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _by_way(monkeypatch, laptop, cursor: int, limit: int = 1000) -> tuple[dict, dict]:
    """The page from `cursor` by the log walk and through the caseload."""
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 10**9)  # near: the log walk
    walked = _page(laptop, cursor, limit)
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)  # far: through the caseload
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    found = _page(laptop, cursor, limit)
    monkeypatch.undo()
    return walked, found


def _same(walked: dict, found: dict) -> None:
    for name in ("changes", "evict_cases", "purges", "next_cursor", "more", "snapshot"):
        assert found[name] == walked[name], name


def test_the_page_through_the_caseload_is_the_page_of_the_log(office, db_url, monkeypatch):
    office.user("anna")
    office.user("ben")
    office.user("lena", role="team_lead")
    office.user("otto", team="Team Süd")
    anna, ben, lena, otto = (office.laptop(n) for n in ("anna", "ben", "lena", "otto"))
    _c, kept, made = anna.open_case()
    _c, taken, more = anna.open_case()
    anna.push(made + more + _notes(anna, kept, 3, "Anruf"))
    _c, bens, made = ben.open_case()
    ben.push(made)
    _c, ottos, made = otto.open_case()
    otto.push(made)
    for laptop in (anna, ben, lena, otto):
        laptop.pull()  # each has a cursor now
    cursors = {laptop.user["username"]: laptop.cursor for laptop in (anna, ben, lena, otto)}
    # meanwhile: notes everywhere, a case taken from anna, a later change of a field
    anna.push(_notes(anna, kept, 2, "Besuch") + _notes(anna, taken, 2, "Termin"))
    assert main(["reassign", "--db", db_url, "--case", taken, "--to", "ben"]) == 0
    anna.push(anna.write("case_file", kept, status="closed"))
    ben.push(_notes(ben, bens, 2, "Beratung"))
    otto.push(_notes(otto, ottos, 4, "Sprechstunde"))
    for laptop in (anna, ben, lena, otto):
        walked, found = _by_way(monkeypatch, laptop, cursors[laptop.user["username"]])
        assert walked["changes"] or walked["evict_cases"], laptop.user["username"]
        _same(walked, found)
    walked, found = _by_way(monkeypatch, anna, cursors["anna"])
    assert found["evict_cases"] == [taken]
    assert {c["row_id"] for c in found["changes"] if c["table"] == "case_file"} == {kept}
    seen_by_anna = {c["value"] for c in found["changes"]}
    assert not any("Sprechstunde" in v or "Beratung" in v for v in seen_by_anna)
    # the team lead sees anna's and ben's cases, otto's team is not hers
    _walked, found = _by_way(monkeypatch, lena, cursors["lena"])
    texts = " ".join(c["value"] for c in found["changes"])
    assert "Beratung" in texts and "Besuch" in texts and "Sprechstunde" not in texts


def test_more_than_a_page_behind_gets_the_current_values_instead(office, monkeypatch):
    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    ben.push([c for _n in range(20) for c in ben.open_case()[2]])  # most cases are ben's
    _c, case_id, made = anna.open_case()
    anna.push(made)
    other = office.laptop("anna")  # her second laptop, synced once
    other.pull()
    anna.push(_notes(anna, case_id, 12, "Anruf"))
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    with office.store.engine.connect() as conn:  # her share of the cases: expected to fit
        assert snapshot.way(conn, other_who(office, other), other.cursor, 10**6, 10) == "snapshot"
        assert snapshot.way(conn, other_who(office, other), other.cursor, other.cursor + 48,
                            10) == "caseload"  # fmt: skip
    first = _page(other, other.cursor, limit=10)  # but 48 changes are more than 10
    assert first["snapshot"] and first["next_cursor"] == other.cursor
    other.pull(limit=10)
    assert other.values == anna.values
    # a few behind: one page through the caseload, no snapshot
    anna.push(_notes(anna, case_id, 2, "Besuch"))
    page = _page(other, other.cursor, limit=10)
    assert page["snapshot"] is None and not page["more"] and len(page["changes"]) == 2 * 4


def other_who(office, laptop):
    return office.store.authenticate(laptop.token)


def test_a_page_through_the_caseload_records_whom_the_cases_went_to(office, monkeypatch):
    office.user("anna")
    anna = office.laptop("anna")
    _c, first, made = anna.open_case()
    _c, second, more = anna.open_case()
    anna.push(made + more)
    reader = office.laptop("anna")
    reader.pull()
    anna.push(_notes(anna, second, 3, "Anruf"))

    def carried(case_id: str) -> int:  # by this device, counted per day
        with office.store.engine.connect() as conn:
            return sum(a.changes for a in access.log(conn, case_id)
                       if a.direction == "pull" and a.device_id == reader.device_id)  # fmt: skip

    before = carried(first), carried(second)
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    page = _page(reader, reader.cursor)
    assert len(page["changes"]) == 3 * 4  # four fields a note
    assert (carried(first), carried(second)) == (before[0], before[1] + 12)


@pytest.mark.parametrize("role", ["caseworker", "team_lead"])
def test_a_stranger_far_behind_gets_nothing_of_others_cases(office, monkeypatch, role):
    """A raw pull far behind the head, by someone in another team: none of the cases."""
    office.user("anna")
    office.user("fremd", role=role, team="Team Süd")
    anna, stranger = office.laptop("anna"), office.laptop("fremd")
    _c, case_id, made = anna.open_case()
    anna.push(made)
    stranger.pull()
    anna.push(_notes(anna, case_id, 3, "Anruf"))
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    for cursor in (1, stranger.cursor, 0):
        page = _page(stranger, cursor)
        assert page["changes"] == [] and page.get("rows") in (None, [])
