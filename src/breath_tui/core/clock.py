"""Clocks: the session's time source, injected so tests move time instead of sleeping."""

from __future__ import annotations

import os
import time
from typing import Protocol

from breath_tui.core.errors import BadInput

SPEED_VARIABLE = "BREATH_TUI_CLOCK_SPEED"
"""For tests and benchmarks that run whole sessions in real processes: the session clock runs
this many times faster. Never for breathing: the guide would run as much too fast."""


class Clock(Protocol):
    """A monotonic time source in seconds, and how clock seconds map to real seconds."""

    def now(self) -> float:
        """Current time in clock seconds."""
        ...

    def real_seconds(self, clock_seconds: float) -> float:
        """How many real seconds pass while this clock advances by clock_seconds."""
        ...


class MonotonicClock:
    """The real clock: time.monotonic()."""

    def now(self) -> float:
        """Current monotonic time."""
        return time.monotonic()

    def real_seconds(self, clock_seconds: float) -> float:
        """Clock seconds are real seconds."""
        return clock_seconds


class ScaledClock:
    """A clock running `speed` times faster than real time (benchmarks drive sessions with it)."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._origin = time.monotonic()

    def now(self) -> float:
        """Clock seconds since creation, scaled."""
        return (time.monotonic() - self._origin) * self.speed

    def real_seconds(self, clock_seconds: float) -> float:
        """Real time for the given clock time."""
        return clock_seconds / self.speed


class ManualClock:
    """A clock that moves only when told to: for exact, sleep-free tests."""

    def __init__(self, start: float = 0.0) -> None:
        self.time = start

    def now(self) -> float:
        """The time last set."""
        return self.time

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.time += seconds

    def real_seconds(self, clock_seconds: float) -> float:
        """Timers wait the real equivalent (tests drive ticks themselves)."""
        return clock_seconds


def session_clock() -> Clock:
    """The clock a session runs on: the real one, or one BREATH_TUI_CLOCK_SPEED times faster.

    Raises:
        BadInput: the variable is set to something that is not a speed from 1 to 1000.
    """
    value = os.environ.get(SPEED_VARIABLE, "")
    if not value:
        return MonotonicClock()
    try:
        speed = float(value)
    except ValueError:
        speed = 0.0
    if not 1 <= speed <= 1000:
        raise BadInput(f"{SPEED_VARIABLE}={value[:20]!r}: a speed from 1 to 1000, for tests only")
    return ScaledClock(speed)
