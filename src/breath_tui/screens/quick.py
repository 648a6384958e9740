"""Quick calm (`breath-tui now`): guidance at once, then one optional key for "how tense now".

Nothing is asked before the breathing starts. Afterwards a digit (t for 10) keeps the rating;
Enter or Esc skips it. Either way the session is kept in the journal as a quick entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from breath_tui.core.safety import STILL_TENSE

if TYPE_CHECKING:
    from datetime import datetime

    from breath_tui.core.checkin import Breathing
    from breath_tui.session_setup import SessionSetup


class QuickRatingScreen(ModalScreen[int | None]):
    """'How tense do you feel now?' One key answers; Enter or Esc skips."""

    CSS_PATH = ["questions.tcss", "quick.tcss"]

    BINDINGS = [Binding("escape,q", "skip", "Skip")]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        """The summary of the breathing, the question, the scale."""
        # Imported here: the check-in's steps (TextArea and all) are not needed to start breathing.
        from breath_tui.screens.steps import RatingScale

        with Vertical(id="quick-rating"):
            yield Static(self.summary, markup=False)
            yield Static("How tense do you feel now?", classes="question", markup=False)
            yield RatingScale(None, self.dismiss, id="scale")
            yield Static(
                "0-9 answers (t for 10), or ←/→ then Enter · Esc skips\n"
                "0 = calm · 10 = the most tense you can imagine",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """The scale takes the keys; Enter with nothing marked skips."""
        self.query_one("#scale").focus()

    def on_key(self, event: Any) -> None:
        """Enter with no number marked skips the question."""
        if event.key == "enter" and getattr(self.query_one("#scale"), "marked", None) is None:
            event.stop()
            self.dismiss(None)

    def action_skip(self) -> None:
        """No rating this time."""
        self.dismiss(None)


def quick_calm_screen(app: Any, setup: SessionSetup) -> Any:
    """The breathing screen of a quick calm; at its end it asks the optional rating and keeps
    the entry. Push it, or make it the app's first screen (`breath-tui now`)."""
    from breath_tui.core.when import local_now
    from breath_tui.screens.breathe import BreathingScreen

    started = local_now()
    screen = BreathingScreen(setup, app.clock, app.reduced_motion, show_summary=False)

    def breathed(summary: str) -> None:
        breathing = screen.breathed()
        app.push_screen(
            QuickRatingScreen(summary),
            lambda rating: _keep(app, screen, started, breathing, rating),
        )

    screen.on_done = breathed
    return screen


def _keep(
    app: Any, screen: Any, started: datetime, breathing: Breathing | None, rating: int | None
) -> None:
    """Save the quick entry (if any breathing happened) and end the flow."""
    from breath_tui.core.checkin import CheckIn
    from breath_tui.core.when import local_now
    from breath_tui.journal import JournalError

    # Nothing breathed and nothing rated (stopped at once): there is nothing to keep.
    if breathing is None or (breathing.cycles == 0 and rating is None):
        app.summary_text = "Nothing kept: quick calm stopped before a whole breath."
    else:
        entry = (
            CheckIn.new("quick", now=lambda: started)
            .updated(breathing=breathing, post_rating=rating)
            .finished(local_now())
        )
        try:
            app.journal.add(entry)
        except JournalError as error:
            app.notify(f"Not saved: {error}", severity="error", timeout=10, markup=False)
        else:
            kept = f"tension {rating} now" if rating is not None else "no rating"
            app.summary_text = f"Kept as a quick entry in your journal ({kept})."
            if rating is not None and rating >= STILL_TENSE:
                # Safety copy, not advice: where help is, when tension is still high.
                app.summary_text += f" {app.config.safety.crisis_text}"
    screen.setup.close()
    app.end_flow(screen)
