"""Replay and fake sensors on an injected clock: beats at their times, never a real sleep."""

from __future__ import annotations

import pytest

from breath_tui.core.clock import ManualClock
from breath_tui.core.errors import BadInput
from breath_tui.core.heart.events import Beat, ContactLost, Disconnected
from breath_tui.core.heart.recording import Recording
from breath_tui.core.heart.sensor_option import parse_sensor_option
from breath_tui.core.heart.tracker import HeartTracker
from breath_tui.heart.sensors import FakeSensor, ReplaySensor, breathing_beats, open_sensor


class MovingSleep:
    """A sleep that moves the manual clock instead of waiting, and remembers each wait."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds)


async def collect(sensor, limit: int = 10_000) -> list:
    events = []
    async for event in sensor.events():
        events.append(event)
        if len(events) >= limit:
            await sensor.close()
    return events


async def test_replay_plays_each_interval_at_its_time():
    """Each recorded interval comes out as a beat at the clock time it ends, from the start."""
    clock = ManualClock(start=100.0)
    sensor = ReplaySensor(
        Recording("rr.txt", (1000.0, 800.0, 1200.0)), clock, sleep=MovingSleep(clock)
    )
    beats = await collect(sensor)
    assert [(b.t, b.rr_ms) for b in beats] == [
        (101.0, 1000.0),
        (pytest.approx(101.8), 800.0),
        (pytest.approx(103.0), 1200.0),
    ]


async def test_replay_at_speed_four_plays_four_times_faster():
    """At speed 4 the same intervals arrive in a quarter of the clock time, unchanged."""
    clock = ManualClock()
    sleep = MovingSleep(clock)
    sensor = ReplaySensor(Recording("rr.txt", (1000.0, 1000.0)), clock, speed=4, sleep=sleep)
    beats = await collect(sensor)
    assert [b.t for b in beats] == [0.25, 0.5]
    assert [b.rr_ms for b in beats] == [1000.0, 1000.0]
    assert sum(sleep.waits) == pytest.approx(0.5)


async def test_replay_stops_when_closed():
    """close() ends the replay before its next beat."""
    clock = ManualClock()
    sensor = ReplaySensor(Recording("rr.txt", (900.0,) * 50), clock, sleep=MovingSleep(clock))
    assert len(await collect(sensor, limit=3)) == 3


async def test_replay_loops_when_asked():
    """With loop=True the recording starts over, time still moving forward."""
    clock = ManualClock()
    sensor = ReplaySensor(
        Recording("rr.txt", (1000.0,)), clock, sleep=MovingSleep(clock), loop=True
    )
    beats = await collect(sensor, limit=3)
    assert [b.t for b in beats] == [1.0, 2.0, 3.0]


async def test_replayed_beats_drive_the_tracker():
    """A replayed heart that follows 10-second breaths gives the tracker its swing."""
    clock = ManualClock()
    beats = breathing_beats(0.0, 60.0, base_bpm=65, swing_bpm=10, breath_s=10)
    recording = Recording("demo", tuple(b.rr_ms for b in beats))
    tracker = HeartTracker("demo")
    tracker.breath_boundary(0.0)
    next_boundary = 10.0
    async for event in ReplaySensor(recording, clock, sleep=MovingSleep(clock)).events():
        while event.t >= next_boundary:
            tracker.breath_boundary(next_boundary)
            next_boundary += 10.0
        tracker.feed(event)
    summary = tracker.summary()
    assert summary.beats == len(beats)
    assert summary.swing_bpm == pytest.approx(10, abs=1.5)


async def test_fake_sensor_plays_its_script_on_the_clock_then_pushed_events():
    """Scripted events come at their times in order; pushed ones after; close() ends it."""
    clock = ManualClock()
    sensor = FakeSensor([Beat(2.0, 900.0), ContactLost(1.0)], clock=clock, sleep=MovingSleep(clock))
    seen = []
    async for event in sensor.events():
        seen.append((clock.now(), event))
        if isinstance(event, Beat):
            sensor.push(Disconnected(clock.now()))
        if isinstance(event, Disconnected):
            await sensor.close()
    assert [type(e).__name__ for _, e in seen] == ["ContactLost", "Beat", "Disconnected"]
    assert [t for t, _ in seen] == [1.0, 2.0, 2.0]


async def test_a_closed_fake_sensor_has_nothing_pending():
    """Once closed, pushed events will never be read: pending() says 0 (a test waiting for
    the reader to take them would wait for ever), and a push is dropped."""
    sensor = FakeSensor()
    sensor.push(Beat(1.0, 900.0))
    assert sensor.pending() == 1
    await sensor.close()
    sensor.push(Beat(2.0, 900.0))
    assert sensor.pending() == 0
    assert [event async for event in sensor.events()] == []


def test_open_sensor_reads_the_replay_file(tmp_path):
    """--sensor replay:FILE@2 opens a ReplaySensor of that file at speed 2, labelled by it."""
    path = tmp_path / "rr.txt"
    path.write_text("800\n810\n")
    sensor = open_sensor(parse_sensor_option(f"replay:{path}@2"), ManualClock())
    assert isinstance(sensor, ReplaySensor)
    assert sensor.speed == 2
    assert sensor.label == f"replay:{path}"


def test_open_sensor_with_a_bad_replay_file_is_bad_input(tmp_path):
    """A replay file with a bad line is bad input naming the line."""
    path = tmp_path / "rr.txt"
    path.write_text("800\nx\n")
    with pytest.raises(BadInput, match="line 2"):
        open_sensor(parse_sensor_option(f"replay:{path}"), ManualClock())


def test_open_sensor_ble_needs_an_address():
    """Plain `ble` without a picked address is a programming error: scan first."""
    with pytest.raises(ValueError, match="scan"):
        open_sensor(parse_sensor_option("ble"), ManualClock())
