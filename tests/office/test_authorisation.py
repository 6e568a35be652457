"""SECURITY.md 8: the office filters every push and pull by role and assignment. The
matrix is generated from one table: actor x endpoint x case -> allowed or not."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.office.conftest import Laptop, Office, new_id

# Team Nord: anna (caseworker, owns the "own" case), ben (her colleague), lena (lead).
# Team Süd: carla (caseworker, owns the "foreign" case), tom (lead). root: admin.
ACTORS = {
    "caseworker": "anna",
    "other caseworker": "ben",
    "team lead of the team": "lena",
    "team lead as stand-in": "vera",
    "team lead of another team": "tom",
    "admin": "root",
}
# A team lead reads the team's cases; without the office's stand-in grant she changes them
# only by comments and approvals (test_hostile_rules), so a push of case data is refused.
#  actor                        case       pull   push
MATRIX = [
    ("caseworker",                "own",     True,  True),
    ("caseworker",                "foreign", False, False),
    ("other caseworker",          "own",     False, False),
    ("other caseworker",          "foreign", False, False),
    ("team lead of the team",     "own",     True,  False),
    ("team lead of the team",     "foreign", False, False),
    ("team lead as stand-in",     "own",     True,  True),
    ("team lead as stand-in",     "foreign", False, False),
    ("team lead of another team", "own",     False, False),
    ("team lead of another team", "foreign", True,  False),
    ("admin",                     "own",     False, False),
    ("admin",                     "foreign", False, False),
]  # fmt: skip
CASES = [
    pytest.param(actor, case, endpoint, allowed, id=f"{actor}-{endpoint}-{case}")
    for actor, case, pull, push in MATRIX
    for endpoint, allowed in (("push", push), ("pull", pull))
]


@dataclass
class World:
    office: Office
    laptops: dict[str, Laptop]
    cases: dict[str, str]  # "own"/"foreign" -> case id
    rows: dict[str, set[str]]  # case -> ids of all its rows


def build_world(office: Office) -> World:
    office.user("anna", team="Team Nord")
    office.user("ben", team="Team Nord")
    office.user("lena", "team_lead", team="Team Nord")
    office.user("vera", "team_lead", team="Team Nord")
    office.store.set_stand_in("vera", True)
    office.user("carla", team="Team Süd")
    office.user("tom", "team_lead", team="Team Süd")
    office.user("root", "admin", team=None)
    laptops = {
        name: office.laptop(name)
        for name in ("anna", "ben", "lena", "vera", "carla", "tom", "root")
    }
    # the enrolment answer says who may work as a stand-in, as the directory does
    assert laptops["vera"].user["stand_in"] is True and laptops["lena"].user["stand_in"] is False
    cases, rows = {}, {}
    for label, owner in (("own", "anna"), ("foreign", "carla")):
        laptop = laptops[owner]
        _, case_id, changes = laptop.open_case()
        changes += laptop.write(
            "contact_note",
            new_id(),
            case_id=case_id,
            kind="phone",
            contact_on="2026-11-03",
            text="Erstgespräch",
        )
        changes += laptop.write(
            "trauma_referral",
            new_id(),
            case_id=case_id,
            caseworker_id=laptop.user["id"],
            requested_on="2026-11-04",
            recommendation="Gruppenangebot",
        )
        assert laptop.push(changes)["rejected"] == []
        cases[label] = case_id
        rows[label] = {c["row_id"] for c in changes}
    return World(office, laptops, cases, rows)


@pytest.fixture
def world(office) -> World:
    return build_world(office)


@pytest.mark.parametrize(("actor", "case", "endpoint", "allowed"), CASES)
def test_authorisation_matrix(world, actor, case, endpoint, allowed):
    laptop = world.laptops[ACTORS[actor]]
    case_id = world.cases[case]
    if endpoint == "push":
        changes = laptop.write("case_file", case_id, status="dormant")
        changes += laptop.write(
            "contact_note",
            new_id(),
            case_id=case_id,
            kind="phone",
            contact_on="2026-11-10",
            text="Rückruf",
        )
        result = laptop.push(changes)
        assert result["accepted"] == (len(changes) if allowed else 0)
        assert len(result["rejected"]) == (0 if allowed else len(changes))
        assert all(r["reason"] for r in result["rejected"])
    else:
        seen = {c["row_id"] for c in laptop.pull()}
        if allowed:
            assert world.rows[case] <= seen
        else:
            assert not world.rows[case] & seen
