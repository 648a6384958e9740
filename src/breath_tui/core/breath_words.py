"""Words for a breathing session: the lines plain mode prints, lengths and times, and the line
that says how a session ended."""

from __future__ import annotations

from breath_tui.core.pacer import Pacer, PacerState


def phase_line(state: PacerState) -> str:
    """One line as a phase begins, starting with its word ("Breathe in", "Hold", "Breathe out")."""
    seconds = state.seconds_left
    amount = f"{seconds:.1f}".rstrip("0").rstrip(".")
    unit = "second" if amount == "1" else "seconds"
    line = f"{state.phase.word}, {amount} {unit}"
    if state.phase_index == 0:
        line += f" (breath {state.cycle + 1} of {state.cycles_total})"
    return line


def describe_length(pacer: Pacer) -> str:
    """'12 breaths, about 2 minutes' at the current tempo."""
    minutes = pacer.total_breath_seconds / pacer.tempo / 60
    breaths = "breath" if pacer.cycles == 1 else "breaths"
    return f"{pacer.cycles} {breaths}, about {format_minutes(minutes)}"


def format_minutes(minutes: float) -> str:
    """'1 minute', '2.5 minutes', '40 seconds'."""
    if minutes < 1:
        return f"{round(minutes * 60)} seconds"
    text = f"{minutes:.1f}".rstrip("0").rstrip(".")
    return f"{text} minute" + ("" if text == "1" else "s")


def session_line(state: PacerState) -> str:
    """What the person did, without praise or scores: breaths, minutes, tempo."""
    done = state.cycles_done
    noun = "breath" if (state.cycles_total if not state.done else done) == 1 else "breaths"
    breaths = f"{done} of {state.cycles_total} {noun}" if not state.done else f"{done} {noun}"
    head = "Finished" if state.done else "Stopped"
    return f"{head}: {breaths} in {format_minutes(state.elapsed / 60)}, tempo {state.tempo:.1f}x."


def format_clock(seconds: float) -> str:
    """m:ss, for time left."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"
