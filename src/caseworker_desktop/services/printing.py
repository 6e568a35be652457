"""Printing the help plan: gather what the printout shows, render it, audit the print."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..domain import model as m
from ..domain.district import DISTRICT_NAME
from ..domain.enums import AuditAction, HouseholdRelation, MarkerKind
from ..domain.errors import CaseworkerError, NotFoundError
from ..domain.markers import disputed
from ..printing import (
    HelpPlanPrint,
    PrintEntry,
    PrintHouseholdMember,
    PrintTraumaReferral,
    check_language,
    render_help_plan,
)
from ..storage.atomic import write_atomic
from ..storage.orm import table_of
from .context import ServiceContext, Tx


class PrintService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def help_plan_print(
        self, case_id: str, plan_id: str | None = None, include_trauma: bool = False
    ) -> HelpPlanPrint:
        """What the printout of the case's help plan (default: the current one) shows.
        `case_id` may also be the case reference (Aktenzeichen). Trauma consultation data
        only with include_trauma; each trauma referral read is an audited view."""
        with self.ctx.transaction() as tx:
            return _gather(tx, case_id, plan_id, include_trauma)

    def render_pdf(
        self,
        case_id: str,
        lang: str | None = None,
        include_trauma: bool = False,
        plan_id: str | None = None,
    ) -> tuple[bytes, str]:
        """(PDF, plan id) for a preview or a printer, without a print record: that is
        written by `record_print` once the printer has it. Reading trauma data for it is
        still an audited view."""
        lang = check_language(lang)
        with self.ctx.transaction() as tx:
            data = _gather(tx, case_id, plan_id, include_trauma)
        pdf = io.BytesIO()
        render_help_plan(data, pdf, lang=lang, include_trauma=include_trauma)
        return pdf.getvalue(), data.plan_id

    def record_print(
        self, plan_id: str, lang: str | None, include_trauma: bool, target: str = "printer"
    ) -> None:
        with self.ctx.transaction() as tx:
            tx.get(m.HelpPlan, plan_id)
            tx.audit(
                AuditAction.PRINT,
                entity="help_plan",
                entity_id=plan_id,
                detail=_detail(check_language(lang), include_trauma, target),
            )

    def print_help_plan(
        self,
        case_id: str,
        out: Path | str | BinaryIO,
        lang: str | None = None,
        include_trauma: bool = False,
        plan_id: str | None = None,
    ) -> None:
        """Render the help plan PDF to `out` (a path is written atomically) and audit the
        print in the same transaction: no audit event without a printout, and the reverse."""
        lang = check_language(lang)
        with self.ctx.transaction() as tx:
            data = _gather(tx, case_id, plan_id, include_trauma)
            to_file = isinstance(out, str | Path)
            pdf = io.BytesIO() if to_file else out
            render_help_plan(data, pdf, lang=lang, include_trauma=include_trauma)
            detail = _detail(lang, include_trauma, "file" if to_file else "stream")
            tx.audit(AuditAction.PRINT, entity="help_plan", entity_id=data.plan_id, detail=detail)
            if to_file:
                write_atomic(Path(out), pdf.getvalue())


def _detail(lang: str | None, include_trauma: bool, target: str) -> str:
    trauma = "yes" if include_trauma else "no"
    return f"help_plan lang={lang or 'de'} trauma={trauma} to={target}"


def find_case(tx: Tx, key: str) -> m.Case:
    """A case by id (with or without dashes) or by reference (Aktenzeichen)."""
    key = key.strip()
    try:
        return tx.get(m.Case, uuid.UUID(key).hex)
    except (ValueError, NotFoundError):
        pass
    matches = tx.find(m.Case, table_of(m.Case).c.reference == key)
    if len(matches) > 1:
        raise CaseworkerError(
            f"Das Aktenzeichen „{key}“ ist nicht eindeutig. Bitte die Fall-ID angeben."
        )
    if not matches:
        raise NotFoundError(f"Kein Fall mit der ID oder dem Aktenzeichen „{key}“.")
    return matches[0]


def _plan(tx: Tx, case: m.Case, plan_id: str | None) -> m.HelpPlan:
    if plan_id is not None:
        plan = tx.get(m.HelpPlan, plan_id)
        if plan.case_id != case.id:
            raise CaseworkerError(f"Der Hilfeplan gehört nicht zum Fall {case.reference}.")
        return plan
    t = table_of(m.HelpPlan)
    plans = tx.find(m.HelpPlan, t.c.case_id == case.id, order_by=(t.c.period_start.desc(),))
    if not plans:
        raise CaseworkerError(f"Für den Fall {case.reference} gibt es noch keinen Hilfeplan.")
    return plans[0]


def _trauma_referrals(tx: Tx, case: m.Case) -> tuple[PrintTraumaReferral, ...]:
    """The case's trauma referrals. The user asked for them explicitly, so one they may not
    see is an error, not a silent gap in a document the client signs."""
    t = table_of(m.TraumaReferral)
    printed = []
    for referral in tx.find(m.TraumaReferral, t.c.case_id == case.id, order_by=(t.c.requested_on,)):
        tx.require_trauma_access(referral)
        tx.audit(AuditAction.VIEW, referral, "print")
        printed.append(
            PrintTraumaReferral(
                status=referral.status,
                consultation_date=referral.consultation_date,
                recommendation=referral.recommendation,
            )
        )
    return tuple(printed)


def _gather(tx: Tx, case_key: str, plan_id: str | None, include_trauma: bool) -> HelpPlanPrint:
    case = find_case(tx, case_key)
    plan = _plan(tx, case, plan_id)
    client = tx.get(m.Client, case.client_id)
    address = municipality = ""
    if client.household_id:
        household = tx.get(m.Household, client.household_id, include_deleted=True)
        address = household.address
        municipality = tx.get(m.Municipality, household.municipality_id).name
    caseworker = _optional(tx, m.User, case.caseworker_id)
    organisation = (
        _optional(tx, m.Organisation, caseworker.organisation_id)
        if caseworker and caseworker.organisation_id
        else None
    )
    trauma = _trauma_referrals(tx, case) if include_trauma else None
    t = table_of(m.HelpPlanEntry)
    entries = tx.find(m.HelpPlanEntry, t.c.help_plan_id == plan.id, order_by=(t.c.position,))
    return HelpPlanPrint(
        plan_id=plan.id,
        district=DISTRICT_NAME,
        organisation=organisation.name if organisation else "",
        case_reference=case.reference,
        client_name=client.full_name,
        client_birth_date=client.birth_date,
        client_address=address,
        client_municipality=municipality,
        caseworker_name=caseworker.display_name if caseworker else "",
        plan_status=plan.status,
        period_start=plan.period_start,
        period_end=plan.period_end,
        next_review_on=plan.next_review_on,
        agreed_on=plan.agreed_on,
        approved_on=plan.approved_on,
        printed_on=tx.today,
        entries=tuple(
            PrintEntry(
                life_area=e.life_area,
                goal=e.goal,
                measures=e.measures,
                responsible=e.responsible,
                due_on=e.due_on,
                status=e.status,
                outcome_note=e.outcome_note,
            )
            for e in entries
            # a goal taken over from the trauma consultation is trauma information too
            if include_trauma or e.source_trauma_referral_id is None
        ),
        trauma_referrals=trauma,
        disputed=_disputed(tx, client),
        client_relationship=client.relationship,
        household=_household(tx, client),
    )


def _household(tx: Tx, client: m.Client) -> tuple[PrintHouseholdMember, ...]:
    """The other members with relation and age; a person whose processing is restricted as
    a whole (Art. 18 DSGVO) is left out of a document that goes to someone else."""
    if not client.household_id:
        return ()
    people = table_of(m.Client)
    others = [
        c
        for c in tx.find(m.Client, people.c.household_id == client.household_id)
        if c.id != client.id
    ]
    markers = table_of(m.DataMarker)
    restricted = {
        mk.client_id
        for mk in tx.find(m.DataMarker, markers.c.client_id.in_([c.id for c in others]))
        if mk.kind is MarkerKind.RESTRICTED and not mk.field and mk.active_on(tx.today)
    }
    order = list(HouseholdRelation)
    shown = sorted(
        (c for c in others if c.id not in restricted),
        key=lambda c: (order.index(c.relationship), c.birth_date or date.max, c.first_name),
    )
    return tuple(
        PrintHouseholdMember(name=c.full_name, relationship=c.relationship, age=c.age_on(tx.today))
        for c in shown
    )


# The printed facts and the fields a marker on them may be on (domain.markers)
PRINTED_FIELDS = {
    "name": (("client", "first_name"), ("client", "last_name")),
    "birth_date": (("client", "birth_date"),),
    "address": (("household", "address"), ("household", "municipality_id")),
}


def _disputed(tx: Tx, client: m.Client) -> frozenset[str]:
    t = table_of(m.DataMarker)
    markers = tx.find(m.DataMarker, t.c.client_id == client.id)
    return frozenset(
        printed
        for printed, fields in PRINTED_FIELDS.items()
        if any(disputed(markers, table, field, tx.today) for table, field in fields)
    )


def _optional(tx: Tx, cls, record_id: str):
    try:
        return tx.get(cls, record_id)
    except NotFoundError:
        return None
