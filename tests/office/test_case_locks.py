"""PostgreSQL: pushes of different cases check and merge side by side; pushes of one case,
and anything office-wide, wait (office/locks.py). A push whose cases were guessed wrong
starts again with them locked."""

from __future__ import annotations

import threading
import time

import pytest

from caseworker_desktop.office import locks
from caseworker_desktop.office.store import Store
from caseworker_desktop.sync.protocol import Change


@pytest.fixture
def pg_office(office, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer")
    return office


def _push_in_thread(store: Store, who, changes) -> tuple[threading.Thread, dict]:
    done: dict = {}

    def run() -> None:
        done["response"] = store.push(who, [Change(**c) for c in changes])
        done["at"] = time.monotonic()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done


def test_a_push_waits_only_for_its_own_case(pg_office):
    office = pg_office
    office.user("anna")
    office.user("ben")
    anna, ben = office.laptop("anna"), office.laptop("ben")
    _c, anna_case, made = anna.open_case()
    anna.push(made)
    _c, ben_case, made = ben.open_case()
    ben.push(made)
    store = office.store
    anna_who, ben_who = store.authenticate(anna.token), store.authenticate(ben.token)
    note = anna.write("contact_note", "a" * 32, case_id=anna_case, contact_on="2026-11-20",
                      kind="phone")  # fmt: skip
    other = ben.write("contact_note", "b" * 32, case_id=ben_case, contact_on="2026-11-20",
                      kind="phone")  # fmt: skip
    with store.engine.begin() as conn:  # someone holds anna's case
        locks.take(conn, [anna_case])
        waiting, anna_done = _push_in_thread(store, anna_who, note)
        passing, ben_done = _push_in_thread(store, ben_who, other)
        passing.join(10)
        assert ben_done["response"].accepted == 3  # ben's case went ahead
        time.sleep(0.3)
        assert "response" not in anna_done  # anna's waits for her case
        released = time.monotonic()
    waiting.join(10)
    assert anna_done["response"].accepted == 3 and anna_done["at"] >= released


def test_an_office_wide_write_waits_for_the_pushes_and_they_for_it(pg_office):
    office = pg_office
    office.user("anna")
    anna = office.laptop("anna")
    _c, _case, made = anna.open_case()
    store = office.store
    who = store.authenticate(anna.token)
    with store.write() as conn:  # office-wide (administration)
        conn.exec_driver_sql("SELECT 1")
        waiting, done = _push_in_thread(store, who, made)
        time.sleep(0.3)
        assert "response" not in done
    waiting.join(10)
    assert done["response"].accepted == len(made)


def test_a_push_that_touches_a_case_it_did_not_guess_starts_again(pg_office, monkeypatch):
    office = pg_office
    office.user("anna")
    anna = office.laptop("anna")
    _c, case_id, made = anna.open_case()
    anna.push(made)
    store = office.store
    taken: list[set[str]] = []
    real_take = locks.take
    monkeypatch.setattr(locks, "guess_cases", lambda conn, batch: set())
    monkeypatch.setattr(locks, "take", lambda conn, names: (taken.append(set(names)),
                                                            real_take(conn, names))[1])  # fmt: skip
    note = anna.write("contact_note", "c" * 32, case_id=case_id, contact_on="2026-11-20",
                      kind="phone")  # fmt: skip
    response = store.push(store.authenticate(anna.token), [Change(**c) for c in note])
    assert response.accepted == 3
    assert len(taken) == 2 and case_id not in taken[0] and case_id in taken[1]
    with store.engine.connect() as conn:  # the first attempt left nothing behind
        count = conn.exec_driver_sql(
            "SELECT count(*) FROM changes WHERE row_id = %(r)s", {"r": "c" * 32}
        ).scalar()
    assert count == 3
