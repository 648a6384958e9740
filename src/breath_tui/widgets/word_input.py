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
