"""SVG snapshots of home, history, the therapist summary and settings, at 80x24 and 40x12."""

import pytest

from breath_tui.journal import Journal

from .helpers import make_home_app

SIZES = [(80, 24), (40, 12)]


def seed(make_checkin, count=3):
    with Journal() as journal:
        journal.import_checkins(
            [make_checkin(note=f"When you slowed down I felt safer ({n})") for n in range(count)]
        )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_home(snap_compare, size):
    """Home: title, ten choices each with its key (quick calm and breathing name their pattern
    and length; g grounding, f feedback for your therapist and p the safety plan among them),
    the crisis line in bold at the foot, and 'breath-tui gives no medical advice.' under it; at
    40x12 the choices scroll (a scrollbar, "h History" the last in view) above the crisis line,
    and the advice line gives way."""
    app, _ = make_home_app()
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_history(snap_compare, make_checkin, size):
    """History, check-ins tab: three rows from May 2024, newest first, 7 -> 4, shoulders, the
    feelings sentence cut with an ellipsis, the start of each note (at 80 columns "When you
    slowe…", the widest text column), the key line at the bottom."""
    seed(make_checkin)
    app, _ = make_home_app()
    assert snap_compare(app, terminal_size=size, press=["h"])


def test_history_trends(snap_compare, make_checkin):
    """Trends tab: "Tension 0-10 over 3 check-ins, oldest first", two sparklines (before
    high, after lower) with "1 May" under their start and "3 May" beside their end, shoulders tense 3 of 3 times at strength 6/10 on average,
    disappointed and ashamed named 3 times, resonance 3.0 lower on average, 3 times."""
    seed(make_checkin)
    app, _ = make_home_app()

    async def run_before(pilot):
        await pilot.press("h", "2")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_therapist_summary(snap_compare, make_checkin, size):
    """For my therapist: since the last check-in, "1 check-in on 3 May 2024." (no "episodes"),
    breathing (with "Tempo: kept the guide as set in 1 of 1 session"), tension before and after
    with "Change: 3 lower, once" (no "on average"), body with "tension once" and
    "strength 6/10", the feelings sentence and the note as typed; at 40 columns a long line
    wraps under its own two-space indent."""
    seed(make_checkin)
    app, _ = make_home_app()

    async def run_before(pilot):
        await pilot.press("h", "3")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x12"])
def test_settings(snap_compare, size):
    """Settings: a label and a control per setting (patterns as drop-downs with their timings,
    "resonance: in 4 s, out 6 s"; minutes as text), a muted line of help under each, scrolled
    to the top; the key line says ctrl+s saves and esc leaves."""
    app, _ = make_home_app()
    assert snap_compare(app, terminal_size=size, press=["o"])
