"""A flow of steps saved one by one: what the check-in and the feedback for the therapist share.

A SteppedScreen shows a header, one step (a screens.steps.Step) and the keys it takes. Each
answer is saved to the journal the moment it is given, in a journal worker; the next step is
shown once the journal has it. While a save is under way the step takes no second answer; a save
the journal cannot take is said on screen and the step stays, with what was entered.

Keys everywhere: s skips the rest of a step (what was answered of it is kept), Esc goes back a
step (inside a step first), q leaves and asks whether to keep what was entered, leave it to
finish later, or discard it (ctrl+q too, where q is being typed). The entry is written only once
its first step is answered, so opening and leaving at once leaves nothing. An entry left
unfinished is offered on the next start (finish, keep or discard) and resumes at its first step
not yet saved.

A flow says what its steps are and how an answer is stored (make_step, empty, saved_value,
store_step, store_drafts, find_unfinished); the rest is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import Static

from breath_tui.core.card import KIND_NAMES
from breath_tui.core.checkin import CheckIn, Kind, steps_for
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.screens.dialogs import LeaveScreen, ResumeScreen
from breath_tui.screens.steps import Step

if TYPE_CHECKING:
    from collections.abc import Callable

    from breath_tui.journal import Journal

CARD = "card"
NARROW, SHORT = 60, 20
SAVED = "Saved in your journal: {history}."
"""How a finished entry is said; {history} is where to see it (home's key, or the command)."""


class SteppedScreen(BreathScreen[Outcome]):
    """One entry of the journal, step by step (see the module's docstring).

    Args:
        kind: the kind of entry, which names its steps (core.checkin.STEPS).
        resume: the id of an unfinished entry to finish at once, where it was left.
        offer_resume: otherwise, if the journal has an unfinished entry (find_unfinished),
            offer to finish, keep or discard it first.
    """

    CSS_PATH = ["questions.tcss", "checkin.tcss", "stepped.tcss"]

    BINDINGS = [
        Binding("escape", "back", "Back", show=False),
        Binding("s", "skip", "Skip", show=False),
        Binding("q", "leave", "Leave", show=False),
    ]

    flow_title: str = ""
    """The header's first words ("Feedback")."""

    def __init__(self, kind: Kind, *, resume: str | None = None, offer_resume: bool = True):
        super().__init__()
        self.kind = kind
        self.resume = resume
        self.offer_resume = offer_resume and resume is None
        self.entry: CheckIn | None = None
        self.steps = (*steps_for(kind), CARD)
        self.index = 0
        self.drafts: dict[str, Any] = {}
        self.current: Step | None = None
        self.saving = False
        """A save is under way: the step takes no second answer until it is done."""

    def make_step(self, name: str) -> Step:
        """The widget of step `name` (or of the card), showing value(name)."""
        raise NotImplementedError

    def empty(self, name: str) -> Any:
        """What skipping step `name` with nothing answered saves."""
        raise NotImplementedError

    def saved_value(self, entry: CheckIn, name: str) -> Any:
        """What the saved entry holds for step `name`."""
        raise NotImplementedError

    def store_step(self, journal: Journal, entry_id: str, name: str, value: Any) -> CheckIn:
        """Save step `name` as done with `value` (in the journal's worker); the entry as saved."""
        raise NotImplementedError

    def store_drafts(self, journal: Journal, entry_id: str, drafts: dict[str, Any]) -> None:
        """Save what was entered of steps not yet done, without marking them done."""
        raise NotImplementedError

    def find_unfinished(self, journal: Journal) -> CheckIn | None:
        """The unfinished entry to offer on start, or None."""
        return None

    def can_finish(self, entry: CheckIn) -> bool:
        """Whether an unfinished entry found on start can be finished here."""
        return entry.kind == self.kind

    def compose(self) -> ComposeResult:
        """Header, the step, the keys it takes."""
        yield Static(id="step-title", markup=False)
        yield Vertical(id="step-body")
        yield Static(id="keys", markup=False)

    def on_mount(self) -> None:
        """The first step at once; then, in the journal's worker, what was left unfinished."""
        if self.resume is not None:
            entry_id = self.resume
            self.journal_work(
                lambda journal: (journal.get(entry_id), journal.next_step(entry_id)),
                lambda found: self._finish_unfinished(*found),
            )
            return
        self.show()
        if self.offer_resume:
            self.journal_work(self.find_unfinished, self._offer)

    def _offer(self, unfinished: CheckIn | None) -> None:
        """An unfinished entry was found: finish it, keep it or discard it? (Not once an answer
        of this one has been given meanwhile.)"""
        if unfinished is None or self.entry is not None or self.drafts:
            return
        self.query_one("#step-body", Vertical).remove_children()
        self.current = None
        what = KIND_NAMES[unfinished.kind]
        self.query_one("#step-title", Static).update(f"An unfinished {what} was found")
        self.query_one("#keys", Static).update("")  # the dialog shows its own keys
        offer = ResumeScreen(unfinished, can_finish=self.can_finish(unfinished))
        self.app.push_screen(offer, lambda choice: self._resumed(unfinished, choice))

    def _resumed(self, unfinished: CheckIn, choice: str | None) -> None:
        if choice is None:  # q: decided next time; the entry stays as it was
            what = KIND_NAMES[unfinished.kind]
            line = f"The unfinished {what} is kept as it was: {self._resume_hint()}."
            self.finish(Outcome(line, left_unfinished=True))
        elif choice == "finish":
            self.journal_work(
                lambda journal: journal.next_step(unfinished.id),
                lambda step: self._finish_unfinished(unfinished, step),
            )
        elif choice == "keep":
            self.journal_work(lambda journal: journal.keep(unfinished.id), lambda _: self.show())
        else:
            self.journal_work(lambda journal: journal.discard(unfinished.id), lambda _: self.show())

    def _resume_hint(self) -> str:
        """How an unfinished entry is taken up again: home's r (so does the flow's next start)."""
        return (
            "r resumes it"
            if self.opened_from_home
            else f"breath-tui {self.kind} offers to finish it"
        )

    def _finish_unfinished(self, unfinished: CheckIn | None, step: str | None) -> None:
        """Go on with an unfinished entry at its first step not yet saved."""
        if unfinished is None:  # discarded meanwhile (another copy of breath-tui)
            what = KIND_NAMES[self.kind]
            self.finish(Outcome(f"That unfinished {what} is no longer in the journal."))
            return
        self.entry = unfinished
        self.kind = unfinished.kind
        self.steps = (*steps_for(self.kind), CARD)
        self.index = self.steps.index(step or CARD)
        if self.step_name == CARD:  # every step was saved: only the ending was missing
            self.index -= 1
            self.advance()
            return
        self.show(resuming=True)

    @on(Resize)
    def _fit(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        self.set_class(event.size.height < SHORT, "short")

    @property
    def step_name(self) -> str:
        """The name of the step shown (one of the kind's steps, or "card")."""
        return self.steps[self.index]

    def value(self, name: str) -> Any:
        """What step `name` holds now: what was entered of it, else what was saved, else empty."""
        if name in self.drafts:
            return self.drafts[name]
        if self.entry is not None:
            return self.saved_value(self.entry, name)
        return self.empty(name)

    def show(self, from_end: bool = False, resuming: bool = False) -> None:
        """Show the current step; `from_end` when going back to it, so it opens at its end;
        `resuming` when opening it again after the entry was left, so it goes on there."""
        body = self.query_one("#step-body", Vertical)
        # Keys typed while the old step goes away reach the screen, not a widget being removed.
        self.set_focus(None)
        body.remove_children()
        step = self.make_step(self.step_name)
        step.on_answer = self._answered
        step.on_progress = self._progressed
        if from_end:
            step.start_at_end()
        elif resuming:
            step.resume()
            typing = self.entry.typing if self.entry is not None else None
            if typing is not None and typing.get("step") == self.step_name:
                step.retype(typing)
        self.current = step
        body.mount(step)
        title = self.query_one("#step-title", Static)
        if self.step_name == CARD:
            title.update(f"{self.flow_title} · {step.title}")
        else:
            number = f"step {self.index + 1} of {len(self.steps) - 1}"
            title.update(f"{self.flow_title} · {number} · {step.title}")
        self.query_one("#keys", Static).update(step.keys)

    @on(Step.KeysChanged)
    def _keys_changed(self, event: Step.KeysChanged) -> None:
        event.stop()
        if self.current is not None:
            self.query_one("#keys", Static).update(self.current.keys)

    def save(self, name: str, value: Any, then: Callable[[], None]) -> None:
        """Save one step (starting the entry in the journal on its first step), then go on.

        A save the journal cannot take is said on screen; the step stays, with what was entered.
        """
        if self.saving:
            return
        self.saving = True

        def store(journal: Journal) -> CheckIn:
            return self.store_step(journal, self._entry_id(journal), name, value)

        def saved(entry: CheckIn) -> None:
            self.saving = False
            self.entry = entry
            self.drafts.pop(name, None)
            then()

        self.journal_work(store, saved, self._save_failed)

    def _entry_id(self, journal: Journal) -> str:
        """The entry's id, starting it in the journal if this is its first save. Called in the
        journal's worker, in turn: a draft saved just before may have started it."""
        return self.entry.id if self.entry is not None else journal.start_checkin(self.kind)

    def _progressed(self, step: Step, value: Any) -> None:
        """Part of a step answered (a region, a feeling): kept at once as a draft, the step not
        yet done, so a kill or a closed terminal resumes at the very next part."""
        if step is not self.current:
            return
        name = self.step_name
        self.drafts[name] = value

        def keep(journal: Journal) -> CheckIn | None:
            entry_id = self._entry_id(journal)
            self.store_drafts(journal, entry_id, {name: value})
            return journal.get(entry_id)

        def kept(entry: CheckIn | None) -> None:
            if entry is not None:
                self.entry = entry

        self.journal_work(keep, kept)

    def _history_hint(self) -> str:
        """Where an entry kept can be seen: home's key, or the command."""
        return "h shows it in history" if self.opened_from_home else "breath-tui history shows it"

    def _saved_line(self) -> str:
        return SAVED.format(history=self._history_hint())

    def _save_failed(self, error: Exception) -> None:
        self.saving = False
        self._not_saved(error)

    def advance(self) -> None:
        """The next step; at the end, the entry is complete and its card shown."""
        if self.steps[self.index + 1] != CARD:
            self.index += 1
            self.show()
            return
        if self.entry is None:  # every step skipped: there is nothing to keep
            self.finish(Outcome())
            return
        entry_id = self.entry.id
        self.saving = True

        def finished(entry: CheckIn) -> None:
            self.saving = False
            self.entry = entry
            self.index += 1
            self.show()

        self.journal_work(lambda journal: journal.finish(entry_id), finished, self._save_failed)

    def _answered(self, step: Step, value: Any) -> None:
        if step is not self.current:
            return  # a step already left (a key that raced a change of step)
        if self.step_name == CARD:
            self.finish(Outcome(self._saved_line()))
            return
        self.save(self.step_name, value, self.advance)

    def action_skip(self) -> None:
        """Skip the rest of this step: what was answered of it stays, the rest is saved empty,
        and the flow goes on."""
        if self.step_name == CARD:
            return
        draft = self.current.draft() if self.current is not None else None
        self.save(
            self.step_name, self.empty(self.step_name) if draft is None else draft, self.advance
        )

    def _keep_draft(self) -> None:
        step = self.current
        draft = step.draft() if step is not None else None
        if draft is not None:
            self.drafts[self.step_name] = draft

    def _entered_drafts(self) -> dict[str, Any]:
        return {name: value for name, value in self.drafts.items() if value}

    def save_draft(self) -> None:
        """Keep what was entered, the step being answered too, without finishing it, and what
        was being typed in it (Step.typing): for when the app is ended from outside (SIGTERM,
        the terminal closed). Resuming opens here, offering back what was typed.

        Saved at once, on the event loop: the app is ending, and nothing else will run.
        """
        from breath_tui.core.checkin import CheckInError
        from breath_tui.journal import JournalError

        self._keep_draft()
        drafts = self._entered_drafts()
        typing = self.current.typing() if self.current is not None else None
        if not drafts and typing is None:
            return
        try:
            journal = self.breath_app.journal
            entry_id = self.entry.id if self.entry else journal.start_checkin(self.kind)
            if drafts:
                self.store_drafts(journal, entry_id, drafts)
            if typing is not None:  # after the drafts, which would drop it
                journal.save_typing(entry_id, {"step": self.step_name, **typing})
        except (JournalError, CheckInError):
            return  # ending anyway: nothing more can be done, and nothing may be shown

    def action_back(self) -> None:
        """Back inside the step, else back a step (at the first step: ask about leaving)."""
        step = self.current
        if self.step_name == CARD:
            self.finish(Outcome(self._saved_line()))
            return
        if step is not None and step.go_back():
            return
        if self.index == 0:
            self.action_leave()
            return
        self._keep_draft()
        self.index -= 1
        self.show(from_end=True)

    def leave(self) -> bool:
        """ctrl+q, from here or from a screen over it: ask what to keep."""
        self.action_leave()
        return True

    def action_leave(self) -> None:
        """Leave: with nothing entered (or when finished) at once; otherwise ask keep, later or
        discard."""
        self._keep_draft()
        entered = self.entry is not None or any(self.drafts.values())
        if not entered or self.step_name == CARD:
            self.finish(Outcome(self._saved_line() if self.step_name == CARD else ""))
            return
        self.app.push_screen(LeaveScreen(KIND_NAMES[self.kind]), self._left)

    def _left(self, choice: str | None) -> None:
        if choice is None:
            return
        drafts = self._entered_drafts()

        def store(journal: Journal) -> None:
            if choice == "discard":
                if self.entry is not None:
                    journal.discard(self.entry.id)
                return
            entry_id = self._entry_id(journal)
            if choice == "later":
                # The step being answered stays unanswered: resuming opens it, as it was.
                if drafts:
                    self.store_drafts(journal, entry_id, drafts)
                return
            for name, value in drafts.items():
                self.store_step(journal, entry_id, name, value)
            journal.keep(entry_id)

        what = KIND_NAMES[self.kind]
        lines = {
            "keep": f"Kept what you entered: {self._history_hint()}.",
            "later": f"Left unfinished: {self._resume_hint()}.",
            "discard": f"Discarded: nothing of this {what} was kept.",
        }
        self.journal_work(
            store,
            lambda _: self.finish(Outcome(lines[choice], left_unfinished=choice == "later")),
            lambda error: self.notify(f"The journal: {error}", severity="error", timeout=10),
        )
