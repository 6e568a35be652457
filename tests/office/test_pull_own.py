"""`GET /sync/pull?own=skip`: a laptop that holds everything it pushed is spared it. Only
what that device pushed is left out: another device's changes come, also another device of
the same user, and so do the office's copies of a case handed back (schema.reappend keeps
the original device on them). Asked for by raw HTTP, as a laptop would."""

from __future__ import annotations

from caseworker_desktop.office import pull, snapshot
from caseworker_desktop.office import store as store_module
from caseworker_desktop.office.pull import head_seq

from .conftest import Laptop, Office


def _pull(laptop: Laptop, cursor: int = 0, **params) -> dict:
    response = laptop.client.get(
        "/sync/pull", params={"cursor": cursor, "limit": 1000, **params}, headers=laptop.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _values(page: dict) -> set[tuple[str, str, str, str]]:
    return {(c["table"], c["row_id"], c["field"], c["value"]) for c in page["changes"]}


def _head(office: Office) -> int:
    with office.store.engine.connect() as conn:
        return head_seq(conn)


def test_own_changes_are_left_out_and_everyone_elses_come(office):
    office.user("anna")
    first, second = office.laptop("anna"), office.laptop("anna")  # two devices of anna's
    client_id, _case_id, changes = first.open_case()
    first.push(changes)
    theirs = second.write("client", client_id, phone="0711 43")
    second.push(theirs)

    everything = _pull(first)  # as before, and as an older laptop asks
    assert len(everything["changes"]) == len(changes) + 1
    spared = _pull(first, own="skip")
    assert _values(spared) == {("client", client_id, "phone", theirs[0]["value"])}
    assert spared["next_cursor"] == _head(office) and not spared["more"]
    # the other device is spared only its own: it gets all of the first one's
    pushed = {(c["table"], c["row_id"], c["field"], c["value"]) for c in changes}
    assert _values(_pull(second, own="skip")) == pushed


def test_a_case_handed_back_comes_back_whole_to_a_laptop_that_skips_its_own(office):
    office.user("anna")
    office.user("ben")
    anna = office.laptop("anna")
    _client_id, case_id, changes = anna.open_case()
    anna.push(changes)
    cursor = _pull(anna, own="skip")["next_cursor"]
    office.store.reassign(case_id, "ben")
    office.store.reassign(case_id, "anna")
    page = _pull(anna, cursor, own="skip")
    assert case_id in page["evict_cases"]  # taken away, then
    pushed = {(c["table"], c["row_id"], c["field"], c["value"]) for c in changes}
    assert pushed <= _values(page)  # every value again, though anna's device wrote them


def test_a_pull_with_an_unknown_own_is_refused(office):
    office.user("anna")
    anna = office.laptop("anna")
    response = anna.client.get(
        "/sync/pull", params={"cursor": 0, "own": "everyone"}, headers=anna.headers
    )
    assert response.status_code == 422
    assert "own" in response.json()["message"]


def test_far_behind_through_the_caseload_own_changes_are_left_out_too(office, monkeypatch):
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)  # "far behind" at once
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    ways = []
    found = pull.caseload_changes
    monkeypatch.setattr(
        store_module, "caseload_changes", lambda *a: ways.append("caseload") or found(*a)
    )
    office.user("anna")
    first, second = office.laptop("anna"), office.laptop("anna")
    client_id, _case_id, changes = first.open_case()
    first.push(changes)
    cursor = _head(office)
    first.push(first.write("client", client_id, last_name="Kovalenko-Shevchenko"))
    theirs = second.write("client", client_id, phone="0711 43")
    second.push(theirs)
    page = _pull(first, cursor, own="skip")
    assert ways == ["caseload"]
    assert _values(page) == {("client", client_id, "phone", theirs[0]["value"])}
    assert page["next_cursor"] == _head(office)
    assert len(_pull(first, cursor)["changes"]) == 2  # asked without: its own as well
