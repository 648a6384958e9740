"""A heart-rate sensor beside a plain session: read in a thread of its own, shown on phase lines.

The plain loop sleeps between phases, so the sensor's events are read by an asyncio loop in a
daemon thread and handed to a BreathHeart under a lock; each phase line asks for the latest
heart rate (`suffix`). At the end the figures are printed and the session is kept in the journal
with them (kind "breathe"). Not a medical device: figures only.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from breath_tui.core.clock import Clock
from breath_tui.core.heart.breathing import BreathHeart
from breath_tui.core.text import visible

if TYPE_CHECKING:
    from breath_tui.core.checkin import Heart
    from breath_tui.core.pacer import PacerState
    from breath_tui.heart.sensors import HeartSensor
    from breath_tui.session_setup import SessionSetup

NOT_MEDICAL = "Not a medical device: figures only."


class PlainHeart:
    """The sensor's thread, the figures, and what plain mode prints of them."""

    def __init__(self, setup: SessionSetup, clock: Clock, cycle_at: Callable[[float], int]):
        assert setup.sensor is not None
        self.source = setup.sensor
        self.clock = clock
        self.heart = BreathHeart(self.source.label, cycle_at, keep_intervals=setup.keep_intervals)
        self._lock = threading.Lock()
        self._notices: list[str] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._sensor: HeartSensor | None = None
        self._thread = threading.Thread(target=self._run, name="heart", daemon=True)
        self._ready = threading.Event()

    def start(self) -> None:
        """Open the sensor and start reading it."""
        self._thread.start()
        self._ready.wait(5)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._read())
        finally:
            loop.close()

    async def _read(self) -> None:
        try:
            self._sensor = sensor = self.source.open(self.clock)
        except Exception as error:  # [heart] sensor's file gone, no bleak: breathing goes on
            with self._lock:
                self._notices.append(f"No heart rate this time: {error}. Breathing goes on.")
            return
        finally:
            self._ready.set()
        try:
            async for event in sensor.events():
                with self._lock:
                    said = self.heart.feed(event)
                    if said:
                        self._notices.append(said)
        except Exception as error:  # breathing goes on whatever the strap's stack does
            with self._lock:
                self._notices.append(
                    f"The heart-rate sensor stopped ({error or type(error).__name__}). "
                    "Breathing goes on."
                )

    def suffix(self) -> tuple[str, list[str]]:
        """(' · 68 bpm', notices since the last phase line)."""
        with self._lock:
            notices, self._notices = self._notices, []
            return self.heart.phase_suffix(), notices

    def stop(self) -> None:
        """Close the sensor and let its thread end."""
        loop, sensor = self._loop, self._sensor
        if loop is not None and sensor is not None and not loop.is_closed():
            # The loop may have ended on its own (the replay ran out).
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(sensor.close(), loop).result(2)
        self._thread.join(2)

    def figures(self, finished_at: float | None = None) -> Heart | None:
        """The journal's `heart` object, or None without beats (see HeartFeed.figures)."""
        with self._lock:
            return self.heart.figures(finished_at)

    def finish(self, state: PacerState, setup: SessionSetup, out: TextIO) -> None:
        """Print the figures and keep the session with them in the journal."""
        heart = self.figures(self.clock.now() if state.done else None)
        if heart is None:
            out.write(f"Heart: no beats came from {visible(self.source.label)}.\n")
            out.flush()
            return
        out.write(
            f"Heart: {heart.mean_bpm:.0f} bpm on average, swing {heart.swing_bpm:.1f} bpm a "
            f"breath, RMSSD {heart.rmssd_ms:.0f} ms, {heart.beats} beats. {NOT_MEDICAL}\n"
        )
        out.flush()
        if state.elapsed <= 0:
            return
        from datetime import timedelta

        from breath_tui.core.checkin import Breathing, CheckIn
        from breath_tui.core.when import local_now
        from breath_tui.journal import Journal, JournalError

        breathing = Breathing.of(
            setup.pattern,
            tempo=state.tempo,
            cycles=state.cycles_done,
            seconds=round(state.elapsed, 1),
        )
        ended = local_now()
        started = ended - timedelta(seconds=breathing.seconds)
        entry = (
            CheckIn.new("breathe", now=lambda: started)
            .updated(breathing=breathing, heart=heart)
            .finished(ended)
        )
        try:
            with Journal() as journal:
                journal.add(entry)
        except JournalError as error:
            out.write(f"Not saved: {visible(str(error), keep_lines=True)}\n")
        else:
            out.write("Kept in your journal with the heart figures.\n")
        out.flush()
