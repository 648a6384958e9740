"""Saving settings: only changed keys move, comments stay, bad values write nothing."""

import stat

import pytest

from breath_tui.core.config import load_config
from breath_tui.core.settings import ConfigError
from breath_tui.settings_store import save_settings, updated_text


def test_changes_keep_comments_and_other_keys():
    """A changed key is replaced; comments and custom patterns are kept as written."""
    text = '# my settings\n[breathing]\npattern = "box"  # calming\n\n[patterns.mine]\nspec = "4-1-6"\n'
    new = updated_text(text, {"breathing": {"pattern": "mine"}})
    assert "# my settings" in new
    assert 'pattern = "mine"' in new
    assert '[patterns.mine]\nspec = "4-1-6"' in new


def test_none_removes_a_key():
    """None removes a key, e.g. cycles when the length becomes minutes."""
    new = updated_text("[breathing]\ncycles = 10\n", {"breathing": {"cycles": None, "minutes": 3}})
    assert "cycles" not in new and "minutes = 3" in new


def test_save_writes_a_private_file_and_returns_the_new_settings(breath_home):
    """A new config.toml is 0600 in a 0700 folder and reads back as saved."""
    path = breath_home / "config.toml"
    config = save_settings(
        path, {"motion": {"reduced": True}, "safety": {"crisis_text": "Call Sam"}}
    )
    assert config.motion.reduced and config.safety.crisis_text == "Call Sam"
    assert load_config(path).motion.reduced
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(breath_home.stat().st_mode) == 0o700


def test_invalid_value_writes_nothing(breath_home):
    """A value the config would refuse raises ConfigError and leaves the file byte for byte."""
    breath_home.mkdir()
    path = breath_home / "config.toml"
    path.write_text("[breathing]\ntempo = 1.0\n")
    before = path.read_bytes()
    with pytest.raises(ConfigError, match="tempo"):
        save_settings(path, {"breathing": {"tempo": 5.0}})
    assert path.read_bytes() == before
    assert sorted(p.name for p in breath_home.iterdir()) == ["config.toml"]


def test_a_linked_config_stays_linked(tmp_path):
    """config.toml linked to a file kept elsewhere (dotfiles): saving changes that file and
    keeps the link (it used to replace the link with a file of its own)."""
    kept = tmp_path / "dotfiles" / "breath-tui.toml"
    kept.parent.mkdir()
    kept.write_text("# mine\n[motion]\nreduced = false\n", encoding="utf-8")
    link = tmp_path / "home" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(kept)
    save_settings(link, {"motion": {"reduced": True}})
    assert link.is_symlink() and link.resolve() == kept
    assert load_config(link).motion.reduced
    assert "# mine" in kept.read_text(encoding="utf-8")
