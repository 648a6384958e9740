"""The check-in flow: its steps one after another, each saved to the journal the moment it is done.

`breath-tui checkin`: tension before, breathing, body scan, feelings, note, tension now, summary.
`breath-tui scan`: body scan, feelings, note, summary.

Keys everywhere: s skips a step (saved empty, so a resumed check-in moves past it), Esc goes back
a step (inside a step first: a region, a level), q leaves and asks whether to keep what was
entered (ctrl+q too, where q is being typed; the app passes ctrl+q to this screen). The check-in
is only written once its first step is answered, so opening and leaving at once leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from breath_tui.core.card import KIND_NAMES, breathing_text
from breath_tui.core.checkin import CheckIn, CheckInError, Kind, steps_for
from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.dialogs import RESUMABLE, LeaveScreen, ResumeScreen
from breath_tui.screens.feelings import FeelingsStep
from breath_tui.screens.steps import (
    BreathingStep,
    NoteStep,
    RatingStep,
    Step,
    SummaryStep,
)
from breath_tui.session_setup import SessionSetup

if TYPE_CHECKING:
    from breath_tui.journal import Journal

SUMMARY = "summary"
EMPTY: dict[str, Any] = {
    "pre_rating": None,
    "post_rating": None,
    "breathing": None,
    "body": (),
    "feelings": (),
    "note": "",
}
NARROW, SHORT = 60, 20
# The header names the flow; "Body scan · ... · Body scan" would say it twice.
FLOW_NAMES = {"checkin": "Check-in", "scan": "Scan"}


class CheckInScreen(Screen[None]):
    """One check-in (or scan), step by step.

    Args:
        journal: where each step is saved.
        kind: "checkin" or "scan" (which steps, in which order).
        setup: the breathing step's session (None for a scan).
        regions: the body scan's regions, in order.
        offer_resume: on start, if the journal has an unfinished check-in, offer to finish,
            keep or discard it first.
    """

    CSS_PATH = ["questions.tcss", "checkin.tcss"]

    BINDINGS = [
        Binding("escape", "back", "Back", show=False),
        Binding("s", "skip", "Skip", show=False),
        Binding("q", "leave", "Leave", show=False),
    ]

    def __init__(
        self,
        journal: Journal,
        kind: Kind,
        setup: SessionSetup | None,
        regions: list[str] | tuple[str, ...],
        offer_resume: bool = True,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.kind = kind
        self.setup = setup
        self.regions = regions
        self.offer_resume = offer_resume
        self.checkin: CheckIn | None = None
        self.steps = (*steps_for(kind), SUMMARY)
        self.index = 0
        self.drafts: dict[str, Any] = {}
        self.current: Step | None = None

    def compose(self) -> ComposeResult:
        """Header, the step, the keys it takes."""
        yield Static(id="step-title", markup=False)
        yield Vertical(id="step-body")
        yield Static(id="keys", markup=False)

    def on_mount(self) -> None:
        """Offer to finish an unfinished check-in, or show the first step."""
        unfinished = self.journal.unfinished() if self.offer_resume else None
        if unfinished is None:
            self._show()
            return
        self.query_one("#step-title", Static).update("An unfinished check-in was found")
        finish = "f finish it · " if unfinished.kind in RESUMABLE else ""
        self.query_one("#keys", Static).update(
            f"{finish}k keep it · d discard it · q decide next time"
        )
        self.app.push_screen(
            ResumeScreen(unfinished), lambda choice: self._resume(unfinished, choice)
        )

    def _resume(self, unfinished: CheckIn, choice: str | None) -> None:
        if choice is None:
            self._close()
            return
        if choice == "finish":
            self.checkin = unfinished
            self.kind = unfinished.kind
            self.steps = (*steps_for(self.kind), SUMMARY)
            self.index = self.steps.index(self.journal.next_step(unfinished.id) or SUMMARY)
            if self.step_name == SUMMARY:  # every step was saved: only the ending was missing
                self.index -= 1
                self._advance()
                return
        elif choice == "keep":
            self.journal.keep(unfinished.id)
        else:
            self.journal.discard(unfinished.id)
        self._show()

    @on(Resize)
    def _fit(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        self.set_class(event.size.height < SHORT, "short")

    @property
    def step_name(self) -> str:
        """The name of the step shown (a CheckIn field, or "summary")."""
        return self.steps[self.index]

    def _value(self, name: str) -> Any:
        if name in self.drafts:
            return self.drafts[name]
        if self.checkin is not None:
            return getattr(self.checkin, name)
        return EMPTY[name]

    def _make_step(self, name: str) -> Step:
        if name == "pre_rating":
            return RatingStep(name, "How tense do you feel right now?", self._value(name))
        if name == "post_rating":
            return RatingStep(
                name, "How tense do you feel now?", self._value(name), self._value("pre_rating")
            )
        if name == "breathing":
            return BreathingStep(self.setup, breathing_text(self._value(name)))
        if name == "body":
            return BodyStep(self.regions, self._value(name))
        if name == "feelings":
            return FeelingsStep(self._value(name))
        if name == "note":
            return NoteStep(self._value(name))
        assert self.checkin is not None
        return SummaryStep(self.checkin)

    def _show(self, from_end: bool = False) -> None:
        """Show the current step; `from_end` when going back to it, so it opens at its end."""
        body = self.query_one("#step-body", Vertical)
        # Keys typed while the old step goes away reach the screen, not a widget being removed.
        self.set_focus(None)
        body.remove_children()
        step = self._make_step(self.step_name)
        step.on_answer = self._answered
        if from_end:
            step.start_at_end()
        self.current = step
        body.mount(step)
        what = FLOW_NAMES.get(self.kind, self.kind)
        if self.step_name == SUMMARY:
            self.query_one("#step-title", Static).update(f"{what} · {step.title}")
        else:
            number = f"step {self.index + 1} of {len(self.steps) - 1}"
            self.query_one("#step-title", Static).update(f"{what} · {number} · {step.title}")
        self._show_keys(step)

    def _show_keys(self, step: Step) -> None:
        self.query_one("#keys", Static).update(step.keys)

    @on(Step.KeysChanged)
    def _keys_changed(self, event: Step.KeysChanged) -> None:
        event.stop()
        if self.current is not None:
            self._show_keys(self.current)

    def _save(self, name: str, value: Any) -> bool:
        """Save one step at once (starting the check-in in the journal on its first step).

        False, with the reason on screen, if the journal could not take it: the step stays.
        """
        from breath_tui.journal import JournalError

        try:
            if self.checkin is None:
                self.checkin = self.journal.get(self.journal.start_checkin(self.kind))
            assert self.checkin is not None
            self.checkin = self.journal.save_step(self.checkin.id, **{name: value})
        except (JournalError, CheckInError) as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10, markup=False)
            return False
        self.drafts.pop(name, None)
        return True

    def _advance(self) -> None:
        self.index += 1
        if self.step_name == SUMMARY:
            if self.checkin is None:  # every step skipped: there is nothing to keep
                self._close()
                return
            from breath_tui.journal import JournalError

            try:
                self.checkin = self.journal.finish(self.checkin.id)
            except JournalError as error:
                self.index -= 1
                self.notify(f"Not saved: {error}", severity="error", timeout=10, markup=False)
                return
            app: Any = self.app
            app.summary_text = "Saved in your journal: breath-tui history shows it."
        self._show()

    def _answered(self, step: Step, value: Any) -> None:
        if step is not self.current:
            return  # a step already left (a key that raced a change of step)
        if self._save(self.step_name, value):
            self._advance()

    def action_skip(self) -> None:
        """Skip the rest of this step: what was answered of it stays (the regions noticed
        before, say), the rest is saved empty, and the check-in goes on."""
        if self.step_name == SUMMARY:
            return
        draft = self.current.draft() if self.current is not None else None
        if self._save(self.step_name, EMPTY[self.step_name] if draft is None else draft):
            self._advance()

    def _keep_draft(self) -> None:
        step = self.current
        draft = step.draft() if step is not None else None
        if draft is not None:
            self.drafts[self.step_name] = draft

    def save_draft(self) -> None:
        """Keep what was entered, the step being answered too, without finishing it: for when
        the app is ended from outside (SIGTERM, the terminal closed). Resuming opens here."""
        from breath_tui.journal import JournalError

        self._keep_draft()
        drafts = {name: value for name, value in self.drafts.items() if value}
        if not drafts:
            return
        try:
            if self.checkin is None:
                self.checkin = self.journal.get(self.journal.start_checkin(self.kind))
            assert self.checkin is not None
            self.checkin = self.journal.save_draft(self.checkin.id, **drafts)
        except (JournalError, CheckInError):
            return  # ending anyway: nothing more can be done, and nothing may be shown

    def _save_drafts(self) -> None:
        """Keep means all that was entered: the step being answered too, as far as it got."""
        self._keep_draft()
        for name, value in list(self.drafts.items()):
            if value:
                self._save(name, value)

    def action_back(self) -> None:
        """Back inside the step, else back a step (at the first step: ask about leaving)."""
        step = self.current
        if self.step_name == SUMMARY:
            self._close()
            return
        if step is not None and step.go_back():
            return
        if self.index == 0:
            self.action_leave()
            return
        self._keep_draft()
        self.index -= 1
        self._show(from_end=True)

    def on_unmount(self) -> None:
        """Release the breathing step's cue player, if it was opened (closing twice is harmless)."""
        if self.setup is not None:
            self.setup.close()

    def _close(self) -> None:
        """The flow is over: back to home, or quit when the flow was the first screen."""
        app: Any = self.app
        app.end_flow(self)

    def action_leave(self) -> None:
        """Leave: with nothing entered (or when finished) at once; otherwise ask keep or discard."""
        self._keep_draft()
        entered = self.checkin is not None or any(self.drafts.values())
        if not entered or self.step_name == SUMMARY:
            self._close()
            return
        self.app.push_screen(LeaveScreen(KIND_NAMES[self.kind]), self._left)

    def _left(self, choice: str | None) -> None:
        from breath_tui.journal import JournalError

        app: Any = self.app
        if choice is None:
            return
        try:
            if choice == "keep":
                self._save_drafts()
                if self.checkin is not None:
                    self.journal.keep(self.checkin.id)
                app.summary_text = "Kept what you entered: breath-tui history shows it."
            elif choice == "later":
                # Saved, still unfinished: home offers to finish it (so does the next check-in).
                self._save_drafts()
                app.summary_text = "Left unfinished: home offers to finish it (r)."
            else:
                if self.checkin is not None:
                    self.journal.discard(self.checkin.id)
                app.summary_text = "Discarded: nothing of this check-in was kept."
        except JournalError as error:
            self.notify(f"The journal: {error}", severity="error", timeout=10, markup=False)
            return
        self._close()

    @on(BreathingStep.Begin)
    def _begin_breathing(self, event: BreathingStep.Begin) -> None:
        from breath_tui.screens.breathe import BreathingScreen

        event.stop()
        assert self.setup is not None
        app: Any = self.app
        self.app.push_screen(
            BreathingScreen(
                self.setup,
                app.clock,
                app.reduced_motion,
                on_done=self._breathed,
                show_summary=False,
            )
        )

    def _breathed(self, summary: str) -> None:
        """The session ended (done, or Esc): record what was breathed and go on."""
        from breath_tui.screens.breathe import BreathingScreen

        screen = self.app.screen
        assert isinstance(screen, BreathingScreen) and self.setup is not None
        breathing = screen.breathed()
        self.app.pop_screen()
        if self._save("breathing", breathing):
            self.notify(summary, timeout=4, markup=False)
            self._advance()


def start_screen(
    journal: Journal,
    kind: Kind,
    setup: SessionSetup | None,
    regions: list[str] | tuple[str, ...],
) -> Callable[[Any], Screen[Any]]:
    """A BreathApp `start`: the check-in or scan flow, offering to resume an unfinished one."""
    return lambda app: CheckInScreen(journal, kind, setup, regions)
