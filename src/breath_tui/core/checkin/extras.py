"""The parts only some kinds of entry hold: the feedback for the therapist (kind "feedback"), the
heart figures of a session with a heart-rate strap, the resonance assessment (kind
"resonance"), and what was noticed in a grounding exercise (kind "ground").

Each checks its values when made and keeps unknown keys in `extra`, as the other parts do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Literal

from breath_tui.core.checkin.fields import (
    MAX_ITEMS,
    MAX_NOTE,
    CheckInError,
    extra_keys,
    items,
    number,
    optional_rating,
    read_list,
    read_object,
    shown,
    text,
    whole_number,
)

Pace = Literal["too slow", "about right", "too fast"]
PACES: tuple[Pace, ...] = ("too slow", "about right", "too fast")


def _phrases(name: str, values: Any) -> tuple[str, ...]:
    phrases = items(name, values)
    for index, phrase in enumerate(phrases):
        text(f"{name}[{index}]", phrase, blank_ok=False)
    return phrases


def _session_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CheckInError("session_date", f"must be a date like 2026-11-03, not {shown(value)}")


@dataclass(frozen=True)
class Feedback:
    """What the person tells the therapist about one session, in their own voice.

    Attributes:
        session_date: the day of the session it is about.
        heard: how heard and understood they felt, 0 (not at all) to 10 (completely); None:
            not said.
        pace: the session's rhythm: too slow, about right or too fast; None: not said.
        helped: what helped, ready-made phrases and their own words, in order.
        wishes: what they would like, as requests in their own voice.
        unsaid: what they did not say in the session, word for word; None: nothing.
    """

    session_date: date
    heard: int | None = None
    pace: Pace | None = None
    helped: tuple[str, ...] = ()
    wishes: tuple[str, ...] = ()
    unsaid: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = (
        "session_date",
        "heard",
        "pace",
        "helped",
        "wishes",
        "unsaid",
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "session_date", _session_date(self.session_date))
        optional_rating("heard", self.heard)
        if self.pace is not None and self.pace not in PACES:
            raise CheckInError(
                "pace",
                f'must be "too slow", "about right", "too fast" or null, not {shown(self.pace)}',
            )
        object.__setattr__(self, "helped", _phrases("helped", self.helped))
        object.__setattr__(self, "wishes", _phrases("wishes", self.wishes))
        if self.unsaid is not None:
            text("unsaid", self.unsaid, blank_ok=True, most=MAX_NOTE)

    def to_dict(self) -> dict[str, Any]:
        """The feedback as JSON-ready data."""
        return {
            "session_date": self.session_date.isoformat(),
            "heard": self.heard,
            "pace": self.pace,
            "helped": list(self.helped),
            "wishes": list(self.wishes),
            "unsaid": self.unsaid,
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Feedback:
        """Read the feedback from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, ("session_date",))
        return cls(
            raw["session_date"],
            raw.get("heard"),
            raw.get("pace"),
            tuple(read_list("helped", raw.get("helped", []))),
            tuple(read_list("wishes", raw.get("wishes", []))),
            raw.get("unsaid"),
            extra_keys(raw, cls.KEYS),
        )


@dataclass(frozen=True)
class Heart:
    """A session's heart figures from a chest strap: the sensor, mean heart rate, the mean
    peak-to-trough swing per breath, RMSSD, and how many beats were counted."""

    sensor: str
    mean_bpm: float
    swing_bpm: float
    rmssd_ms: float
    beats: int
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("sensor", "mean_bpm", "swing_bpm", "rmssd_ms", "beats")

    def __post_init__(self) -> None:
        text("sensor", self.sensor, blank_ok=False)
        object.__setattr__(
            self, "mean_bpm", number("mean_bpm", self.mean_bpm, positive=True, most=300)
        )
        object.__setattr__(
            self, "swing_bpm", number("swing_bpm", self.swing_bpm, positive=False, most=300)
        )
        object.__setattr__(
            self, "rmssd_ms", number("rmssd_ms", self.rmssd_ms, positive=False, most=5000)
        )
        whole_number("beats", self.beats, 0, 10_000_000)

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data (the interchange `heart` object)."""
        return {
            "sensor": self.sensor,
            "mean_bpm": self.mean_bpm,
            "swing_bpm": self.swing_bpm,
            "rmssd_ms": self.rmssd_ms,
            "beats": self.beats,
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Heart:
        """Read the figures from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        return cls(
            raw["sensor"],
            raw["mean_bpm"],
            raw["swing_bpm"],
            raw["rmssd_ms"],
            raw["beats"],
            extra_keys(raw, cls.KEYS),
        )


@dataclass(frozen=True)
class RateFigure:
    """One rate of a resonance assessment: breaths a minute, and what the heart did at it."""

    rate: float
    swing_bpm: float
    lf_power: float
    rmssd_ms: float
    breaths: int
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("rate", "swing_bpm", "lf_power", "rmssd_ms", "breaths")

    def __post_init__(self) -> None:
        object.__setattr__(self, "rate", number("rate", self.rate, positive=True, most=10))
        object.__setattr__(
            self, "swing_bpm", number("swing_bpm", self.swing_bpm, positive=False, most=300)
        )
        object.__setattr__(
            self, "lf_power", number("lf_power", self.lf_power, positive=False, most=1e9)
        )
        object.__setattr__(
            self, "rmssd_ms", number("rmssd_ms", self.rmssd_ms, positive=False, most=5000)
        )
        whole_number("breaths", self.breaths, 0, 10_000)

    def to_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return {key: getattr(self, key) for key in self.KEYS} | dict(self.extra)

    @classmethod
    def from_dict(cls, data: Any) -> RateFigure:
        """Read a figure from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        return cls(
            raw["rate"],
            raw["swing_bpm"],
            raw["lf_power"],
            raw["rmssd_ms"],
            raw["breaths"],
            extra_keys(raw, cls.KEYS),
        )


@dataclass(frozen=True)
class Resonance:
    """A resonance assessment: the rate chosen (breaths a minute) and the figures at each rate."""

    chosen_rate: float
    rates: tuple[RateFigure, ...]
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("chosen_rate", "rates")

    def __post_init__(self) -> None:
        chosen = number("chosen_rate", self.chosen_rate, positive=True, most=10)
        object.__setattr__(self, "chosen_rate", chosen)
        object.__setattr__(self, "rates", items("rates", self.rates))
        for index, figure in enumerate(self.rates):
            if not isinstance(figure, RateFigure):
                raise CheckInError(f"rates[{index}]", "must be a RateFigure")

    def to_dict(self) -> dict[str, Any]:
        """The assessment as JSON-ready data."""
        rates = [figure.to_dict() for figure in self.rates]
        return {"chosen_rate": self.chosen_rate, "rates": rates, **self.extra}

    @classmethod
    def from_dict(cls, data: Any) -> Resonance:
        """Read the assessment from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        rates = []
        for index, item in enumerate(read_list("rates", raw["rates"])):
            try:
                rates.append(RateFigure.from_dict(item))
            except CheckInError as error:
                raise error.within(f"rates[{index}]") from None
        return cls(raw["chosen_rate"], tuple(rates), extra_keys(raw, cls.KEYS))


SENSES = ("see", "touch", "hear", "smell", "taste")
"""The 5-4-3-2-1 exercise's senses, in its order: 5 things seen, 4 touched, ... 1 tasted."""


@dataclass(frozen=True)
class Grounding:
    """What was noticed, sense by sense, in the 5-4-3-2-1 exercise (typing is optional, so any
    list may be shorter than its number, or empty)."""

    noticed: Mapping[str, tuple[str, ...]]
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    def __post_init__(self) -> None:
        checked: dict[str, tuple[str, ...]] = {}
        for sense, things in self.noticed.items():
            if sense not in SENSES:
                raise CheckInError(sense, f"is not a sense; use {', '.join(SENSES)}")
            checked[sense] = _phrases(sense, things)
            if len(checked[sense]) > MAX_ITEMS:
                raise CheckInError(sense, f"has more than {MAX_ITEMS} things")
        object.__setattr__(self, "noticed", checked)

    def to_dict(self) -> dict[str, Any]:
        """What was noticed as JSON-ready data, the senses in the exercise's order."""
        noticed = {sense: list(self.noticed[sense]) for sense in SENSES if sense in self.noticed}
        return {**noticed, **self.extra}

    @classmethod
    def from_dict(cls, data: Any) -> Grounding:
        """Read it from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, ())
        noticed = {sense: tuple(read_list(sense, raw[sense])) for sense in SENSES if sense in raw}
        return cls(noticed, extra_keys(raw, SENSES))
