"""Who received what, and the right of access at the office, with the real office app on
SQLite and PostgreSQL: every push and pull is recorded per device and case (no content),
`caseworker-office access-log` shows it, and `caseworker-office export-client` gives the
person everything the office holds, the devices that received it among the recipients,
trauma content only on request (opened from its seal for the export)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import (
    ConsentKind,
    ConsentRecipient,
    ContactKind,
    DocumentKind,
)
from caseworker_desktop.office.cli import main as office_main
from tests.helpers import RELEASE, new_client
from tests.inprocess import Laptop
from tests.printing.pdf_tools import plain_text


@pytest.fixture
def laptops(tmp_path, inprocess_office):
    made = {
        name: Laptop(tmp_path / "profiles", inprocess_office, name, FakeClock(datetime.now(UTC)))
        for name in ("anna", "lena", "ben")
    }
    yield made
    for laptop in made.values():
        laptop.close()


def test_the_access_log_and_the_offices_access_export(tmp_path, laptops, db_url, capsys):
    anna, lena, ben = laptops["anna"], laptops["lena"], laptops["ben"]
    client, case = new_client(anna.services, "Olena", "Kovalenko")
    anna.services.clients.record_consent(
        client.id, ConsentKind.CONFIDENTIALITY_RELEASE, date(2026, 2, 1),
        recipient=ConsentRecipient.IMMIGRATION_OFFICE,
    )  # fmt: skip
    anna.services.cases.add_note(case.id, kind=ContactKind.HOME_VISIT, text="Besuch im Wohnheim")
    anna.services.referrals.request_trauma_consultation(
        case.id, release=RELEASE, reason="Albträume seit der Flucht"
    )
    anna.services.documents.attach_content(case.id, "titel.pdf", b"%PDF-1.4 Aufenthaltstitel")
    anna.services.documents.attach_content(
        case.id, "arztbrief.pdf", b"%PDF-1.4 Befund", kind=DocumentKind.MEDICAL
    )
    anna.sync()
    lena.sync()
    ben.sync()  # another team member's laptop: receives nothing of anna's case

    assert office_main(["access-log", "--db", db_url, "--case", case.reference]) == 0
    log = capsys.readouterr().out
    assert "Anna Müller (anna)  gesendet an das Landratsamt" in log
    assert "Lena Hoffmann (lena)  empfangen" in log
    assert "Ben Roth" not in log and "Olena" not in log and "Wohnheim" not in log

    out = tmp_path / "auskunft"
    out.mkdir()
    assert office_main(["export-client", "--db", db_url, "--client", case.reference,
                        "--out", str(out)]) == 0  # fmt: skip
    capsys.readouterr()
    (json_path,) = out.glob("*.json")
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    sections = doc["abschnitte"]
    assert sections["person"][0]["last_name"] == "Kovalenko"
    assert [n["text"] for n in sections["contact_notes"]] == ["Besuch im Wohnheim"]
    assert "trauma_referrals" not in sections and "Albträume" not in json_path.read_text()
    recipients = " ".join(r["empfaenger"] for r in sections["recipients"])
    assert "Ausländerbehörde" in recipients and "Lena Hoffmann (lena)" in recipients
    assert "Ben Roth" not in recipients
    assert {h["person"] for h in sections["history"]} >= {"Anna Müller"}
    (pdf,) = out.glob("*.pdf")
    assert "Besuch im Wohnheim" in plain_text(pdf)
    assert [d["title"] for d in sections["documents"]] == ["titel.pdf"]  # not the doctor's
    (copies,) = out.glob("*-dokumente")
    assert [(f.name, f.read_bytes()) for f in copies.iterdir()] == [
        ("01-titel.pdf", b"%PDF-1.4 Aufenthaltstitel")
    ]

    trauma_out = tmp_path / "mit-trauma"
    trauma_out.mkdir()
    assert office_main(["export-client", "--db", db_url, "--client", case.reference,
                        "--out", str(trauma_out), "--include-trauma"]) == 0  # fmt: skip
    (json_path,) = trauma_out.glob("*.json")
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    assert doc["abschnitte"]["trauma_referrals"][0]["reason"] == "Albträume seit der Flucht"
    assert len(doc["abschnitte"]["documents"]) == 2
    capsys.readouterr()


def test_unknown_people_and_cases_are_said(laptops, db_url, tmp_path, capsys):
    assert office_main(["access-log", "--db", db_url, "--case", "IM-0"]) == 2
    assert "Keine Akte „IM-0“" in capsys.readouterr().err
    assert office_main(["export-client", "--db", db_url, "--client", "IM-0",
                        "--out", str(tmp_path)]) == 2  # fmt: skip
    assert "Keine Klient:in „IM-0“" in capsys.readouterr().err


def test_the_record_of_processing_comes_from_the_configuration(laptops, db_url, tmp_path, capsys):
    assert office_main(["retention", "set", "--db", db_url, "--case-years", "5"]) == 0
    out = tmp_path / "verzeichnis"
    assert office_main(["processing-record", "--db", db_url, "--out", str(out)]) == 0
    text = (tmp_path / "verzeichnis.md").read_text(encoding="utf-8")
    assert "Akten 5 Jahre nach Abschluss" in text  # the office's rule, not a fixed text
    assert "Teamleitungen (1)" in text and "Integrationsmanager:innen (Fachkräfte) (2)" in text
    assert "Traumasprechstunde – Gesundheitsdaten (Art. 9 DSGVO)" in text
    assert "3 angemeldete Laptops" in text
    pdf_text = plain_text(tmp_path / "verzeichnis.pdf")
    assert "Verzeichnis von Verarbeitungstätigkeiten" in pdf_text and "5 Jahre" in pdf_text
    capsys.readouterr()
