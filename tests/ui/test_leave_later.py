"""After "l Later", home says once that the entry is unfinished (its status line), and r goes
straight back to where it was left, without asking again (issue 12)."""

from __future__ import annotations

from textual.widgets import Static

from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.checkin import CheckInScreen
from breath_tui.screens.dialogs import LeaveScreen, ResumeScreen
from breath_tui.screens.home import HomeScreen

from .helpers import Keys, make_home_app, screen_text, settle


def shown(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def test_later_is_said_once_on_home_and_r_resumes_without_asking(journal):
    """Body scan, one region answered, q, l: home's status line says it was left unfinished and
    the unfinished line is empty (said once); r opens the scan at its second region at once."""
    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "space", "3", "q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("l")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert shown(app, "#home-status").startswith("Left unfinished")
        assert shown(app, "#home-unfinished").strip() == ""
        assert screen_text(app).count("unfinished") == 1
        assert app.screen.unfinished is not None  # r still knows what to resume
        await keys("r")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert not any(isinstance(s, ResumeScreen | LeaveScreen) for s in app.screen_stack)
        step = app.screen.current
        assert isinstance(step, BodyStep) and step.current_region == "stomach"


async def test_the_unfinished_line_comes_back_after_another_flow(journal):
    """Said once, not hidden for good: after the next flow ends, home names it again."""
    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "space", "3", "q", "l")
        await settle(pilot)
        assert shown(app, "#home-unfinished").strip() == ""
        await keys("h", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "r resumes the unfinished body scan" in shown(app, "#home-unfinished")


async def test_home_names_the_key_to_use_next(journal):
    """Back on home, the ending line names home's key: after l Later "r resumes it", after
    k Keep "h shows it in history"; and r and h do that."""
    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "space", "3", "q", "l")
        assert shown(app, "#home-status") == "Left unfinished: r resumes it."
        await keys("r")
        assert isinstance(app.screen, CheckInScreen)
        await keys("q", "k")
        assert isinstance(app.screen, HomeScreen)
        assert shown(app, "#home-status") == "Kept what you entered: h shows it in history."
        await keys("h")
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_as_the_first_screen_the_line_names_the_command(journal):
    """`breath-tui scan` left with l Later ends the app with a line naming the command that
    offers to finish it (there is no home, so no r)."""
    from .helpers import make_checkin_app

    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("space", "3", "q", "l")
        await settle(pilot)
    assert app.return_value is not None
    assert app.return_value.line == "Left unfinished: breath-tui scan offers to finish it."


async def test_deciding_next_time_on_the_offer_says_what_became_of_the_entry(journal):
    """`breath-tui checkin` offers the check-in left before; q (decide next time) ends the app
    with a line saying it is kept as it was and how to take it up, and keeps it unfinished."""
    from .helpers import make_checkin_app

    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("5", "q", "l")
    again, _ = make_checkin_app(journal)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await Keys(pilot)("q")
        await settle(pilot)
    assert again.return_value is not None
    assert again.return_value.line == (
        "The unfinished check-in is kept as it was: breath-tui checkin offers to finish it."
    )
    (left,) = journal.checkins()
    assert left.status == "in_progress" and left.pre_rating == 5
