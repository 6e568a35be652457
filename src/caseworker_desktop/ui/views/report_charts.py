"""The outcomes of the report as charts that stay readable for all 39 municipalities of a
district: one small chart per outcome (small multiples), municipalities as horizontal
bars, largest first, at most eight (the rest as "weitere"), no rows of zeros. A report of
one municipality shows its outcomes side by side in one chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

from ..widgets.charts import PALETTE, HBarChart

COLUMNS = 2


class OutcomeCharts(QWidget):
    def __init__(self, figures: Sequence[tuple[str, str]], empty_text: str, parent=None):
        """`figures`: (key, label) of the outcomes, in the order shown."""
        super().__init__(parent)
        self.figures = list(figures)
        self.multiples: dict[str, HBarChart] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.total = HBarChart(top=len(self.figures))
        self.total.setObjectName("outcome_total_chart")
        self.total.set_empty_text(empty_text)
        grid.addWidget(self.total, 0, 0, 1, COLUMNS)
        for index, (key, caption) in enumerate(self.figures):
            chart = HBarChart(caption)
            chart.setObjectName(f"outcome_chart_{key}")
            chart.set_empty_text(self.tr("keine"))
            self.multiples[key] = chart
            grid.addWidget(chart, 1 + index // COLUMNS, index % COLUMNS)
        self.show_rows([], {})

    def show_rows(self, rows: Sequence[tuple[str, dict[str, int]]], total: dict[str, int]) -> None:
        """`rows`: (municipality, figures) of a report, `total` its sums."""
        several = len(rows) > 1
        self.total.setVisible(not several)
        for chart in self.multiples.values():
            chart.setVisible(several)
        if several:
            for index, (key, _caption) in enumerate(self.figures):
                self.multiples[key].set_data(
                    [(name, figures[key]) for name, figures in rows],
                    PALETTE[index % len(PALETTE)],
                )
        else:
            self.total.title = rows[0][0] if rows else ""
            self.total.set_data(
                [(caption, total.get(key, 0)) for key, caption in self.figures] if rows else []
            )

    def chart(self, key: str) -> HBarChart:
        return self.multiples[key]
