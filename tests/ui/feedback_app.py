"""Building the feedback flow for UI tests: its day fixed, so the sessions offered and the
snapshots are the same every day."""

from __future__ import annotations

from datetime import date
from typing import Any

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.flows import FlowOptions
from breath_tui.screens.feedback import FeedbackScreen

from .helpers import quiet_config

TODAY = date(2024, 5, 1)
"""The day of the journal fixture's clock (Wed 1 May 2024, 09:30)."""


class FeedbackApp(BreathApp):
    """`breath-tui feedback` on a fixed day."""

    def get_default_screen(self) -> Any:
        """The feedback screen, today being TODAY."""
        return FeedbackScreen(resume=self.options.resume, today=lambda: TODAY)


def make_feedback_app(journal: Any, resume: str | None = None) -> FeedbackApp:
    """The feedback flow on `journal` (resuming the entry `resume`, if given)."""
    options = FlowOptions(reduced_motion=True, resume=resume)
    return FeedbackApp(
        quiet_config(), "feedback", options, clock=ManualClock(100.0), journal=journal
    )


def step_of(app: BreathApp) -> Any:
    """The step the feedback screen shows."""
    screen = app.screen
    assert isinstance(screen, FeedbackScreen), f"on {type(screen).__name__}"
    return screen.current


def only_feedback(journal: Any) -> Any:
    """The one entry of the journal, a feedback."""
    entries = journal.checkins()
    assert len(entries) == 1 and entries[0].kind == "feedback", entries
    return entries[0]
