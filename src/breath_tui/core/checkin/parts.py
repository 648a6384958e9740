"""The parts of a check-in: the breathing done, body entries and feelings.

Each part checks its values when made and keeps unknown keys in `extra`, written back after the
known ones. Parts are frozen: change one with dataclasses.replace(), which checks again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from breath_tui.core.checkin.fields import (
    CheckInError,
    extra_keys,
    items,
    number,
    read_list,
    read_object,
    shown,
    text,
    whole_number,
)
from breath_tui.core.pacer import MAX_CYCLES, MAX_TEMPO, MIN_TEMPO
from breath_tui.core.patterns import MAX_PHASE_SECONDS, Pattern, PhaseKind
from breath_tui.core.vocab import BODY_INTENSITY_MAX, INTENSITIES, Intensity


@dataclass(frozen=True)
class BreathPhase:
    """One phase of the pattern breathed: in, hold or out, for `seconds` at tempo 1."""

    kind: PhaseKind
    seconds: float
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("kind", "seconds")

    def __post_init__(self) -> None:
        if self.kind not in ("in", "hold", "out"):
            raise CheckInError("kind", f'must be "in", "hold" or "out", not {shown(self.kind)}')
        seconds = number(
            "seconds", self.seconds, positive=self.kind != "hold", most=MAX_PHASE_SECONDS
        )
        object.__setattr__(self, "seconds", seconds)

    def to_dict(self) -> dict[str, Any]:
        """The phase as JSON-ready data."""
        return {"kind": self.kind, "seconds": self.seconds, **self.extra}

    @classmethod
    def from_dict(cls, data: Any) -> BreathPhase:
        """Read a phase from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        return cls(raw["kind"], raw["seconds"], extra_keys(raw, cls.KEYS))


@dataclass(frozen=True)
class Breathing:
    """The breathing done: pattern name or spec, its phases, tempo, breaths and seconds breathed.

    `cycles` and `seconds` are what was actually breathed (fewer when stopped early).
    """

    pattern: str
    phases: tuple[BreathPhase, ...]
    tempo: float = 1.0
    cycles: int = 0
    seconds: float = 0.0
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("pattern", "phases", "tempo", "cycles", "seconds")

    def __post_init__(self) -> None:
        text("pattern", self.pattern, blank_ok=False)
        object.__setattr__(self, "phases", items("phases", self.phases))
        for index, phase in enumerate(self.phases):
            if not isinstance(phase, BreathPhase):
                raise CheckInError(f"phases[{index}]", "must be a BreathPhase")
        tempo = number("tempo", self.tempo, positive=False, least=MIN_TEMPO, most=MAX_TEMPO)
        object.__setattr__(self, "tempo", tempo)
        whole_number("cycles", self.cycles, 0, MAX_CYCLES)
        object.__setattr__(self, "seconds", number("seconds", self.seconds, positive=False))

    @classmethod
    def of(cls, pattern: Pattern, *, tempo: float, cycles: int, seconds: float) -> Breathing:
        """The record of a session breathed with `pattern`: breaths done and real seconds.

        Args:
            pattern: the pattern used (its name, or its spec such as "4-0-6", is recorded).
            tempo: the tempo at the end of the session (1.0 as written).
            cycles: whole breaths completed (fewer than planned when stopped early).
            seconds: real seconds breathed, pauses excluded.
        """
        phases = tuple(BreathPhase(phase.kind, phase.seconds) for phase in pattern.phases)
        return cls(pattern.name, phases, tempo, cycles, seconds)

    def to_dict(self) -> dict[str, Any]:
        """The breathing as JSON-ready data."""
        return {
            "pattern": self.pattern,
            "phases": [phase.to_dict() for phase in self.phases],
            "tempo": self.tempo,
            "cycles": self.cycles,
            "seconds": self.seconds,
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Breathing:
        """Read the breathing from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        phases = []
        for index, item in enumerate(read_list("phases", raw["phases"])):
            try:
                phases.append(BreathPhase.from_dict(item))
            except CheckInError as error:
                raise error.within(f"phases[{index}]") from None
        return cls(
            raw["pattern"],
            tuple(phases),
            raw["tempo"],
            raw["cycles"],
            raw["seconds"],
            extra_keys(raw, cls.KEYS),
        )


@dataclass(frozen=True)
class BodyEntry:
    """One region noticed in the body scan: its sensations (ours or the person's) and 0-10.

    `sensations` may be empty: the person noticed the region and rated it without a word.
    """

    region: str
    sensations: tuple[str, ...]
    intensity: int
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("region", "sensations", "intensity")

    def __post_init__(self) -> None:
        text("region", self.region, blank_ok=False)
        if isinstance(self.sensations, str):
            raise CheckInError("sensations", "must be a list of words, not one text")
        object.__setattr__(self, "sensations", items("sensations", self.sensations))
        for index, word in enumerate(self.sensations):
            text(f"sensations[{index}]", word, blank_ok=False)
        whole_number("intensity", self.intensity, 0, BODY_INTENSITY_MAX)

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {
            "region": self.region,
            "sensations": list(self.sensations),
            "intensity": self.intensity,
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BodyEntry:
        """Read a body entry from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        sensations = read_list("sensations", raw["sensations"])
        return cls(raw["region"], tuple(sensations), raw["intensity"], extra_keys(raw, cls.KEYS))


@dataclass(frozen=True)
class Feeling:
    """One feeling named: a word (ours or the person's own) and how much."""

    word: str
    intensity: Intensity = "somewhat"
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = ("word", "intensity")

    def __post_init__(self) -> None:
        text("word", self.word, blank_ok=False)
        if self.intensity not in INTENSITIES:
            raise CheckInError(
                "intensity",
                f'must be "a little", "somewhat" or "very", not {shown(self.intensity)}',
            )

    def to_dict(self) -> dict[str, Any]:
        """The feeling as JSON-ready data."""
        return {"word": self.word, "intensity": self.intensity, **self.extra}

    @classmethod
    def from_dict(cls, data: Any) -> Feeling:
        """Read a feeling from JSON data; raise CheckInError naming the field."""
        raw = read_object("", data, cls.KEYS)
        return cls(raw["word"], raw["intensity"], extra_keys(raw, cls.KEYS))
