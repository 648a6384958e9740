"""How full the breathing guide is at a moment, and when its drawing next changes.

The guide fills on in-breaths, stays on holds and empties on out-breaths. A pattern with two
in-breaths (the cyclic sigh's top-up) shares the rise between them by their lengths.

Motion agrees with the words (docs/architecture.md, "The timing rule"): the fill moves at an
even pace through a phase, and the drawn level leads it in the direction of the breath
(`quantize`), so the first step of the guide is drawn on the frame the phase word appears, each
level is shown for the same time, and the last one is reached as the phase ends. (A sine ease
in-out, used before, left the disk full for about 0.7 s after "Breathe out" appeared.)
"""

from __future__ import annotations

import math

from breath_tui.core.pacer import EDGE_TOLERANCE, Pacer, PacerState
from breath_tui.core.patterns import Pattern

# A fill times levels this close to a whole number counts as that number (float error).
_WHOLE = 1e-9


def ease(progress: float) -> float:
    """How far the fill has gone through a phase: even pace, clamped to 0..1.

    Linear on purpose: an easing that starts slowly keeps the guide still while the word already
    says the breath has turned.
    """
    return min(1.0, max(0.0, progress))


def ease_inverse(value: float) -> float:
    """The progress at which ease() reaches value."""
    return min(1.0, max(0.0, value))


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


def direction(pattern: Pattern, index: int) -> int:
    """+1 while phase `index` fills the guide, -1 while it empties it, 0 while it holds."""
    start, end = phase_fill_range(pattern, index)
    return (end > start) - (end < start)


def quantize(fill: float, levels: int, heading: int = 0) -> int:
    """The drawn level (0..levels) for a fill: the guide repaints only when this changes.

    heading is the breath's direction (`direction`): filling, the level rounds up; emptying, it
    rounds down; holding, to the nearest. So a breath's first step is drawn as soon as it moves.
    """
    scaled = fill * levels
    if heading > 0:
        return max(0, math.ceil(scaled - _WHOLE))
    if heading < 0:
        return min(levels, math.floor(scaled + _WHOLE))
    return int(math.floor(scaled + 0.5))


def level_at(pattern: Pattern, state: PacerState, levels: int) -> int:
    """The level the guide draws for a pacer state."""
    if state.done:
        return 0
    return quantize(fill_at(pattern, state), levels, direction(pattern, state.phase_index))


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
    level = level_at(pacer.pattern, state, levels)
    # The level changes once the fill passes level / levels (rounding up or down, see quantize).
    share = (level / levels - start) / (end - start)
    if not 0.0 <= share < 1.0:
        return edge
    progress = ease_inverse(share)
    breath = pacer.phase_start_breath(state) + progress * state.phase.seconds
    when = pacer.wall_time_at(breath + EDGE_TOLERANCE, t)
    return min(edge, max(when, t))
