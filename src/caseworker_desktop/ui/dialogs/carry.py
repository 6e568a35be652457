"""Before a specialist's recommendation goes into the help plan: what will be added, in
which life area, and that an agreed or approved plan returns to draft."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ...domain import model as m
from ...domain.enums import HelpPlanStatus, LifeArea
from ...services.help_plans import recommendation_goal
from ..i18n import enum_label
from ..widgets.fields import EnumCombo


class CarryRecommendationDialog(QDialog):
    chosen = Signal(object)  # the LifeArea of the new goal

    def __init__(self, referral: m.TraumaReferral, plan: m.HelpPlan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Empfehlung in den Hilfeplan übernehmen"))
        self.setModal(True)
        self.setMinimumWidth(480)
        goal, measures = recommendation_goal(referral)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Dieses Ziel kommt in den Hilfeplan:"))
        layout.addWidget(intro)
        form = QFormLayout()
        self.area = EnumCombo(LifeArea)
        self.area.set_value(LifeArea.HEALTH)
        form.addRow(self.tr("Lebensbereich"), self.area)
        self.goal = QLabel(goal)
        self.goal.setObjectName("carried_goal")
        self.goal.setWordWrap(True)
        self.goal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Ziel"), self.goal)
        self.measures = QLabel(measures or "–")
        self.measures.setWordWrap(True)
        form.addRow(self.tr("Maßnahmen"), self.measures)
        layout.addLayout(form)
        self.back_to_draft = QLabel()
        self.back_to_draft.setObjectName("back_to_draft")
        self.back_to_draft.setWordWrap(True)
        self.back_to_draft.setStyleSheet(
            "background: #fff7e0; border: 1px solid #e0c060; padding: 8px; border-radius: 4px;"
        )
        if plan.status is not HelpPlanStatus.DRAFT:
            self.back_to_draft.setText(
                self.tr(
                    "Der Hilfeplan ist „%1“. Mit dem neuen Ziel geht er in den Entwurf zurück: "
                    "Er muss mit der Klient:in neu vereinbart und unterschrieben und von der "
                    "Teamleitung erneut freigegeben werden."
                ).replace("%1", enum_label(plan.status))
            )
        else:
            self.back_to_draft.hide()
        layout.addWidget(self.back_to_draft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Übernehmen"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.area.setFocus()

    def _accept(self) -> None:
        self.chosen.emit(self.area.value())
        self.accept()
