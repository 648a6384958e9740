"""Words for a breathing session: the lines plain mode prints, lengths and times, and the line
that says how a session ended."""

from __future__ import annotations

from breath_tui.core.pacer import Pacer, PacerState
from breath_tui.core.patterns import Pattern, rate_text


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
    """'1 minute', '2.5 minutes', '40 seconds', '1 second'."""
    if minutes < 1:
        seconds = round(minutes * 60)
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    text = f"{minutes:.1f}".rstrip("0").rstrip(".")
    return f"{text} minute" + ("" if text == "1" else "s")


def tempo_text(tempo: float) -> str:
    """A tempo as the keys step it, '1.2' or '1.0'; one typed finer keeps its hundredths, '1.66'
    (never shown as the 1.7 the limits would refuse)."""
    tenths = f"{tempo:.1f}"
    return tenths if abs(float(tenths) - tempo) < 1e-9 else f"{tempo:.2f}".rstrip("0")


def rate_words(pattern: Pattern, tempo: float) -> str:
    """'6 breaths a minute', or at another tempo '7.2 breaths a minute at 1.2x'."""
    rate = rate_text(pattern.breaths_per_minute * tempo)
    return f"{rate} breaths a minute" + ("" if tempo == 1.0 else f" at {tempo_text(tempo)}x")


def rate_line(pattern: Pattern, tempo: float) -> str:
    """'resonance: 6 breaths a minute'; off its written rate, 'resonance at 1.2x: 7.2 a minute'."""
    if tempo == 1.0:
        return f"{pattern.name}: {rate_text(pattern.breaths_per_minute)} breaths a minute"
    rate = rate_text(pattern.breaths_per_minute * tempo)
    return f"{pattern.name} at {tempo_text(tempo)}x: {rate} a minute"


def session_line(state: PacerState, pattern: Pattern) -> str:
    """What the person did, without praise or scores: breaths, minutes, the pace."""
    done = state.cycles_done
    noun = "breath" if (state.cycles_total if not state.done else done) == 1 else "breaths"
    breaths = f"{done} of {state.cycles_total} {noun}" if not state.done else f"{done} {noun}"
    head = "Finished" if state.done else "Stopped"
    minutes = format_minutes(state.elapsed / 60)
    return f"{head}: {breaths} in {minutes}, {rate_words(pattern, state.tempo)}."


def format_clock(seconds: float) -> str:
    """m:ss, for time left."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"
