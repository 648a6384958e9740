"""Notices (Textual's toasts) cover nothing that matters: not "How strong?", not the crisis line
after saving settings, not the safety copy while breathing. They sit at the top right, over
half the width at most, and never reach the lower half (app.tcss), at 80x24 (issue 12)."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets._toast import Toast

from breath_tui.screens.breathe import BreathingScreen
from breath_tui.screens.home import HomeScreen
from breath_tui.screens.settings import SettingsScreen

from .helpers import (
    Keys,
    make_checkin_app,
    make_home_app,
    screen_text,
    settle,
    wait_until_started,
)

LONG = (
    "The journal was busy: another copy of breath-tui held it for a moment, and what you "
    "entered is kept."
)


def toast_regions(app) -> list[Region]:
    regions = [toast.region for toast in app.screen.query(Toast)]
    assert regions and all(region.height > 0 for region in regions), "no notice on screen"
    return regions


def assert_uncovered(app, *selectors: str) -> None:
    """Every notice on screen leaves the widgets named whole."""
    for selector in selectors:
        for widget in app.screen.query(selector):
            for toast in toast_regions(app):
                assert not toast.overlaps(widget.region), f"a notice covers {selector}"


def assert_at_the_top_right(app, rows: int = 2) -> None:
    width, height = app.size
    for toast in toast_regions(app):
        assert toast.y <= 1 and toast.right == width and toast.width <= width // 2
        assert toast.height <= rows and toast.bottom <= height // 2


async def test_the_breathing_line_after_a_check_in_step_leaves_how_strong_visible(journal):
    """The check-in says how the breathing went as the body scan opens: "How strong?" and the
    region's question stay in sight."""
    app, clock = make_checkin_app(journal)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        keys = Keys(pilot)
        await keys("5", "enter")
        await wait_until_started(pilot)
        clock.advance(20.0)
        pilot.app.screen.sync()
        for _ in range(10):
            await pilot.pause()
        await settle(pilot)
        assert app.screen.query("#strength")
        assert_at_the_top_right(app)
        assert_uncovered(app, "#strength", "#region-prompt", "#region-count", "#keys")


async def test_a_notice_on_home_after_saving_settings_leaves_the_crisis_line(breath_home):
    """Settings saved, home redrawn, then a long notice: the crisis line and the advice line
    stay whole."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#safety-crisis").value = "Call Sam on 0123 456 789"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        app.notify(LONG, severity="warning")
        await pilot.pause()
        await pilot.pause()
        assert_at_the_top_right(app, rows=3)
        assert_uncovered(app, "#crisis", "#no-advice", "#home-choices", "#home-status")


async def test_a_notice_while_breathing_leaves_the_safety_copy():
    """Sound turned on from the palette while breathing says so in a notice that leaves the
    word, the countdown, the safety copy and the key line uncovered."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("b")
        await wait_until_started(pilot)
        assert isinstance(app.screen, BreathingScreen)
        await pilot.press("ctrl+p")
        await pilot.press(*"sound")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
        assert_at_the_top_right(app)
        assert_uncovered(app, "#safety", "#word", "#countdown", "#progress", "#keys")


async def test_a_long_notice_stays_in_the_top_half():
    """However long, a notice is drawn in the top half only (the rack clips it there): the
    lower half, the crisis line with it, shows as without it."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        before = screen_text(app).splitlines()
        app.notify(LONG * 5)
        await pilot.pause()
        await pilot.pause()
        after = screen_text(app).splitlines()
        assert after[:12] != before[:12]  # the notice is there, at the top
        assert after[12:] == before[12:]
        assert app.config.safety.crisis_text in "\n".join(after[12:])
