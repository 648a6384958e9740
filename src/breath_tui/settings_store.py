"""Saving settings into config.toml: only the keys changed, the rest kept as the person wrote it.

The new text is checked with the same parser that reads it before anything is written, and it
replaces the old file in one atomic rename, so a bad value or a crash never leaves a broken or
half-written config.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from breath_tui.core.config_file import parse_config
from breath_tui.core.locations import ensure_private_dir
from breath_tui.core.private_files import write_privately
from breath_tui.core.settings import Config

Changes = Mapping[str, Mapping[str, Any]]
"""{section: {key: value}}; a value of None removes the key."""


def updated_text(text: str, changes: Changes) -> str:
    """config.toml text with `changes` applied, comments and other keys left as they were."""
    import tomlkit

    document = tomlkit.parse(text)
    for section, values in changes.items():
        if section not in document:
            document.add(section, tomlkit.table())
        table = document[section]
        for key, value in values.items():
            if value is None:
                if key in table:
                    del table[key]
            else:
                table[key] = value
    return tomlkit.dumps(document)


def save_settings(path: Path, changes: Changes) -> Config:
    """Apply changes to the config file at `path` and return the new settings.

    Raises:
        ConfigError: the result would not be a valid config; nothing is written.
        OSError: the file cannot be written; the old file is untouched.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    new_text = updated_text(text, changes)
    config = parse_config(new_text, path)
    # A file the person keeps elsewhere and links here (dotfiles) stays where it is, linked:
    # the file the link names is replaced, never the link.
    target = path.resolve() if path.is_symlink() else path
    ensure_private_dir(target.parent)
    write_privately(target, lambda out: out.write(new_text), replace=True)
    return config
