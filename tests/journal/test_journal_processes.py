"""Other processes and hard stops: two copies writing at once lose nothing; kill -9 during writes
leaves a journal that opens, passes integrity_check and holds every committed check-in."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from breath_tui.journal import Journal

WRITER = """
import sys
from pathlib import Path
from breath_tui.core.checkin import Feeling
from breath_tui.journal import Journal

path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
shared = sys.argv[4] if len(sys.argv) > 4 else None
with Journal(path) as journal:
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go", so both writers start together
    for n in range(count):
        if shared:  # both write fields of one check-in: no step may overwrite the other's
            if tag == "a":
                journal.save_step(shared, note=f"a-{n}")
            else:
                journal.save_step(shared, feelings=[Feeling(f"b-{n}")])
            continue
        checkin_id = journal.start_checkin()
        journal.save_step(checkin_id, note=f"{tag}-{n}")
        journal.save_step(checkin_id, pre_rating=n % 11)
    print("done", flush=True)
"""

LOOPER = """
import sys
from pathlib import Path
from breath_tui.journal import Journal

with Journal(Path(sys.argv[1])) as journal:
    n = 0
    while True:
        checkin_id = journal.start_checkin()
        journal.save_step(checkin_id, note="x" * 3000 + str(n))
        journal.finish(checkin_id)
        print(checkin_id, flush=True)  # printed only after the commit
        n += 1
"""


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _run_together(*writers: subprocess.Popen[str]) -> None:
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert (writer.returncode, out) == (0, "done\n")


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    """2 x 200 check-ins written at the same time: all 400, with every step, are there."""
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    _run_together(_spawn(WRITER, str(path), "a", "200"), _spawn(WRITER, str(path), "b", "200"))
    with Journal(path) as journal:
        saved = journal.checkins()
    assert sorted(c.note for c in saved) == sorted(f"{t}-{n}" for t in "ab" for n in range(200))
    assert all(c.pre_rating == int(c.note[2:]) % 11 for c in saved)


def test_two_processes_saving_steps_of_one_check_in_keep_both(tmp_path: Path) -> None:
    """Steps saved to the same check-in from two processes never overwrite each other's field."""
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        shared = journal.start_checkin()
    _run_together(
        _spawn(WRITER, str(path), "a", "150", shared), _spawn(WRITER, str(path), "b", "150", shared)
    )
    with Journal(path) as journal:
        saved = journal.get(shared)
    assert saved is not None
    assert (saved.note, saved.feelings[0].word) == ("a-149", "b-149")


def _kill_after(path: Path, committed: int) -> list[str]:
    """Run the looping writer, SIGKILL it after `committed` commits; return the ids it printed."""
    looper = _spawn(LOOPER, str(path))
    assert looper.stdout is not None
    ids = [looper.stdout.readline().strip() for _ in range(committed)]
    looper.send_signal(signal.SIGKILL)
    rest, _ = looper.communicate(timeout=30)
    assert looper.returncode == -signal.SIGKILL
    return ids + rest.split()


def _assert_whole(path: Path, ids: list[str]) -> None:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Journal(path) as journal:
        for checkin_id in ids:
            saved = journal.get(checkin_id)
            assert saved is not None and saved.status == "complete"


def test_kill_9_during_writes_keeps_every_committed_check_in(tmp_path: Path) -> None:
    """After SIGKILL mid-loop the journal opens, is intact and has every committed check-in."""
    path = tmp_path / "j.sqlite3"
    ids = _kill_after(path, 40)
    _assert_whole(path, ids)


@pytest.mark.slow
def test_kill_9_again_and_again(tmp_path: Path) -> None:
    """Twenty kills at different moments on one journal: it stays whole every time."""
    path = tmp_path / "j.sqlite3"
    ids: list[str] = []
    for round_number in range(20):
        ids += _kill_after(path, 5 + round_number * 3)
        _assert_whole(path, ids)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask of 0, so the test shows the modes are set by breath-tui, not by the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_is_0700_and_files_are_0600(breath_home: Path, open_umask: None) -> None:
    """The journal folder is 0700; the database, -wal and -shm files are 0600."""
    with Journal() as journal:
        journal.save_step(journal.start_checkin(), note="private")
        files = [journal.path, Path(f"{journal.path}-wal"), Path(f"{journal.path}-shm")]
        assert all(file.exists() for file in files)
        assert _mode(breath_home) == 0o700
        assert [oct(_mode(file)) for file in files] == ["0o600"] * 3


def test_existing_loose_modes_are_tightened(breath_home: Path, open_umask: None) -> None:
    """A journal copied in with 0644 (and a 0755 folder) is made private when opened."""
    breath_home.mkdir(mode=0o755)
    path = breath_home / "journal.sqlite3"
    Journal(path).close()
    os.chmod(path, 0o644)
    Journal(path).close()
    assert (_mode(breath_home), _mode(path)) == (0o700, 0o600)
