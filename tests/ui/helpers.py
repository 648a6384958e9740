"""Building the app for UI tests: a manual clock, silent cues, a chosen pattern."""

from __future__ import annotations

from breath_tui.app import BreathApp
from breath_tui.audio import SilentPlayer
from breath_tui.core.clock import ManualClock
from breath_tui.core.patterns import PRESETS
from breath_tui.session_setup import SessionSetup


def make_app(
    pattern: str = "resonance", cycles: int = 3, reduced_motion: bool = True, start: float = 100.0
) -> tuple[BreathApp, ManualClock, SilentPlayer]:
    """An app whose time moves only when the test moves it."""
    clock = ManualClock(start)
    cues = SilentPlayer()
    setup = SessionSetup(pattern=PRESETS[pattern], cycles=cycles, tempo=1.0, cues=cues)
    return BreathApp(setup, reduced_motion=reduced_motion, clock=clock), clock, cues


async def wait_until_started(pilot) -> None:
    """Let the first frame reach the screen: the session clock starts then."""
    for _ in range(50):
        if getattr(pilot.app.screen, "started", True):
            return
        await pilot.pause()
    raise AssertionError("the breathing session never started")
