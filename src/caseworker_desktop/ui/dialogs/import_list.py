"""Importing an existing caseload from the district's list: choose the file, see every row
as it would be taken (new, duplicate, or the fault to fix in the list), then import all
of it in one go. Reading, checking and writing run on the database worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...services.importer import ImportPlan, ImportResult

STATE_COLOURS = {"neu": "#e7f4e4", "Dublette": "#fff4d6", "Fehler": "#fbe3e1"}


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Fallbestand importieren"))
        self.setModal(True)
        self.resize(940, 520)  # 1280 x 720 at 125 %: 1024 x 576 with title bar and panel
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Eine Liste des Landratsamts oder der Kommune (Excel .xlsx oder CSV) als "
                "Klient:innen mit Haushalt und offenem Fall übernehmen. Erkannt werden "
                "Überschriften wie Name, Vorname, Geburtsdatum, Kommune, Anschrift, "
                "Staatsangehörigkeit, Sprachen, Aufenthaltsstatus, Einzug und Haushalt. "
                "Schon Erfasste werden ausgelassen; enthält die Liste fehlerhafte Zeilen, "
                "wird nichts übernommen."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("keine Datei gewählt"))
        self.file_label.setObjectName("import_file")
        self.choose_button = QPushButton(self.tr("Datei wählen …"))
        self.choose_button.setObjectName("import_choose")
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Liste:"), row)
        self.municipality = QComboBox()
        self.municipality.setObjectName("import_municipality")
        self.municipality.addItem(self.tr("– aus der Liste –"), "")
        self.municipality.currentIndexChanged.connect(self._reread)
        form.addRow(self.tr("Kommune für Zeilen ohne Angabe:"), self.municipality)
        layout.addLayout(form)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("import_preview")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Zeile"),
                self.tr("Name"),
                self.tr("Geburtsdatum"),
                self.tr("Übernahme"),
                self.tr("Hinweis"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        self.import_button = buttons.addButton(
            self.tr("Importieren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_run")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path: Path | None = None
        session.call(session.services.clients.municipalities, self._municipalities)

    def _municipalities(self, municipalities) -> None:
        for place in municipalities:
            self.municipality.addItem(place.name, place.name)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Liste zum Import wählen"),
            str(Path.home()),
            self.tr("Listen (*.xlsx *.csv *.tsv *.txt)"),
        )
        if path:
            self.read(Path(path))

    def read(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self._reread()

    def _reread(self) -> None:
        if self.path is None:
            return
        path, place = self.path, self.municipality.currentData() or ""
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Liste wird gelesen …"))
        self.session.call(
            lambda: self.session.services.imports.plan(path, municipality=place),
            self._show,
            self._failed,
        )

    def _show(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.table.setRowCount(len(plan.rows))
        for i, row in enumerate(plan.rows):
            born = row.new.birth_date if row.new else None
            hint = "; ".join(row.problems) or (
                self.tr("schon erfasst: %1").replace("%1", row.duplicate_of)
                if row.duplicate_of
                else ""
            )
            state = {"neu": self.tr("neu"), "Dublette": self.tr("Dublette"),
                     "Fehler": self.tr("Fehler")}[row.state]  # fmt: skip
            cells = [str(row.line), row.name, f"{born:%d.%m.%Y}" if born else "", state, hint]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(STATE_COLOURS[row.state]))
                item.setToolTip(text)
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        counts = (
            self.tr("%1 neu, %2 schon erfasst, %3 fehlerhaft.")
            .replace("%1", str(len(plan.new_rows)))
            .replace("%2", str(len(plan.duplicates)))
            .replace("%3", str(len(plan.rejected)))
        )
        if plan.ignored:
            counts += " " + self.tr("Nicht gelesene Spalten: %1.").replace(
                "%1", ", ".join(plan.ignored)
            )
        if plan.rejected:
            counts += " " + self.tr(
                "Bitte die rot markierten Zeilen in der Liste berichtigen und die Datei neu "
                "wählen; bis dahin wird nichts übernommen."
            )
        self.summary.setText(counts)
        self.import_button.setEnabled(bool(plan.new_rows) and not plan.rejected)

    def _failed(self, exc: BaseException) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self.summary.setText(str(exc))

    def run_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.summary.setText(self.tr("Wird übernommen …"))
        self.session.call(lambda: self.session.services.imports.run(plan), self._done, self._failed)

    def _done(self, result: ImportResult) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(
            self.tr("%1 Klient:innen in %2 Haushalten übernommen, %3 Dubletten ausgelassen.")
            .replace("%1", str(result.clients))
            .replace("%2", str(result.households))
            .replace("%3", str(result.duplicates))
        )
        self.imported.emit(result)
