"""End to end with the real server process: the team lead of team A reviews a1's case
(names from the directory), approves the help plan and comments; a1 sees both and marks
the comment done. b1 of team B never receives anything of team A, and a push of b1 that
touches team A's case is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import ContactKind, HelpPlanStatus, LifeArea, Role
from caseworker_desktop.domain.errors import NotFoundError
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import enrolment_code, office
from tests.helpers import new_client, sync_once


def laptop(tmp_path, username, server, clock):
    cf = CaseFile.create(tmp_path / username, username=username, passphrase=PASSPHRASE, clock=clock)
    SyncClient.enrol(cf, server.url, enrolment_code(server.db, username))
    return cf, Services(cf, clock)


def sync(cf, services):
    report = sync_once(cf, hlc=services.ctx.hlc)
    services.ctx.reload_user()
    return report


def rows_with_ids(cf, table: str, ids) -> int:
    with cf.engine.connect() as conn:
        return sum(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE id = ?", (i,)).scalar()
            for i in ids
        )


@pytest.fixture
def teams(server):
    office(server.db, "team add", "--name", "Team A")
    office(server.db, "team add", "--name", "Team B")
    for username, name, role, team in (
        ("a1", "Anna Adler", "caseworker", "Team A"),
        ("b1", "Bernd Berger", "caseworker", "Team B"),
        ("leada", "Lena Lehmann", "team_lead", "Team A"),
    ):
        office(server.db, "user add", "--username", username, "--display-name", name,
               "--role", role, "--team", team)  # fmt: skip
    return server


def test_team_lead_reviews_approves_and_comments_only_in_their_team(tmp_path, teams):
    clock = FakeClock(datetime.now(UTC))  # the server's clock is real
    a_file, a1 = laptop(tmp_path, "a1", teams, clock)
    b_file, b1 = laptop(tmp_path, "b1", teams, clock)
    lead_file, lead = laptop(tmp_path, "leada", teams, clock)
    try:
        assert lead.user.role is Role.TEAM_LEAD
        client, case = new_client(a1, first="Olena", last="Kovalenko")
        plan = a1.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
        a1.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B1")
        a1.plans.agree(plan.id)
        b_client, b_case = new_client(b1, first="Wahid", last="Ahmadi")
        sync(a_file, a1)
        sync(b_file, b1)

        # the team lead sees a1's case, with the name from the directory, and not b1's
        sync(lead_file, lead)
        caseload = {r.case_id: r for r in lead.cases.caseload(everyone=True)}
        assert set(caseload) == {case.id}
        row = caseload[case.id]
        assert row.caseworker_name == "Anna Adler" and row.awaiting_approval
        assert row.client_name == "Kovalenko, Olena"
        assert rows_with_ids(lead_file, "client", [b_client.id]) == 0
        with pytest.raises(NotFoundError):
            lead.cases.get(b_case.id)

        # approval and a comment, synced back to a1
        clock.advance(60)
        lead.plans.approve(plan.id)
        lead.reviews.comment(case.id, "Bitte Kinderbetreuung klären.", help_plan_id=plan.id)
        assert sync(lead_file, lead).rejected == 0
        sync(a_file, a1)
        approved = a1.plans.get(plan.id)
        assert approved.status is HelpPlanStatus.APPROVED
        assert approved.approved_by == lead.user.id
        assert a1.reviews.user_names()[approved.approved_by] == "Lena Lehmann"
        (comment,) = a1.client_file(case.id).comments
        assert comment.text == "Bitte Kinderbetreuung klären." and not comment.resolved
        assert a1.cases.caseload()[0].open_comments == 1

        # a1 marks it done; the team lead sees that
        a1.reviews.resolve(comment.id)
        sync(a_file, a1)
        sync(lead_file, lead)
        assert lead.reviews.comments(case.id)[0].resolved
        assert lead.cases.caseload(everyone=True)[0].open_comments == 0

        # b1 has nothing of team A ...
        sync(b_file, b1)
        assert [r.case_id for r in b1.cases.caseload(everyone=True)] == [b_case.id]
        assert rows_with_ids(b_file, "client", [client.id]) == 0
        assert rows_with_ids(b_file, "case_file", [case.id]) == 0
        assert rows_with_ids(b_file, "help_plan", [plan.id]) == 0
        assert rows_with_ids(b_file, "review_comment", [comment.id]) == 0
        with b_file.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM review_comment").scalar() == 0

        # ... and cannot write into it: a note on team A's case (say, from a stale or
        # forged id) is refused by the office and reaches nobody
        with b1.transaction() as tx:
            forged = tx.add(
                m.ContactNote(
                    case_id=case.id,
                    contact_on=clock.today(),
                    kind=ContactKind.PHONE,
                    text="Notiz in einem fremden Fall",
                    author_id=b1.user.id,
                )
            )
        assert sync(b_file, b1).rejected >= 1
        sync(a_file, a1)
        sync(lead_file, lead)
        for cf in (a_file, lead_file):
            assert rows_with_ids(cf, "contact_note", [forged.id]) == 0
        assert all(n.id != forged.id for n in a1.cases.notes(case.id))
    finally:
        for cf in (a_file, b_file, lead_file):
            cf.lock()
