"""Every screen survives any window size, down to 1x1 and back (a body scan at 20x8 crashed)."""

from __future__ import annotations

import pytest

from breath_tui.journal import Journal

from .helpers import make_home_app

SIZES = [(20, 8), (1, 1), (10, 5), (100, 1)]

# Keys from home to each screen (and each step of a check-in, and the pop-ups).
PATHS = {
    "home": [],
    "body scan": ["s"],
    "body scan, second region": ["s", "3"],
    "feelings": ["s", "n", "n", "n"],
    "feeling families": ["s", "n", "n", "n", "enter"],
    "feeling words": ["s", "n", "n", "n", "enter", "enter"],
    "how much": ["s", "n", "n", "n", "enter", "enter", "enter"],
    "note": ["s", "n", "n", "n", "d"],
    "leave dialog": ["s", "3", "q"],
    "check-in rating": ["c"],
    "check-in breathing step": ["c", "5"],
    "history": ["h"],
    "history detail": ["h", "enter"],
    "trends": ["h", "2"],
    "therapist summary": ["h", "3"],
    "settings": ["o"],
    "quick calm": ["n"],
    "quick calm rating": ["n", "escape"],
    "breathing": ["b"],
    "palette": ["ctrl+p"],
}


@pytest.mark.parametrize("keys", PATHS.values(), ids=PATHS.keys())
async def test_screen_survives_every_size_and_comes_back(keys, make_checkin) -> None:
    """Shrunk through 20x8, 10x5, 1x1 and odd shapes and grown again: no crash, same screen."""
    with Journal() as journal:
        journal.import_checkins([make_checkin() for _ in range(3)])
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        screen = app.screen
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is screen and app.return_code is None
