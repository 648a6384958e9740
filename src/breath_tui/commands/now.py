"""`breath-tui now`: quick calm, guidance on screen at once and no questions first."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    """Add the `now` sub-command."""
    parser = commands.add_parser(
        "now",
        help="quick calm: breathing guidance at once, then an optional 'how tense now'",
        description="Quick calm: the [quick] pattern (default cyclic-sigh for 1 minute) starts at "
        "once; afterwards one key rates how tense you feel (0-9, t for 10) or Enter skips. It is "
        "kept in your journal as a quick entry. Bind it to a key: tmux display-popup -E breath-tui now",
    )
    parser.add_argument("--no-sound", action="store_true", help="no audio cues")
    parser.add_argument("--reduced-motion", action="store_true", help="a guide with no motion")
    parser.set_defaults(run=run, full_screen=True)


def run(args: argparse.Namespace) -> int:
    """Breathe now; 0 when done or stopped."""
    from breath_tui.app import BreathApp, check_theme
    from breath_tui.commands.home import run_app
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.screens.breathe import BreathingScreen
    from breath_tui.screens.quick import quick_calm_screen
    from breath_tui.session_setup import session_for

    config = load_config(config_path())
    setup = session_for(config, config.quick.pattern, config.quick.minutes, sound=not args.no_sound)
    app = BreathApp(
        setup=setup,
        reduced_motion=args.reduced_motion or config.motion.reduced,
        start=lambda app: quick_calm_screen(app, setup),
        config=config,
        first_screen=BreathingScreen,
    )
    try:
        return run_app(app, check=check_theme)
    finally:
        setup.close()
