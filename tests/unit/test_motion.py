"""The guide's fill and when its drawing next changes."""

import math

import pytest

from breath_tui.core.motion import (
    direction,
    fill_at,
    next_step_at,
    phase_fill_range,
    shown_fill,
    steps_per_second,
)
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import PRESETS
from breath_tui.widgets.guide import disk_radii, guide_rows, half_dots, levels_for

RESONANCE = PRESETS["resonance"]


def test_fill_grows_on_in_and_shrinks_on_out():
    """Empty at the start, full at the top of the breath, empty again at its end."""
    pacer = Pacer(RESONANCE, cycles=1)
    assert fill_at(RESONANCE, pacer.state_at(0.0)) == 0.0
    assert fill_at(RESONANCE, pacer.state_at(2.0)) == pytest.approx(0.5)
    assert fill_at(RESONANCE, pacer.state_at(4.0)) == pytest.approx(1.0)
    assert fill_at(RESONANCE, pacer.state_at(7.0)) == pytest.approx(0.5)
    assert fill_at(RESONANCE, pacer.state_at(9.999)) == pytest.approx(0.0, abs=1e-3)


def test_fill_stays_during_a_hold():
    """Box breathing's first hold keeps the guide full."""
    box = PRESETS["box"]
    pacer = Pacer(box, cycles=1)
    assert fill_at(box, pacer.state_at(5.0)) == 1.0
    assert fill_at(box, pacer.state_at(7.9)) == 1.0


def test_cyclic_sigh_top_up_shares_the_rise_by_length():
    """The sigh's 2 s in-breath fills two thirds, the 1 s top-up the last third."""
    sigh = PRESETS["cyclic-sigh"]
    assert phase_fill_range(sigh, 0) == pytest.approx((0.0, 2 / 3))
    assert phase_fill_range(sigh, 1) == pytest.approx((2 / 3, 1.0))
    assert phase_fill_range(sigh, 2) == pytest.approx((1.0, 0.0))


def test_fill_is_continuous_across_every_edge():
    """No jump at any phase edge: the fill just before and at the edge agree."""
    for pattern in PRESETS.values():
        pacer = Pacer(pattern, cycles=2)
        t = 0.0
        while (edge := pacer.next_edge(t)) != math.inf:
            before = fill_at(pattern, pacer.state_at(edge - 1e-4))
            at = fill_at(pattern, pacer.state_at(edge))
            assert at == pytest.approx(before, abs=1e-3), (pattern.name, edge)
            t = edge


def _radius(pattern, state, size) -> int:
    """The radius the guide draws at a state, in half dots, at a guide of `size` cells."""
    heading = 0 if state.done else direction(pattern, state.phase_index)
    return half_dots(*size, shown_fill(pattern, state, levels_for(*size)), heading)


def test_next_step_is_when_the_drawn_fill_changes():
    """The drawn fill differs just after the predicted time and not just before it."""
    for tempo in (1.0, 1.2, 0.7):
        pacer = Pacer(RESONANCE, cycles=1, tempo=tempo)
        levels = 20
        t = 0.3
        while t < 9.9 / tempo:
            state = pacer.state_at(t)
            when = next_step_at(pacer, state, levels, t)
            shown = shown_fill(RESONANCE, state, levels)
            assert when > t
            assert shown_fill(RESONANCE, pacer.state_at(when - 2e-6), levels) == shown
            after = pacer.state_at(when + 1e-6)
            assert after.done or shown_fill(RESONANCE, after, levels) != shown
            t = when


def test_next_step_while_paused_is_never():
    """A paused guide does not move, so no repaint is due."""
    pacer = Pacer(RESONANCE, cycles=1)
    pacer.pause(1.0)
    assert next_step_at(pacer, pacer.state_at(2.0), 20, 2.0) == math.inf


def test_steps_a_second_keep_each_step_near_the_aimed_size():
    """Resonance at 80x24 (13 steps across): 3 steps a second in its 4 s in-breath and 2 in its
    6 s out-breath; a long phase in a small guide still steps once a second."""
    pacer = Pacer(RESONANCE, cycles=1)
    assert steps_per_second(RESONANCE, pacer.state_at(1.0), 13) == 3
    assert steps_per_second(RESONANCE, pacer.state_at(5.0), 13) == 2
    assert steps_per_second(RESONANCE, pacer.state_at(5.0), 2) == 1


@pytest.mark.parametrize("tempo", [1.0, 1.2, 0.6])
def test_every_countdown_second_falls_on_a_step_of_the_guide(tempo):
    """The moments the countdown changes are among the guide's steps, for every preset and
    tempo: a second of the countdown never costs a repaint of its own."""
    levels = levels_for(30, 14)
    for pattern in PRESETS.values():
        pacer = Pacer(pattern, cycles=1, tempo=tempo)
        t, steps = 0.0, set()
        while (when := next_step_at(pacer, pacer.state_at(t), levels, t)) != math.inf:
            steps.add(round(when, 6))
            t = when
        for start, phase in zip(_phase_starts_all(pattern), pattern.phases, strict=True):
            if phase.kind == "hold":
                continue
            end = (start + phase.seconds) / tempo
            second = end - 1.0
            while second > start / tempo + 1e-6:
                assert round(second, 6) in steps, (pattern.name, tempo, second)
                second -= 1.0


def _phase_starts_all(pattern):
    t, starts = 0.0, []
    for phase in pattern.phases:
        starts.append(t)
        t += phase.seconds
    return starts


# The guide's size in cells at 80x24, at the smallest window (40x12) and at 120x40.
GUIDE_SIZES = ((30, 14), (8, 3), (64, 31))


def _phase_starts(pattern, kind):
    """Clock times at which phases of `kind` begin in one cycle."""
    t, starts = 0.0, []
    for phase in pattern.phases:
        if phase.kind == kind:
            starts.append(t)
        t += phase.seconds
    return starts


def _drawn(pattern, pacer, t, size):
    width, height = size
    return guide_rows(width, height, _radius(pattern, pacer.state_at(t), size))


@pytest.mark.parametrize("size", GUIDE_SIZES)
@pytest.mark.parametrize("kind", ["out", "in"])
def test_the_guide_moves_within_a_fifth_of_a_second_of_the_phase_word(kind, size):
    """0.2 s into every out-breath (and in-breath) of every preset, the drawn disk differs
    from what it was when the word appeared: no still disk after "Breathe out"."""
    for pattern in PRESETS.values():
        pacer = Pacer(pattern, cycles=2)
        for first in _phase_starts(pattern, kind):
            start = first + pattern.cycle_seconds  # in the second breath: a phase before it
            # What is on screen as the word changes: the end of the phase before.
            before = _drawn(pattern, pacer, max(0.0, start - 1e-5), size)
            after = _drawn(pattern, pacer, start + 0.2, size)
            assert before != after, (pattern.name, kind, start, size)


def test_the_first_step_of_a_breath_is_drawn_within_one_frame():
    """Each step draws the fill at its own end, so one frame (1/30 s) into a breath the disk
    has already moved from where the last phase left it, and it is full as the in-breath ends."""
    size = GUIDE_SIZES[0]
    smallest, largest = disk_radii(*size)
    pacer = Pacer(RESONANCE, cycles=1)
    assert _radius(RESONANCE, pacer.state_at(0.0), size) > 2 * smallest
    assert _radius(RESONANCE, pacer.state_at(4.0 - 1e-5), size) == 2 * largest
    assert _radius(RESONANCE, pacer.state_at(4.0 + 1 / 30), size) < 2 * largest
    assert _radius(RESONANCE, pacer.state_at(10.0 - 1e-5), size) == 2 * smallest


def test_every_step_is_shown_for_the_same_time():
    """An even pace: through a 6 s out-breath each step lasts 1 / steps-a-second, the last one
    included, so the disk neither waits at the start nor sits still at the end."""
    levels = levels_for(30, 14)
    pacer = Pacer(RESONANCE, cycles=1)
    per_second = steps_per_second(RESONANCE, pacer.state_at(5.0), levels)
    t, changes = 4.0 + 2e-6, []  # the first step is taken at once (see the test above)
    while (when := next_step_at(pacer, pacer.state_at(t), levels, t)) < 10.0 - 1e-6:
        changes.append(when)
        t = when
    gaps = [b - a for a, b in zip([4.0, *changes], [*changes, 10.0], strict=True)]
    assert len(gaps) == 6 * per_second
    assert max(gaps) - min(gaps) == pytest.approx(0.0, abs=1e-6)


def test_a_hold_keeps_the_disk_it_was_given():
    """Box breathing: the disk drawn at the end of the in-breath is the one drawn all through
    the hold (the hold dims it; it does not become a ring)."""
    box = PRESETS["box"]
    pacer = Pacer(box, cycles=1)
    size = GUIDE_SIZES[0]
    top = _drawn(box, pacer, 4.0 - 1e-6, size)
    assert _drawn(box, pacer, 4.0 + 1e-6, size) == top
    assert _drawn(box, pacer, 7.9, size) == top
    bottom = _drawn(box, pacer, 12.0 - 1e-6, size)
    assert _drawn(box, pacer, 14.0, size) == bottom


def test_the_radius_is_rounded_the_way_the_breath_goes():
    """Filling rounds the radius up to a half dot, emptying down, still to the nearest; an
    empty and a full guide are whole half dots, drawn alike whichever way the breath goes."""
    size = (30, 14)
    smallest, largest = disk_radii(*size)
    between = 0.25 / (2 * (largest - smallest))  # a quarter of a half dot past empty
    assert half_dots(*size, between, 1) == 2 * smallest + 1
    assert half_dots(*size, between, -1) == 2 * smallest
    assert half_dots(*size, between, 0) == 2 * smallest
    for fill in (0.0, 1.0):
        assert half_dots(*size, fill, 1) == half_dots(*size, fill, -1) == half_dots(*size, fill)
