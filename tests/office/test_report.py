"""The district's outcome report from the office database (SQLite and PostgreSQL): the hand-
counted fixture of tests/unit/test_reports.py, pushed by two caseworkers of two teams,
gives the same figures at the office; a team report sees only that team's cases; the CLI
writes aggregates only."""

from __future__ import annotations

import csv
import dataclasses
import json
from datetime import date

import pytest

from caseworker_desktop.domain import district
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.codec import encode_value
from caseworker_desktop.office.cli import EXIT_USER_ERROR, main
from caseworker_desktop.office.reports import district_report
from tests.office.conftest import new_id
from tests.unit.test_reports import PLACES, Q1, _fixture

CLIENT_NAMES = ("Amal", "Bilal", "Chiara", "Dawit", "Elif", "Farid", "Galyna")


@pytest.fixture
def pushed(office):
    """The fixture's records, written by anna (Team Nord) and ben (Team Süd)."""
    office.user("anna", team="Team Nord")
    office.user("ben", team="Team Süd")
    laptops = {"anna": office.laptop("anna"), "ben": office.laptop("ben")}
    data = _fixture()
    ids: dict[str, str] = {}
    muni = {key: district.stable_id("municipality", name) for key, name in PLACES.items()}
    users = {name: laptop.user["id"] for name, laptop in laptops.items()}

    def hex_id(value: str) -> str:
        return ids.setdefault(value, new_id())

    def fields(record: m.Record) -> dict:
        out = {}
        for f in dataclasses.fields(record):
            if f.name in ("id", "updated_hlc"):
                continue
            value = getattr(record, f.name)
            if f.name in ("client_id", "household_id", "case_id") and value is not None:
                value = hex_id(value)
            elif f.name == "municipality_id":
                value = muni[value]
            elif f.name == "caseworker_id":
                value = users[value]
            out[f.name] = json.loads(encode_value(value))
        return out

    for case in data.cases:
        laptop = laptops[case.caseworker_id]
        client = data.clients[case.client_id]
        changes = []
        if client.household_id:
            household = data.households[client.household_id]
            changes += laptop.write("household", hex_id(household.id), **fields(household))
        changes += laptop.write("client", hex_id(client.id), **fields(client))
        changes += laptop.write("case_file", hex_id(case.id), **fields(case))
        for referral in data.course_referrals:
            if referral.case_id == case.id:
                changes += laptop.write("course_referral", hex_id(referral.id), **fields(referral))
        result = laptop.push(changes)
        assert result["rejected"] == [], result
    return office


def test_the_office_report_equals_the_hand_counted_figures(pushed):
    report = district_report(pushed.store, *Q1, with_names=True)
    expected = {
        "Ludwigsburg": [1, 1, 1, 1, 1, 1, 1, 0, 1],
        "Kornwestheim": [1, 1, 0, 0, 0, 0, 0, 1, 0],
        "Bietigheim-Bissingen": [0] * 9,
        "ohne Kommune": [0, 0, 1, 0, 0, 1, 0, 0, 0],
    }
    assert {row.name: list(row.figures.values()) for row in report.rows} == expected
    assert list(report.total.figures.values()) == [2, 2, 2, 1, 1, 2, 1, 1, 1]
    assert report.levels["B1"] == 1 and report.levels["ohne Angabe"] == 1
    assert {w.caseworker: w.figures["open_at_end"] for w in report.caseload} == {
        "Anna": 1,
        "Ben": 1,
    }


def test_a_team_report_counts_only_that_teams_cases(pushed):
    nord = district_report(pushed.store, *Q1, team="Team Nord")
    assert [row.name for row in nord.rows] == ["Bietigheim-Bissingen", "Ludwigsburg"]
    assert nord.total.figures["open_at_end"] == 1  # c1 (anna's c2 closed, c5 later)
    assert len(nord.caseload) == 1


def test_the_cli_writes_aggregates_without_names_and_refuses_unknown_places(
    pushed, db_url, tmp_path, capsys
):
    out = tmp_path / "bericht.csv"
    period = ["--from", "01.01.2026", "--to", "31.03.2026"]
    code = main(["report", "--db", db_url, *period, "--csv", str(out)])
    assert code == 0, capsys.readouterr()
    text = out.read_text(encoding="utf-8-sig")
    assert not any(name in text for name in CLIENT_NAMES)
    assert "Anna" not in text and "Fachkraft 1" in text
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert next(r for r in rows if r and r[0] == "Gesamt")[1:] == ["< 3"] * 9  # small: hidden
    assert "Ergebnisbericht 01.01.2026–31.03.2026" in capsys.readouterr().out
    exact = tmp_path / "genau.csv"
    code = main(["report", "--db", db_url, *period, "--csv", str(exact), "--min-count", "0"])
    assert code == 0
    rows = list(csv.reader(exact.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert next(r for r in rows if r and r[0] == "Gesamt")[1:] == [
        "2", "2", "2", "1", "1", "2", "1", "1", "1"
    ]  # fmt: skip
    capsys.readouterr()

    elsewhere = ["--municipality", "Atlantis", "--csv", str(tmp_path / "x.csv")]
    code = main(["report", "--db", db_url, *period, *elsewhere])
    assert code == EXIT_USER_ERROR
    assert "Atlantis" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_a_period_outside_all_cases_gives_zeros(pushed):
    report = district_report(pushed.store, date(2030, 1, 1), date(2030, 12, 31))
    assert report.total.figures["opened"] == 0
    assert report.total.figures["open_at_end"] == 3  # c1, c4, c5 still open
