"""Helpers for real ALSA playback captured to files (ALSA_CONFIG_PATH moves the default).

ALSA's file plugin writes what is played to a WAV, over a null device, so no sound card is
needed. With `truncate false` each new stream gets its own file (cue.wav, cue.wav.0001, ...),
which is how one captured stream per cue is counted.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
import wave
from array import array
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
SYSTEM_ALSA_CONF = Path("/usr/share/alsa/alsa.conf")


def alsa_available() -> bool:
    try:
        ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    return SYSTEM_ALSA_CONF.exists()


requires_alsa = pytest.mark.skipif(not alsa_available(), reason="needs ALSA (libasound2)")


@dataclass
class Captured:
    """One captured stream."""

    path: Path
    seconds: float
    peak: int
    samples: array

    def crossings(self, part: slice) -> int:
        chunk = self.samples[part]
        return sum(1 for a, b in pairwise(chunk) if (a < 0) != (b < 0))

    def pitch_rises(self) -> bool:
        third = len(self.samples) // 3
        return self.crossings(slice(-third, None)) > self.crossings(slice(0, third))


def read_capture(path: Path) -> Captured:
    with wave.open(str(path), "rb") as reader:
        assert reader.getsampwidth() == 2, f"{path}: expected 16-bit"
        frames = reader.readframes(reader.getnframes())
        channels, rate = reader.getnchannels(), reader.getframerate()
    samples = array("h", frames)[::channels]
    # aplay pads the last period with silence; measure the sound itself.
    audible = [i for i, s in enumerate(samples) if abs(s) > 50]
    if audible:
        samples = samples[audible[0] : audible[-1] + 1]
    peak = max((abs(s) for s in samples), default=0)
    return Captured(path, len(samples) / rate, peak, samples)


def captured(folder: Path) -> list[Captured]:
    """The streams in the order they were opened: cue.wav, cue.wav.0001, cue.wav.0002, ..."""
    return [read_capture(p) for p in sorted(folder.glob("cue.wav*"))]


def set_backend(env: dict[str, str], backend: str, volume: float | None = None) -> None:
    home = Path(env["BREATH_TUI_HOME"])
    home.mkdir(exist_ok=True)
    extra = "" if volume is None else f"volume = {volume}\n"
    (home / "config.toml").write_text(f'[sound]\nbackend = "{backend}"\n{extra}')


def run_session(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`breath-tui breathe --plain` from this venv, with a bounded wait."""
    return subprocess.run(
        [str(BIN / "breath-tui"), "breathe", "--plain", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def has_simpleaudio() -> bool:
    if sys.version_info >= (3, 12):
        return False
    try:
        import simpleaudio  # noqa: F401
    except ImportError:
        return False
    return True


def has_aplay() -> bool:
    return shutil.which("aplay") is not None


def has_miniaudio() -> bool:
    try:
        import miniaudio  # noqa: F401
    except ImportError:
        return False
    return True


def has_alsa_player() -> bool:
    """Whether any backend that auto may choose can reach ALSA here."""
    return has_miniaudio() or has_simpleaudio() or has_aplay()
