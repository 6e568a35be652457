"""Restricted trauma referrals (DESIGN.md: assigned caseworker and team lead only) and
reassignment with eviction (SECURITY.md 9)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from caseworker_desktop.office import schema
from caseworker_desktop.office.cli import main
from tests.office.conftest import new_id
from tests.office.test_authorisation import build_world


@pytest.fixture
def world(office):
    return build_world(office)


def _trauma_rows(changes: list[dict]) -> set[str]:
    return {c["row_id"] for c in changes if c["table"] == "trauma_referral"}


def test_trauma_referrals_are_seen_by_the_assigned_caseworker_and_team_lead_only(world):
    anna = world.laptops["anna"]
    own_consultation = new_id()  # no client case: anna's own consultation
    anna.push(
        anna.write(
            "trauma_referral",
            own_consultation,
            case_id=None,
            own_consultation=True,
            caseworker_id=anna.user["id"],
            requested_on="2026-11-12",
        )
    )
    in_case = _trauma_rows(anna.pull()) - {own_consultation}
    assert len(in_case) == 1
    seen = {name: _trauma_rows(laptop.pull()) for name, laptop in world.laptops.items()}
    assert seen["lena"] >= in_case | {own_consultation}  # her team lead
    for name in ("ben", "tom", "root"):  # colleague, other team's lead, admin
        assert not seen[name] & (in_case | {own_consultation})
    assert not seen["carla"] & (in_case | {own_consultation})
    assert len(seen["carla"]) == 1  # only the referral of her own case


def test_another_caseworker_cannot_write_an_own_consultation_for_anna(world):
    ben = world.laptops["ben"]
    anna_id = world.laptops["anna"].user["id"]
    result = ben.push(
        ben.write("trauma_referral", new_id(), caseworker_id=anna_id, requested_on="2026-11-12")
    )
    assert result["accepted"] == 0 and result["rejected"]


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_reassign_evicts_the_old_owner_and_delivers_the_whole_case_to_the_new_one(
    world, db_url, capsys
):
    anna, ben, lena = (world.laptops[n] for n in ("anna", "ben", "lena"))
    case_id = world.cases["own"]
    for laptop in (anna, ben, lena):
        laptop.pull()
    assert ben.pull() == []
    state = {k: v for k, v in anna.values.items() if k[1] in world.rows["own"]}

    assert main(["reassign", "--db", db_url, "--case", case_id, "--to", "ben"]) == 0
    assert "ben" in capsys.readouterr().out

    late = anna.write("contact_note", new_id(), case_id=case_id, text="offline geschrieben")
    refused = anna.push(late)["rejected"][0]
    assert "zur Übernahme bereit" in refused["reason"] and refused["handed_to"] == ben.user["id"]
    ben.push(ben.write("contact_note", new_id(), case_id=case_id, text="Übernahme"))

    old_owner = anna.pull()
    assert anna.evicted == [case_id]
    assert not {c["row_id"] for c in old_owner} & world.rows["own"]

    new_owner = ben.pull()
    got = {(c["table"], c["row_id"], c["field"]): c["value"] for c in new_owner}
    handover = {c["field"]: json.loads(c["value"]) for c in new_owner if c["table"] == "conflict"}
    assert handover["kind"] == "handover" and handover["handed_over_by"] == anna.user["id"]
    assert json.loads(handover["loser_value"]) == {
        "case_id": case_id,
        "text": "offline geschrieben",
    }
    for key, value in state.items():  # every field of every row of the case
        expected = (
            json.dumps(ben.user["id"])
            if key[2] == "caseworker_id" and key[0] == "case_file"
            else value
        )
        assert got[key] == expected, key
    assert ben.evicted == []

    lead = lena.pull()  # same team: the lead keeps the case and is not evicted
    assert lena.evicted == []
    assert ("case_file", case_id, "caseworker_id") in {
        (c["table"], c["row_id"], c["field"]) for c in lead
    }
    with world.office.store.engine.connect() as conn:
        actions = conn.execute(sa.select(schema.office_audit.c.action)).scalars().all()
    assert "case_reassign" in actions


def test_reassign_to_another_team_evicts_the_old_team_lead_too(world, db_url):
    lena, tom = world.laptops["lena"], world.laptops["tom"]
    case_id = world.cases["own"]
    lena.pull(), tom.pull()
    assert main(["reassign", "--db", db_url, "--case", case_id, "--to", "carla"]) == 0
    lena.pull()
    assert lena.evicted == [case_id]
    assert world.rows["own"] <= {c["row_id"] for c in tom.pull()}
    assert tom.evicted == []


def test_a_case_reassigned_back_is_delivered_again(world, db_url):
    anna = world.laptops["anna"]
    case_id = world.cases["own"]
    anna.pull()
    assert main(["reassign", "--db", db_url, "--case", case_id, "--to", "ben"]) == 0
    assert main(["reassign", "--db", db_url, "--case", case_id, "--to", "anna"]) == 0
    received = anna.pull()
    assert anna.evicted == [case_id]  # first removed, then delivered whole again
    assert world.rows["own"] <= {c["row_id"] for c in received}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "0" * 32, "--to", "ben"], "Keine Akte"),
        (["--to", "nobody"], "gibt es nicht"),
        (["--to", "root"], "Fachkräften"),
        (["--to", "anna"], "bereits zugewiesen"),
    ],
)
def test_reassign_refusals_are_user_errors(world, db_url, capsys, args, message):
    if "--case" not in args:
        args = ["--case", world.cases["own"], *args]
    assert main(["reassign", "--db", db_url, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
