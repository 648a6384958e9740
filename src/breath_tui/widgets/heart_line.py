"""The heart beside the breath: a live heart-rate line in braille dots, the latest heart rate
and the last breath's swing ("68 bpm · swing 11 bpm"), and that this is not a medical device.

A new beat (`show`) is drawn with the screen's next repaint: the breathing screen calls `flush`
on each of its ticks, which come several times a second, and a beat no tick has drawn within
`MOST_LAG` seconds (a paused session) is drawn then. So the beats cost no repaint of their own.
The line is redrawn only if the text it would draw has changed, or when its size changes.
Figures are shown, never judged.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.events import Resize
from textual.widgets import Static

from breath_tui.core.heart.line import braille_line, figures_line
from breath_tui.core.text import visible
from breath_tui.widgets.literal import literal

NOT_MEDICAL_LINE = "Not a medical device."
# Cells across the line at most: 36 cells hold the last 72 beats, about a minute.
MOST_WIDTH = 36
# A beat waits at most this long (seconds) for the screen's next tick to draw it.
MOST_LAG = 0.5


class HeartLine(Static):
    """Heart-rate line, figures and the not-a-medical-device line.

    Args:
        sensor: the sensor's label, shown after the figures as given (file or strap name).
        rows: braille rows of the line (4 dots of height each).
    """

    DEFAULT_CSS = """
    HeartLine {
        width: 100%;
        height: auto;
        text-align: center;
        color: $text-muted;
    }
    """

    def __init__(self, sensor: str = "", *, rows: int = 2, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.sensor = sensor
        self.rows = rows
        self.values: tuple[float, ...] = ()
        self.bpm: float | None = None
        self.swing: float | None = None
        self.waiting = "waiting for the first beats"
        self._drawn = ""
        self._pending = False
        self.redraws = 0
        """How many times the text changed (tests and the CPU budget)."""

    def show(
        self, values: Sequence[float], bpm: float | None, swing: float | None, note: str = ""
    ) -> None:
        """A new beat (or notice): the recent heart rates, the latest and the last swing.
        Drawn by the next `flush` (see the module docstring)."""
        self.values = tuple(values)
        self.bpm, self.swing = bpm, swing
        if note:
            self.waiting = note
        if not self._pending:
            self._pending = True
            if self.is_mounted:
                self.set_timer(MOST_LAG, self.flush)

    def flush(self) -> None:
        """Draw what `show` was handed since the last flush, if anything."""
        if self._pending:
            self._pending = False
            self._redraw()

    def text_for(self, width: int) -> str:
        """What the widget shows at `width` cells across."""
        across = max(1, min(MOST_WIDTH, width - 2))
        figures = figures_line(self.bpm, self.swing)
        if not self.values:
            figures = self.waiting.capitalize()
        last = NOT_MEDICAL_LINE
        if self.sensor:
            # The sensor's name gives way (cut at its start) before the notice does; measured
            # as shown (an escape in a strap's name is shown as \x1b, four cells).
            name = visible(self.sensor)
            room = max(0, width - len(last) - 3)
            name = name if len(name) <= room else "…" + name[-room + 1 :]
            last = f"{name} · {last}" if room > 1 else last
        return "\n".join([*braille_line(self.values, across, self.rows), figures, last])

    def _redraw(self) -> None:
        width = self.content_size.width or MOST_WIDTH + 2
        text = self.text_for(width)
        if text != self._drawn:
            # The same number of lines keeps the same size: repaint without a new layout.
            layout = text.count("\n") != self._drawn.count("\n") or not self._drawn
            self._drawn = text
            self.redraws += 1
            self.update(literal(text, keep_lines=True), layout=layout)

    def on_resize(self, event: Resize) -> None:
        """Fit the line to the new width."""
        self._redraw()

    def on_mount(self) -> None:
        """The first frame: an empty line, waiting for beats."""
        self._redraw()
