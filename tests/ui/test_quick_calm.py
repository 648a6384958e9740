"""Quick calm cannot break: a rating before that never delays the breathing, a broken
config.toml that only costs its broken part, and no terminal that never hangs (issue 12)."""

import os
import subprocess
import sys

import pytest
from textual.widgets import Static

from breath_tui import app as app_module
from breath_tui.app import BreathApp, run_flow
from breath_tui.flows import FlowOptions
from breath_tui.journal import Journal
from breath_tui.screens.home import HomeScreen
from breath_tui.screens.quick import QuickCalmScreen, QuickRatingScreen

from .helpers import make_home_app, quiet_config, wait_until_started


def shown(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def breathe_one_cycle_and_stop(pilot, clock):
    await wait_until_started(pilot)
    clock.advance(9.0)
    pilot.app.screen.sync()
    await pilot.pause()
    await pilot.press("escape")
    assert isinstance(pilot.app.screen, QuickRatingScreen)


async def test_a_digit_while_breathing_is_the_tension_before_and_is_kept():
    """Breathing starts at once with the question beside it; 7 answers it, and the entry keeps
    7 before and 3 after."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, QuickCalmScreen)
        await wait_until_started(pilot)
        assert "How tense are you" in shown(app, "#prompt")
        assert "Breathe" in shown(app, "#word")  # guidance first: the question waits beside it
        await pilot.press("7")
        assert shown(app, "#prompt") == "Tension before: 7/10."
        await pilot.press("2")  # one answer: a later digit does not change it
        assert shown(app, "#prompt") == "Tension before: 7/10."
        await breathe_one_cycle_and_stop(pilot, clock)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "7 before, 3 after (4 lower)" in shown(app, "#home-status")
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert (entry.pre_rating, entry.post_rating) == (7, 3)


@pytest.mark.parametrize(("keys", "before"), [(["enter", "5"], None), (["t"], 10)])
async def test_enter_skips_the_rating_before_and_t_means_ten(keys, before):
    """Enter takes the question away and nothing is kept before (a later digit is not an
    answer); t is 10."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until_started(pilot)
        await pilot.press(*keys)
        if before is None:
            assert shown(app, "#prompt") == ""
        await breathe_one_cycle_and_stop(pilot, clock)
        await pilot.press("4")
        await pilot.pause()
    with Journal() as journal:
        (entry,) = journal.checkins()
    assert (entry.pre_rating, entry.post_rating) == (before, 4)


async def test_a_notice_about_config_is_shown_while_breathing():
    """The line saying which part of config.toml was set aside is on screen from the start."""
    said = "config.toml, line 2: sound.volume 3 is not 0-1; quick calm uses the default."
    app = BreathApp(quiet_config(), "now", FlowOptions(reduced_motion=True, notice=said))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        assert shown(app, "#notice") == said


def test_now_on_a_broken_config_breathes_with_defaults_and_says_so_once(breath_home):
    """volume = 3 does not stop `now`: piped, it prints its plain lines, with one line on
    standard error naming the file and line."""
    breath_home.mkdir()
    (breath_home / "config.toml").write_text("[sound]\nvolume = 3\n")
    result = subprocess.run(
        [sys.executable, "-m", "breath_tui", "now", "--no-sound"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "BREATH_TUI_CLOCK_SPEED": "100"},
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    assert str(breath_home / "config.toml") in line and "line 2" in line
    assert "Breathe in" in result.stdout


def test_a_full_screen_command_with_no_terminal_says_so_and_exits_2(breath_home):
    """`checkin </dev/null` would spin a whole core forever: it says why it cannot run."""
    result = subprocess.run(
        [sys.executable, "-m", "breath_tui", "checkin"],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "standard input is not a terminal" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_theme_stops_a_check_in_but_not_quick_calm(breath_home, capsys, monkeypatch):
    """A check-in refuses an unknown theme naming file and line; quick calm starts in the
    default theme and shows the same words as its notice."""
    from breath_tui.cli import main
    from breath_tui.core.config import load_config

    breath_home.mkdir()
    (breath_home / "config.toml").write_text('[display]\ntheme = "neon"\n')
    assert main(["checkin"]) == 2
    said = capsys.readouterr().err
    assert f"{breath_home / 'config.toml'}, line 2: display.theme 'neon'" in said
    assert "use one of" in said and "textual-dark" in said

    started: list[BreathApp] = []
    monkeypatch.setattr(BreathApp, "run", lambda self: started.append(self))
    monkeypatch.setattr(app_module, "needs_terminal", lambda start: None)
    config = load_config(breath_home / "config.toml")
    assert run_flow("now", FlowOptions(), config) == 0
    (app,) = started
    assert app.config.display.theme == "textual-dark"
    # On screen: the file by its name, in one short line; after it, the whole path.
    assert app.options.notice == (
        "config.toml, line 2: display.theme 'neon' is not a theme; the default theme is used."
    )
    (after,) = capsys.readouterr().err.splitlines()
    assert after.startswith(f"{breath_home / 'config.toml'}, line 2: display.theme 'neon'")


def test_now_on_a_broken_config_says_in_one_short_line_what_was_ignored(
    breath_home, capsys, monkeypatch
):
    """volume = 3: the screen's line names the file, the line, the key and the part ignored,
    in one line of an 80-column window; the whole path follows on standard error."""
    from breath_tui.cli import main

    breath_home.mkdir()
    (breath_home / "config.toml").write_text("[sound]\nvolume = 3\n")
    started: list[BreathApp] = []
    monkeypatch.setattr(BreathApp, "run", lambda self: started.append(self))
    monkeypatch.setattr(app_module, "needs_terminal", lambda start: None)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["now"]) == 0
    (app,) = started
    assert app.options.notice == (
        "config.toml, line 2: sound.volume must be 0 to 1, not 3; [sound] ignored."
    )
    assert len(app.options.notice) <= 78
    assert app.config.sound.volume == 0.6  # the default
    (after,) = capsys.readouterr().err.splitlines()
    assert (
        after == f"{breath_home / 'config.toml'}, line 2: sound.volume must be 0 to 1, not 3; "
        "[sound] ignored."
    )


def bracket_depth(text: str) -> int:
    """How deep brackets nest in `text` ("(a (b))" is 2)."""
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ("7", "3", "journal: tension 7 before, 3 after (4 lower)."),
        (None, "4", "journal: tension 4 after."),
        ("9", "9", "journal: tension 9 before, 9 after (no change)."),
        (None, None, "journal, with no rating."),
    ],
)
async def test_quick_calm_says_how_it_was_kept_without_nested_brackets(before, after, said):
    """The line quick calm ends with never nests brackets ("(tension 7 before, 3 after (4
    lower))" read badly): the ratings follow a colon."""
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until_started(pilot)
        if before is not None:
            await pilot.press(before)
        await breathe_one_cycle_and_stop(pilot, clock)
        await pilot.press(after or "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        status = shown(app, "#home-status")
    assert status.startswith("Kept as a quick entry in your") and said in status
    assert bracket_depth(status) <= 1, status
