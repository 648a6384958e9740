"""The check-in flow: its steps one after another, each saved to the journal the moment it is done.

`breath-tui checkin`: tension before, breathing, body scan, feelings, note, tension now, card.
`breath-tui scan`: body scan, feelings, note, card.
`breath-tui ground`: tension before, the 5-4-3-2-1 senses (screens/grounding.py), tension now, card.

Keys everywhere: s skips the rest of a step (what was answered of it is kept), Esc goes back a
step (inside a step first: a region, a level), q leaves and asks whether to keep what was entered
(ctrl+q too, where q is being typed). The check-in is written only once its first step is
answered, so opening and leaving at once leaves nothing.

Every save runs in a journal worker: the next step is shown once the journal has it. While a save
is under way the step takes no second answer; a save the journal cannot take (another copy of
breath-tui holding it past the busy timeout, say) is said on screen and the step stays, with what
was entered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import Static

from breath_tui.core.card import KIND_NAMES, breathing_text
from breath_tui.core.checkin import CheckIn, Kind, steps_for
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.dialogs import LeaveScreen, ResumeScreen
from breath_tui.screens.feelings import FeelingsStep
from breath_tui.screens.grounding import GroundingStep
from breath_tui.screens.steps import BreathingStep, CardStep, NoteStep, RatingStep, Step
from breath_tui.session_setup import SessionSetup

if TYPE_CHECKING:
    from breath_tui.journal import Journal

CARD = "card"
EMPTY: dict[str, Any] = {
    "pre_rating": None,
    "post_rating": None,
    "breathing": None,
    "body": (),
    "feelings": (),
    "note": "",
    "grounding": None,
}
NARROW, SHORT = 60, 20
# The header names the flow; "Body scan · ... · Body scan" would say it twice.
FLOW_NAMES = {"checkin": "Check-in", "scan": "Scan", "ground": "Grounding"}
SAVED = "Saved in your journal: breath-tui history shows it."


class CheckInScreen(BreathScreen[Outcome]):
    """One check-in (or scan), step by step.

    Args:
        kind: "checkin" or "scan" (which steps, in which order).
        setup: the breathing step's session (None for a scan started alone).
        regions: the body scan's regions, in order.
        resume: the id of an unfinished check-in to finish at once, where it was left.
        offer_resume: otherwise, if the journal has an unfinished check-in, offer to finish,
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
        kind: Kind,
        setup: SessionSetup | None,
        regions: list[str] | tuple[str, ...],
        *,
        resume: str | None = None,
        offer_resume: bool = True,
    ) -> None:
        super().__init__()
        self.kind = kind
        self.setup = setup
        self.regions = regions
        self.resume = resume
        self.offer_resume = offer_resume and resume is None
        self.checkin: CheckIn | None = None
        self.steps = (*steps_for(kind), CARD)
        self.index = 0
        self.drafts: dict[str, Any] = {}
        self.current: Step | None = None
        self.saving = False
        """A save is under way: the step takes no second answer until it is done."""

    def compose(self) -> ComposeResult:
        """Header, the step, the keys it takes."""
        yield Static(id="step-title", markup=False)
        yield Vertical(id="step-body")
        yield Static(id="keys", markup=False)

    def on_mount(self) -> None:
        """The first step at once; then, in the journal's worker, what was left unfinished."""
        if self.resume is not None:
            checkin_id = self.resume
            self.journal_work(
                lambda journal: (journal.get(checkin_id), journal.next_step(checkin_id)),
                lambda found: self._finish_unfinished(*found),
            )
            return
        self._show()
        if self.offer_resume:
            self.journal_work(lambda journal: journal.unfinished(), self._offer)

    def _offer(self, unfinished: CheckIn | None) -> None:
        """An unfinished check-in was found: finish it, keep it or discard it? (Not once an
        answer of this one has been given meanwhile.)"""
        if unfinished is None or self.checkin is not None or self.drafts:
            return
        self.query_one("#step-body", Vertical).remove_children()
        self.current = None
        self.query_one("#step-title", Static).update("An unfinished check-in was found")
        self.query_one("#keys", Static).update("")
        self.app.push_screen(
            ResumeScreen(unfinished), lambda choice: self._resumed(unfinished, choice)
        )

    def _resumed(self, unfinished: CheckIn, choice: str | None) -> None:
        if choice is None:
            self.finish(Outcome())
        elif choice == "finish":
            self.journal_work(
                lambda journal: journal.next_step(unfinished.id),
                lambda step: self._finish_unfinished(unfinished, step),
            )
        elif choice == "keep":
            self.journal_work(lambda journal: journal.keep(unfinished.id), lambda _: self._show())
        else:
            self.journal_work(
                lambda journal: journal.discard(unfinished.id), lambda _: self._show()
            )

    def _finish_unfinished(self, unfinished: CheckIn | None, step: str | None) -> None:
        """Go on with an unfinished check-in at its first step not yet saved."""
        if unfinished is None:  # discarded meanwhile (another copy of breath-tui)
            self.finish(Outcome("That unfinished check-in is no longer in the journal."))
            return
        self.checkin = unfinished
        self.kind = unfinished.kind
        self.steps = (*steps_for(self.kind), CARD)
        self.index = self.steps.index(step or CARD)
        if self.step_name == CARD:  # every step was saved: only the ending was missing
            self.index -= 1
            self._advance()
            return
        self._show(resuming=True)

    @on(Resize)
    def _fit(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        self.set_class(event.size.height < SHORT, "short")

    @property
    def step_name(self) -> str:
        """The name of the step shown (a CheckIn field, or "card")."""
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
        if name == "grounding":
            return GroundingStep(self._value(name))
        assert self.checkin is not None
        return CardStep(self.checkin, self.breath_app.config.safety.crisis_text)

    def _show(self, from_end: bool = False, resuming: bool = False) -> None:
        """Show the current step; `from_end` when going back to it, so it opens at its end;
        `resuming` when opening it again after the check-in was left, so it goes on there."""
        body = self.query_one("#step-body", Vertical)
        # Keys typed while the old step goes away reach the screen, not a widget being removed.
        self.set_focus(None)
        body.remove_children()
        step = self._make_step(self.step_name)
        step.on_answer = self._answered
        step.on_progress = self._progressed
        if from_end:
            step.start_at_end()
        elif resuming:
            step.resume()
        self.current = step
        body.mount(step)
        what = FLOW_NAMES.get(self.kind, self.kind)
        if self.step_name == CARD:
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

    def _save(self, name: str, value: Any, then: Callable[[], None]) -> None:
        """Save one step (starting the check-in in the journal on its first step), then go on.

        A save the journal cannot take is said on screen; the step stays, with what was entered.
        """
        if self.saving:
            return
        self.saving = True
        kind = self.kind

        def save(journal: Journal) -> CheckIn:
            # Read here, in turn: a draft saved just before may have started the check-in.
            existing = self.checkin
            checkin_id = existing.id if existing is not None else journal.start_checkin(kind)
            return journal.save_step(checkin_id, **{name: value})

        def saved(checkin: CheckIn) -> None:
            self.saving = False
            self.checkin = checkin
            self.drafts.pop(name, None)
            then()

        def failed(error: Exception) -> None:
            self.saving = False
            self._not_saved(error)

        self.journal_work(save, saved, failed)

    def _advance(self) -> None:
        """The next step; at the end, the check-in is complete and its card shown."""
        if self.steps[self.index + 1] != CARD:
            self.index += 1
            self._show()
            return
        if self.checkin is None:  # every step skipped: there is nothing to keep
            self.finish(Outcome())
            return
        checkin_id = self.checkin.id
        self.saving = True

        def finished(checkin: CheckIn) -> None:
            self.saving = False
            self.checkin = checkin
            self.index += 1
            self._show()

        def failed(error: Exception) -> None:
            self.saving = False
            self._not_saved(error)

        self.journal_work(lambda journal: journal.finish(checkin_id), finished, failed)

    def _progressed(self, step: Step, value: Any) -> None:
        """Part of a step answered (a region, a feeling): kept at once as a draft, the step not
        yet done, so a kill or a closed terminal resumes at the very next part."""
        if step is not self.current:
            return
        name, kind = self.step_name, self.kind
        self.drafts[name] = value

        def keep(journal: Journal) -> CheckIn:
            existing = self.checkin
            checkin_id = existing.id if existing is not None else journal.start_checkin(kind)
            return journal.save_draft(checkin_id, **{name: value})

        def kept(checkin: CheckIn) -> None:
            self.checkin = checkin

        self.journal_work(keep, kept)

    def _answered(self, step: Step, value: Any) -> None:
        if step is not self.current:
            return  # a step already left (a key that raced a change of step)
        if self.step_name == CARD:
            self.finish(Outcome(SAVED))
            return
        self._save(self.step_name, value, self._advance)

    def action_skip(self) -> None:
        """Skip the rest of this step: what was answered of it stays (the regions noticed
        before, say), the rest is saved empty, and the check-in goes on."""
        if self.step_name == CARD:
            return
        draft = self.current.draft() if self.current is not None else None
        self._save(self.step_name, EMPTY[self.step_name] if draft is None else draft, self._advance)

    def _keep_draft(self) -> None:
        step = self.current
        draft = step.draft() if step is not None else None
        if draft is not None:
            self.drafts[self.step_name] = draft

    def save_draft(self) -> None:
        """Keep what was entered, the step being answered too, without finishing it: for when
        the app is ended from outside (SIGTERM, the terminal closed). Resuming opens here.

        Saved at once, on the event loop: the app is ending, and nothing else will run.
        """
        from breath_tui.core.checkin import CheckInError
        from breath_tui.journal import JournalError

        self._keep_draft()
        drafts = {name: value for name, value in self.drafts.items() if value}
        if not drafts:
            return
        try:
            journal = self.breath_app.journal
            checkin_id = self.checkin.id if self.checkin else journal.start_checkin(self.kind)
            journal.save_draft(checkin_id, **drafts)
        except (JournalError, CheckInError):
            return  # ending anyway: nothing more can be done, and nothing may be shown

    def action_back(self) -> None:
        """Back inside the step, else back a step (at the first step: ask about leaving)."""
        step = self.current
        if self.step_name == CARD:
            self.finish(Outcome(SAVED))
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

    def leave(self) -> bool:
        """ctrl+q, from here or from the breathing step over it: ask what to keep."""
        self.action_leave()
        return True

    def action_leave(self) -> None:
        """Leave: with nothing entered (or when finished) at once; otherwise ask keep or discard."""
        self._keep_draft()
        entered = self.checkin is not None or any(self.drafts.values())
        if not entered or self.step_name == CARD:
            self.finish(Outcome(SAVED if self.step_name == CARD else ""))
            return
        self.app.push_screen(LeaveScreen(KIND_NAMES[self.kind]), self._left)

    def _left(self, choice: str | None) -> None:
        if choice is None:
            return
        drafts = {name: value for name, value in self.drafts.items() if value}
        kind = self.kind

        def store(journal: Journal) -> None:
            existing = self.checkin
            if choice == "discard":
                if existing is not None:
                    journal.discard(existing.id)
                return
            checkin_id = existing.id if existing is not None else journal.start_checkin(kind)
            if choice == "later":
                # The step being answered stays unanswered: resuming opens it, as it was.
                if drafts:
                    journal.save_draft(checkin_id, **drafts)
                return
            for name, value in drafts.items():
                journal.save_step(checkin_id, **{name: value})
            journal.keep(checkin_id)

        lines = {
            "keep": "Kept what you entered: breath-tui history shows it.",
            # Saved, still unfinished: home offers to finish it (so does the next check-in).
            "later": "Left unfinished: home offers to finish it (r).",
            "discard": "Discarded: nothing of this check-in was kept.",
        }
        self.journal_work(
            store,
            lambda _: self.finish(Outcome(lines[choice])),
            lambda error: self.notify(f"The journal: {error}", severity="error", timeout=10),
        )

    @on(BreathingStep.Begin)
    def _begin_breathing(self, event: BreathingStep.Begin) -> None:
        from breath_tui.screens.breathe import BreathingScreen

        event.stop()
        assert self.setup is not None
        app = self.breath_app
        self.app.push_screen(
            BreathingScreen(self.setup, app.clock, app.reduced_motion, show_summary=False),
            self._breathed,
        )

    def _breathed(self, outcome: Outcome | None) -> None:
        """The session ended (done, or Esc): record what was breathed and go on."""
        if outcome is None:
            return

        def advance() -> None:
            self.notify(outcome.line, timeout=4)
            self._advance()

        self._save("breathing", outcome.breathing, advance)
