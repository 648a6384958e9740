"""RR recording files: one beat-to-beat interval in milliseconds per line.

This is what Polar, Elite HRV and Kubios write as plain text. Blank lines and lines starting with
`#` are ignored; any other line must hold one number. Intervals outside 250-2500 ms (240 to 24
beats a minute) are kept but flagged as artifacts, for the analysis to correct: a strap that
misses a beat writes a long interval, and that is no fault of the person's.

Input is bounded: only regular files (or `-` for standard input), read line by line, at most
MAX_LINE_BYTES a line, MAX_FILE_BYTES and MAX_INTERVALS in all, and every failure is a BadInput
naming the file and line.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from breath_tui.core.errors import BadInput
from breath_tui.core.text import visible

MIN_RR_MS = 250.0
MAX_RR_MS = 2500.0
# A line holds one number; 200 bytes leaves room for trailing spaces and CR LF from any export.
MAX_LINE_BYTES = 200
# 16 MiB leaves room for any exporter's number format and comment lines.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_INTERVALS = 200_000
"""Intervals in one recording: over two days at 60 a minute, while the longest assessment (12
rates of 10 minutes) or session (120 minutes) needs under 30,000 even at 240 a minute. 16 MiB of
short lines held four million, which the analysis took 1.1 GB of memory and 13 s to read."""

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


class RecordingError(BadInput):
    """An RR recording cannot be read or has a line that is not an interval."""


@dataclass(frozen=True)
class Recording:
    """RR intervals as read from a file.

    Attributes:
        source: the file's name as given ("standard input" for `-`), for messages.
        intervals_ms: every interval in file order, artifacts included.
        artifacts: indexes into intervals_ms of those outside MIN_RR_MS..MAX_RR_MS.
    """

    source: str
    intervals_ms: tuple[float, ...]
    artifacts: tuple[int, ...] = ()

    @property
    def duration_s(self) -> float:
        """Seconds the recording covers (the sum of its intervals)."""
        return sum(self.intervals_ms) / 1000.0

    def beat_times(self) -> tuple[float, ...]:
        """Seconds from the start of the recording to each beat (the end of each interval)."""
        times: list[float] = []
        elapsed = 0.0
        for interval in self.intervals_ms:
            elapsed += interval / 1000.0
            times.append(elapsed)
        return tuple(times)


def is_artifact(interval_ms: float) -> bool:
    """The interval is outside the range a heart can beat at (250-2500 ms)."""
    return not MIN_RR_MS <= interval_ms <= MAX_RR_MS


def parse_interval(text: str, source: str, number: int) -> float | None:
    """One line of a recording: its interval in ms, or None for a blank or comment line.

    Raises:
        RecordingError: the line holds anything but one non-negative number.
    """
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    if not _NUMBER.fullmatch(stripped):
        shown = visible(stripped[:40]) + ("..." if len(stripped) > 40 else "")
        raise RecordingError(
            f"{source}, line {number}: {shown!r} is not an RR interval in milliseconds "
            "(one number per line)"
        )
    return float(stripped)


def parse_lines(lines: Iterable[bytes], source: str) -> Recording:
    """Read a recording from raw lines (each with or without its newline).

    Raises:
        RecordingError: a line is too long, not UTF-8, or not a number; the input is too large.
    """
    intervals: list[float] = []
    artifacts: list[int] = []
    total = 0
    for number, raw in enumerate(lines, start=1):
        total += len(raw)
        if total > MAX_FILE_BYTES:
            raise RecordingError(
                f"{source}, line {number}: the recording is larger than "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB"
            )
        if len(raw.rstrip(b"\r\n")) > MAX_LINE_BYTES:
            raise RecordingError(
                f"{source}, line {number}: longer than {MAX_LINE_BYTES} bytes "
                "(one RR interval per line)"
            )
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise RecordingError(f"{source}, line {number}: not UTF-8 text") from None
        interval = parse_interval(text, source, number)
        if interval is None:
            continue
        if len(intervals) == MAX_INTERVALS:
            raise RecordingError(
                f"{source}, line {number}: more than {MAX_INTERVALS:,} intervals, over two days "
                "at 60 a minute; keep only the part that was breathed (an assessment or a "
                "session needs far fewer)"
            )
        if is_artifact(interval):
            artifacts.append(len(intervals))
        intervals.append(interval)
    return Recording(source, tuple(intervals), tuple(artifacts))


def _bounded_lines(stream: BinaryIO, source: str) -> Iterable[bytes]:
    """Lines of at most MAX_LINE_BYTES (plus line end); a longer line is cut and then refused."""
    number = 0
    while True:
        # +2 leaves room for CR LF; anything longer is refused by parse_lines.
        line = stream.readline(MAX_LINE_BYTES + 3)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES + 2:
            raise RecordingError(
                f"{source}, line {number}: longer than {MAX_LINE_BYTES} bytes "
                "(one RR interval per line)"
            )
        yield line


def read_recording(name: str, stdin: BinaryIO | None = None) -> Recording:
    """Read an RR recording file; `-` reads standard input.

    Args:
        name: the path as the person gave it, or "-".
        stdin: the stream `-` reads (sys.stdin.buffer when None); a seam for tests.

    Raises:
        RecordingError: the file is missing, not a regular file, too large, or has a bad line.
    """
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return parse_lines(_bounded_lines(stream, "standard input"), "standard input")
    shown = visible(name)
    try:
        info = os.stat(name)
    except OSError as error:
        raise RecordingError(f"{shown}: cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise RecordingError(f"{shown}: not a regular file (give an RR recording, or - for stdin)")
    if info.st_size > MAX_FILE_BYTES:
        raise RecordingError(
            f"{shown}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; "
            "is this an RR recording (one interval in ms per line)?"
        )
    try:
        with open(name, "rb") as stream:
            return parse_lines(_bounded_lines(stream, shown), shown)
    except OSError as error:
        raise RecordingError(f"{shown}: cannot be read: {error.strerror or error}") from None
