"""A breathing session with a heart-rate sensor is kept in the journal (kind "breathe") with its
heart figures; a session without one keeps nothing, as before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from breath_tui.screens.base import BreathScreen, Outcome


def keep_breathe_entry(
    screen: BreathScreen[Outcome], outcome: Outcome, then: Callable[[Outcome], None]
) -> None:
    """Save the session and its heart figures in a journal worker, then `then(outcome)` with a
    line saying so (or that it was not saved)."""
    from breath_tui.core.checkin import CheckIn
    from breath_tui.core.when import local_now

    assert outcome.breathing is not None
    ended = local_now()
    started = ended - timedelta(seconds=outcome.breathing.seconds or 0)
    entry = (
        CheckIn.new("breathe", now=lambda: started)
        .updated(breathing=outcome.breathing, heart=outcome.heart)
        .finished(ended)
    )
    heart = outcome.heart
    assert heart is not None
    said = (
        f"Kept in your journal with the heart figures: {heart.mean_bpm:.0f} bpm on average, "
        f"swing {heart.swing_bpm:.1f} bpm a breath, RMSSD {heart.rmssd_ms:.0f} ms, "
        f"{heart.beats} beats."
    )
    screen.journal_work(
        lambda journal: journal.add(entry),
        lambda _added: then(outcome._replace(line=f"{outcome.line}\n{said}")),
        lambda error: then(outcome._replace(line=f"{outcome.line}\nNot saved: {error}")),
    )
