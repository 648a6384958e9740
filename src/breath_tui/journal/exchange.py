"""The journal out and in: JSON Lines (the interchange format), CSV for spreadsheets, Markdown to
bring to the therapist; and the all-or-nothing check of an import file.

JSON Lines is exact: every field, unknown ones included, so export, import, export gives the
same bytes. CSV and Markdown are for reading: control characters are shown escaped, CSV cells
that a spreadsheet would run as formulas are neutralised, Markdown punctuation in notes is
escaped so a viewer shows it as typed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from breath_tui.core.checkin import CheckIn, CheckInError
from breath_tui.core.errors import BadInput
from breath_tui.core.summary import (
    body_text,
    breathing_text,
    change_words,
    feelings_list,
    kind_name,
    ratings_text,
)
from breath_tui.core.text import markdown_text, neutralise_formula, visible
from breath_tui.core.when import day_and_time, long_date

FORMATS = ("jsonl", "csv", "md")

CSV_COLUMNS = (
    "started_at", "ended_at", "kind", "status", "pre_rating", "post_rating", "change",
    "breathing", "body", "feelings", "note", "id",
)  # fmt: skip


class ImportFileError(BadInput):
    """An import file is unusable; the message names the file and the first bad line."""


def parse_jsonl(data: bytes, source: str) -> list[CheckIn]:
    """Check every line of an import file before anything is imported.

    Blank lines are allowed. A UTF-8 byte-order mark is allowed.

    Args:
        data: the file's bytes.
        source: the file's name as the person gave it, for messages.

    Raises:
        ImportFileError: "FILE, line N: what is wrong", and how many other lines are bad.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"{source}, line {bad_line}: not UTF-8 text; nothing imported"
        ) from None
    checkins: list[CheckIn] = []
    problems: list[tuple[int, str]] = []
    # Split on "\n" only: str.splitlines() would also split at U+2028 and other characters that
    # may sit, legitimately, inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append((number, f"not valid JSON: {error.msg} (column {error.colno})"))
            continue
        try:
            checkins.append(CheckIn.from_dict(item))
        except CheckInError as error:
            problems.append((number, str(error)))
    if problems:
        number, problem = problems[0]
        more = len(problems) - 1
        tail = f" ({more} more bad line{'s' if more != 1 else ''})" if more else ""
        raise ImportFileError(f"{source}, line {number}: {problem}\nNothing was imported{tail}.")
    return checkins


def read_import_file(name: str) -> list[CheckIn]:
    """Read and check an import file ("-" reads standard input).

    Raises:
        ImportFileError: the file cannot be read or a line is bad.
    """
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise ImportFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    return parse_jsonl(data, "standard input" if name == "-" else name)


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
        checkin.status,
        "" if checkin.pre_rating is None else str(checkin.pre_rating),
        "" if checkin.post_rating is None else str(checkin.post_rating),
        change_words(checkin.pre_rating, checkin.post_rating),
        breathing_text(checkin.breathing),
        body_text(checkin.body),
        feelings_list(checkin.feelings),
        checkin.note,
        checkin.id,
    ]
    return [neutralise_formula(visible(cell, keep_lines=True)) for cell in cells]


def write_csv(checkins: Iterable[CheckIn], out: TextIO) -> None:
    """A header row, then one row per check-in (body and feelings flattened into cells)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(checkin) for checkin in checkins)


def write_markdown(checkins: Sequence[CheckIn], out: TextIO, since: datetime | None = None) -> None:
    """A readable summary: per check-in its date, ratings and change, body, feelings and note."""
    out.write("# breath-tui journal\n\n")
    if not checkins:
        out.write("No check-ins" + (f" since {long_date(since)}" if since else "") + ".\n")
        return
    count = f"{len(checkins)} check-in{'s' if len(checkins) != 1 else ''}"
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
        note = checkin.note.strip()
        if note:
            quoted = "\n".join(f"> {line}".rstrip() for line in markdown_text(note).split("\n"))
            out.write(f"\nNote:\n\n{quoted}\n")


def export(
    checkins: Sequence[CheckIn], fmt: str, out: TextIO, since: datetime | None = None
) -> None:
    """Write check-ins (oldest first, as given) in one of FORMATS."""
    if fmt == "jsonl":
        write_jsonl(checkins, out)
    elif fmt == "csv":
        write_csv(checkins, out)
    elif fmt == "md":
        write_markdown(checkins, out, since)
    else:
        raise BadInput(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
