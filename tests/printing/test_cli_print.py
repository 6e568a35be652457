"""`caseworker print-plan` as an admin or a script uses it."""

from __future__ import annotations

import pytest

from caseworker_desktop.cli import main
from caseworker_desktop.domain.enums import AuditAction
from caseworker_desktop.printing import text
from caseworker_desktop.services import Services
from caseworker_desktop.storage import audit
from caseworker_desktop.storage.casefile import CaseFile
from tests.conftest import PASSPHRASE
from tests.helpers import new_client
from tests.printing.conftest import make_plan_case
from tests.printing.pdf_tools import drawn_text, plain_text


@pytest.fixture
def profile(tmp_path, monkeypatch):
    """A case file with one case with a plan and one without; returns (dir, refs)."""
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    data_dir = tmp_path / "p"
    assert main(["init", "--data-dir", str(data_dir), "--user", "amueller"]) == 0
    case_file = CaseFile.open(data_dir, PASSPHRASE)
    try:
        services = Services(case_file)
        with_plan = make_plan_case(services, "Олена", "Коваленко").case
        _, without_plan = new_client(services, "Ahmad", "Rahimi")
    finally:
        case_file.lock()
    return data_dir, with_plan, without_plan


def print_plan(data_dir, case, out, *extra) -> int:
    args = ["print-plan", "--data-dir", str(data_dir), "--case", case, "--out", str(out)]
    return main([*args, *extra])


def print_events(data_dir):
    case_file = CaseFile.open(data_dir, PASSPHRASE)
    try:
        with case_file.engine.connect() as conn:
            return [e for e in audit.audit_events(conn) if e.action is AuditAction.PRINT]
    finally:
        case_file.lock()


def test_print_plan_by_reference_and_by_id(profile, tmp_path, capsys):
    data_dir, case, _ = profile
    out = tmp_path / "hilfeplan.pdf"
    assert print_plan(data_dir, case.reference, out, "--lang", "uk") == 0
    assert f"Hilfeplan gedruckt: {out}" in capsys.readouterr().out
    content = plain_text(out)
    assert "Олена Коваленко" in content and "Цілі та заходи" in content
    assert "Eigene Wohnung finden" in content

    dashed = f"{case.id[:8]}-{case.id[8:12]}-{case.id[12:16]}-{case.id[16:20]}-{case.id[20:]}"
    for key in (case.id, dashed):
        assert print_plan(data_dir, key, out, "--lang", "ar", "--include-trauma") == 0
        assert text.display_lines("الأهداف والإجراءات", 9)[0] in drawn_text(out)
    details = [e.detail for e in print_events(data_dir)]
    assert (
        details
        == ["help_plan lang=uk trauma=no to=file"] + ["help_plan lang=ar trauma=yes to=file"] * 2
    )


@pytest.mark.parametrize(
    ("case_key", "extra", "message"),
    [
        ("IM-2026-09999", (), "Kein Fall mit der ID oder dem Aktenzeichen „IM-2026-09999“"),
        ("without-plan", (), "noch keinen Hilfeplan"),
        ("with-plan", ("--lang", "zz"), "Sprache „zz“ wird für den Druck nicht unterstützt"),
    ],
)
def test_print_plan_errors(profile, tmp_path, capsys, case_key, extra, message):
    data_dir, with_plan, without_plan = profile
    key = {"with-plan": with_plan.reference, "without-plan": without_plan.reference}.get(
        case_key, case_key
    )
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    out.write_bytes(b"older printout")
    assert print_plan(data_dir, key, out, *extra) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert out.read_bytes() == b"older printout"  # untouched, no temp file left
    assert [p.name for p in out.parent.iterdir()] == ["plan.pdf"]
    assert print_events(data_dir) == []


def test_print_plan_into_a_missing_folder(profile, tmp_path, capsys):
    data_dir, case, _ = profile
    assert print_plan(data_dir, case.reference, tmp_path / "nope" / "plan.pdf") == 2
    assert "Zielordner für das PDF fehlt" in capsys.readouterr().err


def test_unsupported_language_is_refused_before_the_passphrase(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)  # no passphrase available
    assert print_plan(tmp_path, "IM-2026-00001", tmp_path / "x.pdf", "--lang", "klingon") == 2
    assert "Möglich: ar, en, fa, fr, kmr, ps, ru, so, ti, tr, uk" in capsys.readouterr().err


def test_cases_lists_the_caseload_for_scripts(profile, capsys):
    """`caseworker cases`: a table, CSV for spreadsheets, JSON for scripts; --overdue."""
    import csv
    import io
    import json

    data_dir, with_plan, without_plan = profile
    assert main(["cases", "--data-dir", str(data_dir)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["Aktenzeichen", "Name", "Kommune", "Status", "Nächste",
                                "Fortschreibung"]  # fmt: skip
    assert any(without_plan.reference in line and "Rahimi, Ahmad" in line for line in table)
    assert table[-1] == "2 Fälle"

    assert main(["cases", "--data-dir", str(data_dir), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows[0][0] == "Aktenzeichen" and len(rows) == 3
    assert {r[0] for r in rows[1:]} == {with_plan.reference, without_plan.reference}
    assert {r[3] for r in rows[1:]} == {"Offen"}

    assert main(["cases", "--data-dir", str(data_dir), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    review = {r["aktenzeichen"]: r["naechste_fortschreibung"] for r in records}
    assert review == {with_plan.reference: "2027-02-01", without_plan.reference: ""}

    assert main(["cases", "--data-dir", str(data_dir), "--overdue", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the review of 01.02.2027 is ahead


def test_cases_help_and_a_wrong_format_are_german(capsys):
    with pytest.raises(SystemExit):
        main(["cases", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: caseworker cases") and "Optionen:" in out
    with pytest.raises(SystemExit):
        main(["cases", "--data-dir", "x", "--format", "xml"])
    err = capsys.readouterr().err
    assert "ungültige Wahl" in err and "usage" not in err
