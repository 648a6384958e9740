"""Layering: core/ stays pure and start-up imports nothing heavy."""

import subprocess
import sys

HEAVY = ("textual", "pydub", "simpleaudio", "sqlite3", "rich", "aiohttp", "textual_serve")


def modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in result.stdout.split()}


def test_core_imports_no_ui_audio_or_database():
    """Importing every core module loads no textual, pydub, simpleaudio, sqlite3 or rich."""
    loaded = modules_after(
        "import breath_tui.core.patterns, breath_tui.core.pacer, breath_tui.core.config, "
        "breath_tui.core.config_file, "
        "breath_tui.core.motion, breath_tui.core.session, breath_tui.core.safety, "
        "breath_tui.core.clock, breath_tui.core.locations, breath_tui.core.trends, "
        "breath_tui.core.sparkline, breath_tui.core.therapist"
    )
    assert not loaded & set(HEAVY)


def test_cli_start_up_imports_nothing_heavy():
    """Building the parser imports no textual, pydub, simpleaudio, sqlite3, aiohttp or textual_serve."""
    loaded = modules_after("from breath_tui.parser import build_parser; build_parser()")
    assert not loaded & set(HEAVY)


def test_home_needs_no_argument_parser():
    """`breath-tui` with no command (home) imports no argparse: nothing to parse."""
    loaded = modules_after("import breath_tui.cli, breath_tui.commands.home")
    assert "argparse" not in loaded


def test_home_starts_without_the_breathing_screen_or_the_config_reader():
    """Building home's app and checking its theme loads neither the breathing screen nor
    core/config_file.py (read only when config.toml exists): home paints sooner."""
    code = (
        "import sys\n"
        "from breath_tui.app import BreathApp, check_theme\n"
        "from breath_tui.screens.home import HomeScreen\n"
        "check_theme(BreathApp(start=lambda app: HomeScreen(), first_screen=HomeScreen))\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert "breath_tui.screens.breathe" not in loaded
    assert "breath_tui.core.config_file" not in loaded
