"""The breathing screen with a heart-rate sensor: the heart line, per-breath swing, notices, and
the figures kept in the journal (a FakeSensor on the screen's manual clock)."""

from __future__ import annotations

from breath_tui.core.heart.events import ContactLost
from breath_tui.journal import Journal
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.widgets.heart_line import HeartLine

from .heart_app import beats_between, delivered, make_heart_app
from .helpers import make_app, settle, wait_until_started


def heart_text(app) -> str:
    return str(app.screen.query_one(HeartLine).render())


async def push_until(pilot, clock, sensor, seconds: float) -> None:
    """Beats up to `seconds` after the start (clock 100), each pushed when the clock is there."""
    await wait_until_started(pilot)
    for beat in beats_between(100.0, 100.0 + seconds):
        clock.time = max(clock.time, beat.t)
        sensor.push(beat)
        await delivered(pilot, sensor)
    pilot.app.screen.sync()
    await pilot.pause()


async def test_without_a_sensor_there_is_no_heart_line():
    """A plain `breathe` shows no heart line and says nothing about a medical device."""
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query(HeartLine)


async def test_the_heart_line_waits_then_shows_the_rate_and_each_breaths_swing():
    """Before beats: waiting; after a breath: 'NN bpm · swing NN bpm'; not a medical device."""
    app, clock, sensor = make_heart_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        first = heart_text(app)
        assert "Waiting for the first beats" in first
        assert "Not a medical device." in first
        assert "fake strap" in first
        await push_until(pilot, clock, sensor, 12.0)
        shown = heart_text(app)
        assert "-- bpm" not in shown
        assert "swing" in shown and "swing --" not in shown
        swing = app.screen.heart_feed.heart.swing
        assert 7 <= swing <= 13


async def test_the_heart_line_is_redrawn_only_when_a_beat_changes_it():
    """Ticks of the guide do not redraw the heart line; only beats do."""
    app, clock, sensor = make_heart_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push_until(pilot, clock, sensor, 3.0)
        line = app.screen.query_one(HeartLine)
        before = line.redraws
        for _ in range(20):
            clock.advance(0.05)
            app.screen.sync()
            await pilot.pause()
        assert line.redraws == before


async def test_lost_contact_is_one_notice_and_breathing_goes_on():
    """ContactLost twice: the notice says it once; the guide still moves on."""
    app, clock, sensor = make_heart_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push_until(pilot, clock, sensor, 2.0)
        sensor.push(ContactLost(clock.now()))
        await pilot.pause()
        notice = app.screen.query_one("#notice")
        assert "lost contact" in str(notice.render())
        clock.advance(4.0)
        app.screen.sync()
        await pilot.pause()
        assert "Breathe out" in str(app.screen.query_one("#word").render())


async def test_a_session_with_a_sensor_is_kept_with_its_heart_figures():
    """Esc after two breaths: a 'breathe' entry with the heart object (no raw intervals)."""
    app, clock, sensor = make_heart_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push_until(pilot, clock, sensor, 21.0)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BreathingScreen) is False
        await pilot.press("enter")
        await settle(pilot)
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert entry.kind == "breathe"
    assert entry.breathing is not None and entry.breathing.cycles == 2
    heart = entry.heart
    assert heart is not None and heart.sensor == "fake strap"
    assert heart.beats > 15 and 55 < heart.mean_bpm < 75
    assert 7 <= heart.swing_bpm <= 13
    assert "intervals_ms" not in heart.to_dict()


async def test_raw_intervals_are_kept_only_with_the_setting():
    """keep_intervals: the heart object carries every interval as it came."""
    app, clock, sensor = make_heart_app(keep_intervals=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await push_until(pilot, clock, sensor, 11.0)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    with Journal() as journal:
        (entry,) = journal.checkins()
    intervals = entry.heart.to_dict()["intervals_ms"]
    assert len(intervals) == entry.heart.beats
