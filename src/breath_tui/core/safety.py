"""The safety copy (docs/architecture.md, "Safety copy"): on every breathing screen and in plain
mode."""

from __future__ import annotations

from breath_tui.core.patterns import LONG_HOLD_CAUTION, Pattern

GENTLY = "Breathe gently, not deeply. If you feel dizzy or tingly, stop and breathe normally."
HOLDS = "Holds: not in water or while driving."
STOP_ANY_TIME = "Esc stops at any moment."
DEFAULT_CRISIS_TEXT = "In crisis? Contact your local emergency services or a helpline."
NO_MEDICAL_ADVICE = "breath-tui gives no medical advice."
PANIC_NOTE = (
    "If breathing exercises make you more anxious, or you are working on panic with your "
    "therapist, agree with them when to use this."
)
"""Controlled breathing can become a safety behaviour in panic treatment (Schmidt et al. 2000;
Meuret et al. 2010): said in the README, by `patterns` and on the first breathing screen."""
STILL_TENSE = 8
"""A tension rating (0-10) from which a summary shows where help is: the crisis line."""


def safety_lines(pattern: Pattern) -> list[str]:
    """The safety lines for a breathing session with this pattern."""
    lines = [GENTLY]
    if pattern.has_holds:
        lines.append(HOLDS)
    if pattern.has_long_holds:
        lines.append(LONG_HOLD_CAUTION)
    if pattern.caution:
        lines.append(pattern.caution)
    return lines


def still_tense(before: int | None, after: int | None) -> bool:
    """Tension after is high (STILL_TENSE or more), or higher than before: where help is
    (the person's safety plan, then the crisis line) is shown."""
    if after is None:
        return False
    return after >= STILL_TENSE or (before is not None and after > before)
