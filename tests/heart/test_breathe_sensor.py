"""`breathe --sensor`: bad values exit 2 naming option or line, a missing extra is one line
(exit 1), and plain mode adds the heart rate to each phase line."""

from __future__ import annotations

import io
import sys

import pytest

from breath_tui.audio import SilentPlayer
from breath_tui.cli import main
from breath_tui.core.clock import ManualClock
from breath_tui.core.heart.breathing import BreathHeart
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import PRESETS
from breath_tui.heart.sensors import breathing_beats
from breath_tui.plain import run_plain


def test_a_bad_sensor_value_exits_2_naming_the_option(capsys):
    """--sensor wifi: exit 2, one message naming --sensor."""
    assert main(["breathe", "--plain", "--sensor", "wifi"]) == 2
    assert "--sensor" in capsys.readouterr().err


def test_a_replay_file_with_a_bad_line_exits_2_naming_the_line(tmp_path, capsys):
    """A recording whose third line is a word: exit 2 naming file and line 3."""
    path = tmp_path / "rr.txt"
    path.write_text("800\n810\nbeat\n")
    assert main(["breathe", "--plain", "--sensor", f"replay:{path}"]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "Traceback" not in err


def test_a_strap_without_the_heart_extra_is_one_line_and_exit_1(monkeypatch, capsys):
    """ble:ADDRESS without bleak: one line naming the extra, exit 1."""

    monkeypatch.setitem(sys.modules, "bleak", None)
    code = main(["breathe", "--plain", "--sensor", "ble:A0:9E:1A:12:34:56"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "pip install 'breath-tui[heart]'" in err[0]


def test_plain_phase_lines_carry_the_heart_rate():
    """With a heart fed beats, each phase line after the first beat ends '· NN bpm'."""
    clock = ManualClock()
    pacer = Pacer(PRESETS["resonance"], 3, start=0.0)
    heart = BreathHeart("fake", lambda t: pacer.state_at(t).cycle)
    beats = breathing_beats(0.0, 31.0, swing_bpm=10, breath_s=10)

    def sleep(seconds: float) -> None:
        clock.advance(seconds)
        while beats and beats[0].t <= clock.now():
            heart.feed(beats.pop(0))

    out = io.StringIO()
    run_plain(
        PRESETS["resonance"],
        pacer,
        clock,
        out,
        SilentPlayer(),
        sleep,
        suffix=lambda: (heart.phase_suffix(), []),
    )
    phases = [line for line in out.getvalue().splitlines() if line.startswith("Breathe")]
    assert len(phases) == 6
    assert " bpm" not in phases[0]
    assert all(line.split(" · ")[1].endswith(" bpm") for line in phases[1:])
    assert "swing" in phases[-1]


def test_plain_ble_lists_the_straps_found_and_takes_the_one_picked(monkeypatch):
    """`--sensor ble`: the straps found are listed (names as text), the number typed picks one."""
    pytest.importorskip("bleak")
    from breath_tui.core.clock import ManualClock
    from breath_tui.core.heart.sensor_option import parse_sensor_option
    from breath_tui.heart import ble
    from breath_tui.heart.source import source_for

    async def scan(timeout: float = 5.0, *, scanner=None):
        return [
            ble.StrapFound("Polar H10 1234", "A0:9E:1A:00:00:01", -50),
            ble.StrapFound("TICKR\x1b[2J", "A0:9E:1A:00:00:02", -70),
        ]

    monkeypatch.setattr(ble, "scan_straps", scan)
    out = io.StringIO()
    source = source_for(parse_sensor_option("ble"), ask=lambda prompt: "2", out=out)
    listed = out.getvalue()
    assert "optical wrist sensors" in listed
    assert "1  Polar H10 1234  A0:9E:1A:00:00:01 (-50 dBm)" in listed
    assert "TICKR\\x1b[2J" in listed and "\x1b" not in listed
    assert source.label == "TICKR\\x1b[2J A0:9E:1A:00:00:02"
    sensor = source.open(ManualClock())
    assert sensor.address == "A0:9E:1A:00:00:02"


def test_plain_ble_with_an_answer_not_on_the_list_is_bad_input(monkeypatch):
    """A number not on the list: BadInput naming --sensor (exit 2 on the command line)."""
    pytest.importorskip("bleak")
    from breath_tui.core.errors import BadInput
    from breath_tui.core.heart.sensor_option import parse_sensor_option
    from breath_tui.heart import ble
    from breath_tui.heart.source import source_for

    async def scan(timeout: float = 5.0, *, scanner=None):
        return [ble.StrapFound("a", "A0:9E:1A:00:00:01", None)] * 2

    monkeypatch.setattr(ble, "scan_straps", scan)
    with pytest.raises(BadInput, match="--sensor"):
        source_for(parse_sensor_option("ble"), ask=lambda prompt: "7", out=io.StringIO())
