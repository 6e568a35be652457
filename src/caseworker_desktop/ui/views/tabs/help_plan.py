"""The help plan: goals and measures grouped by life area; add, edit, reorder, status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....domain import model as m
from ....domain.enums import EntryStatus, HelpPlanStatus, Role
from ....services import ClientFile
from ....services.help_plans import is_restricted
from ...dialogs.records import EntryDialog, PlanDialog
from ...i18n import enum_label, format_date
from ...printing import PlanPrinter, document_name
from ...session import Session
from ..common import button_row, run_form
from .plan_tree import ENTRY_ROLE, PlanTree
from .review import ReviewPanel

ENTRY_FIELDS = ("life_area", "goal", "measures", "responsible", "due_on", "status", "outcome_note")


class HelpPlanTab(QWidget):
    changed = Signal()
    print_status = Signal(str)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data: ClientFile | None = None
        self.revealed: dict[str, m.HelpPlanEntry] = {}  # restricted entries opened here
        self.names: dict[str, str] = {}  # user id -> display name (approver, authors)
        self.review = ReviewPanel(session)
        self.review.changed.connect(self.changed)
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.addWidget(self.review)
        outer.addWidget(self.stack, 1)

        empty = QWidget()
        ebox = QVBoxLayout(empty)
        ebox.addStretch(1)
        text = QLabel(self.tr("Für diesen Fall gibt es noch keinen Hilfeplan."))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #666; font-size: 11pt;")
        ebox.addWidget(text)
        self.create_button = QPushButton(self.tr("Hilfeplan anlegen"))
        self.create_button.setObjectName("create_plan")
        self.create_button.clicked.connect(self.create_plan)
        ebox.addWidget(button_row(self.create_button, stretch_first=True))
        ebox.addStretch(2)
        self.stack.addWidget(empty)

        plan = QWidget()
        pbox = QVBoxLayout(plan)
        pbox.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("plan_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        pbox.addWidget(self.summary)
        self.approval = QLabel()
        self.approval.setObjectName("plan_approval")
        self.approval.setTextFormat(Qt.TextFormat.RichText)
        self.approval.setWordWrap(True)
        pbox.addWidget(self.approval)
        self.edit_plan_button = QPushButton(self.tr("Zeitraum und Fortschreibung …"))
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.agree_button = QPushButton(self.tr("Mit Klient:in vereinbart und unterschrieben"))
        self.agree_button.setObjectName("agree_plan")
        self.agree_button.clicked.connect(self.agree)
        self.print_button = QPushButton(self.tr("Drucken …"))
        self.print_button.setObjectName("print_plan")
        self.print_button.setToolTip(self.tr("Vorschau, Drucken oder als PDF speichern (Strg+P)"))
        self.print_button.clicked.connect(self.print_plan)
        self.approve_button = QPushButton(self.tr("Freigeben"))
        self.approve_button.setObjectName("approve_plan")
        self.approve_button.setStyleSheet(
            "QPushButton:enabled { font-weight: bold; color: #1e6b2a; }"
        )
        self.approve_button.clicked.connect(self.approve)
        self.approve_button.setVisible(self.team_lead)
        pbox.addWidget(
            button_row(
                self.edit_plan_button, self.agree_button, self.approve_button, self.print_button
            )
        )
        self.tree = PlanTree()
        self.tree.itemDoubleClicked.connect(lambda *_: self.read_only or self.edit_entry())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._entry_menu)
        pbox.addWidget(self.tree, 1)
        self.add_button = QPushButton(self.tr("Ziel hinzufügen"))
        self.add_button.setObjectName("add_entry")
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton(self.tr("Bearbeiten"))
        self.edit_button.clicked.connect(self.edit_entry)
        self.up_button = QPushButton(self.tr("Nach oben"))
        self.up_button.setObjectName("entry_up")
        self.up_button.clicked.connect(lambda: self.move_entry(-1))
        self.down_button = QPushButton(self.tr("Nach unten"))
        self.down_button.setObjectName("entry_down")
        self.down_button.clicked.connect(lambda: self.move_entry(+1))
        self.delete_button = QPushButton(self.tr("Löschen"))
        self.delete_button.clicked.connect(self.delete_entry)
        pbox.addWidget(
            button_row(
                self.add_button,
                self.edit_button,
                self.up_button,
                self.down_button,
                self.delete_button,
            )
        )
        self.stack.addWidget(plan)
        self.dialog = None
        self.printer: PlanPrinter | None = None
        self.read_only = False

    # --- display -----------------------------------------------------------------------

    @property
    def team_lead(self) -> bool:
        return self.session.user.role is Role.TEAM_LEAD

    def show_data(self, data: ClientFile, names: dict[str, str] | None = None) -> None:
        if self.data is None or self.data.case.id != data.case.id:
            self.revealed = {}  # another case: its restricted entries are hidden again
        fresh = {e.id: e.updated_hlc for e in data.entries}
        self.revealed = {  # a changed entry is hidden again: what was seen is not what is
            i: e for i, e in self.revealed.items() if fresh.get(i) == e.updated_hlc
        }
        selected = self.selected_entry()
        self.data = data
        if names is not None:
            self.names = names
        self.review.show_data(data, self.names)
        if data.plan is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        plan = data.plan
        today = self.session.clock.today()
        overdue = plan.next_review_on < today
        review = format_date(plan.next_review_on)
        if overdue:
            late = self.tr("überfällig")
            review = f"<span style='color:#b03a2e'><b>{review} ({late})</b></span>"
        period, review_label, status = (
            self.tr("Zeitraum"),
            self.tr("Fortschreibung"),
            self.tr("Status"),
        )
        self.summary.setText(
            f"{period}: {format_date(plan.period_start)} – {format_date(plan.period_end)}"
            f" &nbsp;·&nbsp; {review_label}: {review}"
            f" &nbsp;·&nbsp; {status}: <b>{enum_label(plan.status)}</b>"
        )
        self.approval.setText(self._approval_text(plan))
        self.agree_button.setEnabled(plan.status is HelpPlanStatus.DRAFT and bool(data.entries))
        self.approve_button.setVisible(self.team_lead)
        approvable = plan.status is HelpPlanStatus.AGREED and plan.signed
        self.approve_button.setEnabled(approvable)
        self.approve_button.setToolTip(
            self.tr("Den vereinbarten Hilfeplan freigeben")
            if approvable
            else self.tr("Freigeben lässt sich ein mit der Klient:in vereinbarter Hilfeplan.")
        )
        self.tree.fill(data.entries, self.revealed, selected, today)

    def _approval_text(self, plan: m.HelpPlan) -> str:
        if plan.status is HelpPlanStatus.APPROVED:
            name = self.names.get(plan.approved_by or "", "") or self.tr("der Teamleitung")
            text = (
                self.tr("Freigegeben von %1 am %2")
                .replace("%1", _esc(name))
                .replace("%2", format_date(plan.approved_on))
            )
            return f"<span style='color:#2e7d32'>✓ <b>{text}</b></span>"
        if plan.status is HelpPlanStatus.AGREED:
            text = self.tr("Vereinbart, Freigabe durch die Teamleitung offen")
            return f"<span style='color:#9a5b00'>● {text}</span>"
        text = self.tr("Entwurf: noch nicht mit der Klient:in vereinbart")
        return f"<span style='color:#666'>{text}</span>"

    def selected_entry(self) -> m.HelpPlanEntry | None:
        return self.tree.selected_entry()

    # --- actions -----------------------------------------------------------------------

    def create_plan(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        plans = self.session.services.plans
        self.dialog = run_form(
            self.session,
            PlanDialog(None, self.session.clock.today(), self),
            lambda v: plans.create(
                case_id, v["period_start"], v["period_end"], v["next_review_on"]
            ),
            lambda _p: self.changed.emit(),
        )

    def edit_plan(self) -> None:
        if self.data is None or self.data.plan is None:
            return
        plan = self.data.plan
        plans = self.session.services.plans
        self.dialog = run_form(
            self.session,
            PlanDialog(plan, self.session.clock.today(), self),
            lambda v: plans.update(plan.id, **v),
            lambda _p: self.changed.emit(),
        )

    def print_plan(self) -> None:
        if self.data is None or self.data.plan is None:
            return
        self.printer = PlanPrinter(self.session, self)
        self.printer.status.connect(self.print_status.emit)
        self.printer.start(
            self.data.case.id,
            self.data.client.preferred_language,
            has_trauma=self.data.trauma_referral_count > 0,
            document_name=document_name(
                self.data.client.last_name,
                self.data.client.first_name,
                self.session.clock.today(),
            ),
        )

    def agree(self) -> None:
        if self.data is None or self.data.plan is None:
            return
        plan_id = self.data.plan.id
        self.session.call(
            lambda: self.session.services.plans.agree(plan_id),
            lambda _p: self.changed.emit(),
            title=self.tr("Hilfeplan vereinbaren"),
            parent=self,
        )

    def approve(self) -> None:
        """Freigabe by the team lead; a refusal (role, status) comes back as a message."""
        if self.data is None or self.data.plan is None:
            return
        plan = self.data.plan
        review = plan.next_review_on
        if review is not None and review < self.session.clock.today():
            answer = QMessageBox.question(
                self,
                self.tr("Hilfeplan freigeben"),
                self.tr(
                    "Die Fortschreibung dieses Hilfeplans war am %1 fällig. Trotzdem "
                    "freigeben? Sonst zuerst mit der Fachkraft die Fortschreibung klären "
                    "(Kommentar)."
                ).replace("%1", format_date(review)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        plan_id, plans = plan.id, self.session.services.plans
        self.approve_button.setEnabled(False)

        def done(_plan) -> None:
            self.print_status.emit(self.tr("Hilfeplan freigegeben."))
            self.changed.emit()

        self.session.call(
            lambda: plans.approve(plan_id),
            done,
            title=self.tr("Hilfeplan freigeben"),
            parent=self,
            then=self.changed.emit,  # show the plan as it is now
        )

    def add_entry(self) -> None:
        if self.data is None or self.data.plan is None:
            return
        plan_id = self.data.plan.id
        plans = self.session.services.plans
        dialog = EntryDialog(None, self)
        current = self.selected_entry()
        if current is not None:
            dialog.life_area.set_value(current.life_area)

        def save(values: dict):
            status = values.pop("status")
            outcome = values.pop("outcome_note")
            entry = plans.add_entry(plan_id, **values)
            if status is not EntryStatus.OPEN or outcome:
                entry = plans.set_entry_status(entry.id, status, outcome)
            return entry

        def saved(entry: m.HelpPlanEntry) -> None:
            self.session.remember_undo(
                self.tr("Ziel hinzufügen"), lambda: plans.delete_entry(entry.id)
            )
            self.changed.emit()

        self.dialog = run_form(self.session, dialog, save, saved)

    def edit_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if is_restricted(entry) and entry.id not in self.revealed:
            self.reveal_entry(entry, then_edit=True)
            return
        services = self.session.services
        plans = services.plans
        old = {f: getattr(entry, f) for f in ENTRY_FIELDS}

        def saved(_new) -> None:
            self.session.remember_undo(
                self.tr("Ziel bearbeiten"), lambda: services.restore(m.HelpPlanEntry, entry.id, old)
            )
            self.changed.emit()

        self.dialog = run_form(
            self.session,
            EntryDialog(entry, self),
            lambda v: plans.update_entry(entry.id, **v),
            saved,
        )

    def set_read_only(self, on: bool) -> None:
        """A team lead's review: approve, comment, print; nothing else to change."""
        self.read_only = on
        for button in (
            self.create_button,
            self.edit_plan_button,
            self.agree_button,
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            button.setVisible(not on)

    def _entry_menu(self, pos) -> None:
        """Right click on a goal: its status in one step, edit, delete."""
        if self.read_only:
            return
        item = self.tree.itemAt(pos)
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        if entry is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        for status in EntryStatus:
            action = menu.addAction(self.tr("Status: %1").replace("%1", enum_label(status)))
            action.setCheckable(True)
            action.setChecked(status is entry.status)
            action.triggered.connect(lambda _c=False, s=status: self.set_entry_status(entry, s))
        menu.addSeparator()
        menu.addAction(self.tr("Bearbeiten …"), self.edit_entry)
        menu.addAction(self.tr("Löschen …"), self.delete_entry)
        self.menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def set_entry_status(self, entry: m.HelpPlanEntry, status: EntryStatus) -> None:
        if status is entry.status:
            return
        services = self.session.services
        old = {"status": entry.status}

        def saved(_new) -> None:
            self.session.remember_undo(
                self.tr("Status ändern"), lambda: services.restore(m.HelpPlanEntry, entry.id, old)
            )
            self.changed.emit()

        self.session.call(lambda: services.plans.set_entry_status(entry.id, status), saved)

    def reveal_entry(self, entry: m.HelpPlanEntry, then_edit: bool = False) -> None:
        """Show a restricted entry's text (an audited view), then edit it if asked."""
        plans = self.session.services.plans

        def shown(full: m.HelpPlanEntry) -> None:
            self.revealed[full.id] = full
            if self.data is not None:
                self.show_data(self.data, self.names)
            if then_edit:
                self.edit_entry()

        self.session.call(lambda: plans.reveal_entry(entry.id), shown)

    def move_entry(self, step: int) -> None:
        entry = self.selected_entry()
        if entry is None or self.data is None:
            return
        same_area = [e for e in self.data.entries if e.life_area is entry.life_area]
        position = same_area.index(next(e for e in same_area if e.id == entry.id))
        target = position + step
        if not 0 <= target < len(same_area):
            return
        neighbour = same_area[target]
        flat_index = [e.id for e in self.data.entries].index(neighbour.id)
        plans = self.session.services.plans
        self.session.call(
            lambda: plans.move_entry(entry.id, flat_index), lambda _r: self.changed.emit()
        )

    def delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ziel löschen"),
            self.tr("Das Ziel „%1“ löschen?").replace(
                "%1", entry.goal[:80] or self.tr("vertrauliches Ziel")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        plans = self.session.services.plans
        self.session.call(lambda: plans.delete_entry(entry.id), lambda _r: self.changed.emit())


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
