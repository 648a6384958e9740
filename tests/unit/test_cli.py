"""The command line: exit statuses and one-line errors that name the option."""

import os
import subprocess
import sys

import pytest

from breath_tui.cli import main


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["breathe", "--pattern", "0-0-4"], "more than 0"),
        (["breathe", "--pattern", "-1-0-4"], "--pattern"),
        (["breathe", "--pattern", "four"], "unknown pattern"),
        (["breathe", "--cycles", "abc"], "--cycles"),
        (["breathe", "--cycles", "0"], "--cycles must be 1 to 1000"),
        (["breathe", "--cycles", "-3"], "--cycles"),
        (["breathe", "--minutes", "0"], "--minutes"),
        (["breathe", "--tempo", "3"], "--tempo must be 0.5 to 2.0"),
        (["breathe", "--tempo", "fast"], "--tempo"),
        (["breathe", "--cycles", "2", "--minutes", "1"], "not allowed with"),
        (["nonsense"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_fault(argv, fragment, capsys):
    """Each bad input gives exit 2 and a single stderr line that names what is wrong."""
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert fragment in err[0]
    assert "Traceback" not in err[0]


def test_broken_config_exits_2_naming_file_and_line(breath_home, capsys):
    """A broken config.toml stops the session with exit 2, naming the file and line."""
    breath_home.mkdir()
    (breath_home / "config.toml").write_text("[breathing]\ntempo = 9\n")
    assert main(["breathe", "--plain", "--cycles", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{breath_home / 'config.toml'}, line 2" in err


def test_help_lists_only_working_commands(capsys):
    """--help names breathe and patterns and nothing that does not exist yet."""
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "breathe" in out and "patterns" in out


def test_patterns_lists_timing_pace_source_and_caution(capsys):
    """`patterns` shows each preset with its timing, breaths per minute, source and caution."""
    assert main(["patterns"]) == 0
    out = capsys.readouterr().out
    assert "resonance: 4-6 s, 6 breaths a minute" in out
    assert "coherent: 5.5-5.5 s, 5.45 breaths a minute" in out
    assert "4-7-8: 4-7-8 s, 3.16 breaths a minute" in out
    assert "slowly through the mouth" in out and "not in water" in out
    assert "working on panic with your therapist" in out
    sources = out.split("\nSources\n")[1]
    assert "Lin, Tai & Fan 2014" in sources and "Balban et al. 2023" in sources
    assert "Fincham" not in out


def test_patterns_includes_custom_patterns(breath_home, capsys):
    """Custom patterns from config.toml appear, marked as the person's own."""
    breath_home.mkdir()
    (breath_home / "config.toml").write_text('[patterns.evening]\nspec = "4-2-7"\n')
    assert main(["patterns"]) == 0
    assert "evening (yours): 4-2-7 s" in capsys.readouterr().out


def test_plain_session_runs_as_a_module_and_exits_0(breath_home):
    """`python -m breath_tui breathe --plain` prints one line per phase and exits 0."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "breath_tui",
            "breathe",
            "--plain",
            "--no-sound",
            "--pattern",
            "4-0-6",
            "--cycles",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "BREATH_TUI_CLOCK_SPEED": "20"},  # 2 breaths in a second
    )
    assert result.returncode == 0, result.stderr
    words = [
        line.split(",")[0]
        for line in result.stdout.splitlines()
        if line.startswith(("Breathe", "Hold"))
    ]
    assert words == ["Breathe in", "Breathe out", "Breathe in", "Breathe out"]
    assert result.stdout.splitlines()[-1].startswith("Finished: 2 breaths")
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("argv", "held"),
    [
        (["breathe"], True),
        (["breathe", "--plain"], False),  # a plain session can run for many minutes
    ],
)
def test_collector_is_held_back_only_while_a_full_screen_command_starts(argv, held, monkeypatch):
    """The cyclic collector is off while a full-screen command starts, never for plain output,
    and on again when main() returns, whatever the command did."""
    import gc

    from breath_tui.commands import breathe

    seen = []

    def fake_run(_args):
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(breathe, "run", fake_run)
    assert main(argv) == 0
    assert seen == [not held]
    assert gc.isenabled()


def test_collector_is_on_after_a_command_that_fails(monkeypatch):
    """A full-screen command that raises still leaves the collector on."""
    import gc

    from breath_tui.commands import breathe

    def failing_run(_args):
        assert not gc.isenabled()
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(breathe, "run", failing_run)
    assert main(["breathe"]) == 1
    assert gc.isenabled()
