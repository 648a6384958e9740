"""`breath-tui forget`: delete the whole journal, after asking (or with --yes, for scripts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from breath_tui.core.errors import BadInput


def register(commands: Any) -> None:
    """Add the `forget` sub-command."""
    parser = commands.add_parser(
        "forget",
        help="delete the whole journal, after asking",
        description="Delete the journal file and its side files. This cannot be undone. "
        "Files you exported earlier are not touched. Settings (config.toml) are kept.",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="delete without asking (needed when not run from a terminal)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="delete even while another breath-tui has the journal open",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Delete after a typed "yes"; 2 (nothing deleted) without a terminal to ask on or --yes."""
    from breath_tui.core.locations import journal_path
    from breath_tui.core.text import visible
    from breath_tui.journal import forget_journal, refuse_to_forget
    from breath_tui.journal.damage import SIDE_FILES, damaged_copies

    path = journal_path()
    refuse_to_forget(path)  # before asking: a link or another program's file is not deleted
    if not damaged_copies(path) and not any(
        Path(f"{path}{suffix}").exists() for suffix in ("", *SIDE_FILES)
    ):
        print(f"There is no journal at {visible(str(path))}; nothing to delete.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise BadInput(
                "forget asks before deleting, but standard input is not a terminal.\n"
                "Nothing was deleted; add --yes to delete without asking."
            )
        if not _confirmed(path):
            print("Nothing was deleted.")
            return 0
    copies = len(damaged_copies(path))
    forget_journal(path, force=args.force)
    extra = (
        f" and {copies} damaged cop{'y' if copies == 1 else 'ies'} kept beside it" if copies else ""
    )
    print(f"Deleted the journal ({visible(str(path))}){extra}.")
    return 0


def _confirmed(path: Any) -> bool:
    """Ask on the terminal; only "yes" (or "y") deletes. The question goes to stderr so that it
    is seen even when standard output is redirected."""
    from breath_tui.core.text import visible

    question = (
        f"Delete the whole journal at {visible(str(path))}{_how_many(path)}? "
        "This cannot be undone.\n"
    )
    print(question + 'Type "yes" to delete: ', end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("yes", "y")


def _how_many(path: Any) -> str:
    from breath_tui.journal import Journal, JournalError
    from breath_tui.journal.damage import damaged_copies

    copies = len(damaged_copies(path))
    extra = f", and {copies} damaged cop{'y' if copies == 1 else 'ies'} beside it" if copies else ""
    try:
        # recover=False: counting must not move a damaged journal aside; forget deletes it anyway.
        with Journal(path, recover=False, readonly=True) as journal:
            counts = journal.count_by_kind()
    except JournalError:
        return extra  # a damaged journal can still be deleted; forget is the way out of it
    from breath_tui.core.card import entries_text

    return f", with {entries_text(counts)}{extra}"
