"""Building the breathing screen with a heart-rate sensor for UI tests: a FakeSensor pushed by
the test, on the screen's manual clock."""

from __future__ import annotations

from breath_tui.app import BreathApp
from breath_tui.audio import SilentPlayer
from breath_tui.core.clock import ManualClock
from breath_tui.core.heart.events import Beat
from breath_tui.core.patterns import PRESETS
from breath_tui.flows import FlowOptions
from breath_tui.heart.sensors import FakeSensor, breathing_beats
from breath_tui.heart.source import SensorSource
from breath_tui.session_setup import SessionSetup

from .helpers import quiet_config


def make_heart_app(
    cycles: int = 3, label: str = "fake strap", keep_intervals: bool = False, start: float = 100.0
) -> tuple[BreathApp, ManualClock, FakeSensor]:
    """`breathe --sensor` as the first screen; the test pushes beats into the FakeSensor."""
    clock = ManualClock(start)
    sensor = FakeSensor(label=label)
    setup = SessionSetup(
        pattern=PRESETS["resonance"],
        cycles=cycles,
        tempo=1.0,
        cues=SilentPlayer(),
        sensor=SensorSource(label, lambda _clock: sensor),
        keep_intervals=keep_intervals,
    )
    options = FlowOptions(setup=setup, reduced_motion=True)
    return BreathApp(quiet_config(), "breathe", options, clock=clock), clock, sensor


def beats_between(start: float, end: float, swing: float = 10.0) -> list[Beat]:
    """A heart swinging `swing` bpm with each 10-second breath, from start to end."""
    return breathing_beats(start, end - start, swing_bpm=swing, breath_s=10.0)


async def delivered(pilot, sensor: FakeSensor) -> None:
    """Wait until the screen's reader has taken (and so handled) every beat pushed: on a busy
    machine it may lag a clock the test moves, and a breath would close without its beats."""
    for _ in range(1000):
        if not sensor.pending():
            return
        await pilot.pause()
    raise AssertionError("the screen never read the beats pushed")
