"""The journal's schema: built from an empty file by ordered migrations in PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from breath_tui.journal import Journal, JournalError
from breath_tui.journal.access import APPLICATION_ID
from breath_tui.journal.migrations import LATEST, migrate, schema_version


def _version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_a_new_journal_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    """Opening where no file exists creates it at the latest schema version."""
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    assert _version(path) == LATEST >= 1


def test_an_empty_file_is_migrated(tmp_path: Path) -> None:
    """A zero-byte file (made by hand, or by a crash before the first write) is migrated."""
    path = tmp_path / "j.sqlite3"
    path.touch()
    with Journal(path) as journal:
        journal.start_checkin()
        assert journal.count() == 1
    assert _version(path) == LATEST


def test_the_journal_uses_wal_mode(tmp_path: Path) -> None:
    """The journal is in WAL mode (persistent in the file), so readers never block the writer."""
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_in_order_and_only_once() -> None:
    """Only the missing migrations run, in order; running again changes nothing."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    steps = [
        ("CREATE TABLE t (n INTEGER)",),
        ("INSERT INTO t VALUES (1)",),
        ("INSERT INTO t VALUES (2)",),
    ]
    assert migrate(db, steps[:2]) == 2
    assert migrate(db, steps) == 3
    assert migrate(db, steps) == 3
    assert db.execute("SELECT n FROM t").fetchall() == [(1,), (2,)]
    assert schema_version(db) == 3


def test_a_failing_migration_leaves_the_journal_as_it_was() -> None:
    """Migrations run in one transaction: if one fails, none of them is applied."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    steps = [("CREATE TABLE t (n INTEGER)",), ("INSERT INTO missing VALUES (1)",)]
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, steps)
    assert schema_version(db) == 0
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_a_journal_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    """A journal with more migrations than this version knows is not misread."""
    path = tmp_path / "j.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {LATEST + 1}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as a newer breath-tui marks it
    with pytest.raises(JournalError, match="newer breath-tui"):
        Journal(path)


def test_a_file_that_is_not_a_database_is_refused_when_not_recovering(tmp_path: Path) -> None:
    """With recover=False, some other file at the journal's path gives a JournalError, untouched."""
    path = tmp_path / "j.sqlite3"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(JournalError, match="is not a breath-tui journal"):
        Journal(path, recover=False)
    assert path.read_text() == "these are my notes, not a database\n" * 100
