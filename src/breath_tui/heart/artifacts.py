"""Artifact correction of RR intervals, before anything is measured.

The method is Lipponen & Tarvainen 2019 (J Med Eng Technol 43:173-181), the one Kubios HRV
uses. Two series are made: dRR, the difference of consecutive intervals, and mRR, each
interval's difference from the median of the 11 around it (negative ones doubled). Each is
divided by a time-varying threshold, 5.2 times its quartile deviation over the 91 beats around.
A beat whose normalised dRR exceeds 1 is then classed by where it falls in two decision planes:

- ectopic (a premature beat and its compensatory pause): dRR(n) and the larger (or smaller) of
  dRR(n-1), dRR(n+1) lie beyond the lines S12 = -c1 dRR -+ c2, with c1 = 0.13, c2 = 0.17;
- long or short: dRR(n) and the smaller (or larger) of dRR(n+1), dRR(n+2) lie past +-1, or the
  normalised mRR exceeds 3; among these,
- missed (a beat the strap did not see): the interval is about a whole multiple k >= 2 of the
  local median (|RR/k - median| below the mRR threshold; the paper tests k = 2 only, k up to 8
  here also mends a short drop-out without moving later beats in time);
- extra (a beat that is not one, e.g. a T wave): the interval and the next add up to about the
  local median.

Corrections, as in the paper: an extra beat is merged with the next interval, a missed one is
split into k equal intervals, and ectopic, long and short intervals are replaced by a
shape-preserving (PCHIP) interpolation over the good beats' times. Intervals outside 250-2500 ms
are artifacts whatever the planes say. Beat times are kept from the recording's own timeline, so
correcting a beat never shifts the breaths that follow it.

numpy and scipy are imported by the caller's first use of this module; nothing imports it at
start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.interpolate import PchipInterpolator
from scipy.ndimage import median_filter, percentile_filter

from breath_tui.core.heart.recording import MAX_RR_MS, MIN_RR_MS

ALPHA = 5.2
C1, C2 = 0.13, 0.17
THRESHOLD_WINDOW = 91
MEDIAN_WINDOW = 11
MAX_MISSED_IN_A_ROW = 8
# A perfectly regular series has a quartile deviation of 0; a floor keeps 1 ms of jitter from
# looking like an artifact there (2 ms is far below any real beat-to-beat variation).
MIN_QUARTILE_DEVIATION_MS = 2.0

Floats = NDArray[np.float64]

NORMAL, ECTOPIC, LONG_SHORT, MISSED, EXTRA = "normal", "ectopic", "long or short", "missed", "extra"


@dataclass(frozen=True)
class Correction:
    """The corrected series and what was done to it.

    Attributes:
        times_s: each corrected beat's time, seconds from the recording's start.
        rr_ms: each corrected interval.
        corrected_times_s: the time of every interval that was corrected (one per original
            interval changed, so an ectopic pair counts twice).
        counts: how many intervals of each kind were found.
    """

    times_s: Floats
    rr_ms: Floats
    corrected_times_s: Floats
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def corrected(self) -> int:
        """Intervals corrected in all."""
        return int(self.corrected_times_s.size)


def _threshold(series: Floats) -> Floats:
    """ALPHA times the rolling quartile deviation of the series over THRESHOLD_WINDOW beats.

    The quartiles are of the signed series, as the paper defines QD; some implementations take
    them of its magnitude, which halves the threshold and flags about 1 beat in 40 of plain
    noise as an artifact.
    """
    q1 = percentile_filter(series, 25, size=THRESHOLD_WINDOW, mode="reflect")
    q3 = percentile_filter(series, 75, size=THRESHOLD_WINDOW, mode="reflect")
    threshold: Floats = ALPHA * np.maximum((q3 - q1) / 2.0, MIN_QUARTILE_DEVIATION_MS)
    return threshold


def _neighbours(values: Floats) -> tuple[Floats, Floats]:
    """The S12 and S22 coordinates of every beat (padded by reflection at the ends)."""
    padded = np.pad(values, 2, mode="reflect")
    before, after, after2 = padded[1:-3], padded[3:-1], padded[4:]
    s12 = np.where(values > 0, np.maximum(before, after), np.minimum(before, after))
    s22 = np.where(values >= 0, np.minimum(after, after2), np.maximum(after, after2))
    return s12, s22


def classify(rr_ms: Floats) -> tuple[list[str], list[int]]:
    """Each interval's kind, and for missed ones how many intervals it stands for.

    Returns:
        (kinds, splits): kinds[i] is one of NORMAL, ECTOPIC, LONG_SHORT, MISSED, EXTRA; for a
        MISSED interval splits[i] is k >= 2 (1 elsewhere). EXTRA at i means merge i and i+1.
    """
    count = rr_ms.size
    kinds = [NORMAL] * count
    splits = [1] * count
    if count < 4:
        return kinds, splits
    drr = np.diff(rr_ms, prepend=rr_ms[0])
    drr[0] = np.mean(drr[1:])
    drr = drr / _threshold(drr)
    s12, s22 = _neighbours(drr)
    median = median_filter(rr_ms, size=MEDIAN_WINDOW, mode="reflect")
    mrr = rr_ms - median
    mrr[mrr < 0] *= 2.0
    th2 = _threshold(mrr)
    mrr = mrr / th2

    def missed_by(j: int) -> int:
        k = int(round(rr_ms[j] / median[j]))
        return k if 2 <= k <= MAX_MISSED_IN_A_ROW and abs(rr_ms[j] / k - median[j]) < th2[j] else 0

    for i in range(count - 2):
        if kinds[i] != NORMAL or (i and kinds[i - 1] == EXTRA) or abs(drr[i]) <= 1:
            continue
        if (drr[i] > 1 and s12[i] < -C1 * drr[i] - C2) or (
            drr[i] < -1 and s12[i] > -C1 * drr[i] + C2
        ):
            kinds[i] = ECTOPIC
            continue
        candidates = [i, i + 1] if abs(drr[i + 1]) < abs(drr[i + 2]) else [i]
        for j in candidates:
            if kinds[j] != NORMAL or (j and kinds[j - 1] == EXTRA):
                continue
            long_beat = drr[j] > 1 and s22[j] < -1
            # The drop after a missed beat is that beat's doing, not a short interval.
            short_beat = drr[j] < -1 and s22[j] > 1 and not (j and kinds[j - 1] == MISSED)
            if not (long_beat or short_beat or abs(mrr[j]) > 3):
                continue
            if short_beat and j + 1 < count and abs(rr_ms[j] + rr_ms[j + 1] - median[j]) < th2[j]:
                kinds[j] = EXTRA
            elif long_beat and (k := missed_by(j)):
                kinds[j], splits[j] = MISSED, k
            else:
                kinds[j] = LONG_SHORT
    for i in range(count):
        if kinds[i] != NORMAL or (i and kinds[i - 1] == EXTRA):
            continue
        if rr_ms[i] > MAX_RR_MS:
            k = missed_by(i)
            kinds[i], splits[i] = (MISSED, k) if k else (LONG_SHORT, 1)
        elif rr_ms[i] < MIN_RR_MS:
            merged = i + 1 < count and abs(rr_ms[i] + rr_ms[i + 1] - median[i]) < th2[i]
            kinds[i] = EXTRA if merged else LONG_SHORT
    return kinds, splits


def correct_artifacts(rr_ms: Floats | list[float], times_s: Floats | None = None) -> Correction:
    """Find and correct missed, extra and ectopic beats (see the module docstring).

    Args:
        rr_ms: intervals in milliseconds, in order.
        times_s: each beat's time in seconds; by default the running sum of the intervals.

    Returns:
        The corrected series with beat times on the original timeline.
    """
    rr = np.asarray(rr_ms, dtype=np.float64)
    times = np.cumsum(rr) / 1000.0 if times_s is None else np.asarray(times_s, dtype=np.float64)
    kinds, splits = classify(rr)
    good = np.array([kind == NORMAL for kind in kinds], dtype=bool)
    if good.sum() >= 2:
        fill = PchipInterpolator(times[good], rr[good], extrapolate=True)
    else:
        median = float(np.median(rr)) if rr.size else 0.0

        def fill(at: object) -> float:
            return median

    out_times: list[float] = []
    out_rr: list[float] = []
    fixed: list[float] = []
    counts = dict.fromkeys((ECTOPIC, LONG_SHORT, MISSED, EXTRA), 0)
    skip_next = False
    for i, kind in enumerate(kinds):
        if skip_next:
            skip_next = False
            continue
        if kind == NORMAL:
            out_times.append(float(times[i]))
            out_rr.append(float(rr[i]))
            continue
        counts[kind] += 1
        fixed.append(float(times[i]))
        if kind == EXTRA and i + 1 < rr.size:
            out_times.append(float(times[i + 1]))
            out_rr.append(float(rr[i] + rr[i + 1]))
            skip_next = True
        elif kind == MISSED:
            k = splits[i]
            for part in range(k):
                out_times.append(float(times[i] - rr[i] * (k - 1 - part) / k / 1000.0))
                out_rr.append(float(rr[i] / k))
        else:
            out_times.append(float(times[i]))
            out_rr.append(float(fill(times[i])))
    return Correction(
        times_s=np.asarray(out_times, dtype=np.float64),
        rr_ms=np.asarray(out_rr, dtype=np.float64),
        corrected_times_s=np.asarray(fixed, dtype=np.float64),
        counts={kind: number for kind, number in counts.items() if number},
    )
