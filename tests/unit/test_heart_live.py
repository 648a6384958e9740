"""The live assessment's bookkeeping: breaths follow the protocol, beats kept for the analysis."""

from __future__ import annotations

import pytest

from breath_tui.core.heart.events import Beat, ContactLost
from breath_tui.core.heart.live import LiveAssessment
from breath_tui.core.heart.protocol import SteppedProtocol

PROTOCOL = SteppedProtocol(rates=(6.0, 5.0), minutes_each=1.0)


def beats_following_breath(start: float, seconds: float, breath_s: float, swing: float):
    """Beats at 60 bpm +- swing/2, highest mid-breath: a 1 s step of rate per beat."""
    import math

    t, beats = start, []
    while t < start + seconds:
        bpm = 60 + swing / 2 * math.sin(2 * math.pi * (t - start) / breath_s)
        rr = 60000 / bpm
        t += rr / 1000
        beats.append(Beat(t, rr))
    return beats


def test_breaths_close_at_the_protocol_bounds_and_are_scored_per_rate():
    """Breaths of 10 s then 12 s close on time; each rate's mean swing is what the heart did."""
    live = LiveAssessment(PROTOCOL, "fake", start=100.0)
    events = beats_following_breath(100.0, 60.0, 10.0, 8.0)
    events += beats_following_breath(160.0, 60.0, 12.0, 14.0)
    for event in events:
        live.feed(event)
    live.tick(220.0)
    assert live.finished(220.0)
    assert live.mean_swing(6.0) == pytest.approx(8.0, abs=1.0)
    assert live.mean_swing(5.0) == pytest.approx(14.0, abs=1.5)
    assert len([1 for rate, _ in live.swings if rate == 6.0]) == 6


def test_beats_are_kept_on_the_protocol_clock_for_the_analysis():
    """beats() gives times from the protocol's start and the intervals as sent."""
    live = LiveAssessment(PROTOCOL, "fake", start=50.0)
    live.feed(Beat(49.0, 900.0))  # before the start: not kept
    live.feed(Beat(51.0, 1000.0))
    live.feed(ContactLost(51.5))
    live.feed(Beat(52.0, 1000.0))
    assert live.beats() == ((1.0, 2.0), (1000.0, 1000.0))


def test_segment_at_names_the_rate_being_breathed():
    """At 70 s into the protocol the second rate is running; after the end, none."""
    live = LiveAssessment(PROTOCOL, "fake", start=0.0)
    assert live.segment_at(70.0).rate == 5.0
    assert live.segment_at(121.0) is None
    assert not live.finished(119.0)


def test_breath_index_counts_across_rates_from_the_protocol_alone():
    """6 breaths of 10 s, then 5 of 12 s: a beat knows its breath from the protocol, whatever
    pacer the screen has switched to yet (a rate's first breath is not the one before it)."""
    live = LiveAssessment(PROTOCOL, "fake", start=100.0)
    assert live.breath_index(99.0) == -1
    assert [live.breath_index(100.0 + t) for t in (0.0, 9.99, 10.0, 59.99)] == [0, 0, 1, 5]
    assert [live.breath_index(160.0 + t) for t in (0.0, 11.99, 12.0, 59.99)] == [6, 6, 7, 10]
    assert live.breath_index(220.0) == 11  # after the end
