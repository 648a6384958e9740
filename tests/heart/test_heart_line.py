"""The heart line in braille, the per-breath figures, and the notices told once."""

from __future__ import annotations

import pytest

from breath_tui.core.heart.breathing import BreathHeart
from breath_tui.core.heart.events import Beat, ContactLost, ContactRegained, Disconnected
from breath_tui.core.heart.line import BLANK, braille_line, figures_line, scale_of
from breath_tui.heart.sensors import breathing_beats


def dots(cell: str) -> int:
    return ord(cell) - 0x2800


def test_a_line_is_exactly_width_cells_in_each_row():
    """Any number of beats gives `rows` rows of exactly `width` braille cells."""
    for count in (0, 1, 7, 500):
        rows = braille_line([60.0 + i % 5 for i in range(count)], 12, 2)
        assert len(rows) == 2
        assert all(len(row) == 12 for row in rows)
        assert all(0x2800 <= ord(c) <= 0x28FF for row in rows for c in row)


def test_the_line_grows_in_from_the_right():
    """Three beats fill only the last two cells; the rest stay blank."""
    (row,) = braille_line([60.0, 61.0, 62.0], 10, 1)
    assert row[:8] == BLANK * 8
    assert row[8] != BLANK and row[9] != BLANK


def test_a_rise_is_drawn_higher_at_the_right():
    """A heart rate rising from 60 to 80: the top row holds dots only at the right end."""
    top, bottom = braille_line([60.0 + i for i in range(21)], 10, 2)
    assert top[0] == BLANK and top[-1] != BLANK
    assert bottom[0] != BLANK


def test_a_steady_heart_is_a_steady_line_in_the_middle():
    """A flat 60 bpm is drawn on one dot row (not stretched to noise), mid-scale."""
    (row,) = braille_line([60.0] * 20, 10, 1)
    assert len({dots(cell) for cell in row}) == 1
    assert scale_of([60.0, 60.0]) == (56.0, 64.0)


def test_figures_say_the_rate_and_swing_without_judging():
    """'68 bpm · swing 11 bpm'; dashes before a beat or a breath."""
    assert figures_line(68.2, 11.4) == "68 bpm · swing 11 bpm"
    assert figures_line(None, None) == "-- bpm · swing --"


def test_a_new_cycle_closes_the_breath_and_gives_its_swing():
    """Beats of a heart swinging 10 bpm over 10 s breaths: the swing is known once a breath ends."""
    heart = BreathHeart("fake", lambda t: int(t // 10))
    for beat in breathing_beats(0.0, 9.5, swing_bpm=10, breath_s=10):
        heart.feed(beat)
    assert heart.swing is None
    for beat in breathing_beats(9.5, 30.0, swing_bpm=10, breath_s=10):
        heart.feed(Beat(beat.t, beat.rr_ms))
    assert heart.swing == pytest.approx(10, abs=2)
    summary = heart.summary()
    assert summary is not None and summary.beats > 30
    assert heart.phase_suffix().startswith(" · ") and "swing" in heart.phase_suffix()


def test_lost_contact_is_told_once_and_its_return_once():
    """ContactLost twice says one notice; ContactRegained after it one more; a stray one none."""
    heart = BreathHeart("fake", lambda t: 0)
    assert heart.feed(ContactRegained(0.5)) is None
    assert heart.feed(ContactLost(1.0)) is not None
    assert heart.feed(ContactLost(2.0)) is None
    assert "contact again" in (heart.feed(ContactRegained(3.0)) or "")
    assert "reconnecting" in (heart.feed(Disconnected(4.0)) or "")


def test_intervals_are_kept_only_when_asked():
    """keep_intervals=False keeps none; True keeps each interval as it came."""
    off, on = BreathHeart("x", lambda t: 0), BreathHeart("x", lambda t: 0, keep_intervals=True)
    for t, rr in ((1.0, 1000.0), (1.9, 900.0)):
        off.feed(Beat(t, rr))
        on.feed(Beat(t, rr))
    assert off.intervals == [] and on.intervals == [1000.0, 900.0]


def test_the_last_breath_is_scored_when_the_session_breathes_it_to_the_end():
    """One 10 s breath: no swing until end(10), then about 10 bpm."""
    heart = BreathHeart("fake", lambda t: int(t // 10))
    for beat in breathing_beats(0.0, 9.9, swing_bpm=10, breath_s=10):
        heart.feed(beat)
    assert heart.summary().swing_bpm == 0.0
    heart.end(10.0)
    heart.end(10.0)  # once only
    assert heart.summary().swing_bpm == pytest.approx(10, abs=2)
    assert heart.tracker.breaths_scored == 1
