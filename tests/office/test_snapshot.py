"""A pull far behind the head is served as a snapshot of the current values, whole cases a
page at a time, then the log from the snapshot's head (office/snapshot.py). Whatever the
way, a laptop ends with the same values; nothing that changes meanwhile is lost; a
laptop that was behind still drops what was taken from it; the token is the office's
to check (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from caseworker_desktop.office import snapshot
from tests.office.conftest import new_id


@pytest.fixture
def far(monkeypatch):
    """Every pull of a caseworker or team lead behind the head is 'far behind'."""
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    monkeypatch.setattr(snapshot, "CASELOAD_FIRST", False)


def _caseload(laptop, cases: int = 4, notes: int = 3) -> list[str]:
    ids, changes = [], []
    for n in range(cases):
        _client, case_id, made = laptop.open_case()
        changes += made
        for day in range(1, notes + 1):
            changes += laptop.write(
                "contact_note", new_id(), case_id=case_id, contact_on=f"2026-11-{day:02d}",
                kind="phone", text=f"Gespräch {n}/{day}",
            )  # fmt: skip
        ids.append(case_id)
    # a later change of a field: the log has both values, the snapshot only the newer
    changes += laptop.write("case_file", ids[0], status="closed")
    laptop.push(changes)
    return ids


def test_a_snapshot_ends_with_the_values_the_log_gives(office, monkeypatch):
    office.user("anna")
    anna = office.laptop("anna")
    _caseload(anna)
    by_log, by_snapshot = office.laptop("anna"), office.laptop("anna")
    by_log.pull()
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    received = by_snapshot.pull(limit=10)
    assert by_snapshot.values == by_log.values
    assert by_snapshot.seen == by_log.seen
    assert len(received) < len(by_log.pages[0]["changes"])  # the superseded value is gone
    # whole cases a page, the token on every page but the last, then the log from its head
    pages = by_snapshot.pages
    assert all(p["snapshot"] for p in pages[:-2]) and pages[-2]["snapshot"] is None
    cases_per_page = [{c["row_id"] for c in p["changes"] if c["table"] == "case_file"}
                      for p in pages]  # fmt: skip
    assert sum(len(c) for c in cases_per_page) == 4
    assert pages[-2]["next_cursor"] == by_log.cursor and pages[-1]["changes"] == []
    assert by_snapshot.cursor == by_log.cursor


def test_what_changes_during_a_snapshot_comes_with_the_log_after_it(office, far):
    office.user("anna")
    anna = office.laptop("anna")
    ids = _caseload(anna, cases=3)
    reader = office.laptop("anna")
    first = reader.client.get(
        "/sync/pull", params={"cursor": 0, "limit": 5}, headers=reader.headers
    ).json()
    assert first["snapshot"] and first["next_cursor"] == 0
    reader.snapshot, reader.pages = first["snapshot"], [first]
    for change in first["changes"]:
        reader.values[(change["table"], change["row_id"], change["field"])] = change["value"]
    # meanwhile: a case already served changes, a new case comes
    anna.push(anna.write("case_file", ids[0], status="open"))
    _client, new_case, made = anna.open_case()
    anna.push(made)
    reader.pull(limit=5)
    assert reader.values[("case_file", ids[0], "status")] == '"open"'
    assert ("case_file", new_case, "status") in reader.values
    anna.pull()
    assert {k: v for k, v in reader.values.items()} == anna.values


def test_a_laptop_far_behind_still_drops_a_case_taken_from_it(office, db_url, far):
    from caseworker_desktop.office.cli import main

    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    kept, taken = _caseload(anna, cases=2)
    anna.pull()  # holds both
    assert main(["reassign", "--db", db_url, "--case", taken, "--to", "ben"]) == 0
    anna.push(anna.write("contact_note", new_id(), case_id=kept, contact_on="2026-11-20",
                         kind="visit"))  # fmt: skip
    anna.pull()  # far behind: the eviction comes before the snapshot's cases
    assert taken in anna.evicted
    assert anna.pages[-3]["evict_cases"] == [taken] or taken in anna.pages[-2]["evict_cases"]
    assert all(c["row_id"] != taken for p in anna.pages[1:] for c in p["changes"])
    ben.pull()
    assert ("case_file", taken, "status") in ben.values


def test_the_token_is_checked_and_shows_only_the_callers_cases(office, far):
    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    _caseload(anna, cases=2)
    head = anna.client.get("/sync/pull", params={"cursor": 0}, headers=anna.headers).json()
    token = head["snapshot"] or f"{head['next_cursor']}:c:"
    for bad in ("x", "1:z:", "99999999:c:", f"{token}0", "5:c:" + "g" * 32, "1:e:"):
        response = ben.client.get(
            "/sync/pull", params={"cursor": 0, "snapshot": bad}, headers=ben.headers
        )
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["message"]
    # anna's token in ben's hands: his own cases (none), nothing of hers
    at = token.split(":")[0]
    response = ben.client.get(
        "/sync/pull", params={"cursor": 0, "snapshot": f"{at}:c:"}, headers=ben.headers
    )
    assert response.status_code == 200
    assert response.json()["changes"] == []
    # a token ahead of the cursor's head is refused: it cannot skip a part of the log
    response = ben.client.get(
        "/sync/pull", params={"cursor": int(at) + 1, "snapshot": f"{at}:c:"}, headers=ben.headers
    )
    assert response.status_code == 422


def test_a_team_lead_gets_the_teams_cases_and_the_coordinator_never_a_snapshot(office, far):
    office.user("anna")
    office.user("lena", role="team_lead")
    office.user("kim", role="coordinator", team=None)
    anna = office.laptop("anna")
    ids = _caseload(anna, cases=3)
    lena = office.laptop("lena")
    lena.pull(limit=7)
    assert any(p["snapshot"] for p in lena.pages)
    assert {r for (t, r, _f) in lena.values if t == "case_file"} == set(ids)
    kim = office.laptop("kim")
    kim.pull()
    assert not any(p["snapshot"] for p in kim.pages)


def test_a_snapshot_page_records_whom_the_cases_went_to(office, far):
    from caseworker_desktop.office import access

    office.user("anna")
    anna = office.laptop("anna")
    ids = _caseload(anna, cases=2)
    reader = office.laptop("anna")
    reader.pull()
    with office.store.engine.connect() as conn:
        pulled = [a for a in access.log(conn, ids[1]) if a.direction == "pull"]
    assert [a.device_id for a in pulled] == [reader.device_id]
    assert pulled[0].changes > 0


def test_the_rows_form_brings_the_same_values_in_fewer_bytes(office, far):
    """A laptop that asks for the rows form (`form=rows`) gets a snapshot's values as one
    entry per row, each clock once where the row's fields share it; the log after the
    snapshot comes as changes. An older laptop, asking nothing, gets changes."""
    from caseworker_desktop.office import access

    office.user("anna")
    anna = office.laptop("anna")
    ids = _caseload(anna, cases=3)
    plan, entry = new_id(), new_id()  # restricted text: sealed at the office, opened here
    anna.push(
        anna.write("help_plan", plan, case_id=ids[1], period_start="2026-11-01",
                   period_end="2027-04-30", next_review_on="2027-01-31")
        + anna.write("help_plan_entry", entry, help_plan_id=plan, life_area="health",
                     goal="Termin in der Traumasprechstunde")
    )  # fmt: skip
    by_changes, by_rows = office.laptop("anna"), office.laptop("anna")
    by_changes.pull(limit=10)
    by_rows.pull(limit=10, form="rows")
    assert by_rows.values == by_changes.values and by_rows.seen == by_changes.seen
    snapshot_pages = [p for p in by_rows.pages if p.get("rows")]
    assert snapshot_pages and all("rows" not in p for p in by_changes.pages)
    rows = [row for p in snapshot_pages for row in p["rows"]]
    assert any(len(stamps) == 1 and len(flat) > 2 for _t, _r, stamps, flat in rows)
    (goal,) = [r[3] for r in rows if r[1] == entry]
    assert goal[goal.index("goal") + 1] == '"Termin in der Traumasprechstunde"'
    closed = next(r for r in rows if r[0] == "case_file" and r[1] == ids[0])
    assert len(closed[2]) == len(closed[3]) // 2  # its status changed later: a clock a field
    sizes = [len(str(p)) for p in (by_changes.pages, by_rows.pages)]
    assert sizes[1] < sizes[0] / 2
    assert len(rows) <= 10 * len(snapshot_pages) + 20  # about `limit` rows a page
    with office.store.engine.connect() as conn:
        pulled = [a for a in access.log(conn, ids[1]) if a.direction == "pull"]
    assert {a.device_id for a in pulled} == {by_changes.device_id, by_rows.device_id}
    assert len({a.changes for a in pulled}) == 1  # the same values counted either way
    response = anna.client.get(
        "/sync/pull", params={"cursor": 0, "form": "json"}, headers=anna.headers
    )
    assert response.status_code == 422
    # another caseworker with anna's snapshot position asks for rows: none of hers
    office.user("ben")
    ben = office.laptop("ben")
    at = by_rows.pages[0]["snapshot"].split(":")[0]
    params = {"cursor": 0, "snapshot": f"{at}:c:", "form": "rows", "limit": 5000}
    response = ben.client.get("/sync/pull", params=params, headers=ben.headers)
    assert response.status_code == 200 and response.json()["rows"] == []
