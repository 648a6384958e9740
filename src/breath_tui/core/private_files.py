"""Writing a file only its owner can read (0600), whole or not at all: exports, config.toml,
plan.toml, saved cards and own cue sounds.

A new file is created exclusively (it must not exist); a replaced one is written to a temporary
file beside it (mkstemp makes it 0600) and renamed over the old one, so the old file stays whole
until the new one is complete, and its old mode is never inherited. A failure (a full disk)
leaves no part-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_privately(path: Path, write: Callable[[TextIO], object], *, replace: bool) -> None:
    """Write `path` through `write(out)`, as UTF-8 text, 0600, in one piece.

    Args:
        path: the file.
        write: writes the text to the open file.
        replace: replace an existing file (atomically); otherwise the file must be new.

    Raises:
        FileExistsError: the file exists and `replace` is false.
        OSError: it cannot be written; nothing is left of the attempt (the old file, if any,
            is untouched).
    """

    def fill(fd: int) -> None:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())

    _write(path, fill, replace=replace)


def write_bytes_privately(path: Path, data: bytes, *, replace: bool) -> None:
    """Write `data` to `path`, 0600, in one piece (as write_privately, for bytes: a sound)."""

    def fill(fd: int) -> None:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())

    _write(path, fill, replace=replace)


def _write(path: Path, fill: Callable[[int], None], *, replace: bool) -> None:
    if replace:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    else:
        fd, temporary = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), str(path)
    try:
        fill(fd)  # closes fd
        if replace:
            os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
