"""`breath-tui history`: past check-ins, newest first, full screen; or, with --plain (or piped),
one block of labelled lines per check-in, then the trends.

Everything the person wrote is shown as text: no markup is interpreted, and control characters
(a terminal escape in a note, say) are shown escaped rather than sent to the terminal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from breath_tui.core.checkin import CheckIn


def register(commands: Any) -> None:
    """Add the `history` sub-command."""
    parser = commands.add_parser(
        "history",
        help="past check-ins and trends, full screen; --plain prints text",
        description="Past check-ins, newest first: date, kind, tension before -> after, body, "
        "feelings and note; then trends: tension before and after over time, the body regions "
        "most often tense, the feelings most often named, and what helps (change in tension by "
        "pattern and time of day, with the counts behind each figure).",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="print each entry as labelled lines, then trends (also when piped)",
    )
    parser.add_argument("--since", metavar="DATE", help="only check-ins from DATE on (2024-05-01)")
    parser.add_argument("--limit", metavar="N", type=_count, help="only the newest N")
    parser.set_defaults(run=run, full_screen=True)


MAX_LIMIT = 1_000_000


def _count(text: str) -> int:
    if not text.isdigit() or len(text) > 7 or not 1 <= int(text) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"--limit wants a whole number from 1 to {MAX_LIMIT:,}, not {text[:20]!r}"
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Print the table; 1 when the journal cannot be read."""
    from breath_tui.core.trends import compute_trends, trends_lines
    from breath_tui.core.when import long_date, parse_since
    from breath_tui.journal import read_journal

    since = parse_since(args.since) if args.since else None
    if not args.plain and sys.stdout.isatty():
        from breath_tui.app import run_flow
        from breath_tui.core.config import load_config
        from breath_tui.core.locations import config_path
        from breath_tui.flows import FlowOptions

        config = load_config(config_path())
        return run_flow("history", FlowOptions(since=since, limit=args.limit), config)
    checkins = read_journal(since=since, limit=args.limit)
    if not checkins:
        print("No check-ins" + (f" since {long_date(since)}." if since else " yet."))
        return 0
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    for block in plain_blocks(checkins):
        sys.stdout.write(f"{block}\n\n")
    print(
        "\n".join(_shown(line) for line in trends_lines(compute_trends(checkins), min(width, 60)))
    )
    return 0


def _shown(text: str) -> str:
    from breath_tui.core.text import visible

    return visible(text, keep_lines=True).replace("\t", " ")


def plain_blocks(checkins: Sequence[CheckIn]) -> Iterator[str]:
    """One block of text per check-in, for a screen reader: a heading line (kind and date),
    then one labelled field per line; a note keeps its lines, each after the first indented.

    Nothing is wrapped (a terminal or a reader wraps), so the time is linear in the text;
    control characters are shown as escapes.
    """
    from breath_tui.core.card import card_lines

    for checkin in checkins:
        lines = [_shown(line) for line in card_lines(checkin)]
        yield "\n".join(line.replace("\n", "\n  ") for line in lines)
