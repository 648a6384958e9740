"""SVG snapshots (80x24, motion off, manual clock) of the heart beside the breath: the breathing
screen with a heart line, the resonance assessment mid-run, and its result."""

from __future__ import annotations

import pytest

from breath_tui.screens.resonance import ResonanceResultScreen

from .heart_app import beats_between, delivered, make_heart_app
from .helpers import settle, wait_until_started
from .test_resonance_screen import PROTOCOL, START, beats, breathe_until, make_assessment


def test_breathing_with_a_heart_line_80x24(snap_compare):
    """Under the guide: a braille heart-rate line swinging with each 10 s breath, '64 bpm ·
    swing 10 bpm' (figures, no judgement), 'fake strap · Not a medical device.'; the word,
    countdown, progress and safety copy as without a sensor."""
    app, clock, sensor = make_heart_app(cycles=6)

    async def run_before(pilot):
        await wait_until_started(pilot)
        for beat in beats_between(100.0, 123.0):
            clock.time = max(clock.time, beat.t)
            sensor.push(beat)
            await delivered(pilot, sensor)
        app.screen.sync()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_resonance_assessment_mid_run_80x24(snap_compare):
    """Rate 2 of 3 (5.5 a minute, in:out 4:6) in the title; the guide on the left with its
    word and countdown; on the right the heart line, the figures, 'Not a medical device.' and
    the rates with 6.5's swing so far (5.5 marked >); '0:50 left at this rate · 1:50 in all'."""
    pytest.importorskip("scipy")
    app, clock, sensor = make_assessment()

    async def run_before(pilot):
        await wait_until_started(pilot)
        await breathe_until(pilot, clock, sensor, beats(PROTOCOL), START + 70.0)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_resonance_result_80x24(snap_compare):
    """The result: a table per rate (swing, LF power, RMSSD, mean bpm, breaths, corrected),
    a bar per rate with 5.5 longest and marked <, 'Resonance rate: 5.5 breaths a minute',
    'Kept in your journal.' and the keys (u my-resonance, enter close) in view at the foot."""
    pytest.importorskip("scipy")
    app, clock, sensor = make_assessment()

    async def run_before(pilot):
        await wait_until_started(pilot)
        await breathe_until(pilot, clock, sensor, beats(PROTOCOL), START + 181.0)
        for _ in range(50):
            await settle(pilot)
            if isinstance(app.screen, ResonanceResultScreen):
                break
        assert isinstance(app.screen, ResonanceResultScreen)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
