"""A feedback left for later, or cut off by a signal, resumes where it was left; home offers a
feedback, quietly, on a day with a check-in and none yet; the palette opens it."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from bench.pty_run import PtyProcess
from breath_tui.core.checkin import Feedback
from breath_tui.core.feedback import OFFER_LINE
from breath_tui.journal import Journal
from breath_tui.screens.dialogs import ResumeScreen
from breath_tui.screens.feedback import FeedbackScreen
from breath_tui.screens.feedback_steps import HeardStep, PaceStep, PhraseStep

from .feedback_app import TODAY, make_feedback_app, only_feedback, step_of
from .helpers import Keys, make_home_app, settle

BIN = Path(sys.executable).parent / "breath-tui"


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_later_then_home_resumes_at_the_next_step(journal):
    """q, l after two answers: unfinished; home's r opens the pace, and the answers stay."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("enter", "4", "q", "l")
    left = only_feedback(journal)
    assert left.status == "in_progress" and journal.next_step(left.id) == "pace"
    home, _ = make_home_app(journal=journal)
    async with home.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        assert "r resumes the unfinished feedback of Wed 1 May 2024, 09:30" in shown(
            home, "#home-unfinished"
        )
        await keys("r")
        assert isinstance(step_of(home), PaceStep)
        await keys("1", "s", "s", "ctrl+s")
    saved = only_feedback(journal)
    assert saved.status == "complete"
    assert saved.feedback == Feedback(TODAY, 4, "too slow")


async def test_ended_from_outside_the_step_being_answered_is_kept(journal):
    """The app ended (SIGTERM) while phrases are ticked: they are kept, the step not done, and
    resuming opens it with them ticked."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("enter", "s", "s", "space", "down", "space")
        app.end_from_outside()
        await pilot.pause()
    left = only_feedback(journal)
    assert left.status == "in_progress"
    assert left.feedback.helped == ("when you slowed down", "when you named what I felt")
    assert journal.next_step(left.id) == "helped"
    again = make_feedback_app(journal, resume=left.id)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        step = step_of(again)
        assert isinstance(step, PhraseStep) and step.field_name == "helped"
        assert step.selected == ("when you slowed down", "when you named what I felt")


def test_a_signal_keeps_the_feedback_given_so_far(breath_home: Path) -> None:
    """`breath-tui feedback` killed by SIGTERM in 'what helped': the answers given and the
    phrase ticked are in the journal, unfinished, resuming at 'what helped'."""
    app = PtyProcess(
        [str(BIN), "feedback"], size=(80, 24), env={"BREATH_TUI_HOME": str(breath_home)}
    )
    try:
        app.wait_for("Which session")
        app.write("\r")
        app.wait_for("How heard")
        app.write("8")
        app.wait_for("How was the pace")
        app.write("2")
        app.wait_for("What helped?")
        app.write(" ")
        app.wait_for("[x] when you slowed down")
        app.process.send_signal(signal.SIGTERM)
        assert app.process.wait(timeout=15) == 0
    finally:
        app.stop()
    assert b"Traceback" not in bytes(app.output)
    with Journal() as journal:
        (kept,) = journal.checkins()
        assert kept.kind == "feedback" and kept.status == "in_progress"
        assert (kept.feedback.heard, kept.feedback.pace) == (8, "about right")
        assert kept.feedback.helped == ("when you slowed down",)
        assert journal.next_step(kept.id) == "helped"


async def test_an_unfinished_feedback_is_offered_on_start_and_finished(journal):
    """A feedback left unfinished: the next one first offers f finish it; f opens its next step."""
    old = journal.start_checkin("feedback")
    journal.save_step(old, step="session", feedback=Feedback(TODAY))
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen) and app.screen.can_finish
        await keys("f")
        assert isinstance(step_of(app), HeardStep)
        await keys("5")
    assert only_feedback(journal).feedback.heard == 5


async def test_an_unfinished_feedback_can_be_discarded_on_start(journal):
    """d discards it; the new feedback starts at the session."""
    old = journal.start_checkin("feedback")
    journal.save_step(old, step="session", feedback=Feedback(TODAY))
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await Keys(pilot)("d")
        assert step_of(app).field_name == "session"
    assert journal.count() == 0


async def test_home_offers_a_feedback_on_a_day_with_a_check_in():
    """A check-in today and no feedback: a quiet line offers one, and f opens it."""
    with Journal() as journal:
        journal.finish(journal.start_checkin("checkin"))
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app, "#home-offer") == OFFER_LINE
        await Keys(pilot)("f")
        assert isinstance(app.screen, FeedbackScreen)


async def test_home_says_nothing_once_a_feedback_was_given_today():
    """A check-in and a feedback today: no offer (it is never repeated as a nag)."""
    with Journal() as journal:
        journal.finish(journal.start_checkin("checkin"))
        given = journal.start_checkin("feedback")
        journal.save_step(given, step="session", feedback=Feedback(TODAY))
        journal.finish(given)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app, "#home-offer") == ""


async def test_home_offers_nothing_on_a_day_without_a_check_in(journal):
    """Only an old check-in (the fixture's, in 2024): no offer."""
    journal.finish(journal.start_checkin("checkin"))
    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app, "#home-offer") == ""


async def test_the_palette_opens_the_feedback():
    """ctrl+p, 'feedback', Enter: the feedback's first step (the flow registry feeds the palette)."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"open: feedback")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
