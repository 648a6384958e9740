"""The limits of a breathing session, checked in one place for every way one is asked for: the
command line, config.toml, the settings screen and the keys of the breathing screen.

Each check returns what is wrong as a Problem naming the field ("cycles", "minutes", "tempo",
"pattern"); the caller says it in its own terms (`--cycles ...`, `breathing.cycles ...` with the
file and line, or a line on screen).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from breath_tui.core.pacer import MAX_CYCLES, MAX_TEMPO, MIN_TEMPO

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
        return Problem("cycles", f"must be 1 to {MAX_CYCLES}, not {cycles}")
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
