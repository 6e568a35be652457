"""Nothing another device sent can stop a laptop's sync (SECURITY.md 18), a clock that
runs ahead loses nothing, and what the office refuses stays visible on the laptop. Real
case files and the real office app (in-process, over httpx), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import ContactKind, LifeArea
from caseworker_desktop.domain.hlc import Timestamp
from caseworker_desktop.office import schema
from caseworker_desktop.office.store import Store
from caseworker_desktop.storage.orm import table_of
from caseworker_desktop.sync.transport import ClockAheadError, Transport
from tests.helpers import forged_writes, new_client
from tests.inprocess import Laptop


@pytest.fixture
def office(inprocess_office):
    return inprocess_office


@pytest.fixture
def laptops(tmp_path, office):
    made = {
        name: Laptop(tmp_path, office, name, FakeClock(datetime.now(UTC)))
        for name in ("anna", "lena", "ben")
    }
    yield made
    for laptop in made.values():
        laptop.close()


def _inject(office: Store, changes: list[tuple[str, str, str, str, str]]) -> None:
    """What an earlier release of the office accepted without checking: straight into
    the log (and the case's rows), as if some device had pushed it."""
    now = schema.utcnow()
    with office.write() as conn:
        for table, row_id, field, value, hlc in changes:
            conn.execute(
                schema.changes.insert().values(
                    change_id=uuid.uuid4().hex,
                    table_name=table, row_id=row_id, field=field, value=value, hlc=hlc,
                    device_id="e" * 32, user_id="e" * 32, received_at=now,
                )
            )  # fmt: skip


def _stamp(ms: int, n: int = 0) -> str:
    return Timestamp(ms, n, "e" * 32).encode()


def test_poison_pills_are_quarantined_and_the_rest_applies(office, laptops):
    anna, lena = laptops["anna"], laptops["lena"]
    client, case = new_client(anna.services)
    note = anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf")
    anna.sync()
    lena.sync()
    now = int(datetime.now(UTC).timestamp() * 1000)
    year_2100 = int(datetime(2100, 1, 1, tzinfo=UTC).timestamp() * 1000)
    new_note = "f" * 32
    with office.write() as conn:  # rows of the case, as far as the office is concerned
        for table, row_id in (("contact_note", new_note), ("organisation", "a" * 32)):
            conn.execute(
                schema.row_case.insert().values(table_name=table, row_id=row_id, case_id=case.id)
            )
    poison = [
        ("client", client.id, "residence_status", '"abc"', _stamp(now, 1)),
        ("contact_note", note.id, "duration_minutes", '"abc"', _stamp(now, 2)),
        ("contact_note", note.id, "contact_on", '"2026-02-31"', _stamp(now, 3)),
        ("contact_note", note.id, "text", '"\\ud800"', _stamp(now, 4)),
        ("contact_note", note.id, "secret", '"x"', _stamp(now, 5)),
        ("contact_note", note.id, "life_areas", '"housing"', _stamp(year_2100)),
        ("contact_note", new_note, "kind", '"abc"', _stamp(now, 6)),
        ("organisation", "a" * 32, "name", '"Schein"', _stamp(now, 7)),
    ]
    good = [
        ("client", client.id, "phone", '"0711 99"', _stamp(now, 8)),
        ("contact_note", new_note, "case_id", json.dumps(case.id), _stamp(now, 6)),
        ("contact_note", new_note, "contact_on", '"2026-11-20"', _stamp(now, 6)),
    ]
    _inject(office, poison + good)
    report = lena.sync()  # completes: the team lead's sync is not stopped
    assert report.quarantined == len(poison)
    assert lena.services.clients.get(client.id).phone == "0711 99"
    kept = lena.services.cases.notes(case.id)
    assert [n.text for n in kept] == ["Anruf"]  # the new note waits for a valid kind
    quarantined = {(q.table, q.field): q.reason for q in lena.services.inbox.quarantined_values()}
    assert "einer von" in quarantined[("client", "residence_status")]
    assert "ganze Zahl" in quarantined[("contact_note", "duration_minutes")]
    assert "Datum" in quarantined[("contact_note", "contact_on")]
    assert "Unicode" in quarantined[("contact_note", "text")]
    assert "Unbekanntes Feld" in quarantined[("contact_note", "secret")]
    assert "Zukunft" in quarantined[("contact_note", "life_areas")]
    assert "Unbekannte Tabelle" in quarantined[("organisation", "name")]
    assert lena.sync().quarantined == 0  # once, not on every sync
    assert anna.sync().quarantined == len(poison)  # every laptop of the case, the same
    seqs = [q.seq for q in lena.services.inbox.quarantined_values()]
    assert lena.services.inbox.dismiss(quarantined=seqs) == len(poison)
    assert lena.services.inbox.quarantined_values() == []


def test_a_clock_days_ahead_stops_sync_until_set_right_and_loses_nothing(laptops):
    anna, lena = laptops["anna"], laptops["lena"]
    _, case = new_client(anna.services)
    anna.sync()
    today = anna.clock.today()
    anna.clock.advance(2 * 86_400)  # the laptop's clock runs two days ahead
    note = anna.services.cases.add_note(
        case.id, kind=ContactKind.PHONE, text="Zukunftsnotiz", contact_on=today
    )
    plan = anna.services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31),
                                      date(2027, 5, 1))  # fmt: skip
    anna.services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    waiting = anna.unsent()
    with pytest.raises(ClockAheadError, match=r"2 Tage vor.*Uhrzeit"):
        anna.sync()
    assert anna.unsent() == waiting  # nothing lost, nothing sent

    anna.clock.advance(-2 * 86_400)  # set right
    report = anna.sync()
    assert report.restamped > 0 and report.rejected == 0 and anna.unsent() == 0
    assert report.clock_warning is None
    lena.sync()
    assert [n.text for n in lena.services.cases.notes(case.id)] == ["Zukunftsnotiz"]
    assert lena.services.plans.entries(plan.id)[0].goal == "Praktikum"
    # writes after the repair are newer than the repaired ones (the clock restarted sanely)
    anna.services.cases.update_note(note.id, text="Korrigiert")
    anna.sync()
    lena.sync()
    assert [n.text for n in lena.services.cases.notes(case.id)] == ["Korrigiert"]


def test_a_laptop_days_behind_syncs_and_is_told(laptops):
    anna, lena = laptops["anna"], laptops["lena"]
    _, case = new_client(anna.services)
    anna.sync()
    lena.clock.advance(-3 * 86_400)
    report = lena.sync()  # the office's values are "days ahead" of lena: no stop
    assert "3 Tage nach" in report.clock_warning
    lena.services.reviews.comment(case.id, "Von Lena")  # a team lead's comment
    assert lena.sync().rejected == 0
    anna.sync()
    assert {c.text for c in anna.services.reviews.comments(case.id)} == {"Von Lena"}


def test_what_the_office_refuses_stays_visible_until_read(laptops, office):
    anna = laptops["anna"]
    _, case = new_client(anna.services)
    plan = anna.services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31),
                                      date(2027, 5, 1))  # fmt: skip
    anna.sync()
    with forged_writes(), anna.services.transaction() as tx:  # a tampered laptop approves
        tx.update(m.HelpPlan, plan.id, approved_by=anna.services.user.id)
    report = anna.sync()
    assert report.rejected == 1
    (refused,) = anna.services.inbox.refused_changes()
    assert refused.field == "approved_by" and refused.value == anna.services.user.id
    assert "Teamleitung" in refused.reason and refused.case_reference == case.reference
    assert anna.services.inbox.inbox_count() == 1
    assert anna.services.inbox.dismiss(refused=[refused.seq]) == 1
    assert anna.services.inbox.refused_changes() == []


def test_a_refused_value_leaves_with_its_case(laptops, office, tmp_path):
    anna = laptops["anna"]
    _, case = new_client(anna.services)
    anna.sync()
    with forged_writes(), anna.services.transaction() as tx:
        tx.update(m.Case, case.id, caseworker_id=laptops["ben"].services.user.id)
    anna.sync()
    (refused,) = anna.services.inbox.refused_changes()
    assert refused.kept
    office.reassign(case.id, "ben")
    anna.sync()
    (refused,) = anna.services.inbox.refused_changes()
    assert not refused.kept and refused.value is None  # the case left: its data too
    with anna.file.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(table_of(m.Case))).scalar() == 0


def test_reassignment_before_sync_hands_everything_over(laptops, office):
    anna, ben = laptops["anna"], laptops["ben"]
    _, case = new_client(anna.services, phone="0711 1")
    anna.sync()
    office.reassign(case.id, "ben")
    anna.services.clients.update(case.client_id, phone="0176 2")
    anna.services.cases.set_dormant(case.id)
    report = anna.sync()
    assert report.handed_over == report.rejected == 2
    names = {r.handed_to for r in anna.services.inbox.refused_changes()}
    assert names == {ben.services.user.id}
    ben.sync()
    assert len(ben.services.conflicts(case.id)) == 2
    assert ben.services.cases.get(case.id).status.value == "open"
    for conflict in ben.services.conflicts(case.id):
        ben.services.inbox.take_over(conflict.id, ["phone", "status"])
    assert ben.services.clients.get(case.client_id).phone == "0176 2"
    assert ben.services.cases.get(case.id).status.value == "dormant"
    ben.sync()
    assert ben.services.conflicts() == []


def test_a_snapshot_quarantines_its_poison_pills_too(office, laptops, tmp_path, monkeypatch):
    """A first sync served as a snapshot in the rows form (office/snapshot.py) checks every
    value as the log's changes are checked: what the domain cannot hold waits aside."""
    from caseworker_desktop.office import snapshot

    anna = laptops["anna"]
    client, case = new_client(anna.services)
    note = anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf")
    anna.sync()
    now = int(datetime.now(UTC).timestamp() * 1000)
    year_2100 = int(datetime(2100, 1, 1, tzinfo=UTC).timestamp() * 1000)
    poison = [
        ("client", client.id, "residence_status", '"abc"', _stamp(now, 1)),
        ("contact_note", note.id, "duration_minutes", '"abc"', _stamp(now, 2)),
        ("contact_note", note.id, "secret", '"x"', _stamp(now, 5)),
        ("contact_note", note.id, "life_areas", '"housing"', _stamp(year_2100)),
    ]
    good = [("client", client.id, "phone", '"0711 99"', _stamp(now, 8))]
    with office.write() as conn:  # as an earlier release kept them: the current values
        for table, row_id, field, value, hlc in poison + good:
            state = schema.field_state.c
            conn.execute(schema.field_state.delete().where(
                state.table_name == table, state.row_id == row_id, state.field == field
            ))  # fmt: skip
            conn.execute(schema.field_state.insert().values(
                table_name=table, row_id=row_id, field=field, value=value, hlc=hlc,
                device_id="e" * 32,
            ))  # fmt: skip
    _inject(office, poison + good)
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    fresh = Laptop(tmp_path / "fresh", office, "lena", FakeClock(datetime.now(UTC)))
    try:
        pages = []
        real_pull = Transport.pull

        def pull(self, *args):
            pages.append(real_pull(self, *args))
            return pages[-1]

        monkeypatch.setattr(Transport, "pull", pull)
        report = fresh.sync()
        assert pages[0].rows and not pages[0].changes  # the rows form
        assert report.quarantined == len(poison)
        assert fresh.services.clients.get(client.id).phone == "0711 99"
        assert [n.text for n in fresh.services.cases.notes(case.id)] == ["Anruf"]
        quarantined = {(q.table, q.field) for q in fresh.services.inbox.quarantined_values()}
        assert quarantined == {(t, f) for t, _r, f, _v, _h in poison}
    finally:
        fresh.close()
