"""Review comments of the team lead on a case or a help plan, and the staff names that
the review shows (from the directory the office sends with every sync)."""

from __future__ import annotations

import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import Role
from ..storage.orm import table_of
from .context import ServiceContext


class ReviewService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def comment(self, case_id: str, text: str, help_plan_id: str | None = None) -> m.ReviewComment:
        """A comment of the team lead; it syncs to the caseworker, who marks it done."""
        with self.ctx.transaction() as tx:
            tx.require_role(Role.TEAM_LEAD)
            tx.get(m.Case, case_id)
            if help_plan_id is not None:
                tx.get(m.HelpPlan, help_plan_id)
            return tx.add(
                m.ReviewComment(
                    case_id=case_id,
                    help_plan_id=help_plan_id,
                    author_id=tx.user.id,
                    created_at=self.ctx.clock.now().replace(tzinfo=None),
                    text=text.strip(),
                )
            )

    def resolve(self, comment_id: str) -> m.ReviewComment:
        """Done: the caseworker (or the team lead) marks the comment as dealt with."""
        with self.ctx.transaction() as tx:
            return tx.update(m.ReviewComment, comment_id, resolved=True)

    def comments(self, case_id: str) -> list[m.ReviewComment]:
        with self.ctx.transaction() as tx:
            t = table_of(m.ReviewComment)
            return tx.find(m.ReviewComment, t.c.case_id == case_id, order_by=(t.c.created_at,))

    def user_names(self) -> dict[str, str]:
        """User id -> display name, for authors and approvers (the directory, plus the
        local user)."""
        users = table_of(m.User)
        with self.ctx.read() as conn:
            names = dict(conn.execute(sa.select(users.c.id, users.c.display_name)).all())
        names[self.ctx.user.id] = self.ctx.user.display_name
        return names
