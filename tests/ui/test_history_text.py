"""History at 80x24 as a new user reads it: the start of each note in the table, the detail one
key (Enter) away from every row, dates at both ends of the sparklines, wrapped lines kept under
their indent, entries left early named (issue 12)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from textual.widgets import DataTable, Static

from breath_tui.core.checkin import BodyEntry
from breath_tui.journal import Journal
from breath_tui.screens.history import DetailScreen, HistoryScreen

from .helpers import make_home_app, settle

ZONE = timezone(timedelta(hours=1))
NOTES = [
    "Talked to my sister about the move and felt lighter",
    "Slept badly, dreamt of the old flat again",
    "Work was calm today",
]


def seed(make_checkin, **fields):
    with Journal() as journal:
        journal.import_checkins(
            [
                make_checkin(
                    started_at=(start := datetime(2024, 5, 1 + 10 * n, 9, 30, tzinfo=ZONE)),
                    ended_at=start + timedelta(minutes=5),
                    note=note,
                    **fields,
                )
                for n, note in enumerate(NOTES)
            ]
        )


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_table_shows_the_start_of_each_note_at_80_columns(make_checkin):
    """Each row's note cell holds the note's first 14 characters or more, cut with an ellipsis."""
    seed(make_checkin)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= 80
        for row, note in enumerate(reversed(NOTES)):
            cell = str(table.get_row_at(row)[-1])
            shown = cell.removesuffix("…")
            assert note.startswith(shown) and len(shown) >= min(14, len(note))
            assert cell == note or cell.endswith("…")


async def test_every_row_is_one_key_from_its_detail(make_checkin):
    """Down to any row, Enter: that entry's card, with its whole note; Esc, and Enter again."""
    seed(make_checkin)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        for row, note in enumerate(reversed(NOTES)):
            if row:
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DetailScreen)
            assert note in str(app.screen.query_one("#detail Static", Static).render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)


async def test_trends_sparklines_have_dates_at_both_ends(make_checkin):
    """The trends tab: the first and last entry's dates under the sparklines."""
    seed(make_checkin)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        await settle(pilot)
        lines = text_of(app, "#trends-text").split("\n")
        after = next(i for i, line in enumerate(lines) if line.startswith("After"))
        assert lines[after + 1].split() == ["1", "May", "21", "May"]


async def test_a_wrapped_summary_line_keeps_its_indent(make_checkin):
    """At 40 columns a long Body line of the summary wraps under its two-space indent."""
    seed(
        make_checkin,
        body=(BodyEntry("shoulders", ("tension", "tightness", "fluttering"), 6),),
    )
    app, _ = make_home_app()
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.press("h", "3")
        await settle(pilot)
        lines = text_of(app, "#therapist-text").split("\n")
        start = lines.index("Body")
        body = lines[start + 1 : lines.index("", start)]
        assert len(body) > 1 and all(line.startswith("  ") for line in body)
        assert "\n" not in app.screen._summary_text.split("Body\n")[1].split("\n\n")[0].strip()


async def test_an_entry_left_early_is_named_in_the_table(make_checkin):
    """A check-in kept before its last step reads 'check-in (left early)' in the Kind column;
    the table still fits 80 columns, body and feelings giving way so the note keeps its start."""
    with Journal() as journal:
        journal.add(make_checkin(post_rating=None, left_early=True, note=NOTES[0]))
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[1]) == "check-in (left early)"
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= 80 - 2  # the scroll bar's room too
        note = str(table.get_row_at(0)[-1]).removesuffix("…")
        assert len(note) >= 7 and NOTES[0].startswith(note)


async def test_a_note_of_100000_characters_opens_and_resizes_without_a_stall(make_checkin):
    """A one-word note of 100,000 characters: the detail shows its first 4,000 and how many
    more there are (cheap to wrap at every resize), and c copies the whole entry."""
    from time import process_time

    from breath_tui.core.card import card_text
    from breath_tui.core.text import SCREEN_TEXT_MOST

    note = "[b]" + "a" * 99_990 + "[/x]"
    with Journal() as journal:
        journal.add(made := make_checkin(note=note))
    app, _ = make_home_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#detail-card", Static).render())
        whole = card_text(made)
        more = len(whole) - SCREEN_TEXT_MOST
        assert shown == f"{whole[:SCREEN_TEXT_MOST]}\n... ({more:,} more characters)"
        assert shown.count("[b]") == 1  # the person's text, not markup
        assert "c copies the whole entry" in text_of(app, "#detail-keys")
        started = process_time()
        for size in ((120, 40), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert process_time() - started < 1.0
        await pilot.press("c")
        assert copied == [whole]
