"""`breath-tui sounds`: make the built-in cues (--out), check that cues play (--check), or make
cues from the person's own sound (--from)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from breath_tui.core.errors import BadInput
from breath_tui.core.settings import BACKENDS, CUE_NAMES

FOR_CHOICES = (*CUE_NAMES, "all")


def register(commands: Any) -> None:
    """Add the `sounds` sub-command."""
    parser = commands.add_parser(
        "sounds", help="check that cues play, make cues from your own sound, or remake ours"
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="remake the built-in cues: in.wav, hold.wav, out.wav, end.wav (other styles in "
        "subfolders) in DIR; the default action, into ./sounds",
    )
    action.add_argument(
        "--check",
        action="store_true",
        help='play the "in" cue once and say which player and device it went through',
    )
    action.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        type=Path,
        help="make cues from your own sound (WAV; mp3, ogg, flac with ffmpeg) for "
        '[sound] style = "own"',
    )
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        metavar="NAME",
        help=f"with --check: try this player ({', '.join(BACKENDS)}) instead of the setting",
    )
    parser.add_argument(
        "--for",
        dest="cue",
        choices=FOR_CHOICES,
        metavar="CUE",
        help="with --from: the cue to make (in, out, hold, end) or all of them (the default: "
        "out a fifth lower than in, a short quiet hold, and an end)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Do what the options ask; 0 when done, 1 when --check could not play."""
    if args.backend is not None and not args.check:
        raise BadInput("sounds: --backend goes with --check")
    if args.cue is not None and args.source is None:
        raise BadInput("sounds: --for goes with --from FILE")
    if args.check:
        return _check(args.backend)
    if args.source is not None:
        return _own(args.source, args.cue or "all")
    return _write_builtin(args.out or Path("sounds"))


def _check(backend: str | None) -> int:
    from breath_tui.audio.check import check_sound
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path

    settings = load_config(config_path()).sound
    from breath_tui.core.text import visible

    played, line = check_sound(settings, backend)
    print(visible(line))  # it names the player's device, as the sound system calls it
    return 0 if played else 1


def _own(source: Path, which: str) -> int:
    from breath_tui.audio.own import write_own_cues
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.core.text import visible

    written = write_own_cues(source.expanduser(), which)
    try:
        style = load_config(config_path()).sound.style
    except BadInput:  # a config error is for another command to report; the cues are made
        style = None
    names = ", ".join(path.stem for path in written)
    where = visible(str(written[0].parent))
    them = "them" if len(written) > 1 else "it"
    hint = (
        f"You hear {them} from the next session."
        if style == "own"
        else f'To hear {them}, set [sound] style = "own" in config.toml.'
    )
    print(f"Made your {names} cue{'s' if len(written) > 1 else ''} in {where}. {hint}")
    return 0


def _write_builtin(folder: Path) -> int:
    from breath_tui.audio.cues import write_cues
    from breath_tui.core.text import visible

    written = write_cues(folder)
    folders = sorted({visible(str(path.parent)) for path in written})
    print(f"Wrote {len(written)} cue sounds to {', '.join(folders)}.")
    return 0
