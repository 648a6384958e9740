"""The resonance analysis of a stepped-protocol recording, with numpy and scipy.

For each rate's segment, after artifact correction (`breath_tui.heart.artifacts`):

- swing: for every whole breath, the beat-to-beat heart rate's peak minus its trough; the
  segment's score is their mean (Lehrer & Gevirtz 2014; Shaffer & Meehan 2020);
- LF power: the corrected RR series resampled evenly at 4 Hz (cubic spline), its power spectral
  density by Welch's method (64 s Hann windows, half overlapping, linear detrend), integrated
  over 0.04-0.15 Hz, in ms²;
- RMSSD of the corrected intervals.

The chosen rate is `core.heart.assessment.choose_rate`'s. Import this module only where an
analysis runs: it imports numpy and scipy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.interpolate import CubicSpline
from scipy.signal import welch

from breath_tui.core.errors import BadInput
from breath_tui.core.heart.assessment import RateResult, ResonanceResult, choose_rate
from breath_tui.core.heart.protocol import Segment, SteppedProtocol, format_rate
from breath_tui.core.heart.recording import Recording, is_artifact
from breath_tui.core.text import visible
from breath_tui.heart.artifacts import correct_artifacts

RESAMPLE_HZ = 4.0
WELCH_SECONDS = 64.0
LF_BAND_HZ = (0.04, 0.15)
# A recording may stop a moment before the protocol's last second (the person stops it by hand).
SHORTFALL_ALLOWED_S = 3.0
# More than this share of intervals out of range: the file is likely not in milliseconds.
MAX_OUT_OF_RANGE_SHARE = 0.5

Floats = NDArray[np.float64]

# numpy 2 names it trapezoid, numpy 1.26 trapz; scipy.integrate has it too, but importing that
# package would add about half a second to the analysis's first run.
_trapezoid = getattr(np, "trapezoid", None) or np.trapz  # type: ignore[attr-defined,unused-ignore]


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}".rstrip("0").rstrip(".")


def breath_swings(times_s: Floats, rr_ms: Floats, segment: Segment) -> list[float]:
    """Peak-to-trough beat-to-beat heart rate of each whole breath with at least two beats."""
    bpm = 60000.0 / rr_ms
    swings = []
    for start, end in segment.breath_bounds():
        inside = bpm[(times_s >= start) & (times_s < end)]
        if inside.size >= 2:
            swings.append(float(inside.max() - inside.min()))
    return swings


def lf_power(times_s: Floats, rr_ms: Floats, start_s: float, end_s: float) -> float:
    """LF power (0.04-0.15 Hz, ms²) of the RR series between two times, by Welch's method."""
    grid = np.arange(start_s, end_s, 1.0 / RESAMPLE_HZ)
    if times_s.size < 4 or grid.size < 16:
        return 0.0
    spline = CubicSpline(times_s, rr_ms)
    series = spline(np.clip(grid, times_s[0], times_s[-1]))
    per_window = min(grid.size, int(WELCH_SECONDS * RESAMPLE_HZ))
    freqs, density = welch(series, fs=RESAMPLE_HZ, nperseg=per_window, detrend="linear")
    band = (freqs >= LF_BAND_HZ[0]) & (freqs <= LF_BAND_HZ[1])
    return float(_trapezoid(density[band], freqs[band])) if band.sum() >= 2 else 0.0


def rmssd(rr_ms: Floats) -> float:
    """Root mean square of successive differences, ms (0 with fewer than two intervals)."""
    if rr_ms.size < 2:
        return 0.0
    return float(np.sqrt(np.mean(np.diff(rr_ms) ** 2)))


def analyse_beats(
    times_s: Sequence[float] | Floats,
    rr_ms: Sequence[float] | Floats,
    protocol: SteppedProtocol,
    source: str,
) -> ResonanceResult:
    """Analyse beats recorded during the protocol (the live assessment calls this at its end).

    Args:
        times_s: each beat's time in seconds from the start of the first segment.
        rr_ms: each beat's interval, artifacts included (they are corrected here).
        protocol: the rates and minutes each that were breathed.
        source: what to call the recording in messages and the report.

    Raises:
        BadInput: the beats do not cover the protocol, or most intervals are out of range.
    """
    times = np.asarray(times_s, dtype=np.float64)
    rr = np.asarray(rr_ms, dtype=np.float64)
    shown = visible(source)
    covered = float(times[-1]) if times.size else 0.0
    if covered < protocol.duration_s - SHORTFALL_ALLOWED_S:
        count = len(protocol.rates)
        raise BadInput(
            f"{shown}: the recording lasts {_minutes(covered)} minutes, but {count} "
            f"rate{'s' if count != 1 else ''} of {_minutes(protocol.minutes_each * 60)} "
            f"minutes each need {_minutes(protocol.duration_s)} minutes (see --rates and --minutes-each)"
        )
    out_of_range = sum(1 for value in rr if is_artifact(float(value)))
    if out_of_range > MAX_OUT_OF_RANGE_SHARE * rr.size:
        raise BadInput(
            f"{shown}: {out_of_range} of {rr.size} intervals are outside 250-2500 ms; "
            "is the file in milliseconds, one interval per line?"
        )
    correction = correct_artifacts(rr, times)
    good_times, good_rr = correction.times_s, correction.rr_ms
    results = []
    for segment in protocol.segments:
        inside = (good_times >= segment.start_s) & (good_times < segment.end_s)
        swings = breath_swings(good_times, good_rr, segment)
        if not swings:
            raise BadInput(
                f"{shown}: no usable beats while breathing at {format_rate(segment.rate)} "
                f"a minute ({_minutes(segment.start_s)}-{_minutes(segment.end_s)} min)"
            )
        segment_rr = good_rr[inside]
        fixed = correction.corrected_times_s
        results.append(
            RateResult(
                rate=segment.rate,
                swing_bpm=float(np.mean(swings)),
                lf_power_ms2=lf_power(good_times, good_rr, segment.start_s, segment.end_s),
                rmssd_ms=rmssd(segment_rr),
                mean_bpm=float(60000.0 / np.mean(segment_rr)),
                breaths=len(swings),
                corrected=int(((fixed >= segment.start_s) & (fixed < segment.end_s)).sum()),
            )
        )
    chosen, near_tie = choose_rate(results)
    return ResonanceResult(
        source=source,
        rates=tuple(results),
        chosen=chosen,
        near_tie=near_tie,
        beats=int(rr.size),
        corrected=correction.corrected,
    )


def analyse_recording(recording: Recording, protocol: SteppedProtocol) -> ResonanceResult:
    """Analyse an RR file recorded with the protocol, its first beat at the protocol's start.

    Raises:
        BadInput: the recording is too short for the rates asked, or not in milliseconds.
    """
    return analyse_beats(recording.beat_times(), recording.intervals_ms, protocol, recording.source)
