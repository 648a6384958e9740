"""What a heart-rate sensor reports, whatever it is (a strap, a replayed file, a test fake).

Every event carries `t`, the session clock's time (the injected Clock's seconds) at which it
happened, so the screen can line beats up with the breathing guide.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Beat:
    """One heartbeat: the interval since the one before it ended at time t."""

    t: float
    rr_ms: float

    @property
    def bpm(self) -> float:
        """The beat-to-beat heart rate this interval stands for."""
        return 60000.0 / self.rr_ms if self.rr_ms > 0 else 0.0


@dataclass(frozen=True)
class ContactLost:
    """The strap no longer touches the skin (or is too dry): no beats until contact returns."""

    t: float


@dataclass(frozen=True)
class ContactRegained:
    """The strap touches the skin again."""

    t: float


@dataclass(frozen=True)
class Disconnected:
    """The connection dropped; the sensor is reconnecting by itself."""

    t: float
    reason: str = ""


@dataclass(frozen=True)
class Reconnected:
    """The connection is back after a Disconnected."""

    t: float


@dataclass(frozen=True)
class NoIntervals:
    """The sensor sends a heart rate but no beat-to-beat intervals (optical wrist sensors do)."""

    t: float
    bpm: int


SensorEvent = Beat | ContactLost | ContactRegained | Disconnected | Reconnected | NoIntervals

NOTICES: dict[type, str] = {
    ContactLost: "The strap lost contact with the skin; wetting its electrodes helps. Breathing goes on.",
    ContactRegained: "The strap has contact again.",
    Disconnected: "The heart-rate sensor disconnected; reconnecting by itself. Breathing goes on.",
    Reconnected: "The heart-rate sensor is connected again.",
    NoIntervals: "This sensor sends no beat-to-beat intervals (optical wrist sensors do not); "
    "a chest strap is needed for the heart-rate swing.",
}


def notice(event: SensorEvent) -> str | None:
    """The one-line notice a screen shows for an event, or None for a beat."""
    return NOTICES.get(type(event))
