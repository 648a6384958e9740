"""The cue sounds, synthesised with pydub: `breath-tui sounds` and `make sounds` write them.

Each cue is a few sine partials (a fundamental and some quieter harmonics, or a bell's inharmonic
partials), shaped by fades so that nothing clicks, and set to a peak below -3 dBFS. Breathe in
glides up a fifth, breathe out glides down, a hold is a quiet short tick, the end is a soft bell.
Everything is computed from fixed numbers, so making the sounds twice gives identical files.

This module imports pydub when it is imported: only the `sounds` command and tests import it.
The app itself plays the WAV files it wrote (library.py), with no pydub at all.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from breath_tui.core.settings import CUE_NAMES, CUE_STYLES, DEFAULT_CUE_STYLE

# pydub looks for ffmpeg when imported and warns if it is missing. Writing WAV needs no ffmpeg,
# so that one warning (and only it) is silenced here.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore",
        message="Couldn't find ffmpeg or avconv",
        category=RuntimeWarning,
        module="pydub.utils",
    )
    from pydub import AudioSegment as AudioSegment  # type: ignore[import-untyped]  # own.py uses it
    from pydub.generators import SignalGenerator  # type: ignore[import-untyped]

SAMPLE_RATE = 44100


class Partial(SignalGenerator):  # type: ignore[misc]  # pydub has no type hints
    """One sine partial whose pitch glides exponentially and whose level decays exponentially.

    Args:
        start_hz: frequency at the start.
        end_hz: frequency after `glide_seconds` (it stays there after).
        glide_seconds: how long the glide takes.
        decay: amplitude falls as exp(-decay * t); 0 holds it steady.
    """

    def __init__(self, start_hz: float, end_hz: float, glide_seconds: float, decay: float = 0.0):
        super().__init__(sample_rate=SAMPLE_RATE, bit_depth=16)
        self.start_hz, self.end_hz = start_hz, end_hz
        self.glide_seconds, self.decay = glide_seconds, decay

    def generate(self) -> Iterator[float]:
        """Samples in -1..1; the phase is accumulated so a glide has no jumps."""
        phase, step = 0.0, 1.0 / self.sample_rate
        ratio = self.end_hz / self.start_hz
        sample = 0
        while True:
            t = sample * step
            hz = self.start_hz * ratio ** min(1.0, t / self.glide_seconds)
            yield math.sin(phase) * math.exp(-self.decay * t)
            phase = (phase + 2 * math.pi * hz * step) % (2 * math.pi)
            sample += 1


@dataclass(frozen=True)
class Voice:
    """How one cue is made: partials as (frequency ratio, level in dB, decay per second)."""

    start_hz: float
    end_hz: float
    seconds: float
    partials: tuple[tuple[float, float, float], ...]
    fade_in_ms: int
    fade_out_ms: int
    """Fades of at most 100 ms: pydub steps the gain per sample up to 100 ms, per millisecond
    beyond, and millisecond steps add a faint 1 kHz buzz."""
    peak_dbfs: float


# A slow decay lets a glide fade like an out-breath; the higher partials fade a little sooner.
HARMONIC = ((1.0, 0.0, 1.2), (2.0, -16.0, 1.8), (3.0, -26.0, 2.4))
BRIGHT = ((1.0, 0.0, 1.0), (2.0, -10.0, 1.5), (3.0, -15.0, 2.0), (4.0, -22.0, 2.5))
# A bell's partials are not whole multiples; the higher ones die away sooner.
BELL = (
    (1.0, 0.0, 1.6),
    (2.0, -7.0, 2.4),
    (2.76, -13.0, 3.5),
    (5.4, -21.0, 6.0),
    (8.93, -29.0, 9.0),
)

VOICES: dict[str, dict[str, Voice]] = {
    "soft": {
        "in": Voice(330.0, 495.0, 0.7, HARMONIC, 90, 100, -5.0),
        "out": Voice(495.0, 330.0, 0.7, HARMONIC, 90, 100, -5.0),
        "hold": Voice(784.0, 784.0, 0.3, ((1.0, 0.0, 30.0), (2.0, -14.0, 45.0)), 4, 60, -16.0),
        "end": Voice(523.25, 523.25, 2.2, BELL, 6, 100, -6.0),
    },
    "clear": {
        "in": Voice(440.0, 660.0, 0.6, BRIGHT, 50, 100, -4.0),
        "out": Voice(660.0, 440.0, 0.6, BRIGHT, 50, 100, -4.0),
        "hold": Voice(1046.5, 1046.5, 0.3, ((1.0, 0.0, 25.0), (2.0, -8.0, 40.0)), 3, 60, -11.0),
        "end": Voice(659.25, 659.25, 2.0, BELL, 5, 100, -4.0),
    },
}


def make_cue(cue: str, style: str = DEFAULT_CUE_STYLE) -> AudioSegment:
    """Synthesise one cue: 16-bit mono at 44.1 kHz.

    Args:
        cue: one of CUE_NAMES.
        style: one of CUE_STYLES.

    Raises:
        KeyError: an unknown cue or style.
    """
    voice = VOICES[style][cue]
    duration_ms = round(voice.seconds * 1000)
    mix = AudioSegment.silent(duration=duration_ms, frame_rate=SAMPLE_RATE)
    for ratio, level_db, decay in voice.partials:
        partial = Partial(voice.start_hz * ratio, voice.end_hz * ratio, voice.seconds, decay)
        # Each partial sits 8 dB down so their sum cannot clip before the final level is set.
        mix = mix.overlay(partial.to_audio_segment(duration=duration_ms, volume=level_db - 8.0))
    mix = mix.fade_in(voice.fade_in_ms).fade_out(voice.fade_out_ms)
    return mix.apply_gain(voice.peak_dbfs - mix.max_dBFS)


def cue_path(out_dir: Path, cue: str, style: str) -> Path:
    """Where a cue's WAV lives: the default style at the top of `out_dir`, others in subfolders."""
    folder = out_dir if style == DEFAULT_CUE_STYLE else out_dir / style
    return folder / f"{cue}.wav"


def write_cues(out_dir: Path) -> list[Path]:
    """Write every cue of every style as WAV under `out_dir`; return the paths written."""
    written = []
    for style in CUE_STYLES:
        for cue in CUE_NAMES:
            path = cue_path(out_dir, cue, style)
            path.parent.mkdir(parents=True, exist_ok=True)
            make_cue(cue, style).export(str(path), format="wav").close()
            written.append(path)
    return written
