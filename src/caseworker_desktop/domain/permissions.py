"""Who may write which field: one table, read by the laptop's services for every write of
the local user and by the district office for every pushed change. An honest laptop never
sends what the office refuses; a dishonest one gets refused by the same rule.

What the table does not decide, because the office cannot know it: the workflow order of a
status (the laptop's transition tables: offline edits of two devices and undo reach the
office in an order of their own). What it does decide: which role may set a status that
carries authority (the team lead's approval, the coordinator's slot), which fields name a
user (only the writer's own id), which fields are fixed once a row exists (its case, its
author, the request a placement answers) and who may create rows at all."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from . import model as m
from .enums import Role
from .labels import FIELD_LABELS_DE, TABLE_LABELS_DE, label

CASE_STAFF = frozenset({Role.CASEWORKER, Role.TEAM_LEAD})
COORDINATION = frozenset({Role.COORDINATOR})
TEAM_LEAD = frozenset({Role.TEAM_LEAD})
NOBODY: frozenset[Role] = frozenset()
MISSING = object()  # a field the stored row does not have (yet)


@dataclass(frozen=True)
class FieldRule:
    roles: frozenset[Role] | None = None  # who may write it; None: the table's writers
    fixed: bool = False  # set with the row, never changed afterwards
    own_id: bool = False  # holds a user id: empty or the writer's own
    set_by: frozenset[Role] | None = None  # a non-empty value only by these roles
    author: str | None = None  # only the user this field of the row names may change it
    values: Mapping[str, frozenset[Role]] = field(default_factory=dict)  # value -> roles


@dataclass(frozen=True)
class TableRule:
    create: frozenset[Role]  # who may create a row
    write: frozenset[Role]  # who may change its fields
    fields: Mapping[str, FieldRule] = field(default_factory=dict)


FIXED = FieldRule(fixed=True)
OWN_FIXED = FieldRule(own_id=True, fixed=True)
CASE_TABLE = TableRule(CASE_STAFF, CASE_STAFF, {"case_id": FIXED})

RULES: dict[str, TableRule] = {
    "household": TableRule(CASE_STAFF, CASE_STAFF),
    "client": TableRule(CASE_STAFF, CASE_STAFF),
    "consent_record": TableRule(CASE_STAFF, CASE_STAFF, {"client_id": FIXED}),
    "data_marker": TableRule(
        CASE_STAFF, CASE_STAFF, {"client_id": FIXED, "kind": FIXED, "field": FIXED}
    ),
    "case_file": TableRule(
        CASE_STAFF,
        CASE_STAFF,
        # Who holds a case the office decides (reassignment); a new case is the writer's.
        {
            "caseworker_id": OWN_FIXED,
            "client_id": FIXED,
            "erasure_confirmed_by": FieldRule(own_id=True, set_by=TEAM_LEAD),
        },
    ),
    "help_plan": TableRule(
        CASE_STAFF,
        CASE_STAFF,
        {
            "case_id": FIXED,
            "status": FieldRule(values={"approved": TEAM_LEAD}),
            "approved_by": FieldRule(own_id=True, set_by=TEAM_LEAD),
            "approved_on": FieldRule(set_by=TEAM_LEAD),
        },
    ),
    "help_plan_entry": TableRule(
        CASE_STAFF, CASE_STAFF, {"help_plan_id": FIXED, "source_trauma_referral_id": FIXED}
    ),
    "course_referral": CASE_TABLE,
    "trauma_referral": TableRule(
        CASE_STAFF,
        CASE_STAFF,
        {"case_id": FIXED, "caseworker_id": OWN_FIXED, "own_consultation": FIXED},
    ),
    "trauma_offer": TableRule(COORDINATION, COORDINATION),
    "trauma_placement": TableRule(
        CASE_STAFF,
        CASE_STAFF | COORDINATION,
        {
            **dict.fromkeys(
                ("kind", "case_id", "trauma_referral_id", "reference", "requested_on"), FIXED
            ),
            "caseworker_id": OWN_FIXED,
            "urgent": FieldRule(roles=CASE_STAFF),
            "interpreter": FieldRule(roles=CASE_STAFF),
            "deleted": FieldRule(roles=CASE_STAFF),
            "status": FieldRule(
                values={
                    "waiting": CASE_STAFF | COORDINATION,
                    "assigned": COORDINATION,
                    "attended": COORDINATION,
                    "cancelled": CASE_STAFF | COORDINATION,
                }
            ),
            "offer_id": FieldRule(set_by=COORDINATION),
            "slot": FieldRule(set_by=COORDINATION),
            "assigned_on": FieldRule(set_by=COORDINATION),
        },
    ),
    "contact_note": TableRule(CASE_STAFF, CASE_STAFF, {"case_id": FIXED, "author_id": OWN_FIXED}),
    "reminder": TableRule(CASE_STAFF, CASE_STAFF, {"case_id": FIXED, "author_id": OWN_FIXED}),
    # The content is fixed with the record (its hash); kind, date, title and note are not.
    "document": TableRule(
        CASE_STAFF,
        CASE_STAFF,
        {
            **dict.fromkeys(("case_id", "media_type", "size", "content_hash"), FIXED),
            "added_by": OWN_FIXED,
        },
    ),
    "review_comment": TableRule(
        TEAM_LEAD,
        CASE_STAFF,
        {
            **dict.fromkeys(("case_id", "help_plan_id", "created_at"), FIXED),
            "author_id": OWN_FIXED,
            "text": FieldRule(author="author_id"),
            "deleted": FieldRule(author="author_id"),
        },
    ),
    # Made by the office only; people resolve them.
    "conflict": TableRule(
        NOBODY,
        CASE_STAFF,
        {
            f.name: FIXED
            for f in dataclasses.fields(m.Conflict)
            if f.name not in ("id", "updated_hlc", "resolved", "resolution")
        },
    ),
}

# Restricted text (GDPR Art. 9): the findings of a trauma referral, the help-plan text that
# may carry them over, and both texts of a conflict (which may be either). Shown only when
# opened on a laptop; sealed field by field at the office (office/sealing.py).
RESTRICTED_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {(m.TraumaReferral.table, f) for f in (*m.TraumaReferral.text_fields, "specialist")}
    | {(m.HelpPlanEntry.table, f) for f in m.HelpPlanEntry.text_fields}
    | {(m.Conflict.table, f) for f in ("winner_value", "loser_value", "resolution")}
    # What a document is called and noted about it can name a diagnosis
    | {(m.Document.table, f) for f in m.Document.text_fields}
)

REFERENCE_DATA = "Stammdaten pflegt das Landratsamt; Änderungen vom Laptop werden nicht übernommen."
NOT_YOUR_ROLE = "„{field}“ in „{table}“ darf Ihre Rolle nicht ändern."
NO_CREATE = "Ihre Rolle darf keine neuen Einträge in „{table}“ anlegen."
FIXED_FIELD = "„{field}“ in „{table}“ steht fest und kann nicht mehr geändert werden."
OWN_ID = "„{field}“ in „{table}“ kann nur die eigene Kennung enthalten."
VALUE_NOT_YOURS = "„{field}“ = „{value}“ in „{table}“ setzt nur {roles}."
AUTHOR_ONLY = "„{field}“ in „{table}“ kann nur ändern, wer den Eintrag verfasst hat."
ROLE_NAMES = {
    Role.CASEWORKER: "die Fachkraft",
    Role.TEAM_LEAD: "die Teamleitung",
    Role.COORDINATOR: "die Koordination",
    Role.ADMIN: "die Administration",
}


def _empty(value: object) -> bool:
    return value is None or value == "" or value == 0 or value is False


def check_record(role: Role | str, user_id: str, old, new, *, stand_in: bool = True) -> str | None:
    """The first reason why this write of a record (`old` None: a new one) is not the
    user's to make, over the fields it changes."""
    table = type(new).table
    stored = None if old is None else (lambda name: getattr(old, name, MISSING))
    for f in dataclasses.fields(new):
        if f.name in ("id", "updated_hlc"):
            continue
        value = getattr(new, f.name)
        if old is not None and getattr(old, f.name) == value:
            continue
        reason = check_write(role, user_id, table, f.name, value, stored, stand_in=stand_in)
        if reason:
            return reason
    return None


# What a team lead writes without the office's stand-in grant: comments, and the approval
# of a help plan (its status and who approved when). Everything else in a case file is
# the caseworker's (an office setting: caseworker-office user stand-in).
LEAD_WRITES = {
    "review_comment": None,  # every field
    "help_plan": frozenset({"status", "approved_by", "approved_on"}),
    "case_file": frozenset({"erasure_confirmed_by"}),  # the confirmation of an erasure
}
LEAD_NOT_STAND_IN = (
    "Die Teamleitung kommentiert und gibt Hilfepläne frei; „{field}“ in „{table}“ ändert "
    "sie nur als Vertretung (vom Landratsamt freigeschaltet)."
)


def check_write(
    role: Role | str,
    user_id: str,
    table: str,
    name: str,
    value: object,
    stored: Callable[[str], object] | None,
    *,
    stand_in: bool = True,
) -> str | None:
    """Why `user_id` in `role` may not write `value` (a domain value) into field `name` of a
    row of `table`, or None if they may. `stored(field)` gives the row's stored value of a
    field (MISSING if it has none); `stored` is None for a row that does not exist yet.
    stand_in: whether a team lead may change case files beyond comments and approvals."""
    rule = RULES.get(table)
    if rule is None:
        return REFERENCE_DATA
    role = role if type(role) is Role else Role(role)  # checked per pushed change
    if role is Role.TEAM_LEAD and not stand_in:
        fields = LEAD_WRITES.get(table, frozenset())
        if fields is not None and name not in fields:
            return LEAD_NOT_STAND_IN.format(field=_field(name), table=_table(table))
    spec = rule.fields.get(name, _FREE)
    if stored is None:
        if role not in rule.create:
            return NO_CREATE.format(table=_table(table))
    elif role not in (spec.roles if spec.roles is not None else rule.write):
        return NOT_YOUR_ROLE.format(field=_field(name), table=_table(table))
    if spec is _FREE:  # the common case: no rule of its own (checked per pushed change)
        return None
    if spec.roles is not None and role not in spec.roles:
        return NOT_YOUR_ROLE.format(field=_field(name), table=_table(table))
    if spec.fixed and stored is not None and stored(name) != value:
        # also when the row lacks it: set with the row
        return FIXED_FIELD.format(field=_field(name), table=_table(table))
    if spec.own_id and value is not None and value != user_id:
        return OWN_ID.format(field=_field(name), table=_table(table))
    if spec.set_by is not None and not _empty(value) and role not in spec.set_by:
        return VALUE_NOT_YOURS.format(
            field=_field(name), value=value, roles=_roles(spec.set_by), table=_table(table)
        )
    allowed = spec.values.get(str(value)) if spec.values else None
    if allowed is not None and role not in allowed:
        shown = label(value) if isinstance(value, StrEnum) else value
        return VALUE_NOT_YOURS.format(
            field=_field(name), value=shown, roles=_roles(allowed), table=_table(table)
        )
    if spec.author and stored is not None:
        author = stored(spec.author)
        if author is not MISSING and author != user_id:
            return AUTHOR_ONLY.format(field=_field(name), table=_table(table))
    return None


_FREE = FieldRule()


def _field(name: str) -> str:
    return FIELD_LABELS_DE.get(name, name)


def _table(table: str) -> str:
    return TABLE_LABELS_DE.get(table, table)


def _roles(roles: frozenset[Role]) -> str:
    return " oder ".join(ROLE_NAMES[r] for r in sorted(roles))
