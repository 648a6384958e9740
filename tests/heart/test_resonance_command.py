"""`breath-tui resonance --analyse FILE`: the report, its last line, and exit 2 on bad files."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from breath_tui.cli import main
from breath_tui.core.heart.protocol import SteppedProtocol
from tests.heart.synthetic import (
    Planted,
    clean_intervals,
    indexes_in_segment,
    plant,
    recording_text,
)

needs_extra = pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in ("numpy", "scipy")),
    reason="the heart extra (numpy, scipy) is not installed",
)


@pytest.fixture
def recording(tmp_path):
    """A 10-minute recording, resonance planted at 5 a minute, with two missed beats."""
    protocol = SteppedProtocol()
    clean = clean_intervals(protocol, 5.0, seed=2)
    where = indexes_in_segment(clean, protocol, 1, 2)
    path = tmp_path / "rr.txt"
    path.write_text(recording_text(plant(clean, [Planted(i, "missed") for i in where])))
    return path


@needs_extra
def test_analyse_prints_a_table_and_ends_with_the_resonance_line(recording, capsys):
    """The report has a row per rate and its last line names the planted rate."""
    assert main(["resonance", "--analyse", str(recording), "--plain"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "Resonance rate: 5 breaths a minute"
    assert any("Not a medical device" in line for line in lines)
    assert sum(1 for line in lines if line.strip().startswith("6.5 ")) == 2  # row and bar


@needs_extra
def test_rates_and_minutes_each_change_the_protocol(tmp_path, capsys):
    """--rates 6,5 --minutes-each 3 analyses two 3-minute segments."""
    protocol = SteppedProtocol(rates=(6.0, 5.0), minutes_each=3.0)
    path = tmp_path / "rr.txt"
    path.write_text(recording_text(clean_intervals(protocol, 6.0)))
    argv = ["resonance", "--analyse", str(path), "--rates", "6,5", "--minutes-each", "3"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "Resonance rate: 6 breaths a minute"
    assert "5.5" not in out


@needs_extra
def test_a_recording_too_short_exits_2_saying_so(tmp_path, capsys):
    """Five minutes of beats for the default ten-minute protocol: exit 2, one line saying so."""
    path = tmp_path / "short.txt"
    path.write_text(recording_text(clean_intervals(SteppedProtocol(rates=(6, 5.5)), 6.0)))
    assert main(["resonance", "--analyse", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "short.txt" in err[0] and "need 10 minutes" in err[0]


def test_a_bad_line_exits_2_naming_file_and_line(tmp_path, capsys):
    """A line that is not a number: exit 2 naming the file and line, no traceback."""
    path = tmp_path / "rr.txt"
    path.write_text("# export\n812\nabout 800\n")
    assert main(["resonance", "--analyse", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}, line 3" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["resonance", "--analyse", "x", "--rates", "6,twelve"], "--rates"),
        (["resonance", "--analyse", "x", "--rates", "12"], "--rates"),
        (["resonance", "--analyse", "x", "--minutes-each", "0"], "--minutes-each"),
        (["resonance", "--analyse", "x", "--minutes-each", "two"], "--minutes-each"),
        (["resonance", "--sensor", "wifi"], "--sensor"),
        (["resonance", "--sensor", "ble", "--analyse", "x"], "do not go together"),
        (["resonance"], "--analyse FILE"),
    ],
)
def test_bad_options_exit_2_with_one_line_naming_the_option(argv, fragment, capsys):
    """Each bad option: exit 2 and one stderr line that names it."""
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0]


def test_sensor_with_a_missing_recording_exits_2_naming_it(tmp_path, capsys):
    """--sensor replay:FILE of a file not there: one line naming it, exit 2."""
    missing = tmp_path / "gone.txt"
    assert main(["resonance", "--sensor", f"replay:{missing}@4"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gone.txt" in err[0]


@needs_extra
def test_the_live_assessment_without_a_terminal_says_so(recording, capsys):
    """--sensor replay:FILE from a pipe: the assessment is full screen, so exit 2 saying so."""
    assert main(["resonance", "--sensor", f"replay:{recording}@4", "--minutes-each", "1"]) == 2
    assert "not a terminal" in capsys.readouterr().err


def test_the_live_assessment_without_the_extra_is_one_line(recording, capsys, monkeypatch):
    """--sensor without numpy or scipy: exit 1 and one line naming the extra."""
    monkeypatch.setitem(sys.modules, "numpy", None)
    assert main(["resonance", "--sensor", f"replay:{recording}"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'breath-tui[heart]'" in err[0]


def test_missing_extra_is_one_line_naming_it(recording, capsys, monkeypatch):
    """Without numpy or scipy: exit 1 and one line naming pip install 'breath-tui[heart]'."""
    monkeypatch.setitem(sys.modules, "scipy", None)
    assert main(["resonance", "--analyse", str(recording)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'breath-tui[heart]'" in err[0]
