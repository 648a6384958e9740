"""Files the person did not give us are never touched: devices, pipes, symlinks, other programs'
databases, folders the person chose; and a journal deleted while open is noticed."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import CheckIn
from breath_tui.journal import Journal, JournalError
from breath_tui.journal.access import APPLICATION_ID, JournalGone, JournalRefused

Make = Callable[..., CheckIn]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_force_never_replaces_a_device_or_a_pipe(capsys, tmp_path, make_checkin) -> None:
    """--force replaces only regular files: onto a FIFO (or /dev/null) it is exit 2, untouched."""
    with Journal() as journal:
        journal.add(make_checkin())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        status, _, err = run(capsys, "export", "-o", target, "--force")
        assert status == 2 and "not a regular file" in err and target in err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_export_force_never_replaces_a_symlink(capsys, tmp_path, make_checkin) -> None:
    """--force onto a symlink (to a device, to a file, to nothing): exit 2 naming -o; the link
    and what it points to are untouched (the link was replaced by a regular file)."""
    with Journal() as journal:
        journal.add(make_checkin())
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me")
    for target in ("/dev/null", str(kept), str(tmp_path / "nowhere")):
        link = tmp_path / "link.jsonl"
        link.symlink_to(target)
        status, _, err = run(capsys, "export", "-o", str(link), "--force")
        assert status == 2 and f"-o {link}" in err and "symbolic link" in err, err
        assert link.is_symlink() and os.readlink(link) == target
        link.unlink()
    assert kept.read_text() == "keep me" and not (tmp_path / "nowhere").exists()


def test_an_existing_shared_folder_keeps_its_mode(capsys, breath_home, make_checkin) -> None:
    """BREATH_TUI_HOME at an existing 1777 folder: its mode and sticky bit are kept, one warning
    says so, and breath-tui's own files inside are 0600."""
    breath_home.mkdir()
    os.chmod(breath_home, 0o1777)
    with Journal() as journal:
        journal.add(make_checkin())
    assert mode(breath_home) == 0o1777
    assert "can be opened by other users (mode 1777)" in capsys.readouterr().err
    assert mode(breath_home / "journal.sqlite3") == 0o600


def test_a_read_only_command_changes_no_folder_mode(capsys, breath_home, make_checkin) -> None:
    """history on a 0500 folder the person set: the folder stays 0500 (it became 0700)."""
    breath_home.mkdir(mode=0o700)
    with Journal() as journal:
        journal.add(make_checkin())
    os.chmod(breath_home, 0o500)
    try:
        status, out, _ = run(capsys, "history", "--plain")
        assert status == 0 and "Check-in" in out
        assert mode(breath_home) == 0o500
    finally:
        os.chmod(breath_home, 0o700)


def test_a_symlinked_journal_is_refused_and_its_target_untouched(capsys, breath_home) -> None:
    """journal.sqlite3 a symlink to a text file: exit 2 naming it; the file keeps its mode and
    bytes, and nothing is moved aside."""
    breath_home.mkdir(mode=0o700)
    target = breath_home.parent / "notes.txt"
    target.write_text("someone's notes")
    os.chmod(target, 0o644)
    (breath_home / "journal.sqlite3").symlink_to(target)
    for argv in (["history", "--plain"], ["export"], ["import", "-"]):
        status, _, err = run(capsys, *argv)
        assert status == 2, (argv, err)
        assert "symbolic link" in err and "journal.sqlite3" in err
    assert target.read_text() == "someone's notes" and mode(target) == 0o644
    assert sorted(p.name for p in breath_home.iterdir()) == ["journal.sqlite3"]


def test_another_programs_database_is_never_written_into(capsys, breath_home) -> None:
    """A SQLite file of another program at the journal's path: exit 2, not a byte changed (it
    gained breath-tui's tables before)."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Sam')")
    db.close()
    before = path.read_bytes()
    status, _, err = run(capsys, "import", "-")
    assert status == 2 and "another program's SQLite database" in err
    with pytest.raises(JournalRefused):
        Journal(path)
    assert path.read_bytes() == before


def test_another_programs_database_keeps_its_mode(capsys, breath_home, tmp_path) -> None:
    """Importing onto another program's database (mode 0664): refused, and its mode is kept
    (it was made 0600 before breath-tui knew the file was not its own)."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
    db.close()
    os.chmod(path, 0o664)
    (tmp_path / "in.jsonl").write_text("")
    for argv in (["import", str(tmp_path / "in.jsonl")], ["history", "--plain"], ["export"]):
        status, _, err = run(capsys, *argv)
        assert status == 2 and "another program's SQLite database" in err, (argv, err)
        assert mode(path) == 0o664, argv
    assert sorted(p.name for p in breath_home.iterdir()) == ["journal.sqlite3"]


def test_another_programs_wal_database_is_not_checkpointed(capsys, breath_home) -> None:
    """Another program's database in WAL mode, its last writes still in its -wal file: refused
    with all three files as they were (closing a read-write connection folded the -wal into the
    database and deleted it)."""
    import shutil

    source = breath_home.parent / "other"
    source.mkdir()
    breath_home.mkdir(mode=0o700)
    db = sqlite3.connect(source / "journal.sqlite3")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.executemany("INSERT INTO contacts VALUES (?)", [("Sam",)] * 50)
    db.commit()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(source / f"journal.sqlite3{suffix}", breath_home / f"journal.sqlite3{suffix}")
    db.close()
    # The -shm file is SQLite's shared memory, which any reader writes its read marks into.
    data = ("journal.sqlite3", "journal.sqlite3-wal")
    before = {name: (breath_home / name).read_bytes() for name in data}
    status, _, err = run(capsys, "import", "-")
    assert status == 2 and "another program's SQLite database" in err
    assert {name: (breath_home / name).read_bytes() for name in data} == before
    assert (breath_home / "journal.sqlite3-shm").exists()


@pytest.mark.parametrize("what", ["database", "symlink", "dangling"])
def test_forget_refuses_what_other_commands_refuse(capsys, breath_home, what) -> None:
    """forget --yes on another program's database or a symlinked journal (to a breath-tui
    journal elsewhere, or to nothing): exit 2 naming it, nothing deleted (the database was
    deleted, and the link removed with "Deleted the journal")."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    elsewhere = breath_home.parent / "elsewhere.sqlite3"
    if what == "database":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE contacts (name TEXT)")
        db.close()
    elif what == "symlink":
        with Journal(elsewhere):
            pass
        path.symlink_to(elsewhere)
    else:
        path.symlink_to(elsewhere)
    status, out, err = run(capsys, "forget", "--yes")
    assert status == 2 and "journal.sqlite3" in err and "Deleted" not in out, (out, err)
    assert os.path.lexists(path) and path.is_symlink() == (what != "database")
    assert elsewhere.exists() == (what == "symlink")


@pytest.mark.parametrize("argv", [["history", "--plain"], ["forget", "--yes"]])
def test_a_pipe_at_the_journals_path_is_refused_at_once(breath_home, argv) -> None:
    """A named pipe called journal.sqlite3: exit 2, 'not a regular file', the pipe kept
    (history waited for a writer for ever; forget deleted it). In a process of its own, so
    that waiting fails the test instead of hanging it."""
    breath_home.mkdir(mode=0o700)
    os.mkfifo(breath_home / "journal.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "breath_tui", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BREATH_TUI_HOME": str(breath_home)},
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr, done.stderr
    assert stat.S_ISFIFO(os.stat(breath_home / "journal.sqlite3").st_mode)


def test_a_new_journal_carries_breath_tuis_application_id(breath_home) -> None:
    """A journal made now says it is breath-tui's (PRAGMA application_id)."""
    with Journal() as journal:
        path = journal.path
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_a_journal_from_before_the_id_is_recognised_and_marked(breath_home, make_checkin) -> None:
    """A journal of version 1 without an application_id (made before it existed) opens, keeps
    its check-ins, and is marked."""
    with Journal() as journal:
        journal.add(make_checkin())
        path = journal.path
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA application_id = 0")
    db.close()
    with Journal() as journal:
        assert journal.count() == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_damaged_copies_moved_aside_are_private(breath_home) -> None:
    """A damaged journal's -wal, made 0666, is 0600 once moved aside, as is the journal."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    path.write_bytes(b"not a database" * 100)
    Path(f"{path}-wal").write_bytes(b"wal")
    os.chmod(f"{path}-wal", 0o666)
    os.chmod(path, 0o644)
    with Journal(report=lambda _text: None) as journal:
        moved = journal.moved_aside
    assert moved is not None
    assert mode(moved) == 0o600 and mode(Path(f"{moved}-wal")) == 0o600


HOLDER = """
import sys, time
from pathlib import Path
from breath_tui.journal import Journal
with Journal(Path(sys.argv[1])) as journal:
    journal.start_checkin()
    print("open", flush=True)
    time.sleep(60)
"""


def test_forget_refuses_while_another_copy_has_the_journal_open(capsys, breath_home) -> None:
    """forget --yes while another process holds the journal: exit 1 naming that process,
    nothing deleted; --force deletes it."""
    with Journal() as journal:
        path = journal.path
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        status, _, err = run(capsys, "forget", "--yes")
        assert status == 1 and f"pid {holder.pid}" in err and "nothing was deleted" in err
        assert path.exists()
        status, _, _ = run(capsys, "forget", "--yes", "--force")
        assert status == 0 and not path.exists()
    finally:
        holder.kill()
        holder.wait()


def test_an_open_journal_notices_it_was_deleted(breath_home) -> None:
    """After forget --force, the open journal refuses to save (saying why) instead of saying
    'Saved' into a deleted file."""
    with Journal() as journal:
        checkin_id = journal.start_checkin()
        assert main(["forget", "--yes", "--force"]) == 0
        with pytest.raises(JournalGone, match="deleted or replaced"):
            journal.save_step(checkin_id, note="still typing")
        assert isinstance(JournalGone("x"), JournalError)
