"""A live stepped-protocol assessment, pure: what the assessment screen keeps while it runs.

The screen owns the clock, the pacer and the sensor; it hands every sensor event to `feed` and
calls `tick(now)` on its frame timer. This keeps the beats (protocol time, interval) for the
analysis at the end, and a HeartTracker whose breaths are the protocol's, so the screen can show
each breath's swing and the heart line as they happen.

At the end: `breath_tui.heart.analysis.analyse_beats(*live.beats(), live.protocol, label)`.
"""

from __future__ import annotations

import bisect

from breath_tui.core.heart.events import Beat, SensorEvent
from breath_tui.core.heart.protocol import Segment, SteppedProtocol
from breath_tui.core.heart.tracker import BreathSwing, HeartTracker

# Beats kept for the analysis: a 10-minute protocol has about 700; this bounds a runaway sensor.
MAX_BEATS = 20_000


class LiveAssessment:
    """Beats and breath swings of one run of the protocol, started at clock time `start`."""

    def __init__(self, protocol: SteppedProtocol, sensor: str, start: float) -> None:
        self.protocol = protocol
        self.start = start
        self.tracker = HeartTracker(sensor)
        self.swings: list[tuple[float, BreathSwing]] = []
        self._times: list[float] = []
        self._intervals: list[float] = []
        self._bounds = [
            start + bound[0] for segment in protocol.segments for bound in segment.breath_bounds()
        ]
        self._bounds.append(start + protocol.duration_s)
        self._next_bound = 0

    def segment_at(self, now: float) -> Segment | None:
        """The rate being breathed at clock time `now`, or None outside the protocol."""
        return self.protocol.segment_at(now - self.start)

    def breath_index(self, t: float) -> int:
        """Which of the protocol's breaths clock time `t` falls in (0 for the first, counted
        across every rate; the number of breaths after the end)."""
        return bisect.bisect_right(self._bounds, t) - 1 if t >= self.start else -1

    def finished(self, now: float) -> bool:
        """The last segment has ended."""
        return now - self.start >= self.protocol.duration_s

    def tick(self, now: float) -> list[BreathSwing]:
        """Close every breath whose end has passed; return the swings of those scored."""
        closed: list[BreathSwing] = []
        while self._next_bound < len(self._bounds) and self._bounds[self._next_bound] <= now:
            bound = self._bounds[self._next_bound]
            self._next_bound += 1
            swing = self.tracker.breath_boundary(bound)
            if swing is not None:
                segment = self.segment_at(swing.started_at)
                self.swings.append((segment.rate if segment else 0.0, swing))
                closed.append(swing)
        return closed

    def feed(self, event: SensorEvent) -> list[BreathSwing]:
        """Take a sensor event; returns swings of breaths that ended before it (see tick)."""
        closed = self.tick(event.t) if isinstance(event, Beat) else []
        self.tracker.feed(event)
        if isinstance(event, Beat) and len(self._times) < MAX_BEATS:
            at = event.t - self.start
            if 0.0 <= at <= self.protocol.duration_s:
                self._times.append(at)
                self._intervals.append(event.rr_ms)
        return closed

    def beats(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """(times from the protocol's start in seconds, intervals in ms): the analysis's input."""
        return tuple(self._times), tuple(self._intervals)

    def mean_swing(self, rate: float) -> float | None:
        """Mean swing so far of the breaths scored at a rate (the live table), or None."""
        values = [swing.swing_bpm for at_rate, swing in self.swings if at_rate == rate]
        return sum(values) / len(values) if values else None
