"""The Textual app: loads app.tcss and opens the screen for the command it was started with."""

from __future__ import annotations

import asyncio
import gc
import inspect
import signal
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.app import App
from textual.binding import Binding
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from breath_tui.core.clock import Clock, MonotonicClock
from breath_tui.core.settings import Config
from breath_tui.core.text import visible

if TYPE_CHECKING:
    from breath_tui.journal import Journal
    from breath_tui.screens.breathe import PhaseTrace
    from breath_tui.session_setup import SessionSetup

# Black, white and one bright accent: every text at the strongest contrast a terminal can show.
HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF6060",
    dark=True,
    variables={"text-muted": "#FFFFFF", "footer-key-foreground": "#FFFF00"},
)


@runtime_checkable
class KeepsDrafts(Protocol):
    """A flow that can keep what was entered so far when the app is ended from outside."""

    def save_draft(self) -> None:
        """Save what was entered, unfinished, so the flow resumes there."""


StartScreen = Callable[["BreathApp"], Screen[Any]]
"""Makes the first screen (e.g. the check-in flow) once the app exists."""


def _breath_commands() -> Any:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from breath_tui.screens.palette import BreathCommands

    return BreathCommands


class BreathApp(App[None]):
    """breath-tui's full-screen UI: a breathing session, or the screen `start` makes.

    Args:
        setup: the breathing session (for a check-in: its breathing step); None for a scan.
        reduced_motion: a guide with no motion (also when TEXTUAL_ANIMATIONS=none).
        clock: monotonic time; tests pass a ManualClock.
        trace: records when phase changes reach the screen (benchmarks).
        start: makes the first screen instead of the breathing screen.
        config: the settings (config.toml).
        first_screen: the class of the screen `start` makes, whose stylesheets are read with
            the app's own.
    """

    CSS_PATH = "app.tcss"
    TITLE = "breath-tui"
    # ctrl+p: patterns, screens and settings as commands, beside Textual's own (themes, keys).
    COMMANDS = App.COMMANDS | {lambda: _breath_commands()}
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", show=False, priority=True)]

    def __init__(
        self,
        setup: SessionSetup | None = None,
        reduced_motion: bool = False,
        clock: Clock | None = None,
        trace: PhaseTrace | None = None,
        start: StartScreen | None = None,
        config: Config | None = None,
        first_screen: type[Screen[Any]] | None = None,
    ) -> None:
        # The first screen's own stylesheets are read with app.tcss, in one parse before the
        # first frame, instead of a second parse when the screen is installed.
        if first_screen is None and start is None:
            from breath_tui.screens.breathe import BreathingScreen

            first_screen = BreathingScreen
        paths = [Path(__file__).parent / "app.tcss"]
        if first_screen is not None:
            paths.extend(css_paths(first_screen))
        super().__init__(css_path=paths)
        self.register_theme(HIGH_CONTRAST)
        self.config = config or Config()
        self._journal: Journal | None = None
        self.setup = setup
        self._reduced_motion = reduced_motion
        self.clock = clock or MonotonicClock()
        self.trace = trace
        self.start = start
        self.summary_text: str | None = None
        self._cover: Screen[Any] | None = None  # the "make the window larger" message, if shown

    @property
    def reduced_motion(self) -> bool:
        """No motion: --reduced-motion, the setting, or TEXTUAL_ANIMATIONS=none."""
        return self._reduced_motion or self.animation_level == "none"

    def get_default_screen(self) -> Screen[Any]:
        """Breathing is the first screen, so the very first frame already guides."""
        if self.start is not None:
            screen = self.start(self)
            # Textual loads a screen's CSS_PATH when the screen is pushed, not for the default
            # screen; load it here so a flow started from the command line is styled too.
            self._load_screen_css(screen)
            return screen
        from breath_tui.screens.breathe import BreathingScreen

        assert self.setup is not None, "a breathing session needs a setup"
        return BreathingScreen(
            self.setup, self.clock, self.reduced_motion, trace=self.trace, on_done=self._finished
        )

    def on_mount(self) -> None:
        """The theme from config.toml (checked before the app starts: see check_theme)."""
        if self.config.display.theme in self.available_themes:
            self.theme = self.config.display.theme
        # The command line held the cyclic collector back for start-up (see cli.main).
        self.call_after_refresh(gc.enable)
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.end_from_outside)

    def end_from_outside(self) -> None:
        """SIGTERM or SIGHUP (the terminal closed): keep what every open flow has entered, as
        unfinished, then end as if asked, so the terminal is given back in its normal state
        (not left in the alternate screen with mouse reporting on)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, KeepsDrafts):
                screen.save_draft()
        self.exit()

    def on_resize(self, event: Resize) -> None:
        """Below 40x12 every screen but breathing (which says so itself, breathing on) is
        covered by a 'make the window larger' message, which goes when the window grows."""
        from breath_tui.screens import MIN_HEIGHT, MIN_WIDTH

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        if small and self._cover is None and not getattr(self.screen, "SAYS_WHEN_TOO_SMALL", False):
            from breath_tui.screens.overlays import TooSmallScreen

            self._cover = TooSmallScreen()
            self.push_screen(self._cover)
        elif not small and self._cover is not None:
            if self.screen is self._cover:  # (Esc may have closed it already)
                self.pop_screen()
            self._cover = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notice, always as plain text: notices carry file names, errors and the person's
        words, which must never be run as markup (whatever a caller passes as `markup`)."""
        super().notify(
            visible(message, keep_lines=True),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def copy_to_clipboard(self, text: str) -> None:
        """Copy with OSC 52, control characters shown as escapes: a note holding an
        end-of-paste marker and a command must not inject input when it is pasted."""
        super().copy_to_clipboard(visible(text, keep_lines=True))

    def set_reduced_motion(self, reduced: bool) -> None:
        """Follow the motion setting from now on (sessions started later use it)."""
        self._reduced_motion = reduced

    @property
    def journal(self) -> Journal:
        """The journal, opened on first use (never before the first frame is painted)."""
        if self._journal is None:
            from breath_tui.journal import Journal

            # The terminal belongs to the app now: a damaged journal moved aside is told on screen.
            self._journal = Journal(
                report=lambda text: self.notify(text, severity="warning", timeout=20, markup=False)
            )
        return self._journal

    def close_journal(self) -> None:
        """Close the journal if it was opened."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def end_flow(self, screen: Screen[Any]) -> None:
        """A flow (check-in, scan, history, quick calm) is over.

        When it was the first screen, quit (its summary_text is printed on the way out);
        otherwise go back to the screen it was opened from and say how it ended.
        """
        if self.screen_stack and self.screen_stack[0] is screen:
            self.exit()
            return
        while len(self.screen_stack) > 1 and screen in self.screen_stack:
            self.pop_screen()
        if self.summary_text:
            # A status line on the screen we return to (home has one) rather than a pop-up
            # that would cover the crisis line.
            show_status = getattr(self.screen, "show_status", None)
            if callable(show_status):
                show_status(self.summary_text)
            else:
                self.notify(self.summary_text, timeout=5, markup=False)
            self.summary_text = None

    def action_leave(self) -> None:
        """ctrl+q: the way out of the nearest screen that has one (a check-in asks what to keep,
        also from its breathing step), else quit."""
        for screen in reversed(self.screen_stack):
            leave = getattr(screen, "action_leave", None)
            if callable(leave):
                leave()
                return
        self.exit()

    def _finished(self, summary: str) -> None:
        self.summary_text = summary
        self.exit()


def css_paths(screen: type[Screen[Any]]) -> list[Path]:
    """The stylesheets a screen class names in CSS_PATH, as Textual finds them (beside its module)."""
    names = screen.CSS_PATH
    if names is None:
        return []
    folder = Path(inspect.getfile(screen)).parent
    return [folder / name for name in ([names] if isinstance(names, str | PurePath) else names)]


def check_theme(app: BreathApp) -> None:
    """Refuse an unknown [display] theme before the app starts, naming file and line.

    Raises:
        ConfigError: the theme is not one Textual or breath-tui provides.
    """
    theme = app.config.display.theme
    if theme in app.available_themes:
        return
    from breath_tui.core.config_file import line_of
    from breath_tui.core.settings import ConfigError

    path = app.config.path
    line = (
        line_of(path.read_text(encoding="utf-8"), "display", "theme")
        if path and path.exists()
        else None
    )
    where = f"{path}, line {line}" if line else str(path)
    names = ", ".join(sorted(app.available_themes))
    raise ConfigError(f"{where}: display.theme {theme!r} is not a theme; use one of {names}")
