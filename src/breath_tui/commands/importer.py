"""`breath-tui import FILE`: check-ins in from JSON Lines, all of the file or none of it."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any


def register(commands: Any) -> None:
    """Add the `import` sub-command."""
    parser = commands.add_parser(
        "import",
        help="add check-ins from a JSON Lines file: all of it or none",
        description="Check the whole file first: if any line is not a valid check-in, say "
        "which and import nothing. Check-ins already in the journal (same id) are skipped.",
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        help="a file from `breath-tui export --format jsonl` (- reads standard input)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import; 0 when done, 2 for a bad file (nothing imported), 1 when the journal fails."""
    from breath_tui.core.errors import BadInput, Failure
    from breath_tui.journal import Journal, JournalError
    from breath_tui.journal.exchange import ImportFileError, open_import_file, read_checkins

    stream, source = open_import_file(args.file)
    try:
        with Journal() as journal:
            result = journal.import_checkins(read_checkins(stream, source))
    except JournalError as error:
        if isinstance(error, BadInput):  # not a journal breath-tui may open: exit 2
            raise
        raise Failure(f"{error}; nothing was imported") from None
    except OSError as error:  # the file could not be read to its end
        raise ImportFileError(
            f"{source}: cannot be read: {error.strerror or error}; nothing was imported"
        ) from None
    finally:
        stream.close()
    print(import_message(result.kinds, result.skipped))
    return 0


def import_message(kinds: Mapping[str, int], skipped: int) -> str:
    """'Imported 3 entries (1 check-in, 1 quick calm and 1 body scan); skipped 2 already in the
    journal.' ('Imported nothing new' when every line was there already)."""
    from breath_tui.core.card import entries_text

    added = entries_text(kinds) if any(kinds.values()) else "nothing new"
    return f"Imported {added}; skipped {skipped} already in the journal."
