"""What the "Fall …" menu does beyond status changes, for the client file view: a follow-up
(Wiedervorlage) set by hand, merging
two records of one person (services/merge.py), a person's request for erasure and its
confirmation by the team lead (Art. 17), the access export for the person (Art. 15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...domain import model as m
from ...domain.errors import CaseworkerError
from ..dialogs.access_export import AccessExportDialog
from ..dialogs.letter import LetterDialog
from ..dialogs.merge import MergeDialog
from ..dialogs.reminder import ReminderDialog
from .common import run_form


class CaseActions:
    """Mixed into ClientFileView: uses its session, data, reload and merged signal."""

    def add_reminder(self) -> None:
        if self.data is None:
            return
        case, follow_ups = self.data.case, self.session.services.follow_ups
        dialog = ReminderDialog(case.reference, self.session.clock.today(), self)
        self.dialog = run_form(self.session, dialog, lambda values: follow_ups.remind(
            case.id, values["due_on"], values["text"]))  # fmt: skip

    def write_letter(self) -> None:
        if self.data is None:
            return
        case, client, letters = self.data.case, self.data.client, self.session.services.letters

        def open_dialog(templates) -> None:
            dialog = LetterDialog(templates, case.reference, client.full_name,
                                  client.preferred_language, self)  # fmt: skip

            def save(values):
                return letters.write(case.id, values["template"], values["path"],
                                     on=values["on"], at=values["at"], place=values["place"],
                                     lang=values["lang"])  # fmt: skip

            self.dialog = run_form(self.session, dialog, save, lambda _note: self.reload())

        self.session.call(letters.templates, open_dialog)

    # --- erasure on request (GDPR Art. 17) ---------------------------------------------------

    def erasure_request(self) -> None:
        if self.data is None:
            return
        case, cases = self.data.case, self.session.services.cases
        title = QCoreApplication.translate("ClientFileView", "Löschung auf Antrag")
        if case.erasure_requested_on is not None:
            question = QCoreApplication.translate(
                "ClientFileView", "Den Löschantrag für Akte %1 zurücknehmen?"
            ).replace("%1", case.reference)
            action = lambda: cases.withdraw_erasure_request(case.id)  # noqa: E731
        else:
            question = QCoreApplication.translate(
                "ClientFileView",
                "%1 hat heute die Löschung der Daten verlangt (Art. 17 DSGVO)? Die Teamleitung "
                "bestätigt den Antrag; danach löscht das Landratsamt die Akte %2 mit allem, was "
                "dazu gespeichert ist, auf allen Geräten und in den Sicherungen. Das kann nicht "
                "rückgängig gemacht werden.",
            )
            question = question.replace("%1", self.data.client.full_name).replace(
                "%2", case.reference
            )
            today = self.session.clock.today()
            action = lambda: cases.request_erasure(case.id, today)  # noqa: E731
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.call(action, self.reload, title=title, parent=self)

    def confirm_erasure(self) -> None:
        if self.data is None:
            return
        case, cases = self.data.case, self.session.services.cases
        title = QCoreApplication.translate("ClientFileView", "Löschantrag bestätigen")
        answer = QMessageBox.question(
            self,
            title,
            QCoreApplication.translate(
                "ClientFileView",
                "Löschung der Akte %1 (%2) bestätigen? Das Landratsamt löscht sie bei seinem "
                "nächsten Löschlauf auf allen Geräten; das kann nicht rückgängig gemacht werden.",
            )
            .replace("%1", case.reference)
            .replace("%2", self.data.client.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.call(
                lambda: cases.confirm_erasure(case.id), self.reload, title=title, parent=self
            )

    def merge_records(self) -> None:
        """Two records of one person: find the other, choose, merge (services/merge.py)."""
        if self.data is None:
            return
        case, client = self.data.case, self.data.client
        merge, title = (
            self.session.services.merge,
            QCoreApplication.translate("ClientFileView", "Akten zusammenführen"),
        )

        def show(candidates) -> None:
            if not candidates:
                QMessageBox.information(
                    self,
                    title,
                    QCoreApplication.translate(
                        "ClientFileView",
                        "Keine andere Akte gefunden, die dieselbe Person sein könnte "
                        "(Name in anderer Schreibweise, Geburtsdatum).",
                    ),
                )
                return
            dialog = MergeDialog(case, client, candidates, self)
            self.dialog = dialog
            refused = lambda exc: self._merge_refused(dialog, exc)  # noqa: E731

            def merged(kept: m.Case) -> None:
                dialog.accept()
                self.merged.emit(kept.id)

            dialog.plan_wanted.connect(
                lambda kept, other: self.session.call(
                    lambda: merge.plan(kept, other), dialog.show_plan, refused
                )
            )
            dialog.merge_wanted.connect(
                lambda kept, other, taken: self.session.call(
                    lambda: merge.merge(kept, other, taken), merged, refused
                )
            )
            dialog.open()
            dialog.start()

        self.session.call(lambda: merge.candidates(case.id), show, title=title, parent=self)

    def _merge_refused(self, dialog: MergeDialog, exc: BaseException) -> None:
        if isinstance(exc, CaseworkerError):
            dialog.show_error(str(exc))
        else:
            dialog.show_error(
                QCoreApplication.translate("ClientFileView", "Zusammenführen fehlgeschlagen.")
            )
            self.session.ops.failed.emit(exc)

    # --- the access export (GDPR Art. 15) ----------------------------------------------

    def export_access(self) -> None:
        if self.data is None:
            return
        client, case = self.data.client, self.data.case
        dialog = AccessExportDialog(client.full_name, self.trauma_visible(), self)
        self.dialog = dialog
        title = QCoreApplication.translate("ClientFileView", "Auskunft nach Art. 15 DSGVO")

        def chosen(include_trauma: bool) -> None:
            folder = QFileDialog.getExistingDirectory(
                self, QCoreApplication.translate("ClientFileView", "Ordner für die Auskunft")
            )
            if not folder:
                return
            access = self.session.services.access

            def done(result) -> None:
                QMessageBox.information(
                    self,
                    title,
                    QCoreApplication.translate("ClientFileView", "Auskunft erstellt:\n%1\n%2")
                    .replace("%1", str(result.pdf_path))
                    .replace("%2", str(result.json_path)),
                )

            self.session.call(
                lambda: access.export(case.reference, Path(folder), include_trauma=include_trauma),
                done,
                title=title,
                parent=self,
            )

        dialog.chosen.connect(chosen)
        dialog.open()

    def trauma_visible(self) -> bool:
        """Whether this user may include trauma content (the caseworker and their lead)."""
        return self.data is not None and self.data.trauma_referral_count > 0
