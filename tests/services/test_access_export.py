"""The right of access (Art. 15) on the laptop: every stored field of the person's records
in the JSON, a readable PDF, the audit entries and recipients; trauma content only when
chosen, audited; from the command line too."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from caseworker_desktop.cli import main
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    AuditAction,
    ConsentKind,
    ConsentRecipient,
    ContactKind,
    CourseType,
    LanguageLevel,
    LifeArea,
)
from caseworker_desktop.domain.errors import NotFoundError
from caseworker_desktop.storage import audit
from tests.conftest import PASSPHRASE
from tests.helpers import RELEASE, new_client
from tests.printing.pdf_tools import plain_text


@pytest.fixture
def person(services):
    client, case = new_client(services, "Olena", "Kovalenko", phone="0176 1111")
    services.clients.update(client.id, notes="Arbeitet gern mit Kindern.")
    services.clients.record_consent(
        client.id, ConsentKind.CONFIDENTIALITY_RELEASE, date(2026, 2, 1),
        recipient=ConsentRecipient.JOBCENTER, valid_until=date(2027, 2, 1),
    )  # fmt: skip
    plan = services.plans.create(case.id, date(2026, 1, 5), date(2026, 12, 31), date(2026, 6, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Eigene Wohnung finden")
    services.referrals.refer_to_course(
        case.id, course_type=CourseType.INTEGRATION_COURSE, target_level=LanguageLevel.B1
    )
    services.cases.add_note(
        case.id, kind=ContactKind.HOME_VISIT, text="Hausbesuch mit Dolmetscherin"
    )
    note = services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Vertippt")
    services.cases.delete_note(note.id)
    trauma = services.referrals.request_trauma_consultation(
        case.id, release=RELEASE, reason="Schlafstörungen seit der Flucht"
    )
    return client, case, trauma


def _load(result) -> dict:
    return json.loads(result.json_path.read_text(encoding="utf-8"))


def test_everything_stored_about_the_person(services, person, tmp_path):
    client, case, _trauma = person
    result = services.access.export(case.reference, tmp_path)
    doc = _load(result)
    sections = doc["abschnitte"]
    assert sections["person"][0]["last_name"] == "Kovalenko"
    assert sections["person"][0]["notes"] == "Arbeitet gern mit Kindern."
    assert sections["cases"][0]["reference"] == case.reference
    assert sections["help_plan_entries"][0]["goal"] == "Eigene Wohnung finden"
    assert sections["course_referrals"][0]["target_level"] == "B1"
    notes = {n["text"]: n["deleted"] for n in sections["contact_notes"]}
    assert notes == {"Hausbesuch mit Dolmetscherin": False, "Vertippt": True}  # deleted too
    assert "trauma_referrals" not in sections and "Schlafstörungen" not in json.dumps(doc)
    assert doc["traumasprechstunde_enthalten"] is False
    # every stored field of every record: the model's fields (but the clock stamp)
    fields = {f.name for f in dataclasses.fields(m.Client)} - {"updated_hlc"}
    assert set(sections["person"][0]) == fields
    recipients = [r["empfaenger"] for r in sections["recipients"]]
    assert "Jobcenter" in recipients[0] and "Landratsamt" in recipients[-1]
    actions = {(h["tabelle"], h["aktion"]) for h in sections["history"]}
    assert ("client", "create") in actions and ("contact_note", "delete") in actions
    assert all(h["person"] for h in sections["history"])

    text = plain_text(result.pdf_path)
    expected = (
        "Auskunft über Ihre gespeicherten Daten", "Persönliche Angaben", "Kovalenko",
        "Eigene Wohnung finden", "Hausbesuch mit Dolmetscherin", "Jobcenter",
        "Wer hat was gesehen oder geändert", "Integrationskurs",
    )  # fmt: skip
    for item in expected:
        assert item in text, item
    assert "Schlafstörungen" not in text
    assert "Angaben zur Traumasprechstunde und ärztliche Unterlagen sind nicht enthalten" in text
    with services.ctx.read() as conn:
        (event,) = [e for e in audit.audit_events(conn) if e.action is AuditAction.EXPORT]
    assert (event.entity, event.entity_id) == ("client", client.id)
    assert "trauma=no" in event.detail
    assert result.json_path.stat().st_mode & 0o777 == 0o600


def test_trauma_content_only_when_chosen_and_then_audited(services, person, tmp_path):
    _client, case, trauma = person
    result = services.access.export(case.reference, tmp_path, include_trauma=True)
    doc = _load(result)
    assert doc["abschnitte"]["trauma_referrals"][0]["reason"] == "Schlafstörungen seit der Flucht"
    assert "Schlafstörungen seit der Flucht" in plain_text(result.pdf_path)
    with services.ctx.read() as conn:
        views = [e for e in audit.audit_events(conn, "trauma_referral", trauma.id)
                 if e.action is AuditAction.VIEW]  # fmt: skip
    assert views and views[-1].detail == "access_export"


def test_headings_in_the_persons_language(services, tmp_path):
    _client, case = new_client(services, "Олена", "Коваленко", languages="uk")
    result = services.access.export(case.reference, tmp_path)
    text = plain_text(result.pdf_path)
    assert "Олена" in text
    assert "Інформація про ваші збережені дані" in text  # the title in Ukrainian


def test_unknown_person_and_missing_folder(services, tmp_path):
    with pytest.raises(NotFoundError, match="Keine Klient:in „IM-0“"):
        services.access.export("IM-0", tmp_path)
    with pytest.raises(Exception, match="Zielordner fehlt"):
        services.access.export("IM-0", tmp_path / "fehlt")


def test_from_the_command_line(services, person, tmp_path, data_dir, monkeypatch, capsys):
    _client, case, _trauma = person
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    services.ctx.case_file.lock()
    out = tmp_path / "auskunft"
    out.mkdir()
    code = main(["export-client", "--data-dir", str(data_dir), "--client", case.reference,
                 "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr()
    assert "Auskunft erstellt" in capsys.readouterr().out
    assert sorted(p.suffix for p in out.iterdir()) == [".json", ".pdf"]


def test_a_failed_export_leaves_no_file_and_no_audit_entry(services, person, tmp_path, monkeypatch):
    from caseworker_desktop.services import access_export

    _client, case, _trauma = person
    real = access_export.write_atomic

    def full_disk(path, data):
        if path.suffix == ".pdf":
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(access_export, "write_atomic", full_disk)
    with pytest.raises(OSError):
        services.access.export(case.reference, tmp_path)
    assert list(tmp_path.glob("auskunft-*")) == []
    with services.ctx.read() as conn:
        assert not [e for e in audit.audit_events(conn) if e.action is AuditAction.EXPORT]
