"""The outcome report over the cases in this file (after sync: a team lead's team, a
caseworker's own caseload), and its exports. Exports are audited; they carry aggregates
only, caseworkers by name only when the user chose so."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..domain.enums import AuditAction
from ..domain.reports import OutcomeReport, ReportData, csv_rows, outcome_report
from ..storage.atomic import write_atomic
from .context import ServiceContext, Tx

MIN_COUNT = 3  # an export shows 1 and 2 as "< 3"


class ReportService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def outcome(
        self,
        start: date,
        end: date,
        municipalities: Iterable[str] | None = None,
        *,
        with_names: bool = False,
    ) -> OutcomeReport:
        with self.ctx.transaction() as tx:
            data = gather(tx)
        return outcome_report(data, start, end, municipalities, pseudonymise=not with_names)

    def export_csv(
        self, report: OutcomeReport, path: Path | str, min_count: int = MIN_COUNT
    ) -> Path:
        """UTF-8 with BOM and semicolons: what a German spreadsheet opens without asking.
        Counts below `min_count` are shown as "< min_count" (OutcomeReport.for_export)."""
        report = report.for_export(min_count)
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(csv_rows(report))
        data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
        return self._export(report, path, data, "csv")

    def export_pdf(
        self, report: OutcomeReport, path: Path | str, scope: str = "", min_count: int = MIN_COUNT
    ) -> Path:
        from ..printing.report import render_outcome_report

        report = report.for_export(min_count)
        out = io.BytesIO()
        render_outcome_report(report, out, scope=scope)
        return self._export(report, path, out.getvalue(), "pdf")

    def _export(self, report: OutcomeReport, path: Path | str, data: bytes, kind: str) -> Path:
        path = Path(path)
        write_atomic(path, data)
        named = not report.pseudonymised
        with self.ctx.transaction() as tx:
            tx.audit(
                AuditAction.EXPORT,
                detail=(
                    f"outcome_report {kind} {report.start.isoformat()}..{report.end.isoformat()}"
                    f"{' with_caseworker_names' if named else ''} min_count={report.min_count}"
                ),
                entity="report",
                entity_id="outcome",
            )
        return path


def gather(tx: Tx) -> ReportData:
    """Every live case of the file with what the figures read."""
    cases = tx.find(m.Case)
    return ReportData(
        cases=cases,
        clients={c.id: c for c in tx.find(m.Client)},
        households={h.id: h for h in tx.find(m.Household)},
        municipalities={mu.id: mu.name for mu in tx.find(m.Municipality)},
        course_referrals=tx.find(m.CourseReferral),
        caseworkers={u.id: u.display_name for u in tx.find(m.User)},
    )
