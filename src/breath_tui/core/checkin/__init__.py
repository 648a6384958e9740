"""The check-in model: one record of the journal, and its parts, each checked when made.

The face of the package; import from here. `record` is the check-in itself, `parts` the
breathing, body entries and feelings it holds, `fields` the checks and bounds they share.
"""

from breath_tui.core.checkin.extras import (
    PACES,
    SENSES,
    Feedback,
    Grounding,
    Heart,
    Pace,
    RateFigure,
    Resonance,
)
from breath_tui.core.checkin.fields import (
    MAX_EXTRA_DEPTH,
    MAX_ITEMS,
    MAX_NAME,
    MAX_NOTE,
    MAX_SECONDS,
    CheckInError,
)
from breath_tui.core.checkin.parts import BodyEntry, Breathing, BreathPhase, Feeling
from breath_tui.core.checkin.record import (
    EDITABLE,
    KIND_NAMES,
    KINDS,
    SCHEMA,
    STEPS,
    TYPING,
    CheckIn,
    Kind,
    Status,
    steps_for,
)

__all__ = [
    "EDITABLE",
    "KIND_NAMES",
    "KINDS",
    "MAX_EXTRA_DEPTH",
    "MAX_ITEMS",
    "MAX_NAME",
    "MAX_NOTE",
    "MAX_SECONDS",
    "PACES",
    "SENSES",
    "SCHEMA",
    "STEPS",
    "TYPING",
    "BodyEntry",
    "BreathPhase",
    "Breathing",
    "CheckIn",
    "CheckInError",
    "Feedback",
    "Feeling",
    "Grounding",
    "Heart",
    "Kind",
    "Pace",
    "RateFigure",
    "Resonance",
    "Status",
    "steps_for",
]
