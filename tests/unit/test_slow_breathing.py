"""Slow breathing only: at most 10 breaths a minute at the tempo chosen, on every path (command
line, config.toml, the breathing screen's keys), and 4-7-8 within its own limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breath_tui.cli import main
from breath_tui.core.config_file import parse_config
from breath_tui.core.limits import (
    MAX_BREATHS_PER_MINUTE,
    fastest_tempo,
    highest_tempo,
    session_problem,
)
from breath_tui.core.pacer import MAX_TEMPO, MIN_TEMPO
from breath_tui.core.patterns import LONG_HOLD_CAUTION, PRESETS, PatternError, parse_spec
from breath_tui.core.settings import ConfigError
from breath_tui.session_setup import session_for

PATH = Path("/home/me/config.toml")
SLOW_ONLY = "breath-tui guides slow breathing, 10 a minute at most"


def run(capsys, *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pattern", "2-0-3"], f"--pattern 2-0-3: 12 breaths a minute; {SLOW_ONLY}"),
        (
            ["--pattern", "4-0-6", "--tempo", "2"],
            f"--tempo 2: 4-0-6 at 2x is 12 breaths a minute; {SLOW_ONLY}, "
            "so at most 1.66x for this pattern",
        ),
        (
            ["--pattern", "resonance", "--tempo", "1.7"],
            f"--tempo 1.7: resonance at 1.7x is 10.2 breaths a minute; {SLOW_ONLY}, "
            "so at most 1.66x for this pattern",
        ),
        (
            ["--pattern", "4-7-8", "--cycles", "9"],
            "--cycles 9: 4-7-8 is at most 8 breaths at a time "
            "(Weil: 4 breaths at a time at first, never more than 8)",
        ),
        (
            ["--pattern", "4-7-8", "--minutes", "3"],
            "--minutes 3 is 10 breaths of 4-7-8; 4-7-8 is at most 8 breaths at a time "
            "(Weil: 4 breaths at a time at first, never more than 8)",
        ),
    ],
)
def test_the_command_line_refuses_fast_breathing_naming_the_option(capsys, argv, message) -> None:
    """exit 2, one line naming the option and the rate (or 4-7-8's limit); nothing breathed."""
    assert run(capsys, "breathe", "--plain", "--no-sound", *argv) == (2, f"breath-tui: {message}")


def test_exactly_ten_a_minute_is_allowed(capsys, monkeypatch) -> None:
    """3-0-3 is 10 a minute: slow enough (the limit is 'at most')."""
    monkeypatch.setenv("BREATH_TUI_CLOCK_SPEED", "100")
    assert (
        run(capsys, "breathe", "--plain", "--no-sound", "--pattern", "3-0-3", "--cycles", "1")[0]
        == 0
    )


def test_4_7_8_is_four_breaths_when_no_length_is_asked() -> None:
    """Weil: 4 breaths at a time at first; asked for 8, 8."""
    from breath_tui.core.settings import Config

    config = Config()
    assert session_for(config, "breathing", pattern="4-7-8", sound=False).cycles == 4
    assert session_for(config, "breathing", pattern="4-7-8", cycles=8, sound=False).cycles == 8


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[patterns.fast]\nspec = "2-0-3"\n', ("line 2", "pattern fast: 12 breaths a minute")),
        ("[breathing]\ntempo = 1.8\n", ("line 2", "breathing.tempo 1.8: resonance at 1.8x")),
        (
            '[checkin]\npattern = "4-7-8"\nminutes = 3\n',
            ("line 3", "checkin.minutes 3 is 10 breaths of 4-7-8"),
        ),
        (
            '[breathing]\npattern = "4-7-8"\ntempo = 1.7\n',
            ("line 3", "breathing.tempo 1.7: resonance at 1.7x", "(checkin.pattern)"),
        ),
    ],
)
def test_config_refuses_fast_breathing_naming_file_and_line(text, words) -> None:
    """A custom pattern, a tempo or a 4-7-8 length past the limits: ConfigError naming the line
    (the settings screen saves through the same check, so it refuses the same)."""
    with pytest.raises(ConfigError) as refused:
        parse_config(text, PATH)
    message = str(refused.value)
    assert message.startswith(f"{PATH}, ") and all(word in message for word in words), message


def test_the_fastest_tempo_keeps_every_preset_at_ten_a_minute_or_fewer() -> None:
    """+ stops at fastest_tempo: resonance 1.6x, cyclic sigh 1.5x, box and 4-7-8 2x."""
    assert {name: fastest_tempo(p) for name, p in PRESETS.items()} == {
        "resonance": 1.6,
        "coherent": 1.8,
        "extended-exhale": 2.0,
        "cyclic-sigh": 1.5,
        "relaxed": 1.6,
        "box": 2.0,
        "4-7-8": 2.0,
    }


def test_holds_longer_than_ten_seconds_carry_the_long_hold_caution() -> None:
    """4-12-6 has a 12 s hold: the long-hold words join its cautions; box (4 s holds) has none."""
    assert LONG_HOLD_CAUTION in parse_spec("4-12-6").all_cautions
    assert LONG_HOLD_CAUTION not in PRESETS["box"].all_cautions


SECONDS = st.floats(min_value=0.1, max_value=60, allow_nan=False).map(lambda x: round(x, 1))


@settings(max_examples=300, deadline=None)
@given(
    breath_in=SECONDS,
    hold=st.one_of(st.just(0.0), SECONDS),
    breath_out=SECONDS,
    tempo=st.floats(min_value=MIN_TEMPO, max_value=MAX_TEMPO).map(lambda x: round(x, 2)),
)
def test_no_pattern_and_tempo_accepted_breathes_faster_than_ten(
    breath_in, hold, breath_out, tempo
) -> None:
    """Whatever the pattern and tempo, what the limits accept is at most 10 breaths a minute,
    and the keys' fastest tempo for it never passes 10 a minute either."""
    try:
        pattern = parse_spec(f"{breath_in}-{hold}-{breath_out}")
    except PatternError:
        return
    accepted = session_problem(pattern, cycles=1, minutes=None, tempo=tempo) is None
    rate = pattern.breaths_per_minute * tempo
    assert accepted == (rate <= MAX_BREATHS_PER_MINUTE + 1e-9)
    if pattern.breaths_per_minute <= MAX_BREATHS_PER_MINUTE:
        fastest = fastest_tempo(pattern)
        assert pattern.breaths_per_minute * fastest <= MAX_BREATHS_PER_MINUTE + 1e-9
        # The tempo a refusal names: accepted, and a hundredth more is not (below 2x).
        highest = highest_tempo(pattern)
        assert session_problem(pattern, cycles=1, minutes=None, tempo=highest) is None
        if highest < MAX_TEMPO:
            above = round(highest + 0.01, 2)
            assert session_problem(pattern, cycles=1, minutes=None, tempo=above) is not None


def _phases_toml(pairs: int, breath_in: float = 0.5, breath_out: float = 0.5) -> str:
    one = f'{{kind = "in", seconds = {breath_in}}}, {{kind = "out", seconds = {breath_out}}}'
    return ", ".join([one] * pairs)


@pytest.mark.parametrize(
    ("pairs", "words"),
    [
        (10, "pattern 'fast': 20 phases; at most 12"),  # the audit's: 60 a minute, shown as 6
        (6, "pattern 'fast': in and out take turns 6 times, so it is 6 breaths"),
    ],
)
def test_a_config_pattern_of_many_quick_breaths_is_refused_naming_file_and_line(
    pairs, words
) -> None:
    """in 0.5 s, out 0.5 s written over and over is many fast breaths, not one slow one."""
    text = f"[breathing]\ntempo = 1\n\n[patterns.fast]\nphases = [{_phases_toml(pairs)}]\n"
    with pytest.raises(ConfigError) as refused:
        parse_config(text, PATH)
    assert str(refused.value).startswith(f"{PATH}, line 5: {words}"), str(refused.value)


def test_breathe_refuses_the_audits_pattern_with_exit_2(capsys, breath_home) -> None:
    """`breathe --pattern fast --plain` with that pattern: exit 2 naming config.toml's line,
    never a session."""
    breath_home.mkdir(mode=0o700, exist_ok=True)
    (breath_home / "config.toml").write_text(f"[patterns.fast]\nphases = [{_phases_toml(10)}]\n")
    status, err = run(capsys, "breathe", "--plain", "--no-sound", "--pattern", "fast")
    assert status == 2 and err.startswith(f"breath-tui: {breath_home / 'config.toml'}, line 2: ")


def test_the_tempo_refusal_names_the_fastest_tempo_that_would_do(capsys) -> None:
    """--tempo 1.7 for resonance (6 a minute): 1.66x is the fastest that keeps 10 a minute."""
    status, err = run(
        capsys, "breathe", "--plain", "--no-sound", "--pattern", "resonance", "--tempo", "1.7"
    )
    assert status == 2 and err.endswith("10 a minute at most, so at most 1.66x for this pattern")
    assert session_problem(PRESETS["resonance"], cycles=1, minutes=None, tempo=1.66) is None


def test_a_rate_just_over_ten_is_never_said_as_ten() -> None:
    """4-0-6 at 1.67x is 10.02 a minute: the refusal says 10.02, not '10 ... 10 at most'."""
    problem = session_problem(parse_spec("4-0-6"), cycles=1, minutes=None, tempo=1.67)
    assert problem is not None and "is 10.02 breaths a minute" in problem.message


def test_a_config_tempo_too_fast_for_the_pattern_asked_names_config_not_the_option(
    capsys, breath_home
) -> None:
    """[breathing] tempo 1.6 suits resonance, not cyclic-sigh (10.7 a minute): exit 2 naming
    config.toml's line, not a --tempo that was never given."""
    breath_home.mkdir(mode=0o700, exist_ok=True)
    config = breath_home / "config.toml"
    config.write_text('[breathing]\ntempo = 1.6\n\n[quick]\npattern = "resonance"\n')
    status, err = run(capsys, "breathe", "--plain", "--no-sound", "--pattern", "cyclic-sigh")
    assert status == 2
    assert err.startswith(f"breath-tui: {config}, line 2: breathing.tempo 1.6: cyclic-sigh at 1.6x")
    assert err.endswith(
        "at most 1.5x for this pattern (--pattern cyclic-sigh; --tempo sets another)"
    )


def test_a_pattern_the_config_tempo_makes_too_fast_is_slowed_and_says_so() -> None:
    """The palette's 'Breathe: cyclic-sigh' at [breathing] tempo 1.6 (checked only against the
    sections' own patterns) breathes at 1.5x, 10 a minute, with a line saying why."""
    config = parse_config('[breathing]\ntempo = 1.6\n\n[quick]\npattern = "resonance"\n', PATH)
    setup = session_for(config, "breathing", pattern="cyclic-sigh", sound=False)
    assert setup.tempo == 1.5
    assert setup.pattern.breaths_per_minute * setup.tempo <= MAX_BREATHS_PER_MINUTE + 1e-9
    assert setup.notice == (
        "Tempo 1.5x, not 1.6x: cyclic-sigh at 1.5x is 10 a minute; "
        "breath-tui guides slow breathing, 10 a minute at most."
    )
    assert session_for(config, "breathing", sound=False).notice is None
