"""Home, quick calm, history and settings, driven by keys."""

from textual.widgets import DataTable, Static

from breath_tui.core.config import load_config
from breath_tui.journal import Journal
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.screens.checkin import CheckInScreen
from breath_tui.screens.history import DetailScreen, HistoryScreen
from breath_tui.screens.home import HomeScreen
from breath_tui.screens.quick import QuickRatingScreen
from breath_tui.screens.settings import SettingsScreen

from .helpers import make_home_app, wait_until_started


def shown(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def test_home_offers_every_flow_and_the_crisis_line():
    """Home lists check-in, quick calm, breathing, scan, grounding, feedback, history, the safety plan,
    settings and quit, with the crisis text."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = [str(o.prompt) for o in app.screen.query_one("#home-choices").options]
        assert [o[2:].split()[0] for o in options] == [
            "c",
            "n",
            "b",
            "s",
            "g",
            "f",
            "h",
            "p",
            "o",
            "q",
        ]
        assert "emergency services or a helpline" in shown(app, "#crisis")


async def test_the_highlighted_choice_is_marked_by_shape_not_colour_alone():
    """A ▸ stands before the highlighted choice, and only before it, as the arrows move."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choices = app.screen.query_one("#home-choices")

        def marked():
            return [str(o.prompt)[2] for o in choices.options if str(o.prompt).startswith("▸")]

        assert marked() == ["c"]
        await pilot.press("down", "down")
        assert marked() == ["b"]
        await pilot.press("up")
        assert marked() == ["n"]


async def test_crisis_text_comes_from_settings():
    """[safety] crisis_text replaces the default line."""
    from breath_tui.core.settings import Config

    config = Config()
    config.safety.crisis_text = "Call Sam on 555 0100 [bold]now[/]"
    app, _ = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#crisis") == "Call Sam on 555 0100 [bold]now[/]"


async def test_quick_calm_breathes_at_once_then_keeps_a_rating():
    """n starts breathing with no question first; a digit afterwards is kept as a quick entry."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, BreathingScreen)
        assert app.screen.setup.pattern.name == "cyclic-sigh"
        await wait_until_started(pilot)
        clock.advance(9.0)
        app.screen.sync()
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, QuickRatingScreen)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert entry.kind == "quick" and entry.post_rating == 3 and entry.pre_rating is None
    assert entry.breathing.pattern == "cyclic-sigh" and entry.breathing.cycles == 1
    assert entry.ended_at is not None


async def test_quick_calm_rated_8_or_more_shows_the_crisis_line():
    """A high tension rating after quick calm adds the crisis line to what home says; a low
    one does not."""
    for rating, crisis_shown in (("9", True), ("4", False)):
        app, clock = make_home_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await wait_until_started(pilot)
            clock.advance(9.0)
            app.screen.sync()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()  # the rating is asked once breathing has stopped
            await pilot.press(rating)
            await pilot.pause()
            status = shown(app, "#home-status")
            assert f"tension {rating} after" in status
            assert (app.config.safety.crisis_text in status) is crisis_shown


async def test_quick_calm_rating_can_be_skipped():
    """Esc skips the rating; a breath that was breathed is still kept."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until_started(pilot)
        clock.advance(9.5)
        app.screen.sync()
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "no rating" in shown(app, "#home-status")
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert entry.post_rating is None and entry.breathing.seconds == 9.5


async def test_quick_calm_stopped_at_once_keeps_nothing(breath_home):
    """Stopped before a whole breath and not rated: no empty entry is written, and home says so."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until_started(pilot)
        clock.advance(2.0)
        app.screen.sync()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert shown(app, "#home-status").startswith("Nothing kept")
    with Journal() as journal:
        assert journal.checkins() == []


async def test_escape_on_home_does_not_quit():
    """Esc on home does nothing (q quits): one Esc too many after a session must not end the app."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running


async def test_c_and_s_open_the_check_in_and_scan_flows():
    """c opens the check-in, s the scan; leaving with nothing entered comes back home."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckInScreen) and app.screen.kind == "checkin"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        assert isinstance(app.screen, CheckInScreen) and app.screen.kind == "scan"


async def test_home_offers_to_resume_an_unfinished_check_in(journal):
    """An unfinished check-in is named on home, and r resumes it."""
    journal.save_step(journal.start_checkin("checkin"), pre_rating=6)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "unfinished check-in" in shown(app, "#home-unfinished")
        await pilot.press("r")
        await pilot.pause()
        assert any(isinstance(s, CheckInScreen) for s in app.screen_stack)


async def test_history_lists_newest_first_and_shows_details(make_checkin):
    """h opens history: newest first; Enter shows the whole card with the note as typed."""
    with Journal() as journal:
        journal.import_checkins([make_checkin(note="older"), make_checkin(note="[b]newer[/b]")])
    app, _ = make_home_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert "[b]newer[/b]" in str(table.get_row_at(0)[-1])
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_history_columns_share_the_width_so_every_column_is_in_sight(make_checkin):
    """At 80 and 100 columns all six columns fit; long text is cut with an ellipsis, and a
    wider window gives the text columns more room."""
    long_note = "When you slowed down I felt safer and could say what I needed to say"
    with Journal() as journal:
        journal.import_checkins([make_checkin(note=long_note)])
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert len(widths) == 6 and sum(widths) <= 80
        note_at_80 = str(table.get_row_at(0)[-1])
        assert note_at_80.endswith("…") and long_note.startswith(note_at_80[:-1])
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= 100
        assert len(str(table.get_row_at(0)[-1])) > len(note_at_80)


async def test_history_loads_a_page_at_a_time(make_checkin):
    """With 250 check-ins, the table starts with 100 rows and loads more as the cursor goes down."""
    with Journal() as journal:
        journal.import_checkins([make_checkin() for _ in range(250)])
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        table = app.screen.query_one(DataTable)
        assert table.row_count == 100
        table.move_cursor(row=95)
        await pilot.pause()
        assert table.row_count == 200


async def test_history_trends_and_therapist_tabs(make_checkin):
    """2 shows trends with counts; 3 the summary since the last check-in, which c copies."""
    with Journal() as journal:
        journal.import_checkins([make_checkin() for _ in range(3)])
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "resonance: tension 3.0 lower on average, 3 times" in shown(app, "#trends-text")
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = shown(app, "#therapist-text")
        assert text.startswith("Therapist summary")
        copied = []
        app.copy_to_clipboard = copied.append
        await pilot.press("c")
        assert copied == [app.screen._summary_text] and copied[0]


async def test_settings_save_only_what_changed(breath_home):
    """o opens settings; changing the crisis line and ctrl+s writes just that to config.toml."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#safety-crisis").value = "Call Sam"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert shown(app, "#crisis") == "Call Sam"
        await pilot.press("down", "enter")  # the arrows work on the new choices at once
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)  # n: quick calm
    text = (breath_home / "config.toml").read_text()
    assert text.strip() == '[safety]\ncrisis_text = "Call Sam"'
    assert load_config(breath_home / "config.toml").safety.crisis_text == "Call Sam"


async def test_settings_refuse_a_bad_value_and_write_nothing(breath_home):
    """A tempo-like mistake (minutes 0) is shown on the form; config.toml is not written."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        app.screen.query_one("#quick-minutes").value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "quick.minutes" in shown(app, "#settings-error")
    assert not (breath_home / "config.toml").exists()


async def test_settings_switches_say_on_or_off_in_words(breath_home):
    """Each switch has its state beside it in words, which follow the switch (not colour alone)."""
    from textual.widgets import Switch

    app, _ = make_home_app()  # sound off, motion not reduced
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert shown(app, "#sound-enabled-state") == "off"
        assert shown(app, "#motion-reduced-state") == "off"
        app.screen.query_one("#sound-enabled", Switch).focus()
        await pilot.press("space")
        await pilot.pause()
        assert shown(app, "#sound-enabled-state") == "on"
        assert shown(app, "#motion-reduced-state") == "off"


async def test_every_theme_settings_offer_can_be_chosen(breath_home):
    """The theme choice lists only themes the app has; choosing each one previews it."""
    from textual.widgets import Select

    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        select = app.screen.query_one("#display-theme", Select)
        # Select has no public list of its options; _options is (label, value) pairs.
        offered = [value for _label, value in select._options if isinstance(value, str)]
        assert set(offered) == set(app.available_themes)
        assert offered[:3] == ["textual-dark", "textual-light", "high-contrast"]
        for name in offered:
            select.value = name
            await pilot.pause()
            assert app.theme == name
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == "textual-dark"  # leaving without saving restores the saved one


async def test_high_contrast_theme_is_available_and_applied():
    """[display] theme = "high-contrast" is a registered theme and is used."""
    from breath_tui.core.settings import Config

    config = Config()
    config.display.theme = "high-contrast"
    app, _ = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "high-contrast"


def test_unknown_theme_is_refused_naming_file_and_line(breath_home, capsys):
    """An unknown theme in config.toml stops with exit 2 naming the file and line."""
    from breath_tui.cli import main

    breath_home.mkdir()
    (breath_home / "config.toml").write_text('[display]\ntheme = "neon"\n')
    assert main(["checkin"]) == 2
    assert f"{breath_home / 'config.toml'}, line 2: display.theme 'neon'" in capsys.readouterr().err


async def test_command_palette_starts_a_pattern_by_name():
    """ctrl+p, typing 'box' and Enter starts a box-breathing session."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"breathe box")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
        assert app.screen.setup.pattern.name == "box"


async def test_command_palette_toggles_reduced_motion():
    """The palette's "Motion: full" (its state) changes motion for sessions started afterwards."""
    app, _ = make_home_app()
    app.set_reduced_motion(False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"motion: full")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reduced_motion is True


def test_no_color_is_honoured(monkeypatch):
    """NO_COLOR in the environment makes the app monochrome (Textual's filter)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app, _ = make_home_app()
    assert app.no_color


async def test_home_smaller_than_40x12_says_make_the_window_larger():
    """Below 40x12, home is covered by a clear message; growing the window brings home back."""
    from breath_tui.screens.dialogs import TooSmallScreen

    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "at least 40x12" in shown(app, "#too-small-message")
        assert shown(app, "#too-small-crisis") == app.config.safety.crisis_text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_q_on_the_too_small_message_over_home_quits():
    """q works on the 'make the window larger' message as it would on home: it quits."""
    from breath_tui.screens.dialogs import TooSmallScreen

    app, _ = make_home_app()
    exits = []
    app.exit = lambda *args, **kwargs: exits.append(True)
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("q")
        await pilot.pause()
        assert exits == [True]
