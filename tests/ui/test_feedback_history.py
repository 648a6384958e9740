"""Feedback in the full-screen history: its row in the list, and felt heard, the paces and the
wishes at the end of the trends tab."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from breath_tui.core.checkin import CheckIn, Feedback
from breath_tui.journal import Journal

from .helpers import make_home_app, settle

ZONE = timezone(timedelta(hours=1))
ANSWERS = [
    (3, "too fast", ("could we slow down?",)),
    (5, "too fast", ("could we slow down?", "less advice")),
    (6, "about right", ("more time before I answer",)),
    (8, "about right", ("could we slow down?",)),
]


def seed_feedback() -> None:
    """Four feedbacks a week apart (May 2024), felt heard rising from 3 to 8."""
    entries = []
    for number, (heard, pace, wishes) in enumerate(ANSWERS):
        started = datetime(2024, 5, 1 + 7 * number, 19, tzinfo=ZONE)
        entries.append(
            CheckIn(
                id=f"00000000-0000-4000-8000-{number:012d}",
                started_at=started,
                ended_at=started + timedelta(minutes=1),
                kind="feedback",
                feedback=Feedback(
                    started.date(),
                    heard,
                    pace,
                    ("when you slowed down",),
                    wishes,  # type: ignore[arg-type]
                ),
            )
        )
    with Journal() as journal:
        journal.import_checkins(entries)


async def test_a_feedback_row_gives_its_answers_the_room_of_empty_columns():
    """Only feedback in the list: body and feelings take their headings' width, so at 80
    columns the note's cell shows 23 characters of the answers (not the 10 of a third),
    beginning with the session the feedback is about."""
    seed_feedback()
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        row = app.screen.query_one("#history-table").get_row_at(0)
        assert row[0].plain == "2024-05-22 19:00"
        assert row[-1].plain == "about 22 May · heard 8…"
        assert row[2].plain == "–"  # no tension rating: a dash, not a blank cell


def test_history_trends_with_feedback_80x24(snap_compare):
    """Trends with only feedback: "Felt heard 0-10 (4 entries), by session", the sparkline
    "1 May ▃▅▅▇ 22 May" rising, each pace with its count (too slow: 0 times), and each wish
    with its count, "could we slow down?: 3 times" first."""
    seed_feedback()
    app, _ = make_home_app()

    async def run_before(pilot):
        await pilot.press("h", "2")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
