"""Stand-ins for the player's tests: a backend that records what the worker asks of it."""

from __future__ import annotations

import threading

from breath_tui.audio.backends import CueFailed
from breath_tui.audio.player import BackgroundPlayer

WAIT = 5.0  # upper bound for the worker thread to react; tests never wait for a schedule


class FakeBackend:
    """Records what the worker asks of it; `gate` can hold start() to mimic a slow device."""

    name = "fake"
    latency = 0.05
    device = "fake, default"

    def __init__(
        self, fail_on: str | None = None, error: Exception | None = None, name: str = "fake"
    ) -> None:
        self.name = name
        self.prepare_error: CueFailed | None = None
        self.started: list[str] = []
        self.stops = 0
        self.released: float | None = None
        self.prepared = None
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()
        self.fail_on, self.error = fail_on, error
        self.check_error: CueFailed | None = None

    def prepare(self, sounds):
        if self.prepare_error:
            raise self.prepare_error
        self.prepared = sounds

    def start(self, cue):
        self.entered.set()
        assert self.gate.wait(WAIT)
        if cue == self.fail_on:
            raise self.error or CueFailed("the fake device is gone")
        self.started.append(cue)

    def stop(self):
        self.stops += 1

    def busy(self):
        return False

    def check(self):
        if self.check_error:
            raise self.check_error

    def release(self, wait):
        self.released = wait


def make_player(backend, load=None, **options):
    sound_map = {"in": "IN", "out": "OUT"}
    return BackgroundPlayer(backend, load or (lambda: (sound_map, None)), **options)


def finish(p):
    """Close the player and wait for its worker to drain the queue and exit."""
    p.close()
    assert p.join(WAIT)
