"""`breath-tui ground`: the 5-4-3-2-1 senses, full screen; or, with --plain (or without a
terminal), one prompt a line and one line of standard input read per answer.

Plain mode is for screen readers and pipes: every prompt ends its line, an empty line goes on,
and end of input ends the exercise cleanly (exit 0), keeping nothing. Finished, it is kept in
the journal as a grounding entry, and its card is printed, the person's words shown as typed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

LINE_LIMIT = 4096
"""Bytes read of one line of standard input; the rest of a longer line is passed over."""


def register(commands: Any) -> None:
    """Add the `ground` sub-command."""
    parser = commands.add_parser(
        "ground",
        help="5-4-3-2-1 senses grounding, for when attention to the breath does not help",
        description="A common grounding exercise: name 5 things you can see, 4 you can touch, "
        "3 you can hear, 2 you can smell and 1 you can taste, one at a time. Typing is "
        "optional: Enter goes on. How tense you feel is asked before and after (s skips). "
        "Kept in your journal as a grounding entry; q (ctrl+q while typing) leaves and asks "
        "whether to keep it.",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="one prompt a line, one line of input an answer (also when not on a terminal)",
    )
    parser.set_defaults(run=run, full_screen=True)


def run(args: argparse.Namespace) -> int:
    """The exercise full screen, or plain; 0 when it ends, however it ends."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path

    config = load_config(config_path())
    if not args.plain and sys.stdin.isatty() and sys.stdout.isatty():
        from breath_tui.app import run_flow
        from breath_tui.flows import FlowOptions

        return run_flow("ground", FlowOptions(), config)
    return run_plain_ground(_lines(sys.stdin.buffer), config.safety.crisis_text)


def _lines(stream: BinaryIO) -> Iterator[str]:
    """Lines of standard input without their ends; bytes that are not UTF-8 become U+FFFD."""
    while raw := stream.readline(LINE_LIMIT):
        if not raw.endswith(b"\n"):
            while (rest := stream.readline(LINE_LIMIT)) and not rest.endswith(b"\n"):
                pass
        yield raw.decode("utf-8", "replace").rstrip("\r\n")


def _say(line: str) -> None:
    from breath_tui.core.text import visible

    sys.stdout.write(visible(line) + "\n")
    sys.stdout.flush()


def run_plain_ground(lines: Iterator[str], crisis_text: str) -> int:
    """Walk the exercise on standard output, reading `lines`; keep it once finished.

    The journal is opened first, so a journal that cannot be used is said before the person
    starts (exit 1), not after they have answered.
    """
    from breath_tui.core.card import card_lines
    from breath_tui.core.checkin import CheckIn
    from breath_tui.core.grounding import GROUND_AGAIN, run_plain
    from breath_tui.core.locations import plan_path
    from breath_tui.core.plan import plan_offer
    from breath_tui.core.safety import still_tense
    from breath_tui.core.when import local_now
    from breath_tui.journal import Journal

    started = local_now()
    with Journal() as journal:
        try:
            result = run_plain(lines, _say)
        except KeyboardInterrupt:
            _say("Stopped: nothing was kept.")
            return 0
        if not result.finished:
            _say("Stopped: nothing was kept.")
            return 0
        if not result.entered:
            _say("Nothing entered: nothing was kept.")
            return 0
        entry = (
            CheckIn.new("ground", now=lambda: started)
            .updated(
                pre_rating=result.pre_rating,
                grounding=result.grounding,
                post_rating=result.post_rating,
            )
            .finished(local_now())
        )
        journal.add(entry)
    for line in card_lines(entry):
        _say(line)
    _say("Saved in your journal: breath-tui history shows it.")
    if still_tense(result.pre_rating, result.post_rating):
        # Where help is, the person's own plan first: safety copy, not advice. Grounding
        # again, never a breathing exercise (this is for when the breath does not help).
        parts = (plan_offer(plan_path()), crisis_text, GROUND_AGAIN)
        _say(" ".join(part for part in parts if part))
    return 0
