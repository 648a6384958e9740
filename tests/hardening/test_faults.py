"""Faults of the world outside: a full disk, a read-only journal folder, a BREATH_TUI_HOME that
is a file. Each gives a clear one- or two-line message, exit 1 or 2, no traceback, nothing lost."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from breath_tui.cli import main
from breath_tui.journal import Journal, JournalError

Make = Callable[..., Any]


def _mount(where: Path, options: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB file system of its own (a tmpfs: needs root; skipped where it cannot be made)."""
    where = tmp_path / "disk"
    if not _mount(where, "size=512k,mode=0700"):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path) -> Path:
    """Fill the disk to the last byte with one file; return it (delete it to free the space)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return filler


def _jsonl(checkins: list[Any]) -> str:
    return "".join(c.to_json() + "\n" for c in checkins)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _assert_clear(err: str, *fragments: str) -> None:
    assert "Traceback" not in err
    assert 1 <= len(err.strip().splitlines()) <= 2, err
    for fragment in fragments:
        assert fragment in err, err


def test_full_disk_import_fails_cleanly_and_loses_nothing(
    small_disk: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
) -> None:
    """Importing onto a full disk: exit 1, 'disk is full', nothing imported, earlier check-ins kept."""
    home = small_disk / "home"
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    first = [make_checkin() for _ in range(5)]
    (tmp_path / "first.jsonl").write_text(_jsonl(first))
    assert _cli(capsys, "import", str(tmp_path / "first.jsonl"))[0] == 0
    big = [make_checkin(note="a long note " * 300) for _ in range(300)]
    (tmp_path / "big.jsonl").write_text(_jsonl(big))
    filler = _fill(small_disk)

    status, out, err = _cli(capsys, "import", str(tmp_path / "big.jsonl"))
    assert (status, out) == (1, "")
    _assert_clear(err, "full", "nothing was imported", str(home / "journal.sqlite3"))

    filler.unlink()
    with Journal() as journal:
        assert sorted(c.id for c in journal.checkins()) == sorted(c.id for c in first)
    with sqlite3.connect(home / "journal.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_disk_import_says_the_disk_is_full_not_io_error(
    small_disk: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
) -> None:
    """A journal already there, the disk then filled, an import: SQLite fails growing its
    shared memory (SQLITE_IOERR_SHMSIZE, 'disk I/O error'); the person is told the disk is
    full, naming the folder."""
    home = small_disk / "home"
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    (tmp_path / "one.jsonl").write_text(_jsonl([make_checkin()]))
    assert _cli(capsys, "import", str(tmp_path / "one.jsonl"))[0] == 0
    big = [make_checkin(note="a long note " * 300) for _ in range(300)]
    (tmp_path / "big.jsonl").write_text(_jsonl(big))
    _fill(small_disk)
    status, out, err = _cli(capsys, "import", str(tmp_path / "big.jsonl"))
    assert (status, out) == (1, "")
    _assert_clear(err, "the disk is full", f"no space left in {home}", "nothing was imported")
    assert "I/O" not in err


def test_full_disk_while_saving_a_step_keeps_the_steps_before(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that no longer fits raises JournalError ('full'); the steps saved before it stay."""
    monkeypatch.setenv("BREATH_TUI_HOME", str(small_disk / "home"))
    with Journal() as journal:
        checkin_id = journal.start_checkin()
        journal.save_step(checkin_id, pre_rating=7)
        filler = _fill(small_disk)
        with pytest.raises(JournalError, match="full"):
            for n in range(50):  # the -wal may still have room for a step or two
                journal.save_step(checkin_id, note="x" * 20_000 + str(n))
        filler.unlink()
    with Journal() as journal:
        saved = journal.get(checkin_id)
        assert saved is not None and saved.pre_rating == 7


def test_full_disk_export_names_the_file_and_leaves_no_part(
    small_disk: Path,
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    journal: Journal,
) -> None:
    """`export -o` onto a full disk: exit 1 naming the file, and no half-written file left."""
    journal.import_checkins([make_checkin(note="a long note " * 500) for _ in range(200)])
    _fill(small_disk)
    for force in ([], ["--force"]):
        target = small_disk / "out.md"
        status, out, err = _cli(capsys, "export", "--format", "md", "-o", str(target), *force)
        assert status == 1
        _assert_clear(err, str(target), "No space left")
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_disk_full_from_sqlite_is_a_journal_error(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where no tmpfs can be mounted: SQLite's 'database or disk is full' still gives exit 1."""
    import breath_tui.journal.store as store

    class FullDisk:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __getattr__(self, name: str) -> Any:
            return getattr(self.db, name)

        def executemany(self, *args: Any) -> Any:
            raise sqlite3.OperationalError("database or disk is full")

    real = store.Journal._prepare

    def prepare(self: Journal) -> None:
        real(self)
        self._db = FullDisk(self._db)  # type: ignore[assignment]

    monkeypatch.setattr(store.Journal, "_prepare", prepare)
    line = (
        '{"schema": 1, "id": "00000000-0000-4000-8000-00000000abcd", '
        '"started_at": "2024-05-01T09:30:00+01:00", "kind": "quick"}\n'
    )
    source = journal.path.parent / "in.jsonl"
    source.write_text(line)
    status, out, err = _cli(capsys, "import", str(source))
    assert (status, out) == (1, "")
    _assert_clear(err, "the disk is full", str(journal.path.parent), "nothing was imported")


def test_no_space_to_make_the_journal_says_the_disk_is_full(
    breath_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ENOSPC while the journal file is made (no inode left, say): 'the disk is full', naming
    the folder, exit 1."""
    import breath_tui.journal.store as store

    def no_space(path: Path, *, create: bool) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "open_private", no_space)
    status, _, err = _cli(capsys, "import", "-")
    assert status == 1
    _assert_clear(err, "the disk is full", f"no space left in {breath_home}")


@pytest.fixture
def read_only_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_checkin: Make
) -> Iterator[Path]:
    """BREATH_TUI_HOME on a file system remounted read-only, holding a journal of 3 check-ins.

    Tests run as root, for whom chmod blocks nothing, so a read-only mount is the honest way.
    """
    home = tmp_path / "ro"
    if not _mount(home, "size=4m,mode=0700"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount)")
    try:
        monkeypatch.setenv("BREATH_TUI_HOME", str(home))
        with Journal() as journal:
            journal.import_checkins([make_checkin() for _ in range(3)])
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(home)], capture_output=True, check=False
        )
        if done.returncode:
            pytest.skip("cannot remount read-only here")
        yield home
    finally:
        subprocess.run(["umount", "-l", str(home)], check=False)


def test_read_only_folder_import_says_so_and_changes_nothing(
    read_only_home: Path, capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """Import into a read-only journal folder: exit 1, 'Read-only', nothing imported or lost."""
    before = (read_only_home / "journal.sqlite3").read_bytes()
    (tmp_path / "in.jsonl").write_text(_jsonl([make_checkin()]))
    status, out, err = _cli(capsys, "import", str(tmp_path / "in.jsonl"))
    assert (status, out) == (1, "")
    _assert_clear(err, "Read-only file system", "nothing was imported")
    assert (read_only_home / "journal.sqlite3").read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "marker"),
    [
        (["history", "--plain"], "\nCheck-in, "),
        (["export"], '"kind": "checkin"'),
        (["export", "--format", "md"], ": check-in\n"),
    ],
)
def test_read_only_folder_can_still_be_read_and_exported(
    read_only_home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], marker: str
) -> None:
    """history and export only read: on a read-only journal folder they work (exit 0, all
    three check-ins), so a person can always get their journal out; nothing is changed."""
    before = (read_only_home / "journal.sqlite3").read_bytes()
    status, out, err = _cli(capsys, *argv)
    assert (status, err) == (0, "")
    assert f"\n{out}".count(marker) == 3
    assert (read_only_home / "journal.sqlite3").read_bytes() == before


def test_read_only_folder_forget_says_so(
    read_only_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """forget on a read-only journal folder: exit 1, one clear message, nothing lost."""
    before = (read_only_home / "journal.sqlite3").read_bytes()
    status, _, err = _cli(capsys, "forget", "--yes")
    assert status == 1
    _assert_clear(err, "Read-only file system")
    assert (read_only_home / "journal.sqlite3").read_bytes() == before


COMMANDS = [
    ["history", "--plain"],
    ["export"],
    ["export", "--format", "md", "-o", "out.md"],
    ["import", "in.jsonl"],
    ["forget", "--yes"],
    ["breathe", "--plain", "--cycles", "1"],
    ["patterns"],
    [],
]


@pytest.fixture
def home_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """BREATH_TUI_HOME names an ordinary file with something in it."""
    home = tmp_path / "not-a-folder"
    home.write_text("my own notes\n")
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text(
        '{"schema": 1, "id": "00000000-0000-4000-8000-00000000abcd", '
        '"started_at": "2024-05-01T09:30:00+01:00", "kind": "quick"}\n'
    )
    return home


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: " ".join(argv) or "(none)")
def test_home_that_is_a_file_is_exit_2_naming_it(
    home_is_a_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Every command: exit 2, two lines naming BREATH_TUI_HOME and the file, the file untouched."""
    status, out, err = _cli(capsys, *argv)
    assert (status, out) == (2, "")
    _assert_clear(err, "BREATH_TUI_HOME", str(home_is_a_file), "not a folder")
    assert home_is_a_file.read_text() == "my own notes\n"
    assert not (home_is_a_file.parent / "out.md").exists()


def test_home_that_is_a_file_in_a_real_process(home_is_a_file: Path) -> None:
    """`python -m breath_tui history` with such a home: exit 2, no traceback, a plain message."""
    done = subprocess.run(
        [sys.executable, "-m", "breath_tui", "import", "in.jsonl"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=home_is_a_file.parent,
        env={**os.environ, "BREATH_TUI_HOME": str(home_is_a_file)},
    )
    assert (done.returncode, done.stdout) == (2, "")
    _assert_clear(done.stderr, "is a file, not a folder")
    assert home_is_a_file.read_text() == "my own notes\n"


def test_a_home_path_holding_escapes_is_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """BREATH_TUI_HOME naming a file whose name holds ESC and BEL: the error shows them as
    escapes, so the name cannot drive the terminal."""
    home = tmp_path / "x\x1b]0;owned\x07y"
    home.write_text("")
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    status, _, err = _cli(capsys, "history", "--plain")
    assert status == 2 and "\x1b" not in err and "\x07" not in err
    assert "x\\x1b]0;owned\\x07y" in err


def test_every_command_shows_paths_holding_escapes_escaped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
) -> None:
    """A folder name holding ESC and BEL, in what import (the open-folder warning), forget
    (asking, deleting, nothing to delete) and sounds --out print: shown as escapes, never sent."""
    hostile = tmp_path / "x\x1b]0;PWN\x07"
    hostile.mkdir(mode=0o755)
    os.chmod(hostile, 0o755)
    monkeypatch.setenv("BREATH_TUI_HOME", str(hostile))
    (tmp_path / "in.jsonl").write_text(_jsonl([make_checkin()]))
    said = []
    for argv in (
        ["import", str(tmp_path / "in.jsonl")],
        ["forget", "--yes"],
        ["forget", "--yes"],
        ["sounds", "--out", str(hostile / "cues")],
    ):
        status, out, err = _cli(capsys, *argv)
        assert status == 0, (argv, err)
        said.append(out + err)
    assert "mode 0755" in said[0] and "Deleted the journal" in said[1]
    assert "no journal" in said[2] and "Wrote 8 cue sounds" in said[3]
    for text in said:
        assert "\x1b" not in text and "\x07" not in text, text
        assert "x\\x1b]0;PWN\\x07" in text, text
