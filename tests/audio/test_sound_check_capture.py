"""`breath-tui sounds --check` through real ALSA: one cue captured, one line; no card, one line."""

from __future__ import annotations

import subprocess

import pytest
from alsa_capture import BIN, captured, has_aplay, has_miniaudio, requires_alsa, set_backend

pytestmark = requires_alsa


def check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "breath-tui"), "sounds", "--check", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not has_miniaudio(), reason="miniaudio not installed")
def test_check_plays_the_in_cue_once_and_names_miniaudio_and_the_device(capture_env):
    """auto's choice on a bare ALSA machine is miniaudio: one rising, non-silent stream, one line."""
    env, folder = capture_env
    result = check(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Played with miniaudio (ALSA, default)\n"
    assert result.stderr == ""
    (stream,) = captured(folder)
    assert stream.peak > 0.1 * 32768 and stream.pitch_rises()
    assert 0.6 <= stream.seconds <= 0.8


@pytest.mark.skipif(not has_aplay(), reason="no aplay")
def test_check_with_a_named_backend_uses_only_that_one(capture_env):
    """--backend aplay plays through aplay even where miniaudio would be chosen."""
    env, folder = capture_env
    result = check(env, "--backend", "aplay")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Played with aplay (ALSA, default)\n"
    assert len(captured(folder)) == 1


def test_check_follows_the_backend_setting(capture_env):
    """[sound] backend = "paplay" without a sound server: exit 1, one line saying why and the fix."""
    env, folder = capture_env
    set_backend(env, "paplay")
    result = check(env)
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("No sound: ") and "To fix: " in line
    assert captured(folder) == []


@pytest.mark.parametrize("backend", [(), ("--backend", "miniaudio")])
def test_check_without_a_sound_card_says_why_in_one_line(alsa_env, backend):
    """No card: exit 1, one line naming the reason and the fix, and no ALSA text at all."""
    result = check(alsa_env('"hw:7"'), *backend)
    assert result.returncode == 1
    assert result.stdout.startswith("No sound: no sound device could be opened. To fix: ")
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ""
