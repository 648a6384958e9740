"""Screens over a flow: the card at the end of a breathing session, and the message that covers
a window too small to use. Imported when first shown, not to paint the first frame.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from breath_tui.screens import MIN_HEIGHT, MIN_WIDTH
from breath_tui.widgets.literal import literal


class SummaryScreen(ModalScreen[None]):
    """What the session was: breaths, minutes, tempo. Enter, Esc or q closes."""

    CSS_PATH = "breathe.tcss"

    BINDINGS = [Binding("escape,q,enter", "close", "Close")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        """The summary and a close button."""
        with Vertical(id="summary"):
            yield Static(literal(self.text, keep_lines=True), id="summary-text")
            yield Static("Enter or Esc closes", id="close", markup=False)

    def action_close(self) -> None:
        """Close the summary."""
        self.dismiss(None)


class TooSmallScreen(ModalScreen[None]):
    """Covers a screen too small to use; goes away when the window grows (or Esc).

    It hides the screen below it completely (a cramped screen half seen through would be
    garbled), so it repeats the crisis line.
    """

    BINDINGS = [
        Binding("escape", "dismiss_message", "Close"),
        Binding("q", "leave_below", "Leave"),
    ]

    def compose(self) -> ComposeResult:
        """The message, its keys, the crisis line."""
        config: Any = getattr(self.app, "config", None)
        yield Static(
            f"Make the window at least {MIN_WIDTH}x{MIN_HEIGHT}.\nq leaves · Esc shows it anyway",
            id="too-small-message",
            markup=False,
        )
        if config is not None:
            yield Static(literal(config.safety.crisis_text), id="too-small-crisis")

    def action_dismiss_message(self) -> None:
        """Let the person see the cramped screen anyway."""
        self.dismiss(None)

    def action_leave_below(self) -> None:
        """q: what ctrl+q does for the screen below (home quits; a check-in asks what to keep).
        Not named action_leave, which the app would find here first."""
        leave: Any = getattr(self.app, "action_leave", None)
        if callable(leave):
            leave()
