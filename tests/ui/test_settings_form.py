"""Settings: a line of help under each field, patterns with their timings, no bare "Select",
a tempo, every field reachable at 80x24 with the focused one in view, volume - and +, and a
sound check that says how the cue was played (issue 12)."""

from __future__ import annotations

from textual.widgets import Button, Input, Select, Static

from breath_tui.core.config import load_config
from breath_tui.core.settings import Config
from breath_tui.screens.settings import SettingsScreen, timings

from .helpers import make_home_app, screen_text, settle


async def open_settings(pilot) -> SettingsScreen:
    await pilot.press("o")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_every_field_is_reachable_at_80x24_and_in_view_with_its_help(breath_home):
    """Tab after Tab: each field in turn has the keys and is inside the visible part of the
    form, its line of help too; all the fields are visited."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        form = screen.query_one("#settings")
        fields = [w for w in form.query("Input, Select, Switch, Button") if w.focusable]
        visited = []
        for _ in range(len(fields) + 2):
            focused = app.focused
            await pilot.pause()
            if focused in fields and focused not in visited:
                visited.append(focused)
                block = next(a for a in focused.ancestors if a.has_class("setting-block"))
                hint = block.query_one(".setting-hint", Static)
                assert form.region.contains_region(focused.region), focused
                assert form.region.contains_region(hint.region), (focused, hint.region)
            await pilot.press("tab")
            await pilot.pause()
        assert set(visited) == set(fields)


async def test_each_field_has_a_line_of_help_and_patterns_show_their_timings(breath_home):
    """Every row has its line; pattern choices read "resonance: in 4 s, out 6 s"."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        blocks = screen.query(".setting-block")
        assert len(blocks) >= 14
        for block in blocks:
            assert str(block.query_one(".setting-hint", Static).render()).strip()
        select = screen.query_one("#breathing-pattern", Select)
        prompts = [str(prompt) for prompt, _value in select._options]
        assert "resonance: in 4 s, out 6 s" in prompts
        assert "cyclic-sigh: in 2 + 1 s, out 6 s" in prompts


def test_timings_name_holds():
    """Holds are said by name, between the in and the out."""
    from breath_tui.core.patterns import PRESETS

    assert timings(PRESETS["box"]) == "in 4 s, hold 4 s, out 4 s, hold 4 s"


async def test_no_bare_select_row(breath_home):
    """A pattern not in the list (a spec) leaves the choice blank: it asks, saying what is
    set now, never a bare "Select"."""
    config = Config()
    config.breathing.pattern = "4-2-6"
    app, _ = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(pilot)
        text = screen_text(app)
        assert "Choose a pattern (now: 4-2-6)" in text
        assert "Select" not in text


async def test_tempo_is_saved_and_checked(breath_home):
    """Tempo 0.8 is written to [breathing]; 3 is refused with a message and nothing written."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#breathing-tempo", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tempo" in str(screen.query_one("#settings-error", Static).render())
        assert not (breath_home / "config.toml").exists()
        screen.query_one("#breathing-tempo", Input).value = "0.8"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert load_config(breath_home / "config.toml").breathing.tempo == 0.8


async def test_volume_buttons_step_by_a_tenth_within_0_and_1(breath_home):
    """+ from 0.6 gives 0.7; - five times more stops at 0.1... and never below 0."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        box = screen.query_one("#sound-volume", Input)
        screen.query_one("#volume-up", Button).press()
        await pilot.pause()
        assert box.value == "0.7"
        for _ in range(9):
            screen.query_one("#volume-down", Button).press()
            await pilot.pause()
        assert box.value == "0"
        box.value = "0.95"
        screen.query_one("#volume-up", Button).press()
        await pilot.pause()
        assert box.value == "1"


async def test_test_sound_runs_the_check_and_shows_its_line_literally(breath_home, monkeypatch):
    """The button runs check_sound (in a worker) with the volume on the form and shows its
    one line as text, never markup."""
    from breath_tui.audio import check

    asked = []

    def fake_check(settings):
        asked.append(settings.volume)
        return True, "Played [b]in[/b] through aplay"

    monkeypatch.setattr(check, "check_sound", fake_check)
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#sound-volume", Input).value = "0.3"
        screen.query_one("#test-sound", Button).press()
        await settle(pilot)
        assert str(screen.query_one("#sound-check", Static).render()) == (
            "Played [b]in[/b] through aplay"
        )
    assert asked == [0.3]


async def test_the_cue_sounds_choice_lists_own_sounds_beside_the_built_in_ones(breath_home):
    """soft, clear and own are offered; own says whether any are made (the soft cues stand in
    for the rest); choosing own is written to [sound] style, and Test sound plays that style."""
    from breath_tui.core.locations import own_sounds_dir
    from breath_tui.screens.settings import style_choices

    labels = [label for label, _ in style_choices()]
    assert labels[-1].startswith("own: none made yet")
    folder = own_sounds_dir()
    folder.mkdir(parents=True)
    (folder / "in.wav").write_bytes(b"RIFF")
    assert [style for _, style in style_choices()] == ["soft", "clear", "own"]
    assert style_choices()[-1][0] == "own: your own sounds for in (soft for the rest)"

    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        choice = screen.query_one("#sound-style", Select)
        assert choice.value == "soft"
        choice.value = "own"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert load_config(breath_home / "config.toml").sound.style == "own"


async def test_test_sound_plays_the_style_on_the_form(breath_home, monkeypatch):
    """Test sound uses the cue sounds chosen on the form, before they are saved."""
    from breath_tui.audio import check

    asked = []
    monkeypatch.setattr(check, "check_sound", lambda s: (asked.append(s.style), (True, "ok"))[1])
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#sound-style", Select).value = "clear"
        screen.query_one("#test-sound", Button).press()
        await settle(pilot)
    assert asked == ["clear"]
