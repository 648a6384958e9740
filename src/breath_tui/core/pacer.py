"""The pacer: which phase, how far through it and which cycle, as a pure function of time.

The timing rule (docs/architecture.md, "The timing rule"): the phase shown is a function of the
monotonic clock since the session started, minus paused time, scaled by tempo. "Breath time" is
that scaled time; the pacer keeps one anchor (wall time, breath time) that moves only on pause,
resume and tempo changes, so nothing accumulates phase after phase and there is no drift.
"""

from __future__ import annotations

import bisect
import math
from typing import NamedTuple

from breath_tui.core.patterns import Pattern, Phase

MIN_TEMPO = 0.5
MAX_TEMPO = 2.0
TEMPO_STEP = 0.1
MAX_CYCLES = 1000

# A time within a microsecond of a phase edge counts as past it, so that a timer set for the
# edge that fires a hair early in float arithmetic still sees the new phase.
EDGE_TOLERANCE = 1e-6


class PacerState(NamedTuple):
    """Everything the guide shows at one moment."""

    phase_index: int
    phase: Phase
    progress: float
    """How far through the phase, 0..1."""
    seconds_left: float
    """Real seconds left in this phase at the current tempo."""
    cycle: int
    """The cycle under way, 0-based (equals cycles_total when done)."""
    cycles_total: int
    elapsed: float
    """Real seconds breathed so far, pauses excluded."""
    remaining: float
    """Real seconds left in the session at the current tempo."""
    tempo: float
    paused: bool
    done: bool

    @property
    def cycles_done(self) -> int:
        """Whole cycles completed."""
        return self.cycle

    @property
    def key(self) -> tuple[int, int, bool]:
        """Identifies the phase: a change of key is a phase edge."""
        return (self.cycle, self.phase_index, self.done)


def cycles_for_minutes(pattern: Pattern, minutes: float) -> int:
    """Whole cycles that fill at least `minutes` at tempo 1 (never a broken last cycle)."""
    if minutes <= 0:
        raise ValueError("minutes must be more than 0")
    return max(1, math.ceil(minutes * 60.0 / pattern.cycle_seconds - EDGE_TOLERANCE))


def clamp_tempo(tempo: float) -> float:
    """Keep a tempo within 0.5x..2x, rounded to the 10% grid the keys step on."""
    return round(min(MAX_TEMPO, max(MIN_TEMPO, tempo)), 2)


class Pacer:
    """Breathing schedule for one session; every method takes the current time explicitly.

    Args:
        pattern: the breathing pattern.
        cycles: how many breaths.
        tempo: speed factor, 1 = as written, 2 = twice as fast, 0.5 = half speed.
        start: the time the session starts, in the caller's clock seconds.
    """

    def __init__(self, pattern: Pattern, cycles: int, tempo: float = 1.0, start: float = 0.0):
        if not 1 <= cycles <= MAX_CYCLES:
            raise ValueError(f"cycles must be 1 to {MAX_CYCLES}")
        if not MIN_TEMPO <= tempo <= MAX_TEMPO:
            raise ValueError(f"tempo must be {MIN_TEMPO} to {MAX_TEMPO}")
        self.pattern = pattern
        self.cycles = cycles
        self._tempo = tempo
        self._anchor_wall = start
        self._anchor_breath = 0.0
        self._anchor_elapsed = 0.0
        self._paused_at: float | None = None
        self._ends: list[float] = []
        total = 0.0
        for phase in pattern.phases:
            total += phase.seconds
            self._ends.append(total)
        self._cycle_seconds = total

    @property
    def tempo(self) -> float:
        """The current speed factor."""
        return self._tempo

    @property
    def paused(self) -> bool:
        """Whether the session is paused."""
        return self._paused_at is not None

    @property
    def total_breath_seconds(self) -> float:
        """Length of the session in pattern seconds (real seconds at tempo 1)."""
        return self._cycle_seconds * self.cycles

    def breath_time(self, t: float) -> float:
        """Pattern seconds breathed by time t (paused time excluded, scaled by tempo)."""
        if self._paused_at is not None:
            t = self._paused_at
        return self._anchor_breath + max(0.0, t - self._anchor_wall) * self._tempo

    def elapsed(self, t: float) -> float:
        """Real seconds breathed by time t, pauses excluded."""
        if self._paused_at is not None:
            t = self._paused_at
        return self._anchor_elapsed + max(0.0, t - self._anchor_wall)

    def _rebase(self, t: float) -> None:
        self._anchor_breath = self.breath_time(t)
        self._anchor_elapsed = self.elapsed(t)
        self._anchor_wall = t

    def pause(self, t: float) -> None:
        """Freeze the breath at time t (no effect when already paused)."""
        if self._paused_at is None:
            self._paused_at = t

    def resume(self, t: float) -> None:
        """Carry on from where the pause froze the breath."""
        if self._paused_at is None:
            return
        frozen_breath = self.breath_time(t)
        frozen_elapsed = self.elapsed(t)
        self._paused_at = None
        self._anchor_breath, self._anchor_elapsed, self._anchor_wall = (
            frozen_breath,
            frozen_elapsed,
            t,
        )

    def toggle_pause(self, t: float) -> None:
        """Pause if running, resume if paused."""
        if self.paused:
            self.resume(t)
        else:
            self.pause(t)

    def set_tempo(self, tempo: float, t: float) -> None:
        """Change speed at time t; the breath carries on from the same point, without a jump."""
        if not MIN_TEMPO <= tempo <= MAX_TEMPO:
            raise ValueError(f"tempo must be {MIN_TEMPO} to {MAX_TEMPO}")
        if self._paused_at is None:
            self._rebase(t)
        self._tempo = tempo

    def state_at(self, t: float) -> PacerState:
        """The state of the breath at time t."""
        breath = self.breath_time(t)
        total = self.total_breath_seconds
        if breath >= total - EDGE_TOLERANCE:
            last = len(self.pattern.phases) - 1
            return PacerState(
                phase_index=last,
                phase=self.pattern.phases[last],
                progress=1.0,
                seconds_left=0.0,
                cycle=self.cycles,
                cycles_total=self.cycles,
                elapsed=self.elapsed(t),
                remaining=0.0,
                tempo=self._tempo,
                paused=self.paused,
                done=True,
            )
        cycle, index, into = self._locate(breath)
        phase = self.pattern.phases[index]
        into = max(0.0, into)
        return PacerState(
            phase_index=index,
            phase=phase,
            progress=min(1.0, into / phase.seconds),
            seconds_left=max(0.0, phase.seconds - into) / self._tempo,
            cycle=cycle,
            cycles_total=self.cycles,
            elapsed=self.elapsed(t),
            remaining=(total - breath) / self._tempo,
            tempo=self._tempo,
            paused=self.paused,
            done=False,
        )

    def _locate(self, breath: float) -> tuple[int, int, float]:
        """(cycle, phase index, pattern seconds into the phase) for a breath time."""
        cycle = int((breath + EDGE_TOLERANCE) // self._cycle_seconds)
        within = breath - cycle * self._cycle_seconds
        index = bisect.bisect_right(self._ends, within + EDGE_TOLERANCE)
        index = min(index, len(self._ends) - 1)
        start = self._ends[index - 1] if index else 0.0
        return cycle, index, within - start

    def wall_time_at(self, breath: float, t: float) -> float:
        """When (in clock seconds) the breath reaches `breath`, going on from t at this tempo.

        Returns math.inf while paused.
        """
        if self.paused:
            return math.inf
        return t + (breath - self.breath_time(t)) / self._tempo

    def next_edge(self, t: float) -> float:
        """Clock time of the next phase change (or the end) after t; math.inf while paused or done."""
        if self.paused:
            return math.inf
        breath = self.breath_time(t)
        total = self.total_breath_seconds
        if breath >= total - EDGE_TOLERANCE:
            return math.inf
        cycle, index, _ = self._locate(breath)
        edge = cycle * self._cycle_seconds + self._ends[index]
        return self.wall_time_at(min(edge, total), t)

    def early_cue(self, t: float, latency: float) -> tuple[float, PacerState] | None:
        """When the next phase's cue must start for its sound to meet the phase edge:
        (clock time, the state of the phase to come). None when there is no latency to make
        up, no next phase (paused, or the end comes next) or that moment has passed."""
        if latency <= 0:
            return None
        edge = self.next_edge(t)
        if math.isinf(edge):
            return None
        upcoming = self.state_at(edge)
        cue_time = edge - latency
        if upcoming.done or cue_time <= t:
            return None
        return cue_time, upcoming

    def phase_start_breath(self, state: PacerState) -> float:
        """Pattern seconds from the session start to the start of the state's phase."""
        start = self._ends[state.phase_index - 1] if state.phase_index else 0.0
        return state.cycle * self._cycle_seconds + start
