"""`breath-tui scan`: the body scan, feelings and a note, without the ratings or breathing."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    """Add the `scan` sub-command."""
    parser = commands.add_parser(
        "scan",
        help="body scan, feelings and a note, saved in the journal",
        description="Notice your body region by region ([body] regions in config.toml), name "
        "your feelings, and write a note for your therapist. Every step can be skipped (s); "
        "Esc goes back; q leaves and asks whether to keep what you entered.",
    )
    parser.set_defaults(run=run, full_screen=True)


def run(args: argparse.Namespace) -> int:
    """Run the scan; 0 when done, kept, discarded or left; 1 if the journal cannot be used."""
    from breath_tui.commands.checkin import run_flow

    return run_flow("scan")
