"""The journal file itself: whose it is, who has it open, and whether it is still the same file.

- Never follow a symlink at the journal's path, and never write into a SQLite database that is
  not ours: a journal made by breath-tui carries PRAGMA application_id = APPLICATION_ID (older
  ones, from before it was set, are known by their schema and get it on their next write).
- Every open Journal holds a shared flock on the file, so `forget` can see that another copy of
  breath-tui has it open, and say which process, instead of deleting it under that copy's feet.
- An open Journal checks before each write that the path still names the file it opened: a
  journal deleted or replaced meanwhile is told, never written into as if nothing happened.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from breath_tui.core.errors import BadInput
from breath_tui.journal.errors import JournalError

if TYPE_CHECKING:
    import sqlite3

APPLICATION_ID = 0x62747569
"""'btui': PRAGMA application_id of a breath-tui journal (SQLite's way to mark file formats)."""


class JournalRefused(JournalError, BadInput):
    """The file at the journal's path is not one breath-tui may open (a symlink, another
    program's database): exit 2, naming it; nothing is changed."""


class JournalGone(JournalError):
    """The journal file was deleted or replaced (breath-tui forget, say) while it was open."""


class JournalInUse(JournalError):
    """Another process has the journal open; `forget` refuses unless forced."""


def refuse_symlink(path: Path) -> None:
    """Raise JournalRefused if the journal's path is a symlink (it would write elsewhere)."""
    if path.is_symlink():
        raise JournalRefused(
            f"{path} is a symbolic link; breath-tui keeps its journal in a real file and does "
            "not follow links. Nothing was changed: remove the link or point BREATH_TUI_HOME "
            "at another folder."
        )


def open_private(path: Path, *, create: bool) -> int:
    """Open the journal file without following a symlink; create it 0600 before SQLite does.

    A file that is already there is opened as it is: nothing about it (its mode neither) is
    changed before it is known to be a breath-tui journal (`check_ours`; then `make_private`).

    Returns the file descriptor, which the Journal keeps (and flocks) while it is open.
    """
    # O_NONBLOCK: a named pipe at the path must be refused below, not waited on for a writer.
    flags = os.O_RDWR if create else os.O_RDONLY
    flags |= getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0)
    made = False
    try:
        if create:
            try:
                fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
                made = True
            except FileExistsError:
                fd = os.open(path, flags)
        else:
            fd = os.open(path, flags)
    except OSError as error:
        if path.is_symlink():
            refuse_symlink(path)
        raise error
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise JournalRefused(f"{path} is not a regular file; nothing was changed")
    os.set_blocking(fd, True)
    if made:
        os.fchmod(fd, 0o600)  # the umask may have narrowed 0600; never widened it
    return fd


def make_private(fd: int) -> None:
    """Make a journal known to be breath-tui's 0600 (one from an older version may be wider)."""
    if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
        os.fchmod(fd, 0o600)


def hold_shared(fd: int) -> None:
    """Mark the journal as open by this process (a shared lock, taken alongside other copies)."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): forget cannot tell, and says nothing
        return
    fcntl.flock(fd, fcntl.LOCK_SH)


def same_file(fd: int, path: Path) -> bool:
    """Whether `path` still names the file open as `fd`."""
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def check_ours(db: sqlite3.Connection, path: Path) -> bool:
    """Raise JournalRefused unless the database is a breath-tui journal or empty.

    Returns:
        True when the application_id still has to be set (a new file, or one from before it).
    """
    # One read transaction: another copy of breath-tui may be making this journal right now,
    # and three reads each on their own could see no tables, then its committed version.
    db.execute("BEGIN")
    try:
        application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        if db.in_transaction:  # an error may have ended it already: let that one be told
            db.execute("COMMIT")
    if application_id == APPLICATION_ID:
        return False
    if application_id == 0 and (
        (not tables and version == 0) or ("checkins" in tables and version >= 1)
    ):
        return True
    raise JournalRefused(
        f"{path} is another program's SQLite database, not a breath-tui journal; nothing was "
        "changed. Point BREATH_TUI_HOME at another folder, or move that file."
    )


def refuse_unless_ours(path: Path) -> None:
    """check_ours on a read-only connection, before any connection that could write is made.

    Closing a read-write connection can change a database: SQLite folds a WAL database's -wal
    file into it and deletes the -wal. Another program's database must be refused unchanged.
    Trouble reading it is left for the real open to report.
    """
    import sqlite3

    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        check_ours(db, path)
    except sqlite3.Error:
        return
    finally:
        db.close()


def holders(path: Path) -> list[int]:
    """Other processes with the file open, from /proc (Linux); [] where that cannot be read."""
    target = os.path.realpath(path)
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                for fd in os.scandir(f"/proc/{entry.name}/fd"):
                    if os.readlink(fd.path) in (target, f"{target}-wal"):
                        found.append(int(entry.name))
                        break
    return sorted(found)


def take_exclusive(path: Path) -> int | None:
    """An fd holding an exclusive lock on the journal, or None if another process holds it open.

    Raises:
        FileNotFoundError: there is no journal file.
    """
    try:
        import fcntl
    except ImportError:
        return os.open(path, os.O_RDONLY)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def in_use_message(path: Path) -> str:
    """'Another breath-tui (pid 1234) has ... open': for forget's refusal."""
    pids = holders(path)
    which = f" (pid {', '.join(map(str, pids))})" if pids else ""
    return (
        f"another breath-tui{which} has the journal {path} open; nothing was deleted. "
        "Close it first, or add --force to delete it anyway."
    )
