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


def make_checkin_app(
    journal, kind: str = "checkin", cycles: int = 2, regions=("shoulders", "stomach", "chest")
) -> tuple[BreathApp, ManualClock]:
    """The check-in (or scan) flow on `journal`, breathing resonance for `cycles` breaths."""
    from breath_tui.screens.checkin import start_screen

    clock = ManualClock(100.0)
    setup = None
    if kind == "checkin":
        setup = SessionSetup(
            pattern=PRESETS["resonance"], cycles=cycles, tempo=1.0, cues=SilentPlayer()
        )
    app = BreathApp(
        setup=setup,
        reduced_motion=True,
        clock=clock,
        start=start_screen(journal, kind, setup, list(regions)),
    )
    return app, clock


class Keys:
    """Presses keys through the pilot one at a time, counting them (to report a check-in's cost)."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            # As a person would, wait until the screen is there to take the key.
            for _ in range(5):
                if self.pilot.app.focused is not None:
                    break
                await self.pilot.pause()
            await self.pilot.press(key)
            self.count += 1
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        """Type text (each character one key press)."""
        await self(*text)


def make_home_app(config=None, clock_start: float = 100.0) -> tuple[BreathApp, ManualClock]:
    """The home screen with silent cues and a manual clock; the journal is BREATH_TUI_HOME's."""
    from breath_tui.core.settings import Config
    from breath_tui.screens.home import HomeScreen

    config = config or Config()
    config.sound.enabled = False
    clock = ManualClock(clock_start)
    app = BreathApp(
        reduced_motion=True, clock=clock, start=lambda _app: HomeScreen(), config=config
    )
    return app, clock
