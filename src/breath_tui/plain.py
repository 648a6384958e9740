"""Plain mode: one line per phase as it begins, flushed at once, for screen readers and pipes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from breath_tui.audio import CuePlayer
from breath_tui.core.breath_words import describe_length, phase_line, rate_line, session_line
from breath_tui.core.clock import Clock
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import Pattern
from breath_tui.core.safety import PANIC_NOTE, safety_lines
from breath_tui.core.text import visible

if TYPE_CHECKING:
    from breath_tui.session_setup import SessionSetup


def run_plain_session(
    setup: SessionSetup,
    out: TextIO | None = None,
    *,
    clock: Clock | None = None,
    sleep: Callable[[float], None] | None = None,
) -> int:
    """A whole plain session on the session clock, to standard output; 0 when done or stopped.

    With a heart-rate sensor each phase line ends with the heart rate (and the last breath's
    swing), the figures close the session, and the session is kept in the journal with them.
    """
    import sys
    import time

    from breath_tui.core.clock import session_clock
    from breath_tui.core.locations import journal_path

    clock = clock or session_clock()
    stream = out or sys.stdout
    # A fresh install (nothing kept yet), as on the first breathing screen: asked before a
    # session with a sensor starts a journal.
    fresh = not journal_path().exists()
    # Opened before the clock starts, so its start-up does not eat the first phase.
    cues = setup.player()
    heart = None
    pacers: list[Pacer] = []  # the sensor's thread may hear a beat before the pacer is made
    if setup.sensor is not None:
        from breath_tui.plain_heart import PlainHeart

        # Started before the pacer, so its thread's start does not eat the first phase.
        heart = PlainHeart(setup, clock, lambda t: pacers[0].state_at(t).cycle if pacers else 0)
        heart.start()
    pacer = setup.make_pacer(clock.now())
    pacers.append(pacer)
    try:
        run_plain(
            setup.pattern,
            pacer,
            clock,
            stream,
            cues,
            sleep or time.sleep,
            suffix=heart.suffix if heart is not None else None,
            panic_note=fresh,
        )
    finally:
        setup.close()
        if heart is not None:
            heart.stop()
    if heart is not None:
        heart.finish(pacer.state_at(clock.now()), setup, stream)
    return 0


def run_plain(
    pattern: Pattern,
    pacer: Pacer,
    clock: Clock,
    out: TextIO,
    cues: CuePlayer,
    sleep: Callable[[float], None],
    on_line: Callable[[str, float], None] | None = None,
    suffix: Callable[[], tuple[str, list[str]]] | None = None,
    panic_note: bool = False,
) -> str:
    """Guide a session as text lines; return the summary. KeyboardInterrupt stops it early.

    Args:
        pattern: the pattern being breathed (for the header and safety lines).
        pacer: the schedule, started at clock.now().
        clock: where time comes from; `sleep` waits real seconds.
        out: where lines go (flushed after each).
        cues: plays a cue at each phase, `cues.latency` seconds early so sound meets the line.
        sleep: waits real seconds (time.sleep, or a test's clock advance).
        on_line: called with each phase line and the clock time it was written (benchmarks).
        suffix: what to add to each phase line (the heart rate), and notices to print before it.
        panic_note: add the note for people working on panic to the safety lines (a fresh
            install, as the first breathing screen does).
    """

    def say(text: str) -> None:
        # Notices name files (a cue file, a recording) and patterns: shown, never sent.
        out.write(visible(text) + "\n")
        out.flush()

    shown_notice: str | None = None

    def show_notice() -> None:
        # Sound trouble is told once, as a line of its own, when it is first known.
        nonlocal shown_notice
        if cues.notice and cues.notice != shown_notice:
            shown_notice = cues.notice
            say(cues.notice)

    say(f"{rate_line(pattern, pacer.tempo)}, {describe_length(pacer)}. Ctrl+C stops.")
    # "Safety:" first, so that only phase lines start with "Breathe in", "Hold" or "Breathe out".
    for line in [*safety_lines(pattern), *([PANIC_NOTE] if panic_note else [])]:
        say(f"Safety: {line}")
    show_notice()
    last_key = None
    cued: set[tuple[int, int, bool]] = set()
    try:
        while True:
            now = clock.now()
            state = pacer.state_at(now)
            if state.key != last_key:
                last_key = state.key
                if state.done:
                    break
                line = phase_line(state)
                if suffix is not None:
                    added, notices = suffix()
                    for notice in notices:
                        say(notice)
                    line += added
                say(line)
                if on_line is not None:
                    on_line(line, now)
                if state.key not in cued:
                    cues.play(state.phase.kind)
                    cued.add(state.key)
                show_notice()
            edge = pacer.next_edge(now)
            early = pacer.early_cue(now, cues.latency)
            if early is not None and early[1].key not in cued:
                cue_time, upcoming = early
                sleep(clock.real_seconds(cue_time - now))
                cues.play(upcoming.phase.kind)
                cued.add(upcoming.key)
                now = clock.now()
            if edge > now:
                sleep(clock.real_seconds(edge - now))
        cues.play("end")
    except KeyboardInterrupt:
        cues.stop()
    final = pacer.state_at(clock.now())
    text = session_line(final, pattern)
    say(text)
    return text
