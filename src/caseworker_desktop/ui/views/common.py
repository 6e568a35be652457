"""Shared pieces of the views: running a dialog's save through the worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from ...domain.errors import CaseworkerError, ValidationError
from ...services import NewClient
from ..dialogs.base import FormDialog
from ..operations import DB
from ..session import Session
from ..widgets.elide import show_elided_text
from ..widgets.flow import flow_row


def run_form(
    session: Session,
    dialog: FormDialog,
    save: Callable[[dict], Any],
    on_saved: Callable[[Any], None] | None = None,
    *,
    pool: str = DB,
) -> FormDialog:
    """Open `dialog`; on submit run `save(values)` on the worker (`pool`: NETWORK for a
    form that waits on the office). Validation problems go back to the fields, the
    dialog stays open; success closes it and calls `on_saved`."""

    def submitted(values: dict) -> None:
        dialog.buttons.setEnabled(False)

        def ok(result) -> None:
            dialog.buttons.setEnabled(True)
            dialog.saved()
            if on_saved is not None:
                on_saved(result)

        def failed(exc: BaseException) -> None:
            dialog.buttons.setEnabled(True)
            if isinstance(exc, ValidationError):
                dialog.show_problems(exc.problems)
            elif isinstance(exc, CaseworkerError):
                dialog.show_error(str(exc))
            else:
                dialog.show_error(
                    QCoreApplication.translate("FormDialog", "Speichern fehlgeschlagen.")
                )
                session.ops.failed.emit(exc)

        session.call(lambda: save(values), ok, failed, pool=pool)

    dialog.submitted.connect(submitted)
    dialog.open()
    return dialog


def register_client(services, values: dict):
    """The new-client dialog's values into the service: someone alike on file is refused
    until the user confirms it is another person."""
    values = dict(values)
    refuse = values.pop("refuse_duplicates", True)
    return services.clients.register(NewClient(**values), refuse_duplicates=refuse)


def button_row(*buttons: QPushButton, stretch_first: bool = False) -> QWidget:
    """Buttons on one line, wrapping onto the next when the window is narrow;
    stretch_first: aligned right."""
    return flow_row(*buttons, align_right=stretch_first)


def record_table(name: str, model, min_height: int) -> QTableView:
    """A read-only list of records in a box of the master data (consents, markers): whole
    rows, one at a time, columns as wide as their content, long text elided with a tooltip."""
    table = QTableView()
    table.setObjectName(name)
    show_elided_text(table)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(min_height)
    return table
