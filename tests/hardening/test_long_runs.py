"""Long runs on an injected clock: 30 minutes of breathing keep every phase on its exact time.

Time moves only when the test moves it (core.clock.ManualClock); the expected schedule is
worked out in exact fractions, so any drift, however small, shows.
"""

from __future__ import annotations

import io
from fractions import Fraction

import pytest

from breath_tui.audio import SilentPlayer
from breath_tui.core.clock import ManualClock
from breath_tui.core.pacer import Pacer, cycles_for_minutes
from breath_tui.core.patterns import PRESETS, Pattern, parse_spec
from breath_tui.plain import run_plain

START = 123_456.789  # a large, inexact start: float error at this size would show
THIRTY_MINUTES = 30.0
PATTERNS = {
    "resonance": PRESETS["resonance"],
    "cyclic-sigh": PRESETS["cyclic-sigh"],
    "4-7-8": PRESETS["4-7-8"],
    "1.5-0.5-2-0.5": parse_spec("1.5-0.5-2-0.5"),
    "5.5-0-5.5": parse_spec("5.5-0-5.5"),
}
TEMPOS = [1.0, 0.7, 1.3]


def schedule(pattern: Pattern, cycles: int, tempo: float, start: float) -> list[Fraction]:
    """Exact clock times at which each phase begins (and, last, when the session ends)."""
    times, breath = [], Fraction(0)
    for _ in range(cycles):
        for phase in pattern.phases:
            times.append(Fraction(start) + breath / Fraction(tempo))
            breath += Fraction(phase.seconds)
    times.append(Fraction(start) + breath / Fraction(tempo))
    return times


@pytest.mark.parametrize("tempo", TEMPOS)
@pytest.mark.parametrize("name", list(PATTERNS))
def test_thirty_minutes_of_phase_edges_fall_on_their_exact_times(name: str, tempo: float) -> None:
    """Every phase edge of a 30-minute session is within a nanosecond of its exact time."""
    pattern = PATTERNS[name]
    cycles = cycles_for_minutes(pattern, THIRTY_MINUTES)
    pacer = Pacer(pattern, cycles, tempo, start=START)
    expected = schedule(pattern, cycles, tempo, START)
    edges, t = [], START
    while (edge := pacer.next_edge(t)) != float("inf"):
        edges.append(edge)
        before, after = pacer.state_at(edge - 1e-4), pacer.state_at(edge)
        assert after.key != before.key  # the edge is where the phase changes
        t = edge
    assert len(edges) == len(expected) - 1
    worst = max(abs(Fraction(edge) - want) for edge, want in zip(edges, expected[1:], strict=True))
    assert worst < Fraction(1, 10**9), float(worst)
    assert pacer.state_at(edges[-1]).done
    assert pacer.state_at(edges[-1]).elapsed == pytest.approx(float(expected[-1] - Fraction(START)))


@pytest.mark.parametrize("tempo", TEMPOS)
@pytest.mark.parametrize("name", list(PATTERNS))
def test_thirty_minutes_of_plain_lines_are_written_on_time(name: str, tempo: float) -> None:
    """Plain mode over 30 minutes: one line per phase, each written at its phase's exact time."""
    pattern = PATTERNS[name]
    cycles = cycles_for_minutes(pattern, THIRTY_MINUTES)
    clock = ManualClock(START)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        assert seconds >= 0
        slept.append(seconds)
        clock.advance(seconds)

    lines: list[tuple[str, float]] = []
    out = io.StringIO()
    pacer = Pacer(pattern, cycles, tempo, start=clock.now())
    summary = run_plain(
        pattern,
        pacer,
        clock,
        out,
        SilentPlayer(),
        sleep,
        on_line=lambda line, t: lines.append((line, t)),
    )
    expected = schedule(pattern, cycles, tempo, START)
    assert len(lines) == len(pattern.phases) * cycles
    phases = list(pattern.phases) * cycles
    assert all(line.startswith(p.word) for (line, _), p in zip(lines, phases, strict=True))
    worst = max(abs(Fraction(t) - want) for (_, t), want in zip(lines, expected, strict=False))
    assert worst < Fraction(1, 10**9), float(worst)
    assert abs(Fraction(clock.now()) - expected[-1]) < Fraction(1, 10**9)
    assert summary.startswith(f"Finished: {cycles} breaths")
    # Sleeping is one wait per phase (and none wasted): no busy loop over half an hour.
    assert len(slept) <= len(lines) + 1


async def test_thirty_minute_full_screen_session_is_on_the_breath_each_minute() -> None:
    """The full-screen guide, clock moved a minute at a time for 30 minutes: at each minute
    breath 6m+1 begins (in-breath, full countdown), and the summary is 180 breaths in 30 minutes."""
    from textual.widgets import Static

    from breath_tui.screens.breathe import BreathingScreen
    from breath_tui.screens.dialogs import SessionEndScreen

    from ..ui.helpers import make_app, wait_until_started

    app, clock, _ = make_app("resonance", cycles=180)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        for minute in range(30):
            screen = app.screen
            assert isinstance(screen, BreathingScreen), minute
            shown = {
                key: str(screen.query_one(f"#{key}", Static).render())
                for key in ("word", "countdown", "progress")
            }
            assert "Breathe in" in shown["word"] and shown["countdown"] == "4", (minute, shown)
            assert shown["progress"].startswith(f"breath {6 * minute + 1} of 180"), (minute, shown)
            clock.advance(60.0)
            screen.sync()
            await pilot.pause()
        assert isinstance(app.screen, SessionEndScreen)
        assert app.screen.text.startswith("Finished: 180 breaths in 30 minutes")


@pytest.mark.slow
async def test_thirty_minute_full_screen_session_shows_each_phase_on_time() -> None:
    """The full-screen guide over 30 minutes: each phase shown and cued at its edge, no extra
    cue, and a summary of exactly 180 breaths in 30 minutes."""
    from textual.widgets import Static

    from breath_tui.screens.breathe import BreathingScreen
    from breath_tui.screens.dialogs import SessionEndScreen

    from ..ui.helpers import make_app, wait_until_started

    app, clock, cues = make_app("resonance", cycles=180)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        for n in range(360):
            screen = app.screen
            assert isinstance(screen, BreathingScreen), n
            word = str(screen.query_one("#word", Static).render())
            assert ("Breathe in" if n % 2 == 0 else "Breathe out") in word, (n, word)
            assert len(cues.played) == n + 1, n
            clock.advance(4.0 if n % 2 == 0 else 6.0)
            screen.sync()
            await pilot.pause()
        assert isinstance(app.screen, SessionEndScreen)
        assert app.screen.text.startswith("Finished: 180 breaths in 30 minutes")
    assert cues.played == ["in", "out"] * 180 + ["end"]
