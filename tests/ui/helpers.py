"""Building the app for UI tests: a manual clock, silent cues, a chosen pattern."""

from __future__ import annotations

from breath_tui.app import BreathApp
from breath_tui.audio import SilentPlayer
from breath_tui.core.clock import ManualClock
from breath_tui.core.patterns import PRESETS
from breath_tui.core.settings import Config
from breath_tui.flows import FlowOptions
from breath_tui.session_setup import SessionSetup


def quiet_config(config: Config | None = None) -> Config:
    """The settings given (or the defaults), with sound off."""
    config = config or Config()
    config.sound.enabled = False
    return config


def make_app(
    pattern: str = "resonance", cycles: int = 3, reduced_motion: bool = True, start: float = 100.0
) -> tuple[BreathApp, ManualClock, SilentPlayer]:
    """A breathing session as the first screen, whose time moves only when the test moves it."""
    clock = ManualClock(start)
    cues = SilentPlayer()
    setup = SessionSetup(pattern=PRESETS[pattern], cycles=cycles, tempo=1.0, cues=cues)
    options = FlowOptions(setup=setup, reduced_motion=reduced_motion)
    return BreathApp(quiet_config(), "breathe", options, clock=clock), clock, cues


async def wait_until_started(pilot) -> None:
    """Let the first frame reach the screen: the session clock starts then."""
    for _ in range(50):
        if getattr(pilot.app.screen, "started", True):
            return
        await pilot.pause()
    raise AssertionError("the breathing session never started")


async def settle(pilot) -> None:
    """Let journal workers finish and their results reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def make_checkin_app(
    journal, kind: str = "checkin", cycles: int = 2, regions=("shoulders", "stomach", "chest")
) -> tuple[BreathApp, ManualClock]:
    """The check-in (or scan) flow on `journal`, breathing resonance for `cycles` breaths."""
    clock = ManualClock(100.0)
    setup = SessionSetup(
        pattern=PRESETS["resonance"], cycles=cycles, tempo=1.0, cues=SilentPlayer()
    )
    config = quiet_config()
    config.body.regions = list(regions)
    options = FlowOptions(setup=setup, reduced_motion=True)
    app = BreathApp(config, kind, options, clock=clock, journal=journal)
    return app, clock


class Keys:
    """Presses keys through the pilot one at a time, counting them (to report a check-in's cost)."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            # As a person would, wait until the screen is there to take the key.
            await settle(self.pilot)
            for _ in range(5):
                if self.pilot.app.focused is not None:
                    break
                await self.pilot.pause()
            await self.pilot.press(key)
            await settle(self.pilot)
            self.count += 1
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        """Type text (each character one key press)."""
        await self(*text)


def make_home_app(
    config=None, clock_start: float = 100.0, journal=None
) -> tuple[BreathApp, ManualClock]:
    """The home screen with silent cues and a manual clock; the journal is BREATH_TUI_HOME's."""
    clock = ManualClock(clock_start)
    options = FlowOptions(reduced_motion=True)
    app = BreathApp(quiet_config(config), "home", options, clock=clock, journal=journal)
    return app, clock


def screen_text(app) -> str:
    """The characters the active screen sends to the terminal, row by row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
