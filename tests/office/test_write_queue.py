"""The office's SQLite writers: first come, first served (a pull's brief access record
before the queued pushes), and WAL checkpoints in a thread of the server, not in the
commit of a request."""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from caseworker_desktop.office import schema
from caseworker_desktop.office.database import FairLock
from caseworker_desktop.office.store import Store
from caseworker_desktop.sync.protocol import Change


def test_the_lock_goes_to_its_waiters_in_the_order_they_came():
    lock = FairLock()
    order: list[str] = []
    started: list[threading.Thread] = []

    def take(name: str, brief: bool = False) -> None:
        with lock.hold(brief):
            order.append(name)

    with lock.hold():
        for name in ("a", "b", "c", "d"):
            started.append(threading.Thread(target=take, args=(name,)))
            started[-1].start()
            time.sleep(0.05)  # each is waiting before the next comes
        started.append(threading.Thread(target=take, args=("pull", True)))
        started[-1].start()
        time.sleep(0.05)
    for thread in started:
        thread.join(5)
    assert order == ["pull", "a", "b", "c", "d"]


def test_a_waiter_that_fails_does_not_keep_the_lock():
    lock = FairLock()
    with pytest.raises(RuntimeError), lock.hold():
        raise RuntimeError("boom")
    done = threading.Event()

    def take() -> None:
        with lock.hold():
            done.set()

    threading.Thread(target=take).start()
    assert done.wait(5)


@pytest.fixture
def sqlite_store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'office.db'}", migrate=True)
    yield store, tmp_path / "office.db-wal"
    store.close()


def test_checkpoints_run_in_their_own_thread_and_keep_the_wal_small(sqlite_store):
    store, wal = sqlite_store
    store.serve_checkpoints()
    with store.engine.connect() as conn:  # requests no longer checkpoint when they commit
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    checkpointer = store._checkpointer
    for _ in range(40):  # some 8 MB through the WAL, far past 1,000 pages
        with store.write() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO office_audit (at, actor, action, detail)"
                    " VALUES (:at, 'x', 'y', :d)"
                ),
                {"at": "2026-11-30 00:00:00.000000", "d": "z" * 200_000},
            )
    deadline = time.monotonic() + 10
    while checkpointer.runs == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert checkpointer.runs > 0
    store.close()  # the last checkpoint empties the WAL
    assert not wal.exists() or wal.stat().st_size == 0


def test_without_the_server_sqlite_checkpoints_as_usual(sqlite_store):
    store, _wal = sqlite_store
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000


def test_a_puller_in_a_tight_loop_gets_every_change_of_many_concurrent_writers(office):
    """Eight caseworkers push at once (in threads, through the office's own code) while
    their team lead pulls in a tight loop: every change of the log reaches the lead once,
    whatever the interleaving (a cursor never passes a change that becomes visible later)."""
    store = office.store
    writers = []
    for i in range(8):
        office.user(f"fk{i}")
        laptop = office.laptop(f"fk{i}")
        writers.append((store.authenticate(laptop.token), laptop))
    office.user("lena", role="team_lead")
    lead = store.authenticate(office.laptop("lena").token)
    errors: list[str] = []

    def push(who, laptop) -> None:
        for _ in range(6):
            _client, _case, changes = laptop.open_case()
            batch = [Change(**c) for c in changes]
            if store.push(who, batch).rejected:
                errors.append("refused")

    received: list[int] = []
    stop = threading.Event()

    def pull() -> None:
        cursor = 0
        while True:
            last_pass = stop.is_set()  # decided before the read: its snapshot is later
            page = store.pull(lead, cursor, 7)
            received.extend(c.seq for c in page.changes)
            cursor = page.next_cursor
            if last_pass and not page.more:
                return

    puller = threading.Thread(target=pull)
    pushers = [threading.Thread(target=push, args=w) for w in writers]
    puller.start()
    for thread in pushers:
        thread.start()
    for thread in pushers:
        thread.join()
    stop.set()
    puller.join(60)
    assert errors == []
    with store.engine.connect() as conn:
        logged = sorted(conn.execute(sa.select(schema.changes.c.seq)).scalars())
    assert len(logged) == 8 * 6 * 6  # 8 writers x 6 cases x (2 client + 4 case fields)
    assert sorted(received) == logged  # every change once, none skipped
