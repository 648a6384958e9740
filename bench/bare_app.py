"""Reference apps: a bare Textual app that paints once, or repaints a Static at 30 fps."""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """A Static saying 'ready'; with repaint=True it changes 30 times a second."""

    def __init__(self, repaint: bool) -> None:
        super().__init__()
        self.repaint = repaint
        self.frames = 0

    def compose(self) -> ComposeResult:
        yield Static("ready", id="text")

    def on_mount(self) -> None:
        if self.repaint:
            self.set_interval(1 / 30, self._frame)

    def _frame(self) -> None:
        self.frames += 1
        self.query_one("#text", Static).update(f"ready {self.frames}")


if __name__ == "__main__":
    BareApp(repaint="--repaint" in sys.argv).run()
