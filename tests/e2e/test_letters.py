"""Letters (#17 part 3): templates added at the office with `caseworker-office template`,
received by the laptops when they sync, filled for a case and printed in German plus the
client's language for the fixed phrases; every letter is recorded in the case, and that
record reaches the other laptop. A raw client sees that the templates need a device."""

from __future__ import annotations

import subprocess
from datetime import date

import httpx
import pypdf
import pytest

from caseworker_desktop.domain.enums import ClosingReason, ContactKind
from caseworker_desktop.domain.errors import TransitionError, ValidationError
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import BIN, add_caseworker, enrolment_code, office
from tests.helpers import new_client, sync_once

INVITATION = """Sehr geehrte Frau {nachname},

wir laden Sie herzlich zu einem Gespräch ein: am {datum} um {uhrzeit} Uhr in {ort}.
Bitte bringen Sie Ihren Aufenthaltstitel mit.

Ihr Aktenzeichen: {aktenzeichen}"""


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_templates_from_the_office_letters_on_the_laptop(tmp_path, server):
    add_caseworker(server.db, "amueller")
    body = tmp_path / "einladung.txt"
    body.write_text(INVITATION, encoding="utf-8")
    out = office(server.db, "template add", "--name", "einladung", "--title",
                 "Einladung zum Gespräch am {datum}", "--file", str(body))  # fmt: skip
    assert "Vorlage „einladung“ angelegt" in out
    assert "einladung: Einladung zum Gespräch am {datum}" in office(server.db, "template list")
    bad = tmp_path / "falsch.txt"
    bad.write_text("Am {termin} bitte kommen.", encoding="utf-8")
    refused = subprocess.run(
        [str(BIN / "caseworker-office"), "template", "add", "--db", server.db, "--name", "x",
         "--title", "X", "--file", str(bad)], capture_output=True, text=True,
    )  # fmt: skip
    assert refused.returncode != 0 and "Unbekannte Platzhalter: {termin}" in refused.stderr
    anonymous = httpx.get(f"{server.url}/letter-templates",
                          headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)})  # fmt: skip
    assert anonymous.status_code == 401

    files = []
    for name in ("a", "b"):
        cf = CaseFile.create(tmp_path / name, username="amueller", passphrase=PASSPHRASE)
        SyncClient.enrol(cf, server.url, enrolment_code(server.db, "amueller"))
        files.append(cf)
    try:
        first = Services(files[0])
        assert first.letters.templates() == []  # before the first sync
        _client, case = new_client(first, first="Olena", last="Kovalenko")
        sync_once(files[0])
        assert [t.name for t in first.letters.templates()] == ["einladung"]
        with pytest.raises(ValidationError) as missing:
            first.letters.write(case.id, "einladung", tmp_path / "x.pdf", on=date(2026, 12, 3))
        assert set(missing.value.problems) == {"at", "place"}
        pdf = tmp_path / "brief.pdf"
        note = first.letters.write(case.id, "einladung", pdf, on=date(2026, 12, 3), at="10.30",
                                   place="Landratsamt, Raum 112", lang="uk")  # fmt: skip
        text = _text(pdf)
        assert "Einladung zum Gespräch am 03.12.2026" in text
        assert "Sehr geehrte Frau Kovalenko" in text
        assert "10:30 Uhr" in text and "Landratsamt, Raum 112" in text
        assert case.reference in text
        assert "Mit freundlichen Grüßen / З повагою" in text
        assert "Uhrzeit / Час" in text
        assert note.kind is ContactKind.LETTER
        assert "Einladung zum Gespräch am 03.12.2026" in note.text
        first.cases.close(case.id, ClosingReason.INDEPENDENT)
        with pytest.raises(TransitionError, match="abgeschlossen"):  # the rule, not a button
            first.letters.write(case.id, "einladung", tmp_path / "y.pdf", on=date(2026, 12, 3),
                                at="10:30", place="Raum 112")  # fmt: skip
        assert not (tmp_path / "y.pdf").exists()
        sync_once(files[0])
        sync_once(files[1])
        notes = Services(files[1]).cases.notes(case.id)
        assert [n.kind for n in notes] == [ContactKind.LETTER]
        assert office(server.db, "template remove", "--name", "einladung")
        sync_once(files[1])
        assert Services(files[1]).letters.templates() == []
    finally:
        for cf in files:
            cf.lock()
