"""The district's outcome report from the office database: the same figures as on a
laptop (domain.reports), over every synced case of the district or of one team.

The office keeps the winning value of every field (`field_state`), not whole rows: the
records the report reads are put together from those, the way a laptop materialises a
pulled row."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa

from ..domain import district
from ..domain import model as m
from ..domain.codec import InvalidValue, decode_value
from ..domain.permissions import RESTRICTED_FIELDS
from ..domain.report_facts import ReportFact
from ..domain.reports import OutcomeReport, ReportData, outcome_report
from . import schema as s
from .auth import OfficeError

TABLES = (m.Case, m.Client, m.Household, m.CourseReferral)


def records(
    conn: sa.Connection,
    cls: type[m.Record],
    case_ids: set[str] | None,
    *,
    sealer=None,
    deleted: bool = False,
) -> list:
    """The live rows of `cls` (of these cases) put together from field_state. With a
    `sealer`, restricted text is opened and included; `deleted`: tombstoned rows too."""
    fs, rc = s.field_state, s.row_case
    query = sa.select(fs.c.row_id, fs.c.field, fs.c.value).where(fs.c.table_name == cls.table)
    if case_ids is not None:
        query = query.join(
            rc, sa.and_(rc.c.table_name == fs.c.table_name, rc.c.row_id == fs.c.row_id)
        ).where(rc.c.case_id.in_(sorted(case_ids)))
    # Restricted text is sealed and no figure needs it: left out (fields keep defaults).
    known = {f.name for f in dataclasses.fields(cls)}
    if sealer is None:
        known -= {name for table, name in RESTRICTED_FIELDS if table == cls.table}
    rows: dict[str, dict] = defaultdict(dict)
    for row_id, field, value in conn.execute(query):
        if field in known:
            if sealer is not None:
                value = sealer.open(cls.table, row_id, field, value)
            try:
                rows[row_id][field] = decode_value(cls, field, value)
            except InvalidValue:  # stored by an earlier release that did not check
                continue
    records = []
    for row_id, values in rows.items():
        try:
            record = cls(id=row_id, **values)
        except TypeError:  # not complete (a field still missing): not a row yet
            continue
        if deleted or not record.deleted:
            records.append(record)
    return records


def district_report(
    store,
    start: date,
    end: date,
    *,
    team: str | None = None,
    municipalities: Iterable[str] = (),
    with_names: bool = False,
) -> OutcomeReport:
    """Figures over the district (or one team's cases); municipalities by name."""
    places = {mu.id: mu.name for mu in district.municipalities()}
    by_name = {name.casefold(): mid for mid, name in places.items()}
    wanted = []
    for name in municipalities:
        if name.casefold() not in by_name:
            raise OfficeError(f"Die Kommune „{name}“ gibt es im Landkreis nicht.")
        wanted.append(by_name[name.casefold()])
    with store.engine.connect() as conn:
        case_ids = None
        facts = sa.select(s.report_facts.c.fact)
        if team is not None:
            team_id = conn.execute(sa.select(s.teams.c.id).where(s.teams.c.name == team)).scalar()
            if team_id is None:
                raise OfficeError(f"Das Team „{team}“ gibt es nicht.")
            case_ids = set(
                conn.execute(
                    sa.select(s.cases.c.case_id).where(s.cases.c.team_id == team_id)
                ).scalars()
            )
            facts = facts.where(s.report_facts.c.team_id == team_id)
        cases = records(conn, m.Case, case_ids)
        data = ReportData(
            cases=cases,
            clients={c.id: c for c in records(conn, m.Client, case_ids)},
            households={h.id: h for h in records(conn, m.Household, case_ids)},
            municipalities=places,
            course_referrals=records(conn, m.CourseReferral, case_ids),
            caseworkers=dict(conn.execute(sa.select(s.users.c.id, s.users.c.display_name)).all()),
            # cases deleted under the retention rules still count for their periods
            facts=tuple(ReportFact.from_json(f) for f in conn.execute(facts).scalars()),
        )
    return outcome_report(data, start, end, wanted or None, pseudonymise=not with_names)
