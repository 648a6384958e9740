"""The private journal: check-ins in SQLite (stdlib sqlite3), each step saved the moment it is done.

Durability: WAL mode with synchronous=FULL, so a committed step survives a kill -9 or a crash;
each write is one short BEGIN IMMEDIATE transaction, and busy_timeout makes a second copy of the
app wait its turn instead of failing, so two copies writing at once lose nothing.
Privacy: the folder is 0700; the database and its -wal and -shm files are 0600; deleted rows are
overwritten (secure_delete).
Damage: a journal file SQLite cannot read (not a database, or failing quick_check) is never
written to or overwritten: it is moved aside, byte for byte, to journal.sqlite3.corrupt-DATE-TIME
(its side files beside it), the person is told where it is, and a fresh journal is started.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from breath_tui.core.checkin import STEPS, CheckIn, CheckInError, Kind, Status, steps_for
from breath_tui.core.locations import ensure_private_dir, journal_path
from breath_tui.core.text import visible
from breath_tui.core.trends import FeedbackPoint, TrendRow
from breath_tui.core.when import Now, local_now
from breath_tui.journal.access import (
    APPLICATION_ID,
    JournalGone,
    JournalInUse,
    JournalRefused,
    check_ours,
    hold_shared,
    in_use_message,
    make_private,
    open_private,
    refuse_symlink,
    refuse_unless_ours,
    same_file,
    take_exclusive,
)
from breath_tui.journal.damage import (
    SIDE_FILES,
    Damaged,
    check_readable,
    damaged_copies,
    move_aside,
)
from breath_tui.journal.errors import CheckInNotFound, JournalError, NoJournalYet
from breath_tui.journal.migrations import LATEST, JournalTooNew, migrate, schema_version

if TYPE_CHECKING:
    import sqlite3

BUSY_TIMEOUT_SECONDS = 30.0
IMPORT_BATCH = 1000


class Noticed(NamedTuple):
    """A body entry as trends read it: no checks, the journal already made them."""

    region: str
    sensations: tuple[str, ...]
    intensity: int


_COLUMNS = "id, started_ts, kind, status, pre_rating, post_rating, steps_done, updated_at, data"
_INSERT = (
    f"INSERT INTO checkins ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT DO NOTHING"  # an id already present is skipped, never overwritten
)


@dataclass(frozen=True)
class ImportResult:
    """How many check-ins an import added, and how many it skipped as already present.

    Attributes:
        kinds: how many of each kind were added (kinds with none left out).
    """

    imported: int
    skipped: int
    kinds: Mapping[str, int] = field(default_factory=dict)


def _report_to_stderr(message: str) -> None:
    # The message names files: a control character in a path is shown, never sent.
    print(f"breath-tui: {visible(message, keep_lines=True)}", file=sys.stderr, flush=True)


class Journal:
    """The journal file: open it, save steps, list and look up check-ins. Use it as a context
    manager (or call close()). Any thread may call its methods; a lock takes them in turn.

    Args:
        path: the database file; default locations.journal_path() (BREATH_TUI_HOME honoured).
        now: the clock for started_at, ended_at and step times; tests pass a fixed one.
        recover: move a damaged file aside and start afresh (True), or raise JournalError.
        report: told, in one or two lines, when a damaged file was moved aside or the folder is
            open to others (default: stderr; a full-screen app passes its own, as a notice).
        readonly: open for reading only (history, export): nothing is created, changed or moved,
            so a journal on a read-only disk, or a full one, can still be read and exported.
            No file, or an empty one, raises NoJournalYet: readers show an empty journal.
        busy_timeout: how long a call waits for another copy of breath-tui to let go of the
            journal before it fails with "busy" (the command line waits long; a screen, in its
            worker, waits about 2 s and then says so).

    Attributes:
        moved_aside: where a damaged journal found at `path` was moved, or None.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        now: Now = local_now,
        recover: bool = True,
        report: Callable[[str], None] = _report_to_stderr,
        readonly: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        import sqlite3  # here, not at start-up: only commands that touch the journal pay for it

        self.path = path if path is not None else journal_path()
        self.readonly = readonly
        self._busy_timeout = busy_timeout
        self._now = now
        self._lock = threading.Lock()
        self._sqlite = sqlite3
        self._report = report
        self._fd: int | None = None
        self.moved_aside: Path | None = None
        if readonly and not self.path.exists() and not self.path.is_symlink():
            raise NoJournalYet(f"there is no journal at {self.path} yet")
        try:
            self._open()
        except Damaged as damage:
            # A reader (history, export) that may recover moves a damaged file aside like
            # any other command, and so needs to write after all.
            self.readonly = readonly = readonly and not recover
            if not recover:
                raise JournalError(
                    f"{self.path} is not a breath-tui journal, or is damaged ({damage})"
                ) from None
            self._recover(damage)
            report(
                f"the journal {self.path} could not be read ({damage}). It is kept, unchanged, "
                f"as {self.moved_aside or 'a copy beside it'};\n"
                "a new, empty journal has been started."
            )
        if not readonly:
            for suffix in SIDE_FILES:  # SQLite makes them with the umask's mode
                side = Path(f"{self.path}{suffix}")
                if side.is_file() and not side.is_symlink():
                    os.chmod(side, 0o600)

    def _open(self) -> None:
        try:
            if not self.readonly:
                warning = ensure_private_dir(self.path.parent)
                if warning:
                    self._report(warning)
            refuse_symlink(self.path)
            for attempt in range(3):
                self._close_fd()
                fd = self._fd = open_private(self.path, create=not self.readonly)
                try:
                    check_readable(self.path)
                    break
                except FileNotFoundError:
                    # Another copy of breath-tui moved a damaged file aside just now: again.
                    if attempt == 2:
                        raise
            hold_shared(fd)
            if not self.readonly:
                refuse_unless_ours(self.path)
        except OSError as error:
            self._close_fd()
            verb = "read" if self.readonly else "opened for writing"
            verb = verb if self.path.exists() else "created"
            why = error.strerror or str(error)
            if error.errno == errno.ENOSPC:
                why = f"the disk is full (no space left in {self.path.parent})"
            raise JournalError(
                f"{self.path}: cannot be {verb}: {why}; nothing was changed"
            ) from None
        try:
            self._db = self._connect()
        except self._sqlite.Error as error:
            self._close_fd()
            raise JournalError(f"{self.path}: cannot be opened: {error}") from None
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            self._close_fd()
            raise

    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:
            return self._sqlite.connect(
                self.path,
                timeout=self._busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        uri = self.path.resolve().as_uri()
        db = self._sqlite.connect(
            f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except self._sqlite.OperationalError:
            # A WAL journal on a read-only disk: SQLite cannot make the -shm file it reads
            # with. Nothing can be writing to a read-only disk, so read it as immutable.
            db.close()
            db = self._sqlite.connect(
                f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
        return db

    def _close_fd(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the shared lock
            self._fd = None

    def _recover(self, damage: Damaged) -> None:
        try:
            assert self._fd is not None
            moved = move_aside(self.path, os.fstat(self._fd).st_ino)
            self._close_fd()
        except OSError as error:
            raise JournalError(
                f"{self.path} is damaged ({damage}) and cannot be moved aside: "
                f"{error.strerror or error}; nothing was changed"
            ) from None
        # None: another copy of breath-tui moved it first; it is the newest copy beside it.
        copies = damaged_copies(self.path)
        self.moved_aside = moved or (copies[-1] if copies else None)
        try:
            self._open()
        except Damaged as again:
            raise JournalError(f"{self.path} is damaged again ({again}); try once more") from None

    def _prepare(self) -> None:
        with self._errors():
            self._db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
            unmarked = check_ours(self._db, self.path)
            if self.readonly:
                version = schema_version(self._db)
                if version > LATEST:
                    raise JournalError(
                        f"{self.path}: written by a newer breath-tui (schema {version}; this one "
                        f"knows {LATEST}); update breath-tui to open it"
                    )
                if version == 0:
                    # An empty file (or one made and left before its first migration): an
                    # empty journal to a reader, which never writes its tables into it.
                    raise NoJournalYet(f"the journal {self.path} is empty")
                return
            assert self._fd is not None
            make_private(self._fd)  # only now: the file is known to be a breath-tui journal
            self._use_wal()
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA secure_delete = ON")
            try:
                migrate(self._db)
            except JournalTooNew as error:
                raise JournalError(f"{self.path}: {error}; update breath-tui to open it") from None
            if unmarked:
                # PRAGMA takes no parameters; APPLICATION_ID is our own constant.
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _use_wal(self) -> None:
        """Switch to WAL. Two copies switching a new file at once can deadlock on its lock, and
        SQLite then answers "locked" at once, without waiting: so wait here, then try again."""
        deadline = time.monotonic() + self._busy_timeout
        while True:
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except self._sqlite.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005)

    def close(self) -> None:
        """Close the file (SQLite folds the -wal file back in and removes it)."""
        self._db.close()
        self._close_fd()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except self._sqlite.DatabaseError as error:
            reason = f": {error}"
            if _disk_full(error, self.path.parent):
                reason = f": the disk is full (no space left in {self.path.parent})"
            elif "not a database" in str(error) or "malformed" in str(error):
                reason = f" is not a breath-tui journal, or is damaged ({error})"
            elif "locked" in str(error) or "busy" in str(error):
                reason = " is busy: another breath-tui kept it locked too long; try again"
            raise JournalError(f"{self.path}{reason}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taking the write lock at once (no deadlock on upgrade).

        Raises:
            JournalGone: the file at the path is no longer the one opened (deleted by forget,
                or replaced): nothing is written, and the caller keeps what it was saving.
        """
        with self._lock, self._errors():
            if self.readonly:
                raise JournalError(f"{self.path} was opened for reading only")
            assert self._fd is not None
            if not same_file(self._fd, self.path):
                raise JournalGone(
                    f"the journal {self.path} was deleted or replaced while breath-tui had it "
                    "open (by breath-tui forget?); nothing more can be saved to it"
                )
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        with self._lock, self._errors():
            return self._db.execute(sql, tuple(params)).fetchall()

    def _load(self, checkin_id: str, data: str) -> CheckIn:
        try:
            return CheckIn.from_json(data)
        except CheckInError as error:
            raise JournalError(f"{self.path}: check-in {checkin_id} is damaged: {error}") from None

    @staticmethod
    def _row(checkin: CheckIn, steps: Iterable[str], updated_at: datetime) -> tuple[Any, ...]:
        return (
            checkin.id,
            checkin.started_at.timestamp(),
            checkin.kind,
            checkin.status,
            checkin.pre_rating,
            checkin.post_rating,
            ",".join(steps),
            updated_at.isoformat(),
            checkin.to_json(),
        )

    def start_checkin(self, kind: Kind = "checkin") -> str:
        """Begin a check-in now, saved at once as in progress; return its id."""
        checkin = CheckIn.new(kind, now=self._now)
        with self._write() as db:
            db.execute(_INSERT, self._row(checkin, (), checkin.started_at))
        return checkin.id

    def save_step(self, checkin_id: str, step: str | None = None, **fields: Any) -> CheckIn:
        """Save one completed (or skipped) step at once: e.g. save_step(id, pre_rating=7).

        Fields are CheckIn.EDITABLE's; a skipped step is saved with its empty value (None, (),
        "") so that resuming moves past it. The step done is the field saved, unless `step`
        names it (a feedback's "heard" step sets part of its `feedback` field). Returns the
        check-in as saved.

        Raises:
            CheckInError: a field or value is not usable (nothing is saved).
            CheckInNotFound: no check-in has this id.
        """
        done = (step,) if step is not None else tuple(fields)
        return self._change(checkin_id, lambda checkin: checkin.updated(**fields), done)

    def save_draft(self, checkin_id: str, **fields: Any) -> CheckIn:
        """Save part of a step not yet answered (the regions noticed so far, a note being typed),
        without marking the step done: a resumed check-in opens that step with it filled in.

        Raises:
            CheckInError: a field or value is not usable (nothing is saved).
            CheckInNotFound: no check-in has this id.
        """
        return self._change(checkin_id, lambda checkin: checkin.updated(**fields), ())

    def save_typing(self, checkin_id: str, typing: Mapping[str, Any] | None) -> CheckIn:
        """Keep what was being typed in a step and not yet added (core.checkin.TYPING), for
        when the app is ended from outside; it is kept only until the entry next changes."""
        return self._change(checkin_id, lambda checkin: checkin.with_typing(typing), (), True)

    def finish(self, checkin_id: str, *, ended_at: datetime | None = None) -> CheckIn:
        """Mark the check-in complete, ending now (or at `ended_at`)."""
        at = ended_at if ended_at is not None else self._now()
        return self._change(checkin_id, lambda checkin: checkin.finished(at), ())

    def keep(self, checkin_id: str) -> CheckIn:
        """Keep an unfinished check-in as it is: complete, ending when its last step was saved,
        and marked left early when a step of its kind was never saved."""
        rows = self._read(
            "SELECT updated_at, kind, steps_done FROM checkins WHERE id = ?", (_key(checkin_id),)
        )
        if not rows:
            raise CheckInNotFound(f"no check-in {checkin_id} in {self.path}")
        updated_at, kind, steps_done = rows[0]
        done = set(steps_done.split(","))
        early = kind not in STEPS or any(step not in done for step in STEPS[kind])
        at = datetime.fromisoformat(updated_at)
        return self._change(checkin_id, lambda checkin: checkin.finished(at, left_early=early), ())

    def _change(
        self,
        checkin_id: str,
        change: Callable[[CheckIn], CheckIn],
        step_names: Iterable[str],
        typing: bool = False,
    ) -> CheckIn:
        """Change one entry in one transaction; what was being typed (TYPING) is dropped unless
        `typing`: any other change (a step saved, a draft, the end) has moved past it."""
        with self._write() as db:
            row = db.execute(
                "SELECT data, steps_done FROM checkins WHERE id = ?", (_key(checkin_id),)
            ).fetchone()
            if row is None:
                raise CheckInNotFound(f"no check-in {checkin_id} in {self.path}")
            checkin = change(self._load(checkin_id, row[0]))
            if not typing and checkin.typing is not None:
                checkin = checkin.with_typing(None)
            steps = [s for s in row[1].split(",") if s]
            steps += [name for name in step_names if name != "ended_at" and name not in steps]
            values = self._row(checkin, steps, self._now())
            db.execute(
                "UPDATE checkins SET status = ?, pre_rating = ?, post_rating = ?, steps_done = ?,"
                " updated_at = ?, data = ? WHERE id = ?",
                (*values[3:], checkin.id),
            )
        return checkin

    def discard(self, checkin_id: str) -> bool:
        """Delete one check-in for good; False if there was none with this id."""
        with self._write() as db:
            return db.execute("DELETE FROM checkins WHERE id = ?", (_key(checkin_id),)).rowcount > 0

    def add(self, checkin: CheckIn) -> bool:
        """Save a whole check-in made elsewhere (e.g. a finished breathing session).

        Returns False, saving nothing, if one with its id is already in the journal.
        """
        return self.import_checkins([checkin]).imported == 1

    def import_checkins(self, checkins: Iterable[CheckIn]) -> ImportResult:
        """Add check-ins in one transaction: all of them or, on any error, none.

        Ids already in the journal (or earlier in `checkins`) are skipped, not overwritten.
        `checkins` may be a generator reading a file: it is consumed in batches inside the one
        transaction, so memory stays small; if it raises, nothing is imported.
        """
        now = self._now()
        rows = (self._row(c, steps_for(c.kind), c.ended_at or now) for c in checkins)
        offered = 0
        kinds: dict[str, int] = {}
        with self._write() as db:
            while batch := list(itertools.islice(rows, IMPORT_BATCH)):
                # A run of one kind at a time, in the file's order (so which of two lines with
                # one id is kept does not change): the rows it changed are that kind's added.
                for kind, run in itertools.groupby(batch, key=itemgetter(2)):
                    before = db.total_changes
                    db.executemany(_INSERT, run)
                    if added := db.total_changes - before:
                        kinds[kind] = kinds.get(kind, 0) + added
                offered += len(batch)
        imported = sum(kinds.values())
        return ImportResult(imported=imported, skipped=offered - imported, kinds=kinds)

    def get(self, checkin_id: str) -> CheckIn | None:
        """The check-in with this id, or None."""
        rows = self._read("SELECT data FROM checkins WHERE id = ?", (_key(checkin_id),))
        return self._load(checkin_id, rows[0][0]) if rows else None

    def unfinished(self) -> CheckIn | None:
        """The newest check-in still in progress (to offer: finish, keep or discard), or None."""
        rows = self._read(
            "SELECT id, data FROM checkins WHERE status = 'in_progress'"
            " ORDER BY started_ts DESC, id DESC LIMIT 1"
        )
        return self._load(rows[0][0], rows[0][1]) if rows else None

    def steps_done(self, checkin_id: str) -> tuple[str, ...]:
        """The steps saved so far (skipped ones included), in the order they were saved."""
        rows = self._read("SELECT steps_done FROM checkins WHERE id = ?", (_key(checkin_id),))
        if not rows:
            raise CheckInNotFound(f"no check-in {checkin_id} in {self.path}")
        return tuple(s for s in rows[0][0].split(",") if s)

    def next_step(self, checkin_id: str) -> str | None:
        """The first step of the check-in's kind not yet saved, or None when all are."""
        checkin = self.get(checkin_id)
        if checkin is None:
            raise CheckInNotFound(f"no check-in {checkin_id} in {self.path}")
        done = set(self.steps_done(checkin_id))
        return next((step for step in steps_for(checkin.kind) if step not in done), None)

    def checkins(
        self,
        *,
        since: datetime | None = None,
        before: datetime | None = None,
        kind: Kind | None = None,
        status: Status | None = None,
        limit: int | None = None,
        offset: int = 0,
        oldest_first: bool = False,
    ) -> list[CheckIn]:
        """Check-ins newest first (or oldest first), optionally filtered and paged.

        Args:
            since: only those started at or after this (aware) time.
            before: only those started before this (aware) time.
            kind: only this kind.
            status: only "in_progress" or only "complete".
            limit: at most this many; offset skips that many first (for paging).
            oldest_first: chronological order, as exports use.
        """
        where, params = _filters(since, kind, status, before)
        order = "ASC" if oldest_first else "DESC"
        sql = f"SELECT id, data FROM checkins{where} ORDER BY started_ts {order}, id {order}"
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [self._load(row[0], row[1]) for row in self._read(sql, params)]

    def trend_rows(
        self, *, since: datetime | None = None, limit: int | None = None
    ) -> list[TrendRow]:
        """What trends need of each entry (since `since`, the newest `limit` of them), newest
        first: the two rating columns, and one json_extract of just the five fields trends read
        (start, pattern, body, feelings, feedback), parsed once per entry. No check-in is
        rebuilt and checked, so trends of 10,000 entries load in a fraction of the time whole
        check-ins take (docs/bench.md)."""
        where, params = _filters(since, None, None)
        sql = (
            "SELECT pre_rating, post_rating, kind, json_extract(data, '$.started_at',"
            " '$.breathing.pattern', '$.body', '$.feelings', '$.feedback')"
            f" FROM checkins{where} ORDER BY started_ts DESC, id DESC LIMIT ?"
        )
        loads, moment, day = json.loads, datetime.fromisoformat, date.fromisoformat
        rows = []
        found = self._read(sql, [*params, -1 if limit is None else limit])
        for pre, post, kind, fields in found:
            started, pattern, body, feelings, told = loads(fields)
            entries = tuple(
                Noticed(item["region"], tuple(item["sensations"]), item["intensity"])
                for item in body or ()
            )
            words = tuple(item["word"] for item in feelings or ())
            feedback = None
            if told is not None:  # only a feedback entry has one
                feedback = FeedbackPoint(
                    day(told["session_date"]),
                    told.get("heard"),
                    told.get("pace"),
                    tuple(told.get("wishes") or ()),
                )
            rows.append(
                TrendRow(moment(started), pre, post, pattern, entries, words, feedback, kind)
            )
        return rows

    def count_by_kind(self, *, since: datetime | None = None) -> dict[str, int]:
        """How many entries of each kind (kinds with none left out), since `since` if given."""
        where, params = _filters(since, None, None)
        rows = self._read(f"SELECT kind, count(*) FROM checkins{where} GROUP BY kind", params)
        return {str(kind): int(count) for kind, count in rows}

    def count(
        self,
        *,
        since: datetime | None = None,
        kind: Kind | None = None,
        status: Status | None = None,
    ) -> int:
        """How many check-ins match (all, by default)."""
        where, params = _filters(since, kind, status)
        return int(self._read(f"SELECT count(*) FROM checkins{where}", params)[0][0])


_SQLITE_IOERR, _SQLITE_FULL = 10, 13
NEARLY_FULL_BYTES = 64 * 1024
"""Less free space than this on the journal's disk makes an I/O error a full disk."""


def _disk_full(error: Exception, folder: Path) -> bool:
    """Whether a SQLite error means the disk is full: SQLITE_FULL, or an I/O error (SQLite
    names ENOSPC so when growing its -shm file, say) while the folder's disk has no room."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_FULL or "disk is full" in str(error):
        return True
    if code != _SQLITE_IOERR and "disk I/O error" not in str(error):
        return False
    try:
        room = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs (Windows): say what SQLite said
        return False
    return room.f_bavail * room.f_frsize < NEARLY_FULL_BYTES


def _filters(
    since: datetime | None, kind: str | None, status: str | None, before: datetime | None = None
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for clause, value in (
        ("started_ts >= ?", since),
        ("started_ts < ?", before),
        ("kind = ?", kind),
        ("status = ?", status),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value.timestamp() if isinstance(value, datetime) else value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _key(checkin_id: str) -> str:
    """Ids are stored in canonical UUID form; an id in another spelling still finds its row."""
    try:
        return str(uuid.UUID(checkin_id))
    except (ValueError, TypeError, AttributeError):
        return checkin_id


def read_journal(**filters: Any) -> list[CheckIn]:
    """Check-ins from the journal (Journal.checkins' filters), opened for reading only; none
    when there is no journal yet, and none is made."""
    try:
        with Journal(readonly=True) as journal:
            return journal.checkins(**filters)
    except NoJournalYet:
        return []


def refuse_to_forget(path: Path) -> None:
    """Raise JournalRefused when the file at the journal's path is one no command may open:
    a symlink (even to a journal), something not a regular file, another program's database.
    A damaged journal, or one that cannot be read, can be forgotten: forget is the way out."""
    if not os.path.lexists(path):
        return
    try:
        with Journal(path, recover=False, readonly=True):
            pass
    except JournalRefused:
        raise
    except JournalError:
        return


def forget_journal(path: Path | None = None, *, force: bool = False) -> list[Path]:
    """Delete the journal, its side files and any damaged copies moved aside; return those removed.

    Raises:
        JournalRefused: the file at the path is not breath-tui's to delete (see
            refuse_to_forget); nothing is deleted.
        JournalInUse: another process has the journal open (an app in the middle of a
            check-in, say) and `force` is not given; nothing is deleted.
    """
    base = path if path is not None else journal_path()
    refuse_to_forget(base)
    held = None
    if base.is_file() and not base.is_symlink():
        held = take_exclusive(base)
        if held is None and not force:
            raise JournalInUse(in_use_message(base))
    try:
        return _delete(base)
    finally:
        if held is not None:
            os.close(held)


def _delete(base: Path) -> list[Path]:
    removed = []
    files = [
        Path(f"{journal}{suffix}")
        for journal in (base, *damaged_copies(base))
        for suffix in ("", *SIDE_FILES)
    ]
    for file in files:
        try:
            file.unlink()
        except FileNotFoundError:
            continue
        removed.append(file)
    return removed
