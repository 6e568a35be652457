"""Property: three laptops edit the same help plan offline and sync in random orders
through the real office (SQLite and PostgreSQL) -> all converge on the office's values, and
every text a person wrote is final, knowingly overwritten, or kept in a Conflict."""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.office.conftest import new_id

_users = itertools.count()
TEXT = ("goal", "measures")

operation = st.one_of(
    st.tuples(
        st.just("edit"),
        st.integers(0, 2),
        st.sampled_from((*TEXT, "status")),
        st.text(alphabet="abcxyzäöü ", min_size=1, max_size=6),
    ),
    st.tuples(st.just("push"), st.integers(0, 2), st.booleans(), st.none()),
    st.tuples(st.just("pull"), st.integers(0, 2), st.integers(1, 4), st.none()),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, min_size=1, max_size=25))
def test_laptops_converge_through_the_office(office, ops):
    username = f"cw{next(_users)}"
    office.user(username)
    laptops = [office.laptop(username) for _ in range(3)]
    first = laptops[0]
    _client, case_id, changes = first.open_case()
    plan_id, entry_id = new_id(), new_id()
    changes += first.write(
        "help_plan",
        plan_id,
        case_id=case_id,
        period_start="2026-11-01",
        period_end="2027-10-31",
        next_review_on="2027-05-01",
        status="draft",
    )
    changes += first.write(
        "help_plan_entry",
        entry_id,
        help_plan_id=plan_id,
        life_area="work",
        goal="Praktikum",
        measures="",
        status="open",
        position=0,
    )
    first.push(changes)
    for laptop in laptops:
        laptop.pull()
    outbox: list[list[dict]] = [[], [], []]
    writes: list[dict] = []
    for kind, who, arg, text in ops:
        laptop = laptops[who]
        if kind == "edit":
            value = text if arg in TEXT else ("in_progress" if len(text) % 2 else "achieved")
            batch = laptop.write("help_plan_entry", entry_id, **{arg: value})
            outbox[who] += batch
            writes += batch
        elif kind == "push" and outbox[who]:
            laptop.push(outbox[who])
            if arg:  # the acknowledgement was lost: the same batch again
                laptop.push(outbox[who])
            outbox[who] = []
        elif kind == "pull":
            laptop.pull(limit=arg)
    for who, laptop in enumerate(laptops):
        if outbox[who]:
            laptop.push(outbox[who])
    for _ in range(2):
        for laptop in laptops:
            laptop.pull()

    keys = [("help_plan_entry", entry_id, f) for f in (*TEXT, "status")]
    final = {k: laptops[0].values[k] for k in keys}
    for laptop in laptops[1:]:
        assert {k: laptop.values[k] for k in keys} == final

    # every Conflict any laptop has received, in this last pull or in one during the run
    conflicts: dict[str, dict] = {}
    for laptop in laptops:
        for (table, row_id, field), value in laptop.values.items():
            if table == "conflict":
                conflicts.setdefault(row_id, {})[field] = json.loads(value)
    # the words survive: the same text in a Conflict counts, whoever typed it there too
    kept = {
        (c["field"], c[side + "_value"]) for c in conflicts.values() for side in ("winner", "loser")
    }
    bases = {(w["field"], w["base_hlc"]) for w in writes}
    texts = [w for w in writes if w["field"] in TEXT]
    survived = {
        (w["field"], w["value"])
        for w in texts
        if final[("help_plan_entry", entry_id, w["field"])] == w["value"]
        or (w["field"], w["hlc"]) in bases
        or (w["field"], w["value"]) in kept
    }
    for w in texts:  # the same words typed on two laptops survive in either place
        assert (w["field"], w["value"]) in survived, f"text {w['value']} lost"
