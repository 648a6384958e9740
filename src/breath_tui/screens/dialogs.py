"""The pop-ups: the card at the end of a breathing session, the questions a check-in asks about
itself (keep or discard on leaving; what to do with an unfinished one), and the message that
covers a window too small to use. Single keys answer; buttons serve Tab and the mouse.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Button, Static

from breath_tui.core.card import KIND_NAMES, card_lines
from breath_tui.core.checkin import CheckIn
from breath_tui.core.when import day_and_time
from breath_tui.screens import MIN_HEIGHT, MIN_WIDTH
from breath_tui.screens.base import BreathModal
from breath_tui.widgets.literal import literal

RESUMABLE = ("checkin", "scan", "ground")
NARROW, LOW = 60, 16


class SessionEndScreen(BreathModal[None]):
    """What the session was: breaths, minutes, tempo. Enter, Esc or q closes."""

    CSS_PATH = "breathe.tcss"

    BINDINGS = [Binding("escape,q,enter", "close", "Close")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        """The summary and a close button."""
        with Vertical(id="session-end"):
            yield Static(literal(self.text, keep_lines=True), id="session-end-text")
            yield Static("Enter or Esc closes", id="close", markup=False)
        yield Static("enter or esc close", id="keys", markup=False)

    def action_close(self) -> None:
        """Close the card."""
        self.dismiss(None)


class TooSmallScreen(BreathModal[None]):
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
        yield Static(
            f"Make the window at least {MIN_WIDTH}x{MIN_HEIGHT}.\nq leaves · Esc shows it anyway",
            id="too-small-message",
            markup=False,
        )
        yield Static(literal(self.breath_app.config.safety.crisis_text), id="too-small-crisis")

    def action_dismiss_message(self) -> None:
        """Let the person see the cramped screen anyway."""
        self.dismiss(None)

    def action_leave_below(self) -> None:
        """q: what ctrl+q does for the screen below (home quits; a check-in asks what to keep)."""
        self.breath_app.action_leave()


class Dialog(BreathModal[str | None]):
    """A question in a box; below 60 columns its buttons go two to a row, and below 16 rows
    its longer hint gives way, so every choice stays visible down to 40x12."""

    CSS_PATH = ["checkin.tcss"]

    @on(Resize)
    def _fit(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        self.set_class(event.size.height < LOW, "low")


class LeaveScreen(Dialog):
    """'Leave the check-in?' k keeps what was entered, l leaves it to finish later, d discards
    it, Esc stays."""

    BINDINGS = [
        Binding("k", "choose('keep')", show=False),
        Binding("l", "choose('later')", show=False),
        Binding("d", "choose('discard')", show=False),
        Binding("escape", "choose(None)", show=False),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        """The question and three buttons."""
        with Vertical(id="leave", classes="dialog"):
            yield Static(f"Leave the {self.what}?", classes="question", markup=False)
            yield Static(
                "What you entered so far can be kept in your journal as it is, left to finish "
                "later (home offers it), or discarded.",
                classes="hint",
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Button("k Keep it", id="keep", compact=True)
                yield Button("l Later", id="later", compact=True)
                yield Button("d Discard it", id="discard", compact=True)
                yield Button("Esc Stay", id="stay", compact=True)
        # Its own keys at the foot, over those of the screen behind.
        yield Static("k keep it · l later · d discard it · esc stay", id="keys", markup=False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(None if event.button.id == "stay" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        """Answer: "keep", "later", "discard", or None to stay."""
        self.dismiss(choice)


class ResumeScreen(Dialog):
    """An unfinished check-in was found: f finishes it, k keeps it as it is, d discards it.

    Dismissed with "finish", "keep", "discard", or None (q: leave it for now and close).
    """

    BINDINGS = [
        Binding("f", "choose('finish')", show=False),
        Binding("k", "choose('keep')", show=False),
        Binding("d", "choose('discard')", show=False),
        Binding("q,escape", "choose(None)", show=False),
    ]

    def __init__(self, unfinished: CheckIn, *, can_finish: bool | None = None) -> None:
        super().__init__()
        self.unfinished = unfinished
        self._can_finish = can_finish

    @property
    def can_finish(self) -> bool:
        """Whether f finishes it: as the flow asking says, else only check-ins, scans and
        groundings (they have steps to go back to)."""
        if self._can_finish is not None:
            return self._can_finish
        return self.unfinished.kind in RESUMABLE

    def compose(self) -> ComposeResult:
        """What was found, what it holds, and the choices."""
        lines = card_lines(self.unfinished)
        with Vertical(id="resume", classes="dialog"):
            what = KIND_NAMES[self.unfinished.kind]
            when = day_and_time(self.unfinished.started_at)
            yield Static(f"An unfinished {what}, {when}", classes="question", markup=False)
            yield Static(
                literal("\n".join(lines[1:]) or "Nothing entered yet.", keep_lines=True),
                id="resume-card",
            )
            with Horizontal(classes="buttons"):
                if self.can_finish:
                    yield Button("f Finish it", id="finish", compact=True)
                yield Button("k Keep it", id="keep", compact=True)
                yield Button("d Discard it", id="discard", compact=True)
            yield Static(
                "Keep saves it as it is; q decides next time.", id="resume-hint", markup=False
            )
        finish = "f finish it · " if self.can_finish else ""
        yield Static(
            f"{finish}k keep it · d discard it · q decide next time", id="keys", markup=False
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id)

    def action_choose(self, choice: str | None) -> None:
        """Answer: "finish" (if it can be), "keep", "discard", or None to close for now."""
        if choice == "finish" and not self.can_finish:
            return
        self.dismiss(choice)
