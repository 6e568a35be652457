"""Who may do what at the district office: device tokens, one-time enrolment codes, roles
and the rule which cases a user sees. No database access here: the store applies these
rules inside its transactions."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from ..domain.errors import CaseworkerError
from ..sync.pinning import CODE_ALPHABET, SECRET_LENGTH, group, pin_in_code

ROLES = ("caseworker", "team_lead", "coordinator", "admin")
# The one pseudo-case that holds the district's trauma offers (consultation dates, groups):
# everyone who works on cases reads it, only the coordinator writes it.
PLANNING_CASE = "0d15741c7a9a5e0e8f0c2b6d1a3e4f50"
# Placements (requests for slots and places) the coordinator sees across the district.
COORDINATED_TABLES = frozenset({"trauma_placement"})
CODE_VALIDITY = timedelta(hours=24)


class OfficeError(CaseworkerError):
    """A refusal the caller can act on; `status` and `code` are what the API answers."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code


class NotAuthenticated(OfficeError):
    status = 401
    code = "unauthorized"


@dataclass(frozen=True)
class Principal:
    """The user behind an authenticated device token."""

    user_id: str
    username: str
    display_name: str
    role: str
    team_id: str | None
    device_id: str
    stand_in: bool = False  # a team lead granted to change case files as a stand-in


def hash_secret(secret: str) -> str:
    """Tokens and codes are random and long, so a plain SHA-256 is enough: only the hash
    is stored, and a stolen database does not let anyone sync."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrolment_code(pin: bytes | None = None) -> tuple[str, str]:
    """(the code to hand over, the one-time secret in it). With the office's key pin the
    code also carries the pin's first 80 bits, for the laptop to check the server by."""
    secret = "".join(secrets.choice(CODE_ALPHABET) for _ in range(SECRET_LENGTH))
    return group(secret + (pin_in_code(pin) if pin else "")), secret


def works_on_cases(who: Principal) -> bool:
    """Who syncs at all. Admins run the office; they do not read or write case files.
    The coordinator syncs the trauma planning (offers and placements), no case files."""
    return who.role in ("caseworker", "team_lead", "coordinator")


def visible_cases(who: Principal, cases: sa.Table) -> sa.ColumnElement[bool]:
    """SQL condition on the `cases` table: the cases this user may read and write.
    Caseworkers their own caseload, team leads also every case of their team, admins none
    (they run the office, they do not read case files)."""
    own = cases.c.caseworker_id == who.user_id
    planning = cases.c.case_id == PLANNING_CASE
    if who.role == "caseworker":
        return sa.or_(own, planning)
    if who.role == "team_lead":
        return sa.or_(own, cases.c.team_id == who.team_id, planning) if who.team_id else own
    if who.role == "coordinator":
        return planning
    return sa.false()


def may_see(who: Principal, caseworker_id: str, team_id: str | None) -> bool:
    """The same rule as `visible_cases`, for one case already loaded (but the planning
    case, which the push decides on its own)."""
    if who.role == "caseworker":
        return caseworker_id == who.user_id
    if who.role == "team_lead":
        return caseworker_id == who.user_id or (team_id is not None and team_id == who.team_id)
    return False
