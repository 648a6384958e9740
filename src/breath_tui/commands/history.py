"""`breath-tui history`: past check-ins, newest first, as a text table.

Everything the person wrote is shown as text: no markup is interpreted, and control characters
(a terminal escape in a note, say) are shown escaped rather than sent to the terminal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

COLUMNS = ("Date", "Kind", "Tension", "Body", "Feelings", "Note")
FIXED = 3  # Date, Kind and Tension keep their width; the others share what is left
KIND_WIDTH = 12  # "check-in (unfinished)" wraps onto two lines rather than widening the table
MIN_FLEX_WIDTH = 12
GAP = "  "


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
        "--plain", action="store_true", help="print a text table and trends (also when piped)"
    )
    parser.add_argument("--since", metavar="DATE", help="only check-ins from DATE on (2024-05-01)")
    parser.add_argument("--limit", metavar="N", type=_count, help="only the newest N")
    parser.set_defaults(run=run, full_screen=True)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--limit wants a whole number from 1, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Print the table; 1 when the journal cannot be read."""
    from breath_tui.commands.export import read_journal
    from breath_tui.core.summary import history_row
    from breath_tui.core.trends import compute_trends, trends_lines
    from breath_tui.core.when import long_date, parse_since
    from breath_tui.journal import JournalError

    since = parse_since(args.since) if args.since else None
    if not args.plain and sys.stdout.isatty() and since is None and args.limit is None:
        return _full_screen()
    try:
        checkins = read_journal(since=since, limit=args.limit)
    except JournalError as error:
        print(f"breath-tui: {error}", file=sys.stderr)
        return 1
    if not checkins:
        print("No check-ins" + (f" since {long_date(since)}." if since else " yet."))
        return 0
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    print(render_table([history_row(c) for c in checkins], width))
    print()
    print(
        "\n".join(_shown(line) for line in trends_lines(compute_trends(checkins), min(width, 60)))
    )
    return 0


def _shown(text: str) -> str:
    from breath_tui.core.text import visible

    return visible(text, keep_lines=True).replace("\t", " ")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return lines


def column_widths(rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Widths that fit `total` columns: Date, Kind and Tension at their natural width, the rest
    sharing the remainder so that a short column gives its spare room to the longer ones."""
    natural = [
        max([len(header)] + [len(line) for row in rows for line in row[i].split("\n")])
        for i, header in enumerate(COLUMNS)
    ]
    widths = natural[:FIXED]
    widths[1] = min(widths[1], KIND_WIDTH)
    gaps = len(GAP) * (len(COLUMNS) - 1)
    left = max(total - sum(widths) - gaps, MIN_FLEX_WIDTH * (len(COLUMNS) - FIXED))
    flex = list(range(FIXED, len(COLUMNS)))
    share: dict[int, int] = {}
    # Water-filling: columns narrower than an even share keep their width; the rest split it.
    while flex:
        even = left // len(flex)
        small = [i for i in flex if natural[i] <= even]
        if not small:
            spare = left - even * len(flex)  # the odd columns left over go to the first ones
            share.update((i, max(even + (n < spare), MIN_FLEX_WIDTH)) for n, i in enumerate(flex))
            break
        for i in small:
            share[i] = natural[i]
            left -= natural[i]
            flex.remove(i)
    return widths + [share[i] for i in range(FIXED, len(COLUMNS))]


def render_table(rows: Sequence[Sequence[str]], total_width: int) -> str:
    """The rows as a plain text table about total_width wide (long cells wrap onto more lines).

    Control characters in cells are shown escaped; a blank line separates rows when any wraps.
    """
    shown = [[_shown(cell) for cell in row] for row in rows]
    widths = column_widths(shown, total_width)
    lines = [GAP.join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)).rstrip()]
    lines.append(GAP.join("-" * w for w in widths))
    wrapped = [[_wrap(cell, w) for cell, w in zip(row, widths, strict=True)] for row in shown]
    spaced = any(len(cell) > 1 for row in wrapped for cell in row)
    for index, cells in enumerate(wrapped):
        if spaced and index:
            lines.append("")
        for n in range(max(len(cell) for cell in cells)):
            parts = [
                (c[n] if n < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)
            ]
            lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines)


def _full_screen() -> int:
    """The history screen: check-ins, trends, the therapist summary."""
    from breath_tui.app import BreathApp, check_theme
    from breath_tui.commands.home import run_app
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path, journal_path
    from breath_tui.screens.history import HistoryScreen

    config = load_config(config_path())
    app = BreathApp(
        reduced_motion=config.motion.reduced,
        # With no journal yet, the screen says so; looking must not create one.
        start=lambda app: HistoryScreen(app.journal if journal_path().exists() else None),
        config=config,
        first_screen=HistoryScreen,
    )
    return run_app(app, check=check_theme, open_journal=journal_path().exists())
