"""The right of access (GDPR Art. 15) at the office: everything the office holds about a
person (their cases with every row, deleted entries too, restricted text opened for the
export only), the audit trail the devices sent about those rows, and the recipients: the
releases from the consents and every device that received the cases (office/access.py).
Trauma content only with an explicit choice; every export is in the office's audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from ..domain import model as m
from ..domain.access_export import AccessData, consent_recipients, copy_name, document
from ..storage.atomic import write_atomic
from . import access, documents, keyed_sql
from . import schema as s
from .auth import OfficeError
from .reports import records


@dataclass(frozen=True)
class OfficeAccessExport:
    json_path: Path
    pdf_path: Path
    records: int


def export(store, client: str, folder: Path, *, include_trauma: bool = False) -> OfficeAccessExport:
    from ..printing.access_export import render_access_export

    if not folder.is_dir():
        raise OfficeError(f"Zielordner fehlt: {folder}")
    with store.engine.connect() as conn:
        data = gather(conn, store.sealer, client, include_trauma)
    created = s.utcnow()
    doc = document(data, created)
    reference = next((c.reference for c in data.cases if c.reference), data.client.id[:8])
    base = f"auskunft-{reference}-{created:%Y-%m-%d}-landratsamt"
    json_path, pdf_path = folder / f"{base}.json", folder / f"{base}.pdf"
    write_atomic(json_path, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    write_atomic(pdf_path, render_access_export(doc, lang=data.client.preferred_language))
    copies = folder / f"{base}-dokumente"
    with store.engine.connect() as conn:
        for number, attached in enumerate(data.documents, 1):
            content = None if attached.deleted else documents.content(conn, store.sealer, attached)
            if content is not None:  # a copy of every document whose content is here
                copies.mkdir(mode=0o700, exist_ok=True)
                write_atomic(copies / copy_name(number, attached), content)
    with store.write() as conn:
        s.audit(conn, "admin", "access_export",
                f"client={data.client.id} trauma={'yes' if include_trauma else 'no'}")  # fmt: skip
    return OfficeAccessExport(json_path, pdf_path, len(data.records()) + 1)


def _client_id(conn: sa.Connection, given: str) -> str:
    given = given.strip()
    fs = s.field_state
    case = s.case_with_reference(conn, given)
    if case is not None:
        found = conn.execute(
            sa.select(fs.c.value).where(
                fs.c.table_name == "case_file", fs.c.row_id == case, fs.c.field == "client_id"
            )
        ).scalar()
        return json.loads(found)
    exists = conn.execute(
        sa.select(fs.c.row_id).where(fs.c.table_name == "client", fs.c.row_id == given).limit(1)
    ).scalar()
    if exists is None:
        raise OfficeError(f"Keine Klient:in „{given}“ (Kennung oder Aktenzeichen eines Falls).")
    return given


def gather(conn: sa.Connection, sealer, client_ref: str, include_trauma: bool) -> AccessData:
    client_id = _client_id(conn, client_ref)
    fs = s.field_state
    case_ids = set(
        conn.execute(
            sa.select(fs.c.row_id).where(
                fs.c.table_name == "case_file",
                fs.c.field == "client_id",
                fs.c.value == json.dumps(client_id),
            )
        ).scalars()
    )
    home = s.case_of_row(conn, ("client", client_id))
    scope = case_ids | ({home} if home else set())

    def rows(cls: type[m.Record]) -> list:
        return records(conn, cls, scope, sealer=sealer, deleted=True)

    clients = [c for c in rows(m.Client) if c.id == client_id]
    if not clients:
        raise OfficeError("Die Angaben zur Person sind beim Landratsamt noch nicht vollständig.")
    client = clients[0]
    if client.household_id:  # a family's household may belong to a relative's case
        scope.add(s.case_of_row(conn, ("household", client.household_id)) or home)
    households = [h for h in rows(m.Household) if h.id == client.household_id]
    plans = [p for p in rows(m.HelpPlan) if p.case_id in case_ids]
    plan_ids = {p.id for p in plans}
    trauma = [t for t in rows(m.TraumaReferral) if t.case_id in case_ids] if include_trauma else []
    placements = (
        [p for p in rows(m.TraumaPlacement) if p.case_id in case_ids] if include_trauma else []
    )
    consents = [c for c in rows(m.ConsentRecord) if c.client_id == client_id]
    data = AccessData(
        client=client,
        household=households[0] if households else None,
        consents=consents,
        data_markers=[d for d in rows(m.DataMarker) if d.client_id == client_id],
        cases=[c for c in rows(m.Case) if c.id in case_ids],
        help_plans=plans,
        help_plan_entries=[e for e in rows(m.HelpPlanEntry) if e.help_plan_id in plan_ids],
        course_referrals=[c for c in rows(m.CourseReferral) if c.case_id in case_ids],
        trauma_referrals=trauma,
        trauma_placements=placements,
        contact_notes=[n for n in rows(m.ContactNote) if n.case_id in case_ids],
        review_comments=[r for r in rows(m.ReviewComment) if r.case_id in case_ids],
        reminders=[r for r in rows(m.Reminder) if r.case_id in case_ids],
        documents=[
            d
            for d in rows(m.Document)
            if d.case_id in case_ids and (include_trauma or not d.confidential)
        ],
        conflicts=[
            c for c in rows(m.Conflict) if include_trauma or c.table_name != "trauma_referral"
        ],
        include_trauma=include_trauma,
        source="Landratsamt (Server des Integrationsmanagements)",
    )
    data.history = _history(conn, data)
    data.recipients = [*consent_recipients(consents), *_devices(conn, case_ids)]
    return data


def _history(conn: sa.Connection, data: AccessData) -> list[dict]:
    a, u = s.device_audit, s.users
    ids = sorted(data.row_ids())
    found = []
    for part in keyed_sql.chunks(ids):
        found += conn.execute(
            sa.select(a, u.c.display_name)
            .outerjoin(u, u.c.id == a.c.user_id)
            .where(a.c.entity_id.in_(part))
        ).all()
    return [
        {
            "zeit": r.at,
            "person": r.display_name or r.user_id,
            "aktion": r.action,
            "tabelle": r.entity,
            "kennung": r.entity_id,
            "details": r.detail,
            "geraet": r.device_id,
        }
        for r in sorted(found, key=lambda r: (r.at, r.seq))
    ]


def _devices(conn: sa.Connection, case_ids: set[str]) -> list[dict]:
    """Every device that received a case of the person, with when (office/access.py)."""
    seen: dict[str, list] = {}
    for case_id in sorted(case_ids):
        for e in access.log(conn, case_id):
            if e.direction != access.PULL:
                continue
            first, last, _name = seen.get(e.device_id, (e.day, e.day, ""))
            seen[e.device_id] = (min(first, e.day), max(last, e.day),
                                 f"{e.display_name} ({e.username})")  # fmt: skip
    return [
        {
            "empfaenger": f"Gerät {device[:8]} von {name}",
            "grundlage": f"Abgleich der Akte, empfangen vom {first:%d.%m.%Y} bis {last:%d.%m.%Y}",
        }
        for device, (first, last, name) in seen.items()
    ]
