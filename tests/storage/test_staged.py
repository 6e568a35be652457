"""What a transaction writes beside its records (change log, audit events, field clocks) is
staged and written with it (storage/staged.py); records go through the driver's own
connection (storage/rows.py). Neither may change what ends up in the file."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from datetime import UTC, date, datetime
from enum import StrEnum

import orjson
import pytest
import sqlalchemy as sa

from caseworker_desktop import demo
from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.codec import field_type
from caseworker_desktop.domain.enums import ContactKind
from caseworker_desktop.domain.errors import ValidationError
from caseworker_desktop.services import Services
from caseworker_desktop.storage import audit, rows
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.storage.orm import table_of
from tests.conftest import PASSPHRASE
from tests.helpers import new_client


def _state(conn) -> tuple:
    """Everything staged writes, as it stands."""
    return (
        conn.exec_driver_sql("SELECT change_id, row_id, field, value, hlc FROM change_log").all(),
        conn.exec_driver_sql("SELECT seq, entity_id, hash FROM audit_event").all(),
        conn.exec_driver_sql("SELECT table_name, row_id, clocks FROM row_clock").all(),
    )


def test_a_caught_failure_of_an_inner_use_case_takes_back_only_its_own_rows(services, case_file):
    """The outer use case's staged rows stay; the inner one's (a note, a changed phone
    number: its clock too) are gone with its savepoint; the audit chain holds."""
    client, case = new_client(services)
    with case_file.engine.connect() as conn:
        before = _state(conn)
    with services.transaction() as tx:
        services.clients.update(client.id, languages="uk")
        with pytest.raises(ValidationError), services.transaction():
            services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf")
            services.clients.update(client.id, phone="0176 1")
            raise ValidationError({"x": "abgebrochen"})
        assert tx.conn.exec_driver_sql("SELECT count(*) FROM contact_note").scalar() == 0
    with case_file.engine.connect() as conn:
        changes, events, clocks = _state(conn)
        phone = conn.exec_driver_sql("SELECT phone FROM client").scalar()
    new = [c for c in changes if c not in before[0]]
    assert [(c.row_id, c.field, c.value) for c in new] == [(client.id, "languages", '"uk"')]
    assert len(events) == len(before[1]) + 1 and events[-1].entity_id == client.id
    assert phone == "" and '"phone"' not in str(clocks)
    assert case_file.verify() == []


def test_reads_in_the_transaction_see_what_is_staged(services):
    with services.transaction() as tx:
        client, _ = new_client(services)
        assert len(audit.audit_events_for(tx.conn, {client.id})) == 1  # staged
        logged = tx.conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE row_id = ?", (client.id,)
        ).scalar()
        assert logged > 10


def test_a_bulk_transaction_writes_all_or_nothing(services, case_file):
    with case_file.engine.connect() as conn:
        before = _state(conn)
    with pytest.raises(ValidationError), services.bulk():
        new_client(services, first="Anna")
        new_client(services, first="  ")  # refused: no first name
    # a failure caught inside: still none
    with pytest.raises(RuntimeError, match="failed"), services.bulk():
        new_client(services, first="Anna")
        with pytest.raises(ValidationError):
            new_client(services, first="  ")
    with case_file.engine.connect() as conn:
        assert _state(conn) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM client").scalar() == 0
    with services.bulk():
        new_client(services, first="Anna")
    with case_file.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT first_name FROM client").all() == [("Anna",)]
    assert case_file.verify() == []


def _demo(tmp_path, name, bulk: bool) -> tuple[Counter, list, list]:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    cf = CaseFile.create(tmp_path / name, username="demo", passphrase=PASSPHRASE, clock=clock)
    try:
        services = Services(cf, clock)
        if not bulk:
            services.bulk = services.transaction  # one use case at a time, each on its own
        demo.generate(services, 12, seed=3)
        assert cf.verify() == []
        with cf.engine.connect() as conn:
            fields = Counter(conn.exec_driver_sql("SELECT table_name, field FROM change_log").all())
            events = conn.exec_driver_sql(
                "SELECT action, entity, detail FROM audit_event ORDER BY seq"
            ).all()
            masks = sorted(  # the clocks' shape: which fields share a stamp
                sorted(str(held) for held in orjson.loads(text).values())
                for (text,) in conn.exec_driver_sql("SELECT clocks FROM row_clock")
            )
        return fields, events, masks
    finally:
        cf.lock()


def test_demo_data_in_bulk_writes_the_same_log_audit_and_clocks(tmp_path):
    assert _demo(tmp_path, "bulk", bulk=True) == _demo(tmp_path, "one-by-one", bulk=False)


def _sample(cls: type[m.Record], rng: random.Random, nulls: bool) -> m.Record:
    values = {}
    for f in dataclasses.fields(cls):
        py_type, nullable = field_type(cls, f.name)
        if nulls and nullable:
            values[f.name] = None
        elif f.name == "id":
            values[f.name] = m.new_id()
        elif py_type is bool:
            values[f.name] = rng.random() < 0.5
        elif py_type is int:
            values[f.name] = rng.randint(-5, 500)
        elif py_type is date:
            values[f.name] = date(2026, rng.randint(1, 12), rng.randint(1, 28))
        elif py_type is datetime:
            values[f.name] = datetime(2026, 3, 4, 5, 6, 7, rng.choice([0, 123456]))
        elif isinstance(py_type, type) and issubclass(py_type, StrEnum):
            values[f.name] = rng.choice(list(py_type))
        else:
            values[f.name] = rng.choice(["Ölçü ß", "", "x" * 40])
    return cls(**values)


@pytest.mark.parametrize("nulls", [False, True])
def test_driver_rows_are_the_rows_sqlalchemy_reads_and_writes(case_file, nulls):
    rng = random.Random(7)
    with case_file.engine.begin() as conn:
        for cls in m.SYNCABLE:
            table = table_of(cls)
            ours, theirs = _sample(cls, rng, nulls), _sample(cls, rng, nulls)
            rows.insert(conn, ours)
            conn.execute(table.insert(), dataclasses.asdict(theirs))
            read = conn.execute(sa.select(table).where(table.c.id == ours.id)).one()
            assert cls(**read._mapping) == ours
            assert rows.get(conn, cls, theirs.id) == theirs
            changed = _sample(cls, rng, not nulls)
            values = {f: getattr(changed, f) for f in rows.names(cls) if f != "id"}
            rows.update(conn, cls, theirs.id, values)
            read = conn.execute(sa.select(table).where(table.c.id == theirs.id)).one()
            assert cls(**read._mapping) == dataclasses.replace(changed, id=theirs.id)
        assert rows.get(conn, m.Client, m.new_id()) is None
        with pytest.raises(ValueError, match="no fields"):
            rows.update(conn, m.Client, ours.id, {"phone = '', first_name": "x"})


def test_a_long_transaction_writes_its_staged_rows_as_it_goes(services, case_file, monkeypatch):
    from caseworker_desktop.storage import staged

    monkeypatch.setattr(staged, "MAX_STAGED", 20)
    with services.bulk() as tx:
        client, _ = new_client(services)
        logged = tx.records.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
        assert logged >= 20  # written without anyone asking
        services.clients.update(client.id, phone="1")
    assert case_file.verify() == []
