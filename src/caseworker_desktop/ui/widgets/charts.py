"""A small bar chart painted with QPainter: one bar per category, or a group of bars per
category (one per series), whole-number value axis with grid, the value above each bar and
a legend when there is more than one series. (QtCharts would add ~150 MB to the bundle.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1f4e79", "#3a7ca5", "#81b8d6", "#d9a441", "#6a994e", "#9b2226")
INK = QColor("#1d2733")
MUTED = QColor("#5d6875")
GRID = QColor("#dde3ea")
MAX_BAR = 56  # px: a single bar does not fill the whole chart


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


def nice_step(top: int) -> int:
    """1, 2, 5, 10, 20, 50 … so that the axis has at most about five steps."""
    step, factors, index = 1, (2, 2.5, 2), 0
    while top / step > 5:
        step = int(step * factors[index % 3])
        index += 1
    return step


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._categories: list[str] = []
        self._series: list[Series] = []
        self._empty_text = ""
        self._legend = False  # with one series; several always get a legend
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    # --- data --------------------------------------------------------------------------

    def set_data(
        self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
    ) -> None:
        """`series`: (name, one value per category); one series: a simple bar chart."""
        self._categories = list(categories)
        self._series = [Series(name, tuple(values)) for name, values in series]
        for s in self._series:
            if len(s.values) != len(self._categories):
                raise ValueError(f"series {s.name!r}: one value per category expected")
        self.update()

    def set_empty_text(self, text: str) -> None:
        """Shown instead of the bars when there is nothing to show."""
        self._empty_text = text
        self.update()

    def set_legend_visible(self, visible: bool) -> None:
        """Name a single series above the bars (several series are always named)."""
        self._legend = visible
        self.update()

    def categories(self) -> list[str]:
        return list(self._categories)

    def series(self) -> list[Series]:
        return list(self._series)

    def sizeHint(self) -> QSize:
        return QSize(460, 260)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 8, -8, -6)
        if not self._categories or not self._series:
            painter.setPen(MUTED)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        if len(self._series) > 1 or self._legend:
            area.setTop(area.top() + self._paint_legend(painter, area, metrics) + 6)
        top_value = max(max(s.values, default=0) for s in self._series)
        step = nice_step(top_value)
        axis_max = (top_value // step + 1) * step
        label_width = metrics.horizontalAdvance(str(axis_max)) + 6
        plot = QRectF(
            area.left() + label_width,
            area.top() + line * 0.5,
            area.width() - label_width,
            area.height() - line * 0.5 - self._category_label_height(metrics, area, label_width),
        )
        if plot.height() < 20 or plot.width() < 20:
            return
        # grid and value axis
        painter.setFont(self.font())
        for value in range(0, axis_max + 1, step):
            y = plot.bottom() - plot.height() * value / axis_max
            painter.setPen(QPen(GRID if value else MUTED, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(area.left(), y - line / 2, label_width - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        # bars, grouped by category
        slot = plot.width() / len(self._categories)
        bar = min(slot * (0.8 if len(self._series) > 1 else 0.6) / len(self._series), MAX_BAR)
        group = bar * len(self._series)
        for c, name in enumerate(self._categories):
            left = plot.left() + c * slot + (slot - group) / 2
            for s, series in enumerate(self._series):
                value = series.values[c]
                height = plot.height() * value / axis_max
                rect = QRectF(left + s * bar + 1, plot.bottom() - height, max(bar - 2, 1), height)
                painter.fillRect(rect, QColor(PALETTE[s % len(PALETTE)]))
                painter.setPen(INK)
                painter.drawText(
                    QRectF(rect.center().x() - 30, rect.top() - line - 1, 60, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
            painter.setPen(INK)
            label_rect = QRectF(plot.left() + c * slot + 2, plot.bottom() + 4, slot - 4, 3 * line)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._fit(name, metrics, label_rect),
            )

    def _category_label_height(self, metrics: QFontMetrics, area: QRectF, label_width) -> float:
        slot = (area.width() - label_width) / max(len(self._categories), 1) - 4
        lines = 1
        for name in self._categories:
            bound = metrics.boundingRect(
                0, 0, max(int(slot), 1), 1000, Qt.TextFlag.TextWordWrap, name
            )
            lines = max(lines, min(3, round(bound.height() / metrics.height())))
        return lines * metrics.height() + 6

    @staticmethod
    def _fit(name: str, metrics: QFontMetrics, rect: QRectF) -> str:
        """Whole words wrap; a single word wider than the slot is elided."""
        return " ".join(
            metrics.elidedText(word, Qt.TextElideMode.ElideRight, int(rect.width()))
            for word in name.split(" ")
        )

    def _paint_legend(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> float:
        """Legend entries left to right, wrapping; returns the height used."""
        x, y, line = area.left(), area.top(), metrics.height()
        box = line * 0.7
        for index, series in enumerate(self._series):
            width = box + 4 + metrics.horizontalAdvance(series.name) + 14
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + line + 2
            painter.fillRect(
                QRectF(x, y + (line - box) / 2, box, box), QColor(PALETTE[index % len(PALETTE)])
            )
            painter.setPen(INK)
            painter.drawText(
                QRectF(x + box + 4, y, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                series.name,
            )
            x += width
        return y + line - area.top()


class HBarChart(QWidget):
    """Horizontal bars, largest first: names stay readable however many there are. At most
    `top` bars; the rest are summed up in one bar "weitere (n)". Zeros are left out."""

    def __init__(self, title: str = "", top: int = 8, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.top = top
        self._bars: list[tuple[str, int]] = []
        self._rest = False  # the last bar sums up the rest ("weitere")
        self._empty_text = ""
        self._colour = QColor(PALETTE[0])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, values: Sequence[tuple[str, int]], colour: str = PALETTE[0]) -> None:
        shown = sorted((v for v in values if v[1] > 0), key=lambda v: (-v[1], v[0].casefold()))
        self._rest = len(shown) > self.top
        if self._rest:
            rest = shown[self.top - 1 :]
            others = self.tr("weitere (%1)").replace("%1", str(len(rest)))
            shown = [*shown[: self.top - 1], (others, sum(n for _, n in rest))]
        self._bars = shown
        self._colour = QColor(colour)
        self.setFixedHeight(self._height())
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def _has_rest(self) -> bool:
        return self._rest

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def _height(self) -> int:
        line = QFontMetrics(self.font()).height()
        rows = max(len(self._bars), 1)
        return int(line * 1.6 + rows * (line + 6) + 8)

    def sizeHint(self) -> QSize:
        return QSize(320, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(bold).elidedText(
                self.title, Qt.TextElideMode.ElideRight, int(area.width())
            ),
        )
        painter.setFont(self.font())
        top = area.top() + line * 1.6
        if not self._bars:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(area.left(), top, area.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                self._empty_text,
            )
            return
        label_width = min(
            max(metrics.horizontalAdvance(name) for name, _ in self._bars) + 14,
            area.width() * 0.45,
        )
        value_width = metrics.horizontalAdvance(str(max(n for _, n in self._bars))) + 6
        bar_space = max(area.width() - label_width - value_width, 10)
        # The named bars set the scale; the sum of the rest is drawn grey, at most full width
        named = [n for name, n in self._bars[: self.top - 1]] if self._has_rest() else []
        highest = max(named or [n for _, n in self._bars])
        for index, (name, value) in enumerate(self._bars):
            y = top + index * (line + 6)
            rest = self._has_rest() and index == len(self._bars) - 1
            painter.setPen(MUTED if rest else INK)
            painter.drawText(
                QRectF(area.left(), y, label_width - 6, line + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, int(label_width - 6)),
            )
            width = bar_space * min(value / highest, 1.0)
            bar = QRectF(area.left() + label_width, y + 2, max(width, 1), line)
            painter.fillRect(bar, GRID.darker(115) if rest else self._colour)
            painter.drawText(
                QRectF(bar.right() + 4, y, value_width, line + 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
