"""`breath-tui feedback`: feedback for the therapist about a session, each answer saved the
moment it is given (screens/stepped.py: resumable; leave with keep, later or discard).

Which session (today by default), how heard and understood the person felt (0-10), the pace
(too slow, about right, too fast), what helped and what they would like (phrases ticked, or
their own words), what they did not say, and a card of sentences to bring or send (c copies it).
The voice is the client's own, about their experience; nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from breath_tui.core.checkin import CheckIn
from breath_tui.core.feedback import (
    HELPED_PHRASES,
    HELPED_QUESTION,
    SESSION_DAYS,
    WISH_PHRASES,
    WISHES_QUESTION,
    answer_of,
    empty_answer,
    with_answer,
    with_answers,
)
from breath_tui.core.when import local_now
from breath_tui.screens.feedback_steps import (
    FeedbackCardStep,
    HeardStep,
    PaceStep,
    PhraseStep,
    SessionStep,
    UnsaidStep,
)
from breath_tui.screens.stepped import CARD, SteppedScreen
from breath_tui.screens.steps import Step

if TYPE_CHECKING:
    from breath_tui.journal import Journal


def _today() -> date:
    return local_now().date()


class FeedbackScreen(SteppedScreen):
    """One feedback for the therapist, step by step.

    Args:
        resume: the id of an unfinished feedback to finish at once, where it was left.
        offer_resume: otherwise, offer to finish, keep or discard an unfinished feedback first.
        today: the day it is (tests pass a fixed one): the sessions offered end on it.
    """

    CSS_PATH = [*SteppedScreen.CSS_PATH, "feedback.tcss"]
    flow_title = "Feedback"

    def __init__(
        self,
        *,
        resume: str | None = None,
        offer_resume: bool = True,
        today: Callable[[], date] = _today,
    ) -> None:
        super().__init__("feedback", resume=resume, offer_resume=offer_resume)
        self.today = today()

    def make_step(self, name: str) -> Step:
        """The step's widget, holding what was entered or saved of it."""
        if name == CARD:
            assert self.entry is not None
            return FeedbackCardStep(self.entry, self.breath_app.config.safety.crisis_text)
        value = self.value(name)
        if name == "session":
            step = SessionStep(self.today, value)
            self._mark_checkin_days(step)
            return step
        if name == "heard":
            return HeardStep(value)
        if name == "pace":
            return PaceStep(value)
        if name == "helped":
            return PhraseStep(name, "What helped", HELPED_QUESTION, HELPED_PHRASES, value)
        if name == "wishes":
            return PhraseStep(name, "I would like", WISHES_QUESTION, WISH_PHRASES, value)
        assert name == "unsaid", name
        return UnsaidStep(value or "")

    def _mark_checkin_days(self, step: SessionStep) -> None:
        """Read which of the days offered had a check-in, and let the step say so."""
        first = self.today - timedelta(days=SESSION_DAYS - 1)
        since = datetime.combine(first, time()).astimezone()

        def days(journal: Journal) -> set[date]:
            return {
                entry.started_at.date() for entry in journal.checkins(since=since, kind="checkin")
            }

        self.journal_work(days, step.mark_checkins, lambda _error: None)

    def empty(self, name: str) -> Any:
        """Skipping saves nothing for the step; for the session, the day chosen before (today
        at first), so s never moves a feedback to another day."""
        if name == "session" and self.entry is not None and self.entry.feedback is not None:
            return self.entry.feedback.session_date
        return empty_answer(name, self.today)

    def saved_value(self, entry: CheckIn, name: str) -> Any:
        """The saved feedback's answer for the step."""
        return answer_of(entry.feedback, name, self.today)

    def store_step(self, journal: Journal, entry_id: str, name: str, value: Any) -> CheckIn:
        """Save the feedback with this step's answer in it, the step marked done."""
        saved = journal.get(entry_id)
        feedback = with_answer(saved.feedback if saved else None, name, value, self.today)
        return journal.save_step(entry_id, step=name, feedback=feedback)

    def store_drafts(self, journal: Journal, entry_id: str, drafts: dict[str, Any]) -> None:
        """Save the answers begun, their steps not marked done (resuming opens the first)."""
        saved = journal.get(entry_id)
        feedback = with_answers(saved.feedback if saved else None, drafts, self.today)
        journal.save_draft(entry_id, feedback=feedback)

    def find_unfinished(self, journal: Journal) -> CheckIn | None:
        """The newest feedback left unfinished."""
        found = journal.checkins(kind="feedback", status="in_progress", limit=1)
        return found[0] if found else None
