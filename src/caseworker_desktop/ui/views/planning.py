"""Trauma offers: consultation dates with slots, group offering and residential group with
places, and their waiting lists (planned by the coordinator, requested by caseworkers).

The coordinator plans: dates and offers, the waiting list of each kind, giving and taking
back slots. Caseworkers and team leads see the upcoming dates and their own requests, and
ask for a case consultation of their own. Requests carry the case reference only: no
client names anywhere on this page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import PlacementStatus, Role, TraumaOfferKind
from ..dialogs.planning import AssignDialog, OfferDialog, OwnConsultationDialog, offer_caption
from ..i18n import enum_label, format_date
from ..models.planning import (
    RECORD_ROLE,
    PlanningProxy,
    PlanningTableModel,
)
from ..models.records import set_widths
from ..session import Session
from ..widgets.elide import show_elided_text
from .common import button_row, run_form
from .planning_columns import PlanningColumns, Snapshot

KINDS = tuple(TraumaOfferKind)


def _table(model: PlanningTableModel) -> QTableView:
    view = QTableView()
    show_elided_text(view)
    view.setModel(PlanningProxy(model, view))
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # feed order
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    return view


def _selected(view: QTableView):
    index = view.currentIndex()
    return index.data(RECORD_ROLE) if index.isValid() else None


def _box(title: str, *widgets: QWidget, stretch_index: int = -1) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if i == stretch_index else 0)
    return box


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class PlanningView(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.coordinator = session.user.role is Role.COORDINATOR
        self.snapshot: Snapshot | None = None
        self.columns = PlanningColumns(lambda: self.snapshot, self)
        self.dialog = None
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        heading = QLabel(self.tr("Traumaangebote des Kreises"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(
            _hint(
                self.tr(
                    "Monatliche Traumasprechstunde, begleitetes Gruppenangebot und Wohngruppe. "
                    "Die Koordination vergibt Termine und Plätze; Anfragen tragen nur das "
                    "Aktenzeichen."
                )
            )
        )
        self._build_offers()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.offers_box)
        if self.coordinator:
            splitter.addWidget(self._build_coordinator_lists())
        else:
            splitter.addWidget(self._build_my_requests())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    # --- building ----------------------------------------------------------------------

    def _build_offers(self) -> None:
        self.offers_model = PlanningTableModel(self.columns.offers(), self)
        self.offers_table = _table(self.offers_model)
        self.offers_table.setObjectName("offers_table")
        header = self.offers_table.horizontalHeader()
        header.setSectionResizeMode(
            self.offers_model.column("offer"), QHeaderView.ResizeMode.Stretch
        )
        header.setStretchLastSection(False)
        set_widths(self.offers_table, kind=190, starts_on=110, offer=260, location=200,
                   capacity=70, taken=80, free=110)  # fmt: skip
        self.show_past = QCheckBox(self.tr("Vergangene Termine anzeigen"))
        self.show_past.setObjectName("show_past")
        self.show_past.toggled.connect(lambda _on: self._show_offers())
        widgets: list[QWidget] = [self.offers_table]
        if self.coordinator:
            self.new_offer_button = QPushButton(self.tr("Neuer Termin / Angebot …"))
            self.new_offer_button.setObjectName("new_offer")
            self.new_offer_button.clicked.connect(self.new_offer)
            self.edit_offer_button = QPushButton(self.tr("Bearbeiten …"))
            self.edit_offer_button.setObjectName("edit_offer")
            self.edit_offer_button.clicked.connect(self.edit_offer)
            self.remove_offer_button = QPushButton(self.tr("Entfernen"))
            self.remove_offer_button.setObjectName("remove_offer")
            self.remove_offer_button.clicked.connect(self.remove_offer)
            self.offers_table.doubleClicked.connect(lambda _i: self.edit_offer())
            row = button_row(
                self.new_offer_button, self.edit_offer_button, self.remove_offer_button
            )
            row.layout().addWidget(self.show_past)
            widgets.append(row)
            self.offers_table.selectionModel().currentRowChanged.connect(
                lambda *_a: self._offer_selected()
            )
        else:
            widgets.insert(
                0,
                _hint(
                    self.tr(
                        "Die kommenden Termine und Angebote mit den freien Plätzen (Stand der "
                        "letzten Synchronisation). Die Plätze vergibt die Koordination; Ihre "
                        "Anfragen stehen unten."
                    )
                ),
            )
            widgets.append(self.show_past)
        self.offers_box = _box(
            self.tr("Termine und Angebote"),
            *widgets,
            stretch_index=widgets.index(self.offers_table),
        )

    def _build_coordinator_lists(self) -> QWidget:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("waiting_kind")
        for kind in KINDS:
            self.kind_combo.addItem(enum_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_waiting())
        self.waiting_model = PlanningTableModel(self.columns.requests(mine=False), self)
        self.waiting_table = _table(self.waiting_model)
        self.waiting_table.setObjectName("waiting_table")
        set_widths(self.waiting_table, urgent=80, requested_on=105, waiting=95, reference=165,
                   caseworker=160)  # fmt: skip
        self.waiting_table.doubleClicked.connect(lambda _i: self.assign())
        self.assign_button = QPushButton(self.tr("Platz vergeben …"))
        self.assign_button.setObjectName("assign")
        self.assign_button.clicked.connect(self.assign)
        self.waiting_empty = _hint("")
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(QLabel(self.tr("Angebot:")))
        kind_layout.addWidget(self.kind_combo)
        kind_layout.addStretch(1)
        waiting_box = _box(
            self.tr("Warteliste (dringende zuerst, dann nach Anfragedatum)"),
            kind_row,
            self.waiting_table,
            self.waiting_empty,
            button_row(self.assign_button),
            stretch_index=1,
        )

        self.given_model = PlanningTableModel(self.columns.given(), self)
        self.given_table = _table(self.given_model)
        self.given_table.setObjectName("given_table")
        set_widths(self.given_table, slot=50, reference=140, caseworker=120, status=95)
        self.release_button = QPushButton(self.tr("Zurücknehmen"))
        self.release_button.setObjectName("release")
        self.release_button.setToolTip(self.tr("Die Anfrage kommt zurück auf die Warteliste."))
        self.release_button.clicked.connect(self.release)
        self.attended_button = QPushButton(self.tr("Wahrgenommen"))
        self.attended_button.setObjectName("attended")
        self.attended_button.clicked.connect(self.mark_attended)
        self.given_caption = _hint(self.tr("Bitte oben einen Termin wählen."))
        given_box = _box(
            self.tr("Vergebene Plätze"),
            self.given_caption,
            self.given_table,
            button_row(self.release_button, self.attended_button),
            stretch_index=1,
        )
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        lower.addWidget(waiting_box)
        lower.addWidget(given_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        return lower

    def _build_my_requests(self) -> QWidget:
        self.mine_model = PlanningTableModel(self.columns.requests(mine=True), self)
        self.mine_table = _table(self.mine_model)
        self.mine_table.setObjectName("mine_table")
        set_widths(self.mine_table, kind=190, reference=150, requested_on=105, status=120)
        self.own_button = QPushButton(self.tr("Eigene Fallberatung anfragen …"))
        self.own_button.setObjectName("request_own")
        self.own_button.clicked.connect(self.request_own)
        self.withdraw_button = QPushButton(self.tr("Anfrage zurückziehen"))
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.mine_empty = _hint(
            self.tr(
                "Noch keine Anfragen. Für Klient:innen fragen Sie in der Fallakte "
                "(Reiter Traumasprechstunde) an."
            )
        )
        return _box(
            self.tr("Meine Anfragen"),
            self.mine_table,
            self.mine_empty,
            button_row(self.own_button, self.withdraw_button),
            stretch_index=0,
        )

    # --- loading -----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:  # the coordinator's first page: nobody switched to it
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        planning, clock = self.session.services.planning, self.session.clock
        coordinator = self.coordinator

        def load() -> Snapshot:
            snapshot = Snapshot(today=clock.today(), offers=planning.offers())
            if coordinator:
                snapshot.waiting = {k: planning.waiting_list(k) for k in KINDS}
                snapshot.names = planning.staff_names()
            else:
                snapshot.mine = planning.mine()
            return snapshot

        self._call(load, self._show, refresh=False)  # a failed load is not tried again at once

    def _show(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._show_offers()
        if self.coordinator:
            self._show_waiting()
            self._offer_selected()
        else:
            self.mine_model.set_records(snapshot.mine)
            self.mine_table.setVisible(bool(snapshot.mine))
            self.mine_empty.setVisible(not snapshot.mine)
            self.withdraw_button.setEnabled(bool(snapshot.mine))

    def _show_offers(self) -> None:
        if self.snapshot is None:
            return
        today = self.snapshot.today
        selected = _selected(self.offers_table)
        rows = [
            r
            for r in self.snapshot.offers
            if self.show_past.isChecked() or (r.offer.starts_on >= today)
        ]
        # upcoming first (soonest at the top), then the past ones, latest first
        rows.sort(
            key=lambda r: (
                r.offer.starts_on < today,
                r.offer.starts_on.toordinal() * (-1 if r.offer.starts_on < today else 1),
            )
        )
        self.offers_model.set_records(rows)
        self.offers_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep this order
        if selected is not None:
            self._select_offer(selected.offer.id)

    def _select_offer(self, offer_id: str) -> None:
        proxy = self.offers_table.model()
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(RECORD_ROLE).offer.id == offer_id:
                self.offers_table.setCurrentIndex(index)
                return

    def _show_waiting(self) -> None:
        if self.snapshot is None:
            return
        for i, kind in enumerate(KINDS):
            count = len(self.snapshot.waiting.get(kind, []))
            self.kind_combo.setItemText(i, f"{enum_label(kind)} ({count})")
        kind = TraumaOfferKind(self.kind_combo.currentData())
        waiting = self.snapshot.waiting.get(kind, [])
        self.waiting_model.set_records(waiting)
        self.waiting_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.waiting_table.setVisible(bool(waiting))
        self.waiting_empty.setText(self.tr("Niemand wartet auf einen Platz."))
        self.waiting_empty.setVisible(not waiting)
        self.assign_button.setEnabled(bool(waiting))

    def _offer_selected(self) -> None:
        row = _selected(self.offers_table)
        self.release_button.setEnabled(False)
        self.attended_button.setEnabled(False)
        if self.coordinator:
            self.edit_offer_button.setEnabled(row is not None)
            self.remove_offer_button.setEnabled(row is not None)
        if row is None:
            self.given_model.set_records([])
            self.given_caption.setText(self.tr("Bitte oben einen Termin wählen."))
            return
        offer = row.offer
        self.given_caption.setText(
            enum_label(offer.kind)
            + ": "
            + offer_caption(offer)
            + " – "
            + self.tr("%1 von %2 Plätzen vergeben")
            .replace("%1", str(row.taken))
            .replace("%2", str(offer.capacity))
        )
        planning = self.session.services.planning

        def shown(placements) -> None:
            current = _selected(self.offers_table)
            if current is None or current.offer.id != offer.id:
                return
            self.given_model.set_records(placements)
            self.given_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.release_button.setEnabled(bool(placements))
            self.attended_button.setEnabled(bool(placements))

        self._call(lambda: planning.placements(offer.id), shown)

    # --- the coordinator's actions -----------------------------------------------------

    def new_offer(self) -> None:
        kind = TraumaOfferKind.CONSULTATION
        planning = self.session.services.planning

        def save(values: dict):
            kind = values.pop("kind")
            return planning.add_offer(kind, **values)

        self.dialog = run_form(self.session, OfferDialog(None, kind, self), save, self._done)

    def edit_offer(self) -> None:
        row = _selected(self.offers_table)
        if row is None:
            return
        planning = self.session.services.planning
        offer_id = row.offer.id
        self.dialog = run_form(
            self.session,
            OfferDialog(row.offer, row.offer.kind, self, kind_locked=row.taken > 0),
            lambda values: planning.update_offer(offer_id, **values),
            self._done,
        )

    def remove_offer(self) -> None:
        row = _selected(self.offers_table)
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Entfernen"),
            self.tr("„%1“ entfernen?").replace(
                "%1", enum_label(row.offer.kind) + " " + offer_caption(row.offer)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        planning = self.session.services.planning
        self._call(lambda: planning.remove_offer(row.offer.id), self._done)

    def assign(self) -> None:
        placement = _selected(self.waiting_table)
        if placement is None or self.snapshot is None:
            return
        planning, today = self.session.services.planning, self.snapshot.today

        caption = self.tr("Anfrage %1 von %2, angefragt am %3.").replace(
            "%1", placement.reference if placement.case_id else self.tr("Eigene Fallberatung")
        )
        caption = caption.replace("%2", self.columns.caseworker(placement)).replace(
            "%3", format_date(placement.requested_on)
        )
        if placement.urgent:
            caption += " " + self.tr("Dringend.")

        def open_dialog(offers) -> None:
            self.dialog = run_form(
                self.session,
                AssignDialog(caption, offers, self),
                lambda values: planning.assign(placement.id, values["offer_id"], values["slot"]),
                self._done,
            )

        self._call(lambda: planning.choices(placement.id, today), open_dialog)

    def release(self) -> None:
        placement = _selected(self.given_table)
        if placement is None:
            return
        planning = self.session.services.planning
        self._call(lambda: planning.release(placement.id), self._done)

    def mark_attended(self) -> None:
        placement = _selected(self.given_table)
        if placement is None:
            return
        planning = self.session.services.planning
        self._call(lambda: planning.mark_attended(placement.id), self._done)

    # --- the caseworker's actions ------------------------------------------------------

    def request_own(self) -> None:
        referrals = self.session.services.referrals
        self.dialog = run_form(
            self.session,
            OwnConsultationDialog(self.session.clock.today(), self),
            lambda values: referrals.request_trauma_consultation(
                None, requested_on=values["requested_on"]
            ),
            self._done,
        )

    def withdraw(self) -> None:
        placement = _selected(self.mine_table)
        if placement is None:
            return
        if placement.status not in (PlacementStatus.WAITING, PlacementStatus.ASSIGNED):
            QMessageBox.information(
                self,
                self.tr("Anfrage zurückziehen"),
                self.tr("Diese Anfrage ist bereits erledigt."),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Anfrage zurückziehen"),
            self.tr("Die Anfrage zurückziehen? Ein vergebener Platz wird frei."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        planning = self.session.services.planning
        self._call(lambda: planning.cancel(placement.id), self._done)

    # --- results -----------------------------------------------------------------------

    def _done(self, _result=None) -> None:
        self.refresh()

    def _call(self, fn, done, *, refresh: bool = True) -> None:
        """A planning action: its refusal as a warning, then the tables as they are now."""
        then = self.refresh if refresh else None
        self.session.call(fn, done, title=self.tr("Traumaangebote"), parent=self, then=then)
