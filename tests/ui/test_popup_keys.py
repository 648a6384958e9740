"""Pop-ups show their own keys at the foot, never those of the screen behind them, and every
choice they offer is on screen, at 80x24 and 40x12 (issue 12). End-of-session pop-ups hide the
breathing keys."""

from __future__ import annotations

import pytest

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.flows import FlowOptions
from breath_tui.screens.dialogs import LeaveScreen, ResumeScreen, SessionEndScreen
from breath_tui.screens.quick import QuickRatingScreen

from .helpers import (
    Keys,
    make_app,
    make_checkin_app,
    quiet_config,
    screen_text,
    settle,
    wait_until_started,
)

SIZES = [(80, 24), (40, 12)]
BREATHING_KEYS = ("space pause", "faster", "+/- pace", "m mute", "g try grounding")
STEP_KEYS = ("s skip", "Esc back", "q leave", "0-9 sets it")


def flat(text: str) -> str:
    return " ".join(text.split())


def foot(app) -> str:
    """What the pop-up's key line shows, as drawn (cut where the window cuts it)."""
    keys = app.screen.query_one("#keys").region
    rows = screen_text(app).splitlines()[keys.y : keys.bottom]
    return flat("\n".join(row[keys.x : keys.right] for row in rows))


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_leaving_a_check_in_shows_the_dialog_keys_and_every_choice(journal, size):
    """q in a check-in: "k keep it · l later · d discard it · esc stay" at the foot, none of
    the step's keys, and the four buttons all visible."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await keys("5", "q")
        assert isinstance(app.screen, LeaveScreen)
        assert foot(app) == "k keep it · l later · d discard it · esc stay"
        text = flat(screen_text(app))
        for button in ("k Keep it", "l Later", "d Discard it", "Esc Stay"):
            assert button in text, screen_text(app)


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_an_unfinished_entry_offer_shows_its_own_keys_and_choices(journal, size):
    """The next check-in finds the one left: its own key line and the three buttons."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await keys("5", "q", "l")
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        assert foot(app) == "f finish it · k keep it · d discard it · q decide next time"
        text = flat(screen_text(app))
        for button in ("f Finish it", "k Keep it", "d Discard it"):
            assert button in text, screen_text(app)
        assert not any(key in text for key in STEP_KEYS), screen_text(app)


@pytest.mark.parametrize("size", SIZES, ids=str)
async def test_the_end_of_a_session_hides_the_breathing_keys(size):
    """The card at the end of `breathe`: "enter or esc close" at the foot, no breathing keys."""
    app, clock, _ = make_app(cycles=1)
    async with app.run_test(size=size) as pilot:
        await wait_until_started(pilot)
        clock.advance(11.0)
        app.screen.sync()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionEndScreen)
        assert foot(app) == "enter or esc close"
        assert not any(key in flat(screen_text(app)) for key in BREATHING_KEYS)


@pytest.mark.parametrize("size", [*SIZES, (30, 8)], ids=str)
async def test_the_rating_after_quick_calm_hides_the_breathing_keys(size):
    """ "How tense do you feel now?" after quick calm: its own keys, none of the breathing's."""
    clock = ManualClock(100.0)
    app = BreathApp(quiet_config(), "now", FlowOptions(reduced_motion=True), clock=clock)
    async with app.run_test(size=size) as pilot:
        await wait_until_started(pilot)
        clock.advance(9.0)
        app.screen.sync()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuickRatingScreen)
        assert foot(app).startswith("0-9 answer")
        assert not any(key in flat(screen_text(app)) for key in BREATHING_KEYS)
