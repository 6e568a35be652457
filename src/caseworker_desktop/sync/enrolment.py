"""Enrolment of a laptop with the office (no Qt): a one-time code registers the device, and
the local user becomes the office's user (its id, role and team, rewritten in the rows and
in the unsent changes). The office's key is checked against the pin the code carries
before the code is sent, and kept: from then on this laptop talks to that key only."""

from __future__ import annotations

import dataclasses
import json

import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import Role
from ..storage.casefile import CaseFile
from ..storage.orm import change_log, table_of
from .pinning import split_code
from .protocol import EnrolRequest
from .transport import Transport

CURSOR = "sync_cursor"  # local_state: the office's log position pulled up to
SNAPSHOT = "sync_snapshot"  # local_state: the token of a snapshot being pulled (or "")
# Local fields that hold the id of a user: remapped to the office's id at enrolment.
USER_ID_FIELDS = {
    m.Case: ("caseworker_id",),
    m.TraumaReferral: ("caseworker_id",),
    m.TraumaPlacement: ("caseworker_id",),
    m.ContactNote: ("author_id",),
    m.ReviewComment: ("author_id",),
    m.Reminder: ("author_id",),
    m.Document: ("added_by",),
    m.HelpPlan: ("approved_by",),
}


def register(case_file: CaseFile, server_url: str, code: str) -> tuple[m.User, str | None]:
    """Register this laptop with a one-time code: (the user as the office knows them, the
    office's public recovery key or None)."""
    secret, code_pin = split_code(code)
    recovery = case_file.key_file.recovery
    request = EnrolRequest(
        code=secret,
        device_id=case_file.device_id,
        device_name=case_file.key_file.user,
        recovery_wrap=dataclasses.asdict(recovery) if recovery else None,
    )
    transport = Transport(server_url, code_pin=code_pin)
    try:
        response = transport.enrol(request)
        pin = transport.seen_pin
    finally:
        transport.close()
    user = response.user
    with case_file.engine.begin() as conn:
        old_id = case_file.state(conn, "user_id")
        if old_id != user.id:
            _remap_user(conn, old_id, user.id)
        users = table_of(m.User)
        conn.execute(
            users.update()
            .where(users.c.id == user.id)
            .values(
                username=user.username,
                display_name=user.display_name,
                role=Role(user.role),
                team_id=user.team_id,
            )
        )
        case_file.set_state(conn, "user_id", user.id)
        case_file.set_state(conn, "server_url", server_url)
        case_file.set_state(conn, "device_token", response.token)  # inside the encrypted file
        case_file.set_state(conn, "server_pin", pin.hex() if pin else "")
        case_file.set_state(conn, CURSOR, 0)
        case_file.set_state(conn, SNAPSHOT, "")
    enrolled = m.User(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        team_id=user.team_id,
    )
    return enrolled, response.recovery_public_key


def _remap_user(conn: sa.Connection, old_id: str, new_id: str) -> None:
    users = table_of(m.User)
    conn.execute(users.update().where(users.c.id == old_id).values(id=new_id))
    old_json, new_json = json.dumps(old_id), json.dumps(new_id)
    for cls, fields in USER_ID_FIELDS.items():
        table = table_of(cls)
        for name in fields:
            conn.execute(table.update().where(table.c[name] == old_id).values({name: new_id}))
            conn.execute(
                change_log.update()
                .where(
                    change_log.c.table_name == cls.table,
                    change_log.c.field == name,
                    change_log.c.value == old_json,
                )
                .values(value=new_json)
            )
