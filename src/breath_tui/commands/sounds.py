"""`breath-tui sounds [--out DIR]`: (re)make the cue sounds with pydub."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    """Add the `sounds` sub-command."""
    parser = commands.add_parser("sounds", help="(re)make the cue sounds with pydub")
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=Path("sounds"),
        help="folder for in.wav, hold.wav, out.wav, end.wav (other styles in subfolders); "
        "default: ./sounds",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write every cue of every style; print where they went."""
    from breath_tui.audio.cues import write_cues

    written = write_cues(args.out)
    folders = sorted({str(path.parent) for path in written})
    print(f"Wrote {len(written)} cue sounds to {', '.join(folders)}.")
    return 0
