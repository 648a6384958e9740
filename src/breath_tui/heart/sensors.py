"""Heart-rate sensors behind one interface: an async source of SensorEvents.

- ReplaySensor plays an RR recording back, SPEED times faster than real time, on an injected
  clock; tests give it a ManualClock and a `sleep` that moves that clock, so nothing sleeps.
- FakeSensor plays a script of events on the same clock and takes more pushed by a test: for
  screen tests.
- BleSensor (in `breath_tui.heart.ble`) is a Bluetooth LE chest strap.

A screen consumes any of them the same way, typically in a worker:

    async for event in sensor.events():
        self.post_message(HeartEvent(event))

and calls `await sensor.close()` when the session ends. Every event's `t` is on the session's
clock (the same Clock the pacer uses), so beats line up with the breathing guide.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Iterable
from typing import Protocol

from breath_tui.core.clock import Clock
from breath_tui.core.heart.events import Beat, SensorEvent
from breath_tui.core.heart.recording import Recording, read_recording
from breath_tui.core.heart.sensor_option import SensorChoice
from breath_tui.heart.timing import Sleep, clock_sleep


class HeartSensor(Protocol):
    """What every sensor offers a screen."""

    @property
    def label(self) -> str:
        """What the journal's `heart.sensor` records, e.g. "Polar H10 A0:9E:1A:12:34:56"."""
        ...

    def events(self) -> AsyncIterator[SensorEvent]:
        """Events as they happen; the iterator ends when the sensor is closed or runs out."""
        ...

    async def close(self) -> None:
        """Stop: disconnect, end the events iterator."""
        ...


class ReplaySensor:
    """An RR recording played back as beats, `speed` times faster than the session clock.

    Recording time r (seconds since the first interval began) plays at clock time
    start + r / speed, where start is the clock's time when `events()` is first iterated. Each
    Beat keeps the recorded interval (a replay at speed 4 shows the recorded heart rate, four
    times as often). To run a whole session fast, give the screen and this sensor the same
    ScaledClock and leave speed at 1.
    """

    def __init__(
        self,
        recording: Recording,
        clock: Clock,
        *,
        speed: float = 1.0,
        sleep: Sleep | None = None,
        loop: bool = False,
    ) -> None:
        if not (math.isfinite(speed) and speed > 0):
            raise ValueError(f"replay speed must be positive, not {speed}")
        self.recording = recording
        self.speed = speed
        self.loop = loop
        self._clock = clock
        self._sleep = sleep or clock_sleep(clock)
        self._closed = False

    @property
    def label(self) -> str:
        """`replay:` and the recording's name."""
        return f"replay:{self.recording.source}"

    async def events(self) -> AsyncIterator[SensorEvent]:
        """Each interval as a Beat at its time; ends with the recording unless looping."""
        start = self._clock.now()
        elapsed = 0.0
        while not self._closed and self.recording.intervals_ms:
            for interval in self.recording.intervals_ms:
                elapsed += max(interval, 0.0) / 1000.0
                due = start + elapsed / self.speed
                delay = due - self._clock.now()
                if delay > 0:
                    await self._sleep(delay)
                if self._closed:
                    return
                yield Beat(due, interval)
            if not self.loop:
                return

    async def close(self) -> None:
        """Stop before the next beat."""
        self._closed = True


class FakeSensor:
    """Scripted events on the session clock, then whatever a test pushes, until closed.

    Scripted events come out when the clock reaches their `t` (immediately without a clock);
    pushed ones at once. For screen tests: a ManualClock and a `sleep` that advances it make the
    whole script play without waiting.
    """

    def __init__(
        self,
        script: Iterable[SensorEvent] = (),
        *,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        label: str = "fake sensor",
    ) -> None:
        self.script = sorted(script, key=lambda event: event.t)
        self._label = label
        self._clock = clock
        self._sleep = sleep or (clock_sleep(clock) if clock else None)
        # None marks the end (close() was called).
        self._pushed: asyncio.Queue[SensorEvent | None] = asyncio.Queue()
        self._closed = False

    @property
    def label(self) -> str:
        """The label given."""
        return self._label

    def push(self, event: SensorEvent) -> None:
        """Send one more event (after the script); nothing once closed."""
        if not self._closed:
            self._pushed.put_nowait(event)

    def pending(self) -> int:
        """Pushed events not yet taken by the reader (0: the reader has had every one, or the
        sensor is closed and no reader will take any more)."""
        return 0 if self._closed else self._pushed.qsize()

    async def events(self) -> AsyncIterator[SensorEvent]:
        """The script in time order, then pushed events, until close()."""
        for event in self.script:
            if self._clock is not None and self._sleep is not None:
                delay = event.t - self._clock.now()
                if delay > 0:
                    await self._sleep(delay)
            if self._closed:
                return
            yield event
        while not self._closed:
            item = await self._pushed.get()
            if item is None:
                return
            yield item

    async def close(self) -> None:
        """End the events iterator."""
        self._closed = True
        self._pushed.put_nowait(None)


def breathing_beats(
    start: float,
    seconds: float,
    *,
    base_bpm: float = 65.0,
    swing_bpm: float = 10.0,
    breath_s: float = 10.0,
) -> list[Beat]:
    """Beats of a heart that speeds up on each breath in and slows on each breath out.

    For FakeSensor scripts and demos: the heart rate follows a sine of one breath's period with
    the given peak-to-trough swing, from clock time `start` for `seconds`.
    """
    beats: list[Beat] = []
    t = start
    while True:
        bpm = base_bpm + swing_bpm / 2 * math.sin(2 * math.pi * (t - start) / breath_s)
        rr = 60000.0 / bpm
        t += rr / 1000.0
        if t > start + seconds:
            return beats
        beats.append(Beat(t, rr))


def open_sensor(
    choice: SensorChoice,
    clock: Clock,
    *,
    address: str | None = None,
    name: str | None = None,
) -> HeartSensor:
    """The sensor a --sensor value asks for.

    Args:
        choice: the parsed --sensor value.
        clock: the session's clock.
        address: for plain `ble`, the strap the person picked from `ble.scan_straps()`.
        name: the strap's advertised name, for the label.

    Raises:
        BadInput: a replay file that cannot be read.
        ValueError: `ble` with no address given either way (scan first).
    """
    if choice.kind == "replay":
        assert choice.path is not None
        return ReplaySensor(read_recording(choice.path), clock, speed=choice.speed)
    from breath_tui.heart.ble import BleSensor

    chosen = choice.address or address
    if chosen is None:
        raise ValueError("a BLE sensor needs an address: scan with ble.scan_straps() first")
    return BleSensor(chosen, clock, name=name)
