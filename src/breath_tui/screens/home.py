"""Home: one key for each thing breath-tui does, the crisis line, and an unfinished check-in."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

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
    """The first screen of `breath-tui`: choose, by key or by arrows and Enter."""

    BINDINGS = [
        Binding(key, f"choose('{action}')", label, show=False) for key, action, label in CHOICES
    ]
    BINDINGS.append(Binding("r", "choose('resume')", "Resume", show=False))
    BINDINGS.append(Binding("escape", "choose('quit')", "Quit", show=False))

    @dataclass
    class Chosen(Message):
        """The person chose `action` (checkin, now, breathe, scan, history, settings, resume, quit)."""

        action: str

    def __init__(
        self, crisis_text: str, quick_label: str, breathe_label: str, unfinished: str | None = None
    ) -> None:
        super().__init__()
        self.crisis_text = crisis_text
        self.details = {"now": quick_label, "breathe": breathe_label}
        self.unfinished = unfinished

    def compose(self) -> ComposeResult:
        """Title, the choices, an unfinished check-in if any, the crisis line."""
        with Vertical(id="home"):
            yield Static("breath-tui", id="home-title", markup=False)
            options = []
            for key, action, label in CHOICES:
                detail = self.details.get(action)
                text = f"{key}  {label}" + (f" ({detail})" if detail else "")
                options.append(Option(text, id=action))
            yield OptionList(*options, id="home-choices", markup=False)
            if self.unfinished:
                yield Static(
                    f"An unfinished check-in from {self.unfinished}: r resumes it.",
                    id="home-unfinished",
                    markup=False,
                )
            yield Static(self.crisis_text, id="crisis", markup=False)

    def on_mount(self) -> None:
        """Arrows move through the choices at once."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def action_choose(self, action: str) -> None:
        """A key was pressed for `action`."""
        if action == "resume" and not self.unfinished:
            return
        self.post_message(self.Chosen(action))
