"""`breath-tui export`: the journal out, as JSON Lines, CSV or Markdown, oldest first; or the
therapist summary, in Markdown."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from breath_tui.core.errors import BadInput


def register(commands: Any) -> None:
    """Add the `export` sub-command."""
    from breath_tui.journal.exchange import FORMATS

    parser = commands.add_parser(
        "export",
        help="write the journal out as JSON Lines, CSV or Markdown, or the therapist summary",
        description="Write every check-in, oldest first. jsonl is the exact interchange format "
        "(what `breath-tui import` reads); csv is one row per check-in for a spreadsheet; md is "
        "every check-in in readable Markdown; summary is the therapist summary in Markdown "
        "(entries by kind, patterns, changes in tension, body, feelings and notes) since --since DATE "
        "or, without it, since your last completed start-of-session check-in (it included).",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="jsonl", help="jsonl (default), csv, md or summary"
    )
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="only check-ins from DATE on: 2024-05-01 (from local midnight) "
        "or an ISO time such as 2024-05-01T09:30",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to a new FILE only you can read (0600), not standard output",
    )
    parser.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export; 0 when written, 2 for a bad option, 1 when the journal cannot be read."""
    from breath_tui.core.therapist import (
        summary_markdown,
        summary_since_last_session,
        therapist_summary,
    )
    from breath_tui.core.when import local_now, parse_since
    from breath_tui.journal import read_journal
    from breath_tui.journal.exchange import export

    since = parse_since(args.since) if args.since else None
    if args.format == "summary":
        summary = (
            therapist_summary(read_journal(since=since, oldest_first=True), since=since)
            if since is not None
            else summary_since_last_session(read_journal, local_now())
        )
        text = summary_markdown(summary)
        what = f"the therapist summary of {summary.count_text}"

        def write(out: TextIO) -> None:
            out.write(text)

    else:
        checkins = read_journal(since=since, oldest_first=True)
        what = written_text(checkins)

        def write(out: TextIO) -> None:
            export(checkins, args.format, out, since)

    if args.output:
        write_private_file(Path(args.output), write, force=args.force)
        from breath_tui.core.text import visible

        # Standard output is free (the export went to the file): say what is in it, in one line.
        print(f"Wrote {what} to {visible(args.output)} as {FORMAT_NAMES[args.format]}.")
    else:
        write(sys.stdout)
        sys.stdout.flush()
    return 0


FORMAT_NAMES = {"jsonl": "JSON Lines", "csv": "CSV", "md": "Markdown", "summary": "Markdown"}


def written_text(checkins: Any) -> str:
    """'12 entries (10 check-ins and 2 quick calms)', or 'no entries'."""
    from breath_tui.core.card import entries_text
    from breath_tui.journal.exchange import kind_counts

    return entries_text(kind_counts(checkins))


def write_private_file(path: Path, write: Callable[[TextIO], None], *, force: bool) -> None:
    """Write a new file readable only by its owner (0600); replace one only when forced.

    Raises:
        BadInput: the file exists (without force), is a folder, a symlink, a device or a pipe,
            or the journal, or cannot be made.
    """
    from breath_tui.core.locations import journal_path

    journal = journal_path().resolve()
    if path.resolve() in {journal, *(Path(f"{journal}{s}") for s in ("-wal", "-shm"))}:
        raise BadInput(f"-o {path}: that is the journal itself; choose another file")
    if path.is_dir():
        raise BadInput(f"-o {path}: is a folder; give a file name")
    if not force and (path.exists() or path.is_symlink()):
        raise BadInput(f"-o {path}: already exists; add --force to replace it")
    if force and path.is_symlink():
        # --force replaces a regular file; a link is the person's own arrangement (to a
        # device, another folder, nothing yet), never swapped for a file.
        raise BadInput(f"-o {path}: is a symbolic link; not replaced (give the file itself)")
    if force and path.exists() and not path.is_file():
        # Never a device or a pipe either (as root, replacing /dev/null with a regular file
        # breaks the whole machine).
        raise BadInput(f"-o {path}: is not a regular file (a device or a pipe); not replaced")
    from breath_tui.core.private_files import write_privately

    try:
        write_privately(path, write, replace=force)
    except FileExistsError:
        raise BadInput(f"-o {path}: already exists; add --force to replace it") from None
    except OSError as error:
        if error.filename is None and error.errno is not None:
            # A full disk, say: name the file in the message (the command line exits 1).
            raise OSError(
                error.errno, f"{error.strerror}; nothing was written", str(path)
            ) from None
        raise BadInput(f"-o {path}: cannot be created: {error.strerror or error}") from None
