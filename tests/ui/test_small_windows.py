"""Quick calm in a small window (a tmux pop-up): from 20x6 up the word and the countdown, the
guide and the copy as room allows, the crisis line when it fits (from 20 rows at any width), a
notice long enough to read; the rating after it shows all of 0-10 at 30x8. No "make the window
larger" cover on either (issue 12)."""

from __future__ import annotations

import pytest

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.core.safety import DEFAULT_CRISIS_TEXT, GENTLY
from breath_tui.flows import FlowOptions
from breath_tui.screens.dialogs import TooSmallScreen
from breath_tui.screens.quick import NOTICE_SECONDS, QuickCalmScreen, QuickRatingScreen
from breath_tui.widgets.rating import COMPACT_WIDTH, compact_scale

from .helpers import quiet_config, screen_text, wait_until_started

SCALE = "0 1 2 3 4 5 6 7 8 9 10"


NOTICE = "config.toml, line 2: sound.volume must be 0 to 1, not 3; [sound] ignored."


def quick_app(notice: str | None = None) -> BreathApp:
    return BreathApp(
        quiet_config(),
        "now",
        FlowOptions(reduced_motion=True, notice=notice),
        clock=ManualClock(100.0),
    )


def flat(text: str) -> str:
    """The screen's words with line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


async def stop_after_one_breath(pilot) -> None:
    await wait_until_started(pilot)
    pilot.app.clock.advance(9.0)
    pilot.app.screen.sync()
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuickRatingScreen)


# (size, the guide shown, the safety copy shown, the crisis line shown)
SIZES = [
    ((20, 6), False, False, False),
    ((20, 8), False, False, True),
    ((30, 10), False, False, True),
    ((39, 12), False, False, True),
    ((45, 10), False, False, True),
    ((30, 20), True, True, True),
    ((40, 12), True, True, False),
    ((80, 24), True, True, True),
    ((120, 40), True, True, True),
]


@pytest.mark.parametrize(("size", "guide", "copy", "crisis"), SIZES, ids=lambda v: str(v))
async def test_quick_calm_shows_word_and_countdown_at_any_size(size, guide, copy, crisis):
    """The phase word and its countdown are on screen at every size; the guide, the safety
    copy and the crisis line only where they fit; never the cover."""
    app = quick_app()
    async with app.run_test(size=size) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        assert isinstance(app.screen, QuickCalmScreen)
        text = screen_text(app)
        rows = text.splitlines()
        assert "Breathe in" in flat(text), text
        assert any(row.strip() == "2" for row in rows), text  # the countdown, on a row of its own
        assert "Make the window" not in text
        assert (app.screen.query_one("#guide").region.height > 0) is guide
        assert (GENTLY in flat(text)) is copy, text
        assert (DEFAULT_CRISIS_TEXT in flat(text)) is crisis, text


# (size, the crisis line shown beside the notice in its first seconds, and after them)
NOTICE_SIZES = [
    ((30, 8), False, True),
    ((39, 12), False, True),
    ((40, 12), False, False),
    ((80, 24), True, True),
]


@pytest.mark.parametrize(("size", "crisis", "crisis_after"), NOTICE_SIZES, ids=lambda v: str(v))
async def test_a_notice_is_whole_on_screen_long_enough_to_read(size, crisis, crisis_after):
    """A broken config.toml's line is on screen whole from the first frame, beside the word
    and the countdown, for NOTICE_SECONDS at least; in a small window it then gives its rows
    back (to the crisis line, or at 40x12 to the title, guide and question); from 20 rows it
    stays, beside the crisis line."""
    app = quick_app(NOTICE)
    async with app.run_test(size=size) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        text = flat(screen_text(app))
        assert NOTICE in text and "Breathe in" in text, screen_text(app)
        assert (DEFAULT_CRISIS_TEXT in text) is crisis, screen_text(app)
        app.clock.advance(NOTICE_SECONDS - 1)
        app.screen.sync()
        await pilot.pause()
        assert NOTICE in flat(screen_text(app)), screen_text(app)
        app.clock.advance(1.5)
        app.screen.sync()
        await pilot.pause()
        text = flat(screen_text(app))
        assert (DEFAULT_CRISIS_TEXT in text) is crisis_after, screen_text(app)
        assert (NOTICE in text) is (size[1] >= 20), screen_text(app)
        assert "How tense are you" in text or size[0] < 40, screen_text(app)


async def test_a_notice_leaves_the_word_and_countdown_alone_at_20x6():
    """At 20x6 there is no room for a notice: the word and the countdown keep the window."""
    app = quick_app(NOTICE)
    async with app.run_test(size=(20, 6)) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert "Breathe in" in flat("\n".join(rows)) and any(r.strip() == "2" for r in rows)
        assert "config.toml" not in flat("\n".join(rows))


async def test_shrinking_while_breathing_keeps_guidance_and_no_cover():
    """From 80x24 down to 20x6 and back: the word stays, no cover is pushed, breathing goes on."""
    app = quick_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        screen = app.screen
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert app.screen is screen and not isinstance(app.screen, TooSmallScreen)
        assert "Breathe in" in flat(screen_text(app))
        app.clock.advance(2.5)
        screen.sync()
        await pilot.pause()
        assert "Breathe in a little more" in flat(screen_text(app))  # the next phase, at 20x6
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is screen


async def test_the_rating_after_shows_all_of_0_to_10_at_30x8_and_answers():
    """At 30x8 the question and every number from 0 to 10 are on screen, uncovered; 7 is kept."""
    app = quick_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await stop_after_one_breath(pilot)
        text = screen_text(app)
        assert "How tense do you feel now?" in text
        assert SCALE in text, text
        await pilot.press("right")
        assert "0 1 2 3 4[5]6 7 8 9 10" in screen_text(app)
        await pilot.press("7")
        await pilot.pause()
    assert app.return_value is not None and "journal: tension 7 after." in app.return_value.line


async def test_shrinking_to_30x8_on_the_rating_pushes_no_cover():
    """The rating copes with a small window itself: shrinking to it does not cover it."""
    app = quick_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await stop_after_one_breath(pilot)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert isinstance(app.screen, QuickRatingScreen)
        assert SCALE in screen_text(app)


async def test_plain_breathing_still_says_make_the_window_larger():
    """Only quick calm fits itself: `breathe` below 40x12 still says so (and breathes on)."""
    from .helpers import make_app

    app, _clock, _ = make_app()
    async with app.run_test(size=(30, 10)) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        assert "at least 40x12" in screen_text(app)


@pytest.mark.parametrize(
    ("marked", "shown"),
    [
        (None, "0 1 2 3 4 5 6 7 8 9 10 "),
        (0, "[0]1 2 3 4 5 6 7 8 9 10"),
        (4, "0 1 2 3[4]5 6 7 8 9 10 "),
        (10, "0 1 2 3 4 5 6 7 8 9[10]"),
    ],
)
def test_compact_scale_marks_the_number_in_place(marked, shown):
    """The compact scale keeps every number and brackets the marked one, in a fixed width."""
    assert compact_scale(marked) == shown
    assert len(shown) == COMPACT_WIDTH
