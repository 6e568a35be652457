"""Two records of one person made one: chosen fields, notes and consents to the kept client,
the other case closed as a duplicate that names the kept one, nothing deleted, audited; and
the same through the real office to the team lead's laptop (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ConsentKind,
    ConsentRecipient,
    ContactKind,
    LifeArea,
)
from caseworker_desktop.domain.errors import PermissionDeniedError, ValidationError
from caseworker_desktop.services.merge import MergeError, consent_steps
from caseworker_desktop.storage import audit
from tests.helpers import RELEASE, new_client
from tests.inprocess import Laptop


@pytest.fixture
def pair(services):
    """The same person registered twice: once from the housing list, once at the office
    hour, with a note, a phone number and a release on the second record."""
    kept, kept_case = new_client(services, "Oleksandr", "Kovalenko", phone="")
    other, other_case = new_client(services, "Alexander", "Kowalenko", phone="0176 1234567")
    other = services.clients.update(other.id, notes="Spricht gut Englisch.")
    services.clients.record_consent(
        other.id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        RELEASE.given_on,
        recipient=ConsentRecipient.LANGUAGE_COURSE_PROVIDER,
    )
    services.cases.add_note(other_case.id, kind=ContactKind.PHONE, text="Rückruf vereinbart")
    return kept, kept_case, other, other_case


def test_merge_takes_the_chosen_fields_and_keeps_every_text(services, pair):
    kept, kept_case, _other, other_case = pair
    plan = services.merge.plan(kept_case.id, other_case.id)
    assert {"first_name", "last_name", "phone"} <= set(plan.differing)
    assert plan.consents == 1 and plan.blockers == ()

    services.merge.merge(kept_case.id, other_case.id, take=("phone",))

    client = services.clients.get(kept.id)
    assert (client.first_name, client.phone) == ("Oleksandr", "0176 1234567")
    assert f"Aus Akte {other_case.reference}: Spricht gut Englisch." in client.notes
    releases = [c for c in services.clients.consents(kept.id) if c.recipient]
    assert [(c.recipient, c.given_on) for c in releases] == [
        (ConsentRecipient.LANGUAGE_COURSE_PROVIDER, RELEASE.given_on)
    ]
    assert f"übernommen aus Akte {other_case.reference}" in releases[0].scope
    closed = services.cases.get(other_case.id)
    assert closed.status is CaseStatus.CLOSED
    assert closed.closing_reason is ClosingReason.DUPLICATE
    assert closed.merged_into_id == kept_case.id
    assert kept_case.reference in closed.closing_note
    # nothing deleted: the duplicate's note is still in its (closed) case
    assert [n.text for n in services.cases.notes(other_case.id)] == ["Rückruf vereinbart"]
    assert [c.id for c in services.merge.merged_into_here(kept_case.id)] == [other_case.id]
    with services.ctx.read() as conn:
        merges = [e for e in audit.audit_events(conn) if e.action is AuditAction.MERGE]
    assert {e.entity_id for e in merges} == {kept_case.id, other_case.id}
    assert all(other_case.reference in e.detail and "phone" in e.detail for e in merges)


def test_a_merged_duplicate_is_not_offered_again(services, pair):
    _kept, kept_case, _other, other_case = pair
    before = services.clients.possible_duplicates("Oleksandr", "Kovalenko", date(1985, 3, 2))
    assert len(before) == 2
    services.merge.merge(kept_case.id, other_case.id)
    after = services.clients.possible_duplicates("Oleksandr", "Kovalenko", date(1985, 3, 2))
    assert [ref for _c, ref in after] == [kept_case.reference]


def test_open_referrals_of_the_duplicate_are_finished_first(services, pair):
    _kept, kept_case, _other, other_case = pair
    services.referrals.request_trauma_consultation(other_case.id, release=RELEASE)
    plan = services.merge.plan(kept_case.id, other_case.id)
    assert plan.blockers and "Traumasprechstunde" in plan.blockers[0]
    with pytest.raises(MergeError, match="noch offen: 1 offene Anfrage"):
        services.merge.merge(kept_case.id, other_case.id)
    assert services.cases.get(other_case.id).status is CaseStatus.OPEN  # nothing half-done
    # the other way round is fine: the case with the open request is kept
    services.merge.merge(other_case.id, kept_case.id)
    assert services.cases.get(kept_case.id).merged_into_id == other_case.id


def test_refusals(services, pair):
    kept, kept_case, _other, other_case = pair
    with pytest.raises(MergeError, match="mit sich selbst"):
        services.merge.merge(kept_case.id, kept_case.id)
    second = services.cases.open_case(kept.id)
    with pytest.raises(MergeError, match="derselben Person"):
        services.merge.merge(kept_case.id, second.id)
    with pytest.raises(ValueError, match="not a field"):
        services.merge.merge(kept_case.id, other_case.id, take=("household_id",))
    services.merge.merge(kept_case.id, other_case.id)
    with pytest.raises(MergeError, match="schon zusammengeführt"):
        services.merge.merge(kept_case.id, other_case.id)


def test_a_reopened_duplicate_is_a_case_of_its_own_again(services, pair):
    _kept, kept_case, _other, other_case = pair
    services.merge.merge(kept_case.id, other_case.id)
    reopened = services.cases.reopen(other_case.id)
    assert reopened.merged_into_id is None and reopened.status is CaseStatus.OPEN


def test_the_duplicate_rule_holds_for_every_write(services, pair):
    _kept, kept_case, _other, other_case = pair
    with pytest.raises(ValidationError, match="nennt die Akte"):
        services.cases.close(other_case.id, ClosingReason.DUPLICATE)
    with pytest.raises(ValidationError, match="nennt die Akte"), services.ctx.transaction() as tx:
        tx.update(m.Case, kept_case.id, merged_into_id=other_case.id)


def test_a_closed_duplicate_is_not_counted_twice_in_the_report(services, pair):
    _kept, kept_case, _other, other_case = pair
    quarter = (date(2026, 10, 1), date(2026, 12, 31))
    before = services.reports.outcome(*quarter).total.figures["opened"]
    services.merge.merge(kept_case.id, other_case.id)
    after = services.reports.outcome(*quarter).total.figures
    assert after["opened"] == before - 1 and after["closed"] == 0


def test_merging_someone_elses_case_is_refused(tmp_path, inprocess_office):
    """ben may not merge anna's records; anna's merge reaches the team lead whole."""
    clock = FakeClock(datetime.now(UTC))
    anna, lena = (Laptop(tmp_path, inprocess_office, n, clock) for n in ("anna", "lena"))
    try:
        kept, kept_case = new_client(anna.services, "Mohammad", "Haidari")
        other, other_case = new_client(anna.services, "Mohammed", "Haidary", phone="0151 99")
        anna.services.clients.record_consent(
            other.id,
            ConsentKind.CONFIDENTIALITY_RELEASE,
            RELEASE.given_on,
            recipient=ConsentRecipient.JOBCENTER,
        )
        anna.services.plans.create(other_case.id, date(2026, 1, 5), date(2026, 6, 30),
                                   date(2026, 4, 1))  # fmt: skip
        anna.sync()
        lena.sync()
        with pytest.raises(PermissionDeniedError):  # a team lead without the stand-in grant
            lena.services.merge.merge(kept_case.id, other_case.id)

        anna.services.merge.merge(kept_case.id, other_case.id, take=("phone",))
        report = anna.sync()
        assert report.rejected == 0 and report.pushed > 0
        lena.sync()
        closed = lena.services.cases.get(other_case.id)
        assert (closed.closing_reason, closed.merged_into_id) == (
            ClosingReason.DUPLICATE,
            kept_case.id,
        )
        assert lena.services.clients.get(kept.id).phone == "0151 99"
        carried = lena.services.clients.consents(kept.id)
        assert [c.recipient for c in carried if c.kind is ConsentKind.CONFIDENTIALITY_RELEASE] == [
            ConsentRecipient.JOBCENTER
        ]
        assert lena.services.plans.current(other_case.id) is not None  # kept, readable
    finally:
        anna.close()
        lena.close()


def test_the_help_plan_of_the_duplicate_stays_readable(services, pair):
    _kept, kept_case, _other, other_case = pair
    plan = services.plans.create(other_case.id, date(2026, 1, 5), date(2026, 6, 30),
                                 date(2026, 4, 1))  # fmt: skip
    services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Wohnung")
    services.merge.merge(kept_case.id, other_case.id)
    data = services.client_file(other_case.id)
    assert data.case.status is CaseStatus.CLOSED and [e.goal for e in data.entries] == ["Wohnung"]


def _consent(given, withdrawn=None, recipient=ConsentRecipient.JOBCENTER):
    return m.ConsentRecord(client_id="c", kind=ConsentKind.CONFIDENTIALITY_RELEASE,
                           recipient=recipient, given_on=given, withdrawn_on=withdrawn)  # fmt: skip


def test_the_persons_latest_word_on_a_consent_counts_on_either_record():
    ours = _consent(date(2026, 2, 1))
    later_withdrawn = _consent(date(2026, 1, 10), withdrawn=date(2026, 3, 1))
    steps = consent_steps([ours], [later_withdrawn])
    # the withdrawal on the duplicate withdraws ours too; the withdrawn one is history
    assert [(s.withdraw, s.withdrawn_on) for s in steps if s.withdraw] == [(ours, date(2026, 3, 1))]
    assert [s.carry for s in steps if s.carry] == [later_withdrawn]
    # a consent given after the withdrawal stands
    assert not [s for s in consent_steps([_consent(date(2026, 4, 1))], [later_withdrawn])
                if s.withdraw]  # fmt: skip
    # a valid one for the same purpose is not doubled; another recipient is carried
    other = _consent(date(2026, 1, 5), recipient=ConsentRecipient.IMMIGRATION_OFFICE)
    steps = consent_steps([ours], [_consent(date(2026, 1, 20)), other])
    assert [s.carry for s in steps] == [other]


def test_a_withdrawal_on_the_duplicate_withdraws_the_kept_consent(services, pair):
    kept, kept_case, other, other_case = pair
    ours = services.clients.record_consent(
        kept.id, ConsentKind.CONFIDENTIALITY_RELEASE, date(2026, 2, 1),
        recipient=ConsentRecipient.JOBCENTER,
    )  # fmt: skip
    theirs = services.clients.record_consent(
        other.id, ConsentKind.CONFIDENTIALITY_RELEASE, date(2026, 1, 10),
        recipient=ConsentRecipient.JOBCENTER,
    )  # fmt: skip
    services.clients.withdraw_consent(theirs.id, date(2026, 3, 1))
    services.merge.merge(kept_case.id, other_case.id)
    jobcenter = [c for c in services.clients.consents(kept.id)
                 if c.recipient is ConsentRecipient.JOBCENTER]  # fmt: skip
    assert {(c.given_on, c.withdrawn_on) for c in jobcenter} == {
        (ours.given_on, date(2026, 3, 1)),
        (theirs.given_on, date(2026, 3, 1)),
    }
    assert not services.clients.has_consent(
        kept.id, ConsentKind.CONFIDENTIALITY_RELEASE, recipient=ConsentRecipient.JOBCENTER
    )


def test_open_reminders_of_the_duplicate_move_to_the_kept_case(services, pair):
    _kept, kept_case, _other, other_case = pair
    today = services.ctx.clock.today()
    services.follow_ups.remind(other_case.id, today, "Kita anrufen")
    done = services.follow_ups.remind(other_case.id, today, "erledigt")
    services.follow_ups.done(done.id)
    services.merge.merge(kept_case.id, other_case.id)
    moved = services.follow_ups.reminders(kept_case.id)
    assert [(r.text, r.due_on, r.done_on) for r in moved] == [("Kita anrufen", today, None)]
    assert all(r.done_on for r in services.follow_ups.reminders(other_case.id))
    assert [i.case_id for i in services.follow_ups.due().of("today")] == [kept_case.id]
