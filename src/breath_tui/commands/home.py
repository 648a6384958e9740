"""`breath-tui` with no command: the home screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace | None = None) -> int:
    """Open home: check-in, quick calm, breathing, scan, history, settings, one key each."""
    from breath_tui.app import BreathApp, check_theme
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.screens.home import HomeScreen

    config = load_config(config_path())
    app = BreathApp(
        reduced_motion=config.motion.reduced,
        start=lambda _app: HomeScreen(),
        config=config,
        first_screen=HomeScreen,
    )
    return run_app(app, check=check_theme)


def run_app(app: Any, check: Any = None, open_journal: bool = False) -> int:
    """Run a full-screen app; close the journal; print its closing line; 1 if the journal failed.

    Args:
        app: the BreathApp.
        check: called with the app before it starts (e.g. check_theme); may raise BadInput.
        open_journal: open the journal before the terminal is taken over, so that a journal
            that cannot be opened is one line on stderr, not a crash inside the app.
    """

    if check is not None:
        check(app)
    try:
        if open_journal:
            app.journal  # noqa: B018 (opens it)
        app.run()
    finally:
        app.close_journal()
    if app.summary_text:
        print(app.summary_text)
    return app.return_code or 0
