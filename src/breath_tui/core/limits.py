"""The limits of a breathing session, checked in one place for every way one is asked for: the
command line, config.toml, the settings screen and the keys of the breathing screen: a length
(1-1000 breaths, at most 120 minutes), a tempo (0.5x-2x), slow breathing only (at most 10 breaths
a minute at the tempo chosen) and a pattern's own limit (4-7-8: at most 8 breaths at a time).

Each check returns what is wrong as a Problem naming the field ("cycles", "minutes", "tempo",
"pattern"); the caller says it in its own terms (`--cycles ...`, `breathing.cycles ...` with the
file and line, or a line on screen).
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

from breath_tui.core.pacer import MAX_CYCLES, MAX_TEMPO, MIN_TEMPO, TEMPO_STEP, cycles_for_minutes
from breath_tui.core.patterns import Pattern, rate_text
from breath_tui.core.text import clipped

MAX_MINUTES = 120.0
"""The longest session, in minutes."""

Field = Literal["pattern", "cycles", "minutes", "tempo"]


class Problem(NamedTuple):
    """What is wrong with one field of a session request: `field` and then `message` read as
    one sentence ("minutes must be more than 0 and at most 120")."""

    field: Field
    message: str


def length_problem(cycles: int | None, minutes: float | None) -> Problem | None:
    """Breaths 1-1000, minutes more than 0 and at most 120 (NaN and infinity refused)."""
    if cycles is not None and not 1 <= cycles <= MAX_CYCLES:
        return Problem("cycles", f"must be 1 to {MAX_CYCLES}, not {clipped(str(cycles))}")
    if minutes is not None and not 0 < minutes <= MAX_MINUTES:
        return Problem(
            "minutes", f"must be more than 0 and at most {MAX_MINUTES:g}, not {minutes:g}"
        )
    return None


def tempo_problem(tempo: float) -> Problem | None:
    """A tempo from 0.5x to 2x."""
    if not MIN_TEMPO <= tempo <= MAX_TEMPO:
        return Problem("tempo", f"must be {MIN_TEMPO} to {MAX_TEMPO}, not {tempo:g}")
    return None


MAX_BREATHS_PER_MINUTE = 10.0
"""Slow breathing is conventionally under 10 breaths a minute (Zaccaro et al. 2018, Frontiers in
Human Neuroscience): breath-tui guides nothing faster, at any tempo."""

_SLOW_ONLY = "breath-tui guides slow breathing, 10 a minute at most"


def rate_problem(pattern: Pattern, tempo: float = 1.0) -> Problem | None:
    """The pattern at this tempo breathes faster than 10 a minute (breaths counted one by one,
    Pattern.breaths_per_minute): the pattern itself is too fast ("pattern"), or the tempo makes
    it so ("tempo", naming the fastest tempo that would do)."""
    written = pattern.breaths_per_minute
    rate = written * tempo
    if rate <= MAX_BREATHS_PER_MINUTE + 1e-9:
        return None
    if written > MAX_BREATHS_PER_MINUTE + 1e-9:
        return Problem(
            "pattern", f"{pattern.name}: {_over_text(written)} breaths a minute; {_SLOW_ONLY}"
        )
    return Problem(
        "tempo",
        f"{tempo:g}: {pattern.name} at {tempo:g}x is {_over_text(rate)} breaths a minute; "
        f"{_SLOW_ONLY}, so at most {highest_tempo(pattern):g}x for this pattern",
    )


def _over_text(rate: float) -> str:
    """A rate over 10 a minute as rate_text says it, with more figures where three would round
    it to 10 (10.02 is not '10')."""
    for figures in range(3, 10):
        text = f"{rate:.{figures}g}"
        if float(text) > MAX_BREATHS_PER_MINUTE:
            return text
    return rate_text(rate)


def highest_tempo(pattern: Pattern) -> float:
    """The highest tempo to two decimals (at most 2x) that keeps the pattern at 10 a minute or
    fewer: 1.66 for resonance (6 a minute). The refusal of a tempo names it."""
    hundredths = math.floor(MAX_BREATHS_PER_MINUTE / pattern.breaths_per_minute * 100 + 1e-6)
    while hundredths > 1 and pattern.breaths_per_minute * hundredths / 100 > (
        MAX_BREATHS_PER_MINUTE + 1e-9
    ):
        hundredths -= 1  # float rounding above put it a hair past the limit
    return min(MAX_TEMPO, hundredths / 100)


def fastest_tempo(pattern: Pattern) -> float:
    """The highest tempo on the keys' 10% grid (at most 2x) that keeps 10 a minute or fewer."""
    steps = math.floor(MAX_BREATHS_PER_MINUTE / pattern.breaths_per_minute / TEMPO_STEP + 1e-9)
    return round(min(MAX_TEMPO, max(MIN_TEMPO, steps * TEMPO_STEP)), 2)


def cycles_problem(pattern: Pattern, cycles: int, minutes: float | None = None) -> Problem | None:
    """More breaths than the pattern allows at a time (4-7-8: 8), asked as breaths or minutes."""
    most = pattern.max_cycles
    if most is None or cycles <= most:
        return None
    reason = f"{pattern.name} is at most {most} breaths at a time ({pattern.source})"
    if minutes is not None:
        return Problem("minutes", f"{minutes:g} is {cycles} breaths of {pattern.name}; {reason}")
    return Problem("cycles", f"{cycles}: {reason}")


def session_cycles(
    pattern: Pattern, cycles: int | None, minutes: float | None, default_minutes: float
) -> int:
    """The breaths of a session: as asked, by breaths or by minutes (rounded up to whole
    breaths); asked for neither, the pattern's own default (4-7-8: 4), else the default minutes."""
    if cycles is not None:
        return cycles
    if minutes is not None:
        return cycles_for_minutes(pattern, minutes)
    if pattern.default_cycles is not None:
        return pattern.default_cycles
    return cycles_for_minutes(pattern, default_minutes)


def session_problem(
    pattern: Pattern, *, cycles: int | None, minutes: float | None, tempo: float
) -> Problem | None:
    """Everything the limits say about one session request, the first problem found."""
    problem = (
        length_problem(cycles, minutes) or tempo_problem(tempo) or rate_problem(pattern, tempo)
    )
    if problem is not None:
        return problem
    asked = session_cycles(pattern, cycles, minutes, 0.0) if cycles or minutes else None
    return cycles_problem(pattern, asked, minutes if cycles is None else None) if asked else None
