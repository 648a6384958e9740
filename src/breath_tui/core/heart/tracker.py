"""The heart beside the breath, live: each breath's heart-rate swing and the session's figures.

Fed beats (RR intervals stamped with the session clock) and breath boundaries (the start of each
breath in), it gives each breath's swing, peak minus trough of the beat-to-beat heart rate, and
keeps running figures for the journal's `heart` object. Pure and O(1) per beat, so a screen can
call it on every beat without the science stack.

Artifacts, online: an interval outside 250-2500 ms, or more than 25% away from the median of the
last 9 accepted intervals, is left out (a median-deviation rule; the offline analysis corrects
artifacts more carefully). After 5 rejections in a row the reference restarts, so a real change
of pace is never locked out. A rejected beat, lost contact or a dropped connection breaks the
chain of successive differences that RMSSD is made of, and the breath in which it happened is not
scored.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from dataclasses import dataclass

from breath_tui.core.heart.events import (
    Beat,
    ContactLost,
    Disconnected,
    NoIntervals,
    SensorEvent,
)
from breath_tui.core.heart.recording import is_artifact

REFERENCE_BEATS = 9
MAX_DEVIATION = 0.25
RESTART_AFTER_REJECTIONS = 5
HISTORY_S = 120.0


@dataclass(frozen=True)
class HeartSummary:
    """A session's heart figures: the interchange format's `heart` object.

    Attributes:
        sensor: what measured it, e.g. "Polar H10 A1B2C3D4" or "replay:rec.txt".
        mean_bpm: beats counted per minute of accepted intervals (60000 / mean RR).
        swing_bpm: mean peak-to-trough heart rate per scored breath; 0.0 before any breath ends.
        rmssd_ms: root mean square of successive differences of accepted intervals.
        beats: accepted beats.
    """

    sensor: str
    mean_bpm: float
    swing_bpm: float
    rmssd_ms: float
    beats: int

    def to_json(self) -> dict[str, object]:
        """The `heart` object of the interchange format, figures to one decimal."""
        return {
            "sensor": self.sensor,
            "mean_bpm": round(self.mean_bpm, 1),
            "swing_bpm": round(self.swing_bpm, 1),
            "rmssd_ms": round(self.rmssd_ms, 1),
            "beats": self.beats,
        }


@dataclass(frozen=True)
class BreathSwing:
    """One scored breath: how far the heart rate rose and fell while it lasted."""

    started_at: float
    ended_at: float
    low_bpm: float
    high_bpm: float
    beats: int

    @property
    def swing_bpm(self) -> float:
        """Peak minus trough, in beats a minute."""
        return self.high_bpm - self.low_bpm


class HeartTracker:
    """Running heart figures for one session (see the module docstring for the rules)."""

    def __init__(self, sensor: str, *, history_s: float = HISTORY_S) -> None:
        self.sensor = sensor
        self.history_s = history_s
        self.beats = 0
        self.rejected = 0
        self.last_swing: BreathSwing | None = None
        self.no_intervals = False
        self._reference: deque[float] = deque(maxlen=REFERENCE_BEATS)
        self._rejections_in_a_row = 0
        self._rr_total = 0.0
        self._previous_rr: float | None = None
        self._squares = 0.0
        self._differences = 0
        self._swing_total = 0.0
        self._swings = 0
        self._breath_start: float | None = None
        self._breath_low = math.inf
        self._breath_high = -math.inf
        self._breath_beats = 0
        self._breath_spoiled = False
        self._history: deque[tuple[float, float]] = deque()

    def feed(self, event: SensorEvent) -> bool:
        """Take any sensor event; True when it was a beat that counted."""
        if isinstance(event, Beat):
            return self.add_beat(event)
        if isinstance(event, ContactLost | Disconnected):
            self.interrupt()
        elif isinstance(event, NoIntervals):
            self.no_intervals = True
        return False

    def add_beat(self, beat: Beat) -> bool:
        """Count one beat unless it is an artifact; True when it counted."""
        if not self._acceptable(beat.rr_ms):
            self.rejected += 1
            self._rejections_in_a_row += 1
            self._previous_rr = None
            self._breath_spoiled = True
            if self._rejections_in_a_row >= RESTART_AFTER_REJECTIONS:
                self._reference.clear()
            return False
        self._rejections_in_a_row = 0
        self._reference.append(beat.rr_ms)
        self.beats += 1
        self._rr_total += beat.rr_ms
        if self._previous_rr is not None:
            self._squares += (beat.rr_ms - self._previous_rr) ** 2
            self._differences += 1
        self._previous_rr = beat.rr_ms
        bpm = beat.bpm
        if self._breath_start is not None and beat.t >= self._breath_start:
            self._breath_low = min(self._breath_low, bpm)
            self._breath_high = max(self._breath_high, bpm)
            self._breath_beats += 1
        self._history.append((beat.t, bpm))
        while self._history and self._history[0][0] < beat.t - self.history_s:
            self._history.popleft()
        return True

    def _acceptable(self, rr_ms: float) -> bool:
        if is_artifact(rr_ms):
            return False
        if len(self._reference) < 3:
            return True
        median = statistics.median(self._reference)
        return abs(rr_ms - median) <= MAX_DEVIATION * median

    def interrupt(self) -> None:
        """Contact lost or connection dropped: the next beat pairs with none before it."""
        self._previous_rr = None
        self._breath_spoiled = True

    def breath_boundary(self, t: float) -> BreathSwing | None:
        """A breath in starts at t: close the breath before it and return its swing.

        Returns:
            The closed breath's swing, or None for the first boundary, a breath with fewer than
            two counted beats, or one spoiled by an artifact or an interruption.
        """
        closed: BreathSwing | None = None
        if self._breath_start is not None and self._breath_beats >= 2 and not self._breath_spoiled:
            closed = BreathSwing(
                self._breath_start, t, self._breath_low, self._breath_high, self._breath_beats
            )
            self._swing_total += closed.swing_bpm
            self._swings += 1
            self.last_swing = closed
        self._breath_start = t
        self._breath_low, self._breath_high = math.inf, -math.inf
        self._breath_beats = 0
        self._breath_spoiled = False
        return closed

    @property
    def latest_bpm(self) -> float | None:
        """The heart rate of the last counted beat, or None before any."""
        return self._history[-1][1] if self._history else None

    @property
    def breaths_scored(self) -> int:
        """Breaths whose swing counts towards the mean."""
        return self._swings

    def recent(self, since: float) -> tuple[tuple[float, float], ...]:
        """(time, bpm) of each counted beat at or after `since`, oldest first: the heart line."""
        return tuple(point for point in self._history if point[0] >= since)

    def summary(self) -> HeartSummary | None:
        """The session's figures so far, or None before any beat counted."""
        if not self.beats:
            return None
        return HeartSummary(
            sensor=self.sensor,
            mean_bpm=60000.0 * self.beats / self._rr_total,
            swing_bpm=self._swing_total / self._swings if self._swings else 0.0,
            rmssd_ms=math.sqrt(self._squares / self._differences) if self._differences else 0.0,
            beats=self.beats,
        )
