"""The journal out and in: JSON Lines (the interchange format), CSV for spreadsheets, Markdown to
bring to the therapist; and the all-or-nothing check of an import file.

JSON Lines is exact: every field, unknown ones included, so export, import, export gives the
same bytes. CSV and Markdown are for reading: control characters are shown escaped, CSV cells
that a spreadsheet would run as formulas are neutralised, Markdown punctuation in notes is
escaped so a viewer shows it as typed.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, BinaryIO, TextIO

from breath_tui.core.card import (
    body_text,
    breathing_text,
    change_words,
    entries_text,
    feelings_list,
    kind_name,
    ratings_text,
)
from breath_tui.core.checkin import CheckIn, CheckInError
from breath_tui.core.errors import BadInput
from breath_tui.core.feedback import feedback_heading, feedback_markdown
from breath_tui.core.text import (
    clipped,
    markdown_quote,
    markdown_text,
    neutralise_formula,
    visible,
)
from breath_tui.core.when import day_and_time, long_date

FORMATS = ("jsonl", "csv", "md", "summary")
"""What `export --format` takes: the journal as records (jsonl, csv, md), or the therapist
summary (summary, in Markdown: core.therapist)."""

CSV_COLUMNS = (
    "started_at", "ended_at", "kind", "status", "left_early", "pre_rating", "post_rating", "change",
    "breathing", "body", "feelings", "note",
    "session_date", "heard", "pace", "helped", "wishes", "unsaid",
    "mean_bpm", "swing_bpm", "rmssd_ms", "beats", "resonance_rate", "grounding",
    "id",
)  # fmt: skip


MAX_IMPORT_BYTES = 1 << 30
"""An import file may be at most 1 GiB (about five million check-ins)."""
MAX_LINE_BYTES = 1 << 20
"""One line (one check-in) may be at most 1 MiB; the longest note allowed is a tenth of it."""
_READ_TAIL = 1 << 16


class ImportFileError(BadInput):
    """An import file is unusable; the message names the file and the first bad line."""


class BadLine(ValueError):
    """One line of an import file is not a check-in; str() says why ("not valid JSON: ...")."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_line(line: bytes) -> CheckIn:
    """One line of an import file as a check-in.

    Raises:
        BadLine: the line is not UTF-8, not strict JSON (NaN and Infinity are refused, as
            strict JSON readers refuse them), nested too deeply, or not a valid check-in (a
            feedback without its feedback object among them).
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise BadLine("not UTF-8 text") from None
    try:
        item = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise BadLine(f"not valid JSON: {error.msg} (column {error.colno})") from None
    except RecursionError:
        raise BadLine("not usable: its JSON is nested too deeply") from None
    except ValueError as error:  # NaN or Infinity, or an integer of over 4,300 digits
        reason = "a number has too many digits" if "digits" in str(error) else str(error)
        raise BadLine(f"not valid JSON: {reason}") from None
    try:
        checkin = CheckIn.from_dict(item)
    except CheckInError as error:
        raise BadLine(str(error)) from None
    if checkin.kind == "feedback" and checkin.feedback is None and checkin.ended_at is not None:
        # A finished feedback says its session. An unfinished one may have none yet (the app
        # killed between starting it and saving its first answer): it goes back in as it came
        # out, so a person's own export always imports.
        raise BadLine(
            'feedback is missing: an entry of kind "feedback" needs its "feedback" object, '
            "with session_date at least"
        )
    return checkin


def _lines(stream: BinaryIO, source: str) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line, read a line at a time; None for a line over the limit.

    Raises:
        ImportFileError: the whole file is over MAX_IMPORT_BYTES.
    """
    total = 0

    def count(line: bytes) -> None:
        nonlocal total
        total += len(line)
        if total > MAX_IMPORT_BYTES:
            raise ImportFileError(
                f"{source}: larger than {MAX_IMPORT_BYTES >> 20} MiB, the most breath-tui "
                "imports at once; split it. Nothing was imported."
            )

    for number in itertools.count(1):
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        count(line)
        too_long = len(line) > MAX_LINE_BYTES
        while too_long and not line.endswith(b"\n"):  # skip the rest of an over-long line
            line = stream.readline(_READ_TAIL)
            if not line:
                break
            count(line)  # standard input may never end (/dev/zero): the limit stops it too
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark
            line = line[3:]
        yield number, (None if too_long else line)


def read_checkins(stream: BinaryIO, source: str) -> Iterator[CheckIn]:
    """The check-ins of an import file, one line at a time (memory stays small at any size).

    Blank lines are allowed. The generator yields check-ins while every line so far is good;
    after a bad line it yields no more but reads on, to count the bad lines, and then raises.
    A caller importing inside one transaction (Journal.import_checkins) so imports all of the
    file or none of it.

    Args:
        stream: the file, opened for reading bytes.
        source: the file's name as the person gave it, for messages.

    Raises:
        ImportFileError: "FILE, line N: what is wrong", and how many other lines are bad.
    """
    problems: list[tuple[int, str]] = []
    bad = 0
    for number, line in _lines(stream, source):
        if line is not None and not line.strip():
            continue
        try:
            if line is None:
                limit = MAX_LINE_BYTES >> 20
                raise BadLine(f"longer than {limit} MiB, the most one check-in may be")
            checkin = parse_line(line)
        except BadLine as error:
            bad += 1
            if not problems:
                problems.append((number, str(error)))
            continue
        if not bad:
            yield checkin
    if problems:
        number, problem = problems[0]
        more = bad - 1
        tail = f" ({more} more bad line{'s' if more != 1 else ''})" if more else ""
        raise ImportFileError(f"{source}, line {number}: {problem}\nNothing was imported{tail}.")


def parse_jsonl(data: bytes, source: str) -> list[CheckIn]:
    """Every check-in of an import file held in memory (see read_checkins)."""
    return list(read_checkins(io.BytesIO(data), source))


def open_import_file(name: str) -> tuple[BinaryIO, str]:
    """The import file opened for reading, and its name for messages ("-": standard input).

    Only a regular file (or standard input) is read: a device such as /dev/zero, a pipe or a
    folder named by mistake would be read forever or make no sense.

    Raises:
        ImportFileError: the file cannot be opened, is not a regular file, or is too large.
    """
    if name == "-":
        return sys.stdin.buffer, "standard input"
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer before it is refused.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ImportFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ImportFileError(
            f"{name}: not a regular file (a device, a pipe or a folder); "
            "give a file from `breath-tui export`, or - for standard input"
        )
    if info.st_size > MAX_IMPORT_BYTES:
        os.close(fd)
        raise ImportFileError(
            f"{name}: larger than {MAX_IMPORT_BYTES >> 20} MiB, the most breath-tui imports at "
            "once; split it. Nothing was imported."
        )
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb"), name


def read_import_file(name: str) -> list[CheckIn]:
    """Read and check a whole import file ("-" reads standard input), into memory.

    Raises:
        ImportFileError: the file cannot be read or a line is bad.
    """
    stream, source = open_import_file(name)
    try:
        return list(read_checkins(stream, source))
    except OSError as error:
        raise ImportFileError(f"{source}: cannot be read: {error.strerror or error}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def write_jsonl(checkins: Iterable[CheckIn], out: TextIO) -> None:
    """One interchange line per check-in."""
    for checkin in checkins:
        out.write(checkin.to_json())
        out.write("\n")


def csv_row(checkin: CheckIn) -> list[str]:
    """The CSV cells of one check-in, in CSV_COLUMNS order, made safe for spreadsheets."""
    cells = [
        checkin.started_at.isoformat(),
        checkin.ended_at.isoformat() if checkin.ended_at else "",
        checkin.kind,
        csv_status(checkin),
        "yes" if checkin.left_early else "",
        "" if checkin.pre_rating is None else str(checkin.pre_rating),
        "" if checkin.post_rating is None else str(checkin.post_rating),
        change_words(checkin.pre_rating, checkin.post_rating),
        breathing_text(checkin.breathing),
        body_text(checkin.body),
        feelings_list(checkin.feelings),
        checkin.note,
        *_feedback_cells(checkin),
        *_heart_cells(checkin),
        f"{checkin.resonance.chosen_rate:g}" if checkin.resonance else "",
        _grounding_cell(checkin),
        checkin.id,
    ]
    return [neutralise_formula(visible(cell, keep_lines=True)) for cell in cells]


def csv_status(checkin: CheckIn) -> str:
    """'complete', 'in_progress', or 'left_early' for an entry kept before its last step."""
    return "left_early" if checkin.left_early else checkin.status


def _feedback_cells(checkin: CheckIn) -> list[str]:
    feedback = checkin.feedback
    if feedback is None:
        return [""] * 6
    return [
        feedback.session_date.isoformat(),
        "" if feedback.heard is None else str(feedback.heard),
        feedback.pace or "",
        "; ".join(feedback.helped),
        "; ".join(feedback.wishes),
        feedback.unsaid or "",
    ]


def _heart_cells(checkin: CheckIn) -> list[str]:
    heart = checkin.heart
    if heart is None:
        return [""] * 4
    return [
        f"{heart.mean_bpm:.1f}",
        f"{heart.swing_bpm:.1f}",
        f"{heart.rmssd_ms:.1f}",
        str(heart.beats),
    ]


def _grounding_cell(checkin: CheckIn) -> str:
    """'see: a lamp, the window; hear: rain'."""
    if checkin.grounding is None:
        return ""
    noticed = checkin.grounding.noticed
    return "; ".join(f"{sense}: {', '.join(things)}" for sense, things in noticed.items() if things)


def write_csv(checkins: Iterable[CheckIn], out: TextIO) -> None:
    """A header row, then one row per check-in (body and feelings flattened into cells)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(checkin) for checkin in checkins)


def write_markdown(checkins: Sequence[CheckIn], out: TextIO, since: datetime | None = None) -> None:
    """A readable summary: per check-in its date, ratings and change, body, feelings and note;
    per feedback the session it is about, its answers, and what was not said, word for word."""
    out.write("# breath-tui journal\n\n")
    if not checkins:
        out.write("No entries" + (f" since {long_date(since)}" if since else "") + ".\n")
        return
    count = entries_text(kind_counts(checkins))
    first, last = long_date(checkins[0].started_at), long_date(checkins[-1].started_at)
    span = first if first == last else f"{first} to {last}"
    out.write(f"{count}, {span}.\n")
    for checkin in checkins:
        out.write(f"\n## {day_and_time(checkin.started_at)}: {kind_name(checkin)}\n\n")
        for label, value in (
            ("Tension (0-10)", ratings_text(checkin)),
            ("Breathing", breathing_text(checkin.breathing)),
            ("Body", body_text(checkin.body)),
            ("Feelings", checkin.feelings_sentence),
        ):
            if value:
                out.write(f"- {label}: {markdown_text(value)}\n")
        if checkin.feedback is not None:
            out.write(f"- About: {feedback_heading(checkin.feedback)}\n")
            out.write("\n".join(feedback_markdown(checkin.feedback)) + "\n")
        note = checkin.note.strip()
        if note:
            quoted = "\n".join(markdown_quote(note))
            out.write(f"\nNote:\n\n{quoted}\n")


def kind_counts(checkins: Iterable[CheckIn]) -> dict[str, int]:
    """How many of each kind, in the order first met."""
    counts: dict[str, int] = {}
    for checkin in checkins:
        counts[checkin.kind] = counts.get(checkin.kind, 0) + 1
    return counts


def export(
    checkins: Sequence[CheckIn], fmt: str, out: TextIO, since: datetime | None = None
) -> None:
    """Write check-ins (oldest first, as given) as jsonl, csv or md."""
    if fmt == "jsonl":
        write_jsonl(checkins, out)
    elif fmt == "csv":
        write_csv(checkins, out)
    elif fmt == "md":
        write_markdown(checkins, out, since)
    else:
        raise BadInput(f"--format must be one of {', '.join(FORMATS)}, not '{clipped(fmt)}'")
