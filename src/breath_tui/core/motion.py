"""How full the breathing guide is at a moment, and when its drawing next changes.

The guide fills on in-breaths, stays on holds and empties on out-breaths. A pattern with two
in-breaths (the cyclic sigh's top-up) shares the rise between them by their lengths.

Motion agrees with the words (docs/architecture.md, "The timing rule"): the fill moves at an
even pace through a phase, and the guide steps on a grid of time counted back from the phase's
end, a whole number of steps a second (`steps_per_second`). Each step draws the fill at its own
end, so the first step is drawn on the frame the phase word appears, every step is shown for
the same time, the last is reached as the phase ends, and each countdown second falls on a
step. (A sine ease in-out, used before, left the disk full for about 0.7 s after "Breathe out"
appeared.)
"""

from __future__ import annotations

import math

from breath_tui.core.pacer import Pacer, PacerState
from breath_tui.core.patterns import Pattern

# A step whose end is this close (in seconds) counts as ended: a timer set for the end of a
# step that fires a hair early in float arithmetic still sees the next one.
_WHOLE = 1e-9


def ease(progress: float) -> float:
    """How far the fill has gone through a phase: even pace, clamped to 0..1.

    Linear on purpose: an easing that starts slowly keeps the guide still while the word already
    says the breath has turned.
    """
    return min(1.0, max(0.0, progress))


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


def steps_per_second(pattern: Pattern, state: PacerState, levels: int) -> int:
    """How many times a second the guide steps through the phase under way.

    `levels` is how many steps of the smallest visible size the guide has from empty to full
    (`widgets.guide.levels_for`). The guide takes as many whole steps a second as keeps each
    near that size, at least one: so every step lasts the same time and, counted back from the
    phase's end, each second of the countdown lands on a step (one repaint, not two).
    """
    if state.done:
        return 1
    start, end = phase_fill_range(pattern, state.phase_index)
    seconds = state.phase.seconds / state.tempo
    return max(1, round(levels * abs(end - start) / seconds))


def _steps_left(state: PacerState, per_second: int) -> int:
    """Steps of the phase not yet begun, the one under way included (0 at its very end)."""
    return max(0, math.ceil((state.seconds_left - _WHOLE) * per_second))


def shown_fill(pattern: Pattern, state: PacerState, levels: int) -> float:
    """How full the guide is drawn (0..1) at a pacer state: the fill at the end of the step
    under way, so a breath's first step is drawn the moment its word appears and its last
    one as it ends (motion leads, never lags, the words)."""
    if state.done:
        return 0.0
    start, end = phase_fill_range(pattern, state.phase_index)
    if start == end:
        return start
    per_second = steps_per_second(pattern, state, levels)
    seconds = state.phase.seconds / state.tempo
    progress = 1.0 - (_steps_left(state, per_second) - 1) / (per_second * seconds)
    return start + (end - start) * min(1.0, max(0.0, progress))


def next_step_at(pacer: Pacer, state: PacerState, levels: int, t: float) -> float:
    """Clock time of the guide's next step, or of the phase's end, whichever is first.

    Returns math.inf while paused or done. During a hold it is the end of the hold.
    """
    edge = pacer.next_edge(t)
    if state.done or state.paused:
        return edge
    start, end = phase_fill_range(pacer.pattern, state.phase_index)
    if start == end:
        return edge
    per_second = steps_per_second(pacer.pattern, state, levels)
    left = _steps_left(state, per_second)
    if left <= 1:
        return edge
    # Clock seconds from t until only left - 1 steps remain (seconds_left is in clock seconds).
    return min(edge, t + max(0.0, state.seconds_left - (left - 1) / per_second))
