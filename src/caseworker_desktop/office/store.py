"""The district office's database behind one object: administration, devices, push and
pull. SQLAlchemy Core on SQLite (WAL, the default) or PostgreSQL (`postgresql+psycopg://`).

Writes to the log are serialised (SQLite: a first-come-first-served lock of the process,
then BEGIN IMMEDIATE; PostgreSQL: advisory locks, office/locks.py: pushes of different
cases check and merge side by side and enter the log one after the other). That is what
makes pull cursors safe: a change with a lower `seq` can never become visible after a
reader has moved past it."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa

from ..domain.hlc import HybridLogicalClock
from ..sync.protocol import (
    AuditHead,
    AuditPage,
    Change,
    Directory,
    DirectoryTeam,
    EnrolledUser,
    PullResponse,
    PushResponse,
    RetentionInfo,
)
from . import access, auth, documents, locks, retention, snapshot
from . import audit as office_audit
from . import keys as office_keys
from . import migrate as migrations
from . import schema as s
from .auth import OfficeError, Principal
from .database import Checkpointer, FairLock, encrypt_plain, open_engine
from .devices import DeviceRegistry, find_user, get_user
from .pull import Page, caseload_changes, head_seq, pull_page
from .push import PushBatch
from .sealing import Sealer

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class Store(DeviceRegistry):
    def __init__(
        self,
        url: str = "sqlite:///office.db",
        clock: Callable[[], float] = time.time,
        *,
        migrate: bool = False,
        key_file: str | None = None,
        keys: office_keys.OfficeKeys | None = None,
    ):
        """Open the office database with the office's keys (office/keys.py); it must be at
        the newest schema (`caseworker-office migrate`), unless `migrate` asks to bring it
        there first: then missing keys are made, an unencrypted SQLite database of an
        earlier release is encrypted and restricted text still in the clear is sealed."""
        self.url = url
        self.keys = keys or office_keys.obtain(url, key_file, create=migrate)
        self.keys_path = office_keys.locate(url, key_file)
        self.sealer = Sealer(self.keys.fields)
        path = office_keys.sqlite_path(url)
        self.encrypted = bool(migrate and path is not None and encrypt_plain(path, self.keys))
        self.sealed = 0
        self.engine = open_engine(url, self.keys)
        self.migrated: tuple[str | None, str] | None = None
        self._queue = FairLock() if path is not None else None
        self._checkpointer: Checkpointer | None = None
        if path is not None:
            self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
            self._reader = self.engine
        else:
            self._writer = self.engine
            # One snapshot for both pull queries (changes and evictions).
            self._reader = self.engine.execution_options(isolation_level="REPEATABLE READ")
        try:
            if migrate:
                self.migrated = migrations.upgrade(self.engine)
                with self.engine.begin() as conn:
                    self.sealed = self.sealer.seal_stored(conn)
            migrations.require_head(self.engine, url)
            with self.engine.connect() as conn:
                self.sealer.require_sealed(conn)
        except BaseException:
            self.engine.dispose()
            raise
        self.clock = clock
        # The office stamps conflicts, evictions and reassignments with its own clock. It
        # accepts nothing stamped more than MAX_CLOCK_AHEAD_MS ahead of it; what earlier
        # releases accepted may be further ahead, so it follows without a drift limit:
        # what it writes must be newer than what it has seen.
        self.hlc = HybridLogicalClock(s.OFFICE, clock=clock, max_drift_ms=10**15)
        # Told after every push how long it waited for its turn to write and how long its
        # write took (seconds): the metrics show whether pushes queue (office/operations.py).
        self.push_timed: Callable[[float, float], None] = lambda waited, wrote: None

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def serve_checkpoints(self) -> None:
        """SQLite: WAL checkpoints in a thread of their own from now on (the server)."""
        path = office_keys.sqlite_path(self.url)
        if path is not None and self._checkpointer is None:
            self._checkpointer = Checkpointer(self.engine, path)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def write(self, lock: str | None = "office") -> Iterator[sa.Connection]:
        """A write transaction. `lock` (PostgreSQL, office/locks.py): "office" runs alone,
        beside no push; "audit" in the audit trail's order; None (a brief write of its own
        rows) beside everything. SQLite has one writer anyway: all queue first come, first
        served, and a brief write goes first."""
        with self._queued(brief=lock is None), self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                if lock == "office":
                    locks.take_office(conn, exclusive=True)
                elif lock == "audit":
                    locks.audit(conn)
            yield conn

    @contextmanager
    def _queued(self, brief: bool) -> Iterator[None]:
        if self._queue is None:
            yield
        else:
            with self._queue.hold(brief):
                yield

    # --- administration (the caseworker-office command) -------------------------------

    def add_team(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise OfficeError("Der Teamname fehlt.")
        with self.write() as conn:
            if conn.execute(sa.select(s.teams.c.id).where(s.teams.c.name == name)).first():
                raise OfficeError(f"Das Team „{name}“ gibt es bereits.")
            team_id = uuid.uuid4().hex
            conn.execute(s.teams.insert().values(id=team_id, name=name))
            s.audit(conn, "admin", "team_add", f"team={team_id} name={name}")
        return team_id

    def set_stand_in(self, username: str, granted: bool) -> None:
        """Let a team lead change case files of the team as a stand-in, or take it back."""
        with self.write() as conn:
            user = get_user(conn, username)
            if user.role != "team_lead":
                raise OfficeError(f"„{username}“ ist keine Teamleitung.")
            conn.execute(s.users.update().where(s.users.c.id == user.id).values(stand_in=granted))
            s.audit(conn, username, "stand_in", "granted" if granted else "withdrawn")

    def add_user(self, username: str, display_name: str, role: str, team: str | None) -> str:
        if not _USERNAME.fullmatch(username):
            raise OfficeError(
                "Der Benutzername darf nur Kleinbuchstaben, Ziffern, Punkt, Binde- und "
                "Unterstrich enthalten (höchstens 64 Zeichen)."
            )
        if role not in auth.ROLES:
            raise OfficeError(f"Unbekannte Rolle „{role}“; erlaubt: {', '.join(auth.ROLES)}.")
        if role == "team_lead" and not team:
            raise OfficeError("Eine Teamleitung braucht ein Team (--team).")
        with self.write() as conn:
            team_id = None
            if team:
                team_id = conn.execute(
                    sa.select(s.teams.c.id).where(s.teams.c.name == team)
                ).scalar()
                if team_id is None:
                    raise OfficeError(f"Das Team „{team}“ gibt es nicht.")
            if find_user(conn, username) is not None:
                raise OfficeError(f"Den Benutzer „{username}“ gibt es bereits.")
            user_id = uuid.uuid4().hex
            conn.execute(
                s.users.insert().values(
                    id=user_id,
                    username=username,
                    display_name=display_name.strip() or username,
                    role=role,
                    team_id=team_id,
                )
            )
            s.audit(conn, "admin", "user_add", f"user={user_id} username={username} role={role}")
        return user_id

    def reassign(self, case_id: str, username: str) -> int:
        """Move a case to another caseworker. Whoever loses sight of it gets an eviction;
        the case's current state is appended to the log again so that its new owner (and
        their team lead) receive all of it with their next pull. Returns rows re-sent."""
        with self.write() as conn:
            case = conn.execute(sa.select(s.cases).where(s.cases.c.case_id == case_id)).first()
            is_case_file = conn.execute(
                sa.select(s.row_case.c.case_id).where(
                    s.row_case.c.table_name == "case_file", s.row_case.c.row_id == case_id
                )
            ).first()
            if case is None or is_case_file is None:
                raise OfficeError(f"Keine Akte mit der Kennung {case_id}.")
            new = get_user(conn, username)
            if new.role == "admin":
                raise OfficeError("Akten können nur Fachkräften oder Teamleitungen gehören.")
            if new.id == case.caseworker_id:
                raise OfficeError(f"Die Akte ist {username} bereits zugewiesen.")
            conn.execute(
                s.cases.update()
                .where(s.cases.c.case_id == case_id)
                .values(caseworker_id=new.id, team_id=new.team_id)
            )
            s.office_field(conn, self.hlc, ("case_file", case_id), "caseworker_id", new.id)
            evictions = [
                s.office_change((s.EVICT_TABLE, case_id), "user", user_id, self.hlc.now().encode())
                for user_id in _losing_sight(conn, case, new)
            ]
            if evictions:
                conn.execute(s.changes.insert(), evictions)
            keys = conn.execute(
                sa.select(s.row_case.c.table_name, s.row_case.c.row_id).where(
                    s.row_case.c.case_id == case_id
                )
            ).all()
            resent = s.reappend(conn, [(k.table_name, k.row_id) for k in keys])
            s.audit(
                conn,
                "admin",
                "case_reassign",
                f"case={case_id} from={case.caseworker_id} to={new.id} rows={resent}",
            )
        return resent

    # --- devices ----------------------------------------------------------------------

    def directory(self, who: Principal) -> Directory:
        """Staff names, roles and teams, for everyone who syncs (no case data)."""
        if not auth.works_on_cases(who):
            return Directory(users=[], teams=[])
        with self._reader.connect() as conn:
            users = conn.execute(sa.select(s.users).order_by(s.users.c.username)).all()
            teams = conn.execute(sa.select(s.teams).order_by(s.teams.c.name)).all()
            rules = retention.rules(conn)
        return Directory(
            users=[enrolled_user(u) for u in users],
            teams=[DirectoryTeam(id=t.id, name=t.name) for t in teams],
            retention=RetentionInfo(case_years=rules.case_years, trauma_years=rules.trauma_years),
        )

    # --- sync -------------------------------------------------------------------------

    def push(self, who: Principal, batch: Sequence[Change]) -> PushResponse:
        if self._queue is None:  # PostgreSQL: pushes of different cases side by side
            with self._reader.connect() as conn:
                cases = locks.guess_cases(conn, batch)
            for _attempt in range(locks.ATTEMPTS):
                try:
                    return self._push(who, batch, cases | {who.user_id})
                except locks.MoreCases as more:
                    cases |= more.args[0]
        return self._push(who, batch, None)  # alone, as every push did before

    def _push(self, who: Principal, batch: Sequence[Change], cases: set[str] | None):
        """One push in one transaction; `cases`: the case (and user) locks to take, or None
        for the office-wide lock."""
        asked = time.perf_counter()
        with self.write(lock="office" if cases is None else "push") as conn:
            if cases is not None:
                locks.take_office(conn, exclusive=False)
                locks.take(conn, cases)
            turn = time.perf_counter()
            pushed = PushBatch(conn, who, self.hlc, self.sealer)
            if cases is not None:
                pushed.before_log = lambda: locks.sequence(conn)
            response = pushed.apply(batch, self.now_ms())
            if cases is not None and not pushed.cases_written() <= cases:
                raise locks.MoreCases(pushed.cases_written() - cases)  # rolls back
            access.record(conn, who, access.PUSH, pushed.accepted)
            if any(c.table == documents.TABLE and c.field == "deleted" for c in batch):
                documents.drop_unreferenced(conn)  # a deleted document's content goes
        self.push_timed(turn - asked, time.perf_counter() - turn)  # committed
        return response

    def push_audit(self, who: Principal, events) -> AuditHead:
        try:
            with self.write(lock="audit") as conn:
                return office_audit.push(conn, who, events)
        except office_audit.AuditDiverged as exc:
            with self.write() as conn:  # the push rolled back; the finding stays
                s.audit(conn, who.username, "audit_diverged",
                        f"device={who.device_id} seq={exc.seq}")  # fmt: skip
            raise

    def pull_audit(self, who: Principal, cursor: int, limit: int) -> AuditPage:
        with self._reader.connect() as conn:
            return office_audit.pull(conn, who, cursor, limit)

    def pull(
        self, who: Principal, cursor: int, limit: int, snapshot_token: str | None = None
    ) -> PullResponse:
        return self.read_pull(who, cursor, limit, snapshot_token).response()

    def read_pull(
        self,
        who: Principal,
        cursor: int,
        limit: int,
        snapshot_token: str | None = None,
        rows: bool = False,
        skip_own: bool = False,
    ) -> Page:
        """Changes after `cursor` of the cases this user sees, plus their evictions, in
        `seq` order, at most `limit`, all from one database snapshot. Far behind the head
        they are found through the user's cases; if they are more than a page (or for a
        first sync, or with a token of one begun), a page of a snapshot of their cases
        comes instead (`rows`: in the rows form). `skip_own`: without the changes this
        device pushed (pull.own_left_out; a snapshot's current values may hold some)."""
        now = self.now_ms()
        with self._reader.connect() as conn:
            head = head_seq(conn)
            way = "snapshot" if snapshot_token else snapshot.way(conn, who, cursor, head, limit)
            page = None
            if way == "caseload":
                found = caseload_changes(conn, who, cursor, head, limit, skip_own)
                if found is not None:
                    page = pull_page(conn, who, cursor, limit, now, self.sealer, head, found)
                if page is None or page.more:  # more than a page: their current values
                    way = "snapshot"
            if way == "snapshot":
                page = snapshot.page(
                    conn, who, cursor, snapshot_token, head, limit, now, self.sealer, rows
                )
            elif way == "log":
                page = pull_page(
                    conn, who, cursor, limit, now, self.sealer, head, skip_own=skip_own
                )
        if page.values:  # whom the data went to (no content; no office-wide lock)
            with self.write(lock=None) as conn:
                carried = page.carried
                if carried is None:
                    carried = access.cases_of(
                        conn, [(c["table"], c["row_id"]) for c in page.changes]
                    )
                access.record(conn, who, access.PULL, carried)
        return page


def enrolled_user(row: sa.Row) -> EnrolledUser:
    """A `users` row as laptops learn it (at enrolment and in the directory)."""
    return EnrolledUser(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        team_id=row.team_id,
        stand_in=bool(row.stand_in),
    )


def _losing_sight(conn: sa.Connection, case: sa.Row, new: sa.Row) -> list[str]:
    """The old caseworker, and the old team's leads if the case leaves their team,
    unless they still see it under the new assignment."""

    def leads(team_id: str | None) -> list[str]:
        if not team_id:
            return []
        return list(
            conn.execute(
                sa.select(s.users.c.id).where(
                    s.users.c.team_id == team_id, s.users.c.role == "team_lead"
                )
            ).scalars()
        )

    losers = [case.caseworker_id]
    if case.team_id != new.team_id:
        losers += leads(case.team_id)
    keep = {new.id, *leads(new.team_id)}
    return [u for u in dict.fromkeys(losers) if u not in keep]
