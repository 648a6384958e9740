"""The miniaudio backend: each cue is fed exactly once on a device of its own, which is closed as
soon as the cue has played, so no stream runs on (ALSA's null and file devices never wait)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from breath_tui.audio import miniaudio_backend
from breath_tui.audio.backends import CueFailed
from breath_tui.audio.library import Sound
from breath_tui.audio.miniaudio_backend import (
    OVERRUN,
    STALLS_BEFORE_FAILING,
    CueFeed,
    MiniaudioBackend,
    probe_miniaudio,
)

RATE = 1000  # 1000 frames a second keeps the arithmetic readable
CUE = Sound(bytes(range(200)) * 2, 1, RATE)  # 200 mono frames: 0.2 s


class FakeDevice:
    """Stands in for a miniaudio PlaybackDevice: keeps the generator, records close()."""

    def __init__(self, channels: int, rate: int) -> None:
        self.channels, self.rate = channels, rate
        self.frames = None
        self.closed = False

    def start(self, frames) -> None:
        self.frames = frames

    def close(self) -> None:
        self.closed = True

    def pull(self, count: int) -> bytes:
        return self.frames.send(count)


class Clock:
    def __init__(self) -> None:
        self.time = 0.0

    def __call__(self) -> float:
        return self.time


def started_feed(tail_frames: int = 60, sleeps=None):
    feed = CueFeed(CUE, tail_frames, sleep=(sleeps if sleeps is not None else []).append)
    frames = feed.frames()
    next(frames)
    return feed, frames


def test_the_feed_hands_over_exactly_the_cue_then_one_buffer_of_silence():
    """The callback gets the cue's bytes once, then tail_frames of silence, then finished is set."""
    sleeps: list[float] = []
    feed, frames = started_feed(tail_frames=60, sleeps=sleeps)
    chunks = [frames.send(30) for _ in range(7)]  # 210 frames asked: the cue is 200
    assert b"".join(chunks) == CUE.pcm and not feed.finished.is_set()
    assert [frames.send(30), frames.send(30)] == [bytes(60), bytes(60)]  # the tail
    assert not feed.finished.is_set() and sleeps == []
    assert frames.send(30) == bytes(60)
    assert feed.finished.is_set() and feed.fed_frames == 200


def test_after_the_cue_each_silence_waits_as_long_as_it_lasts():
    """Once finished, a device that asks again at once (null, file) is held to real time."""
    sleeps: list[float] = []
    feed, frames = started_feed(tail_frames=0, sleeps=sleeps)
    frames.send(200)
    frames.send(50)
    frames.send(100)
    assert sleeps == [0.05, 0.1]


def test_stop_ends_the_cue_at_the_next_request():
    """After stop() (from any thread) no more of the cue is handed over, only paced silence."""
    sleeps: list[float] = []
    feed, frames = started_feed(sleeps=sleeps)
    first = frames.send(50)
    feed.stop()
    assert first == CUE.pcm[:100]
    assert frames.send(50) == bytes(100)
    assert feed.finished.is_set() and sleeps == [0.05]


def test_the_feed_never_raises_into_the_callback():
    """A surprise inside the feed ends the cue quietly: cffi would print a traceback on screen."""
    feed, frames = started_feed()
    assert frames.send("not a number") == b""
    assert frames.send(10) == bytes(20)
    assert feed.finished.is_set()


def never_sleep(seconds: float) -> None:
    """Stands in for time.sleep: the paced silence after a cue is never waited out in tests."""


def backend_with_devices(clock=None):
    opened: list[FakeDevice] = []

    def open_device(channels, rate):
        opened.append(FakeDevice(channels, rate))
        return opened[-1]

    backend = MiniaudioBackend(open_device, clock=clock or Clock(), sleep=never_sleep)
    backend.prepare({"in": CUE, "out": CUE})
    return backend, opened


def test_each_cue_gets_a_device_of_its_own_and_the_last_is_closed_first():
    """One stream at a time: starting a cue closes the previous cue's device before opening."""
    backend, opened = backend_with_devices()
    backend.start("in")
    backend.start("out")
    assert len(opened) == 2
    assert opened[0].closed and not opened[1].closed
    assert (opened[1].channels, opened[1].rate) == (1, RATE)


def test_check_closes_the_device_once_the_cue_has_played():
    """The worker's check() frees the device of a finished cue; until then it stays busy."""
    backend, opened = backend_with_devices()
    backend.start("in")
    device = opened[0]
    device.pull(200)
    backend.check()
    assert backend.busy() and not device.closed
    device.pull(1000)  # the tail
    device.pull(10)
    backend.check()
    assert device.closed and not backend.busy()


def test_stop_does_not_wait_for_the_device():
    """stop() only marks the cue stopped; the worker closes the device at its next check()."""
    backend, opened = backend_with_devices()
    backend.start("in")
    backend.stop()
    assert not opened[0].closed
    backend.check()
    assert opened[0].closed


def test_a_stalled_device_is_closed_after_the_cue_should_have_ended():
    """A device that has not taken the cue OVERRUN s after its length is closed, quietly once."""
    clock = Clock()
    backend, opened = backend_with_devices(clock)
    backend.start("in")
    clock.time = CUE.seconds + OVERRUN - 0.01
    backend.check()
    assert not opened[0].closed
    clock.time = CUE.seconds + OVERRUN
    backend.check()
    assert opened[0].closed and not backend.busy()


def test_a_device_that_keeps_stalling_is_a_cue_failure():
    """STALLS_BEFORE_FAILING stalled cues in a row: CueFailed, so the player shows a notice."""
    clock = Clock()
    backend, opened = backend_with_devices(clock)
    for stall in range(1, STALLS_BEFORE_FAILING + 1):
        backend.start("in")
        clock.time += CUE.seconds + OVERRUN + 0.01
        if stall < STALLS_BEFORE_FAILING:
            backend.check()
    with pytest.raises(CueFailed, match="stopped taking sound"):
        backend.check()


def test_a_cue_that_plays_resets_the_stall_count():
    """Stalls count only in a row: a cue that plays to the end forgives earlier ones."""
    clock = Clock()
    backend, opened = backend_with_devices(clock)
    for _ in range(2 * STALLS_BEFORE_FAILING):
        backend.start("in")
        clock.time += CUE.seconds + OVERRUN + 0.01
        backend.check()  # a stall
        backend.start("out")
        for _ in range(3):  # the whole cue, its tail, then paced silence
            opened[-1].pull(10_000)
        backend.check()  # played: the count starts again
    assert all(device.closed for device in opened)


def test_a_device_that_cannot_open_is_a_cue_failure():
    """An error from miniaudio opening the device becomes CueFailed, in words."""

    def refuse(channels, rate):
        raise RuntimeError("failed to init device -401")

    backend = MiniaudioBackend(refuse)
    backend.prepare({"in": CUE})
    with pytest.raises(CueFailed, match="the sound device could not be opened"):
        backend.start("in")
    assert not backend.busy()


def test_release_closes_the_device_after_the_cue():
    """release() lets the cue finish (here: already finished) and frees its device."""
    backend, opened = backend_with_devices()
    backend.start("in")
    backend.stop()
    backend.release(1.0)
    assert opened[0].closed and not backend.busy()


def test_the_probe_names_a_missing_package(monkeypatch):
    """Without the miniaudio package the probe says how to install it."""
    monkeypatch.setattr(miniaudio_backend.importlib.util, "find_spec", lambda name: None)
    backend, reason = probe_miniaudio()
    assert backend is None
    assert reason == "miniaudio is not installed (pip install miniaudio)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ALSA and PulseAudio are Linux")
def test_the_probe_needs_a_sound_server_or_an_alsa_device(monkeypatch):
    """With no PulseAudio socket and no ALSA device, the probe gives ALSA's reason."""
    monkeypatch.setattr(miniaudio_backend, "pulse_running", lambda: False)
    monkeypatch.setattr(
        miniaudio_backend, "alsa_problem", lambda: "no sound device could be opened"
    )
    assert probe_miniaudio() == (None, "no sound device could be opened")


def test_probing_imports_no_miniaudio():
    """The probe runs on the UI thread: it must not import miniaudio (0.1 s) or cffi."""
    code = (
        "import sys\n"
        "from breath_tui.audio.miniaudio_backend import probe_miniaudio\n"
        "probe_miniaudio()\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in "
        "('miniaudio', '_miniaudio', 'cffi')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
