"""Reading config.toml: a missing file gives the defaults, a bad one a ConfigError naming file
and line. The settings themselves are core/settings.py; checking them is core/config_file.py,
imported only when there is a file to check.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from breath_tui.core.settings import Config, ConfigError

MAX_CONFIG_BYTES = 1 << 20
"""config.toml may be at most 1 MiB: settings and a few patterns take a few kilobytes."""


def read_small_file(path: Path, most: int) -> bytes:
    """The bytes of a regular file of at most `most` bytes.

    A device, pipe or folder in its place (/dev/zero would be read forever) and a file over
    the limit raise OSError with a reason in words.
    """
    # O_NONBLOCK: a named pipe is refused at once instead of waiting for a writer.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(fd, True)
        data = file.read(most + 1)
    if len(data) > most:
        raise OSError(errno.EFBIG, f"larger than {most >> 10} KiB")
    return data


def read_small_text(path: Path, most: int, error: type[Exception]) -> str | None:
    """The UTF-8 text of a small regular file (see read_small_file); None when there is none.

    Raises:
        error: the file cannot be read, is too large, or is not UTF-8 (the message names the
            file, and the line where the text stops being UTF-8).
    """
    try:
        data = read_small_file(path, most)
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise error(f"{path}: cannot be read: {problem.strerror or problem}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise error(f"{path}, line {line}: not UTF-8 text") from None


def load_config(path: Path) -> Config:
    """Read config.toml; a missing file gives the defaults.

    Raises:
        ConfigError: the file cannot be read or is not valid; the message names file and line.
    """
    text = read_small_text(path, MAX_CONFIG_BYTES, ConfigError)
    if text is None:
        return Config(path=path)
    from breath_tui.core.config_file import parse_config

    return parse_config(text, path)


def load_config_forgiving(path: Path) -> tuple[Config, str | None]:
    """Read config.toml for quick calm, which must start whatever it says: a part that is not
    usable is left at its defaults, and the one line returned says so (None: nothing was)."""
    try:
        return load_config(path), None
    except ConfigError as problem:
        try:
            text = read_small_text(path, MAX_CONFIG_BYTES, ConfigError) or ""
        except ConfigError:
            return Config(path=path), f"{problem}; the whole file is ignored."
    from breath_tui.core.config_file import parse_config_forgiving

    return parse_config_forgiving(text, path)


def briefly(notice: str, path: Path) -> str:
    """A line about config.toml as a screen shows it: the file by its name, not its folders
    (the window may be a small pop-up; standard error, after the screen, names the whole path).
    """
    return notice.replace(str(path), path.name)
