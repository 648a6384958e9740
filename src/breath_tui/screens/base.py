"""The contract between the app and its screens (docs/architecture.md, "Screens and flows").

- `BreathScreen` is the base of every breath-tui screen. It reaches the app typed
  (`self.breath_app`), says whether the "make the window larger" cover may hide it, what ctrl+q
  does on it (`leave`), and how to keep what was entered when the app is ended from outside
  (`save_draft`).
- A flow (check-in, quick calm, history...) is a BreathScreen[Outcome]: it ends with
  `finish(Outcome(...))`, which dismisses it with that result (the screen that opened it shows the
  line), or, when the flow is the app's first screen, ends the app with it (the command line
  prints the line). Nothing travels through attributes of the app.
- Journal reads and writes run in a thread worker (`journal_work`), never on the event loop: a
  second copy of the app holding the journal can slow a save, never freeze the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, NamedTuple, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from breath_tui.app import BreathApp
    from breath_tui.core.checkin import Breathing, Heart
    from breath_tui.journal import Journal

ResultType = TypeVar("ResultType")
Done = TypeVar("Done")


class Outcome(NamedTuple):
    """How a flow ended.

    Attributes:
        line: one line saying so ("Saved in your journal: ..."), shown on the screen the flow
            returns to, or printed when the flow was the app's first screen; "" says nothing.
        breathing: what was breathed, for a breathing session (None: nothing, or not one).
        settings_changed: the settings were saved, so screens showing them are redrawn.
        heart: the heart figures of a session breathed with a heart-rate sensor.
        left_unfinished: the flow was left to finish later, and `line` says so (and how to
            resume), so home does not say it again on a line of its own.
    """

    line: str = ""
    breathing: Breathing | None = None
    settings_changed: bool = False
    heart: Heart | None = None
    left_unfinished: bool = False


class BreathScreen(Screen[ResultType]):
    """A breath-tui screen (see the module's docstring)."""

    COVERED_WHEN_TOO_SMALL: ClassVar[bool] = True
    """Below 40x12 the app covers this screen with a 'make the window larger' message; a screen
    that says so itself (breathing, which goes on) sets this False."""
    IS_HOME: ClassVar[bool] = False
    """Home sets this: a flow opened over it may name home's keys when it ends (no import of
    home here, which imports the flows that import this)."""

    def __init__(self, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        # Set when the last journal work this screen asked for is done (see journal_work).
        self._journal_turn = threading.Event()
        self._journal_turn.set()

    @property
    def breath_app(self) -> BreathApp:
        """The app, typed."""
        return cast("BreathApp", self.app)

    def leave(self) -> bool:
        """ctrl+q here: leave in this screen's own way (a check-in asks what to keep) and return
        True, or return False to let the screen below (or the app, which quits) decide."""
        return False

    def save_draft(self) -> None:
        """The app is being ended from outside (SIGTERM, SIGHUP): keep what was entered."""

    def flow_returned(self, outcome: Outcome) -> None:
        """A flow opened over this screen has ended: say how, as a short notice (home shows it
        on its status line instead, where it covers nothing)."""
        if outcome.line:
            self.notify(outcome.line, timeout=5)

    @property
    def opened_from_home(self) -> bool:
        """Whether this flow returns to home when it ends, so its last line may name home's
        keys (r resumes, h opens history) instead of commands to type."""
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack[1:] else None
        return isinstance(below, BreathScreen) and below.IS_HOME

    def finish(self: BreathScreen[Outcome], outcome: Outcome) -> None:
        """End this flow with `outcome`: back to the screen that opened it, which is given the
        outcome, or, when it is the app's first screen, end the app with it."""
        if self.app.screen_stack and self.app.screen_stack[0] is self:
            self.app.exit(outcome)
        else:
            self.dismiss(outcome)

    def journal_work(
        self,
        work: Callable[[Journal], Done],
        done: Callable[[Done], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `work(journal)` in a thread, then `done(result)` back on the event loop.

        A failure (a JournalError, a value the journal refused, or anything else that went
        wrong) goes to `failed` instead (by default a notice saying it was not saved); the
        screen stays as it was, so nothing entered is lost, and never waits for a `done` that
        will not come.
        """
        app = self.breath_app
        report = failed or self._not_saved
        # One screen's journal work runs in the order it was asked: a draft saved as a region
        # is answered must never land after the whole step's save.
        before, mine = self._journal_turn, threading.Event()
        self._journal_turn = mine

        def run() -> None:
            before.wait()
            try:
                try:
                    result = work(app.journal)
                except Exception as error:  # said on screen: a worker's error is never silent
                    app.call_from_thread_if_running(report, error)
                    return
                app.call_from_thread_if_running(done, result)
            finally:
                # Only now: the next work of this screen sees what `done` set (the check-in
                # started by this work, say).
                mine.set()

        self.run_worker(run, thread=True, group="journal", exit_on_error=False)

    def _not_saved(self, error: Exception) -> None:
        self.notify(f"Not saved: {error}", severity="error", timeout=10)


class BreathModal(ModalScreen[ResultType]):
    """A pop-up over a breath-tui screen (a question, a card): typed reach to the app."""

    COVERED_WHEN_TOO_SMALL: ClassVar[bool] = True
    """As for BreathScreen: a pop-up that fits itself to a small window sets this False."""

    @property
    def breath_app(self) -> BreathApp:
        """The app, typed."""
        return cast("BreathApp", self.app)
