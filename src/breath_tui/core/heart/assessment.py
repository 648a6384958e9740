"""The resonance assessment's results, the choice of rate, and the report as plain text.

Pure: the numbers come from `breath_tui.heart.analysis` (numpy and scipy); choosing and showing
them needs neither, so screens and the journal can use these without the science stack.

The choice: the rate with the largest mean peak-to-trough swing per breath (time-domain swing
agrees best across straps). Rates whose swing is within NEAR_TIE (5%) of the largest are a near
tie, and the one among them with the larger LF power is chosen. Figures are shown, never judged:
this is not a medical device.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from breath_tui.core.heart.protocol import format_rate
from breath_tui.core.text import visible

NEAR_TIE = 0.05
NOT_MEDICAL = "Not a medical device: these figures describe this recording only, and say nothing about health."
BAR_WIDTH = 30


@dataclass(frozen=True)
class RateResult:
    """One rate's figures.

    Attributes:
        rate: breaths a minute.
        swing_bpm: mean peak-to-trough heart rate per whole breath (the main score).
        lf_power_ms2: low-frequency power, 0.04-0.15 Hz, of the evenly resampled RR series.
        rmssd_ms: root mean square of successive differences of the corrected intervals.
        mean_bpm: beats per minute over the segment.
        breaths: whole breaths scored.
        corrected: intervals corrected as artifacts in this segment.
    """

    rate: float
    swing_bpm: float
    lf_power_ms2: float
    rmssd_ms: float
    mean_bpm: float
    breaths: int
    corrected: int


@dataclass(frozen=True)
class ResonanceResult:
    """A whole assessment: every rate's figures and the chosen rate."""

    source: str
    rates: tuple[RateResult, ...]
    chosen: RateResult
    near_tie: bool
    beats: int
    corrected: int

    @property
    def chosen_rate(self) -> float:
        """The resonance rate, breaths a minute."""
        return self.chosen.rate

    def pattern_seconds(self, inhale_share: float = 0.4) -> tuple[float, float]:
        """(in, out) seconds of one breath at the chosen rate: the person's own pattern."""
        breath = 60.0 / self.chosen.rate
        return round(breath * inhale_share, 2), round(breath * (1 - inhale_share), 2)


def choose_rate(results: Sequence[RateResult]) -> tuple[RateResult, bool]:
    """The rate with the largest swing; within NEAR_TIE of it, the larger LF power.

    Returns:
        (chosen, near_tie): near_tie is True when LF power decided between close swings.

    Raises:
        ValueError: no results.
    """
    if not results:
        raise ValueError("no rates to choose from")
    best = max(result.swing_bpm for result in results)
    close = [result for result in results if result.swing_bpm >= (1 - NEAR_TIE) * best]
    chosen = max(close, key=lambda result: (result.lf_power_ms2, result.swing_bpm))
    return chosen, len(close) > 1


def resonance_line(rate: float) -> str:
    """The report's last line, which scripts read."""
    return f"Resonance rate: {format_rate(rate)} breaths a minute"


def report_lines(result: ResonanceResult, *, plain: bool = False) -> list[str]:
    """The assessment as text: a table per rate, a bar per rate, then the resonance line.

    Args:
        result: the assessment.
        plain: bars of '#' instead of block characters (pipes, old terminals).
    """
    lines = [
        f"Resonance assessment of {visible(result.source)}",
        NOT_MEDICAL,
        "",
        f"{'rate/min':>8}  {'swing bpm':>9}  {'LF power ms2':>12}  {'RMSSD ms':>8}  "
        f"{'mean bpm':>8}  {'breaths':>7}  {'corrected':>9}",
    ]
    for rate in result.rates:
        lines.append(
            f"{format_rate(rate.rate):>8}  {rate.swing_bpm:>9.1f}  {rate.lf_power_ms2:>12.0f}  "
            f"{rate.rmssd_ms:>8.1f}  {rate.mean_bpm:>8.1f}  {rate.breaths:>7d}  "
            f"{rate.corrected:>9d}"
        )
    lines += ["", "Heart-rate swing per breath (peak to trough, bpm)"]
    top = max((rate.swing_bpm for rate in result.rates), default=0.0) or 1.0
    block = "#" if plain else "\u2588"
    for rate in result.rates:
        length = round(BAR_WIDTH * rate.swing_bpm / top)
        mark = "  <" if rate is result.chosen else ""
        lines.append(
            f"{format_rate(rate.rate):>5} {block * length:<{BAR_WIDTH}} {rate.swing_bpm:.1f}{mark}"
        )
    lines.append("")
    lines.append(
        f"{result.beats} beats; {result.corrected} intervals corrected as artifacts "
        "(Lipponen & Tarvainen 2019) before measuring."
    )
    if result.near_tie:
        lines.append(
            f"Swings within {NEAR_TIE:.0%} of the largest: the larger LF power chose between them."
        )
    lines.append(resonance_line(result.chosen_rate))
    return lines
