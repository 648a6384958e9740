"""The BLE strap path against stand-ins for bleak's BleakScanner and BleakClient."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from breath_tui.core.clock import ManualClock
from breath_tui.core.heart.events import (
    Beat,
    ContactLost,
    ContactRegained,
    Disconnected,
    NoIntervals,
    Reconnected,
)
from breath_tui.core.heart.hrm import (
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    encode_heart_rate_measurement,
)
from breath_tui.heart.ble import BleSensor, SensorUnavailable, scan_straps


class StandInScanner:
    """BleakScanner.discover as bleak 1.x-3.x has it, with return_adv=True."""

    calls: list[dict] = []
    fail: BaseException | None = None

    @classmethod
    async def discover(cls, **kwargs):
        cls.calls.append(kwargs)
        if cls.fail:
            raise cls.fail
        return {
            "A": (SimpleNamespace(name="Polar H10 A1B2", address="A"), SimpleNamespace(rssi=-70)),
            "B": (
                SimpleNamespace(name=None, address="B"),
                SimpleNamespace(rssi=-40, local_name="TICKR"),
            ),
        }


class StandInClient:
    """A BleakClient stand-in: connect may fail a set number of times; tests send packets."""

    made: list[StandInClient] = []
    failures_left = 0

    def __init__(self, address, disconnected_callback=None, timeout=10.0):
        self.address = address
        self.on_disconnect = disconnected_callback
        self.notify = None
        self.connected = False
        StandInClient.made.append(self)

    async def connect(self):
        if StandInClient.failures_left:
            StandInClient.failures_left -= 1
            raise TimeoutError("no answer")
        self.connected = True

    async def start_notify(self, uuid, callback):
        assert uuid == HEART_RATE_MEASUREMENT_UUID
        self.notify = callback

    async def disconnect(self):
        was = self.connected
        self.connected = False
        if was and self.on_disconnect:
            self.on_disconnect(self)

    def send(self, packet: bytes) -> None:
        self.notify(None, bytearray(packet))

    def drop(self) -> None:
        self.connected = False
        self.on_disconnect(self)


@pytest.fixture(autouse=True)
def fresh_stand_ins():
    StandInClient.made = []
    StandInClient.failures_left = 0
    StandInScanner.calls = []
    StandInScanner.fail = None


class MovingSleep:
    def __init__(self, clock):
        self.clock, self.waits = clock, []

    async def __call__(self, seconds):
        self.waits.append(seconds)
        self.clock.advance(seconds)


async def test_scan_lists_heart_rate_straps_strongest_first():
    """Scanning filters on the Heart Rate Service and lists (name, address, rssi), nearest first."""
    straps = await scan_straps(timeout=2.0, scanner=StandInScanner)
    assert [(s.name, s.address, s.rssi) for s in straps] == [
        ("TICKR", "B", -40),
        ("Polar H10 A1B2", "A", -70),
    ]
    assert StandInScanner.calls[0]["service_uuids"] == [HEART_RATE_SERVICE_UUID]


async def test_scan_without_bluetooth_is_one_clear_error():
    """No adapter (an OSError from the system): SensorUnavailable saying Bluetooth is not there."""
    StandInScanner.fail = FileNotFoundError("no D-Bus socket")
    with pytest.raises(SensorUnavailable, match="Bluetooth is not available"):
        await scan_straps(scanner=StandInScanner)


async def next_events(iterator, count):
    return [await asyncio.wait_for(anext(iterator), 1.0) for _ in range(count)]


async def test_packets_become_beats_on_the_session_clock():
    """A two-RR packet gives two beats, the last at the packet's arrival, the first before it."""
    clock = ManualClock(start=50.0)
    sensor = BleSensor("A", clock, name="Polar H10", client_class=StandInClient)
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    StandInClient.made[0].send(encode_heart_rate_measurement(70, (800.0, 1000.0)))
    first = await asyncio.wait_for(pending, 1.0)
    second = (await next_events(events, 1))[0]
    assert isinstance(first, Beat) and isinstance(second, Beat)
    assert first.t == pytest.approx(49.0, abs=0.01) and second.t == 50.0
    assert second.rr_ms == pytest.approx(1000.0, abs=1)
    assert sensor.label == "Polar H10 A"
    await sensor.close()
    await events.aclose()


async def test_lost_contact_is_one_event_until_it_returns():
    """Three packets without contact give one ContactLost and no beats; contact back, one notice."""
    clock = ManualClock()
    sensor = BleSensor("A", clock, client_class=StandInClient)
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    client = StandInClient.made[0]
    for _ in range(3):
        client.send(encode_heart_rate_measurement(0, (900.0,), contact=False))
    client.send(encode_heart_rate_measurement(66, (900.0,), contact=True))
    seen = [await asyncio.wait_for(pending, 1.0), *await next_events(events, 2)]
    assert [type(e) for e in seen] == [ContactLost, ContactRegained, Beat]
    await sensor.close()
    await events.aclose()


async def test_a_dropped_connection_is_reported_once_and_reconnects_with_backoff():
    """A drop gives one Disconnected; attempts wait 1, 2 and 4 s (two fail); then Reconnected."""
    clock = ManualClock()
    sleep = MovingSleep(clock)
    sensor = BleSensor("A", clock, client_class=StandInClient, sleep=sleep, backoff=(1, 2, 4))
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    StandInClient.failures_left = 2
    StandInClient.made[0].drop()
    assert isinstance(await asyncio.wait_for(pending, 1.0), Disconnected)
    reconnected = (await next_events(events, 1))[0]
    assert isinstance(reconnected, Reconnected)
    assert sleep.waits == [1, 2, 4]
    assert len(StandInClient.made) == 4
    StandInClient.made[-1].send(encode_heart_rate_measurement(60, (1000.0,)))
    assert isinstance((await next_events(events, 1))[0], Beat)
    await sensor.close()
    await events.aclose()


async def test_closing_disconnects_without_reporting_a_drop():
    """close() ends the events and disconnects the strap; no Disconnected is reported."""
    clock = ManualClock()
    sensor = BleSensor("A", clock, client_class=StandInClient)
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    await sensor.close()
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(pending, 1.0)
    assert not StandInClient.made[0].connected


async def test_first_connection_failure_is_one_clear_error():
    """A strap out of reach at the start: SensorUnavailable naming its address."""
    StandInClient.failures_left = 1
    sensor = BleSensor("A0:9E:1A:12:34:56", ManualClock(), client_class=StandInClient)
    with pytest.raises(SensorUnavailable, match="A0:9E:1A:12:34:56"):
        await anext(sensor.events())


async def test_a_sensor_without_intervals_says_so_once():
    """Five packets with a heart rate but no RR give one NoIntervals; more give no more."""
    clock = ManualClock()
    sensor = BleSensor("watch", clock, client_class=StandInClient)
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    for _ in range(12):
        StandInClient.made[0].send(encode_heart_rate_measurement(72, (), contact=None))
    StandInClient.made[0].send(encode_heart_rate_measurement(72, (830.0,), contact=None))
    seen = [await asyncio.wait_for(pending, 1.0), *await next_events(events, 1)]
    assert [type(e) for e in seen] == [NoIntervals, Beat]
    await sensor.close()
    await events.aclose()


async def test_malformed_packets_are_dropped_and_counted():
    """A packet that ends inside a field is dropped (counted), and beats keep coming."""
    clock = ManualClock()
    sensor = BleSensor("A", clock, client_class=StandInClient)
    events = sensor.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0)
    StandInClient.made[0].send(bytes.fromhex("16 3c 1a"))
    StandInClient.made[0].send(encode_heart_rate_measurement(60, (1000.0,)))
    assert isinstance(await asyncio.wait_for(pending, 1.0), Beat)
    assert sensor.packets_dropped == 1
    await sensor.close()
    await events.aclose()
