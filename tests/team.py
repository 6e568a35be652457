"""Builders for team-lead tests on one case file: the directory's users (as a sync would
store them), the local user made a team lead, and writing "as" another user."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import Role
from caseworker_desktop.services import Services
from caseworker_desktop.storage.orm import table_of

TEAM_A = "a" * 32


def add_user(
    services: Services, username: str, display_name: str, role: Role = Role.CASEWORKER
) -> m.User:
    """A user of team A, stored like SyncClient.refresh_directory stores the directory."""
    user = m.User(
        id=uuid.uuid4().hex,
        username=username,
        display_name=display_name,
        role=role,
        team_id=TEAM_A,
    )
    with services.ctx.case_file.engine.begin() as conn:
        conn.execute(
            table_of(m.User).insert(),
            {f.name: getattr(user, f.name) for f in dataclasses.fields(user)}
            | {"updated_hlc": "", "deleted": False},
        )
    return user


def make_local_user(services: Services, role: Role, display_name: str) -> m.User:
    """What enrolment does: the server gives the local user a role and a team."""
    with services.ctx.case_file.engine.begin() as conn:
        if not conn.execute(
            sa.select(table_of(m.Team).c.id).where(table_of(m.Team).c.id == TEAM_A)
        ).first():
            conn.execute(
                table_of(m.Team).insert(),
                {"id": TEAM_A, "name": "Team Nord", "updated_hlc": "", "deleted": False},
            )
        conn.execute(
            table_of(m.User)
            .update()
            .where(table_of(m.User).c.id == services.user.id)
            .values(role=role, team_id=TEAM_A, display_name=display_name)
        )
    return services.ctx.reload_user()


@contextmanager
def acting_as(services: Services, user: m.User) -> Iterator[Services]:
    """Write rows as `user` would have on their laptop (they arrive here by sync)."""
    saved = services.ctx.user
    services.ctx.user = user
    try:
        yield services
    finally:
        services.ctx.user = saved
