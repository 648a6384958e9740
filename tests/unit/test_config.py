"""config.toml: defaults, custom patterns, and errors that name file, line and key."""

from pathlib import Path

import pytest

from breath_tui.core.config import load_config
from breath_tui.core.config_file import parse_config
from breath_tui.core.settings import ConfigError

PATH = Path("/home/me/config.toml")


def error_for(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, PATH)
    return str(caught.value)


def test_missing_file_gives_defaults(tmp_path):
    """No config.toml: resonance for 2 minutes, motion on, sound on."""
    config = load_config(tmp_path / "config.toml")
    assert config.breathing.pattern == "resonance"
    assert config.breathing.minutes is None  # not set: a session is then 2 minutes
    assert not config.motion.reduced
    assert config.sound.enabled


def test_custom_pattern_from_phase_list():
    """[patterns.NAME] with a phase list becomes a usable pattern."""
    config = parse_config(
        '[patterns.slow]\nphases = [{kind = "in", seconds = 4}, {kind = "out", seconds = 7.5}]\n'
        'source = "my therapist"\n',
        PATH,
    )
    pattern = config.pattern("slow")
    assert pattern.cycle_seconds == 11.5
    assert pattern.source == "my therapist"


def test_custom_pattern_from_spec_and_as_default():
    """A custom pattern given as a spec can be the default pattern."""
    config = parse_config('[breathing]\npattern = "mine"\n[patterns.mine]\nspec = "3-1-5"\n', PATH)
    assert config.pattern().timing == "3-1-5"


def test_syntax_error_names_file_and_line():
    """Broken TOML is reported with the file and line."""
    message = error_for('[breathing]\npattern = "resonance"\ntempo = = 2\n')
    assert message.startswith(f"{PATH}, line 3: not valid TOML")


def test_unknown_key_names_line_and_key():
    """A misspelt setting is an error, not silently ignored."""
    message = error_for("[motion]\n\nreduce = true\n")
    assert message.startswith(f"{PATH}, line 3:")
    assert "motion.reduce" in message


def test_wrong_type_names_the_key():
    """A number where true/false belongs is reported."""
    assert "motion.reduced must be true or false" in error_for("[motion]\nreduced = 1\n")


def test_out_of_range_tempo_names_line():
    """tempo outside 0.5-2 is refused with its line."""
    message = error_for("[breathing]\ncycles = 3\ntempo = 2.5\n")
    assert message.startswith(f"{PATH}, line 3:") and "tempo" in message


def test_bad_custom_phase_names_pattern_and_value():
    """A zero-length in-breath in a custom pattern names the pattern and the phase."""
    message = error_for(
        '[patterns.x]\nphases = [{kind = "in", seconds = 0}, {kind = "out", seconds = 4}]\n'
    )
    assert "line 2" in message and "'x'" in message and "phase 1" in message


def test_unknown_default_pattern_is_an_error():
    """A default pattern that does not exist is reported where it is set."""
    message = error_for('\n[breathing]\npattern = "nope"\n')
    assert message.startswith(f"{PATH}, line 3:")


def test_cycles_and_minutes_together_is_an_error():
    """Length is cycles or minutes, not both."""
    assert "not both" in error_for("[breathing]\ncycles = 3\nminutes = 2\n")


def test_not_utf8_names_the_line(tmp_path):
    """Bytes that are not UTF-8 are reported with their line."""
    path = tmp_path / "config.toml"
    path.write_bytes(b"[motion]\nreduced = true\n# \xff\n")
    with pytest.raises(ConfigError, match=r"line 3: not UTF-8"):
        load_config(path)


def _phases(count: int) -> str:
    return ", ".join(['{kind = "in", seconds = 4}'] + ['{kind = "out", seconds = 6}'] * (count - 1))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "[body]\nregions = [" + ", ".join(f'"r{n}"' for n in range(5000)) + "]\n",
            "line 2: body.regions has 5,000 regions; at most 100",
        ),
        (
            f'[patterns.{"x" * 5000}]\nspec = "4-0-6"\n',
            "line 1: a pattern name is at most 200 characters; this one has 5,000",
        ),
        (
            f"[patterns.long]\nphases = [{_phases(6000)}]\n",
            "line 2: pattern 'long': 6,000 phases; at most 12",
        ),
        (
            "".join(f'[patterns.p{n}]\nspec = "4-0-6"\n' for n in range(5000)),
            "line 201: config.toml has 5,000 patterns; at most 100",
        ),
        (
            f'[breathing]\npattern = "{"x" * 5000}"\n',
            "line 2: breathing.pattern is not usable: a pattern name is at most 200 characters",
        ),
        (
            f'[patterns.mine]\nphases = [{{kind = "in", seconds = 4, label = "{"a" * 201}"}}, '
            '{kind = "out", seconds = 6}]\n',
            "line 2: pattern 'mine': phase 1 label must be text on one line, at most 200",
        ),
        (
            f'[patterns.mine]\nspec = "4-0-6"\ndescription = "{"d" * 5000}"\n',
            "line 3: patterns.mine.description is 5,000 characters; at most 1,000",
        ),
    ],
    ids=["regions", "name", "phases", "patterns", "pattern-setting", "label", "description"],
)
def test_config_lists_and_names_past_the_readmes_bounds_are_refused_naming_the_line(text, words):
    """README: a name up to 200 characters, up to 100 items in a list (a pattern up to 12
    phases): more is an error naming file and line, never quietly taken."""
    message = error_for(text)
    assert message.startswith(f"{PATH}, {words}"), message[:300]
    assert len(message) < 300


def test_config_at_its_bounds_is_taken():
    """100 regions, 100 patterns (one with a 200-character name, one of 12 phases): taken."""
    regions = "[body]\nregions = [" + ", ".join(f'"r{n}"' for n in range(100)) + "]\n"
    patterns = "".join(f'[patterns.p{n}]\nspec = "4-0-6"\n' for n in range(98))
    long_name = f'[patterns.{"x" * 200}]\nspec = "4-0-6"\n'
    twelve = '[patterns.twelve]\nphases = [{kind = "in", seconds = 4}, '
    twelve += '{kind = "hold", seconds = 0}, ' * 10 + '{kind = "out", seconds = 6}]\n'
    config = parse_config(regions + patterns + long_name + twelve, PATH)
    assert len(config.body.regions) == 100 and len(config.patterns) == 100


def test_the_settings_screen_saves_through_the_same_bounds(breath_home):
    """Body regions typed on the settings screen are saved through the same check: 101 are
    refused and nothing is written."""
    from breath_tui.settings_store import save_settings

    path = breath_home / "config.toml"
    with pytest.raises(ConfigError, match="body.regions has 101 regions; at most 100"):
        save_settings(path, {"body": {"regions": [f"r{n}" for n in range(101)]}})
    assert not path.exists()
