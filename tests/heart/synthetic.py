"""Synthetic RR recordings of the stepped protocol, with a known resonance rate.

The heart rate oscillates with the breath (rising on the breath in, falling on the breath out),
and the oscillation's amplitude peaks at the planted rate: a Gaussian in breaths a minute, with
a floor so that every rate still swings a little. Beats come from integrating the heart rate
(the integral pulse frequency model), so intervals follow the rate as a real heart's do. Noise
is added to each interval, then artifacts are planted where asked: a missed beat (two intervals
joined), an extra beat (one split in two), an ectopic beat (a premature beat and its pause).

Pure Python with `random.Random(seed)`: bench/heart_bench.py uses it too.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from breath_tui.core.heart.protocol import SteppedProtocol

ARTIFACT_KINDS = ("missed", "extra", "ectopic")


@dataclass(frozen=True)
class Planted:
    """An artifact planted at an interval index, and its kind."""

    index: int
    kind: str


def heart_rate_at(
    t: float,
    protocol: SteppedProtocol,
    resonance: float,
    base_bpm: float,
    peak_swing_bpm: float,
    width: float = 0.6,
    floor: float = 0.2,
) -> float:
    """The synthetic heart rate at protocol time t (seconds)."""
    segments = protocol.segments
    segment = segments[min(int(t // (protocol.minutes_each * 60)), len(segments) - 1)]
    gain = floor + (1 - floor) * math.exp(-(((segment.rate - resonance) / width) ** 2))
    phase = ((t - segment.start_s) % segment.breath_s) / segment.breath_s
    # A sine whose rising half falls in the breath in (the first 40% of each breath), roughly.
    return base_bpm + gain * peak_swing_bpm / 2 * math.sin(2 * math.pi * (phase - 0.1))


def clean_intervals(
    protocol: SteppedProtocol,
    resonance: float,
    *,
    base_bpm: float = 65.0,
    peak_swing_bpm: float = 14.0,
    noise_ms: float = 8.0,
    seed: int = 0,
    extra_seconds: float = 5.0,
) -> list[float]:
    """RR intervals in ms covering the protocol (plus a few seconds), with Gaussian noise."""
    rng = random.Random(seed)
    intervals: list[float] = []
    t, phase, step = 0.0, 0.0, 0.01
    end = protocol.duration_s + extra_seconds
    last_beat = 0.0
    while t < end:
        per_second = heart_rate_at(t, protocol, resonance, base_bpm, peak_swing_bpm) / 60
        phase += per_second * step
        t += step
        if phase >= 1.0:
            phase -= 1.0
            # The beat fell inside this step: place it where the phase crossed 1.
            beat = t - phase / per_second
            intervals.append((beat - last_beat) * 1000 + rng.gauss(0, noise_ms))
            last_beat = beat
    return intervals


def plant(intervals: Sequence[float], where: Sequence[Planted]) -> list[float]:
    """The intervals with artifacts planted at the given (original) indexes."""
    out = list(intervals)
    # From the end backwards, so that joining or splitting keeps earlier indexes valid.
    for artifact in sorted(where, key=lambda a: a.index, reverse=True):
        i = artifact.index
        if artifact.kind == "missed":
            out[i : i + 2] = [out[i] + out[i + 1]]
        elif artifact.kind == "extra":
            out[i : i + 1] = [out[i] * 0.45, out[i] * 0.55]
        elif artifact.kind == "ectopic":
            early = out[i] * 0.3
            out[i], out[i + 1] = out[i] - early, out[i + 1] + early
        else:
            raise ValueError(artifact.kind)
    return out


def indexes_in_segment(
    intervals: Sequence[float], protocol: SteppedProtocol, segment: int, count: int, seed: int = 0
) -> list[int]:
    """`count` interval indexes inside a segment, at least 4 apart, away from its edges."""
    start, end = protocol.segments[segment].start_s + 10, protocol.segments[segment].end_s - 10
    times, t = [], 0.0
    for rr in intervals:
        t += rr / 1000
        times.append(t)
    inside = [i for i, at in enumerate(times) if start <= at <= end and i + 2 < len(intervals)]
    rng = random.Random(seed)
    chosen: list[int] = []
    for i in rng.sample(inside, len(inside)):
        if all(abs(i - other) >= 4 for other in chosen):
            chosen.append(i)
        if len(chosen) == count:
            break
    return sorted(chosen)


def recording_text(intervals: Sequence[float], header: str = "# synthetic RR, ms") -> str:
    """The intervals as an RR text file, one per line."""
    return "\n".join([header, *(f"{rr:.0f}" for rr in intervals)]) + "\n"
