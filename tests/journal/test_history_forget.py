"""`breath-tui history --plain` shows text as text; `breath-tui forget` deletes only when sure."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import CheckIn
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 250-column terminal, so no cell wraps (shutil.get_terminal_size reads COLUMNS)."""
    monkeypatch.setenv("COLUMNS", "250")


def test_history_lists_newest_first_with_all_columns(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """One block per check-in, newest first: kind and date, then one labelled field per line."""
    with Journal() as journal:
        journal.import_checkins([make_checkin(note="first"), make_checkin(note="second")])
    blocks = run(capsys, "history", "--plain")[1].split("\n\n")
    assert blocks[0].splitlines() == [
        "Check-in, Thu 2 May 2024, 09:30",
        "Tension: 7 before, 4 after (3 lower)",
        "Breathing: resonance, 12 breaths in 2 minutes, 6 breaths a minute",
        "Body: shoulders: tension, tightness (6/10)",
        "Feelings: I feel disappointed and a little ashamed.",
        "Note: second",
    ]
    assert blocks[1].splitlines()[0] == "Check-in, Wed 1 May 2024, 09:30"


def test_markup_in_a_note_is_shown_literally(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """[bold] and [@click=...] in a note are printed as typed, not interpreted."""
    with Journal() as journal:
        journal.add(make_checkin(note="[bold]loud[/bold] [@click=app.quit]x[/]"))
    assert "[bold]loud[/bold] [@click=app.quit]x[/]" in run(capsys, "history", "--plain")[1]


def test_escape_sequences_are_shown_escaped_never_raw(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """A note holding ESC, CSI (U+009B) or a bidi override is shown escaped; no raw byte leaves."""
    with Journal() as journal:
        journal.add(make_checkin(note="a\x1b]0;pwned\x07b\x9b2Jc\u202ed"))
    out = run(capsys, "history", "--plain")[1]
    assert "a\\x1b]0;pwned\\x07b\\x9b2Jc\\u202ed" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")


def test_history_of_an_empty_journal(capsys: pytest.CaptureFixture[str], breath_home: Path) -> None:
    """No journal yet: a kind line, exit 0, and no journal file made just to say so."""
    assert run(capsys, "history", "--plain") == (0, "No check-ins yet.\n", "")
    assert not (breath_home / "journal.sqlite3").exists()


def test_history_ends_with_trends_and_what_helps(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """After the table: tension sparklines, tense regions, frequent feelings and what helps, with counts."""
    with Journal() as journal:
        journal.import_checkins([make_checkin() for _ in range(3)])
    out = run(capsys, "history", "--plain")[1]
    assert "Tension 0-10 over 3 check-ins, oldest first" in out
    assert "shoulders: tense 3 of 3 times" in out
    assert "disappointed" in out.split("Feelings most often named")[1]
    assert "resonance: tension 3.0 lower on average, 3 times" in out


def test_what_helps_says_too_few_to_tell_under_three(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """With two check-ins, the figures say there are too few to tell rather than an average."""
    with Journal() as journal:
        journal.import_checkins([make_checkin(), make_checkin()])
    assert "resonance: too few to tell (2 times)" in run(capsys, "history", "--plain")[1]


def test_a_long_note_is_printed_whole_and_its_lines_indented(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """Nothing is wrapped mid-word (a reader reads it line by line); a note's later lines are
    indented under it, so they are not taken for fields."""
    word = "MARKUP-LITERAL" * 500
    with Journal() as journal:
        journal.add(make_checkin(note=f"{word}\nsecond line"))
    out = run(capsys, "history", "--plain")[1]
    assert f"Note: {word}\n  second line\n" in out


def _write_journal() -> Path:
    with Journal() as journal:
        journal.save_step(journal.start_checkin(), note="to be forgotten")
        return journal.path


def test_forget_yes_deletes_the_journal_and_side_files(capsys: pytest.CaptureFixture[str]) -> None:
    """--yes deletes journal.sqlite3 and its -wal/-shm files without asking."""
    path = _write_journal()
    Path(f"{path}-wal").write_bytes(b"")  # as if another copy still had it open
    assert run(capsys, "forget", "--yes")[0] == 0
    assert list(path.parent.glob("journal.sqlite3*")) == []


def test_forget_without_a_terminal_or_yes_refuses(breath_home: Path) -> None:
    """No tty and no --yes: exit 2, a clear line, nothing deleted."""
    path = _write_journal()
    result = subprocess.run(
        [sys.executable, "-m", "breath_tui", "forget"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "standard input is not a terminal" in result.stderr and "--yes" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.exists()


class FakeTerminal(io.StringIO):
    """Standard input that says it is a terminal and holds the person's answer."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("answer", "deleted"),
    [("yes\n", True), ("y\n", True), ("no\n", False), ("\n", False), ("", False)],
)
def test_forget_asks_and_deletes_only_on_yes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    deleted: bool,
) -> None:
    """On a terminal forget asks (naming the count); only yes deletes. End of input means no."""
    path = _write_journal()
    monkeypatch.setattr(sys, "stdin", FakeTerminal(answer))
    status, _, err = run(capsys, "forget")
    assert status == 0 and "journal.sqlite3, with 1 check-in?" in err and "cannot be undone" in err
    assert path.exists() is not deleted


def test_forget_with_no_journal_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing to delete: exit 0 and a line saying there is no journal."""
    status, out, _ = run(capsys, "forget", "--yes")
    assert status == 0 and "There is no journal" in out


def test_forget_ignores_files_that_are_not_the_journal(
    capsys: pytest.CaptureFixture[str], breath_home: Path
) -> None:
    """A backup named journal.sqlite3.bak is not the journal: nothing to delete, and it stays."""
    breath_home.mkdir(mode=0o700)
    backup = breath_home / "journal.sqlite3.bak"
    backup.write_text("mine")
    status, out, _ = run(capsys, "forget", "--yes")
    assert status == 0 and "There is no journal" in out and backup.exists()
