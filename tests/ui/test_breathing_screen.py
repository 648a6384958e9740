"""The breathing screen driven by keys, with time moved by a manual clock."""

from textual.widgets import Static

from breath_tui.screens.breathe import BreathingScreen
from breath_tui.screens.dialogs import SessionEndScreen
from breath_tui.widgets.guide import BreathGuide, half_dots

from .helpers import make_app, wait_until_started


def text(app, widget_id):
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


async def advance(pilot, clock, seconds):
    await wait_until_started(pilot)
    clock.advance(seconds)
    screen = pilot.app.screen
    assert isinstance(screen, BreathingScreen)
    screen.sync()
    await pilot.pause()


async def test_shows_word_countdown_progress_and_safety():
    """At the start: 'Breathe in', 4 s, breath 1 of 3, and the safety line."""
    app, clock, cues = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Breathe in" in text(app, "word")
        assert text(app, "countdown") == "4"
        assert text(app, "progress") == "breath 1 of 3 · 0:30 left"
        assert "Breathe gently, not deeply" in text(app, "safety")
        assert "Esc stops" in text(app, "safety")
        assert cues.played == ["in"]


async def test_phase_changes_with_the_clock_and_cues_each_phase():
    """Moving the clock past 4 s shows 'Breathe out' and plays the out cue."""
    app, clock, cues = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4.0)
        assert "Breathe out" in text(app, "word")
        assert text(app, "countdown") == "6"
        await advance(pilot, clock, 6.0)
        assert text(app, "progress").startswith("breath 2 of 3")
        assert cues.played == ["in", "out", "in"]


async def test_space_pauses_and_resumes_without_losing_the_place():
    """Paused time is not breathed: after resuming, the countdown continues from where it was."""
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1.5)
        await pilot.press("space")
        assert text(app, "word") == "Paused"
        await advance(pilot, clock, 60.0)
        assert text(app, "word") == "Paused"
        await pilot.press("space")
        assert "Breathe in" in text(app, "word")
        assert text(app, "countdown") == "3"


async def test_plus_and_minus_step_the_tempo_by_ten_percent():
    """+ speeds up by 10%, - slows down by 10%; the title says the pattern's rate at the tempo."""
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert text(app, "title") == "resonance: 6 breaths a minute · 4-6 s"
        await pilot.press("plus")
        assert text(app, "title") == "resonance at 1.1x: 6.6 a minute · 4-6 s · faster"
        await pilot.press("minus", "minus", "minus")
        assert text(app, "title") == "resonance at 0.8x: 4.8 a minute · 4-6 s · slower"
        screen = app.screen
        assert screen.pacer.tempo == 0.8


async def test_tempo_stops_at_half_and_at_ten_breaths_a_minute():
    """- stops at 0.5x; + stops where resonance (6 a minute) would pass 10 a minute, 1.6x
    (9.6 a minute), and says why in words."""
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["minus"] * 8)
        assert app.screen.pacer.tempo == 0.5
        await pilot.press(*["plus"] * 20)
        assert app.screen.pacer.tempo == 1.6
        assert text(app, "notice") == (
            "Tempo 1.6x (9.6 a minute) is the fastest: breath-tui guides slow breathing, "
            "10 a minute at most."
        )


async def test_at_exactly_ten_a_minute_plus_does_not_contradict_itself():
    """3-0-3 is 10 a minute at 1x: + stays there and says '10 a minute at most', as every
    other line does, never 'under 10' beside '(10 a minute)'."""
    from breath_tui.core.patterns import parse_spec

    app, clock, _ = make_app()
    app.options.setup.pattern = parse_spec("3-0-3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("plus")
        assert app.screen.pacer.tempo == 1.0
        assert text(app, "notice") == (
            "Tempo 1.0x (10 a minute) is the fastest: breath-tui guides slow breathing, "
            "10 a minute at most."
        )


async def test_a_slow_pattern_may_go_up_to_twice_as_fast():
    """4-7-8 (3.16 a minute) is still slow at 2x (6.3 a minute): + goes up to 2x."""
    app, clock, _ = make_app(pattern="4-7-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["plus"] * 20)
        assert app.screen.pacer.tempo == 2.0


async def test_tempo_change_mid_breath_keeps_the_guide_where_it_was():
    """Slowing down mid-breath does not make the guide jump."""
    app, clock, _ = make_app(reduced_motion=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 2.0)
        guide = app.screen.query_one(BreathGuide)
        before = guide._drawn
        await pilot.press("minus")
        assert guide._drawn == before


async def test_escape_stops_and_shows_a_summary_then_exits():
    """Esc stops at once; the summary says how far it got; Enter closes the app."""
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 12.0)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionEndScreen)
        assert app.screen.text.startswith("Stopped: 1 of 3 breaths")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value.line.startswith("Stopped: 1 of 3 breaths in 12 seconds")


async def test_q_also_stops():
    """q stops like Esc."""
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, SessionEndScreen)


async def test_session_end_shows_summary_and_plays_the_end_cue():
    """At the end of the last breath: the end bell and a 'Finished' summary."""
    app, clock, cues = make_app(cycles=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 10.0)
        assert isinstance(app.screen, SessionEndScreen)
        assert app.screen.text == "Finished: 1 breath in 10 seconds, 6 breaths a minute."
        assert cues.played[-1] == "end"


async def test_m_mutes_and_unmutes():
    """m toggles the cues' mute and says so."""
    app, clock, cues = make_app()
    cues.muted = False
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert cues.muted is True
        assert "muted" in text(app, "notice")
        await pilot.press("m")
        assert cues.muted is False


async def test_too_small_window_shows_a_message_and_keeps_breathing():
    """Below 40x12 a clear message replaces the guide; no crash."""
    app, clock, _ = make_app()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("too-small")
        assert "at least 40x12" in text(app, "too-small")
        await advance(pilot, clock, 4.0)
        assert "Breathe out" in text(app, "word")


async def test_guide_repaints_only_when_its_drawing_changes():
    """Setting the same fill twice does not repaint; a new level does."""
    app, clock, _ = make_app(reduced_motion=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        guide = app.screen.query_one(BreathGuide)
        assert guide.set_fill(0.5) is True
        assert guide.set_fill(0.5) is False
        assert guide.set_fill(0.5 + 0.1 / guide.levels) is False
        assert guide.set_fill(1.0) is True


async def test_textual_animations_none_gives_a_still_guide():
    """With Textual's animation level at none (TEXTUAL_ANIMATIONS=none), the guide does not move."""
    app, clock, _ = make_app(reduced_motion=False)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1.0)
        guide = app.screen.query_one(BreathGuide)
        assert guide.reduced_motion
        drawn = guide._drawn
        await advance(pilot, clock, 2.0)
        assert guide._drawn == drawn
        assert text(app, "word") == "↑ Breathe in ↑"


async def test_motion_guide_grows_during_the_in_breath():
    """With motion, the drawn level rises through the in-breath and falls through the out-breath."""
    app, clock, _ = make_app(reduced_motion=False)
    async with app.run_test(size=(80, 24)) as pilot:
        guide = app.screen.query_one(BreathGuide)
        levels = []
        for _ in range(4):
            await advance(pilot, clock, 1.0)
            levels.append(guide._drawn[0])
        assert levels == sorted(levels) and levels[0] < levels[-1]
        await advance(pilot, clock, 3.0)
        assert guide._drawn[0] < levels[-1]


async def test_a_hold_keeps_the_disk_and_dims_it():
    """Box breathing: entering the hold keeps the level drawn at the top of the in-breath and
    marks the hold (dimmed), and nothing more is redrawn until the out-breath starts."""
    app, clock, _ = make_app(pattern="box", reduced_motion=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        guide = app.screen.query_one(BreathGuide)
        await advance(pilot, clock, 3.99)
        full = half_dots(guide.size.width, guide.size.height, 1.0)
        assert guide._drawn == (full, False)
        await advance(pilot, clock, 0.02)
        assert guide._drawn == (full, True)
        assert "dim" in str(list(guide.render_line(guide.size.height // 2))[0].style)
        await advance(pilot, clock, 3.9)
        assert guide._drawn == (full, True)
        await advance(pilot, clock, 0.2)
        radius, holding = guide._drawn
        assert radius < full and not holding


async def test_collector_comes_back_once_the_first_frame_is_drawn():
    """cli.main holds the cyclic collector back for start-up; the app turns it on again."""
    import gc

    app, _clock, _cues = make_app()
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until_started(pilot)
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_window_shrunk_mid_session_shows_the_message_and_grown_hides_it():
    """The 'too small' message appears when the window shrinks below 40x12 and goes again."""
    app, _clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#too-small")  # built only when needed
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert app.screen.has_class("too-small")
        assert "at least 40x12" in text(app, "too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.has_class("too-small")
        assert app.screen.query_one("#guide").display


def _disk_dot_by_dot(width, height, radius, hollow):
    """The guide's drawing rule, one dot at a time: lit when inner < distance <= radius."""
    bits_of = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
    outer = radius * radius
    inner = (radius - 1.6) ** 2 if hollow and radius > 2 else -1.0
    rows = []
    for cell_y in range(height):
        chars = []
        for cell_x in range(width):
            bits = 0
            for dot_x in range(2):
                dx = cell_x * 2 + dot_x + 0.5 - width
                for dot_y in range(4):
                    dy = cell_y * 4 + dot_y + 0.5 - height * 2
                    if inner < dx * dx + dy * dy <= outer:
                        bits |= bits_of[dot_x][dot_y]
            chars.append(chr(0x2800 + bits) if bits else " ")
        rows.append("".join(chars))
    return tuple(rows)


def test_disk_drawing_matches_the_dot_by_dot_rule_at_every_size():
    """The span-based drawing lights exactly the dots the per-dot rule does, disk and ring,
    at sizes from 1x1 to 40x20 and every half-dot radius that fits."""
    from breath_tui.widgets.guide import draw_disk

    for width in (1, 2, 5, 12, 23, 40):
        for height in (1, 3, 4, 11, 20):
            for doubled in range(2, 2 * min(width, 2 * height) + 2):
                radius = doubled / 2
                for hollow in (False, True):
                    assert draw_disk(width, height, radius, hollow) == _disk_dot_by_dot(
                        width, height, radius, hollow
                    ), (width, height, radius, hollow)


async def test_a_pattern_the_settings_tempo_makes_too_fast_is_slowed_with_a_line_saying_so():
    """The palette's 'Breathe: cyclic-sigh' at [breathing] tempo 1.6 (fine for resonance,
    10.7 a minute for the sigh): breathed at 1.5x, 10 a minute, and the notice says why."""
    from breath_tui.core.settings import Config
    from breath_tui.flows import FlowOptions

    from .helpers import make_home_app

    config = Config()
    config.breathing.tempo = 1.6
    app, _clock = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_flow("breathe", FlowOptions(pattern="cyclic-sigh"))
        await wait_until_started(pilot)
        await pilot.pause()
        assert app.screen.pacer.tempo == 1.5
        assert text(app, "notice").startswith("Tempo 1.5x, not 1.6x: cyclic-sigh at 1.5x is 10")
        assert text(app, "title").startswith("cyclic-sigh at 1.5x: 10 a minute")


async def test_the_line_a_session_begins_with_stays_when_sound_trouble_is_said():
    """A slowed tempo's line stays on screen when the cues then say they are silent: the sound
    notice follows it, never replaces it."""
    from breath_tui.app import BreathApp
    from breath_tui.audio import SilentPlayer
    from breath_tui.core.clock import ManualClock
    from breath_tui.core.patterns import PRESETS
    from breath_tui.flows import FlowOptions
    from breath_tui.session_setup import SessionSetup

    from .helpers import quiet_config

    clock = ManualClock(100.0)
    cues = SilentPlayer(notice="Cues are silent: no sound device or player was found.")
    setup = SessionSetup(PRESETS["cyclic-sigh"], 2, 1.5, cues=cues, notice="Tempo 1.5x, not 1.6x.")
    options = FlowOptions(setup=setup, reduced_motion=True)
    app = BreathApp(quiet_config(), "breathe", options, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 2.0)
        await advance(pilot, clock, 1.0)
        assert text(app, "notice") == (
            "Tempo 1.5x, not 1.6x. Cues are silent: no sound device or player was found."
        )
