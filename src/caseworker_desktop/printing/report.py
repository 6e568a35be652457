"""The outcome report (Ergebnisbericht) as an A4 landscape PDF: district, period, scope and
municipality filter, the figures per municipality with a total row, a bar chart of the main
outcomes, the language levels reached, the caseload per caseworker, "Seite x von y".
Aggregates only: the report names no client (caseworkers only if the reader chose so)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.district import DISTRICT_NAME
from ..domain.reports import (
    CASELOAD_FIGURES,
    FIGURE_KEYS,
    FIGURES,
    NO_LEVEL,
    OutcomeReport,
    Row,
)
from ..storage.atomic import write_atomic
from . import fonts, text
from .page import (
    ACCENT,
    FILL,
    HEADER_FILL,
    INK,
    MARGIN_X,
    MUTED,
    RULE,
    Styles,
    build_document,
    paragraph,
)

TITLE = "Ergebnisbericht Integrationsmanagement"
PRIVACY_NOTE = "Aggregierte Zahlen – keine Angaben zu einzelnen Klient:innen"
EMPTY = "Keine Fälle im Zeitraum."
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
PAD = 4
NAME_COLUMN = 46 * mm
# The outcomes the chart shows, in report order; the rest are caseload movements.
MAIN_OUTCOMES = ("own_flat", "course_completed", "work_started", "training_started", "independent")
SHORT_LABELS = {
    "own_flat": "Eigene Wohnung",
    "course_completed": "Sprachkurs abgeschlossen",
    "work_started": "Arbeit",
    "training_started": "Ausbildung",
    "independent": "Selbstständig",
}
SERIES_COLOURS = tuple(
    colors.HexColor(c) for c in ("#1f4e79", "#3a7ca5", "#81b8d6", "#d9a441", "#6a994e")
)
MAX_GROUPED = 8  # more municipalities than this: the chart shows the totals only

_number = ParagraphStyle(
    "number", parent=Styles.cell, alignment=TA_RIGHT, fontName=fonts.REGULAR, fontSize=9
)
_number_bold = ParagraphStyle("number_bold", parent=_number, fontName=fonts.BOLD)
_header = ParagraphStyle("report_header", parent=Styles.label_bold, fontSize=7.5, leading=9.5)
_header_right = ParagraphStyle("report_header_right", parent=_header, alignment=TA_RIGHT)


def fmt_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def period_text(report: OutcomeReport) -> str:
    return f"{fmt_date(report.start)} – {fmt_date(report.end)}"


def render_outcome_report(
    report: OutcomeReport,
    out: Path | str | BinaryIO,
    scope: str = "",
    *,
    generated_on: date | None = None,
) -> None:
    """Write the report PDF to `out` (a path is written atomically). `scope` says whose
    cases these are ("Team Nord", "Eigene Fälle")."""
    fonts.register_fonts()
    layout = _Layout(report, scope, generated_on or date.today())
    if isinstance(out, str | Path):
        buffer = io.BytesIO()
        layout.build(buffer)
        write_atomic(Path(out), buffer.getvalue())
    else:
        layout.build(out)


class _Layout:
    def __init__(self, report: OutcomeReport, scope: str, generated_on: date):
        self.report = report
        self.scope = scope
        self.generated_on = generated_on

    def build(self, out: BinaryIO) -> None:
        build_document(
            out,
            self.story(),
            self.decorate,
            title=f"{TITLE} {period_text(self.report)}",
            author=DISTRICT_NAME,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        )

    def para(self, value: str, style, width: float | None = None) -> Paragraph:
        return paragraph(value, style, width)

    # --- the document ------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = [*self.letterhead(), self.facts()]
        if not any(self.report.total.figures.values()):
            story += [Spacer(1, 8 * mm), self.para(EMPTY, Styles.body_bold)]
            return story
        story += self.figures_table()
        story += self.outcome_chart()
        story.append(self.levels_and_caseload())
        if self.report.min_count:
            note = (
                f"Zahlen von 1 bis {self.report.min_count - 1} sind als „< "
                f"{self.report.min_count}“ angegeben, damit niemand an einer kleinen Zahl "
                "erkennbar ist."
            )
            story += [Spacer(1, 4 * mm), self.para(note, Styles.label)]
        return story

    def letterhead(self) -> list[Flowable]:
        left_width = CONTENT_WIDTH * 0.6
        left = [
            self.para(DISTRICT_NAME, Styles.district),
            self.para("Integrationsmanagement", Styles.letterhead),
        ]
        right = Table(
            [[self.para("Erstellt am", Styles.label), self.para(fmt_date(self.generated_on),
                                                               Styles.body_bold)]],
            colWidths=[24 * mm, 24 * mm],
            style=_cell_style(0, 1.5),
            hAlign="RIGHT",
        )  # fmt: skip
        head = Table(
            [[left, right]],
            colWidths=[left_width, CONTENT_WIDTH - left_width],
            style=_cell_style(0, 0),
        )
        return [
            head,
            HRFlowable(
                width="100%", thickness=1.2, color=ACCENT, spaceBefore=3 * mm, spaceAfter=4 * mm
            ),
            Paragraph(TITLE, Styles.title),
            Spacer(1, 3 * mm),
        ]

    def facts(self) -> Table:
        r = self.report
        facts = [("Zeitraum", period_text(r))]
        if self.scope:
            facts.append(("Umfang", self.scope))
        facts.append(("Kommunen", ", ".join(r.municipality_filter) or "alle"))
        label_w, value_w = 26 * mm, CONTENT_WIDTH - 26 * mm
        rows = [
            [self.para(label, Styles.label), self.para(value, Styles.body_bold, value_w - 2 * PAD)]
            for label, value in facts
        ]
        style = _cell_style(PAD, 2.5)
        style.add("BACKGROUND", (0, 0), (-1, -1), FILL)
        style.add("TOPPADDING", (0, 0), (-1, 0), 5)
        style.add("BOTTOMPADDING", (0, -1), (-1, -1), 5)
        style.add("TOPPADDING", (0, 0), (0, -1), 3.8)  # smaller labels: on the values' baseline
        style.add("TOPPADDING", (0, 0), (0, 0), 6.3)
        return Table(rows, colWidths=[label_w, value_w], style=style)

    def section(self, title: str) -> Paragraph:
        return Paragraph(title, Styles.section)

    def figures_table(self) -> list[Flowable]:
        r = self.report
        figure_width = (CONTENT_WIDTH - NAME_COLUMN) / len(FIGURE_KEYS)
        widths = [NAME_COLUMN, *([figure_width] * len(FIGURE_KEYS))]
        header = [
            self.para("Kommune", _header),
            *(self.para(label, _header_right, figure_width - 2 * PAD) for _, label in FIGURES),
        ]
        rows: list[list] = [header]
        for row in [*r.rows, r.total]:
            bold = row is r.total
            rows.append(
                [
                    self.para(row.name, Styles.body_bold if bold else Styles.body),
                    *(
                        Paragraph(r.shown(row.figures[key]), _number_bold if bold else _number)
                        for key in FIGURE_KEYS
                    ),
                ]
            )
        style = _cell_style(PAD, 3.5)
        style.add("VALIGN", (0, 0), (-1, 0), "BOTTOM")
        style.add("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)
        style.add("LINEBELOW", (0, 1), (-1, -3), 0.5, RULE)
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)
        style.add("BACKGROUND", (0, -1), (-1, -1), FILL)
        table = Table(rows, colWidths=widths, repeatRows=1, style=style)
        return [self.section("Kennzahlen nach Kommune"), table]

    def outcome_chart(self) -> list[Flowable]:
        r = self.report
        grouped = 1 < len(r.rows) <= MAX_GROUPED
        rows: list[Row] = r.rows if grouped else [r.total]
        width, height = CONTENT_WIDTH, 46 * mm
        drawing = Drawing(width, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 8 * mm
        chart.width = width - chart.x - (48 * mm if grouped else 4 * mm)
        chart.height = height - chart.y - 5 * mm
        if grouped:
            chart.data = [[r.plotted(row.figures[key]) for row in rows] for key in MAIN_OUTCOMES]
            chart.categoryAxis.categoryNames = [row.name for row in rows]
            for index, colour in enumerate(SERIES_COLOURS):
                chart.bars[index].fillColor = colour
                chart.bars[index].strokeColor = None
            chart.groupSpacing = 6 * mm / max(len(rows), 1)
        else:
            chart.data = [[r.plotted(r.total.figures[key]) for key in MAIN_OUTCOMES]]
            chart.categoryAxis.categoryNames = [SHORT_LABELS[key] for key in MAIN_OUTCOMES]
            chart.bars[0].fillColor = ACCENT
            chart.bars[0].strokeColor = None
            chart.groupSpacing = 18 * mm
        chart.barSpacing = 1
        _style_axes(chart, max((max(series) for series in chart.data), default=0))
        drawing.add(chart)
        if grouped:
            legend = Legend()
            legend.x, legend.y = width - 44 * mm, height - 8 * mm
            legend.alignment = "right"
            legend.fontName, legend.fontSize = fonts.REGULAR, 7.5
            legend.fillColor = INK
            legend.columnMaximum = len(MAIN_OUTCOMES)
            legend.dx = legend.dy = 7
            legend.deltay = 12
            legend.strokeColor = None
            legend.colorNamePairs = [
                (colour, SHORT_LABELS[key])
                for colour, key in zip(SERIES_COLOURS, MAIN_OUTCOMES, strict=True)
            ]
            drawing.add(legend)
        caption = (
            "Wichtigste Ergebnisse nach Kommune" if grouped else "Wichtigste Ergebnisse (gesamt)"
        )
        return [KeepTogether([self.section(caption), drawing])]

    def levels_and_caseload(self) -> Flowable:
        gap = 10 * mm
        left_width = CONTENT_WIDTH * 0.46
        right_width = CONTENT_WIDTH - left_width - gap
        left = [
            self.section("Erreichtes Sprachniveau (abgeschlossene Kurse)"),
            self.levels(left_width),
        ]
        right = [self.section("Fallzahl je Fachkraft"), *self.caseload(right_width)]
        table = Table(
            [[left, "", right]],
            colWidths=[left_width, gap, right_width],
            style=_cell_style(0, 0),
        )
        return table

    def levels(self, width: float) -> Table:
        levels = self.report.levels
        table_width = 45 * mm
        rows: list[list] = [[self.para("Niveau", _header), self.para("Anzahl", _header_right)]]
        for level, count in levels.items():
            shown = Paragraph(self.report.shown(count), _number)
            rows.append([self.para(level, Styles.body), shown])
        rows.append(
            [
                self.para("Gesamt", Styles.body_bold),
                Paragraph(self.report.shown(sum(levels.values())), _number_bold),
            ]
        )
        style = _table_style()
        numbers = Table(rows, colWidths=[27 * mm, table_width - 27 * mm], style=style)
        chart_width = width - table_width - 6 * mm
        drawing = Drawing(chart_width, 52 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y = 10 * mm, 9 * mm
        chart.width, chart.height = chart_width - chart.x, 52 * mm - chart.y - 5 * mm
        chart.data = [[self.report.plotted(v) for v in levels.values()]]
        chart.categoryAxis.categoryNames = [
            "o. A." if level == NO_LEVEL else level for level in levels
        ]
        chart.bars[0].fillColor = SERIES_COLOURS[1]
        chart.bars[0].strokeColor = None
        chart.groupSpacing = 4 * mm
        _style_axes(chart, max(levels.values(), default=0))
        drawing.add(chart)
        return Table(
            [[numbers, "", drawing]],
            colWidths=[table_width, 6 * mm, chart_width],
            style=_cell_style(0, 0),
        )

    def caseload(self, width: float) -> list[Flowable]:
        r = self.report
        figure_width = 30 * mm
        name_width = width - figure_width * len(CASELOAD_FIGURES)
        rows: list[list] = [
            [
                self.para("Fachkraft", _header),
                *(self.para(label, _header_right) for _, label in CASELOAD_FIGURES),
            ]
        ]
        for worker in r.caseload:
            rows.append(
                [
                    self.para(worker.caseworker, Styles.body, name_width - 2 * PAD),
                    *(Paragraph(r.shown(worker.figures[k]), _number) for k, _ in CASELOAD_FIGURES),
                ]
            )
        totals = {k: sum(w.figures[k] for w in r.caseload) for k, _ in CASELOAD_FIGURES}
        rows.append(
            [
                self.para("Gesamt", Styles.body_bold),
                *(Paragraph(r.shown(totals[k]), _number_bold) for k, _ in CASELOAD_FIGURES),
            ]
        )
        table = Table(
            rows,
            colWidths=[name_width, *([figure_width] * len(CASELOAD_FIGURES))],
            repeatRows=1,
            style=_table_style(),
        )
        note = (
            "Fachkräfte pseudonymisiert."
            if r.pseudonymised
            else "Fachkräfte namentlich genannt (ausdrücklich so gewählt)."
        )
        return [table, Spacer(1, 2 * mm), self.para(note, Styles.note)]

    # --- page header and footer -----------------------------------------------------------

    def decorate(self, canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        if page > 1:
            top = PAGE_HEIGHT - 13 * mm
            text.draw(canvas, MARGIN_X, top, TITLE, 7.5)
            text.draw(canvas, PAGE_WIDTH - MARGIN_X, top, period_text(self.report), 7.5,
                      align="right")  # fmt: skip
            canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        bottom = 12 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        left = f"{DISTRICT_NAME} · {PRIVACY_NOTE} · erstellt am {fmt_date(self.generated_on)}"
        text.draw(canvas, MARGIN_X, bottom, left, 7.5)
        text.draw(canvas, PAGE_WIDTH - MARGIN_X, bottom, f"Seite {page} von {pages}", 7.5,
                  align="right")  # fmt: skip
        canvas.restoreState()


def _style_axes(chart: VerticalBarChart, top: int) -> None:
    """Whole-number value axis from 0, labels in the bundled font, the values on the bars."""
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = (top // step + 1) * step  # room for the value above the bar
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = "%d"
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = fonts.REGULAR
        axis.labels.fontSize = 7.5
        axis.labels.fillColor = INK
        axis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleTicks = False
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6


def _nice_step(top: int) -> int:
    """1, 2, 5, 10, 20, 50 … so that the axis has at most about five steps."""
    step, factors = 1, (2, 2.5, 2)
    index = 0
    while top / step > 5:
        step = int(step * factors[index % 3])
        index += 1
    return step


def _cell_style(horizontal: float, vertical: float) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
        ]
    )


def _table_style() -> TableStyle:
    """A small table with header row and total row."""
    style = _cell_style(PAD, 3)
    style.add("VALIGN", (0, 0), (-1, 0), "BOTTOM")
    style.add("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)
    style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)
    style.add("LINEBELOW", (0, 1), (-1, -3), 0.5, RULE)
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)
    style.add("BACKGROUND", (0, -1), (-1, -1), FILL)
    return style
