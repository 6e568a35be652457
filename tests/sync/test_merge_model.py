"""The merge rule against a model of laptops and the office: any number of devices edit
offline and sync in any order -> all converge, and every text a person wrote is either the
final value, was knowingly overwritten (the writer had seen it) or survives in a Conflict."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker_desktop.domain.hlc import HybridLogicalClock, Timestamp
from caseworker_desktop.sync.merge import (
    ConflictCopy,
    FieldChange,
    FieldState,
    apply_pulled,
    merge,
)

FIELDS = {
    ("help_plan_entry", "e1", "goal"): True,
    ("help_plan_entry", "e1", "status"): False,
    ("contact_note", "n1", "text"): True,
}
KEYS = list(FIELDS)
_ids = itertools.count()


@dataclass
class Office:
    state: dict = field(default_factory=dict)
    log: list = field(default_factory=list)  # ("change", FieldChange) | ("conflict", Copy)
    seen_change_ids: set = field(default_factory=set)
    conflict_ids: set = field(default_factory=set)

    def push(self, changes: list[FieldChange]) -> None:
        for change in changes:
            if change.change_id in self.seen_change_ids:  # idempotent re-send
                continue
            self.seen_change_ids.add(change.change_id)
            key = (change.table, change.row_id, change.field)
            result = merge(self.state.get(key), change, FIELDS[key])
            self.state[key] = result.state
            if result.applied:
                self.log.append(("change", change))
            if result.conflict is not None:
                conflict_id = (key, result.conflict.loser_hlc)
                if conflict_id not in self.conflict_ids:
                    self.conflict_ids.add(conflict_id)
                    self.log.append(("conflict", result.conflict))


@dataclass
class Laptop:
    name: str
    clock_offset: float
    now: list
    values: dict = field(default_factory=dict)  # key -> FieldState
    outbox: list = field(default_factory=list)
    cursor: int = 0
    conflicts: list = field(default_factory=list)

    def __post_init__(self):
        self.hlc = HybridLogicalClock(self.name, clock=lambda: self.now[0] + self.clock_offset)

    def edit(self, key, value: str, writes: list) -> None:
        current = self.values.get(key)
        stamp = self.hlc.now().encode()
        change = FieldChange(
            change_id=f"c{next(_ids)}",
            table=key[0],
            row_id=key[1],
            field=key[2],
            value=value,
            hlc=stamp,
            base_hlc=current.hlc if current else None,
            device_id=self.name,
        )
        self.values[key] = FieldState(value, stamp, self.name)
        self.outbox.append(change)
        writes.append(change)

    def push(self, office: Office, resend: bool) -> None:
        office.push(list(self.outbox))
        if resend:  # the acknowledgement got lost: the same batch again
            office.push(list(self.outbox))
        self.outbox.clear()

    def pull(self, office: Office, page: int) -> None:
        while self.cursor < len(office.log):
            for kind, item in office.log[self.cursor : self.cursor + page]:
                if kind == "conflict":
                    self.conflicts.append(item)
                    continue
                key = (item.table, item.row_id, item.field)
                self.hlc.observe(Timestamp.decode(item.hlc))
                local = self.values.get(key)
                if apply_pulled(local.hlc if local else None, item.hlc):
                    self.values[key] = FieldState(item.value, item.hlc, item.device_id)
            self.cursor = min(self.cursor + page, len(office.log))


operation = st.one_of(
    st.tuples(
        st.just("edit"), st.integers(0, 3), st.integers(0, 2), st.text(min_size=0, max_size=4)
    ),
    st.tuples(st.just("push"), st.integers(0, 3), st.booleans(), st.none()),
    st.tuples(st.just("pull"), st.integers(0, 3), st.integers(1, 3), st.none()),
    st.tuples(st.just("tick"), st.integers(0, 3), st.integers(0, 3000), st.none()),
)


@settings(max_examples=400, deadline=None)
@given(
    offsets=st.lists(st.floats(-3600, 3600), min_size=4, max_size=4),
    ops=st.lists(operation, max_size=60),
)
def test_devices_converge_and_no_text_is_lost(offsets, ops):
    now = [1_790_000_000.0]
    office = Office()
    laptops = [Laptop(f"dev{i}", offsets[i], now) for i in range(4)]
    writes: list[FieldChange] = []
    for kind, who, arg, text in ops:
        laptop = laptops[who]
        if kind == "edit":
            laptop.edit(KEYS[arg], text or f"{laptop.name}-{len(writes)}", writes)
        elif kind == "push":
            laptop.push(office, resend=arg)
        elif kind == "pull":
            laptop.pull(office, page=arg)
        else:
            now[0] += arg / 1000
    for _ in range(2):  # everybody comes online
        for laptop in laptops:
            laptop.push(office, resend=False)
            laptop.pull(office, page=2)

    # converged: every laptop holds the office's winning value of every field
    for laptop in laptops:
        assert {k: (v.value, v.hlc) for k, v in laptop.values.items()} == {
            k: (v.value, v.hlc) for k, v in office.state.items()
        }
        assert len(laptop.conflicts) == len(office.conflict_ids)

    # no text lost silently
    seen_bases = {(c.table, c.row_id, c.field, c.base_hlc) for c in writes}
    kept: set[tuple] = set()
    for _kind, copy in (entry for entry in office.log if entry[0] == "conflict"):
        assert isinstance(copy, ConflictCopy)
        key = (copy.table, copy.row_id, copy.field)
        kept.add((key, copy.loser_value))  # the words, whoever typed them
        kept.add((key, copy.winner_value))
    texts = [w for w in writes if FIELDS[(w.table, w.row_id, w.field)]]  # not status fields
    survived = set()
    for w in texts:
        key = (w.table, w.row_id, w.field)
        final = office.state[key]
        if (
            (final.hlc == w.hlc)
            or (w.table, w.row_id, w.field, w.hlc) in seen_bases  # knowingly overwritten
            or (key, w.value) in kept
            or final.value == w.value  # the same words won anyway
        ):
            survived.add((key, w.value))
    for w in texts:  # the same words typed on two devices survive in either place
        key = (w.table, w.row_id, w.field)
        assert (key, w.value) in survived, f"text {w.value!r} of {w.device_id} lost"


def test_two_laptops_same_text_concurrently_keep_both():
    now = [1_790_000_000.0]
    office = Office()
    a, b = Laptop("a", 0, now), Laptop("b", 0, now)
    writes: list[FieldChange] = []
    key = KEYS[0]
    a.edit(key, "Deutschkurs B1 bis Juni", writes)
    a.push(office, False)
    b.pull(office, 5)
    a.pull(office, 5)
    now[0] += 1
    a.edit(key, "Deutschkurs B1 bis Juni, Kinderbetreuung klären", writes)
    now[0] += 1
    b.edit(key, "Deutschkurs B2 bis Dezember", writes)
    b.push(office, False)
    a.push(office, False)
    a.pull(office, 5)
    b.pull(office, 5)
    assert a.values[key] == b.values[key]
    assert a.values[key].value == "Deutschkurs B2 bis Dezember"  # the later edit
    (copy,) = a.conflicts
    assert copy.loser_value == "Deutschkurs B1 bis Juni, Kinderbetreuung klären"
    assert copy.winner_value == "Deutschkurs B2 bis Dezember"
    assert b.conflicts == a.conflicts


def test_status_fields_do_not_make_conflicts():
    current = FieldState('"open"', "000000000000001-000000-a", "a")
    change = FieldChange(
        "x", "help_plan_entry", "e1", "status", '"achieved"', "000000000000002-000000-b", None, "b"
    )
    result = merge(current, change, is_text=False)
    assert result.applied and result.conflict is None
    older = FieldChange(
        "y", "help_plan_entry", "e1", "status", '"dropped"', "000000000000000-000009-c", None, "c"
    )
    result = merge(result.state, older, is_text=False)
    assert not result.applied and result.state.value == '"achieved"'
