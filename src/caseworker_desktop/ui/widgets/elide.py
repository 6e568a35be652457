"""Cells cut short with "…" show their whole text as a tooltip, so that narrow columns
(a 1366 px screen, a splitter moved) hide nothing for good."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

Index = QModelIndex | QPersistentModelIndex


class ElidedTextTooltips(QStyledItemDelegate):
    """The model's own tooltip first; else, when the text does not fit, the text."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event is None or view is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        if index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text and self.is_elided(option, index, str(text)):
            QToolTip.showText(event.globalPos(), str(text), view)
            return True
        QToolTip.hideText()
        event.ignore()
        return True

    def is_elided(self, option: QStyleOptionViewItem, index: Index, text: str) -> bool:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return False
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        metrics = QFontMetrics(opt.font)
        widest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        return widest > rect.width() - 2 * margin or (
            "\n" in text and not opt.features & QStyleOptionViewItem.ViewItemFeature.WrapText
        )


def show_elided_text(view: QAbstractItemView) -> ElidedTextTooltips:
    """Install the tooltips on `view` (keeps any delegate set per column)."""
    delegate = ElidedTextTooltips(view)
    view.setItemDelegate(delegate)
    return delegate


__all__ = ["ElidedTextTooltips", "show_elided_text"]
