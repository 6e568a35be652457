"""The laptop's side of sync (no Qt): once enrolled (sync.enrolment), compare clocks with
the office, push the outbox and pull what the office has, page by page. Each page is
applied together with the new cursor in one transaction (sync.apply), so a crash at any
point resumes without loss or duplicates. What the office refuses is kept in the "nicht
übernommen" list (sync.outbox)."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson

from ..domain import model as m
from ..domain.enums import Role
from ..domain.hlc import HybridLogicalClock, Timestamp
from ..domain.labels import span
from ..storage import blobs, clocks
from ..storage.casefile import (
    ESCROW_PENDING,
    LETTER_TEMPLATES,
    OWN_CHANGES_HELD,
    RECOVERY_PUBLIC_KEY,
    RETENTION_RULES,
    CaseFile,
)
from ..storage.orm import table_of
from ..storage.vault import VaultError
from . import documents, enrolment, outbox
from .apply import apply_page
from .audit_trail import pull_trail, push_trail
from .enrolment import CURSOR, SNAPSHOT
from .outbox import (
    MARK_PUSHED,
    UNPUSHED,
    record_refusals,
    restamp_ahead,
    stamped_ahead,
    whole_writes,
)
from .pinning import split_code
from .protocol import (
    MAX_CLOCK_AHEAD_MS,
    MAX_PULL_LIMIT,
    EscrowUpdate,
    PushResponse,
    RecoveryRequest,
)
from .transport import ClockAheadError, SyncError, Transport

OFFICE_EPOCH = "office_epoch"  # local_state: the office history this laptop synced with
DROPPED_AT = "acknowledged_dropped_at"  # local_state: when old acknowledged changes went
log = logging.getLogger(__name__)

# Beyond this the window shows that the laptop's clock differs from the office's.
CLOCK_WARNING_MS = 2 * 60 * 1000


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    handed_over: int = 0  # of the rejected: with the new caseworker of a reassigned case
    pulled: int = 0
    conflicts: int = 0
    evicted_cases: int = 0
    purged: int = 0  # rows deleted here because the office deleted them (retention)
    office_restored: bool = False  # the office came back from a backup: all sent again
    quarantined: int = 0  # pulled values this laptop could not hold (kept aside)
    restamped: int = 0  # unsent changes stamped while the clock ran ahead, stamped anew
    dropped: int = 0  # acknowledged changes older than a week, gone from the change log
    clock_offset_ms: int = 0  # the office's clock minus this laptop's
    audit_sent: int = 0  # own audit events the office now holds
    audit_received: int = 0  # others' events about this laptop's cases
    audit_problem: str | None = None  # the trail differs from what the office holds
    documents_sent: int = 0  # documents whose content the office now holds
    documents_received: int = 0  # documents whose content arrived here
    documents_waiting: int = 0  # content that could not travel yet
    seconds: float = 0.0

    @property
    def clock_warning(self) -> str | None:
        """A German note when this laptop's clock is noticeably off."""
        if abs(self.clock_offset_ms) < CLOCK_WARNING_MS:
            return None
        way = "vor" if self.clock_offset_ms < 0 else "nach"
        return (
            f"Die Uhr dieses Geräts geht {span(abs(self.clock_offset_ms))} {way} "
            "(gegenüber dem Landratsamt). Bitte Datum, Uhrzeit und Zeitzone prüfen."
        )


class SyncClient:
    def __init__(
        self,
        case_file: CaseFile,
        transport: Transport | None = None,
        hlc: HybridLogicalClock | None = None,
        pull_limit: int = MAX_PULL_LIMIT,  # fewer, larger pages: each is one transaction
        server_url: str | None = None,  # another address of the same office
    ):
        self.case_file = case_file
        self.engine = case_file.engine
        with self.engine.connect() as conn:
            enrolled_at = case_file.state(conn, "server_url")
            token = case_file.state(conn, "device_token")
            last = case_file.state(conn, "hlc")
            pin = case_file.state(conn, "server_pin")
        self.server_url = (server_url or enrolled_at) if enrolled_at else None
        self.transport = transport or (
            Transport(self.server_url, token, pin=bytes.fromhex(pin) if pin else None)
            if self.server_url
            else None
        )
        self.hlc = hlc or HybridLogicalClock(
            case_file.device_id,
            clock=case_file.clock.time,
            last=Timestamp.decode(last) if last else None,
        )
        self.pull_limit = pull_limit

    @property
    def enrolled(self) -> bool:
        return self.transport is not None and self.server_url is not None

    def close(self) -> None:
        """Close the connection to the office (kept open between syncs)."""
        if self.transport is not None:
            self.transport.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- enrolment ---------------------------------------------------------------------

    @classmethod
    def enrol(cls, case_file: CaseFile, server_url: str, code: str) -> m.User:
        """Register this laptop with a one-time code (sync.enrolment), then deposit the
        recovery key with the office if it has one for this laptop."""
        user, recovery_key = enrolment.register(case_file, server_url, code)
        try:
            cls(case_file).escrow(recovery_key)
        except (SyncError, VaultError) as exc:  # enrolled all the same; the sync retries
            log.warning("escrow after enrolment deferred: %s", type(exc).__name__)
        return user

    # --- sync --------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        if not self.enrolled:
            raise SyncError("Dieses Gerät ist noch nicht beim Landratsamt angemeldet.")
        started = time.perf_counter()
        report = SyncReport()
        office_key = self.check_clock(report)
        self.escrow(office_key)
        self.push(report)
        report.audit_sent, report.audit_problem = push_trail(self.case_file, self.transport)
        self.pull(report)
        report.audit_received = pull_trail(self.case_file, self.transport)
        with self.engine.begin() as conn:  # once a day: it reads every acknowledged row
            now_ms = int(self.case_file.clock.time() * 1000)
            if now_ms - int(self.case_file.state(conn, DROPPED_AT) or 0) >= outbox.DAY_MS:
                report.dropped = outbox.drop_acknowledged(conn, now_ms)
                self.case_file.set_state(conn, DROPPED_AT, now_ms)
        if report.purged:  # deleted content must not stay in free pages or the WAL
            self.case_file.compact()
        elif report.dropped:  # the pages they took back to the file system
            self.case_file.release_free_pages()
        if report.evicted_cases or report.purged:  # nor come back from an old backup
            self.case_file.refresh_backups("nach-loeschung" if report.purged else "nach-abgabe")
        self.refresh_directory()
        self.refresh_letter_templates()
        self.transfer_documents(report)  # last: the largest and the slowest on a weak link
        with self.engine.begin() as conn:
            self.case_file.set_state(
                conn, "last_sync_at", datetime.now(UTC).isoformat(timespec="seconds")
            )
        report.seconds = time.perf_counter() - started
        log.info(
            "sync: pushed %d, pulled %d, conflicts %d, rejected %d, quarantined %d, %.3f s"
            + (" - audit trail differs from the office's" if report.audit_problem else ""),
            report.pushed,
            report.pulled,
            report.conflicts,
            report.rejected,
            report.quarantined,
            report.seconds,
        )
        return report

    def transfer_documents(self, report: SyncReport) -> None:
        """Content of documents attached here up, of documents pulled down (sync.documents);
        content no document here names any more (deleted elsewhere) goes."""
        done = documents.transfer(self.engine, self.transport)
        report.documents_sent = done.sent
        report.documents_received = done.received
        report.documents_waiting = done.waiting
        with self.engine.begin() as conn:
            blobs.drop_unreferenced(conn)

    def escrow(self, office_key: str | None) -> None:
        """The data key wrapped to the office's recovery key, kept at the office: at
        enrolment, when the office has a (new) recovery key (the office's counts, not one
        given at set-up), and after every new data key (passphrase change, recovery)."""
        with self.engine.connect() as conn:
            known = self.case_file.state(conn, RECOVERY_PUBLIC_KEY)
            pending = self.case_file.state(conn, ESCROW_PENDING)
        if office_key and office_key.strip() != (known or "").strip():
            self.case_file.escrow_to(office_key)
            pending = "1"
        recovery = self.case_file.key_file.recovery
        if pending != "1" or recovery is None:
            return
        self.transport.update_escrow(EscrowUpdate(recovery_wrap=dataclasses.asdict(recovery)))
        with self.engine.begin() as conn:
            self.case_file.set_state(conn, ESCROW_PENDING, "")

    @classmethod
    def recover(
        cls, data_dir, server_url: str, code: str, new_passphrase: str, clock=None
    ) -> CaseFile:
        """A forgotten passphrase, with the one-time code the office gave by phone: the
        credential comes from the office (whose key the code's pin part checks), then the
        case file gets a new data key and the new passphrase."""
        from ..storage.casefile import key_file_path
        from ..storage.vault import KeyFile

        secret, code_pin = split_code(code)
        device_id = KeyFile.load(key_file_path(data_dir)).device_id
        transport = Transport(server_url, code_pin=code_pin)
        try:
            answer = transport.recover(RecoveryRequest(device_id=device_id, code=secret))
        finally:
            transport.close()
        credential = KeyFile.from_json(answer.key_file.encode())
        return CaseFile.recover(data_dir, credential, secret, new_passphrase, clock)

    def check_clock(self, report: SyncReport) -> str | None:
        """This laptop's clock against the office's. Running ahead further than the office
        accepts stops the sync with a German message (nothing is lost: the changes wait);
        once the clock is right, changes stamped while it ran ahead are stamped anew.
        Returns the office's recovery public key (the same answer carries it)."""
        before = self.case_file.clock.time()
        info = self.transport.version()
        office = info.server_time_ms
        after = self.case_file.clock.time()
        local_ms = int((before + after) * 500)  # the middle of the round trip
        report.clock_offset_ms = office - local_ms
        if -report.clock_offset_ms > MAX_CLOCK_AHEAD_MS:
            raise ClockAheadError(
                f"Die Uhr dieses Geräts geht {span(-report.clock_offset_ms)} vor "
                "(gegenüber dem Landratsamt). Bitte Datum, Uhrzeit und Zeitzone des Geräts "
                "korrigieren; die Änderungen bleiben gespeichert und werden danach gesendet."
            )
        if info.epoch:
            report.office_restored = self._follow_epoch(info.epoch)
        limit = office + MAX_CLOCK_AHEAD_MS
        with self.engine.connect() as conn:
            ahead = stamped_ahead(conn, self.hlc, limit)
        if ahead:
            with self.engine.begin() as conn:
                report.restamped = restamp_ahead(conn, self.hlc, limit)
                if report.restamped:
                    self.case_file.set_state(conn, "hlc", self.hlc.last.encode())
                    log.warning("%d changes stamped ahead of the office got new stamps",
                                report.restamped)  # fmt: skip
        return info.recovery_public_key

    def _follow_epoch(self, epoch: str) -> bool:
        """The office's history (its epoch) differs from the one this laptop synced with:
        it was restored from a backup and may lack what arrived since. Every change this
        laptop ever made is sent again (the office counts the ones it has as duplicates)
        and everything is pulled from the start, instead of silently diverging."""
        with self.engine.begin() as conn:
            known = self.case_file.state(conn, OFFICE_EPOCH)
            self.case_file.set_state(conn, OFFICE_EPOCH, epoch)
            if known is None or known == epoch:
                return False
            anew = outbox.resend_all(conn, self.hlc.node, self.case_file.device_id)
            # and the content of the documents in this user's own cases (the office says
            # which it still has; the others' documents are their laptops' to send)
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO document_upload SELECT d.id FROM document d"
                " JOIN case_file c ON c.id = d.case_id WHERE d.deleted = 0 AND c.caseworker_id = ?",
                (self.case_file.state(conn, "user_id"),),
            )
            self.case_file.set_state(conn, CURSOR, 0)
            self.case_file.set_state(conn, SNAPSHOT, "")
        log.warning("the office was restored from a backup: sending everything again "
                    "(%d values from what this laptop holds)", anew)  # fmt: skip
        return True

    def refresh_letter_templates(self) -> None:
        """The office's letter templates, kept in the case file for writing letters
        offline (replaced whole: the office's list is the truth)."""
        answer = self.transport.letter_templates()
        if answer is None:
            return
        found = answer.templates
        with self.engine.begin() as conn:
            self.case_file.set_state(
                conn, LETTER_TEMPLATES, json.dumps([t.model_dump() for t in found])
            )

    def refresh_directory(self) -> None:
        """Staff names, roles and teams from the office: reference data, kept as the office
        has it (not in the change log). The local user's role and team follow too."""
        directory = self.transport.directory()
        users, teams = table_of(m.User), table_of(m.Team)
        new = {"updated_hlc": "", "deleted": False}
        with self.engine.begin() as conn:
            for team in directory.teams:
                values = {"name": team.name}
                if not conn.execute(teams.update().where(teams.c.id == team.id), values).rowcount:
                    conn.execute(
                        teams.insert(),
                        {"id": team.id, **new, **values},
                    )
            for user in directory.users:
                values = {
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": Role(user.role),
                    "team_id": user.team_id,
                    "stand_in": user.stand_in,
                }
                if not conn.execute(users.update().where(users.c.id == user.id), values).rowcount:
                    conn.execute(
                        users.insert(),
                        {"id": user.id, **new, **values},
                    )
            if directory.retention is not None:
                self.case_file.set_state(
                    conn, RETENTION_RULES, directory.retention.model_dump_json()
                )

    def push(self, report: SyncReport) -> None:
        """Batch by batch in the order written. The next batch is read while the office
        works on the one before (one request at a time, so the office sees them in order;
        a batch is not sent once the one before it failed). A batch is marked as sent only
        once the office answered: after a crash it goes again, which is harmless."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as sender:
            after, sent, sending = 0, [], None
            while True:
                rows = self._outgoing(after)
                waiting = sending
                if rows:
                    after = rows[-1]["seq"]
                    sending = sender.submit(self._send, _push_request(rows), waiting)
                if waiting is not None:
                    self._acknowledged(report, sent, waiting.result())
                if not rows:
                    return
                sent = rows

    def _outgoing(self, after: int) -> list:
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(UNPUSHED, (after, outbox.PUSH_BATCH)).mappings().all()
        return whole_writes(rows)

    def _send(self, request: bytes, previous: Future | None) -> PushResponse:
        if previous is not None:
            previous.result()  # raises what the batch before raised: this one stays here
        return self.transport.push(request)

    def _acknowledged(self, report: SyncReport, rows: list, response: PushResponse) -> None:
        with self.engine.begin() as conn:  # acknowledged: never sent again
            conn.exec_driver_sql(MARK_PUSHED, [(r["seq"],) for r in rows])
            clocks.mark_sent(conn, [(r["table_name"], r["row_id"]) for r in rows])
            if response.rejected:
                sent = {r["change_id"]: r for r in rows}
                record_refusals(conn, sent, response.rejected)
        report.pushed += response.accepted
        report.duplicates += response.duplicates
        report.rejected += len(response.rejected)
        report.handed_over += sum(1 for r in response.rejected if r.handed_to)
        if response.rejected:
            log.warning("%d changes refused by the office", len(response.rejected))

    def pull(self, report: SyncReport) -> None:
        """Page by page, each applied with the cursor (and the token of a snapshot in
        progress) in one transaction: an interrupted pull goes on where it stopped. The
        next page is fetched while this one is applied. Once the file holds every change
        it pushed (OWN_CHANGES_HELD: after a pull to the head with them in it), the office
        leaves them out."""
        with self.engine.connect() as conn:
            cursor = int(self.case_file.state(conn, CURSOR) or 0)
            snapshot = self.case_file.state(conn, SNAPSHOT) or None
            held = self.case_file.state(conn, OWN_CHANGES_HELD) == "1"
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as fetcher:
            fetching = fetcher.submit(self._fetch, cursor, snapshot, held)
            while True:
                page = fetching.result()
                if page.more:
                    fetching = fetcher.submit(self._fetch, page.next_cursor, page.snapshot, held)
                with self.engine.begin() as conn:
                    applied = apply_page(conn, page, self.hlc)
                    self.case_file.set_state(conn, CURSOR, page.next_cursor)
                    self.case_file.set_state(conn, SNAPSHOT, page.snapshot or "")
                    self.case_file.set_state(conn, "hlc", self.hlc.last.encode())
                    if not page.more and not held:  # at the head, its own changes in it
                        self.case_file.set_state(conn, OWN_CHANGES_HELD, "1")
                report.pulled += applied.pulled
                report.conflicts += applied.conflicts
                report.evicted_cases += applied.evicted
                report.purged += applied.purged
                report.quarantined += applied.quarantined
                if not page.more:
                    return

    def _fetch(self, cursor: int, snapshot: str | None, skip_own: bool):
        return self.transport.pull(cursor, self.pull_limit, snapshot, skip_own)


def _push_request(rows: list) -> bytes:
    """The batch as JSON, written directly: the rows are this laptop's own log, and the
    office checks every field of what arrives (building and checking models here cost
    more than the rest of the laptop's side of a push)."""
    return orjson.dumps(
        {
            "changes": [
                {
                    "change_id": r["change_id"],
                    "table": r["table_name"],
                    "row_id": r["row_id"],
                    "field": r["field"],
                    "value": r["value"],
                    "hlc": r["hlc"],
                    "base_hlc": r["base_hlc"],
                }
                for r in rows
            ]
        }
    )
