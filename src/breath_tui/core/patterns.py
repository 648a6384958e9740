"""Breathing patterns: named lists of phases, the preset library, and the IN-HOLD-OUT[-HOLD] shorthand."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped

PhaseKind = Literal["in", "hold", "out"]
PHASE_KINDS: tuple[PhaseKind, ...] = ("in", "hold", "out")
MAX_PHASE_SECONDS = 60.0
"""The longest phase, and the longest stretch of one kind in a row (a hold split into two
phases is one hold)."""
MAX_PHASES = 12
"""Phases in one pattern: room for any breath (in, a top-up, holds, out, with labels of one's
own), while one breath stays at most 12 minutes (12 phases of at most 60 s)."""
MAX_NAME = 200
"""Characters in a pattern's name (the journal takes names up to core.checkin's MAX_NAME, the
same 200)."""

PHASE_WORDS: dict[PhaseKind, str] = {"in": "Breathe in", "hold": "Hold", "out": "Breathe out"}

HOLD_CAUTION = "Has holds: not in water or while driving. If you feel dizzy or tingly, stop and breathe normally."
LONG_HOLD_SECONDS = 10.0
LONG_HOLD_CAUTION = (
    "Long holds are not for everyone: skip them if they feel uncomfortable, and ask your doctor "
    "first if you have a heart or lung condition or are pregnant."
)


class PatternError(BadInput):
    """A pattern (preset name, shorthand string or config entry) is not usable."""


class Phase(NamedTuple):
    """One phase of a breath: breathe in, hold, or breathe out, for some seconds.

    `label` overrides the word shown, e.g. the cyclic sigh's top-up in-breath; it always starts
    with the kind's word so that plain-mode lines start with "Breathe in", "Hold" or "Breathe out".
    """

    kind: PhaseKind
    seconds: float
    label: str | None = None

    @property
    def word(self) -> str:
        """What the guide says during this phase."""
        return self.label or PHASE_WORDS[self.kind]


def breath_count(phases: Iterable[Phase]) -> int:
    """Breaths in one round of these phases: how often the breath turns from in to out, holds
    aside, round from the last phase to the first. The cyclic sigh's in, top-up in and out is
    one breath; in and out written ten times over is ten."""
    kinds = [phase.kind for phase in phases if phase.kind != "hold"]
    if not kinds:
        return 0
    # Each kind beside the one before it (the first beside the last).
    return sum(
        1
        for before, kind in zip([kinds[-1], *kinds[:-1]], kinds, strict=True)
        if (before, kind) == ("in", "out")
    )


class Pattern(NamedTuple):
    """A named breathing pattern: one cycle (one breath) is its phases in order.

    validate_phases refuses phases that make more than one breath, so a cycle is a breath
    wherever breaths are counted (a session's length, "breath 3 of 12", the journal).
    """

    name: str
    phases: tuple[Phase, ...]
    source: str = ""
    caution: str = ""
    description: str = ""
    default_cycles: int | None = None
    """Breaths when no length is asked for (4-7-8: 4 at a time at first); None: by minutes."""
    max_cycles: int | None = None
    """The most breaths of it at a time (4-7-8: 8), or None."""

    @property
    def cycle_seconds(self) -> float:
        """Length of one breath at tempo 1."""
        return sum(p.seconds for p in self.phases)

    @property
    def breaths(self) -> int:
        """Breaths in one cycle, counted (breath_count): 1 for every usable pattern; never
        taken as fewer than 1."""
        return max(1, breath_count(self.phases))

    @property
    def breaths_per_minute(self) -> float:
        """Breaths per minute at tempo 1, counted breath by breath, not cycle by cycle."""
        return 60.0 * self.breaths / self.cycle_seconds

    @property
    def has_holds(self) -> bool:
        """Whether any phase is a hold."""
        return any(p.kind == "hold" for p in self.phases)

    @property
    def has_long_holds(self) -> bool:
        """Whether any hold is longer than 10 s."""
        return any(p.kind == "hold" and p.seconds > LONG_HOLD_SECONDS for p in self.phases)

    @property
    def timing(self) -> str:
        """The phases as seconds joined by '-', e.g. '4-7-8' or '2+1-6' (a top-up in-breath)."""
        parts: list[str] = []
        previous: PhaseKind | None = None
        for phase in self.phases:
            text = _format_seconds(phase.seconds)
            if previous == phase.kind and parts:
                parts[-1] += "+" + text
            else:
                parts.append(text)
            previous = phase.kind
        return "-".join(parts)

    @property
    def all_cautions(self) -> str:
        """The pattern's own caution plus the hold caution where it has holds."""
        notes = [self.caution] if self.caution else []
        if self.has_holds and HOLD_CAUTION not in self.caution:
            notes.append(HOLD_CAUTION)
        if self.has_long_holds:
            notes.append(LONG_HOLD_CAUTION)
        return " ".join(notes)


def _format_seconds(seconds: float) -> str:
    return f"{seconds:g}"


def validate_phases(name: str, phases: Iterable[Phase]) -> tuple[Phase, ...]:
    """Check a pattern's phases; raise PatternError naming the pattern and the bad value.

    Zero-second holds are dropped (a missing hold is no phase); in and out must be > 0 and every
    phase at most 60 s; a pattern needs at least one in and one out, is one breath (in and out
    take turns once: a top-up in-breath is part of the same breath), has at most MAX_PHASES
    phases, and holds no stretch of one kind longer than 60 s (two holds in a row, or one at
    the end and one at the start, are one hold).
    """
    given = list(phases)
    if len(given) > MAX_PHASES:
        raise PatternError(
            f"pattern '{clipped(name)}': {len(given):,} phases; at most {MAX_PHASES} "
            "(one breath: in, a top-up if you like, holds, out)"
        )
    kept: list[Phase] = []
    numbers: list[int] = []
    for number, phase in enumerate(given, start=1):
        if phase.kind not in PHASE_KINDS:
            raise PatternError(
                f"pattern '{clipped(name)}': phase {number} has kind '{clipped(str(phase.kind))}'; use in, hold or out"
            )
        seconds = phase.seconds
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or math.isnan(seconds):
            raise PatternError(
                f"pattern '{clipped(name)}': phase {number} seconds '{clipped(repr(seconds))}' is not a number"
            )
        if seconds < 0 or (seconds == 0 and phase.kind != "hold"):
            raise PatternError(
                f"pattern '{clipped(name)}': phase {number} ({phase.kind}) is {seconds:g} s; "
                + (
                    "holds must be 0 s or more"
                    if phase.kind == "hold"
                    else "it must be more than 0 s"
                )
            )
        if seconds > MAX_PHASE_SECONDS:
            raise PatternError(
                f"pattern '{clipped(name)}': phase {number} ({phase.kind}) is {seconds:g} s; at most 60 s"
            )
        if seconds > 0:
            kept.append(Phase(phase.kind, float(seconds), phase.label))
            numbers.append(number)
    kinds = {p.kind for p in kept}
    if "in" not in kinds or "out" not in kinds:
        raise PatternError(
            f"pattern '{clipped(name)}': needs at least one in-breath and one out-breath"
        )
    breaths = breath_count(kept)
    if breaths > 1:
        raise PatternError(
            f"pattern '{clipped(name)}': in and out take turns {breaths} times, so it is "
            f"{breaths} breaths; a pattern is one breath (in, a top-up if you like, holds, out)"
        )
    _check_stretches(name, kept, numbers)
    return tuple(kept)


_STRETCH_WORDS: dict[PhaseKind, str] = {"in": "in-breath", "hold": "hold", "out": "out-breath"}


def _check_stretches(name: str, phases: list[Phase], numbers: list[int]) -> None:
    """No stretch of one kind (phases in a row, round from the last to the first) over 60 s."""
    count = len(phases)
    # Start where the kind changes, so a stretch across the pattern's end is counted whole.
    start = next((i for i in range(count) if phases[i].kind != phases[i - 1].kind), 0)
    order = [(start + step) % count for step in range(count)]
    stretch: list[int] = []
    for index in [*order, None]:
        if index is not None and stretch and phases[index].kind == phases[stretch[0]].kind:
            stretch.append(index)
            continue
        total = sum(phases[i].seconds for i in stretch)
        if len(stretch) > 1 and total > MAX_PHASE_SECONDS + 1e-9:
            written = [str(numbers[i]) for i in stretch]
            which = f"{', '.join(written[:-1])} and {written[-1]}"
            if stretch[-1] < stretch[0]:
                which += " (the end runs into the start)"
            raise PatternError(
                f"pattern '{clipped(name)}': phases {which} make one "
                f"{_STRETCH_WORDS[phases[stretch[0]].kind]} of {total:g} s; at most 60 s"
            )
        stretch = [index] if index is not None else []


_NUMBER = r"\d+(?:\.\d+)?|\.\d+"
# Compiled by `re` when first used (most sessions name a preset, never a shorthand).
_SPEC = rf"^\s*({_NUMBER})-({_NUMBER})-({_NUMBER})(?:-({_NUMBER}))?\s*$"


def looks_like_spec(text: str) -> bool:
    """Whether text is meant as a shorthand (digits and dashes) rather than a pattern name."""
    return bool(text) and (text[0].isdigit() or text[0] in ".-") and "-" in text


def parse_spec(text: str) -> Pattern:
    """Parse 'IN-HOLD-OUT[-HOLD]' seconds (decimals allowed; a missing last hold is 0).

    Raises:
        PatternError: naming the string and what is wrong with it.
    """
    match = re.match(_SPEC, text)
    if not match:
        raise PatternError(
            f"pattern '{clipped(text)}': expected IN-HOLD-OUT or IN-HOLD-OUT-HOLD in seconds, e.g. 4-7-8 or 4-0-6-0"
        )
    numbers = [float(g) if g is not None else 0.0 for g in match.groups()]
    kinds: tuple[PhaseKind, ...] = ("in", "hold", "out", "hold")
    phases = validate_phases(text, [Phase(k, s) for k, s in zip(kinds, numbers, strict=True)])
    pattern = Pattern(name=text.strip(), phases=phases, source="your own timing")
    return pattern


def rate_text(rate: float) -> str:
    """Breaths a minute to three figures: '6', '5.45', '6.67', '3.16'."""
    return f"{rate:.3g}"


PRESETS: dict[str, Pattern] = {
    p.name: p
    for p in [
        Pattern(
            "resonance",
            (Phase("in", 4), Phase("out", 6)),
            source="Lehrer & Gevirtz 2014 (Frontiers in Psychology); Shaffer & Meehan 2020 "
            "(Frontiers in Neuroscience)",
            description="Slow breathing near the heart's resonance; the check-in default. "
            "6 a minute is an average: a person's own rate is usually between 4.5 and 6.5.",
        ),
        Pattern(
            "coherent",
            (Phase("in", 5.5), Phase("out", 5.5)),
            source="Lin, Tai & Fan 2014 (International Journal of Psychophysiology 91:206): 5.5 "
            "breaths a minute with equal in and out gave the highest heart-rate variability",
            description="Even in and out, a little under 5.5 breaths a minute.",
        ),
        Pattern(
            "extended-exhale",
            (Phase("in", 4), Phase("out", 8)),
            source="Laborde et al. 2021: a longer out-breath than in-breath raised heart-rate "
            "variability; the evidence is for a longer out-breath in general, not for twice as long",
            description="An out-breath longer than the in-breath (here twice as long).",
        ),
        Pattern(
            "cyclic-sigh",
            (
                Phase("in", 2, label="Breathe in through the nose"),
                Phase("in", 1, label="Breathe in a little more"),
                Phase("out", 6, label="Breathe out slowly through the mouth"),
            ),
            source="Balban et al. 2023 (Cell Reports Medicine 4:100895): the best mood gain of "
            "the practices tested, 5 minutes a day",
            description="Two in-breaths through the nose (the second a short top-up), then a "
            "long out-breath slowly through the mouth.",
        ),
        Pattern(
            "relaxed",
            (Phase("in", 5), Phase("out", 5)),
            source="NHS relaxed-breathing advice: no pausing or holding",
            description="Gentle, even breathing with no holds.",
        ),
        Pattern(
            "box",
            (Phase("in", 4), Phase("hold", 4), Phase("out", 4), Phase("hold", 4)),
            source="Balban et al. 2023 (Cell Reports Medicine 4:100895), one of its practices",
            description="Four equal sides: in, hold, out, hold.",
        ),
        Pattern(
            "4-7-8",
            (Phase("in", 4), Phase("hold", 7), Phase("out", 8)),
            source="Weil: 4 breaths at a time at first, never more than 8",
            caution="4 breaths at a time at first, and at most 8.",
            description="In for 4, hold for 7, out for 8.",
            default_cycles=4,
            max_cycles=8,
        ),
    ]
}


def resolve_pattern(text: str, custom: Mapping[str, Pattern] | None = None) -> Pattern:
    """Find a pattern by name (custom patterns first, then presets) or parse a shorthand string.

    Raises:
        PatternError: when it is neither a known name nor a valid shorthand.
    """
    custom = custom or {}
    key = text.strip()
    if len(key) > MAX_NAME:
        raise PatternError(
            f"a pattern name is at most {MAX_NAME} characters; this one has {len(key):,}"
        )
    if key in custom:
        return custom[key]
    if key in PRESETS:
        return PRESETS[key]
    if looks_like_spec(key):
        return parse_spec(key)
    names = ", ".join([*PRESETS, *custom])
    raise PatternError(
        f"unknown pattern '{clipped(text)}'; use one of {names}, or seconds like 4-7-8"
    )
