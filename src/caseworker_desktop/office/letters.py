"""Letter templates at the office: added, listed and removed by `caseworker-office template`
(checked like the laptop fills them: domain/letters.py), served to every enrolled laptop
(GET /letter-templates), which keeps them for working offline."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ..domain.letters import LetterTemplate, check_template
from . import schema as s


def put(conn: sa.Connection, name: str, title: str, body: str, now: datetime) -> bool:
    """Add or replace a template; True if it was new."""
    template = check_template(name, title, body)
    t = s.letter_templates
    values = {"title": template.title, "body": template.body, "updated_at": now}
    if conn.execute(t.update().where(t.c.name == template.name).values(values)).rowcount:
        return False
    conn.execute(t.insert().values(name=template.name, **values))
    return True


def remove(conn: sa.Connection, name: str) -> bool:
    t = s.letter_templates
    return bool(conn.execute(t.delete().where(t.c.name == name)).rowcount)


def all_templates(conn: sa.Connection) -> list[LetterTemplate]:
    t = s.letter_templates
    rows = conn.execute(sa.select(t.c.name, t.c.title, t.c.body).order_by(t.c.name))
    return [LetterTemplate(*row) for row in rows]
