"""The journal's schema, built by ordered migrations; PRAGMA user_version counts those applied.

Never edit a migration once released: add the next one. A journal opened by an older breath-tui
than the one that last wrote it is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

Migration = Sequence[str]
"""The SQL statements of one migration, run in one transaction with the version bump."""

MIGRATIONS: tuple[Migration, ...] = (
    # 1: each check-in as its interchange JSON (so fields this version does not know survive),
    # beside the columns that queries sort and filter by. started_ts is UTC epoch seconds:
    # ISO texts with different offsets do not sort by time. steps_done lists the steps saved so
    # far (comma-separated) so an unfinished check-in resumes at the right step.
    (
        """
        CREATE TABLE checkins (
            id          TEXT PRIMARY KEY,
            started_ts  REAL NOT NULL,
            kind        TEXT NOT NULL,
            status      TEXT NOT NULL CHECK (status IN ('in_progress', 'complete')),
            pre_rating  INTEGER,
            post_rating INTEGER,
            steps_done  TEXT NOT NULL DEFAULT '',
            updated_at  TEXT NOT NULL,
            data        TEXT NOT NULL
        )
        """,
        # Newest first, oldest first and --since all walk this index; id breaks ties so the
        # order (and so an export) never depends on the order rows were inserted.
        "CREATE INDEX checkins_by_time ON checkins (started_ts, id)",
        "CREATE INDEX checkins_by_status ON checkins (status, started_ts)",
    ),
    # 2: kinds beyond check-ins (feedback, grounding, resonance) are looked up by kind and time:
    # home asks whether today's session has feedback yet, the summary for the last session.
    ("CREATE INDEX checkins_by_kind ON checkins (kind, started_ts)",),
)

LATEST = len(MIGRATIONS)


class JournalTooNew(Exception):
    """The journal was written by a newer breath-tui with migrations this one does not know."""


def schema_version(db: sqlite3.Connection) -> int:
    """The number of migrations applied to this journal (0 for an empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the migrations this journal lacks, in order, in one transaction; return the version.

    Two processes opening a new journal at once are safe: BEGIN IMMEDIATE lets one migrate,
    and the other then reads the new version and applies nothing.

    Raises:
        JournalTooNew: the journal's version is above len(migrations).
    """
    if schema_version(db) == len(migrations):
        return len(migrations)
    db.execute("BEGIN IMMEDIATE")
    try:
        version = schema_version(db)
        if version > len(migrations):
            known = len(migrations)
            raise JournalTooNew(
                f"written by a newer breath-tui (schema {version}; this one knows {known})"
            )
        for number in range(version + 1, len(migrations) + 1):
            for statement in migrations[number - 1]:
                db.execute(statement)
            # PRAGMA takes no parameters; number is our own int, never outside input.
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return len(migrations)
