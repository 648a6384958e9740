"""The Textual app: one flow of the registry (flows.py) as its first screen, or home.

It offers its screens what screens/base.py names: the settings, the clock, motion, the journal
(opened on first use, from a worker thread), flows to open, and the cover for a window too small.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import os
import signal
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from breath_tui.core.clock import Clock, session_clock
from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped, visible
from breath_tui.flows import FlowOptions, flow_named
from breath_tui.screens.base import BreathModal, BreathScreen, Outcome

if TYPE_CHECKING:
    from breath_tui.core.settings import Config
    from breath_tui.journal import Journal
    from breath_tui.screens.breathe import PhaseTrace

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

INTERACTIVE_BUSY_SECONDS = 2.0
"""How long a save from a screen waits for another copy of breath-tui to free the journal before
it says so (and keeps what was entered): long enough for any other copy's save, short enough
not to leave the person wondering."""


def _breath_commands() -> Any:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from breath_tui.screens.palette import BreathCommands

    return BreathCommands


class BreathApp(App[Outcome]):
    """breath-tui's full-screen UI.

    Args:
        config: the settings (config.toml).
        start: the flow on the first screen (flows.FLOWS), or "home".
        options: what the command line asked of that flow.
        clock: monotonic time; tests pass a ManualClock.
        trace: records when phase changes reach the screen (benchmarks).
        journal: an open journal to use (tests pass one on a manual clock); by default the
            journal is opened on first use.
    """

    TITLE = "breath-tui"
    # ctrl+p: screens, patterns and toggles first, then Textual's own (themes, keys), all from
    # one provider so that the order holds (screens/palette.py).
    COMMANDS = {lambda: _breath_commands()}
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", show=False, priority=True)]

    def __init__(
        self,
        config: Config,
        start: str = "home",
        options: FlowOptions | None = None,
        clock: Clock | None = None,
        trace: PhaseTrace | None = None,
        journal: Journal | None = None,
    ) -> None:
        self.start = start
        # The first screen's own stylesheets are read with app.tcss, in one parse before the
        # first frame (Textual reads a pushed screen's CSS_PATH itself, not the first one's).
        first = _home_screen() if start == "home" else flow_named(start).screen()
        super().__init__(css_path=[Path(__file__).parent / "app.tcss", *css_paths(first)])
        self.register_theme(HIGH_CONTRAST)
        self.config = config
        self.options = options = options or FlowOptions()
        self.clock: Clock = clock or session_clock()
        self.trace = trace
        self._reduced_motion = options.reduced_motion or config.motion.reduced
        self._journal: Journal | None = journal
        self._journal_lock = threading.Lock()
        self._journal_readonly = start != "home" and flow_named(start).journal == "read"
        self._cover: Screen[Any] | None = None  # the "make the window larger" message, if shown

    @property
    def reduced_motion(self) -> bool:
        """No motion: --reduced-motion, the setting, or TEXTUAL_ANIMATIONS=none."""
        return self._reduced_motion or self.animation_level == "none"

    def set_reduced_motion(self, reduced: bool) -> None:
        """Follow the motion setting from now on (sessions started later use it)."""
        self._reduced_motion = reduced

    def get_default_screen(self) -> Screen[Any]:
        """Home, or the first flow, so the very first frame already shows it."""
        if self.start == "home":
            from breath_tui.screens.home import HomeScreen

            return HomeScreen()
        return flow_named(self.start).build(self, self.options)

    def on_mount(self) -> None:
        """The theme from config.toml (checked before the app starts: see check_theme)."""
        if self.config.display.theme in self.available_themes:
            self.theme = self.config.display.theme
        # The command line held the cyclic collector back for start-up (cli.collector_held).
        self.call_after_refresh(gc.enable)
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.end_from_outside)

    def open_flow(self, name: str, options: FlowOptions | None = None) -> None:
        """Open a flow over the current screen; when it ends, that screen is told how."""
        below = self.screen
        screen = flow_named(name).build(self, options or FlowOptions())

        def returned(outcome: Outcome | None) -> None:
            if isinstance(below, BreathScreen):
                below.flow_returned(outcome or Outcome())

        self.push_screen(screen, returned)

    def apply_settings(self, config: Config) -> None:
        """New settings, saved: the theme and motion follow at once, sessions started later
        use the rest."""
        self.config = config
        if config.display.theme in self.available_themes:
            self.theme = config.display.theme
        self.set_reduced_motion(config.motion.reduced)

    def end_from_outside(self) -> None:
        """SIGTERM or SIGHUP (the terminal closed): keep what every open flow has entered, as
        unfinished, then end as if asked, so the terminal is given back in its normal state
        (not left in the alternate screen with mouse reporting on)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, BreathScreen):
                screen.save_draft()
        self.exit()

    def on_resize(self, event: Resize) -> None:
        """Below 40x12 every screen but those that cope (breathing says so itself, breathing
        on; quick calm and its rating fit themselves to the window) is covered by a 'make the window larger' message, which goes when the window grows."""
        from breath_tui.screens import MIN_HEIGHT, MIN_WIDTH

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        screen = self.screen
        covered = (
            not isinstance(screen, BreathScreen | BreathModal) or screen.COVERED_WHEN_TOO_SMALL
        )
        if small and self._cover is None and covered:
            from breath_tui.screens.dialogs import TooSmallScreen

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

    def send_to_clipboard(self, text: str, what: str = "The card") -> None:
        """Copy `text` (OSC 52) and say honestly what was done: the terminal may ignore it."""
        self.copy_to_clipboard(text)
        self.notify(
            f"{what} was sent to the clipboard (your terminal must allow it). "
            "f saves it to a file instead.",
            timeout=6,
        )

    def save_to_file(self, text: str, stem: str) -> None:
        """Save `text` to a new private file in the data folder, and say where (the fallback
        for a terminal that does not pass copies to the clipboard). Control characters are
        saved as the screen shows them (escapes as text): `cat` on the file must not run a
        note's escape sequences."""
        text = visible(text, keep_lines=True)
        from breath_tui.core.locations import data_dir, ensure_private_dir
        from breath_tui.core.private_files import write_privately
        from breath_tui.core.when import local_now

        folder = data_dir() / "cards"
        try:
            ensure_private_dir(folder)
            stamp = local_now().strftime("%Y%m%d-%H%M%S")
            for number in range(1, 100):
                path = folder / f"{stem}-{stamp}{'' if number == 1 else f'-{number}'}.txt"
                try:
                    write_privately(path, lambda out: out.write(text), replace=False)
                    break
                except FileExistsError:
                    continue
        except OSError as error:
            self.notify(f"Not saved: {error.strerror or error}", severity="error", timeout=10)
            return
        self.notify(f"Saved to {path} (only you can read it).", timeout=15)

    def call_from_thread_if_running(
        self, callback: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> None:
        """Run callback on the event loop from a worker thread; nothing once the app has ended
        (a save finishing as the app quits)."""
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(partial(callback, *args, **kwargs))

    @property
    def journal(self) -> Journal:
        """The journal, opened on first use (never before the first frame is painted). Any
        thread may ask; screens ask from their journal workers."""
        with self._journal_lock:
            if self._journal is None:
                from breath_tui.journal import Journal

                # The terminal belongs to the app now: what the journal reports (a damaged file
                # moved aside, a folder open to others) is a notice on screen.
                self._journal = Journal(
                    report=self._report_from_journal,
                    readonly=self._journal_readonly,
                    busy_timeout=INTERACTIVE_BUSY_SECONDS,
                )
            return self._journal

    def _report_from_journal(self, text: str) -> None:
        if threading.current_thread() is threading.main_thread():
            self.notify(text, severity="warning", timeout=20)
        else:
            self.call_from_thread_if_running(self.notify, text, severity="warning", timeout=20)

    def close_journal(self) -> None:
        """Close the journal if it was opened."""
        with self._journal_lock:
            if self._journal is not None:
                self._journal.close()
                self._journal = None

    def action_leave(self) -> None:
        """ctrl+q: the way out of the nearest screen that has one (a check-in asks what to keep,
        also from its breathing step), else quit."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, BreathScreen) and screen.leave():
                return
        self.exit()


def _home_screen() -> type[Screen[Any]]:
    from breath_tui.screens.home import HomeScreen

    return HomeScreen


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
    problem = theme_problem(app)
    if problem is not None:
        from breath_tui.core.settings import ConfigError

        names = ", ".join(sorted(app.available_themes))
        raise ConfigError(f"{problem}; use one of {names}")


def theme_problem(app: BreathApp) -> str | None:
    """What is wrong with the [display] theme, naming file and line (None: nothing)."""
    theme = app.config.display.theme
    if theme in app.available_themes:
        return None
    from breath_tui.core.config_file import line_of

    path = app.config.path
    line = (
        line_of(path.read_text(encoding="utf-8"), "display", "theme")
        if path and path.exists()
        else None
    )
    where = f"{path}, line {line}" if line else str(path)
    return visible(f"{where}: display.theme {clipped(repr(theme))} is not a theme")


def _never_fails(start: str) -> bool:
    command = flow_named(start).command if start != "home" else None
    return command is not None and command.never_fails


def needs_terminal(start: str) -> None:
    """A full-screen flow needs a terminal to draw on and take keys from; say so at once (a
    Textual app on a closed standard input would spin on a whole core and never end).

    Raises:
        BadInput: standard input or output is not a terminal (the browser's driver excepted).
    """
    if os.environ.get("TEXTUAL_DRIVER"):  # textual-serve runs the app for a browser tab
        return
    for stream, name in ((sys.stdin, "input"), (sys.stdout, "output")):
        if not stream.isatty():
            command = "breath-tui" if start == "home" else f"breath-tui {start}"
            raise BadInput(
                f"{command} is full screen, but standard {name} is not a terminal; run it in "
                "a terminal (breathe, now and history print plain lines to a pipe)"
            )


def run_flow(start: str, options: FlowOptions, config: Config, clock: Clock | None = None) -> int:
    """Run the full-screen app with `start` (a flow, or "home") first; print how it ended.

    A flow that writes to the journal opens it before the terminal is taken over, so a journal
    that cannot be opened is one line on stderr (exit 1 or 2), not a message inside the app.

    Returns:
        The exit status: 0 when the flow ends, whatever way the person chose.
    """
    app = BreathApp(config, start, options, clock=clock)
    forgiving = _never_fails(start)
    forgiven = theme_problem(app) if forgiving else None
    if forgiven is not None:
        # Quick calm starts whatever config.toml says: in the default theme, saying so on
        # screen (the file by its name) and, once the screen is given back, with its path.
        from breath_tui.core.config import briefly

        app.config.display.theme = "textual-dark"
        forgiven += "; the default theme is used."
        said = briefly(forgiven, app.config.path or Path())
        app.options = app.options._replace(notice=app.options.notice or said)
    check_theme(app)
    try:
        # The journal is opened before the terminal is taken over, so a journal that cannot be
        # opened is one line, not a message inside the app; quick calm breathes first anyway.
        if not forgiving and start != "home" and flow_named(start).journal == "write":
            app.journal  # noqa: B018 (opens it)
        needs_terminal(start)  # after the config and journal, whose errors say more
        app.run()
    finally:
        app.close_journal()
        if options.setup is not None:
            options.setup.close()
    outcome = app.return_value
    if outcome is not None and outcome.line:
        print(visible(outcome.line))  # it may name a file (settings, the plan): shown, not sent
    if forgiven:
        print(forgiven, file=sys.stderr)
    return app.return_code or 0
