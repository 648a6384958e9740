"""The guide's fill and when its drawing next changes."""

import math

import pytest

from breath_tui.core.motion import fill_at, next_level_change, phase_fill_range, quantize
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import PRESETS

RESONANCE = PRESETS["resonance"]


def test_fill_grows_on_in_and_shrinks_on_out():
    """Empty at the start, full at the top of the breath, empty again at its end."""
    pacer = Pacer(RESONANCE, cycles=1)
    assert fill_at(RESONANCE, pacer.state_at(0.0)) == 0.0
    assert fill_at(RESONANCE, pacer.state_at(2.0)) == pytest.approx(0.5)
    assert fill_at(RESONANCE, pacer.state_at(4.0)) == pytest.approx(1.0)
    assert fill_at(RESONANCE, pacer.state_at(7.0)) == pytest.approx(0.5)
    assert fill_at(RESONANCE, pacer.state_at(9.999)) == pytest.approx(0.0, abs=1e-6)


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
        level_now = quantize(fill_at(RESONANCE, state), levels)
        assert when > t
        assert quantize(fill_at(RESONANCE, pacer.state_at(when - 2e-6)), levels) == level_now
        assert quantize(fill_at(RESONANCE, pacer.state_at(when + 1e-6)), levels) != level_now or (
            when == pacer.next_edge(t)
        )
        t = when


def test_next_level_change_while_paused_is_never():
    """A paused guide does not move, so no repaint is due."""
    pacer = Pacer(RESONANCE, cycles=1)
    pacer.pause(1.0)
    assert next_level_change(pacer, pacer.state_at(2.0), 20, 2.0) == math.inf
