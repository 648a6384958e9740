"""Notices (Textual's toasts) cover nothing: not "How strong?", not the crisis line after
saving settings, not the safety copy while breathing, not even a title. They take rows of their
own at the top, across the window, and the screen is laid out below them (app.tcss), at 80x24
and 40x12 (issue 12)."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets._toast import Toast, ToastHolder, ToastRack

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
SIZES = [(80, 24), (40, 12)]


def drawn(app) -> dict:
    """Each widget on screen and the part of the window it is drawn in."""
    visible = app.screen._compositor.visible_widgets
    return {widget: region.intersection(clip) for widget, (region, clip) in visible.items()}


def toast_regions(app) -> list[Region]:
    regions = [region for widget, region in drawn(app).items() if isinstance(widget, Toast)]
    assert regions and all(region.height > 0 for region in regions), "no notice on screen"
    return regions


def assert_uncovered(app, *selectors: str) -> None:
    """The widgets named that this size shows are drawn whole, and no notice is over them."""
    shown = drawn(app)
    for selector in selectors:
        for widget in app.screen.query(selector):
            if not all(node.display for node in (widget, *widget.ancestors_with_self)):
                continue  # this size has no room for it, notice or not
            assert widget in shown, f"{selector} is not on screen\n{screen_text(app)}"
            assert shown[widget].size == widget.outer_size, f"{selector} is cut\n{screen_text(app)}"
            for toast in toast_regions(app):
                assert not toast.overlaps(shown[widget]), f"a notice covers {selector}"


def assert_above_the_layout(app) -> None:
    """Notices start at the top row, span the window, take at most half of it, and nothing
    else on screen is drawn where they are."""
    width, height = app.size
    toasts = toast_regions(app)
    top = Region.from_union(toasts)
    assert top.y == 0 and top.bottom <= height // 2
    assert all(toast.width == width for toast in toasts)
    for widget, region in drawn(app).items():
        if isinstance(widget, Screen | ToastRack | ToastHolder | Toast):
            continue
        assert not region.overlaps(top), f"a notice covers {widget!r}"


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_the_breathing_line_after_a_check_in_step_leaves_how_strong_visible(journal, size):
    """The check-in says how the breathing went as the body scan opens: "How strong?" and the
    region's question stay in sight."""
    app, clock = make_checkin_app(journal)
    async with app.run_test(size=size, notifications=True) as pilot:
        keys = Keys(pilot)
        await keys("5", "enter")
        await wait_until_started(pilot)
        clock.advance(20.0)
        pilot.app.screen.sync()
        for _ in range(10):
            await pilot.pause()
        await settle(pilot)
        assert app.screen.query("#strength")
        assert_above_the_layout(app)
        assert_uncovered(app, "#strength", "#region-prompt", "#region-count", "#keys")


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_a_notice_on_home_after_saving_settings_leaves_the_crisis_line(breath_home, size):
    """Settings saved, home redrawn, then a long notice: the crisis line and the advice line
    stay whole."""
    app, _ = make_home_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#safety-crisis").value = "Call Sam on 0123 456 789"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        app.notify(LONG, severity="warning")
        await pilot.pause()
        await pilot.pause()
        assert_above_the_layout(app)
        assert_uncovered(app, "#crisis", "#no-advice", "#home-choices", "#home-status")


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_a_notice_while_breathing_leaves_the_safety_copy(size):
    """Sound turned on from the palette while breathing says so in a notice that leaves the
    word, the countdown, the safety copy and the key line uncovered."""
    app, _ = make_home_app()
    async with app.run_test(size=size, notifications=True) as pilot:
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
        assert_above_the_layout(app)
        assert_uncovered(app, "#safety", "#word", "#countdown", "#progress", "#keys")


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_a_long_notice_takes_at_most_half_and_covers_nothing(size):
    """However long, a notice takes the top half at most (the rack clips it there); home is
    laid out below it, the crisis line whole at its foot."""
    app, _ = make_home_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify(LONG * 5)
        await pilot.pause()
        await pilot.pause()
        assert_above_the_layout(app)
        assert_uncovered(app, "#crisis", "#home-choices")
        assert app.config.safety.crisis_text in " ".join(screen_text(app).split())
