"""`breath-tui checkin`: the start-of-session check-in, full screen, each step saved at once."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from breath_tui.core.checkin import Kind


def register(commands: Any) -> None:
    """Add the `checkin` sub-command."""
    parser = commands.add_parser(
        "checkin",
        help="start-of-session check-in: tension, breathing, body, feelings, note, tension",
        description="The start-of-session check-in: how tense you feel, a few slow breaths "
        "([checkin] pattern and minutes in config.toml), a body scan, feelings, a note for "
        "your therapist, how tense you feel now, and a summary card to copy. Every step can "
        "be skipped (s); Esc goes back; q leaves and asks whether to keep what you entered.",
    )
    parser.add_argument("--no-sound", action="store_true", help="no audio cues while breathing")
    parser.add_argument("--reduced-motion", action="store_true", help="a guide with no motion")
    parser.set_defaults(run=run, full_screen=True)


def run(args: argparse.Namespace) -> int:
    """Run the check-in; 0 when done, kept, discarded or left; 1 if the journal cannot be used."""
    return run_flow("checkin", sound=not args.no_sound, reduced_motion=args.reduced_motion)


def run_flow(kind: Kind, *, sound: bool = True, reduced_motion: bool = False) -> int:
    """Open the journal and run the check-in or scan flow in the full-screen app."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.session_setup import session_for

    config = load_config(config_path())
    # A scan has no breathing step, but an unfinished check-in it offers to finish may have.
    setup = session_for(config, config.checkin.pattern, config.checkin.minutes, sound=sound)
    from breath_tui.app import BreathApp, check_theme
    from breath_tui.commands.home import run_app
    from breath_tui.screens.checkin import CheckInScreen

    app = BreathApp(
        setup=setup,
        reduced_motion=reduced_motion or config.motion.reduced,
        start=lambda app: CheckInScreen(app.journal, kind, setup, config.body.regions),
        config=config,
        first_screen=CheckInScreen,
    )
    try:
        return run_app(app, check=check_theme, open_journal=True)
    finally:
        setup.close()
