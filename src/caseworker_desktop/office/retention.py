"""Retention and deletion at the office (GDPR Art. 5(1)(e), Art. 17).

The rules are office configuration: a closed case is deleted `case_years` after its closing
day, a finished trauma referral (with its placements) `trauma_years` after its consultation
(or request) day. What is due is listed first (`due`), then deleted (`purge`): every field,
every log entry and the case assignment of the rows go, and one `__purge__` entry in the log
tells every laptop to drop them too (and to replace its backups). What stays is content-free:
a deletion record (kind, the case's random id, rule, row count, time) and, for a whole case,
the facts the outcome report counts (domain.report_facts), so that its figures for past
periods do not change. Deleting one client's case on request (Art. 17) takes the same path."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import CaseStatus, TraumaReferralStatus
from ..domain.hlc import HybridLogicalClock
from ..domain.report_facts import fact_of
from ..domain.retention import years_after
from . import documents, keyed_sql
from . import schema as s
from .auth import OfficeError
from .reports import records
from .schema import Key

FINISHED_TRAUMA = frozenset({TraumaReferralStatus.CLOSED, TraumaReferralStatus.CANCELLED})


@dataclass(frozen=True)
class RetentionRules:
    case_years: int = 3  # after a case was closed
    trauma_years: int = 1  # after a finished trauma referral's consultation (or request)

    def __post_init__(self) -> None:
        for name in ("case_years", "trauma_years"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 30:
                raise OfficeError(f"Aufbewahrungsfrist „{name}“: 1 bis 30 Jahre, nicht {value!r}.")

    def to_json(self) -> str:
        return json.dumps({"case_years": self.case_years, "trauma_years": self.trauma_years})

    def describe(self) -> str:
        return (
            f"Akten {self.case_years} Jahre nach Abschluss; Vermittlungen in die "
            f"Traumasprechstunde {self.trauma_years} Jahre nach dem Termin"
        )


def rules(conn: sa.Connection) -> RetentionRules:
    stored = s.get_setting(conn, s.RETENTION)
    return RetentionRules(**json.loads(stored)) if stored else RetentionRules()


def set_rules(conn: sa.Connection, new: RetentionRules) -> None:
    s.set_setting(conn, s.RETENTION, new.to_json())
    s.audit(conn, "admin", "retention_rules", new.to_json())


@dataclass(frozen=True)
class Due:
    kind: str  # "case" or "trauma_referral"
    case_id: str
    reference: str
    since: date  # closing day (case) or consultation/request day (trauma referral)
    rows: tuple[Key, ...]
    rule: str  # German, for the deletion record and the listing
    # Rows of the case that another case still needs (the client of a later case, a
    # household someone else lives in), with the case they move to instead of going.
    kept: tuple[tuple[Key, str], ...] = ()

    def line(self) -> str:
        what = "Akte" if self.kind == "case" else "Vermittlung Traumasprechstunde"
        return f"{what} {self.reference or self.case_id} ({len(self.rows)} Datensätze): {self.rule}"


def due(conn: sa.Connection, as_of: date, rules: RetentionRules) -> list[Due]:
    """What the rules say is to be deleted on `as_of`, oldest first."""
    found: list[Due] = []
    whole: set[str] = set()
    for case in records(conn, m.Case, None):
        if erasure := _confirmed_erasure(conn, case):
            whole.add(case.id)
            rows, kept = split_case_rows(conn, case.id)
            day = case.erasure_requested_on
            found.append(Due("case", case.id, case.reference, day, rows, erasure, kept))
            continue
        if case.status is not CaseStatus.CLOSED or case.closed_on is None:
            continue
        if years_after(case.closed_on, rules.case_years) <= as_of:
            whole.add(case.id)
            rule = (
                f"Aufbewahrungsfrist: {rules.case_years} Jahre nach Abschluss "
                f"am {case.closed_on:%d.%m.%Y}"
            )
            rows, kept = split_case_rows(conn, case.id)
            found.append(Due("case", case.id, case.reference, case.closed_on, rows, rule, kept))
    placements = records(conn, m.TraumaPlacement, None)
    for referral in records(conn, m.TraumaReferral, None):
        if referral.status not in FINISHED_TRAUMA:
            continue
        case_id = s.case_of_row(conn, ("trauma_referral", referral.id))
        if case_id is None or case_id in whole:
            continue
        day = referral.consultation_date or referral.requested_on
        if years_after(day, rules.trauma_years) <= as_of:
            rows = [("trauma_referral", referral.id)] + [
                ("trauma_placement", p.id)
                for p in placements
                if p.trauma_referral_id == referral.id
            ]
            rule = f"Aufbewahrungsfrist: {rules.trauma_years} Jahre nach dem {day:%d.%m.%Y}"
            found.append(Due("trauma_referral", case_id, _reference(conn, case_id), day,
                             tuple(rows), rule))  # fmt: skip
    return sorted(found, key=lambda d: (d.since, d.case_id))


def _confirmed_erasure(conn: sa.Connection, case: m.Case) -> str | None:
    """The rule text of an erasure on request (Art. 17) that a team lead of the case's
    team confirmed; None without one."""
    if case.erasure_requested_on is None or case.erasure_confirmed_by is None:
        return None
    lead = conn.execute(
        sa.select(s.users.c.display_name, s.users.c.role, s.users.c.team_id).where(
            s.users.c.id == case.erasure_confirmed_by
        )
    ).first()
    team = conn.execute(sa.select(s.cases.c.team_id).where(s.cases.c.case_id == case.id)).scalar()
    if lead is None or lead.role != "team_lead" or lead.team_id != team:
        return None
    return (
        f"Löschung auf Antrag (Art. 17 DSGVO) vom {case.erasure_requested_on:%d.%m.%Y}, "
        f"bestätigt von {lead.display_name} (Teamleitung)"
    )


def split_case_rows(
    conn: sa.Connection, case_id: str
) -> tuple[tuple[Key, ...], tuple[tuple[Key, str], ...]]:
    """The rows of a case that go, and those another case still needs (with that case):
    its client if a later case names them (with the client's household and consents), the
    household if another client lives there (it follows that client's case)."""
    rows = [
        (r.table_name, r.row_id)
        for r in conn.execute(
            sa.select(s.row_case.c.table_name, s.row_case.c.row_id).where(
                s.row_case.c.case_id == case_id
            )
        )
    ]
    kept: dict[Key, str] = {}
    for table, row_id in rows:
        if table == "client":
            other = _naming(conn, "case_file", "client_id", row_id, exclude=case_id)
            if other:
                kept[(table, row_id)] = other
                for table_of_person in ("consent_record", "data_marker"):
                    for row in _naming(conn, table_of_person, "client_id", row_id, many=True):
                        kept[(table_of_person, row)] = other
    for table, row_id in rows:
        if table != "household":
            continue
        for member in _naming(conn, "client", "household_id", row_id, many=True):
            member_key = ("client", member)
            if member_key in kept or member_key not in rows:  # a client who stays
                kept[(table, row_id)] = kept.get(member_key) or s.case_of_row(conn, member_key)
                break
    kept = {k: c for k, c in kept.items() if c and c != case_id}
    return tuple(k for k in rows if k not in kept), tuple(kept.items())


def _naming(conn, table: str, field: str, row_id: str, *, exclude=None, many=False):
    """The rows of `table` whose `field` names `row_id` (live ones): one id, or all."""
    fs = s.field_state
    query = sa.select(fs.c.row_id).where(
        fs.c.table_name == table, fs.c.field == field, fs.c.value == json.dumps(row_id)
    )
    if exclude is not None:
        query = query.where(fs.c.row_id != exclude)
    found = [r for r in conn.execute(query).scalars() if not _deleted(conn, (table, r))]
    return found if many else (found[0] if found else None)


def _deleted(conn: sa.Connection, key: Key) -> bool:
    value = conn.execute(
        sa.select(s.field_state.c.value).where(
            s.field_state.c.table_name == key[0],
            s.field_state.c.row_id == key[1],
            s.field_state.c.field == "deleted",
        )
    ).scalar()
    return value == "true"


def _reference(conn: sa.Connection, case_id: str) -> str:
    value = conn.execute(
        sa.select(s.field_state.c.value).where(
            s.field_state.c.table_name == "case_file",
            s.field_state.c.row_id == case_id,
            s.field_state.c.field == "reference",
        )
    ).scalar()
    try:
        return json.loads(value) if value else ""
    except ValueError:
        return ""


def purge(conn: sa.Connection, clock: HybridLogicalClock, item: Due, actor: str) -> int:
    """Delete the rows of `item` at the office and tell every laptop; returns rows deleted."""
    keys = list(item.rows)
    for key, other_case in item.kept:  # still needed by another case: it follows that case
        conn.execute(
            s.row_case.update()
            .where(s.row_case.c.table_name == key[0], s.row_case.c.row_id == key[1])
            .values(case_id=other_case)
        )
    if item.kept:
        s.reappend(conn, [key for key, _case in item.kept])
    if item.kind == "case":
        fact = _fact(conn, item.case_id)
        if fact is not None:
            conn.execute(s.report_facts.insert().values(team_id=fact[0], fact=fact[1]))
    for table in (s.field_state, s.changes, s.row_case, s.unscoped_rows):
        keyed_sql.delete_keys(conn, table, keys)
    known = {(t, r) for t, r, _one in keyed_sql.select_keys(conn, s.purged_rows, "1", keys)}
    keyed_sql.insert_rows(
        conn,
        s.purged_rows,
        [{"table_name": t, "row_id": r} for t, r in keys if (t, r) not in known],
    )
    # the ones that named the deleted rows (a parked consent record of a deleted client)
    for part in keyed_sql.chunks([row_id for _t, row_id in keys]):
        conn.execute(s.unscoped_rows.delete().where(s.unscoped_rows.c.parent_id.in_(part)))
    if item.kind == "case":
        conn.execute(s.cases.delete().where(s.cases.c.case_id == item.case_id))
        conn.execute(  # its evictions: nothing left to evict
            s.changes.delete().where(
                s.changes.c.table_name == s.EVICT_TABLE, s.changes.c.row_id == item.case_id
            )
        )
        notice = {"case": item.case_id}
    else:
        notice = {"rows": [list(k) for k in keys]}
    entry = s.office_change((s.PURGE_TABLE, item.case_id), "purge", notice, clock.now().encode())
    conn.execute(s.changes.insert(), [entry])
    conn.execute(
        s.deletions.insert().values(
            kind=item.kind, case_id=item.case_id, rule=item.rule, rows=len(keys),
            deleted_at=s.utcnow(),
        )
    )  # fmt: skip
    s.audit(conn, actor, "purge", f"{item.kind} case={item.case_id} rows={len(keys)}")
    documents.drop_unreferenced(conn)  # the content of deleted documents goes too
    return len(keys)


def _fact(conn: sa.Connection, case_id: str) -> tuple[str | None, str] | None:
    """(team id, the case's report facts as JSON) before it goes."""
    team = conn.execute(sa.select(s.cases.c.team_id).where(s.cases.c.case_id == case_id)).scalar()
    cases = [c for c in records(conn, m.Case, {case_id}) if c.id == case_id]
    if not cases:
        return None
    case = cases[0]
    clients = {c.id: c for c in records(conn, m.Client, {case_id})}
    client = clients.get(case.client_id)
    households = {h.id: h for h in records(conn, m.Household, {case_id})}
    household = households.get(client.household_id) if client and client.household_id else None
    courses = [c for c in records(conn, m.CourseReferral, {case_id}) if c.case_id == case_id]
    return team, fact_of(case, client, household, courses).to_json()
