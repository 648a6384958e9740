"""A damaged journal file: found before SQLite writes to it, and moved aside, never overwritten.

A file SQLite cannot read (not a database, or failing quick_check) is moved, byte for byte, to
journal.sqlite3.corrupt-YYYYmmdd-HHMMSS beside it, its side files (-wal, -shm, -journal) with it,
so the person keeps it (to recover, or to bring to someone who can) and a fresh journal starts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from breath_tui.core.locations import journal_path

SIDE_FILES = ("-wal", "-shm", "-journal")
DAMAGED_MARK = ".corrupt-"
# SQLite's primary result codes for a damaged file and for a file that is not a database.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


class Damaged(Exception):
    """The file at the journal's path is not a readable SQLite database; str() says why."""


def check_readable(path: Path) -> None:
    """Raise Damaged if SQLite cannot read the file, before anything is written to it.

    The check uses its own read-only connection: a read-write one would write the header
    (journal_mode) and, on closing, fold a -wal file into the damaged file and delete it.
    Other trouble (locked, unreadable) is left for the real open to report.
    """
    import sqlite3

    with open(path, "rb") as file:
        header = file.read(16)
    if header and header != b"SQLite format 3\x00":
        raise Damaged("file is not a database")
    try:
        check = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        problems = check.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise Damaged(str(error)) from None
        return
    finally:
        check.close()
    if problems != [("ok",)]:
        raise Damaged(f"quick_check: {problems[0][0]}")


def damaged_copies(path: Path | None = None) -> list[Path]:
    """Journal files moved aside as damaged (journal.sqlite3.corrupt-*), oldest first."""
    base = path if path is not None else journal_path()
    try:
        found = base.parent.glob(f"{base.name}{DAMAGED_MARK}*")
        return sorted(p for p in found if not p.name.endswith(SIDE_FILES))
    except OSError:
        return []


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder, so two copies of breath-tui move a file in turn."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): the inode checks below still guard
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def move_aside(path: Path, inode: int | None = None) -> Path | None:
    """Move a damaged journal (and its side files) to a new name beside it; never overwrite.

    Returns the new name, or None when the file at `path` is no longer the one with `inode`
    (another process moved it aside first).
    """
    with _folder_lock(path.parent):
        return _move_aside(path, inode)


def _move_aside(path: Path, inode: int | None) -> Path | None:
    try:
        if inode is not None and os.stat(path).st_ino != inode:
            return None
    except FileNotFoundError:
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        aside = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}{suffix}")
        try:
            # A hard link never replaces an existing file; the old name is removed only after.
            os.link(path, aside)
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None
        except OSError:  # a file system without hard links
            if aside.exists():
                continue
            os.rename(path, aside)
        else:
            os.unlink(path)
        for side_suffix in SIDE_FILES:
            side, side_aside = Path(f"{path}{side_suffix}"), Path(f"{aside}{side_suffix}")
            if side.exists() and not side_aside.exists():
                with suppress(FileNotFoundError):
                    os.rename(side, side_aside)
                    os.chmod(side_aside, 0o600)  # SQLite made it with the umask's mode
        os.chmod(aside, 0o600)
        return aside
    raise FileExistsError(f"{path}: too many damaged copies beside it")
