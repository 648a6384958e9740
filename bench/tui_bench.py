"""Breathing-screen figures: phase-change timing, CPU while breathing, time to first paint."""

from __future__ import annotations

import asyncio
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row
from bench.pty_run import PtyProcess

FRAME = 1 / 60  # Textual paints at most 60 times a second
BIN = Path(sys.executable).parent
BARE = [sys.executable, "-m", "bench.bare_app"]
SESSION_MINUTES = 10
CPU_ROUNDS = 3


def _schedule(pacer, start: float) -> dict[tuple[int, int], float]:
    """Clock time each (cycle, phase) should begin, straight from the pattern."""
    times, t = {}, start
    for cycle in range(pacer.cycles):
        for index, phase in enumerate(pacer.pattern.phases):
            times[(cycle, index)] = t
            t += phase.seconds / pacer.tempo
    times[(pacer.cycles, len(pacer.pattern.phases) - 1)] = t
    return times


async def _trace_app(speed: float, minutes: float) -> tuple[list[float], list[float]]:
    """Run the app headless for `minutes` of clock time; errors (real s) of each rendered edge."""
    from breath_tui.app import BreathApp
    from breath_tui.audio import SilentPlayer
    from breath_tui.core.clock import MonotonicClock, ScaledClock
    from breath_tui.core.pacer import cycles_for_minutes
    from breath_tui.core.patterns import PRESETS
    from breath_tui.core.settings import Config
    from breath_tui.flows import FlowOptions
    from breath_tui.screens.breathe import PhaseTrace
    from breath_tui.session_setup import SessionSetup

    pattern = PRESETS["resonance"]
    clock = ScaledClock(speed) if speed != 1 else MonotonicClock()
    setup = SessionSetup(pattern, cycles_for_minutes(pattern, minutes), 1.0, SilentPlayer())
    trace: PhaseTrace = []
    config = Config()
    config.sound.enabled = False
    options = FlowOptions(sound=False, setup=setup, reduced_motion=False)
    app = BreathApp(config, "breathe", options, clock=clock, trace=trace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        schedule = _schedule(screen.pacer, screen.pacer._anchor_wall)
        end = max(schedule.values())
        while clock.now() < end + 0.5 * speed:
            await asyncio.sleep(0.2)
    errors = [(t - schedule[(c, i)]) / speed for c, i, t in trace if (c, i) in schedule]
    return errors, [schedule[(c, i)] for c, i, _ in trace if (c, i) in schedule]


async def _chained_timers(speed: float, minutes: float) -> list[float]:
    """The naive way, for reference: one timer per phase, each started when the last fired."""
    from breath_tui.core.patterns import PRESETS

    pattern = PRESETS["resonance"]
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    scheduled, errors = 0.0, []
    t_end = minutes * 60 / speed
    while scheduled < t_end:
        for phase in pattern.phases:
            await asyncio.sleep(phase.seconds / speed)
            scheduled += phase.seconds / speed
            await asyncio.sleep(0)  # the work a frame does before the next timer is set
            errors.append(loop.time() - loop.time() + (time.monotonic() - start) - scheduled)
    return errors


async def _bare_textual_edges(count: int, spacing: float) -> list[float]:
    """Reference: a bare Textual app (one Static) that, `count` times, sets a one-shot timer for
    an absolute deadline, updates the Static when it fires, and notes when that frame was
    refreshed, as the breathing screen's trace does. Errors in real seconds."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    errors: list[float] = []

    class Edges(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("ready", id="text")

        def on_mount(self) -> None:
            self.first = time.monotonic() + spacing
            self.index = 0
            self._arm()

        def _arm(self) -> None:
            deadline = self.first + self.index * spacing
            self.set_timer(max(0.0, deadline - time.monotonic()), lambda: self._edge(deadline))

        def _edge(self, deadline: float) -> None:
            self.query_one("#text", Static).update(f"edge {self.index}")
            self.call_after_refresh(lambda: errors.append(time.monotonic() - deadline))
            self.index += 1
            if self.index < count:
                self._arm()

    app = Edges()
    async with app.run_test(size=(80, 24)):
        while len(errors) < count:
            await asyncio.sleep(0.05)
    return errors


def _drift(errors: list[float]) -> float:
    """Mean error of the last tenth of edges minus the first tenth (real seconds)."""
    tenth = max(1, len(errors) // 10)
    return statistics.mean(errors[-tenth:]) - statistics.mean(errors[:tenth])


def phase_timing(real_seconds: float = 60.0) -> list[Row]:
    """Phase-change error and drift: 10 minutes on a fast clock, and one real minute.

    References from the same run: the worst error of a bare Textual app's timer-plus-refresh
    over as many edges (0.1 s apart), and the drift of chained timers on the same clock.
    """
    speed = SESSION_MINUTES * 60 / real_seconds
    errors, _ = asyncio.run(_trace_app(speed, SESSION_MINUTES))
    real_errors, _ = asyncio.run(_trace_app(1, real_seconds / 60))
    chained = asyncio.run(_chained_timers(speed, SESSION_MINUTES))
    rows = []
    for label, errs in (
        (f"10 min session at {speed:g}x clock", errors),
        (f"{real_seconds:g} s session, real clock", real_errors),
    ):
        worst = max(abs(e) for e in errs)
        bare = asyncio.run(_bare_textual_edges(len(errs), 0.1))
        rows.append(
            Row(
                f"phase edge error, worst ({label}, n={len(errs)})",
                worst * 1000,
                "ms",
                max(abs(e) for e in bare) * 1000,
                "bare Textual app: timer to refreshed frame, worst of as many edges",
                f"<= {FRAME * 1000:.1f} ms (1 frame)",
                worst <= FRAME,
            )
        )
        rows.append(
            Row(
                f"drift first->last tenth ({label})",
                _drift(errs) * 1000,
                "ms",
                _drift(chained) * 1000,
                "chained timers (one per phase), 10 min at the same fast clock",
                f"|drift| <= {FRAME / 4 * 1000:.1f} ms",
                abs(_drift(errs)) <= FRAME / 4,
            )
        )
    return rows


def _bare_sleeps(count: int, spacing: float) -> list[float]:
    """Reference for plain mode: time.sleep to `count` absolute deadlines, `spacing` apart;
    how late each wake-up was (real seconds)."""
    errors = []
    first = time.monotonic() + spacing
    for k in range(count):
        deadline = first + k * spacing
        time.sleep(max(0.0, deadline - time.monotonic()))
        errors.append(time.monotonic() - deadline)
    return errors


def plain_timing(real_seconds: float = 30.0) -> list[Row]:
    """Plain mode: when each line was written against its schedule, 10 minutes on a fast clock."""
    from breath_tui.audio import SilentPlayer
    from breath_tui.core.clock import ScaledClock
    from breath_tui.core.pacer import Pacer, cycles_for_minutes
    from breath_tui.core.patterns import PRESETS
    from breath_tui.plain import run_plain

    speed = SESSION_MINUTES * 60 / real_seconds
    pattern = PRESETS["box"]
    clock = ScaledClock(speed)
    pacer = Pacer(pattern, cycles_for_minutes(pattern, SESSION_MINUTES), start=clock.now())
    schedule = _schedule(pacer, pacer._anchor_wall)
    keys = iter(sorted(schedule, key=schedule.get))
    errors: list[float] = []

    def on_line(_line: str, t: float) -> None:
        errors.append((t - schedule[next(keys)]) / speed)

    with open(os.devnull, "w") as sink:
        run_plain(pattern, pacer, clock, sink, SilentPlayer(), time.sleep, on_line=on_line)
    worst = max(abs(e) for e in errors)
    bare = max(abs(e) for e in _bare_sleeps(len(errors), 0.05))
    return [
        Row(
            f"plain line error, worst (10 min at {speed:g}x, n={len(errors)})",
            worst * 1000,
            "ms",
            bare * 1000,
            "time.sleep to as many absolute deadlines, worst wake-up",
            "<= 10 ms",
            worst <= 0.010,
        )
    ]


def _cpu_share(argv: list[str], seconds: float, env: dict[str, str]) -> float:
    process = PtyProcess(argv, env=env)
    try:
        process.wait_for("ready" if argv == BARE + ["--repaint"] else "Breathe in")
        time.sleep(1.0)
        before, t0 = process.cpu_seconds(), time.monotonic()
        time.sleep(seconds)
        return (process.cpu_seconds() - before) / (time.monotonic() - t0)
    finally:
        process.stop()


def cpu_while_breathing(seconds: float = 20.0) -> list[Row]:
    """CPU share of a breathing session (also with a replayed heart-rate strap), beside two
    references from the same run.

    - a bare Textual app repainting a Static at 30 fps (the target: at most 0.3x of it);
    - the same breathing screen driven by a plain fixed 30 fps timer (bench/fixed_rate_app.py),
      so the saving of the event-driven guide is shown on its own.
    Each of the four runs in turn for half of `seconds`, and the round is repeated `CPU_ROUNDS`
    times; each ratio is the median of the ratios within a round (the machine is shared).
    """
    breathe = ["breathe", "--no-sound", "--minutes", "5"]
    home = tempfile.mkdtemp()
    recording = Path(home) / "rr.txt"
    _write_recording(recording, minutes=10)
    cases = {
        "bare": BARE + ["--repaint"],
        "ours": [str(BIN / "breath-tui"), *breathe],
        "fixed": [sys.executable, "-m", "bench.fixed_rate_app", *breathe],
        "calm": [str(BIN / "breath-tui"), *breathe, "--reduced-motion"],
        "heart": [str(BIN / "breath-tui"), *breathe, "--sensor", f"replay:{recording}"],
    }
    shares: dict[str, list[float]] = {name: [] for name in cases}
    try:
        env = {"BREATH_TUI_HOME": home}
        for _ in range(CPU_ROUNDS):
            for name, argv in cases.items():
                shares[name].append(_cpu_share(argv, seconds / 2, env))
    finally:
        shutil.rmtree(home, ignore_errors=True)

    def row(name: str, label: str, against: str, reference_name: str, limit: float | None) -> Row:
        pairs = zip(shares[name], shares[against], strict=True)
        paired = statistics.median(o / r if r else math.inf for o, r in pairs)
        return Row(
            label,
            statistics.median(shares[name]) * 100,
            "%",
            statistics.median(shares[against]) * 100,
            reference_name,
            f"<= {limit}x" if limit is not None else "",
            paired <= limit if limit is not None else None,
            paired_ratio=paired,
        )

    bare = "bare Textual app repainting a Static at 30 fps"
    fixed = "the same breathing screen on a fixed 30 fps timer"
    return [
        row("ours", "CPU while breathing (motion)", "bare", bare, 0.3),
        row("ours", "CPU while breathing (motion), vs fixed 30 fps", "fixed", fixed, None),
        row("fixed", "CPU, breathing screen on a fixed 30 fps timer", "bare", bare, None),
        row("calm", "CPU while breathing (reduced motion)", "bare", bare, 0.3),
        row("heart", "CPU while breathing with a live heart line", "bare", bare, 0.3),
    ]


def _write_recording(path: Path, minutes: float) -> None:
    """RR intervals (ms, one a line) of a heart at about 66 bpm swinging with 6 breaths a
    minute, as a chest strap would send them while the person follows the guide."""
    lines, t = [], 0.0
    while t < minutes * 60:
        bpm = 66 + 6 * math.sin(2 * math.pi * t / 10)
        interval = 60 / bpm
        lines.append(f"{interval * 1000:.0f}")
        t += interval
    path.write_text("\n".join(lines) + "\n")


def _seed_journal(home: str, count: int) -> None:
    """A journal of `count` check-ins, imported the way a person would."""
    import json
    import subprocess
    import uuid

    lines = []
    for n in range(count):
        day = 1 + n % 28
        lines.append(
            json.dumps(
                {
                    "schema": 1,
                    "id": str(uuid.UUID(int=n + 1)),
                    "started_at": f"2024-{1 + n % 12:02d}-{day:02d}T09:{n % 60:02d}:00+01:00",
                    "ended_at": None,
                    "kind": "checkin",
                    "breathing": None,
                    "pre_rating": n % 11,
                    "post_rating": (n + 3) % 11,
                    "body": [
                        {"region": "shoulders", "sensations": ["tension"], "intensity": n % 11}
                    ],
                    "feelings": [{"word": "anxious", "intensity": "somewhat"}],
                    "note": f"note {n}",
                }
            )
        )
    path = Path(home) / "seed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    subprocess.run(
        [str(BIN / "breath-tui"), "import", str(path)],
        check=True,
        env={**os.environ, "BREATH_TUI_HOME": home},
        capture_output=True,
    )


def _first_paint_once(argv: list[str], marker: str, env: dict[str, str]) -> float:
    process = PtyProcess(argv, env=env)
    try:
        return process.wait_for(marker)
    finally:
        process.stop()


def first_paint(runs: int = 5) -> list[Row]:
    """Time from start to the first frame on the terminal, against a bare Textual app.

    Each round starts the bare app and then each of ours, back to back, so both meet the same
    load. The values shown are medians over the rounds; each ratio is the median of the ratios
    taken within one round, which cancels the machine's slower and faster spells (on this shared
    machine the bare app's own time ranges from 190 to 300 ms within a minute).
    """
    tui = str(BIN / "breath-tui")
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as big:
        _seed_journal(big, 10_000)
        env, env_big = {"BREATH_TUI_HOME": home}, {"BREATH_TUI_HOME": big}
        cases = {
            "bare": (BARE, "ready", env),
            "breathe": ([tui, "breathe", "--no-sound"], "Breathe in", env),
            "home": ([tui], "Start-of-session", env),
            "now": ([tui, "now", "--no-sound"], "Breathe in", env),
            "history": ([tui, "history"], "check-in", env_big),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (argv, marker, case_env) in cases.items():
                times[name].append(_first_paint_once(argv, marker, case_env) * 1000)
    bare = statistics.median(times["bare"])
    ref = "bare Textual app (one Static), start to first frame"

    def row(name: str, label: str, target: str, limit: float) -> Row:
        paired = statistics.median(o / b for o, b in zip(times[name], times["bare"], strict=True))
        median = statistics.median(times[name])
        return Row(label, median, "ms", bare, ref, target, paired <= limit, paired_ratio=paired)

    now = statistics.median(times["now"])
    return [
        row("breathe", "first paint of breathe", "<= 1.1x", 1.1),
        row("home", "first paint of home", "<= 1.1x", 1.1),
        Row(
            "guidance on screen for `now`",
            now,
            "ms",
            bare,
            ref,
            "<= bare + 1000 ms",
            now <= bare + 1000,
        ),
        row("history", "first paint of history, 10,000 check-ins", "<= 2x", 2.0),
    ]
