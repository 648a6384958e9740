"""The player drops a cue that cannot start in time, and replaces a backend that cannot get ready.

Time comes from a ManualClock: the worker thread is held at a gate while the test moves time on,
so lateness is exact and nothing sleeps.
"""

from __future__ import annotations

import threading

from breath_tui.audio.backends import CueFailed
from breath_tui.audio.player import FIRST_CUE_WAIT, LATE_AFTER, choose_backend
from breath_tui.core.clock import ManualClock
from breath_tui.core.settings import SoundSettings
from tests.unit.audio_fakes import WAIT, FakeBackend, finish, make_player


def held_player(clock: ManualClock) -> tuple[FakeBackend, object]:
    """A ready player whose backend is stuck starting "in" until its gate opens."""
    backend = FakeBackend()
    p = make_player(backend, clock=clock)
    assert p.ready.wait(WAIT)
    backend.gate.clear()
    p.play("in")
    assert backend.entered.wait(WAIT)
    return backend, p


def test_a_cue_that_cannot_start_in_time_is_dropped_not_played_late():
    """A cue still queued LATE_AFTER seconds after play() (the device was busy) never starts."""
    clock = ManualClock()
    backend, p = held_player(clock)
    p.play("out")
    clock.advance(LATE_AFTER + 0.01)
    backend.gate.set()
    finish(p)
    assert backend.started == ["in"]
    assert p.dropped == 1


def test_a_cue_a_little_behind_still_plays():
    """A cue that can start within LATE_AFTER of its play() is played."""
    clock = ManualClock()
    backend, p = held_player(clock)
    p.play("out")
    clock.advance(LATE_AFTER - 0.01)
    backend.gate.set()
    finish(p)
    assert backend.started == ["in", "out"]
    assert p.dropped == 0


def opening_player(clock: ManualClock) -> tuple[FakeBackend, object, threading.Event]:
    """A player whose sounds are still loading until the returned event is set."""
    loaded = threading.Event()

    def slow_load():
        assert loaded.wait(WAIT)
        return {"in": "IN"}, None

    backend = FakeBackend()
    return backend, make_player(backend, slow_load, clock=clock), loaded


def test_the_first_cue_may_wait_for_the_player_to_open():
    """A cue asked for while the sound system opens plays if that takes under FIRST_CUE_WAIT."""
    clock = ManualClock()
    backend, p, loaded = opening_player(clock)
    p.play("in")
    clock.advance(FIRST_CUE_WAIT - 0.01)
    loaded.set()
    finish(p)
    assert backend.started == ["in"]


def test_the_first_cue_is_dropped_when_opening_takes_too_long():
    """A cue asked for while opening is dropped once FIRST_CUE_WAIT has passed."""
    clock = ManualClock()
    backend, p, loaded = opening_player(clock)
    p.play("in")
    clock.advance(FIRST_CUE_WAIT + 0.01)
    loaded.set()
    finish(p)
    assert backend.started == []
    assert p.dropped == 1


def test_a_backend_that_cannot_get_ready_is_replaced_by_the_next():
    """If prepare fails (miniaudio finds no sound system), the fallback's backend plays instead."""
    first, second = FakeBackend(name="miniaudio"), FakeBackend(name="aplay")
    first.prepare_error = CueFailed("miniaudio found no sound system")
    asked = []

    def fallback(name):
        asked.append(name)
        return second

    p = make_player(first, fallback=fallback)
    p.play("in")
    finish(p)
    assert asked == ["miniaudio"]
    assert p.backend is second and p.latency == second.latency
    assert second.started == ["in"] and p.notice is None


def test_without_a_fallback_a_backend_that_cannot_get_ready_gives_its_reason():
    """The last backend failing to get ready is one notice naming why; no cue starts."""
    backend = FakeBackend()
    backend.prepare_error = CueFailed("miniaudio could not be loaded")
    p = make_player(backend, fallback=lambda name: None)
    p.play("in")
    finish(p)
    assert p.notice == "Cues are silent: miniaudio could not be loaded."
    assert backend.started == []


class Probe:
    def __init__(self, *working: str) -> None:
        self.working, self.asked = working, []

    def __call__(self, name):
        self.asked.append(name)
        return (FakeBackend(name=name), "") if name in self.working else (None, "absent")


def test_auto_falls_back_to_the_backends_after_the_one_that_failed():
    """choose_backend(after="miniaudio") goes on from simpleaudio, as auto's order has it."""
    probe = Probe("miniaudio", "aplay")
    backend, _ = choose_backend(SoundSettings(), probe, after="miniaudio")
    assert backend is not None and backend.name == "aplay"
    assert probe.asked == ["simpleaudio", "aplay"]


def test_a_forced_backend_has_no_fallback():
    """backend = "miniaudio" that cannot get ready is not replaced by another player."""
    probe = Probe("aplay")
    backend, notice = choose_backend(SoundSettings(backend="miniaudio"), probe, after="miniaudio")
    assert backend is None and notice is None
    assert probe.asked == []
