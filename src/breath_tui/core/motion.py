"""How full the breathing guide is at a moment, and when its drawing next changes.

The guide fills on in-breaths, stays on holds and empties on out-breaths. A pattern with two
in-breaths (the cyclic sigh's top-up) shares the rise between them by their lengths. Within a
phase the fill follows a sine ease, so the guide starts and ends each breath gently.
"""

from __future__ import annotations

import math

from breath_tui.core.pacer import EDGE_TOLERANCE, Pacer, PacerState
from breath_tui.core.patterns import Pattern


def ease(progress: float) -> float:
    """Sine ease in-out: 0 -> 0, 1 -> 1, gentle at both ends."""
    return (1.0 - math.cos(math.pi * min(1.0, max(0.0, progress)))) / 2.0


def ease_inverse(value: float) -> float:
    """The progress at which ease() reaches value."""
    return math.acos(1.0 - 2.0 * min(1.0, max(0.0, value))) / math.pi


def phase_fill_range(pattern: Pattern, index: int) -> tuple[float, float]:
    """Fill (0..1) at the start and end of phase `index` of a cycle."""
    total_in = sum(p.seconds for p in pattern.phases if p.kind == "in")
    total_out = sum(p.seconds for p in pattern.phases if p.kind == "out")
    fill = 0.0
    for number, phase in enumerate(pattern.phases):
        start = fill
        if phase.kind == "in":
            fill = min(1.0, fill + phase.seconds / total_in)
        elif phase.kind == "out":
            fill = max(0.0, fill - phase.seconds / total_out)
        if number == index:
            return start, fill
    raise IndexError(index)


def fill_at(pattern: Pattern, state: PacerState) -> float:
    """How full the guide is (0 empty .. 1 full) for a pacer state."""
    if state.done:
        return 0.0
    start, end = phase_fill_range(pattern, state.phase_index)
    return start + (end - start) * ease(state.progress)


def quantize(fill: float, levels: int) -> int:
    """The drawn level (0..levels) for a fill: the guide repaints only when this changes."""
    return int(math.floor(fill * levels + 0.5))


def next_level_change(pacer: Pacer, state: PacerState, levels: int, t: float) -> float:
    """Clock time when the quantized fill next changes, or the phase ends, whichever is first.

    Returns math.inf while paused or done. During a hold it is the end of the hold.
    """
    edge = pacer.next_edge(t)
    if state.done or state.paused or levels <= 0:
        return edge
    start, end = phase_fill_range(pacer.pattern, state.phase_index)
    if start == end:
        return edge
    level = quantize(start + (end - start) * ease(state.progress), levels)
    boundary = (level + 0.5) / levels if end > start else (level - 0.5) / levels
    share = (boundary - start) / (end - start)
    if not 0.0 < share < 1.0:
        return edge
    progress = ease_inverse(share)
    breath = pacer.phase_start_breath(state) + progress * state.phase.seconds
    when = pacer.wall_time_at(breath + EDGE_TOLERANCE, t)
    return min(edge, max(when, t))
