"""The full-screen guide plays the same cues as plain mode: captured through ALSA from a real pty."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
import time

import pytest
from alsa_capture import BIN, captured, has_alsa_player, requires_alsa

pytestmark = requires_alsa


def run_tui(env: dict[str, str], *args: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """Run `breath-tui breathe ARGS` on an 80x24 pty; press Enter at the summary; return status and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [str(BIN / "breath-tui"), "breathe", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**env, "TERM": "xterm-256color"},
    )
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + timeout
    pressed = False
    try:
        while process.poll() is None and time.monotonic() < deadline:
            try:
                chunk = os.read(master, 65536) if _readable(master) else b""
            except OSError:
                break
            output.extend(chunk)
            if not pressed and b"Finished" in output:
                os.write(master, b"\r")
                pressed = True
        return process.wait(timeout=5), bytes(output)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def _readable(fd: int) -> bool:
    import select

    return bool(select.select([fd], [], [], 0.05)[0])


@pytest.mark.skipif(
    not has_alsa_player(), reason="no player for ALSA here (miniaudio, simpleaudio, aplay)"
)
def test_full_screen_session_plays_one_cue_per_phase(capture_env):
    """A 2-breath session in the full-screen guide yields in, out, in, out and the end bell."""
    env, folder = capture_env
    status, output = run_tui(env, "--pattern", "4-0-6", "--cycles", "2")
    assert status == 0
    assert b"Finished: 2 breaths" in output
    streams = captured(folder)
    assert len(streams) == 5, [s.path.name for s in streams]
    assert [s.pitch_rises() for s in streams[:4]] == [True, False, True, False]
    assert all(s.peak > 0.1 * 32768 for s in streams)


def test_full_screen_without_sound_card_says_so_once_and_shows_no_alsa_text(alsa_env):
    """No sound card: the guide runs to the end, one quiet notice, no ALSA error text on screen."""
    env = alsa_env('"hw:7"')
    status, output = run_tui(env, "--pattern", "4-0-6", "--cycles", "1")
    assert status == 0
    assert b"ALSA" not in output
    assert b"Cues are silent" in output
