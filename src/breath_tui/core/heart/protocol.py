"""Lehrer's stepped protocol for finding a resonance rate: a few slow rates, a few minutes each.

Defaults follow Lehrer & Gevirtz 2014 (Front Psychol 5:756): 6.5, 6, 5.5, 5 and 4.5 breaths a
minute, 2 minutes each, in that order, breathing in for 4 parts and out for 6. Time 0 is the
start of the first segment; each segment starts with a breath in. A segment holds whole breaths
as far as they fit; the seconds left over at its end still count for LF power and RMSSD.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from breath_tui.core.errors import BadInput

DEFAULT_RATES = (6.5, 6.0, 5.5, 5.0, 4.5)
DEFAULT_MINUTES_EACH = 2.0
INHALE_SHARE = 0.4  # in:out 4:6
# No fast breathing anywhere in the app (at most 10 a minute); below 3 a breath out passes 12 s.
MIN_RATE, MAX_RATE = 3.0, 10.0
MIN_MINUTES_EACH, MAX_MINUTES_EACH = 1.0, 10.0
MAX_RATES = 12


@dataclass(frozen=True)
class Segment:
    """One rate of the protocol, on the protocol's clock (seconds from its start)."""

    rate: float
    start_s: float
    end_s: float
    inhale_s: float
    exhale_s: float

    @property
    def breath_s(self) -> float:
        """Seconds of one breath at this rate."""
        return 60.0 / self.rate

    @property
    def breaths(self) -> int:
        """Whole breaths that fit in the segment."""
        return int(math.floor((self.end_s - self.start_s) / self.breath_s + 1e-9))

    def breath_bounds(self) -> tuple[tuple[float, float], ...]:
        """(start, end) of each whole breath, in protocol seconds."""
        return tuple(
            (self.start_s + i * self.breath_s, self.start_s + (i + 1) * self.breath_s)
            for i in range(self.breaths)
        )


@dataclass(frozen=True)
class SteppedProtocol:
    """The rates to try, in order, and how long each lasts."""

    rates: tuple[float, ...] = DEFAULT_RATES
    minutes_each: float = DEFAULT_MINUTES_EACH
    inhale_share: float = INHALE_SHARE

    def __post_init__(self) -> None:
        check_protocol(self.rates, self.minutes_each)

    @property
    def duration_s(self) -> float:
        """Seconds the whole protocol lasts."""
        return len(self.rates) * self.minutes_each * 60.0

    @cached_property
    def segments(self) -> tuple[Segment, ...]:
        """Each rate's segment, in order."""
        length = self.minutes_each * 60.0
        return tuple(
            Segment(
                rate=rate,
                start_s=i * length,
                end_s=(i + 1) * length,
                inhale_s=60.0 / rate * self.inhale_share,
                exhale_s=60.0 / rate * (1.0 - self.inhale_share),
            )
            for i, rate in enumerate(self.rates)
        )

    def segment_at(self, t: float) -> Segment | None:
        """The segment running at protocol time t, or None before the start or after the end."""
        if t < 0:
            return None
        index = int(t // (self.minutes_each * 60.0))
        return self.segments[index] if index < len(self.rates) else None


def check_protocol(rates: tuple[float, ...], minutes_each: float) -> None:
    """Raise BadInput, naming --rates or --minutes-each, for a protocol the app will not run."""
    if not rates:
        raise BadInput("--rates needs at least one rate, e.g. 6.5,6,5.5,5,4.5")
    if len(rates) > MAX_RATES:
        raise BadInput(f"--rates takes at most {MAX_RATES} rates, not {len(rates)}")
    for rate in rates:
        if not (math.isfinite(rate) and MIN_RATE <= rate <= MAX_RATE):
            raise BadInput(
                f"--rates: each rate must be {MIN_RATE:g} to {MAX_RATE:g} breaths a minute, "
                f"not {rate:g}"
            )
    if len(set(rates)) != len(rates):
        raise BadInput("--rates: each rate once")
    if not (math.isfinite(minutes_each) and MIN_MINUTES_EACH <= minutes_each <= MAX_MINUTES_EACH):
        raise BadInput(
            f"--minutes-each must be {MIN_MINUTES_EACH:g} to {MAX_MINUTES_EACH:g}, "
            f"not {minutes_each:g}"
        )


def parse_rates(text: str) -> tuple[float, ...]:
    """Rates from `--rates`, e.g. "6.5,6,5.5,5,4.5" (commas, spaces allowed).

    Raises:
        BadInput: naming --rates, for an empty list, a word, or a rate outside 3-10.
    """
    parts = [part.strip() for part in text.split(",")]
    rates: list[float] = []
    for part in parts:
        try:
            rate = float(part)
        except ValueError:
            raise BadInput(
                f"--rates wants breaths a minute separated by commas, e.g. 6.5,6,5.5; "
                f"{part[:20]!r} is not a number"
            ) from None
        rates.append(rate)
    result = tuple(rates)
    check_protocol(result, DEFAULT_MINUTES_EACH)
    return result


def format_rate(rate: float) -> str:
    """A rate as people write it: 6, 5.5 (never 6.0)."""
    return f"{rate:g}"
