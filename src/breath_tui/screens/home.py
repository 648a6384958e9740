"""Home: one key for each thing breath-tui does, the crisis line, and an unfinished check-in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from breath_tui.core.settings import Config

# (key, action, label): the key works from anywhere on the screen; arrows and Enter work too.
CHOICES = (
    ("c", "checkin", "Start-of-session check-in"),
    ("n", "now", "Quick calm"),
    ("b", "breathe", "Breathing session"),
    ("s", "scan", "Body scan and feelings"),
    ("h", "history", "History, trends and summary"),
    ("o", "settings", "Settings"),
    ("q", "quit", "Quit"),
)


class HomeScreen(Screen[None]):
    """The first screen of `breath-tui`: choose by key, or by arrows and Enter."""

    CSS_PATH = "home.tcss"

    BINDINGS = [
        *(Binding(key, f"choose('{action}')", label, show=False) for key, action, label in CHOICES),
        Binding("r", "choose('resume')", "Resume", show=False),
    ]

    def compose(self) -> ComposeResult:
        """Title, the choices, the crisis line (the unfinished line is added after the first frame)."""
        config = self._config
        with Vertical(id="home"):
            yield Static("breath-tui", id="home-title", markup=False)
            details = {
                "now": _length(config.quick.pattern, config.quick.minutes),
                "breathe": _length(
                    config.breathing.pattern, config.breathing.minutes, config.breathing.cycles
                ),
            }
            self._prompts = {
                action: f"{key}  {label}" + (f" ({details[action]})" if action in details else "")
                for key, action, label in CHOICES
            }
            self._highlighted = CHOICES[0][1]  # the option list starts on the first choice
            options = [
                Option(literal(_marked(prompt, action == self._highlighted)), id=action)
                for action, prompt in self._prompts.items()
            ]
            yield OptionList(*options, id="home-choices", markup=False)
            yield Static("", id="home-unfinished", markup=False)
            yield Static("", id="home-status", markup=False)
        # Docked at the bottom: the crisis line stays in sight at any window size.
        with Vertical(id="home-footer"):
            yield Static(literal(config.safety.crisis_text), id="crisis")
            yield Static("breath-tui gives no medical advice.", id="no-advice", markup=False)

    def show_status(self, text: str) -> None:
        """How the last flow ended, on a line of its own (it stays until the next one)."""
        self.query_one("#home-status", Static).update(literal(text))

    @property
    def _config(self) -> Config:
        app: Any = self.app
        return app.config

    def on_mount(self) -> None:
        """Arrows move through the choices at once."""
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        """Back from a flow: what is unfinished may have changed. (Home is also resumed when
        it is first shown: the journal is still looked at only after the first frame.)"""
        self.call_after_refresh(self._look_for_unfinished)

    def _look_for_unfinished(self) -> None:
        from breath_tui.core.when import day_and_time
        from breath_tui.journal import JournalError

        app: Any = self.app
        line = self.query_one("#home-unfinished", Static)
        try:
            unfinished = app.journal.unfinished()
        except JournalError as error:
            line.update(literal(f"The journal cannot be opened: {error}"))
            return
        self.unfinished = unfinished
        line.update(
            f"r resumes the unfinished check-in of {day_and_time(unfinished.started_at)}."
            if unfinished is not None
            else ""
        )

    @on(OptionList.OptionHighlighted)
    def _mark(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted choice has a ▸ before it: seen without colour (NO_COLOR too)."""
        new = event.option.id
        if new is None or new == self._highlighted:
            return
        choices = event.option_list
        choices.replace_option_prompt(
            self._highlighted, literal(_marked(self._prompts[self._highlighted], False))
        )
        choices.replace_option_prompt(new, literal(_marked(self._prompts[new], True)))
        self._highlighted = new

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_choose(event.option.id)

    def action_choose(self, action: str) -> None:
        """Open what was chosen."""
        from breath_tui.screens.navigation import open_flow

        if action == "resume" and getattr(self, "unfinished", None) is None:
            return
        if action == "settings":
            from breath_tui.screens.settings import SettingsScreen

            config = self._config
            self.app.push_screen(SettingsScreen(config, config.path or _config_path()), self._saved)
            return
        open_flow(self.app, action)

    def _saved(self, config: Config | None) -> None:
        if config is None:
            return
        app: Any = self.app
        app.config = config
        if config.display.theme in app.available_themes:
            app.theme = config.display.theme
        app.set_reduced_motion(config.motion.reduced)
        # Recompose: labels, pattern names and the crisis line all follow the new settings.
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_recompose)

    def _after_recompose(self) -> None:
        """The new choices take the arrows, as on first opening; the journal is looked at again."""
        self.query_one(OptionList).focus()
        self._look_for_unfinished()


def _marked(prompt: str, highlighted: bool) -> str:
    return f"{'▸' if highlighted else ' '} {prompt}"


def _length(pattern: str, minutes: float | None, cycles: int | None = None) -> str:
    if cycles:
        return f"{pattern}, {cycles} breaths"
    return f"{pattern}, {minutes or 2:g} min"


def _config_path() -> Path:
    from breath_tui.core.locations import config_path

    return config_path()
