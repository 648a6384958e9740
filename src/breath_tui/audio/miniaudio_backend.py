"""Playing cues with miniaudio (pyminiaudio): a wheel with no headers to build, which loads
PulseAudio (and so PipeWire's pulse server) or ALSA at run time; Core Audio and WASAPI elsewhere.

One miniaudio context is kept for the player's life; each cue opens a device of its own, feeds it
exactly the cue's frames and one buffer of silence, and the worker closes it as soon as the cue
has played. A device is not kept open between cues: fed silence, ALSA's null and file devices
(which take sound as fast as it comes) would write silence without end, and a stream held open
for a whole session would also keep a bare hw device from other programs.

`import miniaudio` takes about 0.1 s (it pulls in urllib for its internet radio client), so the
probe only looks for the package and a sound system; the import happens in prepare(), on the
player's worker thread. JACK is never asked for: libjack prints to stderr when no JACK server
runs, and miniaudio's ALSA errors go through quiet_alsa()'s handler like everyone's.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
import threading
import time
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any, Protocol

from breath_tui.audio.backends import CueFailed, alsa_problem, quiet_alsa
from breath_tui.audio.library import Sound

PERIOD_MS = 20
PERIODS = 3
"""Three 20 ms periods: 60 ms of sound queued ahead, enough to ride out the UI thread holding
the GIL for a switch interval (5 ms) several times over, small enough to start and stop quickly."""

OVERRUN = 1.0
"""Seconds past a cue's own length after which a device that has not taken it all is closed."""

STALLS_BEFORE_FAILING = 3
"""Stalled cues in a row after which the device counts as gone (one can be a passing hiccup of
a sound server; the next cue opens a device afresh)."""


class Device(Protocol):
    """What a cue needs of a miniaudio PlaybackDevice."""

    def start(self, callback_generator: Generator[bytes, int, None]) -> None:
        """Start pulling frames from the generator on miniaudio's audio thread."""

    def close(self) -> None:
        """Stop and free the device (waits for the audio thread: worker thread only)."""


OpenDevice = Callable[[int, int], Device]
"""Opens a playback device for (channels, rate) on the shared context."""


class CueFeed:
    """Hands one cue to a device's callback exactly once, then keeps the device quiet and paced.

    The callback asks for n frames at a time. It gets the cue's frames, then `tail_frames` of
    silence (on a real device that pushes the cue's last frames out to the speaker), and then
    `finished` is set. After that, and after stop(), each request gets silence only after
    sleeping as long as that silence lasts: null and file devices ask again at once, and this
    holds them to real time until the worker closes the device.

    Nothing here may raise: an exception in miniaudio's callback is printed by cffi over the guide.
    """

    def __init__(
        self,
        sound: Sound,
        tail_frames: int,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._pcm = sound.pcm
        self._frame_bytes = 2 * sound.channels
        self._rate = sound.rate
        self._tail_frames = tail_frames
        self._sleep = sleep
        self._stopped = False
        self.fed_frames = 0
        """Frames of the cue itself handed over so far."""
        self.finished = threading.Event()

    @property
    def total_frames(self) -> int:
        """Frames in the cue."""
        return len(self._pcm) // self._frame_bytes

    def stop(self) -> None:
        """Hand over no more of the cue; safe from any thread."""
        self._stopped = True
        self.finished.set()

    def frames(self) -> Generator[bytes, int, None]:
        """The generator miniaudio's PlaybackDevice pulls from: send(n) returns n frames' bytes."""
        wanted = yield b""
        position, tail = 0, 0
        while True:
            try:
                count = max(0, int(wanted))
                size = count * self._frame_bytes
                if not self._stopped and position < len(self._pcm):
                    chunk = self._pcm[position : position + size]
                    position += len(chunk)
                    self.fed_frames = position // self._frame_bytes
                    wanted = yield chunk
                elif not self._stopped and tail < self._tail_frames:
                    tail += count
                    wanted = yield bytes(size)
                else:
                    self.finished.set()
                    self._sleep(count / self._rate)
                    wanted = yield bytes(size)
            except Exception:  # a surprise must not become a cffi traceback on screen
                self.stop()
                wanted = yield b""


def pulse_running() -> bool:
    """Whether a PulseAudio server (or PipeWire's pulse server) has a socket for us."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(os.environ.get("PULSE_SERVER")) or Path(runtime, "pulse", "native").exists()


def probe_miniaudio() -> tuple[MiniaudioBackend | None, str]:
    """A miniaudio backend if it can play here, else None and why; imports nothing heavy."""
    if importlib.util.find_spec("miniaudio") is None:
        return None, "miniaudio is not installed (pip install miniaudio)"
    if sys.platform.startswith("linux") and not pulse_running():
        problem = alsa_problem()
        if problem:
            return None, problem
    return MiniaudioBackend(), ""


def _system_backends(miniaudio: Any) -> list[Any]:
    """The sound systems miniaudio may use here, best first; [] lets miniaudio choose."""
    if sys.platform.startswith("linux"):
        return [miniaudio.Backend.PULSEAUDIO, miniaudio.Backend.ALSA]
    if sys.platform == "darwin":
        return [miniaudio.Backend.COREAUDIO]
    return []


class MiniaudioBackend:
    """Plays each cue on a device of its own over one shared miniaudio context.

    Args:
        open_device: opens a device for (channels, rate); tests pass a stand-in. By default
            prepare() makes one from the miniaudio package.
        clock: monotonic seconds, for closing a device that stopped taking sound.
        sleep: how a finished cue's feed waits out its silence (tests pass a recorder).
    """

    name = "miniaudio"
    latency = 0.05
    """A device open (a few ms over a shared context) and the first 20 ms period."""

    def __init__(
        self,
        open_device: OpenDevice | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._open_device = open_device
        self._clock = clock
        self._sleep = sleep
        self._close_context: Callable[[], None] | None = None
        self._keep_alive: tuple[Any, ...] = ()
        self._sounds: dict[str, Sound] = {}
        self._device: Device | None = None
        self._feed: CueFeed | None = None
        self._deadline = 0.0
        self._stalls = 0
        self.system = "sound system"
        """miniaudio's name for what it plays through: "ALSA", "PulseAudio", "Core Audio"..."""

    @property
    def device(self) -> str:
        """Where the sound goes, for `breath-tui sounds --check`: "ALSA, default"."""
        return f"{self.system}, default"

    def prepare(self, sounds: Mapping[str, Sound]) -> None:
        """Keep the sounds; import miniaudio and open its context (worker thread only)."""
        self._sounds = dict(sounds)
        if self._open_device is None:
            self._open_device = self._open_context()

    def _open_context(self) -> OpenDevice:
        quiet_alsa()  # before miniaudio's first call into libasound
        try:
            import miniaudio  # type: ignore[import-untyped]
            from _miniaudio import ffi, lib  # type: ignore[import-not-found]
        except ImportError as error:
            raise CueFailed("miniaudio could not be loaded") from error
        config = lib.ma_context_config_init()
        app_name = ffi.new("char[]", b"breath-tui")
        config.pulse.pApplicationName = app_name
        context = ffi.new("ma_context*")
        self._keep_alive = (app_name, context)  # C memory the context points at
        systems = _system_backends(miniaudio)
        wanted = (
            ffi.new("ma_backend[]", [system.value for system in systems]) if systems else ffi.NULL
        )
        if lib.ma_context_init(wanted, len(systems), ffi.addressof(config), context) != 0:
            raise CueFailed("miniaudio found no sound system (PulseAudio or ALSA)")
        self.system = ffi.string(lib.ma_get_backend_name(context.backend)).decode()

        class SharedContextDevice(miniaudio.PlaybackDevice):  # type: ignore[misc]
            """pyminiaudio makes (and never frees) a context per device; share ours instead."""

            def _make_context(self, *_args: Any, **_kwargs: Any) -> Any:
                return context

        def open_device(channels: int, rate: int) -> Device:
            device: Device = SharedContextDevice(
                nchannels=channels,
                sample_rate=rate,
                buffersize_msec=PERIOD_MS,
                callback_periods=PERIODS,
                app_name="breath-tui",
            )
            return device

        def close_context() -> None:
            lib.ma_context_uninit(context)

        self._close_context = close_context
        return open_device

    def start(self, cue: str) -> None:
        """Close the last cue's device, if still open, and play `cue` on a new one."""
        self._close_device()
        if self._open_device is None:
            raise CueFailed("miniaudio was not prepared")
        sound = self._sounds[cue]
        feed = CueFeed(sound, sound.rate * PERIOD_MS * PERIODS // 1000, self._sleep)
        try:
            device = self._open_device(sound.channels, sound.rate)
        except Exception as error:  # MiniaudioError, or anything from the C side
            raise CueFailed("the sound device could not be opened") from error
        frames = feed.frames()
        next(frames)
        try:
            device.start(frames)
        except Exception as error:
            with contextlib.suppress(Exception):
                device.close()
            raise CueFailed("the sound device could not be started") from error
        self._device, self._feed = device, feed
        self._deadline = self._clock() + sound.seconds + OVERRUN

    def stop(self) -> None:
        """Hand the device no more of the cue; the worker closes it at its next check()."""
        feed = self._feed
        if feed is not None:
            feed.stop()

    def busy(self) -> bool:
        """Whether a cue's device is open (the worker then calls check() often)."""
        return self._device is not None

    def check(self) -> None:
        """Close the device of a cue that has played, or that stalled; raise CueFailed when
        STALLS_BEFORE_FAILING cues in a row have stalled."""
        feed = self._feed
        if self._device is None or feed is None:
            return
        if feed.finished.is_set():
            self._stalls = 0
            self._close_device()
        elif self._clock() >= self._deadline:
            self._stalls += 1
            self._close_device()
            if self._stalls >= STALLS_BEFORE_FAILING:
                raise CueFailed("the sound device stopped taking sound")

    def _close_device(self) -> None:
        device, feed = self._device, self._feed
        self._device = self._feed = None
        if feed is not None:
            feed.stop()
        if device is not None:
            with contextlib.suppress(Exception):
                device.close()

    def release(self, wait: float) -> None:
        """Let the playing cue finish (at most `wait` seconds), close its device and the context."""
        feed = self._feed
        if feed is not None:
            feed.finished.wait(wait)
        self._close_device()
        if self._close_context is not None:
            with contextlib.suppress(Exception):
                self._close_context()
            self._close_context = None
