"""Audio cues: how long after its moment a cue's play() returns, and how many cues are late.

Each backend runs a short real-time plain-mode session (run_plain, the code the app uses) in a
child process whose ALSA default is a null device, so no sound card is needed and nothing is
heard. A cue's target is its phase edge minus the backend's latency (the first cue: the start;
the end cue: the end, as plain mode issues it). The same session with the silent player is the
reference: it shows what sleeping and waking alone cost, so the ratio is what sound adds.

`python -m bench.audio_bench` prints the table; `python -m bench.audio_bench BACKEND` is the child.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Row, format_table
from breath_tui.audio.player import FIRST_CUE_WAIT, LATE_AFTER

REPO = Path(__file__).resolve().parent.parent
PATTERN, CYCLES = "0.25-0-0.25", 8
LATE = 0.010
BACKENDS = ("miniaudio", "simpleaudio", "aplay")
NULL_DEVICE = "pcm.!default { type null }\n"


class TimedPlayer:
    """Wraps a CuePlayer, recording when each play() was called and when it returned."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.latency = inner.latency
        self.muted = inner.muted
        self.notice = inner.notice
        self.calls: list[tuple[str, float, float]] = []

    def play(self, cue: str) -> None:
        called = time.monotonic()
        self.inner.play(cue)
        self.calls.append((cue, called, time.monotonic()))

    def stop(self) -> None:
        self.inner.stop()

    def set_muted(self, muted: bool) -> None:
        self.inner.set_muted(muted)

    def close(self) -> None:
        self.inner.close()


def _session(backend: str) -> dict[str, Any]:
    """Child side: one real-time session with `backend`; figures as a dict."""
    from breath_tui.audio.player import BackgroundPlayer, open_player
    from breath_tui.core.clock import MonotonicClock
    from breath_tui.core.pacer import Pacer
    from breath_tui.core.patterns import parse_spec
    from breath_tui.core.settings import SoundSettings
    from breath_tui.plain import run_plain

    opened = time.monotonic()
    inner = open_player(SoundSettings(backend=backend), enabled=backend != "none")
    if backend != "none" and not isinstance(inner, BackgroundPlayer):
        return {"unavailable": inner.notice}
    started: list[float] = []
    opening = 0.0
    if isinstance(inner, BackgroundPlayer):
        inner.ready.wait(5)
        opening = time.monotonic() - opened
        start_cue = inner.backend.start

        def timed_start(cue: str) -> None:
            start_cue(cue)
            started.append(time.monotonic())

        inner.backend.start = timed_start  # type: ignore[method-assign]
    player = TimedPlayer(inner)
    pattern = parse_spec(PATTERN)
    clock = MonotonicClock()
    start = clock.now()
    pacer = Pacer(pattern, CYCLES, start=start)
    run_plain(pattern, pacer, clock, io.StringIO(), player, time.sleep)
    player.close()
    if isinstance(inner, BackgroundPlayer):
        inner.join(10)
    phase = pattern.cycle_seconds / len(pattern.phases)
    last = len(player.calls) - 1  # the end cue, issued at the end itself
    targets = [start] + [start + k * phase - player.latency for k in range(1, last)]
    targets.append(start + last * phase)
    delays = [
        returned - target for (_, _, returned), target in zip(player.calls, targets, strict=True)
    ]
    to_start = [s - c for (_, c, _), s in zip(player.calls, started, strict=False)]
    return {
        "call": [returned - called for _, called, returned in player.calls],
        "delay": delays,
        "to_start": to_start,
        "latency": player.latency,
        "opening": opening,
        "dropped": inner.dropped if isinstance(inner, BackgroundPlayer) else 0,
    }


def _references() -> dict[str, float]:
    """Child side: a bare function call and starting `true` as a subprocess."""

    def nothing(_cue: str) -> None:
        return None

    calls = []
    for _ in range(1000):
        t = time.perf_counter()
        nothing("in")
        calls.append(time.perf_counter() - t)
    spawns = []
    for _ in range(20):
        t = time.perf_counter()
        subprocess.run(["true"], check=False)
        spawns.append(time.perf_counter() - t)
    return {"call": statistics.median(calls), "spawn": statistics.median(spawns)}


def _child(backend: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder, "asound.conf")
        conf.write_text(NULL_DEVICE)
        env = {
            **os.environ,
            "ALSA_CONFIG_PATH": f"/usr/share/alsa/alsa.conf:{conf}",
            "BREATH_TUI_HOME": folder,
        }
        result = subprocess.run(
            [sys.executable, "-m", "bench.audio_bench", backend],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    if result.returncode != 0:
        return {"unavailable": result.stderr.strip().splitlines()[-1:] or "failed"}
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def run() -> list[Row]:
    """Rows per backend available here, each beside a reference from the same run."""
    reference = _child("references")
    silent = _child("none")
    silent_late = sum(d > LATE for d in silent["delay"])
    rows = []
    for backend in BACKENDS:
        data = _child(backend)
        if "unavailable" in data:
            rows.append(Row(f"{backend}: not available here", 0, "", target="skipped"))
            continue
        call = _ms(statistics.median(data["call"]))
        rows.append(
            Row(
                f"{backend}: play() call, median",
                call,
                "ms",
                _ms(reference["call"]),
                "bare function call",
                "<= 1 ms",
                call <= 1.0,
            )
        )
        delay = _ms(_p95(data["delay"]))
        rows.append(
            Row(
                f"{backend}: target to play() return, p95",
                delay,
                "ms",
                _ms(_p95(silent["delay"])),
                "same, silent player",
                "<= 10 ms",
                delay <= 10,
            )
        )
        late = sum(d > LATE for d in data["delay"])
        rows.append(
            Row(
                f"{backend}: late cues (> 10 ms) of {len(data['delay'])}",
                late,
                "",
                silent_late,
                "same, silent player",
                "0",
                late == 0,
            )
        )
        rows.append(
            Row(
                f"{backend}: dropped (> {_ms(LATE_AFTER):g} ms) of {len(data['delay'])}",
                data["dropped"],
                "",
                silent["dropped"],
                "same session, silent player",
                "0",
                data["dropped"] == 0,
            )
        )
        start = _ms(statistics.median(data["to_start"]))
        rows.append(
            Row(
                f"{backend}: play() to backend start, median",
                start,
                "ms",
                _ms(reference["spawn"]),
                "start `true`",
                f"<= latency {_ms(data['latency']):g} ms",
                start <= _ms(data["latency"]),
            )
        )
        opening = _ms(data["opening"])
        rows.append(
            Row(
                f"{backend}: open to ready (the first cue waits)",
                opening,
                "ms",
                _ms(reference["spawn"]),
                "start `true`",
                f"<= {_ms(FIRST_CUE_WAIT):g} ms",
                opening <= _ms(FIRST_CUE_WAIT),
            )
        )
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 2:
        which = sys.argv[1]
        print(json.dumps(_references() if which == "references" else _session(which)))
    else:
        print(format_table(run()))
