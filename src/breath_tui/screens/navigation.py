"""Opening a flow by name: from home's keys and from the command palette alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from breath_tui.session_setup import session_for

if TYPE_CHECKING:
    from breath_tui.core.settings import Config

FLOWS = ("checkin", "scan", "resume", "now", "breathe", "history", "quit")


def _journal(app: Any) -> Any:
    """The app's journal, or None after saying on screen why it cannot be opened."""
    from breath_tui.journal import JournalError

    try:
        return app.journal
    except JournalError as error:
        app.notify(
            f"The journal cannot be opened: {error}", severity="error", timeout=15, markup=False
        )
        return None


def open_flow(app: Any, action: str, pattern: str | None = None) -> None:
    """Push the screen for `action` (one of FLOWS); `pattern` picks the breathing pattern."""
    config: Config = app.config
    if action in ("checkin", "scan", "resume", "history") and _journal(app) is None:
        return
    if action == "quit":
        app.exit()
    elif action in ("checkin", "scan", "resume"):
        from breath_tui.screens.checkin import CheckInScreen

        kind = "scan" if action == "scan" else "checkin"
        setup = session_for(config, config.checkin.pattern, config.checkin.minutes)
        app.push_screen(CheckInScreen(app.journal, kind, setup, config.body.regions))
    elif action == "now":
        from breath_tui.screens.quick import quick_calm_screen

        setup = session_for(config, config.quick.pattern, config.quick.minutes)
        app.push_screen(quick_calm_screen(app, setup))
    elif action == "breathe":
        from breath_tui.screens.breathe import BreathingScreen

        b = config.breathing
        setup = session_for(config, pattern or b.pattern, b.minutes, None if pattern else b.cycles)
        app.push_screen(
            BreathingScreen(setup, app.clock, app.reduced_motion), lambda _summary: setup.close()
        )
    elif action == "history":
        from breath_tui.screens.history import HistoryScreen

        app.push_screen(HistoryScreen(app.journal))
