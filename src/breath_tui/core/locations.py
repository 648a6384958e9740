"""Where breath-tui keeps its files: one seam, BREATH_TUI_HOME, that tests point elsewhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from breath_tui.core.errors import BadInput
from breath_tui.core.text import visible

APP_NAME = "breath-tui"
HOME_VARIABLE = "BREATH_TUI_HOME"


class HomeNotAFolder(BadInput):
    """BREATH_TUI_HOME names something that is not a folder (a file, say)."""


def _home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    if not value:
        return None
    home = Path(value).expanduser()
    # Checked here, the one seam, so every command says the same thing instead of failing
    # later with "File exists" or quietly finding no journal.
    if home.exists() and not home.is_dir():
        raise HomeNotAFolder(
            f"{HOME_VARIABLE}={value} is a file, not a folder.\n"
            f"Point {HOME_VARIABLE} at a folder (a missing one is created); nothing was changed."
        )
    return home


def config_dir() -> Path:
    """Folder of config.toml: BREATH_TUI_HOME, else the platform's user config folder."""
    home = _home()
    if home is not None:
        return home
    import platformdirs  # imported here: only needed when BREATH_TUI_HOME is unset

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Folder of the journal: BREATH_TUI_HOME, else the platform's user data folder."""
    home = _home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """The config file."""
    return config_dir() / "config.toml"


def plan_path() -> Path:
    """The person's safety plan, beside config.toml."""
    return config_dir() / "plan.toml"


def journal_path() -> Path:
    """The SQLite journal."""
    return data_dir() / "journal.sqlite3"


def own_sounds_dir() -> Path:
    """Folder of the person's own cue sounds (in.wav, hold.wav, out.wav, end.wav)."""
    return data_dir() / "sounds" / "own"


_warned: set[Path] = set()


def ensure_private_dir(path: Path) -> str | None:
    """Create the folder, and any missing folder on the way to it, so only its owner can enter
    (0700); leave an existing folder as it is.

    A folder the person chose (BREATH_TUI_HOME pointing at a shared folder, say) is theirs: its
    mode is never changed, since that could take away other people's access or a sticky bit.

    Returns:
        A warning, the first time in this process, when an existing folder lets others in
        (the files inside are still made 0600); None otherwise.
    """
    missing = []
    step = path
    while not os.path.lexists(step) and step.parent != step:
        missing.append(step)
        step = step.parent
    made = False
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile, by another copy of breath-tui
            made = False
            continue
        # mkdir's mode is filtered by the umask; a folder we made is ours to set.
        os.chmod(folder, 0o700)
        made = True
    if made:
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077 and path not in _warned:
        _warned.add(path)
        return (
            f"{visible(str(path))} can be opened by other users (mode {mode:04o}); breath-tui "
            "leaves it as it is and keeps its own files private (0600). chmod 700 it to close it."
        )
    return None
