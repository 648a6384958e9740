"""Layering: core/ stays pure and start-up imports nothing heavy."""

import subprocess
import sys

HEAVY = ("textual", "pydub", "simpleaudio", "sqlite3", "rich", "aiohttp", "textual_serve")
SCIENCE = ("numpy", "scipy", "bleak")


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
        "breath_tui.core.motion, breath_tui.core.breath_words, breath_tui.core.safety, "
        "breath_tui.core.clock, breath_tui.core.locations, breath_tui.core.trends, "
        "breath_tui.core.sparkline, breath_tui.core.therapist, "
        "breath_tui.core.grounding, breath_tui.core.plan"
    )
    assert not loaded & set(HEAVY)


def test_core_heart_imports_no_science_stack_or_bluetooth():
    """Importing every core.heart module loads no numpy, scipy or bleak (nor anything heavy)."""
    loaded = modules_after(
        "import breath_tui.core.heart.hrm, breath_tui.core.heart.recording, "
        "breath_tui.core.heart.tracker, breath_tui.core.heart.events, "
        "breath_tui.core.heart.protocol, breath_tui.core.heart.sensor_option, "
        "breath_tui.core.heart.assessment, breath_tui.core.heart.live"
    )
    assert not loaded & set(HEAVY + SCIENCE)


def test_heart_package_and_sensors_load_numpy_and_bleak_only_when_used():
    """Importing breath_tui.heart and its sensors, and the resonance parser, loads no numpy,
    scipy or bleak: they load when an analysis runs or a strap is sought."""
    loaded = modules_after(
        "import breath_tui.heart, breath_tui.heart.sensors; "
        "from breath_tui.parser import build_parser; build_parser(only='resonance')"
    )
    assert not loaded & set(HEAVY + SCIENCE)


def test_cli_start_up_imports_nothing_heavy():
    """Building the parser imports no textual, pydub, simpleaudio, sqlite3, aiohttp or textual_serve."""
    loaded = modules_after("from breath_tui.parser import build_parser; build_parser()")
    assert not loaded & set(HEAVY)


def test_home_needs_no_argument_parser():
    """`breath-tui` with no command (home) imports no argparse: nothing to parse."""
    loaded = modules_after("import breath_tui.cli, breath_tui.app, breath_tui.screens.home")
    assert "argparse" not in loaded


def test_home_starts_without_the_breathing_screen_or_the_config_reader():
    """Building home's app and checking its theme loads neither the breathing screen nor
    core/config_file.py (read only when config.toml exists): home paints sooner."""
    code = (
        "import sys\n"
        "from breath_tui.app import BreathApp, check_theme\n"
        "from breath_tui.core.settings import Config\n"
        "check_theme(BreathApp(Config()))\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert "breath_tui.screens.breathe" not in loaded
    assert "breath_tui.core.config_file" not in loaded


def test_core_and_the_journal_load_no_sqlite_until_a_journal_opens(tmp_path):
    """Importing core, journal/ and building the command line loads no sqlite3 (nor textual);
    opening a journal does: the check can fail."""
    imports = (
        "import breath_tui.core.checkin, breath_tui.core.vocab, breath_tui.core.card, "
        "breath_tui.core.config, breath_tui.core.config_file, breath_tui.journal, "
        "breath_tui.journal.exchange; from breath_tui.parser import build_parser; build_parser()"
    )
    assert not modules_after(imports) & {"sqlite3", "_sqlite3", "textual"}
    opening = (
        f"from pathlib import Path; from breath_tui.journal import Journal; "
        f"Journal(Path({str(tmp_path / 'j.sqlite3')!r})).close()"
    )
    assert "sqlite3" in modules_after(opening)
