"""Importing an existing caseload from the district's list (#17 part 4): Excel with a merged
title, German CSV, TSV; umlauts, ß, Arabic and Cyrillic names; empty lines; a German report
per rejected row; duplicates in the file and on file; all or nothing."""

from __future__ import annotations

import time
from datetime import date

import pytest
import sqlalchemy as sa

from caseworker_desktop.cli import main as cli
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import CaseStatus, HouseholdRelation, ResidenceStatus
from caseworker_desktop.domain.errors import ValidationError
from caseworker_desktop.services.importer import ListUnreadable
from caseworker_desktop.storage.orm import change_log
from tests.conftest import PASSPHRASE
from tests.fixtures.import_lists import PEOPLE, excel_list, german_csv, many_people, tsv


def _clients(services) -> dict[str, m.Client]:
    with services.ctx.transaction() as tx:
        return {f"{c.last_name}, {c.first_name}": c for c in tx.find(m.Client)}


def test_an_excel_list_with_a_title_becomes_clients_households_and_cases(services, tmp_path):
    plan = services.imports.plan(excel_list(tmp_path / "liste.xlsx"))
    assert [r.line for r in plan.rows] == [4, 5, 7, 8, 9]  # as Excel numbers them
    assert plan.ignored == ["Bemerkung"]
    assert not plan.rejected and len(plan.new_rows) == 5
    result = services.imports.run(plan)
    assert (result.clients, result.households, result.duplicates) == (5, 4, 0)
    clients = _clients(services)
    amir, soraya = clients["Haidari, Amir"], clients["Haidari, Soraya"]
    assert amir.household_id == soraya.household_id  # "Haushalt" H1
    assert (amir.relationship, soraya.relationship) == (
        HouseholdRelation.REFERENCE_PERSON, HouseholdRelation.SPOUSE)  # fmt: skip
    assert (amir.birth_date, soraya.birth_date) == (date(1988, 4, 12), date(1990, 7, 3))
    assert (amir.nationality, amir.languages) == ("AFG", "prs,ps")
    assert amir.residence_status is ResidenceStatus.ASYLUM_PENDING
    assert services.clients.household(amir.household_id).moved_in_on == date(2024, 3, 1)
    juergen = clients["Weißmüller-Öztürk, Jürgen"]
    assert (juergen.nationality, juergen.languages) == ("TUR", "tr,de")
    assert juergen.residence_status is ResidenceStatus.SETTLEMENT_PERMIT
    arabic, cyrillic = clients["الأحمد, محمد"], clients["Коваленко, Олена"]
    assert (arabic.nationality, arabic.residence_status) == (
        "SYR",
        ResidenceStatus.RECOGNISED_REFUGEE,
    )
    assert cyrillic.residence_status is ResidenceStatus.TEMPORARY_PROTECTION
    cases = services.cases.caseload()
    assert len(cases) == 5 and {c.status for c in cases} == {CaseStatus.OPEN}
    with services.ctx.read() as conn:  # written like any entry: logged for sync
        logged = conn.execute(
            sa.select(sa.func.count()).select_from(change_log)
            .where(change_log.c.table_name == "client")
        ).scalar()  # fmt: skip
    assert logged >= 5 * 5


@pytest.mark.parametrize("kind", ["csv-cp1252", "csv-utf8", "tsv"])
def test_csv_and_tsv_as_german_spreadsheets_write_them(services, tmp_path, kind):
    if kind == "csv-cp1252":  # Windows-1252 has no Arabic or Cyrillic letters
        path = german_csv(tmp_path / "liste.csv", PEOPLE[:3])
    elif kind == "csv-utf8":
        path = german_csv(tmp_path / "liste.csv", PEOPLE, "utf-8-sig")
    else:
        path = tsv(tmp_path / "liste.tsv", PEOPLE)
    plan = services.imports.plan(path)
    assert not plan.rejected, plan.report()
    services.imports.run(plan)
    clients = _clients(services)
    assert clients["Weißmüller-Öztürk, Jürgen"].birth_date == date(1979, 11, 30)
    assert clients["Haidari, Amir"].languages == "prs,ps"  # "Dari, Paschtu" in one cell


def test_rejected_rows_are_named_in_german_and_nothing_is_written(services, tmp_path):
    people = [list(p) for p in PEOPLE]
    people[0][2] = "31.02.1988"
    people[2][5] = "marsianisch"
    people[3][3] = "Atlantis"
    people[4][1] = ""
    plan = services.imports.plan(excel_list(tmp_path / "liste.xlsx", people))
    report = plan.report()
    assert "Zeile 4: Geburtsdatum „31.02.1988“ gibt es nicht." in report
    assert "Zeile 7: Staatsangehörigkeit „marsianisch“ nicht erkannt" in report
    assert "Zeile 8: Kommune „Atlantis“ unbekannt" in report
    assert "Zeile 9: Vorname fehlt." in report
    assert "1 neu, 0 Dubletten, 4 fehlerhaft, 5 Zeilen gelesen." in report
    with pytest.raises(ValidationError):
        services.imports.run(plan)
    assert _clients(services) == {}


def test_relations_in_the_household(services, tmp_path):
    people = [list(p) for p in PEOPLE[:2]]
    people[1][11] = "Bezugsperson"  # a second one in household H1
    report = services.imports.plan(excel_list(tmp_path / "a.xlsx", people)).report()
    assert "Zeile 5: Zweite Bezugsperson im Haushalt „H1“ (die erste in Zeile 4)." in report
    people[0][11] = "Sohn"  # the reference person comes second
    services.imports.run(services.imports.plan(excel_list(tmp_path / "b.xlsx", people)))
    clients = _clients(services)
    assert clients["Haidari, Amir"].relationship is HouseholdRelation.CHILD
    assert clients["Haidari, Soraya"].relationship is HouseholdRelation.REFERENCE_PERSON
    people = [list(p) for p in PEOPLE[2:4]]
    people[0][9] = people[1][9] = "H7"
    people[1][11] = "Bezugsperson"  # the first row names no relation: not the reference
    services.imports.run(services.imports.plan(excel_list(tmp_path / "c.xlsx", people)))
    clients = _clients(services)
    assert clients["Weißmüller-Öztürk, Jürgen"].relationship is HouseholdRelation.UNKNOWN


def test_duplicates_in_the_file_and_on_file_are_left_out(services, tmp_path):
    services.imports.run(services.imports.plan(excel_list(tmp_path / "a.xlsx", PEOPLE[:2])))
    people = [*PEOPLE, ["Haydari", "Amir", "12.04.1988", "Ludwigsburg", "", "", "", "", "",
                        "", ""], ["Kowalenko", "Olena", "24.08.1983", "Tamm", "", "", "", "",
                                  "", "", ""]]  # fmt: skip
    plan = services.imports.plan(german_csv(tmp_path / "b.csv", people, "utf-8-sig"))
    states = {r.name: (r.state, r.duplicate_of) for r in plan.rows}
    assert states["Haidari, Amir"] == ("Dublette", "Haidari, Amir, geb. 12.04.1988")
    assert states["Haydari, Amir"][0] == "Dublette"  # spelling: on file
    assert states["Kowalenko, Olena"] == ("Dublette", "Zeile 7")  # Коваленко above it
    result = services.imports.run(plan)
    assert (result.clients, result.duplicates) == (3, 4)
    again = services.imports.plan(german_csv(tmp_path / "b.csv", people, "utf-8-sig"))
    assert again.new_rows == []  # the same list twice adds no one


def test_unreadable_files_get_a_clear_error(services, tmp_path):
    broken = tmp_path / "liste.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ListUnreadable, match="nicht lesbar"):
        services.imports.plan(broken)
    nothing = tmp_path / "liste.csv"
    nothing.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(ListUnreadable, match="Keine Überschriftenzeile"):
        services.imports.plan(nothing)
    pdf = tmp_path / "liste.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(ListUnreadable, match="wird nicht gelesen"):
        services.imports.plan(pdf)


def test_a_thousand_rows_import_in_seconds(services, tmp_path):
    path = german_csv(tmp_path / "gross.csv", many_people(1000), "utf-8-sig")
    started = time.perf_counter()
    plan = services.imports.plan(path)
    result = services.imports.run(plan)
    elapsed = time.perf_counter() - started
    assert result.clients == 1000 and not plan.rejected
    assert len(services.cases.caseload()) == 1000
    assert elapsed < 30  # generous for CI; bench/import_list.py prints the figure


def test_the_command_checks_then_imports_all_or_nothing(case_file, tmp_path, monkeypatch, capsys):
    case_file.lock()
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    data_dir = str(case_file.data_dir)
    bad = [list(p) for p in PEOPLE]
    bad[1][2] = "gestern"
    path = excel_list(tmp_path / "liste.xlsx", bad)
    assert cli(["import", "--data-dir", data_dir, "--file", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Zeile 5: Geburtsdatum „gestern“ ist kein Datum" in out and "Nichts importiert" in out
    path = excel_list(tmp_path / "liste.xlsx")
    assert cli(["import", "--data-dir", data_dir, "--file", str(path), "--dry-run"]) == 0
    assert "Probelauf" in capsys.readouterr().out
    assert cli(["import", "--data-dir", data_dir, "--file", str(path)]) == 0
    assert "5 Klient:innen in 4 Haushalten" in capsys.readouterr().out
    assert cli(["import", "--data-dir", data_dir, "--file", str(path)]) == 0
    assert "0 Klient:innen" in capsys.readouterr().out  # all duplicates now
    assert cli(["import", "--data-dir", data_dir, "--file", str(tmp_path / "fehlt.csv")]) == 2
    assert "Datei nicht gefunden" in capsys.readouterr().err


def test_a_new_member_joins_a_household_already_on_file(services, tmp_path):
    """The updated list of next month: the family is on file, a newborn is new."""
    services.imports.run(services.imports.plan(excel_list(tmp_path / "a.xlsx", PEOPLE[:1])))
    baby = ["Haidari", "Yasin", "02.11.2026", "Ludwigsburg", "Schillerstraße 4", "AFG", "",
            "Gestattung", "", "H1", "", "Sohn"]  # fmt: skip
    plan = services.imports.plan(excel_list(tmp_path / "b.xlsx", [PEOPLE[0], baby]))
    assert [r.state for r in plan.rows] == ["Dublette", "neu"]
    result = services.imports.run(plan)
    assert (result.clients, result.households) == (1, 0)
    clients = _clients(services)
    assert clients["Haidari, Yasin"].household_id == clients["Haidari, Amir"].household_id
    assert clients["Haidari, Yasin"].relationship is HouseholdRelation.CHILD
