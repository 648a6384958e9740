"""Real playback through ALSA, captured to files; and a machine with no sound card."""

from __future__ import annotations

from pathlib import Path

import pytest
from alsa_capture import (
    captured,
    has_alsa_player,
    has_aplay,
    has_miniaudio,
    has_simpleaudio,
    read_capture,
    requires_alsa,
    run_session,
    set_backend,
)

pytestmark = requires_alsa

REPO = Path(__file__).resolve().parents[2]

SESSION = ("--pattern", "4-0-6", "--cycles", "2")
PHASES = ["in", "out", "in", "out"]
BACKENDS = [
    pytest.param(
        "miniaudio", marks=pytest.mark.skipif(not has_miniaudio(), reason="miniaudio not installed")
    ),
    pytest.param(
        "simpleaudio",
        marks=pytest.mark.skipif(not has_simpleaudio(), reason="simpleaudio not usable here"),
    ),
    pytest.param("aplay", marks=pytest.mark.skipif(not has_aplay(), reason="no aplay")),
    pytest.param(
        "auto", marks=pytest.mark.skipif(not has_alsa_player(), reason="no player for ALSA here")
    ),
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_phase_plays_one_cue_through_alsa(capture_env, backend):
    """A 2-breath session plays one non-silent stream per phase, then the end bell, in order:
    rising cues for breathe in, falling for breathe out."""
    env, folder = capture_env
    set_backend(env, backend)
    result = run_session(env, *SESSION)
    assert result.returncode == 0, result.stderr
    assert "Cues" not in result.stdout  # no notice: sound worked
    streams = captured(folder)
    assert len(streams) == len(PHASES) + 1, [s.path.name for s in streams]
    for stream, phase in zip(streams, PHASES, strict=False):
        assert stream.peak > 0.1 * 32768, f"{stream.path.name} is (nearly) silent"
        assert 0.6 <= stream.seconds <= 0.8
        assert stream.pitch_rises() == (phase == "in"), stream.path.name
    end = streams[-1]
    assert end.peak > 0.1 * 32768 and end.seconds >= 1.5


@pytest.mark.parametrize("backend", BACKENDS[:3])
def test_every_backend_plays_at_the_volume_set(capture_env, backend):
    """[sound] volume scales what reaches ALSA: at 0.3 the captured peak is 0.3 of the cue's."""
    env, folder = capture_env
    set_backend(env, backend, volume=0.3)
    result = run_session(env, "--pattern", "4-0-6", "--cycles", "1")
    assert result.returncode == 0, result.stderr
    cue_peak = read_capture(REPO / "sounds" / "in.wav").peak
    played = captured(folder)[0].peak
    assert played == pytest.approx(0.3 * cue_peak, abs=2)


def test_muted_session_plays_nothing(capture_env):
    """--no-sound opens no audio stream at all."""
    env, folder = capture_env
    result = run_session(env, "--pattern", "4-0-6", "--cycles", "1", "--no-sound")
    assert result.returncode == 0
    assert captured(folder) == []


@pytest.mark.parametrize("default_pcm", ["{ type hw; card 7 }", '"hw:7"'])
@pytest.mark.parametrize("backend", ["auto", "miniaudio", "simpleaudio", "aplay"])
def test_no_sound_card_runs_silently_without_alsa_text(alsa_env, default_pcm, backend):
    """With ALSA's default on a card that does not exist, the session completes (exit 0), every
    phase line is shown, one notice says cues are silent, and no ALSA text reaches the terminal."""
    env = alsa_env(default_pcm)
    set_backend(env, backend)
    result = run_session(env, "--pattern", "4-0-6", "--cycles", "1")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "ALSA" not in output and "Traceback" not in output
    assert result.stdout.count("Cues are silent") == 1
    assert "Breathe in" in result.stdout and "Breathe out" in result.stdout
    assert result.stderr == ""
