"""Snapshots of issue 12's screen fixes: quick calm in small windows, notices that cover
nothing, the palette and settings. Motion off; time is a manual clock."""

from __future__ import annotations

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.flows import FlowOptions

from .helpers import make_checkin_app, quiet_config, settle, wait_until_started

NOTICE = "config.toml, line 2: sound.volume must be 0 to 1, not 3; [sound] ignored."


def quick_app(notice: str | None = None) -> BreathApp:
    return BreathApp(
        quiet_config(),
        "now",
        FlowOptions(reduced_motion=True, notice=notice),
        clock=ManualClock(100.0),
    )


async def stopped_after_one_breath(pilot) -> None:
    await wait_until_started(pilot)
    pilot.app.clock.advance(9.0)
    pilot.app.screen.sync()
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


def test_quick_calm_20x6(snap_compare):
    """A 20x6 pop-up: "↑ Breathe in through the nose ↑" (wrapped), the countdown 2 and the
    start of the key line (esc stop first); no "make the window larger"."""
    assert snap_compare(quick_app(), terminal_size=(20, 6), run_before=wait_until_started)


def test_quick_calm_30x10(snap_compare):
    """30x10: the word, the countdown, and the crisis line whole below them; no guide, no
    title, no cover."""
    assert snap_compare(quick_app(), terminal_size=(30, 10), run_before=wait_until_started)


def test_quick_calm_with_a_notice_80x24(snap_compare):
    """Quick calm on a broken config.toml at 80x24: the guide, the word, the countdown, the
    question, the safety copy, then "config.toml, line 2: ... [sound] ignored." on one line and
    the crisis line under it, above the key line."""
    app = quick_app(NOTICE)
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_until_started)


def test_quick_calm_with_a_notice_30x8(snap_compare):
    """The same at 30x8, in its first seconds: the word, the countdown 2, the notice whole on
    three lines where the crisis line will be, the key line."""
    app = quick_app(NOTICE)
    assert snap_compare(app, terminal_size=(30, 8), run_before=wait_until_started)


def test_quick_rating_30x8(snap_compare):
    """The rating after quick calm at 30x8: "How tense do you feel now?", all of 0 to 10 on
    one row, the hint below, no frame and no cover."""
    assert snap_compare(quick_app(), terminal_size=(30, 8), run_before=stopped_after_one_breath)


def test_notice_over_the_body_scan_80x24(snap_compare, journal):
    """The check-in's body scan just after its breathing step: the notice "Finished: 2 breaths
    ..." is one line at the top, across the window, and the step title is the row under it;
    the region's question, "How strong?" at the foot and the key line are uncovered."""
    app, clock = make_checkin_app(journal)

    async def run_before(pilot):
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("enter")
        await wait_until_started(pilot)
        clock.advance(20.0)
        pilot.app.screen.sync()
        for _ in range(10):
            await pilot.pause()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_palette_80x24(snap_compare):
    """ctrl+p on home: "Open: ..." for every flow first (check-in to Settings), then the patterns;
    scrolling on would show "Sound: off", "Motion: reduced", then Textual's own."""
    from .helpers import make_home_app

    app, _ = make_home_app()

    async def run_before(pilot):
        await pilot.press("ctrl+p")
        for _ in range(5):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
