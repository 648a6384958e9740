"""Feedback for the therapist in words (core/feedback.py): the sessions offered, the card's
sentences, one answer at a time, phrases of one's own, and when home offers a feedback."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from breath_tui.core.checkin import CheckInError, Feedback
from breath_tui.core.feedback import (
    HELPED_PHRASES,
    MAX_PHRASE_LENGTH,
    WISH_PHRASES,
    PhraseError,
    clean_phrase,
    feedback_cell,
    feedback_due,
    feedback_lines,
    feedback_markdown,
    session_choices,
    with_answer,
    with_answers,
)

TODAY = date(2026, 11, 3)  # a Tuesday
FULL = Feedback(
    TODAY,
    4,
    "too fast",
    ("when you slowed down", "the silence"),
    ("could we slow down?", "more direction"),
    "I was angry\nwhen you looked at the clock",
)


def test_sessions_are_today_and_the_13_days_before_newest_first() -> None:
    """Fourteen days, today first and named so, then yesterday, then by weekday and date."""
    choices = session_choices(TODAY)
    assert [day for day, _ in choices] == [TODAY - timedelta(days=n) for n in range(14)]
    assert [label for _, label in choices[:3]] == [
        "today, Tue 3 Nov",
        "yesterday, Mon 2 Nov",
        "Sun 1 Nov",
    ]


def test_days_with_a_check_in_say_so() -> None:
    """A day on which a start-of-session check-in was made is marked, the others not."""
    labels = dict(session_choices(TODAY, {date(2026, 10, 30)}))
    assert labels[date(2026, 10, 30)] == "Fri 30 Oct · check-in"
    assert labels[date(2026, 10, 31)] == "Sat 31 Oct"


def test_the_card_says_every_answer_as_a_sentence() -> None:
    """The session, how heard, the pace, what helped, the wishes, and what was not said, last
    and word for word."""
    assert feedback_lines(FULL) == [
        "About my session on Tue 3 Nov 2026.",
        "I felt heard 4 of 10.",
        "The pace felt too fast.",
        "What helped: when you slowed down; the silence.",
        "I would like: could we slow down?; more direction.",
        "What I did not say in the session: I was angry\nwhen you looked at the clock",
    ]


def test_the_card_leaves_out_what_was_skipped() -> None:
    """A feedback with only the session and the pace says just those."""
    lines = feedback_lines(Feedback(TODAY, pace="about right"))
    assert lines == ["About my session on Tue 3 Nov 2026.", "The pace felt about right."]


def test_a_wish_ending_in_a_question_mark_gets_no_full_stop() -> None:
    """'I would like: less advice; could you speak more softly?' ends as the person wrote it."""
    told = Feedback(TODAY, wishes=("less advice", "could you speak more softly?"))
    assert feedback_lines(told)[-1] == "I would like: less advice; could you speak more softly?"


def test_the_history_cell_is_one_short_line() -> None:
    """Every answer on one line, what was not said with its line break made a space, after
    the session it is about; a skipped "heard" is a dash, never blank or None."""
    assert feedback_cell(FULL) == (
        "about 3 Nov · heard 4/10 · too fast · helped: when you slowed down; the silence · "
        "would like: could we slow down?; more direction · not said: I was angry when you "
        "looked at the clock"
    )
    assert feedback_cell(Feedback(TODAY, pace="too fast")) == "about 3 Nov · heard –/10 · too fast"


def test_markdown_escapes_phrases_and_quotes_what_was_not_said() -> None:
    """A phrase with Markdown stays text; what was not said is a block quote, line by line."""
    told = Feedback(TODAY, helped=("*you* [laughed](x)",), unsaid="# not a heading\n<b>x</b>")
    assert feedback_markdown(told) == [
        "- What helped: \\*you\\* \\[laughed\\](x)",
        "",
        "Not said in the session:",
        "",
        "> \\# not a heading",
        "> \\<b\\>x\\</b\\>",
    ]


def test_an_answer_starts_a_feedback_about_today() -> None:
    """The first answer given (how heard, say) makes a feedback about today's session."""
    assert with_answer(None, "heard", 7, TODAY) == Feedback(TODAY, heard=7)


def test_an_answer_replaces_only_its_own_part() -> None:
    """Answering the pace again keeps everything else."""
    changed = with_answer(FULL, "pace", "about right", TODAY)
    assert changed.pace == "about right" and changed.helped == FULL.helped


def test_a_blank_unsaid_text_is_no_text() -> None:
    """Saving the unsaid step with only spaces keeps no text."""
    assert with_answer(FULL, "unsaid", "  \n ", TODAY).unsaid is None


def test_a_bad_answer_is_refused_naming_the_field() -> None:
    """A pace the model does not know is refused, as import would refuse it."""
    with pytest.raises(CheckInError, match="pace must be"):
        with_answer(None, "pace", "rushed", TODAY)


def test_drafts_of_several_steps_go_into_one_feedback() -> None:
    """What was entered of the session and helped steps is one feedback."""
    drafts = {"session": date(2026, 11, 1), "helped": ("the silence",)}
    assert with_answers(None, drafts, TODAY) == Feedback(date(2026, 11, 1), helped=("the silence",))


def test_a_phrase_of_ones_own_is_tidied_and_bounded() -> None:
    """Spaces collapse; a line break, or more than MAX_PHRASE_LENGTH characters, is refused."""
    assert clean_phrase("  when you  laughed ") == "when you laughed"
    with pytest.raises(PhraseError, match="one line"):
        clean_phrase("a\nb")
    with pytest.raises(PhraseError, match=f"at most {MAX_PHRASE_LENGTH}"):
        clean_phrase("x" * (MAX_PHRASE_LENGTH + 1))


def test_ready_made_phrases_are_the_clients_own_voice() -> None:
    """No phrase rates the therapist: none holds a number or a judgement word."""
    judging = ("good", "bad", "poor", "excellent", "score", "rating", "therapist")
    for phrase in HELPED_PHRASES + WISH_PHRASES:
        assert not any(ch.isdigit() for ch in phrase), phrase
        assert not any(word in phrase.split() for word in judging), phrase


class Counts:
    """Journal.count's stand-in: how many entries of each kind since the moment asked."""

    def __init__(self, **kinds: int) -> None:
        self.kinds = kinds
        self.asked: list[datetime] = []

    def __call__(self, *, since: datetime, kind: str) -> int:
        self.asked.append(since)
        return self.kinds.get(kind, 0)


NOW = datetime(2026, 11, 3, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def test_home_offers_a_feedback_after_a_check_in_today() -> None:
    """A check-in today and no feedback yet: offered; counted from today's local midnight."""
    counts = Counts(checkin=1)
    assert feedback_due(counts, NOW)
    assert counts.asked[0] == datetime(2026, 11, 3, tzinfo=timezone(timedelta(hours=1)))


def test_home_offers_nothing_once_a_feedback_was_given_or_without_a_check_in() -> None:
    """A feedback today (finished or not), or no check-in today: no offer."""
    assert not feedback_due(Counts(checkin=1, feedback=1), NOW)
    assert not feedback_due(Counts(), NOW)
