"""A line of text that repaints only when its text changes: the breathing screen's word,
countdown and progress change at most once a second, though it ticks far more often."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from breath_tui.widgets.literal import literal


class Line(Static):
    """A Static showing `text` literally; setting the same text again does nothing.

    Args:
        text: the first text.
        collapse_empty: take no room while the text is empty (a notice line).
    """

    text: reactive[str] = reactive("", init=False)

    def __init__(self, text: str = "", *, collapse_empty: bool = False, id: str | None = None):
        super().__init__(literal(text), id=id)
        self.collapse_empty = collapse_empty
        self.set_reactive(Line.text, text)
        self.display = bool(text) or not collapse_empty

    def watch_text(self, text: str) -> None:
        """Show the new text."""
        self.update(literal(text))
        if self.collapse_empty:
            self.display = bool(text)
