"""The live per-breath tracker: each breath's swing and the session's heart figures."""

from __future__ import annotations

import math

import pytest

from breath_tui.core.heart.events import Beat, ContactLost, NoIntervals, notice
from breath_tui.core.heart.tracker import HeartTracker


def feed_intervals(tracker: HeartTracker, intervals, start: float = 0.0) -> float:
    """Feed intervals as beats on the session clock; return the time of the last beat."""
    t = start
    for rr in intervals:
        t += rr / 1000
        tracker.add_beat(Beat(t, rr))
    return t


def test_a_breath_swing_is_peak_minus_trough_heart_rate():
    """A breath whose beats run at 60 to 75 bpm has a swing of 15 bpm."""
    tracker = HeartTracker("fake")
    tracker.breath_boundary(0.0)
    end = feed_intervals(tracker, [1000, 900, 800, 850, 950])
    swing = tracker.breath_boundary(end + 0.01)
    assert swing is not None
    assert swing.swing_bpm == pytest.approx(75 - 60)
    assert swing.beats == 5


def test_the_first_boundary_only_opens_a_breath():
    """The first breath boundary returns nothing: no breath has ended yet."""
    tracker = HeartTracker("fake")
    feed_intervals(tracker, [1000, 900])
    assert tracker.breath_boundary(2.0) is None


def test_session_figures_match_the_interchange_heart_object():
    """The summary gives sensor, mean bpm, mean swing, RMSSD and beats, to one decimal."""
    tracker = HeartTracker("Polar H10 A1B2")
    tracker.breath_boundary(0.0)
    t = feed_intervals(tracker, [1000, 800, 1000, 800])
    tracker.breath_boundary(t)
    summary = tracker.summary()
    assert summary is not None
    assert summary.to_json() == {
        "sensor": "Polar H10 A1B2",
        "mean_bpm": round(60000 / 900, 1),
        "swing_bpm": 15.0,
        "rmssd_ms": 200.0,
        "beats": 4,
    }


def test_mean_swing_averages_the_scored_breaths():
    """Two breaths swinging 15 and 5 bpm give a mean swing of 10."""
    tracker = HeartTracker("fake")
    tracker.breath_boundary(0.0)
    t = feed_intervals(tracker, [1000, 800])  # 60 to 75
    tracker.breath_boundary(t)
    t = feed_intervals(tracker, [1000, 60000 / 65], start=t)  # 60 to 65
    tracker.breath_boundary(t)
    assert tracker.summary().swing_bpm == pytest.approx(10.0)
    assert tracker.breaths_scored == 2


def test_an_out_of_range_interval_is_not_counted_and_spoils_its_breath():
    """A 3000 ms interval is rejected: not a beat counted, and its breath is not scored."""
    tracker = HeartTracker("fake")
    tracker.breath_boundary(0.0)
    t = feed_intervals(tracker, [1000, 900, 3000, 950])
    assert tracker.breath_boundary(t) is None
    assert (tracker.beats, tracker.rejected) == (3, 1)


def test_an_interval_far_from_the_recent_median_is_rejected():
    """An interval 40% shorter than the recent median (an extra beat) is left out."""
    tracker = HeartTracker("fake")
    feed_intervals(tracker, [1000] * 9)
    assert not tracker.add_beat(Beat(10.0, 600))
    assert tracker.add_beat(Beat(11.0, 1000))


def test_a_lasting_change_of_pace_is_accepted_after_five_rejections():
    """After five rejections in a row the reference restarts and the new pace counts."""
    tracker = HeartTracker("fake")
    feed_intervals(tracker, [1000] * 9)
    accepted = [tracker.add_beat(Beat(10.0 + i, 600)) for i in range(8)]
    assert accepted == [False] * 5 + [True] * 3


def test_rejections_break_the_rmssd_chain():
    """No successive difference spans a rejected interval."""
    tracker = HeartTracker("fake")
    feed_intervals(tracker, [1000, 1000, 1000, 100, 1020])
    assert tracker.summary().rmssd_ms == 0.0


def test_contact_lost_breaks_the_chain_and_spoils_the_breath():
    """Lost contact: the next beat pairs with nothing before it and the breath is not scored."""
    tracker = HeartTracker("fake")
    tracker.breath_boundary(0.0)
    t = feed_intervals(tracker, [1000, 1000])
    tracker.feed(ContactLost(t))
    t = feed_intervals(tracker, [800, 800], start=t)
    assert tracker.breath_boundary(t) is None
    assert tracker.summary().rmssd_ms == 0.0


def test_no_summary_before_any_beat():
    """Before any beat counts there is no heart object to keep."""
    assert HeartTracker("fake").summary() is None


def test_recent_gives_the_heart_line_within_its_history():
    """recent() gives (time, bpm) for beats since a time, and history is bounded in seconds."""
    tracker = HeartTracker("fake", history_s=5.0)
    feed_intervals(tracker, [1000] * 10)
    points = tracker.recent(since=0.0)
    assert points[0][0] == pytest.approx(5.0)
    assert all(math.isclose(bpm, 60.0) for _, bpm in points)
    assert tracker.latest_bpm == pytest.approx(60.0)


def test_a_sensor_without_intervals_is_remembered_and_has_a_notice():
    """NoIntervals marks the tracker and has a one-line notice that names chest straps."""
    tracker = HeartTracker("watch")
    event = NoIntervals(1.0, 70)
    tracker.feed(event)
    assert tracker.no_intervals
    assert "chest strap" in notice(event)
    assert notice(Beat(1.0, 800)) is None
