"""What #14 added, played as a hostile device with a raw HTTP client: markers and erasure
confirmations where the sender has no right, writes to restricted data, a forged purge, and
the office's own read-outs only for the addresses allowed (SQLite and PostgreSQL)."""

from __future__ import annotations

from tests.office.conftest import new_id


def _two_caseworkers(office):
    office.user("anna")
    office.user("ben")
    lead = office.user("lena", role="team_lead")
    return office.laptop("anna"), office.laptop("ben"), lead


def test_a_colleague_cannot_mark_or_confirm_anothers_client(office):
    anna, ben, lead = _two_caseworkers(office)
    client_id, case_id, changes = anna.open_case()
    anna.push(changes)
    marker = ben.write("data_marker", new_id(), client_id=client_id, kind="restricted",
                       field="", reason="Antrag", set_on="2026-11-20")  # fmt: skip
    refused = ben.push(marker)["rejected"]
    assert len(refused) == len(marker)
    # a caseworker names the team lead as the one who confirmed an erasure
    forged = anna.write("case_file", case_id, erasure_requested_on="2026-11-20",
                        erasure_confirmed_by=lead)  # fmt: skip
    reasons = {r["reason"] for r in anna.push(forged)["rejected"]}
    own_id = "„Löschung bestätigt von“ in „Fall“ kann nur die eigene Kennung enthalten."
    assert own_id in reasons
    assert all(own_id in reason for reason in reasons)  # the request with it, as one write


def test_writes_after_a_restriction_are_refused_whoever_sends_them(office):
    anna, _ben, _lena = _two_caseworkers(office)
    client_id, _case_id, changes = anna.open_case()
    changes += anna.write("data_marker", new_id(), client_id=client_id, kind="restricted",
                          field="", reason="Antrag", set_on="2026-11-20")  # fmt: skip
    assert anna.push(changes)["rejected"] == []  # the registration, then the restriction
    later = anna.write("client", client_id, phone="0176 1")
    (refusal,) = anna.push(later)["rejected"]
    assert "eingeschränkt (Art. 18 DSGVO)" in refusal["reason"]


def test_a_device_cannot_send_a_purge(office):
    anna, ben, _lena = _two_caseworkers(office)
    _client_id, case_id, changes = anna.open_case()
    anna.push(changes)
    forged = [{"change_id": new_id(), "table": "__purge__", "row_id": case_id, "field": "purge",
               "value": f'{{"case": "{case_id}"}}', "hlc": anna.hlc.now().encode()}]  # fmt: skip
    response = anna.client.post("/sync/push", json={"changes": forged}, headers=anna.headers)
    assert response.status_code == 200
    (refusal,) = response.json()["rejected"]
    assert refusal["reason"] == "Unbekannte Tabelle „__purge__“."
    for device in (anna, ben):
        page = device.client.get("/sync/pull", params={"cursor": 0}, headers=device.headers)
        assert page.json()["purges"] == [] and page.json()["evict_cases"] == []
