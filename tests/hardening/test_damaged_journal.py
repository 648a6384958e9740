"""A damaged journal file: kept byte for byte beside a fresh journal, the person told where."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from breath_tui.cli import main
from breath_tui.journal import Journal
from breath_tui.journal.damage import DAMAGED_MARK, damaged_copies, move_aside

Make = Callable[..., Any]


def _real_journal(path: Path, make_checkin: Make, count: int = 40) -> bytes:
    """A journal of `count` check-ins, folded into one file; returns its bytes."""
    with Journal(path) as journal:
        journal.import_checkins([make_checkin(note="n" * 500) for _ in range(count)])
    return path.read_bytes()


def _garbage_pages(data: bytes) -> bytes:
    """The 100-byte header kept, every page after the first overwritten with noise."""
    noise = bytes((n * 131 + 7) % 256 for n in range(len(data)))
    return data[:4096] + noise[4096:]


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "random bytes": lambda _: bytes((n * 197 + 3) % 256 for n in range(5000)),
    "someone's text": lambda _: b"these are my notes, not a database\n" * 200,
    "cut in half": lambda data: data[: len(data) // 2],
    "pages overwritten": _garbage_pages,
}


@pytest.fixture(params=list(DAMAGES), ids=list(DAMAGES))
def damaged(request: Any, breath_home: Path, make_checkin: Make, tmp_path: Path) -> bytes:
    """BREATH_TUI_HOME holds a damaged journal.sqlite3; returns its exact bytes."""
    data = DAMAGES[request.param](_real_journal(tmp_path / "good.sqlite3", make_checkin))
    breath_home.mkdir(mode=0o700)
    (breath_home / "journal.sqlite3").write_bytes(data)
    return data


def test_damaged_journal_is_moved_aside_byte_for_byte(
    damaged: bytes, breath_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening a damaged journal keeps the old file unchanged beside it and starts a fresh one."""
    with Journal() as journal:
        journal.start_checkin()
        assert journal.count() == 1
        aside = journal.moved_aside
    assert aside is not None and aside.parent == breath_home
    assert re.fullmatch(r"journal\.sqlite3\.corrupt-\d{8}-\d{6}", aside.name)
    assert aside.read_bytes() == damaged
    err = capsys.readouterr().err
    assert 1 <= len(err.strip().splitlines()) <= 2
    assert str(aside) in err and "could not be read" in err and "new, empty journal" in err


def test_cli_says_what_happened_and_goes_on(
    damaged: bytes, breath_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`import` on a damaged journal: two lines on stderr naming the kept file, then it imports."""
    line = (
        '{"schema": 1, "id": "00000000-0000-4000-8000-00000000abcd", '
        '"started_at": "2024-05-01T09:30:00+01:00", "kind": "quick"}\n'
    )
    (tmp_path / "in.jsonl").write_text(line)
    assert main(["import", str(tmp_path / "in.jsonl")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Imported 1 quick calm")
    (aside,) = damaged_copies(breath_home / "journal.sqlite3")
    assert str(aside) in err and len(err.strip().splitlines()) == 2
    assert aside.read_bytes() == damaged
    assert main(["history", "--plain"]) == 0
    assert capsys.readouterr().err == ""  # told once: the fresh journal opens quietly


def test_a_subprocess_tells_on_stderr_without_a_traceback(
    damaged: bytes, breath_home: Path
) -> None:
    """`breath-tui history` as a process: exit 0, no traceback, the kept file named on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "breath_tui", "history", "--plain"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BREATH_TUI_HOME": str(breath_home)},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and DAMAGED_MARK in done.stderr
    assert done.stdout.strip() == "No check-ins yet."


def test_an_existing_copy_is_never_overwritten(breath_home: Path) -> None:
    """Two damaged journals in the same second get two names; the first copy is untouched."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    path.write_bytes(b"first damaged file" * 100)
    first = move_aside(path)
    path.write_bytes(b"second damaged file" * 100)
    second = move_aside(path)
    assert first is not None and second is not None and first != second
    assert first.read_bytes() == b"first damaged file" * 100
    assert second.read_bytes() == b"second damaged file" * 100
    assert not path.exists()


def test_side_files_go_with_the_damaged_file(breath_home: Path) -> None:
    """A -wal beside the damaged file moves with it (it may hold the last saved steps)."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    path.write_bytes(b"x" * 4096)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    with Journal(path) as journal:
        aside = journal.moved_aside
    assert aside is not None and Path(f"{aside}-wal").read_bytes() == b"wal bytes"


def test_recover_false_leaves_the_file_alone(damaged: bytes, breath_home: Path) -> None:
    """Journal(recover=False) refuses a damaged file and changes nothing."""
    from breath_tui.journal import JournalError

    with pytest.raises(JournalError, match="damaged"):
        Journal(recover=False)
    assert (breath_home / "journal.sqlite3").read_bytes() == damaged
    assert damaged_copies(breath_home / "journal.sqlite3") == []


def test_a_good_journal_is_never_moved(breath_home: Path, make_checkin: Make) -> None:
    """A healthy journal, even one left with a -wal by a kill, opens in place."""
    path = breath_home / "journal.sqlite3"
    _real_journal(path, make_checkin)
    with Journal() as journal:
        assert journal.moved_aside is None and journal.count() == 40
    assert damaged_copies(path) == []


def test_forget_deletes_damaged_copies_too(damaged: bytes, breath_home: Path) -> None:
    """`forget --yes` removes the fresh journal and the damaged copy: nothing private is left."""
    Journal().close()
    assert len(damaged_copies(breath_home / "journal.sqlite3")) == 1
    assert main(["forget", "--yes"]) == 0
    assert sorted(p.name for p in breath_home.iterdir()) == []


OPENER = """
import sys
from pathlib import Path
from breath_tui.journal import Journal
sys.stdin.readline()
with Journal(Path(sys.argv[1])) as journal:
    journal.start_checkin()
    print(journal.moved_aside or "-", flush=True)
"""


def _open_damaged_together(folder: Path, copies: int) -> None:
    """`copies` processes open the same damaged journal at once; check one copy kept, none lost."""
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / "journal.sqlite3"
    path.write_bytes(b"not a database " * 400)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(copies)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    said = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        said.append(out.strip())
    (aside,) = damaged_copies(path)
    assert aside.read_bytes() == b"not a database " * 400
    # Each either found the damage (and names the one copy) or opened the fresh journal.
    assert str(aside) in said and set(said) <= {str(aside), "-"}
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM checkins").fetchone()[0] == copies


def test_two_processes_opening_a_damaged_journal_move_it_once(tmp_path: Path) -> None:
    """Two copies of the app meet the same damaged file: one copy kept, both go on, none lost."""
    _open_damaged_together(tmp_path / "j", 2)


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(20))
def test_three_processes_opening_a_damaged_journal_again_and_again(
    tmp_path: Path, trial: int
) -> None:
    """Three copies of the app at once, twenty times: always one copy kept and every start saved."""
    _open_damaged_together(tmp_path / f"j{trial}", 3)


KILLED_WRITER = """
import os, sys
from pathlib import Path
from breath_tui.journal import Journal
journal = Journal(Path(sys.argv[1]))
for n in range(30):
    journal.save_step(journal.start_checkin(), note="x" * 2000)
os._exit(0)  # no close: the -wal file is left holding the saved steps
"""


def test_a_damaged_wal_mode_journal_keeps_its_wal_byte_for_byte(tmp_path: Path) -> None:
    """A damaged main file left with a -wal by a hard stop: both are kept exactly as they were."""
    path = tmp_path / "journal.sqlite3"
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True, timeout=60)
    wal = Path(f"{path}-wal").read_bytes()
    assert len(wal) > 0
    path.write_bytes(b"overwritten by another program" + path.read_bytes()[30:])
    damaged = path.read_bytes()
    with Journal(path) as journal:
        aside = journal.moved_aside
    assert aside is not None
    assert (aside.read_bytes(), Path(f"{aside}-wal").read_bytes()) == (damaged, wal)


def test_an_empty_journal_file_is_an_empty_journal_to_readers(
    breath_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 0-byte journal.sqlite3 (mode 0644): history says there is nothing yet, every export
    format writes no entries, exit 0; the file is untouched and nothing is made beside it
    (both said "no such table: checkins", exit 1)."""
    breath_home.mkdir(mode=0o700)
    path = breath_home / "journal.sqlite3"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    assert main(["history", "--plain"]) == 0
    assert "No check-ins yet." in capsys.readouterr().out
    for fmt in ("jsonl", "csv", "md", "summary"):
        assert main(["export", "--format", fmt]) == 0, fmt
        out, err = capsys.readouterr()
        assert err == "" and "Check-in" not in out, (fmt, out)
    assert main(["export"]) == 0 and capsys.readouterr().out == ""
    assert path.read_bytes() == b"" and os.stat(path).st_mode & 0o777 == 0o644
    assert [p.name for p in breath_home.iterdir()] == ["journal.sqlite3"]
