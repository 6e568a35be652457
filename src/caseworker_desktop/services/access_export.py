"""The right of access (GDPR Art. 15) on the laptop: everything this case file holds about a
person (every case of theirs, deleted entries included), the audit entries about it, and to
whom data went, as JSON and as a PDF for the person (domain/access_export.py). Trauma
content only on an explicit choice, and only for someone who may see it; each export is
audited, each trauma referral included counts as viewed."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

import sqlalchemy as sa

from ..domain import model as m
from ..domain.access_export import AccessData, consent_recipients, copy_name, document
from ..domain.enums import AuditAction
from ..domain.errors import CaseworkerError, NotFoundError
from ..storage import audit, blobs
from ..storage.atomic import write_atomic
from ..storage.orm import table_of
from .context import ServiceContext, Tx

OFFICE_RECIPIENT = {
    "empfaenger": "Landratsamt, Integrationsmanagement (Abgleich der Akte)",
    "grundlage": "Welche Geräte die Akte empfangen haben, nennt die Auskunft des "
    "Landratsamts (caseworker-office export-client).",
}


@dataclass(frozen=True)
class AccessExport:
    json_path: Path
    pdf_path: Path
    records: int


class AccessExportService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def export(
        self, client: str, folder: Path | str, *, include_trauma: bool = False, lang: str = ""
    ) -> AccessExport:
        """`client`: the client's id or the Aktenzeichen of one of their cases."""
        from ..printing.access_export import render_access_export

        folder = Path(folder)
        if not folder.is_dir():
            raise CaseworkerError(f"Zielordner fehlt: {folder}")
        with self.ctx.transaction() as tx:
            data = gather(tx, client, include_trauma)
            names = _user_names(tx)
            data.history = _history(tx, data, names)
            created = self.ctx.clock.now()
            doc = document(data, created.astimezone(UTC))
            base = f"auskunft-{_reference(data)}-{created:%Y-%m-%d}"
            json_path, pdf_path = folder / f"{base}.json", folder / f"{base}.pdf"
            text = json.dumps(doc, ensure_ascii=False, indent=2)
            pdf = render_access_export(doc, lang=lang or data.client.preferred_language)
            files = [(json_path, text.encode("utf-8")), (pdf_path, pdf)]
            files += _document_files(tx, data, folder / f"{base}-dokumente")
            written: list[Path] = []
            try:  # all files and the audit entries, or none of them
                for path, content in files:
                    path.parent.mkdir(mode=0o700, exist_ok=True)
                    write_atomic(path, content)
                    written.append(path)
                tx.audit(
                    AuditAction.EXPORT,
                    data.client,
                    f"access_export trauma={'yes' if include_trauma else 'no'} "
                    f"records={len(data.records()) + 1}",
                )
                for referral in data.trauma_referrals:
                    tx.audit(AuditAction.VIEW, referral, "access_export")
                for attached in data.documents:
                    if attached.confidential:
                        tx.audit(AuditAction.VIEW, attached, "access_export")
            except BaseException:
                for path in written:
                    path.unlink(missing_ok=True)
                if written and written[-1].parent != folder:
                    with contextlib.suppress(OSError):
                        written[-1].parent.rmdir()
                raise
            return AccessExport(json_path, pdf_path, len(data.records()) + 1)


def gather(tx: Tx, client_ref: str, include_trauma: bool) -> AccessData:
    client = _find_client(tx, client_ref)

    def every(cls: type[m.Record], column: str, values: list[str]) -> list:
        if not values:
            return []
        t = table_of(cls)
        rows = tx.conn.execute(sa.select(t).where(t.c[column].in_(values))).mappings()
        return [cls(**row) for row in rows]  # deleted entries too: they are stored

    cases = every(m.Case, "client_id", [client.id])
    case_ids = [c.id for c in cases]
    plans = every(m.HelpPlan, "case_id", case_ids)
    trauma, placements = [], []
    if include_trauma:
        trauma = every(m.TraumaReferral, "case_id", case_ids)
        for referral in trauma:
            tx.require_trauma_access(referral)
        placements = every(m.TraumaPlacement, "case_id", case_ids)
    household = None
    if client.household_id:
        try:
            household = tx.get(m.Household, client.household_id, include_deleted=True)
        except NotFoundError:
            household = None
    consents = every(m.ConsentRecord, "client_id", [client.id])
    data = AccessData(
        client=client,
        household=household,
        consents=consents,
        data_markers=every(m.DataMarker, "client_id", [client.id]),
        cases=cases,
        help_plans=plans,
        help_plan_entries=every(m.HelpPlanEntry, "help_plan_id", [p.id for p in plans]),
        course_referrals=every(m.CourseReferral, "case_id", case_ids),
        trauma_referrals=trauma,
        trauma_placements=placements,
        contact_notes=every(m.ContactNote, "case_id", case_ids),
        review_comments=every(m.ReviewComment, "case_id", case_ids),
        reminders=every(m.Reminder, "case_id", case_ids),
        documents=[
            d
            for d in every(m.Document, "case_id", case_ids)
            if include_trauma or not d.confidential
        ],
        conflicts=[],
        include_trauma=include_trauma,
        source=f"Laptop von {tx.user.display_name or tx.user.username}",
    )
    conflicts = every(m.Conflict, "case_id", case_ids)
    ids = data.row_ids()
    conflicts += [c for c in every(m.Conflict, "row_id", sorted(ids)) if c not in conflicts]
    if not include_trauma:  # a conflict about a trauma text is trauma content too
        conflicts = [c for c in conflicts if c.table_name not in ("trauma_referral",)]
    data.conflicts = conflicts
    data.recipients = [*consent_recipients(consents), OFFICE_RECIPIENT]
    return data


def _document_files(tx: Tx, data: AccessData, folder: Path) -> list[tuple[Path, bytes]]:
    """A copy of every document whose content is on this laptop (Art. 15(3)), numbered as
    the JSON lists them; the content of the others is with the office."""
    files = []
    for number, attached in enumerate(data.documents, 1):
        if attached.deleted or not blobs.is_complete(tx.conn, attached.content_hash):
            continue
        content = blobs.read(tx.conn, attached.content_hash)
        files.append((folder / copy_name(number, attached), content))
    return files


def _find_client(tx: Tx, ref: str) -> m.Client:
    ref = ref.strip()
    cases = table_of(m.Case)
    found = tx.find(m.Case, cases.c.reference == ref)
    if found:
        return tx.get(m.Client, found[0].client_id, include_deleted=True)
    try:
        return tx.get(m.Client, ref, include_deleted=True)
    except NotFoundError:
        raise NotFoundError(
            f"Keine Klient:in „{ref}“ (Aktenzeichen eines Falls oder Kennung)."
        ) from None


def _history(tx: Tx, data: AccessData, names: dict[str, str]) -> list[dict]:
    ids = data.row_ids()
    events = [*audit.audit_events_for(tx.conn, ids), *audit.remote_events_for(tx.conn, ids)]
    return [
        {
            "zeit": e.at.isoformat(timespec="seconds") if hasattr(e.at, "isoformat") else e.at,
            "person": names.get(e.user_id, e.user_id),
            "aktion": e.action.value,
            "tabelle": e.entity,
            "kennung": e.entity_id,
            "details": e.detail,
        }
        for e in sorted(events, key=lambda e: str(e.at))
    ]


def _user_names(tx: Tx) -> dict[str, str]:
    users = tx.find(m.User)
    return {u.id: u.display_name or u.username for u in users}


def _reference(data: AccessData) -> str:
    live = [c for c in data.cases if not c.deleted]
    return (live[-1].reference if live else data.client.id[:8]) or data.client.id[:8]
