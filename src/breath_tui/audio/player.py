"""Choosing a cue player and running it on a worker thread, so a phase change never waits.

`open_player` probes the backends once, cheaply (no sound is played and nothing heavy is imported
to find out), in the order miniaudio, simpleaudio, aplay, paplay, pw-play, afplay, then the
terminal bell when [sound] bell = true, and takes the first that can work; `backend = "NAME"`
takes only that one. When none can, the session runs silently with one notice. If the chosen
backend cannot get ready on the worker (miniaudio finds no sound system after all), auto goes
on down the same list. A backend that fails later (the device went away, the player exits with
an error) turns into the same kind of notice, and the rest of the session is silent.

`BackgroundPlayer.play()` only puts the cue's name and the time on a queue. The worker thread
loads every sound into memory when the player opens, then starts each cue as its name arrives,
unless it comes too late to be of use: a cue that cannot start within LATE_AFTER of its play()
is dropped (counted in `dropped`), never played late over the next phase. Cues asked for while
the player is still opening (the session's first) may wait FIRST_CUE_WAIT for it.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import threading
import weakref
from collections.abc import Callable, Mapping

from breath_tui.audio import CuePlayer, SilentPlayer
from breath_tui.audio.backends import (
    SYSTEM_COMMANDS,
    SYSTEM_PLAYERS,
    Backend,
    BellBackend,
    CommandBackend,
    CueFailed,
    SimpleaudioBackend,
    probe_bell,
    probe_command,
    probe_simpleaudio,
)
from breath_tui.audio.library import Sound, cue_sources, load_cues
from breath_tui.audio.miniaudio_backend import probe_miniaudio
from breath_tui.core.clock import Clock, MonotonicClock
from breath_tui.core.settings import SoundSettings

AUTO_ORDER = ("miniaudio", "simpleaudio", *SYSTEM_PLAYERS, "bell")
CLOSE_WAIT = 3.0
"""Seconds a closing player lets its last cue (the end bell, say) play before cutting it."""

LATE_AFTER = 0.15
"""Seconds after play() past which a cue that has not started is dropped. A sound more than
about 125-150 ms after the change it marks is heard as belonging to it no longer (ITU-R BT.1359
puts detectable lag at 125 ms); cues are issued `latency` early, so on time is well inside it."""

FIRST_CUE_WAIT = 0.5
"""The same limit for cues asked before the player was ready: opening the sound system (about
0.15 s with miniaudio) happens once, as the session's first cue is asked for."""

POLL = 0.05
"""Seconds between the worker's checks on a playing cue (frees a finished cue's device)."""

NO_PLAYER = "Cues are silent: no sound device or player was found."

Probe = Callable[[str], tuple[Backend | None, str]]


def probe_backend(name: str) -> tuple[Backend | None, str]:
    """A ready backend by name, or None and the reason it cannot play here."""
    if name == "miniaudio":
        backend, reason = probe_miniaudio()
        return backend, reason
    if name == "simpleaudio":
        module, reason = probe_simpleaudio()
        return (SimpleaudioBackend(module), "") if module else (None, reason)
    if name in SYSTEM_COMMANDS:
        argv, reason = probe_command(name)
        if argv is None:
            return None, reason
        return CommandBackend(name, argv, SYSTEM_COMMANDS[name][1]), ""
    if name == "bell":
        fd, reason = probe_bell()
        return (BellBackend(fd), "") if fd is not None else (None, reason)
    return None, f"{name!r} is not a sound backend"


def choose_backend(
    settings: SoundSettings, probe: Probe = probe_backend, after: str | None = None
) -> tuple[Backend | None, str | None]:
    """The backend to use and None, or None and the notice to show instead.

    Args:
        settings: [sound]; a forced backend is the only one tried.
        probe: probes one backend by name.
        after: for auto, try only the backends after this one (the worker's fallback).
    """
    if settings.backend != "auto":
        if after is not None:
            return None, None
        backend, reason = probe(settings.backend)
        return (backend, None) if backend else (None, f"Cues are silent: {reason}.")
    order = AUTO_ORDER[AUTO_ORDER.index(after) + 1 :] if after in AUTO_ORDER else AUTO_ORDER
    for name in order:
        if name == "bell" and not settings.bell:
            continue
        backend, _ = probe(name)
        if backend is not None:
            return backend, None
    return None, NO_PLAYER


def open_player(settings: SoundSettings, enabled: bool) -> CuePlayer:
    """The player for these settings: silent when cues are off or nothing can play.

    Never raises: sound is a help, and a session must start without it. Custom files were
    checked when config.toml was read (ConfigError naming file and line); one that has become
    unreadable since is replaced by the built-in cue, with a notice.
    """
    if not enabled or settings.backend == "none":
        return SilentPlayer()
    try:
        builtin, own, style_notice = cue_sources(settings.style, settings.files)
        if builtin is None:
            return SilentPlayer("Cues are silent: the built-in cue sounds are missing.")
        backend, notice = choose_backend(settings)
        if backend is None:
            return SilentPlayer(notice)

        def load() -> tuple[dict[str, Sound], str | None]:
            sounds, notice = load_cues(builtin, own, settings.volume)
            return sounds, notice or style_notice

        def fallback(failed: str) -> Backend | None:
            return choose_backend(settings, after=failed)[0]

        return BackgroundPlayer(backend, load, fallback=fallback)
    except Exception:  # any surprise in probing must not stop a breathing session
        return SilentPlayer("Cues are silent: the sound player could not start.")


_open_players: weakref.WeakSet[BackgroundPlayer] = weakref.WeakSet()


@atexit.register
def _close_open_players() -> None:
    """At exit, let last cues finish and stop playback threads before Python shuts down."""
    for player in list(_open_players):
        player.close()
        player.join(CLOSE_WAIT + 1.0)


class BackgroundPlayer:
    """A CuePlayer whose backend runs on its own worker thread.

    Args:
        backend: a probed backend, ready to prepare.
        load: returns the sounds by cue and an optional notice; called once, on the worker.
        fallback: given the name of a backend that could not get ready, the next one to try
            (auto), or None.
        clock: when cues are asked for and started (tests pass a ManualClock).
    """

    def __init__(
        self,
        backend: Backend,
        load: Callable[[], tuple[Mapping[str, Sound], str | None]],
        fallback: Callable[[str], Backend | None] | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.backend = backend
        self.latency = backend.latency
        self.muted = False
        self.notice: str | None = None
        self.dropped = 0
        """Cues dropped because they could not start in time (benches report it)."""
        self._load = load
        self._fallback = fallback
        self._clock = clock or MonotonicClock()
        self._ready_at = float("inf")
        self._requests: queue.SimpleQueue[tuple[int, str, float] | None] = queue.SimpleQueue()
        # stop() and mute bump the generation; the worker drops cues queued before the bump.
        self._generation = 0
        self._failed = False
        self._closed = False
        self.ready = threading.Event()
        """Set once the sounds are loaded (or loading failed): tests and benches wait on it."""
        self._thread = threading.Thread(target=self._run, name="breath-tui-cues", daemon=True)
        _open_players.add(self)
        self._thread.start()

    def play(self, cue: str) -> None:
        """Queue the cue with the time it was asked for and return at once; dropped when muted,
        failed or closed."""
        if not (self.muted or self._failed or self._closed):
            self._requests.put((self._generation, cue, self._clock.now()))

    def stop(self) -> None:
        """Stop the cue that is playing and drop any cue not yet started."""
        self._generation += 1
        try:
            self.backend.stop()
        except Exception:  # stop is called from the UI: it must not raise
            self._fail("Cues stopped: the sound player failed.")

    def set_muted(self, muted: bool) -> None:
        """Mute (stopping the cue at once) or unmute."""
        self.muted = muted
        if muted:
            self.stop()

    def close(self) -> None:
        """Stop taking cues; the worker lets the last one finish, then frees the device."""
        if not self._closed:
            self._closed = True
            self._requests.put(None)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the worker to finish after close(); True if it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _fail(self, notice: str) -> None:
        """The first failure's notice replaces any earlier one; the player is silent from now."""
        if not self._failed:
            self._failed = True
            self.notice = notice

    def _run(self) -> None:
        # Nothing may escape this thread: threading would print a traceback over the guide.
        try:
            sounds, notice = self._load()
            self.notice = notice
            self._prepare(sounds)
        except Exception:
            self._fail("Cues are silent: the cue sounds could not be loaded.")
        finally:
            self._ready_at = self._clock.now()
            self.ready.set()
        try:
            self._serve()
        except Exception:
            self._fail("Cues stopped: the sound player failed.")
        with contextlib.suppress(Exception):
            self.backend.release(CLOSE_WAIT)

    def _prepare(self, sounds: Mapping[str, Sound]) -> None:
        """Get a backend ready; one that cannot is replaced by the fallback's next, if any."""
        while True:
            try:
                self.backend.prepare(sounds)
                return
            except CueFailed as error:
                with contextlib.suppress(Exception):
                    self.backend.release(0.0)
                replacement = self._fallback(self.backend.name) if self._fallback else None
                if replacement is None:
                    self._fail(f"Cues are silent: {error}.")
                    return
                self.backend, self.latency = replacement, replacement.latency

    def _serve(self) -> None:
        """Start each queued cue until close() or a failure."""
        while not self._failed:
            # While a cue plays, wake often to free its device once it has played, and to
            # notice a player that failed on its own.
            try:
                item = self._requests.get(timeout=POLL if self.backend.busy() else None)
            except queue.Empty:
                self._check()
                continue
            if item is None:
                return
            generation, cue, asked = item
            if generation != self._generation or self.muted:
                continue
            if self._too_late(asked):
                self.dropped += 1
                continue
            self._start(generation, cue)

    def _too_late(self, asked: float) -> bool:
        """Whether a cue asked for at `asked` can no longer start in time."""
        allowed = FIRST_CUE_WAIT if asked < self._ready_at else LATE_AFTER
        return self._clock.now() - asked > allowed

    def _check(self) -> None:
        try:
            self.backend.check()
        except CueFailed as error:
            self._fail(f"Cues stopped: {error}.")

    def _start(self, generation: int, cue: str) -> None:
        try:
            self.backend.check()
            self.backend.start(cue)
        except CueFailed as error:
            self._fail(f"Cues stopped: {error}.")
            return
        except Exception:
            self._fail("Cues stopped: the sound player failed.")
            return
        # stop() or mute may have come while the cue was starting: honour it.
        if generation != self._generation or self.muted:
            self.backend.stop()
