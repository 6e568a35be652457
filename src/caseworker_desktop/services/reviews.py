"""Review comments of the team lead on a case or a help plan."""

from __future__ import annotations

from ..domain import model as m
from ..storage.orm import table_of
from .context import ServiceContext


class ReviewService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def comment(self, case_id: str, text: str, help_plan_id: str | None = None) -> m.ReviewComment:
        with self.ctx.transaction() as tx:
            tx.get(m.Case, case_id)
            return tx.add(
                m.ReviewComment(
                    case_id=case_id,
                    help_plan_id=help_plan_id,
                    author_id=tx.user.id,
                    created_at=self.ctx.clock.now().replace(tzinfo=None),
                    text=text,
                )
            )

    def resolve(self, comment_id: str) -> m.ReviewComment:
        with self.ctx.transaction() as tx:
            return tx.update(m.ReviewComment, comment_id, resolved=True)

    def comments(self, case_id: str) -> list[m.ReviewComment]:
        with self.ctx.transaction() as tx:
            t = table_of(m.ReviewComment)
            return tx.find(m.ReviewComment, t.c.case_id == case_id, order_by=(t.c.created_at,))
