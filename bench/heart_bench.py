"""Heart-rate biofeedback: the resonance analysis and the live tracker, beside references.

- analysis: analyse_beats() of a 10-minute stepped-protocol recording (synthetic, resonance at
  5.5 a minute, 8 ms of noise, six planted artifacts): artifact correction, swings, Welch LF
  power and RMSSD for five rates. Reference: one Welch spectrum of the same 10 minutes resampled
  at 4 Hz, the least any spectral analysis of it costs. Target: under 100 ms, so the result is
  on screen as the assessment ends.
- first import: a fresh interpreter importing the analysis (numpy and scipy) against one
  importing only core.heart: the pause the first analysis of a run adds. Reported, no target.
- tracker: HeartTracker per beat over the same recording with a boundary per breath, against a
  bare loop turning each interval into beats a minute. Target: under 50 µs a beat (a strap sends
  about one a second, so the live heart line costs nothing measurable).

Each timing is the best of a few runs. Run alone: `python -m bench.heart_bench`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from bench.common import Row
from breath_tui.core.heart.events import Beat
from breath_tui.core.heart.protocol import SteppedProtocol
from breath_tui.core.heart.tracker import HeartTracker
from tests.heart.synthetic import Planted, clean_intervals, indexes_in_segment, plant

RUNS = 7
ANALYSIS_TARGET_MS = 100.0
TRACKER_TARGET_US = 50.0


def sample_recording() -> tuple[list[float], list[float]]:
    """Beat times (s) and intervals (ms) of 10 minutes of the default protocol, with artifacts."""
    protocol = SteppedProtocol()
    clean = clean_intervals(protocol, 5.5, noise_ms=8.0, seed=7)
    planted = [
        Planted(index, kind)
        for segment, kind in ((0, "missed"), (2, "extra"), (4, "ectopic"))
        for index in indexes_in_segment(clean, protocol, segment, 2, seed=segment)
    ]
    intervals = plant(clean, planted)
    times, elapsed = [], 0.0
    for interval in intervals:
        elapsed += interval / 1000
        times.append(elapsed)
    return times, intervals


def best_ms(work: Callable[[], object]) -> float:
    """The shortest of RUNS timings of work(), in milliseconds."""
    times = []
    for _ in range(RUNS):
        begin = time.perf_counter()
        work()
        times.append(time.perf_counter() - begin)
    return min(times) * 1000


def import_seconds(statement: str) -> float:
    """The best of three fresh interpreters running `statement`, in seconds."""
    best = float("inf")
    for _ in range(3):
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        best = min(best, time.perf_counter() - begin)
    return best


def tracker_pass(times: list[float], intervals: list[float]) -> None:
    """What the breathing screen does with each beat: feed it, close each 10-second breath, and
    take the last 30 s of the heart line to redraw."""
    tracker = HeartTracker("bench")
    next_boundary = 0.0
    for t, interval in zip(times, intervals, strict=True):
        while t >= next_boundary:
            tracker.breath_boundary(next_boundary)
            next_boundary += 10.0
        tracker.add_beat(Beat(t, interval))
        tracker.recent(t - 30.0)
    tracker.summary()


def bare_pass(times: list[float], intervals: list[float]) -> None:
    """The reference: each interval to beats a minute, nothing kept."""
    total = 0.0
    for interval in intervals:
        total += 60000.0 / interval


def run() -> list[Row]:
    """Time the analysis, its first import, and the tracker."""
    try:
        import numpy as np
        from scipy.interpolate import CubicSpline
        from scipy.signal import welch

        from breath_tui.heart.analysis import analyse_beats
    except ImportError:
        print("  heart extra not installed: pip install 'breath-tui[heart]'", file=sys.stderr)
        return []
    times, intervals = sample_recording()
    protocol = SteppedProtocol()

    def one_welch() -> None:
        grid = np.arange(0.0, 600.0, 0.25)
        series = CubicSpline(times, intervals)(np.clip(grid, times[0], times[-1]))
        welch(series, fs=4.0, nperseg=256, detrend="linear")

    reference_ms = best_ms(one_welch)
    analysis_ms = best_ms(lambda: analyse_beats(times, intervals, protocol, "bench"))
    heavy = import_seconds("import breath_tui.heart.analysis")
    light = import_seconds("import breath_tui.core.heart.tracker")
    bare_us = best_ms(lambda: bare_pass(times, intervals)) * 1000 / len(intervals)
    tracker_us = best_ms(lambda: tracker_pass(times, intervals)) * 1000 / len(intervals)
    return [
        Row(
            "resonance analysis, 10-minute recording",
            analysis_ms,
            "ms",
            reference_ms,
            "one Welch spectrum of it",
            f"< {ANALYSIS_TARGET_MS:.0f} ms",
            analysis_ms < ANALYSIS_TARGET_MS,
        ),
        Row(
            "first import of the analysis (numpy, scipy)",
            heavy * 1000,
            "ms",
            light * 1000,
            "importing core.heart only",
        ),
        Row(
            "heart tracker, per beat",
            tracker_us,
            "us",
            bare_us,
            "bare loop over the beats",
            f"< {TRACKER_TARGET_US:.0f} us",
            tracker_us < TRACKER_TARGET_US,
        ),
    ]


if __name__ == "__main__":
    from bench.common import format_table

    print(format_table(run()))
