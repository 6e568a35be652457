"""Comments of the team lead (Kommentare der Teamleitung): shown to both roles, open ones
first and highlighted; the team lead writes them, whoever holds the case marks them done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....domain import model as m
from ....domain.enums import Role
from ....services import ClientFile
from ...dialogs.review import CommentDialog
from ...i18n import format_date
from ...session import Session
from ..common import run_form

OPEN_STYLE = (
    "QFrame#review_comment { background: #fff4d6; border: 1px solid #e8c25a;"
    " border-left: 4px solid #d99a00; border-radius: 3px; }"
)
DONE_STYLE = (
    "QFrame#review_comment { background: #f5f5f5; border: 1px solid #e0e0e0; border-radius: 3px; }"
)


class ReviewPanel(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data: ClientFile | None = None
        self.names: dict[str, str] = {}
        self.dialog = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 6)
        box.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("review_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.title, 1)
        self.comment_button = QPushButton(self.tr("Kommentieren …"))
        self.comment_button.setObjectName("add_comment")
        self.comment_button.setToolTip(self.tr("Einen Kommentar für die Fachkraft schreiben"))
        self.comment_button.clicked.connect(self.add_comment)
        top.addWidget(self.comment_button)
        box.addLayout(top)
        self.cards = QWidget()
        self.cards_box = QVBoxLayout(self.cards)
        self.cards_box.setContentsMargins(0, 0, 0, 0)
        self.cards_box.setSpacing(4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.cards)
        box.addWidget(self.scroll)
        self.done_buttons: dict[str, QPushButton] = {}

    @property
    def team_lead(self) -> bool:
        return self.session.user.role is Role.TEAM_LEAD

    def show_data(self, data: ClientFile, names: dict[str, str]) -> None:
        self.data, self.names = data, names
        comments = sorted(data.comments, key=lambda c: (c.resolved, _newest_first(c)))
        open_count = sum(1 for c in comments if not c.resolved)
        self.setVisible(bool(comments) or self.team_lead)
        self.comment_button.setVisible(self.team_lead)
        heading = self.tr("Kommentare der Teamleitung")
        if open_count:
            state = self.tr("%1 offen").replace("%1", str(open_count))
            heading = f"<b>{heading}</b> <span style='color:#9a5b00'><b>({state})</b></span>"
        elif comments:
            state = self.tr("alle erledigt")
            heading = f"<b>{heading}</b> <span style='color:#666'>({state})</span>"
        else:
            state = self.tr("noch keine")
            heading = f"<b>{heading}</b> <span style='color:#666'>({state})</span>"
        self.title.setText(heading)
        while self.cards_box.count():
            item = self.cards_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.done_buttons = {}
        for comment in comments:
            self.cards_box.addWidget(self._card(comment, data))
        self.scroll.setVisible(bool(comments))
        # Room for about two comments; more scroll.
        self.scroll.setFixedHeight(min(190, 12 + 62 * len(comments)) if comments else 0)

    def _card(self, comment: m.ReviewComment, data: ClientFile) -> QFrame:
        card = QFrame()
        card.setObjectName("review_comment")
        card.setStyleSheet(DONE_STYLE if comment.resolved else OPEN_STYLE)
        row = QHBoxLayout(card)
        row.setContentsMargins(8, 4, 6, 4)
        author = _esc(self.names.get(comment.author_id, self.tr("Teamleitung")))
        when = format_date(comment.created_at.date())
        about = (
            self.tr("zum Hilfeplan")
            if comment.help_plan_id and data.plan and comment.help_plan_id == data.plan.id
            else self.tr("zu einem früheren Hilfeplan")
            if comment.help_plan_id
            else self.tr("zum Fall")
        )
        colour = "#777" if comment.resolved else "#222"
        text = _esc(comment.text).replace("\n", "<br>")
        label = QLabel(
            f"<span style='color:#555'><b>{author}</b> · {when} · {about}</span><br>"
            f"<span style='color:{colour}'>{text}</span>"
        )
        label.setObjectName("comment_label")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet("background: transparent; border: none;")
        row.addWidget(label, 1)
        if comment.resolved:
            done = QLabel(self.tr("✓ erledigt"))
            done.setStyleSheet("color: #2e7d32; background: transparent; border: none;")
            row.addWidget(done, 0, Qt.AlignmentFlag.AlignTop)
        else:
            button = QPushButton(self.tr("Erledigt"))
            button.setObjectName("resolve_comment")
            button.setToolTip(self.tr("Als erledigt markieren"))
            button.clicked.connect(lambda _checked=False, c=comment.id: self.resolve(c))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.done_buttons[comment.id] = button
        return card

    # --- actions -------------------------------------------------------------------------

    def add_comment(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        plan_id = self.data.plan.id if self.data.plan else None
        reviews = self.session.services.reviews
        dialog = CommentDialog(self.data.client.full_name, plan_id is not None, self)

        def save(values: dict):
            return reviews.comment(
                case_id, values["text"], help_plan_id=plan_id if values["on_plan"] else None
            )

        self.dialog = run_form(self.session, dialog, save, lambda _c: self.changed.emit())

    def resolve(self, comment_id: str) -> None:
        if comment_id in self.done_buttons:
            self.done_buttons[comment_id].setEnabled(False)
        reviews = self.session.services.reviews
        self.session.call(lambda: reviews.resolve(comment_id), lambda _c: self.changed.emit())


def _newest_first(comment: m.ReviewComment) -> float:
    return -comment.created_at.timestamp()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
