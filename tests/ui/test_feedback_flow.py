"""`breath-tui feedback` driven by keys, asserting what the journal saved after each answer."""

from __future__ import annotations

from datetime import timedelta

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import Feedback
from breath_tui.screens.feedback_steps import (
    FeedbackCardStep,
    HeardStep,
    PaceStep,
    PhraseStep,
    SessionStep,
    UnsaidStep,
)

from .feedback_app import TODAY, make_feedback_app, only_feedback, step_of
from .helpers import Keys, settle

UNSAID = "I was angry when you looked at the clock."
# Key presses for the whole feedback of test_whole_feedback_by_keys, the typed text not counted.
KEY_PRESSES_FOR_A_FEEDBACK = 15


async def test_whole_feedback_by_keys(journal):
    """Every step answered by keys, each saved at once; the card says it in sentences and c
    copies it."""
    app = make_feedback_app(journal)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        assert isinstance(step_of(app), SessionStep)
        await keys("enter")  # today
        assert only_feedback(journal).feedback == Feedback(TODAY)
        assert isinstance(step_of(app), HeardStep)
        await keys("4")
        assert only_feedback(journal).feedback.heard == 4
        assert isinstance(step_of(app), PaceStep)
        await keys("3")
        assert only_feedback(journal).feedback.pace == "too fast"
        await keys("space", "down", "down", "space", "d")  # slowed down; the silence
        assert only_feedback(journal).feedback.helped == ("when you slowed down", "the silence")
        await keys("down", "down", "space", "d")  # more time before I answer
        assert isinstance(step_of(app), UnsaidStep)
        await keys.type(UNSAID)
        await keys("ctrl+s")
        assert isinstance(step_of(app), FeedbackCardStep)
        await keys("c")
        await keys("enter")
        assert not app.is_running
    saved = only_feedback(journal)
    assert saved.status == "complete"
    assert saved.feedback == Feedback(
        TODAY,
        4,
        "too fast",
        ("when you slowed down", "the silence"),
        ("more time before I answer",),
        UNSAID,
    )
    assert copied[0].splitlines()[1:] == [
        "About my session on Wed 1 May 2024.",
        "I felt heard 4 of 10.",
        "The pace felt too fast.",
        "What helped: when you slowed down; the silence.",
        "I would like: more time before I answer.",
        f"What I did not say in the session: {UNSAID}",
    ]
    # The cost of a feedback: the session, two single keys, two phrases of each list ticked
    # and done, the text saved, copy and close.
    assert keys.count - len(UNSAID) == KEY_PRESSES_FOR_A_FEEDBACK


async def test_every_step_can_be_skipped(journal):
    """s skips each step (Tab to Skip where s is typed): a feedback about today, nothing more."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s", "s", "s", "s")
        assert isinstance(step_of(app), UnsaidStep)
        await keys("tab", "tab", "enter")
        assert isinstance(step_of(app), FeedbackCardStep)
    saved = only_feedback(journal)
    assert saved.status == "complete" and saved.feedback == Feedback(TODAY)
    assert journal.steps_done(saved.id) == (
        "session",
        "heard",
        "pace",
        "helped",
        "wishes",
        "unsaid",
    )


async def test_another_session_can_be_chosen_from_the_last_two_weeks(journal):
    """Two days back is two downs; the list ends 13 days back."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        sessions = step_of(app).query_one("#sessions")
        assert len(sessions.items) == 14
        assert sessions.items[-1][0] == (TODAY - timedelta(days=13)).isoformat()
        await keys("down", "down", "enter")
    assert only_feedback(journal).feedback.session_date == TODAY - timedelta(days=2)


async def test_the_day_of_a_check_in_is_marked(journal):
    """Today had a check-in: its line says so, once the journal has been read."""
    journal.finish(journal.start_checkin("checkin"))
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the journal's answer reaches the step
        assert step_of(app).query_one("#sessions").items[0][1] == "today, Wed 1 May · check-in"


async def test_skipping_the_session_again_keeps_the_day_chosen(journal):
    """Back on the session step after choosing yesterday, s keeps yesterday (not today)."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "enter", "escape")
        assert isinstance(step_of(app), SessionStep)
        await keys("s")
    assert only_feedback(journal).feedback.session_date == TODAY - timedelta(days=1)


async def test_escape_goes_back_a_step_and_the_new_answer_is_saved(journal):
    """Esc on the pace goes back to 'felt heard', which shows 4; 6 replaces it."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("enter", "4", "escape")
        step = step_of(app)
        assert isinstance(step, HeardStep)
        assert "[4]" in str(step.query_one("#scale").render())
        await keys("6")
        assert isinstance(step_of(app), PaceStep)
    assert only_feedback(journal).feedback.heard == 6


async def test_phrases_of_ones_own_are_added_ticked_and_saved_as_typed(journal):
    """w types a phrase of one's own: it is listed, ticked, and saved word for word."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("enter", "s", "s", "w")
        await keys.type("when you  [b]laughed[/b]")
        await keys("enter")
        step = step_of(app)
        assert isinstance(step, PhraseStep)
        assert step.selected == ("when you [b]laughed[/b]",)
        await keys("d", "w")
        await keys.type("could we end on time?")
        await keys("enter", "d")
    saved = only_feedback(journal).feedback
    assert saved.helped == ("when you [b]laughed[/b]",)
    assert saved.wishes == ("could we end on time?",)


async def test_the_pace_can_be_chosen_with_the_arrows(journal):
    """↑ from 'about right' and Enter is 'too slow'."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("enter", "s", "up", "enter")
    assert only_feedback(journal).feedback.pace == "too slow"


async def test_leaving_at_once_leaves_nothing(journal):
    """q before any answer: the flow ends and the journal has no entry."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("q")
        assert not app.is_running
    assert journal.count() == 0


@pytest.mark.parametrize(("choice", "status"), [("k", "complete"), ("d", None)])
async def test_q_keeps_or_discards_what_was_entered(journal, choice, status):
    """q after two answers, then k keeps it (complete) or d discards it (nothing left)."""
    app = make_feedback_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("enter", "7", "q", choice)
        assert not app.is_running
    entries = journal.checkins()
    assert [entry.status for entry in entries] == ([status] if status else [])
    if status:
        assert entries[0].feedback.heard == 7


def test_feedback_is_a_sub_command(capsys):
    """`breath-tui feedback --help` describes it: heard, pace, what helped, nothing sent."""
    with pytest.raises(SystemExit) as exited:
        main(["feedback", "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "how heard and understood you felt (0-10)" in out
    assert "Nothing is sent anywhere." in out


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=str)
async def test_the_heard_scale_shows_what_its_ends_mean_at_any_size(journal, size):
    """ "How heard and understood did you feel?": all of 0-10 and "0 = not at all · 10 =
    completely" under it, at 40x12 too (where other hints give way)."""
    from breath_tui.core.feedback import HEARD_ENDS

    from .helpers import screen_text

    app = make_feedback_app(journal)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await keys("enter")
        assert isinstance(step_of(app), HeardStep)
        text = screen_text(app)
        assert "0  1  2  3  4  5  6  7  8  9  10" in text
        assert HEARD_ENDS in text, text
