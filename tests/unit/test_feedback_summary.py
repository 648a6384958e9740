"""Feedback where it shows: trends (felt heard by session, paces, wishes) and the therapist
summary (a Feedback section, the tempo chosen), as text and as Markdown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from breath_tui.core.checkin import Breathing, BreathPhase, CheckIn, Feedback
from breath_tui.core.therapist import summary_markdown, summary_text, therapist_summary
from breath_tui.core.trends import HeardPoint, WordCount, compute_trends, trends_lines
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]
ZONE = timezone(timedelta(hours=1))
TRICKY = "[bold]not bold[/bold] *not em* <b>x</b>\n# not a heading\n\x1b[31mnot red"


def told(make: Make, day: int, session: int | None = None, **feedback: object) -> CheckIn:
    """A complete feedback written on May `day` 2024 about the session of May `session`."""
    started = datetime(2024, 5, day, 19, tzinfo=ZONE)
    answers = {"session_date": date(2024, 5, session or day)} | feedback
    return make(
        kind="feedback",
        started_at=started,
        ended_at=started + timedelta(minutes=1),
        breathing=None,
        pre_rating=None,
        post_rating=None,
        body=(),
        feelings=(),
        note="",
        feedback=Feedback(**answers),  # type: ignore[arg-type]
    )


def breathed(make: Make, day: int, tempo: float) -> CheckIn:
    """A check-in on May `day` whose breathing ended at `tempo`."""
    started = datetime(2024, 5, day, 9, tzinfo=ZONE)
    phases = (BreathPhase("in", 4), BreathPhase("out", 6))
    return make(
        started_at=started,
        ended_at=started + timedelta(minutes=3),
        breathing=Breathing("resonance", phases, tempo, 12, 120.0),
    )


def test_felt_heard_is_a_series_by_session_date(make_checkin: Make) -> None:
    """Oldest session first, whenever the feedback was written; a skipped answer is a gap."""
    made = [
        told(make_checkin, 9, 8, heard=6),
        told(make_checkin, 3, 2, heard=3),
        told(make_checkin, 5, 5),
    ]
    trends = compute_trends(made)
    assert trends.heard == (
        HeardPoint(date(2024, 5, 2), 3),
        HeardPoint(date(2024, 5, 5), None),
        HeardPoint(date(2024, 5, 8), 6),
    )
    assert trends.feedback_count == 3


def test_every_pace_is_counted_even_when_never_chosen(make_checkin: Make) -> None:
    """too slow, about right, too fast, in that order, each with how often it was chosen."""
    made = [told(make_checkin, d, pace=p) for d, p in ((1, "too fast"), (2, "too fast"), (3, None))]
    assert compute_trends(made).paces == (
        WordCount("too slow", 0),
        WordCount("about right", 0),
        WordCount("too fast", 2),
    )


def test_each_wish_is_counted_most_often_first(make_checkin: Make) -> None:
    """Wishes differing only in case or spacing are one; the most asked first."""
    made = [
        told(make_checkin, 1, wishes=("less advice", "more direction")),
        told(make_checkin, 2, wishes=("Less  advice",)),
    ]
    assert compute_trends(made).wishes == (
        WordCount("less advice", 2),
        WordCount("more direction", 1),
    )


def test_feedback_holds_no_tension_so_it_is_not_in_the_tension_series(make_checkin: Make) -> None:
    """A check-in and a feedback: one tension point, one feedback."""
    trends = compute_trends([make_checkin(), told(make_checkin, 4, heard=5)])
    assert (trends.count, trends.feedback_count) == (1, 1)
    assert trends.before_series == (7,)


def test_trend_lines_draw_felt_heard_with_a_date_at_each_end(make_checkin: Make) -> None:
    """'2 May ▃▆ 8 May', then the count of each pace chosen (none for a pace never chosen)
    and each wish's."""
    made = [
        told(make_checkin, 3, 2, heard=3, pace="too fast", wishes=("less advice",)),
        told(make_checkin, 9, 8, heard=7, pace="about right"),
    ]
    lines = trends_lines(compute_trends(made), width=40)
    assert lines[:2] == ["Felt heard 0-10 (2 entries), by session", "  2 May ▃▆ 8 May"]
    assert "  too fast: once" in lines and "  about right: once" in lines
    assert not any("too slow" in line or "0 times" in line for line in lines)
    assert lines[-1] == "  less advice: once"
    assert all(len(line) <= 40 for line in lines)


def test_the_journals_trend_rows_carry_the_feedback(journal: Journal, make_checkin: Make) -> None:
    """Trends from Journal.trend_rows (the feedback read straight from its JSON) equal those
    from whole entries."""
    made = [
        make_checkin(),
        told(make_checkin, 3, 2, heard=3, pace="too slow", wishes=("more direction",)),
        told(make_checkin, 4, heard=None),
    ]
    journal.import_checkins(made)
    assert compute_trends(journal.trend_rows()) == compute_trends(made)


def test_the_summary_has_each_feedback_by_session_date(make_checkin: Make) -> None:
    """Feedback section: each by its session's date (oldest first), its answers, and what was
    not said word for word, its lines kept and control characters shown as escapes."""
    made = [
        told(make_checkin, 9, 8, heard=6, pace="about right", helped=("the silence",)),
        told(make_checkin, 3, 2, heard=3, wishes=("less advice",), unsaid=TRICKY),
    ]
    text = summary_text(therapist_summary(made))
    section = text[text.index("\nFeedback\n") :]
    assert section.splitlines()[2:13] == [
        "  Session of Thu 2 May 2024:",
        "    Felt heard: 3 of 10",
        "    I would like: less advice",
        "    Not said in the session:",
        "      [bold]not bold[/bold] *not em* <b>x</b>",
        "      # not a heading",
        "      \\x1b[31mnot red",
        "  Session of Wed 8 May 2024:",
        "    Felt heard: 6 of 10",
        "    Pace: about right",
        "    What helped: the silence",
    ]
    assert "\x1b" not in text


def test_the_summary_in_markdown_escapes_the_feedback(make_checkin: Make) -> None:
    """## Feedback, ### per session; phrases escaped; what was not said a block quote, escaped."""
    made = [told(make_checkin, 3, 2, helped=("*you* [laughed]",), unsaid=TRICKY)]
    markdown = summary_markdown(therapist_summary(made))
    section = markdown[markdown.index("## Feedback") :]
    assert section.splitlines()[:10] == [
        "## Feedback",
        "",
        "### Session of Thu 2 May 2024",
        "",
        "- What helped: \\*you\\* \\[laughed\\]",
        "",
        "Not said in the session:",
        "",
        "> \\[bold\\]not bold\\[/bold\\] \\*not em\\* \\<b\\>x\\</b\\>",
        "> \\# not a heading",
    ]
    assert "\x1b" not in markdown


def test_the_summary_says_how_the_tempo_was_chosen(make_checkin: Make) -> None:
    """Four sessions slowed, one as set: 'slowed the guide in 4 of 5 sessions'."""
    made = [breathed(make_checkin, day, tempo) for day, tempo in enumerate((0.8, 0.7, 0.8, 0.9), 1)]
    made.append(breathed(make_checkin, 6, 1.0))
    summary = therapist_summary(made)
    assert summary.tempo is not None
    assert summary.tempo.text == (
        "Tempo: slowed the guide in 4 of 5 sessions, kept the guide as set in 1; 0.8x on average"
    )
    assert f"  {summary.tempo.text}" in summary_text(summary)


def test_a_guide_kept_as_set_says_so_without_an_average(make_checkin: Make) -> None:
    """Every session at 1x: 'kept the guide as set in 2 of 2 sessions'."""
    summary = therapist_summary([breathed(make_checkin, 1, 1.0), breathed(make_checkin, 2, 1.0)])
    assert summary.tempo is not None
    assert summary.tempo.text == "Tempo: kept the guide as set in 2 of 2 sessions"
