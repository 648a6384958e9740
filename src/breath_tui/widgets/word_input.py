"""A one-line box for a word of one's own (a sensation, a feeling)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class WordInput(Input):
    """A one-line box for a word of one's own; Esc gives the keys back to the list."""

    BINDINGS = [Binding("escape", "stop_typing", show=False)]

    def action_stop_typing(self) -> None:
        """Clear the box and go back to the list."""
        self.value = ""
        self.post_message(self.Submitted(self, ""))


def put_back(box: Input, text: str) -> None:
    """Offer `text` back in `box` (what was being typed when the app was ended from outside),
    to be typed on from: the cursor after it, and not selected when the box takes focus, so a
    key goes on from it instead of over it. Whoever takes the box's text sets
    `select_on_focus` back to True."""
    box.select_on_focus = False
    box.value = text
    box.cursor_position = len(text)
