"""Retention at the office and on every laptop, with the real office app on SQLite and
PostgreSQL: a case closed longer ago than the rule allows is listed, deleted at the office
and then on the laptops that held it, with every trace of its content (searched for as a
canary string in every file, encrypted ones decrypted page by page, and in every office
table); what stays is a content-free deletion record and the counted facts, so the outcome
report of past periods does not change; a laptop that was offline cannot bring it back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import ClosingReason, ContactKind
from caseworker_desktop.domain.errors import NotFoundError, PermissionDeniedError
from caseworker_desktop.office import keys as office_keys
from caseworker_desktop.office import schema
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.office.reports import district_report
from caseworker_desktop.services import NewClient
from tests.canary import files_holding
from tests.helpers import forged_writes
from tests.inprocess import Laptop

CANARY = "Zwitscherkanarie"
OTHER = "Bleibtdaheim"  # a client whose case is not due: untouched


@pytest.fixture
def laptops(tmp_path, inprocess_office):
    made = {
        name: Laptop(tmp_path / "profiles", inprocess_office, name, FakeClock(datetime.now(UTC)))
        for name in ("anna", "lena")
    }
    yield made
    for laptop in made.values():
        laptop.close()


def _register(services, last: str, opened: date):
    municipality = services.clients.municipalities()[0]
    client, case = services.clients.register(
        NewClient(first_name="Mira", last_name=last, municipality_id=municipality.id,
                  birth_date=date(1990, 1, 1), data_processing_consent_on=opened),
        opened_on=opened,
    )  # fmt: skip
    return client, case


def _office_holds(url: str, needle: str) -> list[str]:
    """Office tables with a text value that holds `needle` (every text column)."""
    engine = sa.create_engine(url) if not url.startswith("sqlite") else None
    if engine is None:
        return []
    found = []
    with engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            for column in table.c:
                if isinstance(column.type, sa.Text | sa.String):
                    hit = conn.execute(
                        sa.select(sa.func.count()).where(column.contains(needle))
                    ).scalar()
                    if hit:
                        found.append(f"{table.name}.{column.name}")
    engine.dispose()
    return found


def test_a_case_past_its_retention_period_goes_everywhere_and_leaves_no_trace(
    tmp_path, inprocess_office, laptops, db_url, log_dir, capsys
):
    anna, lena = laptops["anna"], laptops["lena"]
    client, case = _register(anna.services, CANARY, date(2019, 3, 1))
    anna.services.clients.update(client.id, notes=f"Vermerk {CANARY}-Vermerk")
    anna.services.cases.add_note(
        case.id,
        kind=ContactKind.HOME_VISIT,
        text=f"Besuch {CANARY}-Notiz",
        contact_on=date(2020, 5, 4),
    )
    scan = tmp_path / "bescheid.pdf"  # its content (in chunks) goes with the case
    scan.write_bytes(b"%PDF-1.4\n" + f"Bescheid {CANARY}-Dokument\n".encode() * 50)
    anna.services.documents.attach(case.id, scan)
    scan.unlink()  # the scanner's file: not what this test searches
    anna.services.cases.close(case.id, ClosingReason.INDEPENDENT, closed_on=date(2021, 6, 30))
    kept_client, kept_case = _register(anna.services, OTHER, date(2025, 2, 1))
    assert anna.sync().documents_sent == 1
    assert lena.sync().documents_received == 1
    assert lena.services.clients.get(client.id).last_name == CANARY
    period = (date(2021, 1, 1), date(2021, 12, 31))
    before = district_report(inprocess_office, *period)

    assert office_main(["retention", "run", "--db", db_url, "--dry-run"]) == 0
    listed = capsys.readouterr().out
    assert f"Akte {case.reference}" in listed and "3 Jahre nach Abschluss am 30.06.2021" in listed
    assert kept_case.reference not in listed
    assert anna.services.clients.get(client.id)  # a dry run deletes nothing

    assert office_main(["retention", "run", "--db", db_url, "--apply"]) == 0
    assert "Gelöscht: 1" in capsys.readouterr().out
    assert anna.sync().purged > 0
    assert lena.sync().purged > 0
    for laptop in (anna, lena):
        with pytest.raises(NotFoundError):
            laptop.services.clients.get(client.id)
        with pytest.raises(NotFoundError):
            laptop.services.cases.get(case.id)
        assert laptop.services.clients.get(kept_client.id).last_name == OTHER

    # no trace: laptops (case files, WAL, backups, logs) and the office
    keys = [bytes(anna.file._dek), bytes(lena.file._dek)]
    roots = [tmp_path / "profiles", log_dir]
    url_keys = office_keys.obtain(db_url)
    if db_url.startswith("sqlite"):
        roots.append(office_keys.sqlite_path(db_url).parent)
        keys.append(url_keys.database)
    assert files_holding(roots, CANARY, keys) == []
    assert files_holding(roots, OTHER, keys) != []  # the search does find what is there
    assert _office_holds(db_url, CANARY) == []
    with inprocess_office.engine.connect() as conn:
        for table in (schema.document_blobs, schema.document_chunks, schema.document_content):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0

    # what stays: the deletion record (no content) and the counted facts
    with inprocess_office.engine.connect() as conn:
        (record,) = conn.execute(sa.select(schema.deletions)).all()
        purged = conn.execute(
            sa.select(schema.purged_rows.c.table_name).where(schema.purged_rows.c.row_id == case.id)
        ).scalar()
    assert (record.kind, record.case_id, purged) == ("case", case.id, "case_file")
    assert "30.06.2021" in record.rule and record.rows >= 4
    after = district_report(inprocess_office, *period)
    assert after.total.figures == before.total.figures
    assert after.total.figures["closed"] == 1 and after.total.figures["independent"] == 1


def test_a_laptop_offline_during_the_deletion_cannot_bring_the_case_back(
    tmp_path, inprocess_office, laptops, db_url
):
    anna = laptops["anna"]
    client, case = _register(anna.services, CANARY, date(2019, 3, 1))
    anna.services.cases.close(case.id, ClosingReason.MOVED_AWAY, closed_on=date(2021, 6, 30))
    anna.sync()
    # offline: anna reopens the old case and writes a note, then the office deletes it
    anna.services.cases.reopen(case.id)
    anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text=f"{CANARY} spät")
    assert office_main(["retention", "run", "--db", db_url, "--apply"]) == 0
    report = anna.sync()  # push first: refused; then the purge removes it here too
    assert report.rejected > 0 and report.purged > 0
    with pytest.raises(NotFoundError):
        anna.services.cases.get(case.id)
    assert anna.unsent() == 0
    with inprocess_office.engine.connect() as conn:
        rows = conn.execute(
            sa.select(sa.func.count())
            .select_from(schema.field_state)
            .where(schema.field_state.c.row_id.in_([case.id, client.id]))
        ).scalar()
        values = [v for (v,) in conn.execute(sa.select(schema.changes.c.value))]
    assert rows == 0
    assert not any(CANARY in v for v in values)
    # the refusals said why, and went with the rows: nothing of the case is left here
    assert anna.services.inbox.refused_changes() == []
    assert files_holding([tmp_path / "profiles" / "anna"], CANARY, [bytes(anna.file._dek)]) == []


def test_retention_rules_are_office_configuration(inprocess_office, db_url, capsys):
    assert office_main(["retention", "show", "--db", db_url]) == 0
    assert "Akten 3 Jahre nach Abschluss" in capsys.readouterr().out
    assert office_main(["retention", "set", "--db", db_url, "--case-years", "10"]) == 0
    assert "Akten 10 Jahre nach Abschluss" in capsys.readouterr().out
    assert office_main(["retention", "set", "--db", db_url, "--trauma-years", "0"]) == 2
    assert "1 bis 30 Jahre" in capsys.readouterr().err
    assert m.Case  # the model is imported for the readers of this test


def test_erasure_on_request_needs_the_team_leads_confirmation(
    tmp_path, inprocess_office, laptops, db_url, capsys
):
    anna, lena = laptops["anna"], laptops["lena"]
    client, case = _register(anna.services, CANARY, date(2025, 3, 1))  # open, recent
    anna.services.cases.request_erasure(case.id, date.today())
    with pytest.raises(PermissionDeniedError):  # a caseworker cannot confirm it
        anna.services.cases.confirm_erasure(case.id)
    with forged_writes(), anna.services.ctx.transaction() as tx:  # nor forge the lead's
        tx.update(m.Case, case.id, erasure_confirmed_by=lena.services.user.id)
    assert anna.sync().rejected == 1
    lena.sync()
    assert office_main(["retention", "run", "--db", db_url, "--dry-run"]) == 0
    assert case.reference not in capsys.readouterr().out  # requested, not confirmed

    lena.services.cases.confirm_erasure(case.id)  # a team lead without the stand-in grant
    lena.sync()
    assert office_main(["retention", "run", "--db", db_url, "--dry-run"]) == 0
    listed = capsys.readouterr().out
    assert f"Akte {case.reference}" in listed
    assert "Löschung auf Antrag (Art. 17 DSGVO)" in listed and "Lena Hoffmann" in listed
    assert office_main(["retention", "run", "--db", db_url, "--apply"]) == 0
    anna.sync()
    lena.sync()
    for laptop in (anna, lena):
        with pytest.raises(NotFoundError):
            laptop.services.clients.get(client.id)
    keys = [bytes(anna.file._dek), bytes(lena.file._dek)]
    assert files_holding([tmp_path / "profiles"], CANARY, keys) == []


def test_laptops_learn_the_rules_and_a_closed_case_says_when_it_goes(
    inprocess_office, laptops, db_url
):
    anna = laptops["anna"]
    _client, case = _register(anna.services, OTHER, date(2024, 1, 10))
    anna.services.cases.close(case.id, ClosingReason.INDEPENDENT, closed_on=date(2025, 3, 31))
    assert anna.services.client_file(case.id).deleted_on is None  # no rules known yet
    assert office_main(["retention", "set", "--db", db_url, "--case-years", "5"]) == 0
    anna.sync()
    assert anna.services.client_file(case.id).deleted_on == date(2030, 3, 31)
    anna.services.cases.reopen(case.id)
    assert anna.services.client_file(case.id).deleted_on is None  # open: not due
