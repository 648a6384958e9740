"""The guide's fill and when its drawing next changes."""

import math

import pytest

from breath_tui.core.motion import (
    fill_at,
    level_at,
    next_level_change,
    phase_fill_range,
    quantize,
)
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import PRESETS
from breath_tui.widgets.guide import guide_rows, levels_for

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


def test_next_level_change_is_when_the_quantized_level_changes():
    """The level differs just after the predicted time and not just before it."""
    pacer = Pacer(RESONANCE, cycles=1)
    levels = 20
    t = 0.3
    while t < 9.9:
        state = pacer.state_at(t)
        when = next_level_change(pacer, state, levels, t)
        level_now = level_at(RESONANCE, state, levels)
        assert when > t
        assert level_at(RESONANCE, pacer.state_at(when - 2e-6), levels) == level_now
        assert level_at(RESONANCE, pacer.state_at(when + 1e-6), levels) != level_now or (
            when == pacer.next_edge(t)
        )
        t = when


def test_next_level_change_while_paused_is_never():
    """A paused guide does not move, so no repaint is due."""
    pacer = Pacer(RESONANCE, cycles=1)
    pacer.pause(1.0)
    assert next_level_change(pacer, pacer.state_at(2.0), 20, 2.0) == math.inf


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
    return guide_rows(width, height, level_at(pattern, pacer.state_at(t), levels_for(*size)))


@pytest.mark.parametrize("size", GUIDE_SIZES)
@pytest.mark.parametrize("kind", ["out", "in"])
def test_the_guide_moves_within_a_fifth_of_a_second_of_the_phase_word(kind, size):
    """0.2 s into every out-breath (and in-breath) of every preset, the drawn disk differs
    from what it was when the word appeared: no still disk after "Breathe out"."""
    for pattern in PRESETS.values():
        pacer = Pacer(pattern, cycles=2)
        for start in _phase_starts(pattern, kind):
            # What is on screen as the word changes: the end of the phase before.
            before = _drawn(pattern, pacer, max(0.0, start - 1e-6), size)
            after = _drawn(pattern, pacer, start + 0.2, size)
            assert before != after, (pattern.name, kind, start, size)


def test_the_first_step_of_a_breath_is_drawn_within_one_frame():
    """Filling rounds up and emptying rounds down, so one frame (1/30 s) into a breath the
    level has already moved one step from where the last phase left it."""
    levels = levels_for(30, 14)
    pacer = Pacer(RESONANCE, cycles=1)
    assert level_at(RESONANCE, pacer.state_at(0.0), levels) == 0
    assert level_at(RESONANCE, pacer.state_at(1 / 30), levels) == 1
    assert level_at(RESONANCE, pacer.state_at(4.0 - 1e-6), levels) == levels
    assert level_at(RESONANCE, pacer.state_at(4.0 + 1 / 30), levels) == levels - 1


def test_every_level_is_shown_for_the_same_time():
    """An even pace: through a 6 s out-breath each of the levels lasts 6 / levels seconds, the
    last one included, so the disk neither waits at the start nor sits still at the end."""
    levels = levels_for(30, 14)
    pacer = Pacer(RESONANCE, cycles=1)
    t, changes = 4.0 + 2e-6, []  # the first step is taken at once (see the test above)
    while (when := next_level_change(pacer, pacer.state_at(t), levels, t)) < 10.0 - 1e-6:
        changes.append(when)
        t = when
    gaps = [b - a for a, b in zip([4.0, *changes], [*changes, 10.0], strict=True)]
    assert len(gaps) == levels
    assert max(gaps) - min(gaps) == pytest.approx(0.0, abs=1e-3)


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


def test_quantize_rounds_the_way_the_breath_goes():
    """Filling rounds up, emptying down, holding to the nearest; whole values stay put."""
    assert quantize(0.51, 10, 1) == 6
    assert quantize(0.59, 10, -1) == 5
    assert quantize(0.54, 10, 0) == 5
    assert quantize(0.3, 10, 1) == quantize(0.3, 10, -1) == 3
