"""config.toml sections the check-in reads: [checkin] and [body]; errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from breath_tui.core.config import load_config
from breath_tui.core.config_file import parse_config
from breath_tui.core.settings import ConfigError

PATH = Path("/home/me/config.toml")


def test_defaults_without_a_file(tmp_path: Path) -> None:
    """No config: resonance for 2 minutes, and shoulders, stomach, chest."""
    from breath_tui.session_setup import session_for

    config = load_config(tmp_path / "missing.toml")
    setup = session_for(config, "checkin", sound=False)
    assert (setup.pattern.name, setup.cycles) == ("resonance", 12)
    assert config.body.regions == ["shoulders", "stomach", "chest"]


def test_checkin_settings_are_read() -> None:
    """[checkin] pattern and minutes are taken from the file (a whole number of minutes too)."""
    config = parse_config('[checkin]\npattern = "coherent"\nminutes = 5\n', PATH)
    assert (config.checkin.pattern, config.checkin.minutes) == ("coherent", 5)


def test_checkin_pattern_may_be_a_custom_pattern() -> None:
    """A pattern defined under [patterns.NAME] can be the check-in's."""
    text = '[checkin]\npattern = "mine"\n\n[patterns.mine]\nspec = "4-0-7"\n'
    assert parse_config(text, PATH).checkin.pattern == "mine"


def test_body_regions_are_read_in_order() -> None:
    """[body] regions replaces the default list, in the order given."""
    config = parse_config('[body]\nregions = ["jaw", "shoulders", "hands"]\n', PATH)
    assert config.body.regions == ["jaw", "shoulders", "hands"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[checkin]\npattern = "nope"\n', "line 2: checkin.pattern is not usable"),
        ("[checkin]\nminutes = 0\n", "line 2: checkin.minutes must be more than 0"),
        ('[checkin]\nminutes = "two"\n', "line 2: checkin.minutes must be a number"),
        ("[checkin]\ncycles = 3\n", "line 2: unknown setting checkin.cycles"),
        ("\n[body]\nregions = []\n", "line 3: body.regions needs at least one region"),
        ('[body]\nregions = "chest"\n', "line 2: body.regions must be a list"),
        ("[body]\nregions = [1, 2]\n", "line 2: body.regions must be a list"),
        ('[body]\nregions = ["jaw", "Jaw"]\n', "line 2: body.regions lists 'Jaw' twice"),
        ('[body]\nregions = ["a\\tb"]\n', "line 2: body.regions has 'a\\tb'"),
    ],
)
def test_bad_settings_name_file_line_and_key(text: str, message: str) -> None:
    """Each bad value is reported as FILE, line N: section.key and what is wrong."""
    with pytest.raises(ConfigError) as caught:
        parse_config(text, PATH)
    assert str(caught.value).startswith(f"{PATH}, {message}")
