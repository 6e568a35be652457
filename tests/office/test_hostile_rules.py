"""A hostile enrolled device against the office's rules (SECURITY.md 13 and 18), on SQLite
and PostgreSQL: fields its role may not write, values no laptop can hold, and clocks far
ahead. Every refusal leaves the stored value as it was; the same rule table refuses the
same writes in the laptop's own services."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from caseworker_desktop.domain import permissions
from caseworker_desktop.domain.hlc import Timestamp
from tests.office.conftest import new_id
from tests.office.hostile import District, raw_change, reasons, stored


@pytest.fixture
def district(office) -> District:
    return District(office)


def _placement(district: District) -> str:
    anna = district["anna"]
    row_id = new_id()
    result = anna.push(
        anna.write(
            "trauma_placement",
            row_id,
            kind="consultation",
            case_id=district.case_id,
            trauma_referral_id=district.referral_id,
            caseworker_id=anna.user["id"],
            reference="IM-2026-1-ab",
            requested_on="2026-11-20",
            status="waiting",
        )
    )
    assert result["rejected"] == []
    return row_id


# (who, table, row, fields) -> refused; the row's stored value must stay.
FORGERIES = [
    # a caseworker approves, or names the team lead as approver
    ("anna", "help_plan", "plan", {"status": "approved"}),
    ("anna", "help_plan", "plan", {"approved_by": "@anna", "approved_on": "2026-11-21"}),
    ("anna", "help_plan", "plan", {"approved_by": "@lena"}),
    # a team lead approves in somebody else's name
    ("lena", "help_plan", "plan", {"approved_by": "@ben"}),
    # comments: only team leads write them, in their own name; only the author edits
    ("anna", "review_comment", "@new", {"case_id": "@case", "author_id": "@anna", "text": "x"}),
    ("lena", "review_comment", "@new", {"case_id": "@case", "author_id": "@ben", "text": "x"}),
    ("anna", "review_comment", "comment", {"text": "Kommentar umgeschrieben"}),
    ("anna", "review_comment", "comment", {"author_id": "@anna"}),
    # a caseworker gives herself a slot
    ("anna", "trauma_placement", "placement", {"status": "assigned"}),
    ("anna", "trauma_placement", "placement", {"slot": 3}),
    ("anna", "trauma_placement", "placement", {"offer_id": "@offer"}),
    # the coordinator rewrites a request, or makes one
    ("kim", "trauma_placement", "placement", {"trauma_referral_id": "@other"}),
    ("kim", "trauma_placement", "placement", {"caseworker_id": "@kim"}),
    ("kim", "trauma_placement", "placement", {"reference": "IM-gefälscht"}),
    ("kim", "trauma_placement", "placement", {"case_id": "@other"}),
    ("kim", "trauma_placement", "placement", {"urgent": True}),
    ("kim", "trauma_placement", "@new", {"case_id": "@case", "caseworker_id": "@anna"}),
    ("kim", "contact_note", "note", {"text": "Koordination war hier"}),
    # identities and links fixed with the row
    ("anna", "contact_note", "note", {"author_id": "@ben"}),
    ("lena", "contact_note", "note", {"author_id": "@lena"}),
    ("anna", "trauma_referral", "referral", {"caseworker_id": "@ben"}),
    ("anna", "trauma_referral", "referral", {"own_consultation": True}),
    ("anna", "case_file", "case", {"caseworker_id": "@ben"}),
    ("lena", "case_file", "case", {"client_id": "@other"}),
    # conflicts are the office's; reference data too
    ("anna", "conflict", "@new", {"table_name": "client", "loser_value": "2", "case_id": "@case"}),
    ("anna", "organisation", "@new", {"name": "Schein-Träger"}),
    ("anna", "app_user", "@anna", {"role": "team_lead"}),
    ("anna", "team", "@new", {"name": "Team Eigen"}),
]


def _resolve(value, district: District, ids: dict):
    if isinstance(value, str) and value.startswith("@"):
        name = value[1:]
        if name in district.devices:
            return district.user_id(name)
        return ids.setdefault(name, new_id())
    return value


@pytest.mark.parametrize(
    ("who", "table", "row", "fields"),
    FORGERIES,
    ids=[f"{w}-{t}-{'-'.join(f)}" for w, t, _, f in FORGERIES],
)
def test_role_rules_are_the_offices(district, who, table, row, fields):
    lena = district["lena"]
    comment = new_id()
    lena.push(lena.write("review_comment", comment, case_id=district.case_id,
                         author_id=lena.user["id"], text="Bitte Kita klären",
                         created_at="2026-11-20T10:00:00"))  # fmt: skip
    ids = {
        "plan": district.plan_id,
        "note": district.note_id,
        "referral": district.referral_id,
        "case": district.case_id,
        "client": district.client_id,
        "comment": comment,
        "placement": _placement(district),
    }
    row_id = ids[row] if row in ids else _resolve(row, district, ids)
    before = stored(district.store, table, row_id)
    values = {f: _resolve(v, district, ids) for f, v in fields.items()}
    device = district[who]
    result = device.push(device.write(table, row_id, **values))
    assert result["accepted"] == 0 and len(result["rejected"]) == len(values), result
    after = stored(district.store, table, row_id)
    for field in values:
        assert after.get(field) == before.get(field), field


def test_allowed_writes_of_each_role_go_through(district):
    """The other side of the table: what each role does in a day is accepted."""
    anna, lena, kim = district["anna"], district["lena"], district["kim"]
    placement = _placement(district)
    plan = district.plan_id
    ok = lena.push(lena.write("help_plan", plan, status="approved", approved_by=lena.user["id"],
                              approved_on="2026-11-21"))  # fmt: skip
    assert ok["rejected"] == []
    ok = anna.push(anna.write("help_plan", plan, status="draft", approved_by=None,
                              approved_on=None))  # fmt: skip
    assert ok["rejected"] == []
    offer = new_id()
    ok = kim.push(kim.write("trauma_offer", offer, kind="consultation", starts_on="2026-12-02",
                            capacity=4))  # fmt: skip
    assert ok["rejected"] == []
    ok = kim.push(kim.write("trauma_placement", placement, status="assigned", offer_id=offer,
                            slot=1, assigned_on="2026-11-21"))  # fmt: skip
    assert ok["rejected"] == []
    ok = anna.push(anna.write("trauma_placement", placement, status="cancelled", offer_id=None,
                              slot=0))  # fmt: skip
    assert ok["rejected"] == []
    assert stored(district.store, "trauma_placement", placement)["status"] == "cancelled"


def test_an_unsigned_plan_is_not_approved_at_the_office_either(district):
    """#19 item 1: the laptop's rule "approval needs the client's signature", sent around
    by a raw client: a team lead approving a plan whose signature was withdrawn, in the
    same push or an earlier one, and a caseworker withdrawing the signature of an approved
    plan are refused; the stored row stays as it was."""
    anna, lena = district["anna"], district["lena"]
    plan = district.plan_id
    approval = {"status": "approved", "approved_by": lena.user["id"], "approved_on": "2026-11-21"}
    result = lena.push(lena.write("help_plan", plan, signed=False, **approval))
    assert result["accepted"] == 0 and len(result["rejected"]) == 4, result
    assert "unterschriebenen" in " ".join(reasons(result))
    assert anna.push(anna.write("help_plan", plan, signed=False))["rejected"] == []
    result = lena.push(lena.write("help_plan", plan, **approval))
    assert (
        result["accepted"] == 0 and stored(district.store, "help_plan", plan)["status"] == "agreed"
    )
    assert anna.push(anna.write("help_plan", plan, signed=True))["rejected"] == []
    assert lena.push(lena.write("help_plan", plan, **approval))["rejected"] == []
    result = anna.push(anna.write("help_plan", plan, signed=False))
    assert len(result["rejected"]) == 1
    after = stored(district.store, "help_plan", plan)
    assert after["status"] == "approved" and after["signed"] is True


def test_the_laptop_services_use_the_same_table():
    check = permissions.check_write
    missing = lambda _name: permissions.MISSING  # noqa: E731
    assert check("caseworker", "a", "help_plan", "status", "approved", missing)
    assert check("team_lead", "l", "help_plan", "status", "approved", missing) is None
    assert check("coordinator", "k", "trauma_placement", "case_id", "x", lambda _n: "y")
    assert check("caseworker", "a", "conflict", "resolution", "x", lambda _n: "") is None


# --- 4. values no laptop can hold ---------------------------------------------------------

BAD_VALUES = [
    ("client", "residence_status", '"abc"', "einer von"),
    ("contact_note", "duration_minutes", '"abc"', "ganze Zahl"),
    ("contact_note", "duration_minutes", "true", "ganze Zahl"),
    ("contact_note", "duration_minutes", str(2**40), "üblicher Größe"),
    ("contact_note", "contact_on", '"31.02.2026"', "Datum"),
    ("contact_note", "contact_on", '"2026-02-31"', "Datum"),
    ("contact_note", "contact_on", "20261130", "Datum"),
    ("contact_note", "text", '"\\ud800"', "ungültiges Unicode"),
    ("contact_note", "text", '"a\\u0000b"', "Nullzeichen"),
    ("contact_note", "text", '{"x": 1}', "Text"),
    ("contact_note", "text", "[1, 2]", "Text"),
    ("contact_note", "text", "null", "nicht leer"),
    ("contact_note", "text", "nicht json", "JSON"),
    ("contact_note", "case_id", '"../../etc"', "Kennung"),
    ("contact_note", "deleted", '"yes"', "Ja/Nein"),
    ("contact_note", "secret_field", '"x"', "Unbekanntes Feld"),
    ("review_comment", "created_at", '"gestern"', "Zeitpunkt"),
    ("no_such_table", "x", '"x"', "Unbekannte Tabelle"),
]


@pytest.mark.parametrize(("table", "field", "raw", "message"), BAD_VALUES)
def test_values_no_laptop_can_hold_are_refused(district, table, field, raw, message):
    anna = district["anna"]
    row_id = district.note_id if table == "contact_note" else new_id()
    before = stored(district.store, table, row_id)
    change = raw_change(anna, table, row_id, field, raw)
    response = anna.client.post("/sync/push", json={"changes": [change]}, headers=anna.headers)
    if response.status_code == 422:  # caught by the request schema already (NUL, surrogate)
        assert "ungültig" in response.json()["message"] or "Zeichen" in response.json()["message"]
    else:
        result = response.json()
        assert result["accepted"] == 0 and message in reasons(result)[0], result
    assert stored(district.store, table, row_id) == before


# --- 5. clocks ------------------------------------------------------------------------------


def _stamp(anna, when_ms: int) -> str:
    return Timestamp(when_ms, 0, anna.device_id).encode()


@pytest.mark.parametrize(
    ("ahead", "shown"),
    [(datetime(2100, 1, 1, tzinfo=UTC).timestamp() * 1000, "Jahre"), (2 * 86_400_000, "2 Tage")],
)
def test_writes_far_ahead_of_the_offices_clock_are_refused_whole(district, ahead, shown):
    anna = district["anna"]
    now_ms = int(time.time() * 1000)
    when = int(ahead) if ahead > now_ms else now_ms + int(ahead)
    future = _stamp(anna, when)
    changes = [
        raw_change(anna, "contact_note", district.note_id, "text", '"später"', hlc=future),
        raw_change(anna, "client", district.client_id, "phone", '"0711"'),
    ]
    response = anna.client.post("/sync/push", json={"changes": changes}, headers=anna.headers)
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "clock_ahead" and shown in body["message"]
    assert "Uhrzeit" in body["message"]
    assert stored(district.store, "contact_note", district.note_id)["text"] == "Erstbesuch"
    assert "phone" not in stored(district.store, "client", district.client_id)


def test_a_clock_a_few_minutes_ahead_is_accepted(district):
    anna = district["anna"]
    soon = int(time.time() * 1000) + 3 * 60_000
    change = raw_change(anna, "contact_note", district.note_id, "text", '"gleich"',
                        hlc=_stamp(anna, soon))  # fmt: skip
    assert anna.push([change])["accepted"] == 1


# --- 9. authentication first; one rate limit for every server process ---------------------


def test_a_revoked_token_gets_401_whatever_the_body(district, office):
    anna = district["anna"]
    office.store.revoke(anna.device_id)
    for body in (b"kein json", b'{"changes": 5}', b'{"changes": [{"table": "x"}]}'):
        response = office.client.post("/sync/push", content=body, headers=anna.headers)
        assert response.status_code == 401 and response.json()["code"] == "unauthorized"
    bad_cursor = office.client.get("/sync/pull", params={"cursor": "x"}, headers=anna.headers)
    assert bad_cursor.status_code == 401


def test_two_server_processes_share_one_enrolment_limit(office, db_url):
    from caseworker_desktop.office.api import create_app
    from caseworker_desktop.office.store import Store
    from tests.office.conftest import PROTOCOL, TestClient

    second_store = Store(db_url)
    try:
        second = TestClient(create_app(second_store))
        body = {"code": "AAAA-BBBB-CCCC", "device_id": "f" * 32}
        first = TestClient(create_app(office.store, enrol_rate_per_minute=10))
        codes = [first.post("/enrol", json=body, headers=PROTOCOL).status_code for _ in range(10)]
        assert codes == [403] * 10
        assert second.post("/enrol", json=body, headers=PROTOCOL).status_code == 429
    finally:
        second_store.close()


def test_release_claimed_without_one_is_refused(district):
    """consent_given on a client's trauma request needs a release for the trauma
    consultation in the case, as the laptop's services demand (SECURITY.md 13)."""
    anna = district["anna"]
    client_id, case_id, changes = anna.open_case()
    referral = new_id()
    claim = anna.write("trauma_referral", referral, case_id=case_id,
                       caseworker_id=anna.user["id"], requested_on="2026-11-20",
                       consent_given=True)  # fmt: skip
    result = anna.push(changes + claim)
    assert any("keine gültige Schweigepflichtentbindung" in r for r in reasons(result))
    assert stored(district.store, "trauma_referral", referral) == {}  # the write whole
    # a release for another recipient, or one withdrawn before the request, is no release
    for fields in (
        {"recipient": "jobcenter", "given_on": "2026-11-01"},
        {"recipient": "trauma_consultation", "given_on": "2026-11-01",
         "withdrawn_on": "2026-11-10"},
        {"recipient": "trauma_consultation", "given_on": "2026-10-01",
         "valid_until": "2026-10-31"},
    ):  # fmt: skip
        consent = anna.write("consent_record", new_id(), client_id=client_id,
                             kind="confidentiality_release", **fields)  # fmt: skip
        result = anna.push(consent + claim)
        assert any("keine gültige Schweigepflichtentbindung" in r for r in reasons(result))
    # signed and sent in the same push: accepted; a later change of the flag needs none
    release = anna.write("consent_record", new_id(), client_id=client_id,
                         kind="confidentiality_release", recipient="trauma_consultation",
                         given_on="2026-11-19")  # fmt: skip
    assert anna.push(release + claim)["rejected"] == []
    assert stored(district.store, "trauma_referral", referral)["consent_given"] is True
    # the caseworker's own consultation has no client and needs no release
    own = anna.write("trauma_referral", new_id(), case_id=None, caseworker_id=anna.user["id"],
                     own_consultation=True, requested_on="2026-11-20",
                     consent_given=True)  # fmt: skip
    assert anna.push(own)["rejected"] == []


def _request_with_release(anna, given_on: str) -> list:
    """A new client's case, a trauma release dated `given_on` and a trauma request that
    says the release is given, as one push."""
    client_id, case_id, changes = anna.open_case()
    release = anna.write("consent_record", new_id(), client_id=client_id,
                         kind="confidentiality_release", recipient="trauma_consultation",
                         given_on=given_on)  # fmt: skip
    claim = anna.write("trauma_referral", new_id(), case_id=case_id,
                       caseworker_id=anna.user["id"], requested_on="2026-12-02",
                       consent_given=True)  # fmt: skip
    return changes + release + claim


def test_a_release_signed_after_midnight_in_the_district_counts_at_the_office(
    district, monkeypatch
):
    """00:30 in the district is 23:30 UTC the day before: a release the laptop dates
    today is not "in the future" at the office (it counts days as the laptops do)."""
    from caseworker_desktop.office import schema

    monkeypatch.setattr(schema, "utcnow", lambda: datetime(2026, 12, 1, 23, 30))
    anna = district["anna"]
    assert anna.push(_request_with_release(anna, "2026-12-02"))["rejected"] == []
    result = anna.push(_request_with_release(anna, "2026-12-03"))  # a day later: refused
    assert any("keine gültige Schweigepflichtentbindung" in r for r in reasons(result))


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        (datetime(2026, 12, 1, 22, 59), "2026-12-01"),  # winter: UTC+1
        (datetime(2026, 12, 1, 23, 0), "2026-12-02"),
        (datetime(2026, 7, 1, 21, 59), "2026-07-01"),  # summer: UTC+2
        (datetime(2026, 7, 1, 22, 0), "2026-07-02"),
    ],
)
def test_the_district_day_of_a_utc_time(utc, day):
    from caseworker_desktop.office.schema import district_day

    assert district_day(utc).isoformat() == day
