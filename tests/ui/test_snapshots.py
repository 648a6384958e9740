"""SVG snapshots of the breathing screen. Motion is off unless the test says otherwise; time is a manual clock."""

from breath_tui.screens.breathe import BreathingScreen

from .helpers import make_app, wait_until_started


def at(clock, seconds):
    async def run_before(pilot):
        await wait_until_started(pilot)
        clock.advance(seconds)
        screen = pilot.app.screen
        assert isinstance(screen, BreathingScreen)
        screen.sync()
        await pilot.pause()

    return run_before


def test_breathing_80x24(snap_compare):
    """Resonance, 1.5 s in: a static ring, "↑ Breathe in ↑", countdown 3, breath 1 of 3, safety copy, key help."""
    app, clock, _ = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(clock, 1.5))


def test_breathing_box_hold_80x24(snap_compare):
    """Box breathing in its first hold: "· Hold ·", and the hold caution under the safety line."""
    app, clock, _ = make_app(pattern="box")
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(clock, 5.0))


def test_breathing_40x12(snap_compare):
    """The smallest supported size: every line still readable, the ring small but present."""
    app, clock, _ = make_app()
    assert snap_compare(app, terminal_size=(40, 12), run_before=at(clock, 5.0))


def test_too_small_30x10(snap_compare):
    """Below 40x12: only the "make the window larger" message and the key help."""
    app, clock, _ = make_app()
    assert snap_compare(app, terminal_size=(30, 10), run_before=at(clock, 1.0))


def test_breathing_guide_mid_breath_80x24(snap_compare):
    """Motion on, 3 s into a 4 s in-breath: a large braille disk, three quarters of the way to full
    (an even pace, the level rounded up as the breath fills)."""
    app, clock, _ = make_app(reduced_motion=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(clock, 3.0))


def test_breathing_guide_in_a_hold_80x24(snap_compare):
    """Motion on, box breathing 2 s into the hold after the in-breath: the full solid disk, as it
    was at the top of the breath but dimmer, under "Hold" (not a ring)."""
    app, clock, _ = make_app(pattern="box", reduced_motion=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(clock, 6.0))


def test_summary_80x24(snap_compare):
    """After Esc at 12 s: a bordered card "Stopped: 1 of 3 breaths in 12 seconds, tempo 1.0x." and a Close button."""
    app, clock, _ = make_app()

    async def run_before(pilot):
        await at(clock, 12.0)(pilot)
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
