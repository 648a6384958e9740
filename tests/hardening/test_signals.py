"""Ended from outside: SIGTERM (a shutdown, `kill`) and SIGHUP (the terminal window closed)
give the terminal back in its normal state and keep what was being typed, as unfinished."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from bench.pty_run import PtyProcess
from breath_tui.journal import Journal

BIN = Path(sys.executable).parent / "breath-tui"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal_and_keeps_the_note_typed(breath_home, signum) -> None:
    """A scan ended by a signal while its note is typed: the alternate screen and mouse
    reporting are switched off, and the regions and the half-typed note are in the journal,
    unfinished (home offers to resume it at the note)."""
    app = PtyProcess([str(BIN), "scan"], size=(80, 24), env={"BREATH_TUI_HOME": str(breath_home)})
    try:
        app.wait_for("Region 1 of 3")
        for key in (" ", "3", "n", "n"):  # shoulders: tension 3; stomach and chest passed
            app.write(key)
        app.wait_for("How does it feel?")
        app.write("d")  # no feelings
        app.wait_for("What helped")
        app.write("half a thought")
        app.wait_for("half a thought")
        app.process.send_signal(signum)
        assert app.process.wait(timeout=15) == 0
    finally:
        app.stop()
    tail = bytes(app.output)
    assert LEAVE_ALTERNATE_SCREEN in tail and MOUSE_OFF in tail
    assert b"Traceback" not in tail
    with Journal() as journal:
        (kept,) = journal.checkins()
        assert kept.status == "in_progress" and kept.kind == "scan"
        assert [(entry.region, entry.intensity) for entry in kept.body] == [("shoulders", 3)]
        assert kept.note == "half a thought"
        assert journal.next_step(kept.id) == "note"
