"""A heart-rate sensor read beside a breathing guide: the worker, the figures, the heart line.

A screen with a sensor makes a HeartFeed, yields its HeartLine, and calls `start` when its clock
starts. The sensor's events are read in an async worker on the screen (the sensor waits on the
screen's clock, so a ManualClock drives it in tests); each goes to `BreathHeart.feed`, then the
heart line is handed the new figures (it redraws only if they changed). A notice (lost contact,
a drop) goes to the screen's notice line once; breathing goes on, and a strap reconnects by
itself. Closing the screen stops the sensor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from breath_tui.core.clock import Clock
from breath_tui.core.heart.breathing import BreathHeart
from breath_tui.core.heart.events import SensorEvent
from breath_tui.widgets.heart_line import HeartLine

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from breath_tui.core.checkin import Heart
    from breath_tui.heart.sensors import HeartSensor
    from breath_tui.heart.source import SensorSource


class HeartFeed:
    """One sensor for one screen (see the module docstring).

    Args:
        source: the sensor to open.
        keep_intervals: keep the raw intervals on the journal entry ([heart] keep_intervals).
        rows: braille rows of the heart line.
    """

    def __init__(self, source: SensorSource, *, keep_intervals: bool = False, rows: int = 2):
        self.source = source
        self.keep_intervals = keep_intervals
        self.line = HeartLine(source.label, rows=rows, id="heart")
        self.heart: BreathHeart | None = None
        self.sensor: HeartSensor | None = None
        self.on_event: Callable[[SensorEvent], None] | None = None
        """Also told of every event (the assessment keeps its beats)."""

    def start(
        self,
        screen: DOMNode,
        clock: Clock,
        cycle_at: Callable[[float], int],
        say: Callable[[str], None],
    ) -> None:
        """Open the sensor on the screen's clock and read it in a worker."""
        if self.sensor is not None:
            return
        self.heart = BreathHeart(self.source.label, cycle_at, keep_intervals=self.keep_intervals)
        self._say = say
        try:
            self.sensor = self.source.open(clock)
        except Exception as error:  # [heart] sensor's file gone, no bleak: breathing goes on
            say(f"No heart rate this time: {error}. Breathing goes on.")
            self.line.show((), None, None, "no sensor")
            return
        screen.run_worker(self._read(), group="heart", exit_on_error=False)

    async def _read(self) -> None:
        assert self.sensor is not None
        try:
            async for event in self.sensor.events():
                self.handle(event)
        except Exception as error:  # a strap's stack can fail in many ways: breathing goes on
            self._say(
                f"The heart-rate sensor stopped ({error or type(error).__name__}). "
                "Breathing goes on."
            )

    def handle(self, event: SensorEvent) -> None:
        """One event: the figures, a notice if it brings one, the heart line."""
        assert self.heart is not None
        said = self.heart.feed(event)
        if self.on_event is not None:
            self.on_event(event)
        if said:
            self._say(said)
        self.line.show(self.heart.recent_bpm(), self.heart.bpm, self.heart.swing)

    async def stop(self) -> None:
        """Close the sensor (the worker's loop then ends)."""
        if self.sensor is not None:
            await self.sensor.close()

    def figures(self, finished_at: float | None = None) -> Heart | None:
        """The journal's `heart` object for the session so far, or None without beats.

        Args:
            finished_at: when the session breathed its last breath to the end (that breath
                is then scored too); None for a session stopped part way.
        """
        return self.heart.figures(finished_at) if self.heart is not None else None
