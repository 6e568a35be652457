"""The wire protocol between laptops and the district office (shared by both sides).

Every request carries `X-Caseworker-Protocol: <PROTOCOL_VERSION>`; a different version is
answered with 426 and a German upgrade message. Every call but /enrol and /version carries
`Authorization: Bearer <device token>`. Errors are JSON: {"code": ..., "message": ...}.

    POST /enrol          EnrolRequest  -> EnrolResponse   (one-time code from an admin/lead)
    POST /sync/push      PushRequest   -> PushResponse    (idempotent by change_id)
    GET  /sync/pull?cursor=N&limit=M[&snapshot=T][&form=rows][&own=skip]
                                       -> PullResponse    (what this device may see)
    GET  /directory                    -> Directory       (staff names, roles and teams)
    GET  /version                      -> VersionInfo
    POST /audit/push     AuditPush     -> AuditHead       (this device's audit events)
    GET  /audit/pull?cursor=N&limit=M  -> AuditPage       (others' events in visible cases)
    POST /recovery       RecoveryRequest -> RecoveryCredential (one-time code, no token)
    POST /recovery/escrow EscrowUpdate -> VersionInfo     (a new data key's recovery wrap)
    GET  /letter-templates             -> LetterTemplates
    POST /documents/content ContentQuery -> ContentStates (the same for many documents)
    GET  /documents/{id}/content       -> ContentState    (which chunks the office holds)
    PUT  /documents/{id}/content/{i}   bytes -> ContentState (chunk i of a document's content)
    GET  /documents/{id}/content/{i}   -> bytes           (chunk i, once the content is whole)

Version 2 added the trauma planning tables, the coordinator role and /directory.
Version 3: the office's time in /version and every pull page (laptops bound what they
accept by it and warn of their own clock), `handed_to` on a refused change (the case went
to another caseworker, who got the change as a handover), 409 `clock_ahead` for a push
stamped too far ahead of the office's clock.
Version 4: the audit trail goes to the office (POST /audit/push, append-only there, answered
with the device's acknowledged head) and comes back for the cases a user sees
(GET /audit/pull).
Version 5: the directory says which team leads may change case files as a stand-in
(without it a team lead comments and approves only; the office refuses other writes).
Version 6: a case closed as a duplicate (closing reason "duplicate") names the case it was
merged into (`case_file.merged_into_id`); audit events of the action "merge"; `purges` in
a pull page: rows deleted under the retention rules, which every laptop deletes too, and
the rules themselves in /directory; the office's `epoch` in /version (a restored office
has a new one). A laptop of version 5 would know none of it.
Version 7: a pull far behind the head is answered with a snapshot of the current values,
whole cases at a time: `snapshot` in the page is a token to send back (`&snapshot=T`, with
the same cursor) until a page comes without one; its `next_cursor` is then where the log
goes on.
Letter templates and document content came without a new version: an older office
answers 404 there, and the laptop keeps what it has (templates) or waits (content).
So did `own=skip` on a pull: the changes this device pushed are left out (a laptop asks
once it holds all of them; an older office ignores it and sends them, an older laptop does
not ask and gets them).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 7
PROTOCOL_HEADER = "X-Caseworker-Protocol"
MAX_PUSH_CHANGES = 5000
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_VALUE_CHARS = 100_000
# The office refuses a push stamped further ahead of its own clock than this, and laptops
# hold what they pull to the same bound (a clock in the year 2100 must not win every merge).
MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000

Hex32 = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
Name = Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]
Hlc = Annotated[str, Field(pattern=r"^[0-9]{15}-[0-9]{6}-[^-]{1,64}$", max_length=90)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Change(_Strict):
    """One field of one row, as written on a laptop (value is JSON text)."""

    change_id: Hex32
    table: Name
    row_id: Hex32
    field: Name
    value: Annotated[str, Field(max_length=MAX_VALUE_CHARS)]
    hlc: Hlc
    base_hlc: Hlc | None = None


class PushRequest(_Strict):
    changes: Annotated[list[Change], Field(max_length=MAX_PUSH_CHANGES)]


class Rejected(_Strict):
    change_id: str
    reason: str
    # The case went to this user (reassigned) and the change to them, as a handover: the
    # refused value is not lost, and the laptop need not keep it.
    handed_to: str | None = None


class PushResponse(_Strict):
    accepted: int  # new changes stored
    duplicates: int  # already stored (a re-sent batch)
    conflicts: int  # conflicts created by this batch
    rejected: list[Rejected] = []  # not allowed (e.g. a case that is no longer yours)


class PulledChange(_Strict):
    seq: int
    table: str
    row_id: str
    field: str
    value: str
    hlc: str
    device_id: str


class PurgeNotice(_Strict):
    """Rows deleted at the office under the retention rules or on request: every laptop
    that holds them deletes them, with everything it keeps about them."""

    case_id: Hex32
    rows: list[tuple[Name, Hex32]] | None = None  # None: the whole case


def _row_shape(row: tuple[str, str, list[str], list[str]]):
    _table, _row_id, stamps, flat = row
    if len(flat) % 2 or len(stamps) not in (1, len(flat) // 2):
        raise ValueError("a row needs field/value pairs and one clock or one per field")
    return row


# A snapshot's values of one row, in the rows form a laptop asks for (`form=rows`):
# [table, row id, clocks, [field, value, field, value, ...]], the clocks either one for
# every field or one per field. A third of the bytes of one change per value.
SnapshotRow = Annotated[tuple[str, str, list[str], list[str]], AfterValidator(_row_shape)]


class PullResponse(_Strict):
    changes: list[PulledChange]
    rows: list[SnapshotRow] = []
    evict_cases: list[str] = []  # cases reassigned away from this user: remove them locally
    purges: list[PurgeNotice] = []
    next_cursor: int
    more: bool
    server_time_ms: int  # the office's clock when the page was read
    # A snapshot in progress: send it back with the next pull (with the same cursor).
    snapshot: Annotated[str, Field(max_length=64)] | None = None


class EnrolRequest(_Strict):
    code: Annotated[str, Field(min_length=6, max_length=64)]
    device_id: Hex32
    device_name: Annotated[str, Field(max_length=100)] = ""
    # The DEK wrapped to the office recovery key (storage.vault.RecoveryWrap as a dict).
    recovery_wrap: dict[str, str] | None = None


class EnrolledUser(_Strict):
    id: str
    username: str
    display_name: str
    role: Literal["caseworker", "team_lead", "coordinator", "admin"]
    team_id: str | None
    stand_in: bool = False


class EnrolResponse(_Strict):
    token: str
    user: EnrolledUser
    # The office's recovery public key (PEM): the laptop escrows its data key wrapped to it.
    recovery_public_key: str | None = Field(default=None, max_length=4096)


class DirectoryTeam(_Strict):
    id: str
    name: str


class RetentionInfo(_Strict):
    """The office's retention rules (office/retention.py), so that a case shows when it
    will be deleted."""

    case_years: Annotated[int, Field(ge=1, le=30)]
    trauma_years: Annotated[int, Field(ge=1, le=30)]


class Directory(_Strict):
    """Who works at the district's integration management: names for the ids in the
    case files (caseworker of a case, author of a comment, approver of a plan); the
    retention rules."""

    users: list[EnrolledUser]
    teams: list[DirectoryTeam]
    retention: RetentionInfo | None = None


class LetterTemplateOut(_Strict):
    name: str
    title: str
    body: str


class LetterTemplates(_Strict):
    """The office's letter templates (caseworker-office template add)."""

    templates: list[LetterTemplateOut]


class VersionInfo(_Strict):
    protocol: int
    server: str
    server_time_ms: int  # the office's clock: laptops compare their own with it
    # The office's recovery public key (PEM), once it has one: laptops escrow to it.
    recovery_public_key: str | None = Field(default=None, max_length=4096)
    # The history the office's log belongs to: a restore from a backup starts a new one,
    # and a laptop that knew another sends all its changes again and pulls from the start.
    epoch: str | None = Field(default=None, max_length=64)


MAX_AUDIT_EVENTS = 2000


class AuditRecord(_Strict):
    """One event of a device's audit chain, as the laptop keeps it."""

    seq: Annotated[int, Field(ge=1)]
    id: Hex32
    at: Annotated[str, Field(max_length=40)]  # ISO 8601, UTC, naive
    user_id: Annotated[str, Field(max_length=32)]
    device_id: Hex32
    action: Name
    entity: Annotated[str, Field(max_length=40)]
    entity_id: Annotated[str, Field(max_length=32)]
    detail: Annotated[str, Field(max_length=2000)]
    prev_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class AuditPush(_Strict):
    events: Annotated[list[AuditRecord], Field(max_length=MAX_AUDIT_EVENTS)]


class AuditHead(_Strict):
    """What the office holds of this device's trail: its last event (0 and the genesis
    hash: none yet)."""

    seq: int
    hash: str


class SyncedAuditEvent(_Strict):
    """Another device's event about a row of a case this user sees."""

    cursor: int
    id: str
    at: str
    user_id: str
    device_id: str
    action: str
    entity: str
    entity_id: str
    detail: str


class AuditPage(_Strict):
    events: list[SyncedAuditEvent]
    next_cursor: int
    more: bool


class RecoveryRequest(_Strict):
    """A laptop whose passphrase is forgotten: its device id and the one-time code the
    office gave by phone (the secret part only)."""

    device_id: Hex32
    code: Annotated[str, Field(min_length=12, max_length=64)]


class RecoveryCredential(_Strict):
    key_file: Annotated[str, Field(max_length=10_000)]  # the data key wrapped to the code


class EscrowUpdate(_Strict):
    recovery_wrap: dict[str, str]  # the new data key wrapped to the office's recovery key


class ContentState(_Strict):
    """How much of a document's content the office holds. `received`: the chunks of an
    upload in progress (all of them once `complete`). The content is whole only when its
    hash matched the document's."""

    document_id: Hex32
    size: int
    chunk_size: int
    chunks: int
    received: list[int]
    complete: bool


MAX_CONTENT_QUERY = 500


class ContentQuery(_Strict):
    document_ids: list[Hex32] = Field(max_length=MAX_CONTENT_QUERY)


class ContentStates(_Strict):
    """The states of the documents asked for that the caller may see (others are left
    out, as if they did not exist)."""

    states: list[ContentState]


class ErrorBody(_Strict):
    code: str
    message: str
