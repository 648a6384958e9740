"""Bluetooth LE heart-rate straps through bleak: scan, connect, beats, and reconnection.

Any strap with the standard Heart Rate Service (0x180D) that sends RR intervals in its Heart
Rate Measurements (0x2A37) works: Polar H10/H9, Garmin HRM, Wahoo TICKR and others. Optical wrist
sensors send a heart rate but no RR intervals; the sensor says so once (NoIntervals).

Lost skin contact and a dropped connection are each reported by one event; after a drop the
sensor reconnects by itself, waiting BACKOFF_S between attempts (the last figure repeats), and
reports Reconnected. bleak is imported on first use; tests pass stand-ins for BleakScanner and
BleakClient instead (the `scanner` and `client_class` arguments), so nothing here needs a radio.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from breath_tui.core.clock import Clock
from breath_tui.core.heart.events import (
    Beat,
    ContactLost,
    ContactRegained,
    Disconnected,
    NoIntervals,
    Reconnected,
    SensorEvent,
)
from breath_tui.core.heart.hrm import (
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    MeasurementError,
    parse_heart_rate_measurement,
)
from breath_tui.heart import require
from breath_tui.heart.timing import Sleep, clock_sleep

BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# Packets with a heart rate but no RR before the sensor says it sends none.
NO_INTERVALS_AFTER = 5
SCAN_SECONDS = 5.0
CONNECT_TIMEOUT_S = 15.0


class SensorUnavailable(RuntimeError):
    """Bluetooth is off or absent, or the strap could not be reached: one line for the person."""


@dataclass(frozen=True)
class StrapFound:
    """A strap seen while scanning, for the person to pick from."""

    name: str
    address: str
    rssi: int | None


def _bleak() -> Any:
    require("bleak")
    import bleak

    return bleak


def _errors() -> tuple[type[BaseException], ...]:
    """What bleak and the system raise when Bluetooth is unavailable or a strap is out of reach."""
    try:
        from bleak.exc import BleakError
    except ImportError:
        return (OSError, TimeoutError)
    return (BleakError, OSError, TimeoutError)


async def scan_straps(timeout: float = SCAN_SECONDS, *, scanner: Any = None) -> list[StrapFound]:
    """Straps advertising the Heart Rate Service nearby, strongest signal first.

    Args:
        timeout: seconds to listen.
        scanner: a BleakScanner stand-in (tests); bleak's own by default.

    Raises:
        SensorUnavailable: Bluetooth is off or absent.
        HeartExtraMissing: bleak is not installed.
    """
    scanner_class = scanner if scanner is not None else _bleak().BleakScanner
    try:
        found = await scanner_class.discover(
            timeout=timeout, return_adv=True, service_uuids=[HEART_RATE_SERVICE_UUID]
        )
    except _errors() as error:
        raise SensorUnavailable(
            f"Bluetooth is not available: {error or type(error).__name__}"
        ) from None
    straps = [
        StrapFound(
            name=device.name or getattr(advertisement, "local_name", None) or "unnamed strap",
            address=device.address,
            rssi=getattr(advertisement, "rssi", None),
        )
        for device, advertisement in found.values()
    ]
    return sorted(straps, key=lambda strap: -(strap.rssi if strap.rssi is not None else -999))


class BleSensor:
    """One strap by address, as a HeartSensor (see breath_tui.heart.sensors)."""

    def __init__(
        self,
        address: str,
        clock: Clock,
        *,
        name: str | None = None,
        client_class: Any = None,
        sleep: Sleep | None = None,
        backoff: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        self.address = address
        self.name = name
        self.packets_dropped = 0
        self._clock = clock
        self._client_class = client_class
        self._sleep = sleep or clock_sleep(clock)
        self._backoff = backoff
        self._queue: asyncio.Queue[SensorEvent | None] = asyncio.Queue()
        self._client: Any = None
        self._closed = False
        self._dropped = False
        self._contact_lost = False
        self._rate_only_packets = 0
        self._seen_intervals = False
        self._said_no_intervals = False
        self._last_beat_t = float("-inf")

    @property
    def label(self) -> str:
        """The strap's name and address."""
        return f"{self.name} {self.address}" if self.name else self.address

    async def events(self) -> AsyncIterator[SensorEvent]:
        """Beats and notices until close(); reconnects by itself after a drop.

        Raises:
            SensorUnavailable: the first connection fails (later drops are only reported).
        """
        await self._connect(first=True)
        try:
            while not self._closed:
                event = await self._queue.get()
                if event is None:
                    return
                yield event
                if isinstance(event, Disconnected):
                    if not await self._reconnect():
                        return
                    yield Reconnected(self._clock.now())
        finally:
            await self._disconnect()

    async def close(self) -> None:
        """Disconnect and end the events iterator."""
        self._closed = True
        self._queue.put_nowait(None)

    async def _connect(self, *, first: bool) -> None:
        client_class = self._client_class or _bleak().BleakClient
        self._dropped = False
        self._contact_lost = False
        client = client_class(
            self.address, disconnected_callback=self._on_disconnect, timeout=CONNECT_TIMEOUT_S
        )
        try:
            await client.connect()
            self._client = client
            await client.start_notify(HEART_RATE_MEASUREMENT_UUID, self._on_packet)
        except _errors() as error:
            await self._disconnect()
            if first:
                raise SensorUnavailable(
                    f"could not connect to {self.address}: {error or type(error).__name__}"
                ) from None
            raise

    async def _reconnect(self) -> bool:
        """Try again and again with backoff; False only when closed meanwhile."""
        attempt = 0
        while not self._closed:
            await self._sleep(self._backoff[min(attempt, len(self._backoff) - 1)])
            attempt += 1
            if self._closed:
                return False
            try:
                await self._connect(first=False)
            except _errors():
                continue
            return True
        return False

    async def _disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            self._dropped = True  # our own disconnect is no drop to report
            try:
                await client.disconnect()
            except _errors():
                pass

    def _on_disconnect(self, client: Any) -> None:
        if self._closed or self._dropped:
            return
        self._dropped = True
        self._client = None
        self._queue.put_nowait(Disconnected(self._clock.now(), "connection lost"))

    def _on_packet(self, characteristic: Any, data: bytearray) -> None:
        now = self._clock.now()
        try:
            measurement = parse_heart_rate_measurement(data)
        except MeasurementError:
            self.packets_dropped += 1
            return
        for event in self._events_from(
            measurement.contact_lost, measurement.bpm, measurement.rr_ms, now
        ):
            self._queue.put_nowait(event)

    def _events_from(
        self, contact_lost: bool, bpm: int, intervals: tuple[float, ...], now: float
    ) -> list[SensorEvent]:
        events: list[SensorEvent] = []
        if contact_lost != self._contact_lost:
            self._contact_lost = contact_lost
            events.append(ContactLost(now) if contact_lost else ContactRegained(now))
        if contact_lost:
            return events
        if intervals:
            self._seen_intervals = True
        elif bpm and not self._seen_intervals and not self._said_no_intervals:
            self._rate_only_packets += 1
            if self._rate_only_packets >= NO_INTERVALS_AFTER:
                self._said_no_intervals = True
                events.append(NoIntervals(now, bpm))
        # The last interval in a packet ended about now; earlier ones before it.
        remaining = sum(intervals) / 1000.0
        for interval in intervals:
            remaining -= interval / 1000.0
            t = max(now - remaining, self._last_beat_t)
            self._last_beat_t = t
            events.append(Beat(t, interval))
        return events
