"""The Textual app: loads app.tcss and opens the screen for the command it was started with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from breath_tui.core.clock import Clock, MonotonicClock

if TYPE_CHECKING:
    from breath_tui.screens.breathe import PhaseTrace
    from breath_tui.session_setup import SessionSetup

StartScreen = Callable[["BreathApp"], Screen[Any]]
"""Makes the first screen (e.g. the check-in flow) once the app exists."""


class BreathApp(App[None]):
    """breath-tui's full-screen UI: a breathing session, or the screen `start` makes.

    Args:
        setup: the breathing session (for a check-in: its breathing step); None for a scan.
        reduced_motion: a guide with no motion (also when TEXTUAL_ANIMATIONS=none).
        clock: monotonic time; tests pass a ManualClock.
        trace: records when phase changes reach the screen (benchmarks).
        start: makes the first screen instead of the breathing screen.
    """

    CSS_PATH = "app.tcss"
    TITLE = "breath-tui"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", show=False, priority=True)]

    def __init__(
        self,
        setup: SessionSetup | None = None,
        reduced_motion: bool = False,
        clock: Clock | None = None,
        trace: PhaseTrace | None = None,
        start: StartScreen | None = None,
    ) -> None:
        super().__init__()
        self.setup = setup
        self._reduced_motion = reduced_motion
        self.clock = clock or MonotonicClock()
        self.trace = trace
        self.start = start
        self.summary_text: str | None = None

    @property
    def reduced_motion(self) -> bool:
        """No motion: --reduced-motion, the setting, or TEXTUAL_ANIMATIONS=none."""
        return self._reduced_motion or self.animation_level == "none"

    def get_default_screen(self) -> Screen[Any]:
        """Breathing is the first screen, so the very first frame already guides."""
        if self.start is not None:
            return self.start(self)
        from breath_tui.screens.breathe import BreathingScreen

        assert self.setup is not None, "a breathing session needs a setup"
        return BreathingScreen(
            self.setup, self.clock, self.reduced_motion, trace=self.trace, on_done=self._finished
        )

    def action_leave(self) -> None:
        """ctrl+q: the way out of the nearest screen that has one (a check-in asks what to keep,
        also from its breathing step), else quit."""
        for screen in reversed(self.screen_stack):
            leave = getattr(screen, "action_leave", None)
            if callable(leave):
                leave()
                return
        self.exit()

    def _finished(self, summary: str) -> None:
        self.summary_text = summary
        self.exit()
