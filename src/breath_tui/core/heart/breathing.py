"""The heart beside a breathing session, pure: beats in, each breath's swing and the figures out.

Shared by the breathing screen and plain mode. Breaths are the pacer's cycles: a beat that falls
in a new cycle first closes the breath before (so a breath's swing is known at the first beat
after it). Lost contact and a dropped connection are told once each, until the sensor is back.
With `keep_intervals` the raw intervals are kept too (the person's setting), at most
MAX_KEPT_INTERVALS of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from breath_tui.core.heart.events import (
    Beat,
    ContactLost,
    ContactRegained,
    Disconnected,
    Reconnected,
    SensorEvent,
    notice,
)
from breath_tui.core.heart.tracker import HeartSummary, HeartTracker

if TYPE_CHECKING:
    from breath_tui.core.checkin import Heart

# About 6 hours of beats: far more than a session, a bound on a runaway sensor.
MAX_KEPT_INTERVALS = 25_000


class BreathHeart:
    """One session's heart: the tracker, breath boundaries from the pacer, and notices.

    Args:
        sensor: the sensor's label (the journal's `heart.sensor`).
        cycle_at: the breath (pacer cycle) running at a clock time.
        keep_intervals: keep every interval as it came, for the journal.
    """

    def __init__(
        self, sensor: str, cycle_at: Callable[[float], int], *, keep_intervals: bool = False
    ) -> None:
        self.tracker = HeartTracker(sensor)
        self.cycle_at = cycle_at
        self.keep_intervals = keep_intervals
        self.intervals: list[float] = []
        self._cycle: int | None = None
        self._told: type | None = None

    def feed(self, event: SensorEvent) -> str | None:
        """Take one event; return a notice to show once (lost contact, a drop, back again)."""
        if isinstance(event, Beat):
            cycle = self.cycle_at(event.t)
            if cycle != self._cycle:
                self.tracker.breath_boundary(event.t)
                self._cycle = cycle
            if self.keep_intervals and len(self.intervals) < MAX_KEPT_INTERVALS:
                self.intervals.append(round(event.rr_ms, 1))
        self.tracker.feed(event)
        said = notice(event)
        if said is None:
            return None
        # "Back again" only after the matching trouble was told; each trouble once in a row.
        if isinstance(event, ContactRegained | Reconnected):
            wanted = ContactLost if isinstance(event, ContactRegained) else Disconnected
            if self._told is not wanted:
                return None
            self._told = None
            return said
        if self._told is type(event):
            return None
        self._told = type(event)
        return said

    def end(self, t: float) -> None:
        """The session breathed its last breath to the end at t: that breath is scored too."""
        if self._cycle is not None:
            self.tracker.breath_boundary(t)
            self._cycle = None

    @property
    def bpm(self) -> float | None:
        """The latest counted beat's heart rate."""
        return self.tracker.latest_bpm

    @property
    def swing(self) -> float | None:
        """The last scored breath's swing, peak to trough, bpm."""
        last = self.tracker.last_swing
        return last.swing_bpm if last is not None else None

    def recent_bpm(self) -> list[float]:
        """Heart rates of the beats kept for the line (the last two minutes), oldest first."""
        return [bpm for _, bpm in self.tracker.recent(float("-inf"))]

    def summary(self) -> HeartSummary | None:
        """The session's figures, or None before any beat counted."""
        return self.tracker.summary()

    def figures(self, finished_at: float | None = None) -> Heart | None:
        """The journal's `heart` object for the session so far, or None before any beat: the
        figures to a tenth, the raw intervals too with `keep_intervals`.

        Args:
            finished_at: when the session breathed its last breath to the end (that breath is
                then scored too); None for a session stopped part way.
        """
        if finished_at is not None:
            self.end(finished_at)
        summary = self.summary()
        if summary is None:
            return None
        from breath_tui.core.checkin import Heart

        extra = {"intervals_ms": list(self.intervals)} if self.keep_intervals else {}
        return Heart(
            summary.sensor,
            round(summary.mean_bpm, 1),
            round(summary.swing_bpm, 1),
            round(summary.rmssd_ms, 1),
            summary.beats,
            extra,
        )

    def phase_suffix(self) -> str:
        """' · 68 bpm' for a plain phase line (' · swing 11 bpm' once a breath is scored)."""
        if self.bpm is None:
            return ""
        text = f" · {self.bpm:.0f} bpm"
        if self.swing is not None:
            text += f" · swing {self.swing:.0f} bpm"
        return text
