"""The Textual app: loads app.tcss and opens the screen for the command it was started with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from breath_tui.core.clock import Clock, MonotonicClock

if TYPE_CHECKING:
    from breath_tui.screens.breathe import PhaseTrace
    from breath_tui.session_setup import SessionSetup


class BreathApp(App[None]):
    """breath-tui's full-screen UI."""

    CSS_PATH = "app.tcss"
    TITLE = "breath-tui"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        setup: SessionSetup,
        reduced_motion: bool = False,
        clock: Clock | None = None,
        trace: PhaseTrace | None = None,
    ) -> None:
        super().__init__()
        self.setup = setup
        self._reduced_motion = reduced_motion
        self.clock = clock or MonotonicClock()
        self.trace = trace
        self.summary_text: str | None = None

    @property
    def reduced_motion(self) -> bool:
        """No motion: --reduced-motion, the setting, or TEXTUAL_ANIMATIONS=none."""
        return self._reduced_motion or self.animation_level == "none"

    def get_default_screen(self) -> Screen[Any]:
        """Breathing is the first screen, so the very first frame already guides."""
        from breath_tui.screens.breathe import BreathingScreen

        return BreathingScreen(
            self.setup, self.clock, self.reduced_motion, trace=self.trace, on_done=self._finished
        )

    def _finished(self, summary: str) -> None:
        self.summary_text = summary
        self.exit()
