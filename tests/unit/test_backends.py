"""Backends: system players run quietly and are stopped or noticed; the bell rings the tty."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from breath_tui.audio.backends import (
    BellBackend,
    CommandBackend,
    CueFailed,
    probe_command,
)
from breath_tui.audio.library import Sound

SOUNDS = {"in": Sound(bytes(200), 1, 44100), "out": Sound(bytes(400), 1, 44100)}
WAIT = 10.0


def script(folder: Path, body: str) -> str:
    """A fake player: a shell script with `body`, its file argument in $1."""
    path = folder / "player"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def wait_idle(backend):
    process = backend._process
    if process is not None:
        process.wait(WAIT)


def test_system_player_gets_the_cue_file_and_its_output_goes_nowhere(tmp_path, capfd):
    """The player is run with the prepared WAV; its stdout and stderr never reach the terminal."""
    log = tmp_path / "args"
    player = script(tmp_path, f'echo "$1" > {log}; echo ALSA lib noise; echo ALSA lib err >&2')
    backend = CommandBackend("fake", [player], 0.03)
    backend.prepare(SOUNDS)
    backend.start("out")
    wait_idle(backend)
    backend.check()
    played = Path(log.read_text().strip())
    assert played.name == "out.wav" and played.read_bytes() == SOUNDS["out"].wav_bytes()
    assert "ALSA" not in "".join(capfd.readouterr())
    backend.release(0)


def test_prepared_files_are_private_and_removed_on_release(tmp_path):
    """The volume-scaled WAVs sit in a folder only we can open, deleted when the player closes."""
    backend = CommandBackend("fake", [script(tmp_path, "exit 0")], 0.03)
    backend.prepare(SOUNDS)
    folder = Path(backend._folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["in.wav", "out.wav"]
    backend.release(0)
    assert not folder.exists()


def test_a_player_that_exits_with_an_error_is_a_failure(tmp_path):
    """A player that fails by itself (no device) is reported by check() as CueFailed."""
    backend = CommandBackend("fake", [script(tmp_path, "exit 1")], 0.03)
    backend.prepare(SOUNDS)
    backend.start("in")
    wait_idle(backend)
    with pytest.raises(CueFailed, match="fake could not play them"):
        backend.check()
    backend.release(0)


def test_stop_ends_a_playing_cue_and_is_not_a_failure(tmp_path):
    """stop() terminates the player at once; its exit status then means nothing."""
    backend = CommandBackend("fake", [script(tmp_path, "exec sleep 30")], 0.03)
    backend.prepare(SOUNDS)
    backend.start("in")
    assert backend.busy()
    backend.stop()
    wait_idle(backend)
    assert not backend.busy()
    backend.check()
    backend.release(0)


def test_a_new_cue_replaces_the_one_playing(tmp_path):
    """start() ends the previous player first: cues never pile up."""
    backend = CommandBackend("fake", [script(tmp_path, "exec sleep 30")], 0.03)
    backend.prepare(SOUNDS)
    backend.start("in")
    first = backend._process
    backend.start("out")
    assert first.wait(WAIT) != 0
    assert backend.busy()
    backend.release(0)
    assert not backend.busy()


def test_a_player_that_cannot_start_is_a_failure(tmp_path):
    """A player that vanished from disk after the probe gives CueFailed, not OSError."""
    backend = CommandBackend("fake", [str(tmp_path / "missing")], 0.03)
    backend.prepare(SOUNDS)
    with pytest.raises(CueFailed, match="could not be started"):
        backend.start("in")
    backend.release(0)


def test_a_player_not_on_path_is_not_offered(monkeypatch):
    """probe_command says so when the player is not installed."""
    monkeypatch.setenv("PATH", "/nonexistent")
    argv, reason = probe_command("paplay")
    assert argv is None and reason == "paplay is not installed"


def test_paplay_needs_a_running_server(tmp_path, monkeypatch):
    """paplay on PATH but no PulseAudio socket: not offered, so auto moves on."""
    fake = Path(script(tmp_path, "exit 0"))
    fake.rename(tmp_path / "paplay")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    assert probe_command("paplay") == (None, "no PulseAudio server is running")
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    assert probe_command("paplay") == ([str(tmp_path / "paplay")], "")


def test_the_bell_writes_one_bel_per_cue():
    """The bell backend writes \\a to its terminal for each cue, and closes it on release."""
    read_end, write_end = os.pipe()
    bell = BellBackend(write_end)
    bell.start("in")
    bell.start("end")
    bell.release(0)
    assert os.read(read_end, 10) == b"\a\a"
    os.close(read_end)


def test_there_is_no_bell_without_a_terminal():
    """A process with no controlling terminal (a pipe, a service) gets no bell backend."""
    code = "from breath_tui.audio.backends import probe_bell; print(probe_bell())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal in the child
    )
    assert result.stdout.strip() == "(None, 'there is no terminal to ring')"


def test_the_bell_rings_on_the_controlling_terminal():
    """In a process whose terminal is a pty, a cue writes BEL to that terminal."""
    code = (
        "import os, sys\n"
        "os.setsid()\n"
        "os.close(os.open(sys.argv[1], os.O_RDWR))  # the pty becomes the controlling terminal\n"
        "from breath_tui.audio.backends import BellBackend, probe_bell\n"
        "fd, reason = probe_bell()\n"
        "bell = BellBackend(fd)\n"
        "bell.start('in')\n"
        "bell.release(0)\n"
    )
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, os.ttyname(follower)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert b"\a" in os.read(leader, 100)
    finally:
        os.close(leader)
        os.close(follower)
