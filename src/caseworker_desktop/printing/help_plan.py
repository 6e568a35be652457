"""The individual help plan (Hilfeplan) as an A4 PDF: letterhead, client and caseworker,
plan period and status, goals and measures by life area, optionally the trauma consultation,
signature lines, "Seite x von y". Labels in German, optionally also in the client's language.
"""

from __future__ import annotations

import io
from datetime import date
from enum import StrEnum
from itertools import zip_longest
from pathlib import Path
from typing import BinaryIO

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

from ..storage.atomic import write_atomic
from . import fonts, text
from . import labels_i18n as i18n
from .data import HelpPlanPrint, PrintEntry, PrintTraumaReferral
from .page import (
    ACCENT,
    AREA_FILL,
    CONFIDENTIAL,
    CONTENT_WIDTH,
    FILL,
    HEADER_FILL,
    INK,
    MARGIN_X,
    MUTED,
    MUTED_HEX,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Styles,
    build_document,
    is_bold,
    paragraph,
)

PAD = 4  # cell padding (pt), left and right
# Goals table: no. | goal and measures | responsible | due | status
GOAL_COLUMNS = [10 * mm, 76 * mm, 38 * mm, 20 * mm, 26 * mm]
INFO_COLUMNS = [34 * mm, 51 * mm, 34 * mm, 51 * mm]
TRAUMA_COLUMNS = [36 * mm, 34 * mm, 100 * mm]

AGE_DE, AGE_UNKNOWN_DE = "{age} J.", "Alter unbekannt"

DISPUTED = "bestritten"  # what the person disputes (Art. 18 DSGVO), printed beside it


def fmt_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "–"


def render_help_plan(
    data: HelpPlanPrint,
    out: Path | str | BinaryIO,
    *,
    lang: str | None = None,
    include_trauma: bool = False,
) -> None:
    """Write the help plan PDF to `out` (a path is written atomically). `lang` adds the
    client's language to the German labels. The trauma consultation is printed only with
    include_trauma, and only if the data was gathered with it."""
    lang = i18n.check_language(lang)
    if include_trauma and data.trauma_referrals is None:
        raise ValueError("trauma referrals were not gathered for this printout")
    fonts.register_fonts()
    if isinstance(out, str | Path):
        buffer = io.BytesIO()
        _build(data, buffer, lang, include_trauma)
        write_atomic(Path(out), buffer.getvalue())
    else:
        _build(data, out, lang, include_trauma)


def _build(data: HelpPlanPrint, out: BinaryIO, lang: str | None, include_trauma: bool) -> None:
    """Lay out once; if the signatures would stand alone at the top of the last page,
    lay out again with the last goal (or the trauma section) carried over with them."""
    layout = _Layout(data, lang)
    title = f"{i18n.german('title')} {data.case_reference}"
    first = io.BytesIO()
    build_document(
        first, layout.story(include_trauma), layout.decorate, title=title, author=data.district
    )
    if not layout.signatures_orphaned():
        out.write(first.getvalue())
        return
    layout = _Layout(data, lang, glue_signatures=True)
    build_document(
        out, layout.story(include_trauma), layout.decorate, title=title, author=data.district
    )


class _PageMark(Flowable):
    """Takes no room; notes the page it is drawn on."""

    def __init__(self, pages: dict[str, int], name: str):
        super().__init__()
        self.pages, self.name = pages, name
        self.width = self.height = 0

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.pages[self.name] = self.canv.getPageNumber()


class _Layout:
    def __init__(self, data: HelpPlanPrint, lang: str | None, *, glue_signatures=False):
        self.data = data
        self.lang = lang
        self.glue_signatures = glue_signatures
        self.pages: dict[str, int] = {}

    def signatures_orphaned(self) -> bool:
        """The signatures began a page of their own, after what they sign."""
        return self.pages.get("signatures", 0) > self.pages.get("content_end", 0)

    # --- building blocks ---------------------------------------------------------------

    def para(self, value: str, style, width: float) -> Paragraph:
        """Plain text (escaped, any script) in a cell or frame of the given width."""
        return paragraph(value, style, width)

    def label(self, key, style, width: float, *, inline: bool = False) -> Paragraph:
        """A label in German and, below it (or after it: inline), in the second language."""
        markup = text.markup(i18n.german(key), style.fontSize, is_bold(style), width)
        second = i18n.translated(key, self.lang)
        if second:
            size = style.fontSize * (0.88 if inline else 0.9)
            joiner = "&nbsp;&nbsp;&nbsp;" if inline else "<br/>"
            second_markup = text.markup(second, size, False, None if inline else width)
            markup += f'{joiner}<font name="{fonts.REGULAR}" size="{size:.1f}" color="{MUTED_HEX}">'
            markup += f"{second_markup}</font>"
        return Paragraph(markup, style)

    # --- the document ------------------------------------------------------------------

    def story(self, include_trauma: bool) -> list[Flowable]:
        story: list[Flowable] = [
            *self.letterhead(),
            *self.title(),
            self.people(),
            *self.household(),
            Spacer(1, 3 * mm),
            self.plan_facts(),
        ]
        goals, last_goals = self.goals()
        story += goals
        tail: list[Flowable] = list(last_goals)
        if include_trauma:
            trauma = self.trauma(self.data.trauma_referrals or ())
            story += tail
            tail = trauma
        if self.glue_signatures:  # the signatures take what comes last along to their page
            story.append(KeepTogether([*tail, *self.signatures()]))
        else:
            story += [*tail, _PageMark(self.pages, "content_end")]
            story.append(KeepTogether(self.signatures()))
        return story

    def letterhead(self) -> list[Flowable]:
        d = self.data
        left_width, right_width = 100 * mm, CONTENT_WIDTH - 100 * mm
        lines = "Integrationsmanagement"
        if d.organisation and d.organisation != d.district:
            lines += f" · {d.organisation}"
        left = [
            self.para(d.district, Styles.district, left_width),
            self.para(lines, Styles.letterhead, left_width),
        ]
        facts = [
            ("case_reference", d.case_reference),
            ("printed_on", fmt_date(d.printed_on)),
        ]
        right = Table(
            [
                [
                    self.label(key, Styles.label, 30 * mm),
                    self.para(value, Styles.body_bold, 40 * mm),
                ]
                for key, value in facts
            ],
            colWidths=[32 * mm, right_width - 32 * mm],
            style=_cell_style(padding=(0, 1.5)),
            hAlign="RIGHT",
        )
        head = Table(
            [[left, right]], colWidths=[left_width, right_width], style=_cell_style(padding=(0, 0))
        )
        return [
            head,
            HRFlowable(
                width="100%", thickness=1.2, color=ACCENT, spaceBefore=4 * mm, spaceAfter=6 * mm
            ),
        ]

    def title(self) -> list[Flowable]:
        flowables: list[Flowable] = [Paragraph(i18n.german("title"), Styles.title)]
        if second := i18n.translated("title", self.lang):
            flowables.append(self.para(second, Styles.subtitle, CONTENT_WIDTH))
        flowables.append(Spacer(1, 5 * mm))
        return flowables

    def people(self) -> Table:
        d = self.data
        address = d.client_address.strip()
        if d.client_municipality and d.client_municipality not in address:
            address = f"{address}, {d.client_municipality}" if address else d.client_municipality

        def doubted(value: str, printed: str) -> str:
            return f"{value} ({DISPUTED})" if printed in d.disputed else value

        client = [
            ("client", doubted(d.client_name, "name"), True),
            ("birth_date", doubted(fmt_date(d.client_birth_date), "birth_date"), False),
            ("address", doubted(address or "–", "address"), False),
        ]
        caseworker = [
            ("caseworker", d.caseworker_name or "–", True),
            ("organisation", d.organisation or d.district, False),
        ]
        return self.fact_grid(client, caseworker)

    def household(self) -> list[Flowable]:
        """The client's household in one line per person: the client first (bold), then
        the others with their relation to the reference person and their age."""
        d = self.data
        if not d.household:
            return []
        widths = [INFO_COLUMNS[0], 60 * mm, 40 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))

        def age(years: int | None) -> str:
            return AGE_UNKNOWN_DE if years is None else AGE_DE.format(age=years)

        people = [(d.client_name, d.client_relationship, None, True)]
        people += [(p.name, p.relationship, p.age, False) for p in d.household]
        rows = []
        for number, (name, relation, years, is_client) in enumerate(people):
            style = Styles.body_bold if is_client else Styles.body
            rows.append(
                [
                    self.label("household", Styles.label, widths[0] - 2 * PAD)
                    if number == 0
                    else self.para("", Styles.label, widths[0] - 2 * PAD),
                    self.para(name, style, widths[1] - 2 * PAD),
                    self.label(relation, Styles.body, widths[2] - 2 * PAD),
                    self.para("" if is_client else age(years), Styles.body, widths[3] - 2 * PAD),
                ]
            )
        style = _cell_style(padding=(PAD, 2))
        style.add("BACKGROUND", (0, 0), (-1, -1), FILL)
        style.add("TOPPADDING", (0, 0), (-1, 0), 5)
        style.add("BOTTOMPADDING", (0, -1), (-1, -1), 5)
        style.add("TOPPADDING", (0, 0), (0, 0), 6.3)
        return [Spacer(1, 2 * mm), Table(rows, colWidths=widths, style=style)]

    def plan_facts(self) -> Table:
        d = self.data
        period = [
            ("period", f"{fmt_date(d.period_start)} – {fmt_date(d.period_end)}", True),
            ("next_review", fmt_date(d.next_review_on), True),
        ]
        state: list[tuple] = [("status", d.plan_status, True)]
        if d.agreed_on:
            state.append(("agreed_on", fmt_date(d.agreed_on), False))
        if d.approved_on:
            state.append(("approved_on", fmt_date(d.approved_on), False))
        return self.fact_grid(period, state)

    def fact_grid(self, left: list[tuple], right: list[tuple]) -> Table:
        """Two columns of (label key, value, bold) facts on a light background."""
        label_w, value_w = INFO_COLUMNS[0] - 2 * PAD, INFO_COLUMNS[1] - 2 * PAD
        rows = []
        for pair_left, pair_right in zip_longest(left, right):
            row: list = []
            for pair in (pair_left, pair_right):
                if pair is None:
                    row += ["", ""]
                    continue
                key, value, bold = pair
                style = Styles.body_bold if bold else Styles.body
                cell = (
                    self.label(value, style, value_w)
                    if isinstance(value, StrEnum)
                    else self.para(value, style, value_w)
                )
                row += [self.label(key, Styles.label, label_w), cell]
            rows.append(row)
        style = _cell_style(padding=(PAD, 3))
        style.add("BACKGROUND", (0, 0), (-1, -1), FILL)
        style.add("TOPPADDING", (0, 0), (-1, 0), 6)
        for column in (0, 2):  # smaller labels: down to the values' baseline
            style.add("TOPPADDING", (column, 0), (column, -1), 4.3)
            style.add("TOPPADDING", (column, 0), (column, 0), 7.3)
        style.add("BOTTOMPADDING", (0, -1), (-1, -1), 6)
        return Table(rows, colWidths=INFO_COLUMNS, style=style)

    def goals(self) -> tuple[list[Flowable], list[Flowable]]:
        """The goals section and, apart, a table of its last goal (under the column
        heads and its life area) to be kept with the signatures when they would be
        orphaned; both lists together are the whole section."""
        flowables: list[Flowable] = [
            self.label("goals", Styles.section, CONTENT_WIDTH, inline=True)
        ]
        by_area = self.data.entries_by_area()
        if not by_area:
            return [*flowables, *self.sentence("no_goals")], []
        rows: list[tuple] = [("header",)]
        number = 0
        for area, entries in by_area.items():
            rows.append(("area", area))
            for entry in entries:
                number += 1
                rows.append(("entry", number, entry))
        if not self.glue_signatures:
            return [*flowables, self.goal_table(rows)], []
        last_area = max(i for i, row in enumerate(rows) if row[0] == "area")
        if last_area == len(rows) - 2:  # the last area has one goal: it moves with it
            body, tail = rows[:last_area], [rows[0], *rows[last_area:]]
        else:
            body, tail = rows[:-1], [rows[0], rows[last_area], rows[-1]]
        if len(body) > 1:
            flowables.append(self.goal_table(body))
        return flowables, [self.goal_table(tail)]

    def goal_table(self, specs: list[tuple]) -> Table:
        widths = [w - 2 * PAD for w in GOAL_COLUMNS]
        header = [
            self.label(key, Styles.label_bold, w)
            for key, w in zip(
                ("number", "goal_and_measures", "responsible", "due", "status"), widths, strict=True
            )
        ]
        rows: list[list] = []
        style = _cell_style(padding=(PAD, 4))
        style.add("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)
        style.add("FONT", (0, 1), (-1, -1), fonts.REGULAR, Styles.cell.fontSize)
        style.add("TEXTCOLOR", (0, 1), (-1, -1), INK)
        for spec in specs:
            row = len(rows)
            if spec[0] == "header":
                rows.append(header)
            elif spec[0] == "area":
                rows.append(
                    [self.label(spec[1], Styles.area, CONTENT_WIDTH - 2 * PAD, inline=True)]
                )
                style.add("SPAN", (0, row), (-1, row))
                style.add("BACKGROUND", (0, row), (-1, row), AREA_FILL)
                style.add("TOPPADDING", (0, row), (-1, row), 5)
                style.add("NOSPLIT", (0, row), (-1, row + 1))  # no orphaned area title
            else:
                rows.append(self.goal_row(spec[1], spec[2], widths))
                style.add("LINEBELOW", (0, row), (-1, row), 0.5, RULE)
        return Table(rows, colWidths=GOAL_COLUMNS, repeatRows=1, style=style)

    def goal_row(self, number: int, entry: PrintEntry, widths: list[float]) -> list:
        content: list[Flowable] = [self.para(entry.goal, Styles.body_bold, widths[1])]
        if entry.measures.strip():
            content.append(self.para(entry.measures.strip(), Styles.measures, widths[1]))
        if entry.outcome_note.strip():
            outcome = f"{i18n.german('outcome')}: {entry.outcome_note.strip()}"
            content.append(self.para(outcome, Styles.note, widths[1]))
        return [
            f"{number}.",  # plain strings: set by the table (FONT below), much cheaper
            content,
            self.para(entry.responsible or "–", Styles.cell, widths[2]),
            fmt_date(entry.due_on),
            self.label(entry.status, Styles.cell, widths[4]),
        ]

    def trauma(self, referrals: tuple[PrintTraumaReferral, ...]) -> list[Flowable]:
        heading = self.label("trauma", Styles.section, CONTENT_WIDTH, inline=True)
        tag = self.label("confidential", Styles.confidential, CONTENT_WIDTH, inline=True)
        if not referrals:
            return [KeepTogether([heading, tag, Spacer(1, 1.5 * mm), *self.sentence("no_trauma")])]
        widths = [w - 2 * PAD for w in TRAUMA_COLUMNS]
        rows: list[list] = [
            [
                self.label(key, Styles.label_bold, w)
                for key, w in zip(
                    ("status", "consultation_date", "recommendation"), widths, strict=True
                )
            ]
        ]
        for referral in referrals:
            rows.append(
                [
                    self.label(referral.status, Styles.cell, widths[0]),
                    Paragraph(fmt_date(referral.consultation_date), Styles.cell),
                    self.para(referral.recommendation.strip() or "–", Styles.measures, widths[2]),
                ]
            )
        style = _cell_style(padding=(PAD, 4))
        style.add("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, CONFIDENTIAL)
        style.add("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE)
        table = Table(rows, colWidths=TRAUMA_COLUMNS, repeatRows=1, style=style)
        return [KeepTogether([heading, tag, Spacer(1, 2 * mm), table])]

    def sentence(self, key: str) -> list[Flowable]:
        """A German sentence and its translation (right-aligned for right-to-left)."""
        flowables: list[Flowable] = [Paragraph(i18n.german(key), Styles.body)]
        if second := i18n.translated(key, self.lang):
            style = (
                Styles.translation_right if self.lang in i18n.RTL_LANGUAGES else Styles.translation
            )
            flowables.append(self.para(second, style, CONTENT_WIDTH))
        return flowables

    def signatures(self) -> list[Flowable]:
        d = self.data
        column = 78 * mm
        gap = CONTENT_WIDTH - 2 * column
        width = column - 2 * PAD

        def caption(key: str, name: str = "") -> list[Flowable]:
            cell: list[Flowable] = [self.label(key, Styles.label, width)]
            if name:
                cell.insert(0, self.para(name, Styles.body, width))
            return cell

        rows = [
            ["", "", ""],
            [caption("place_date"), "", caption("place_date")],
            ["", "", ""],
            [
                caption("signature_client", d.client_name),
                "",
                caption("signature_caseworker", d.caseworker_name),
            ],
        ]
        style = _cell_style(padding=(PAD, 2))
        for row in (0, 2):
            style.add("LINEBELOW", (0, row), (0, row), 0.8, ACCENT)
            style.add("LINEBELOW", (2, row), (2, row), 0.8, ACCENT)
        table = Table(rows, colWidths=[column, gap, column], rowHeights=[14 * mm, None] * 2)
        table.setStyle(style)
        heading = self.label("signatures", Styles.section, CONTENT_WIDTH, inline=True)
        return [_PageMark(self.pages, "signatures"), heading, *self.sentence("agreement"), table]

    # --- page header and footer -----------------------------------------------------------

    def decorate(self, canvas, page: int, pages: int) -> None:
        d = self.data
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        if page > 1:
            top = PAGE_HEIGHT - 13 * mm
            running = f"{i18n.german('title')} · {d.client_name}"
            text.draw(canvas, MARGIN_X, top, running, 7.5)
            text.draw(canvas, PAGE_WIDTH - MARGIN_X, top, d.case_reference, 7.5, align="right")
            canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        bottom = 12 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        text.draw(canvas, MARGIN_X, bottom, f"{d.district} · {d.case_reference}", 7.5)
        numbering = i18n.german("page").format(page=page, pages=pages)
        if second := i18n.translated("page", self.lang):
            numbering += " · " + second.format(page=page, pages=pages)
        text.draw(canvas, PAGE_WIDTH - MARGIN_X, bottom, numbering, 7.5, align="right")
        canvas.restoreState()


def _cell_style(padding: tuple[float, float]) -> TableStyle:
    horizontal, vertical = padding
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
        ]
    )
