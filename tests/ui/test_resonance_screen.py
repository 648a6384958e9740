"""The live resonance assessment end to end: a recording with a known resonance rate pushed beat
by beat through a FakeSensor on the screen's manual clock, the result kept and offered."""

from __future__ import annotations

import pytest

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.core.config import load_config
from breath_tui.core.heart.events import Beat
from breath_tui.core.heart.protocol import SteppedProtocol
from breath_tui.core.locations import config_path
from breath_tui.flows import FlowOptions
from breath_tui.heart.sensors import FakeSensor
from breath_tui.heart.source import SensorSource
from breath_tui.journal import Journal
from breath_tui.screens.resonance import ResonanceResultScreen, ResonanceScreen
from breath_tui.session_setup import session_for
from tests.heart.synthetic import clean_intervals

from .heart_app import delivered
from .helpers import quiet_config, settle, wait_until_started

pytest.importorskip("scipy")

START = 100.0
PROTOCOL = SteppedProtocol(rates=(6.5, 5.5, 4.5), minutes_each=1.0)


def make_assessment(protocol=PROTOCOL, label="fake strap"):
    clock = ManualClock(START)
    sensor = FakeSensor(label=label)
    options = FlowOptions(
        reduced_motion=True,
        sound=False,
        assessment=(protocol, SensorSource(label, lambda _clock: sensor)),
    )
    return BreathApp(quiet_config(), "resonance", options, clock=clock), clock, sensor


def beats(protocol, resonance=5.5, seed=3):
    t = START
    for rr in clean_intervals(protocol, resonance, seed=seed, noise_ms=5.0):
        t += rr / 1000
        yield Beat(t, rr)


async def breathe_until(pilot, clock, sensor, stream, until: float) -> None:
    """Push each beat when the clock reaches it, the screen ticking at least once a second."""
    screen = pilot.app.screen
    for beat in stream:
        while clock.time + 1.0 < beat.t:
            clock.advance(1.0)
            screen.sync()
        clock.time = beat.t
        sensor.push(beat)
        await delivered(pilot, sensor)
        if beat.t >= until:
            break
    clock.time = max(clock.time, until)
    screen.sync()
    await pilot.pause()


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


async def test_the_assessment_leads_each_rate_and_finds_the_planted_rate():
    """Rates in turn (title and time left), then the result: 5.5 kept as kind 'resonance'."""
    app, clock, sensor = make_assessment()
    stream = beats(PROTOCOL)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        assert "6.5 breaths a minute · rate 1 of 3" in shown(app, "#title")
        assert "1:00 left at this rate · 3:00 in all" in shown(app, "#progress")
        await breathe_until(pilot, clock, sensor, stream, START + 70.0)
        assert "5.5 breaths a minute · rate 2 of 3" in shown(app, "#title")
        assert "0:50 left at this rate" in shown(app, "#progress")
        assert "bpm" in shown(app, "#rates").splitlines()[1]  # 6.5's swing so far
        await breathe_until(pilot, clock, sensor, stream, START + 181.0)
        for _ in range(50):
            await settle(pilot)
            if isinstance(app.screen, ResonanceResultScreen):
                break
        assert isinstance(app.screen, ResonanceResultScreen)
        report = shown(app, "#report")
        assert "Resonance rate: 5.5 breaths a minute" in report
        assert "Not a medical device" in report
        assert "Kept in your journal" in shown(app, "#kept")
        await pilot.press("u")
        await settle(pilot)
        assert "my-resonance" in shown(app, "#used")
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_value.line.startswith("Resonance rate: 5.5 breaths a minute")
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert entry.kind == "resonance"
    assert entry.resonance.chosen_rate == 5.5
    assert [figure.rate for figure in entry.resonance.rates] == [6.5, 5.5, 4.5]
    assert entry.heart is not None and entry.heart.sensor == "fake strap"
    pattern = session_for(load_config(config_path()), "checkin").pattern
    assert pattern.name == "my-resonance"
    assert pattern.breaths_per_minute == pytest.approx(5.5, abs=0.01)
    assert [phase.kind for phase in pattern.phases] == ["in", "out"]


async def test_esc_before_two_rates_keeps_nothing():
    """Leaving during the second rate: nothing kept, and the line says so."""
    app, clock, sensor = make_assessment()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        await breathe_until(pilot, clock, sensor, beats(PROTOCOL), START + 90.0)
        await pilot.press("escape")
        await settle(pilot)
    assert app.return_value.line.startswith("Nothing kept")
    with Journal() as journal:
        assert journal.checkins() == []


async def test_esc_after_two_rates_keeps_the_rates_done():
    """Leaving during the third rate: the two rates breathed are analysed and kept."""
    app, clock, sensor = make_assessment()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        await breathe_until(pilot, clock, sensor, beats(PROTOCOL), START + 130.0)
        await pilot.press("escape")
        for _ in range(50):
            await settle(pilot)
            if isinstance(app.screen, ResonanceResultScreen):
                break
        assert isinstance(app.screen, ResonanceResultScreen)
        await pilot.press("enter")
        await settle(pilot)
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert [figure.rate for figure in entry.resonance.rates] == [6.5, 5.5]


async def test_space_does_not_pause_the_protocol():
    """The protocol keeps its time: space changes nothing, the time left still runs."""
    app, clock, sensor = make_assessment()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        await pilot.press("space")
        clock.advance(5.0)
        app.screen.sync()
        await pilot.pause()
        assert isinstance(app.screen, ResonanceScreen)
        assert "0:55 left at this rate" in shown(app, "#progress")
        assert "Paused" not in shown(app, "#word")
