"""Screenshots of the main screens, for docs/screenshots/ (run under Xvfb: make screenshots).

Creates a demo profile in a temporary folder, drives the real window and grabs each screen."""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtWidgets import QApplication

from caseworker_desktop import demo
from caseworker_desktop.config import Settings
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import MarkerKind, Role
from caseworker_desktop.services import NewClient, Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.storage.orm import refused_change, sync_quarantine, table_of
from caseworker_desktop.ui import i18n
from caseworker_desktop.ui.app import AppController

PASSPHRASE = "Demo-Passphrase-2026"


def pump(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def become(profile: Path, role: Role, display_name: str) -> None:
    """Make the file's local user someone else of the team (what enrolment and the staff
    directory do after a real sync), with a first piece of their work."""
    cf = CaseFile.open(profile, PASSPHRASE)
    users = table_of(m.User)
    with cf.engine.begin() as conn:
        old = conn.execute(sa.select(users).where(users.c.id == cf.state(conn, "user_id"))).one()
        new_id = uuid.uuid5(uuid.NAMESPACE_DNS, f"screenshots/{role.value}").hex
        if not conn.execute(sa.select(users.c.id).where(users.c.id == new_id)).first():
            conn.execute(
                users.insert(),
                {
                    "id": new_id,
                    "updated_hlc": "",
                    "deleted": False,
                    "username": role.value,
                    "display_name": display_name,
                    "role": role,
                    "team_id": old.team_id,
                    "organisation_id": old.organisation_id,
                },
            )
        cf.set_state(conn, "user_id", new_id)
    services = Services(cf)
    if role is Role.TEAM_LEAD:
        rows = services.cases.caseload(everyone=True)
        for row in rows[2:4]:
            services.reviews.comment(
                row.case_id,
                "Bitte die Kinderbetreuung für den Integrationskurs klären und im Plan festhalten.",
            )
    else:
        demo.generate_offers(services)
        demo.assign_waiting(services)
    cf.lock()


def arrived_by_sync(profile: Path) -> None:
    """What a sync leaves in the file (as the sync client stores it): a handover from the
    former caseworker of a case that came to Anna, refused changes, an unreadable value."""
    cf = CaseFile.open(profile, PASSPHRASE)
    services = Services(cf)
    rows = services.cases.caseload()
    case = services.cases.get(rows[1].case_id)
    client = services.clients.get(case.client_id)
    former = uuid.uuid5(uuid.NAMESPACE_DNS, "screenshots/former").hex
    now = datetime.now(UTC).replace(tzinfo=None)
    with cf.engine.begin() as conn:
        conn.execute(
            table_of(m.User).insert(),
            {"id": former, "updated_hlc": "", "deleted": False, "username": "bschulz",
             "display_name": "Bernd Schulz", "role": Role.CASEWORKER, "team_id": None},
        )  # fmt: skip
        conn.execute(
            table_of(m.Conflict).insert(),
            {
                "id": uuid.uuid4().hex, "updated_hlc": "001790000000000-000000-office",
                "deleted": False, "table_name": "client", "row_id": client.id, "field": "",
                "winner_value": json.dumps({"phone": client.phone, "notes": client.notes,
                                            "residence_status": "asylum_pending"}),
                "winner_hlc": "", "winner_device": "",
                "loser_value": json.dumps({"phone": "0176 5550101",
                                           "notes": "Zieht im Januar nach Kornwestheim.",
                                           "residence_status": "recognised_refugee"}),
                "loser_hlc": "001790000000000-000000-x", "loser_device": "x",
                "case_id": case.id, "resolved": False, "resolution": "",
                "kind": "handover", "handed_over_by": former,
            },
        )  # fmt: skip
        conn.execute(
            refused_change.insert(),
            [
                {"refused_at": now, "change_id": uuid.uuid4().hex, "table_name": "contact_note",
                 "row_id": uuid.uuid4().hex, "field": "text", "value": None,
                 "reason": "übergeben", "handed_to": former, "case_id": None,
                 "case_reference": "IM-2026-41-3f2a"},
                {"refused_at": now, "change_id": uuid.uuid4().hex, "table_name": "help_plan",
                 "row_id": uuid.uuid4().hex, "field": "approved_on", "value": '"2026-11-24"',
                 "reason": "„Freigegeben am“ in „Hilfeplan“ setzt nur die Teamleitung.",
                 "handed_to": None, "case_id": case.id, "case_reference": case.reference},
            ],
        )  # fmt: skip
        conn.execute(
            sync_quarantine.insert(),
            {"received_at": now, "table_name": "contact_note", "row_id": uuid.uuid4().hex,
             "field": "duration_minutes", "value": '"abc"', "hlc": "x",
             "reason": "„Dauer“: eine ganze Zahl erwartet, erhalten 'abc'."},
        )  # fmt: skip
    cf.lock()


def unlock(app: QApplication, controller: AppController):
    controller.unlock_dialog.passphrase.setText(PASSPHRASE)
    controller.unlock_dialog.unlock_button.click()
    pump(app, 3)
    window = controller.window
    window.resize(1440, 880)
    pump(app, 1)
    return window


def data_protection(app: QApplication, window, files, out: Path, lang: str) -> None:
    """Restriction (Art. 18), merging two records of one person, the access export."""
    services = window.session.services
    files.master.markers.add()
    pump(app, 0.8)
    files.master.markers.dialog.grab().save(str(out / f"23-marker-dialog-{lang}.png"))
    files.master.markers.dialog.force_close()
    client, case = files.data.client, files.data.case
    marker = services.clients.mark(client.id, MarkerKind.RESTRICTED, "Antrag vom 20.11.2026")
    files.reload()
    pump(app, 1.5)
    window.grab().save(str(out / f"24-restricted-{lang}.png"))
    services.clients.lift_marker(marker.id)
    municipality = services.clients.municipalities()[0]
    services.clients.register(
        NewClient(first_name=client.first_name, last_name=client.last_name,
                  birth_date=client.birth_date, municipality_id=municipality.id,
                  phone="0176 5550123", nationality=client.nationality,
                  languages=client.languages)
    )  # fmt: skip
    window.refresh_caseload_then_select(case.id)
    pump(app, 1.5)
    files.merge_records()
    pump(app, 1.5)
    files.dialog.grab().save(str(out / f"25-merge-dialog-{lang}.png"))
    files.dialog.reject()
    files.export_access()
    pump(app, 0.8)
    files.dialog.grab().save(str(out / f"26-access-export-{lang}.png"))
    files.dialog.reject()


def main(out_dir: str, lang: str = "de") -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    keep = i18n.install(app, lang)  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "demo"
        cf = CaseFile.create(
            profile, username="amueller", display_name="Anna Müller", passphrase=PASSPHRASE
        )
        demo.generate(Services(cf), 250, seed=4)
        cf.lock()
        controller = AppController(Settings(), data_dir=profile)
        controller.start()
        pump(app, 0.5)
        controller.unlock_dialog.grab().save(str(out / f"01-unlock-{lang}.png"))
        controller.unlock_dialog.forgot_button.click()
        pump(app, 0.5)
        recovery = controller.recovery_dialog
        recovery.server.setText("https://integration.landkreis.example")
        recovery.code.setText("K7MP-Q3XW-9RTZ-4HDN-2B5C-8FJL-6QWE")
        recovery.secret.passphrase.setText("Passwort12")
        pump(app, 0.5)
        recovery.grab().save(str(out / f"18-forgotten-passphrase-{lang}.png"))
        recovery.reject()
        controller.recovery_dialog = None
        controller.unlock_dialog.passphrase.setText(PASSPHRASE)
        controller.unlock_dialog.unlock_button.click()
        pump(app, 3)
        window = controller.window
        window.resize(1440, 880)
        pump(app, 1)
        window.caseload.table.selectRow(3)
        pump(app, 1.5)
        files = window.client_file
        shots = [
            ("02-caseload-master-data", files.master),
            ("03-help-plan", files.plan),
            ("04-course-referrals", files.courses),
            ("06-contact-notes", files.notes),
            ("07-history", files.history),
        ]
        for name, tab in shots:
            files.tabs.setCurrentWidget(tab)
            pump(app, 1)
            window.grab().save(str(out / f"{name}-{lang}.png"))
        # the small screens: the common office laptop, and 1280×720 at 125 % (logical px)
        for (width, height), tag in (((1366, 768), "1366x768"), ((1024, 576), "1280x720-125")):
            window.resize(width, height)
            for name, tab in (("19-master-data", files.master), ("20-help-plan", files.plan)):
                files.tabs.setCurrentWidget(tab)
                pump(app, 1)
                window.grab().save(str(out / f"{name}-{tag}-{lang}.png"))
        window.resize(1440, 880)
        pump(app, 1)
        # trauma: pick a case that has a referral, reveal it (an audited view)
        window.caseload.filter.setText("")
        for row in range(window.caseload.proxy.rowCount()):
            window.caseload.table.selectRow(row)
            pump(app, 0.4)
            if files.data and files.data.trauma_referral_count:
                break
        files.tabs.setCurrentWidget(files.trauma)
        files.trauma.reveal()
        pump(app, 1)
        window.grab().save(str(out / f"05-trauma-consultation-{lang}.png"))
        files.tabs.setCurrentWidget(files.plan)
        pump(app, 0.5)
        files.plan.add_entry()
        pump(app, 0.8)
        files.plan.dialog.grab().save(str(out / f"08-new-goal-dialog-{lang}.png"))
        files.plan.dialog.force_close()
        files.tabs.setCurrentWidget(files.master)
        files.master.consents.add()
        pump(app, 0.8)
        files.master.consents.dialog.grab().save(str(out / f"22-consent-dialog-{lang}.png"))
        files.master.consents.dialog.force_close()
        data_protection(app, window, files, out, lang)
        files.tabs.setCurrentWidget(files.plan)
        files.plan.print_plan()
        pump(app, 0.5)
        printer = files.plan.printer
        printer.dialog.grab().save(str(out / f"10-print-dialog-{lang}.png"))
        printer.dialog.preview_button.click()
        pump(app, 3)
        if printer.preview is not None:
            printer.preview.resize(900, 1000)
            pump(app, 1)
            printer.preview.grab().save(str(out / f"11-print-preview-{lang}.png"))
            printer.preview.close()
        printer.dialog.reject()
        window.caseload.filter.setText("zzz-kein-treffer")
        pump(app, 0.5)
        window.caseload.grab().save(str(out / f"09-caseload-no-match-{lang}.png"))
        window.pages.setCurrentWidget(window.report)
        pump(app, 3)
        window.grab().save(str(out / f"12-outcome-report-{lang}.png"))
        controller.lock()
        pump(app, 0.5)
        arrived_by_sync(profile)
        window = unlock(app, controller)
        window.resize(1366, 768)  # the common office laptop
        pump(app, 1)
        window.grab().save(str(out / f"15-sync-inbox-status-bar-{lang}.png"))
        window.inbox.resolve_next_conflict()
        pump(app, 1.5)
        window.inbox.dialog.grab().save(str(out / f"16-handover-{lang}.png"))
        window.inbox.dialog.reject()
        window.inbox.show_refused()
        pump(app, 1.5)
        window.inbox.dialog.grab().save(str(out / f"17-not-accepted-{lang}.png"))
        window.inbox.dialog.reject()
        controller.lock()
        pump(app, 0.5)
        # the same cases seen by the team lead (after sync they are her team's), then the
        # coordinator's planning of the trauma offers
        for role, name in ((Role.TEAM_LEAD, "Petra Hoffmann"), (Role.COORDINATOR, "Jonas Weber")):
            become(profile, role, name)
            window = unlock(app, controller)
            if role is Role.TEAM_LEAD:
                files = window.client_file
                window.caseload.table.selectRow(2)
                pump(app, 1.5)
                files.tabs.setCurrentWidget(files.plan)
                pump(app, 1)
                window.grab().save(str(out / f"13-team-lead-review-{lang}.png"))
                window.resize(1366, 768)
                pump(app, 1)
                window.grab().save(str(out / f"21-team-lead-1366x768-{lang}.png"))
            else:
                window.pages.setCurrentWidget(window.planning)
                pump(app, 2)
                window.grab().save(str(out / f"14-trauma-offer-planning-{lang}.png"))
            controller.lock()
            pump(app, 0.5)
        controller.shutdown()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
