"""The ways a cue reaches the ears: simpleaudio, a system player, the terminal bell (miniaudio,
the first choice, has a module of its own: miniaudio_backend.py).

Each backend has a cheap probe (`probe_*`) that says whether it can work here, without playing
anything, and a class that plays prepared sounds. Backend methods run on the player's worker
thread, except `stop()`, which any thread may call and which never waits.

ALSA prints its own errors ("ALSA lib confmisc.c:855:(parse_card) cannot find card '0'") straight
to stderr, where they would garble the full-screen guide. `quiet_alsa()` installs a handler that
drops them, in this process, before anything here opens an ALSA device; system players are run
with stderr sent to /dev/null.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from breath_tui.audio.library import Sound


class CueFailed(Exception):
    """A backend cannot play; the message is the reason, in words for the person."""


class Backend(Protocol):
    """What the player's worker thread needs from a way of playing sound."""

    name: str
    latency: float
    """Seconds from start() to sound leaving the speaker (cues are issued this much early)."""

    @property
    def device(self) -> str:
        """Where the sound goes, in words for `breath-tui sounds --check`: "ALSA, default"."""

    def prepare(self, sounds: Mapping[str, Sound]) -> None:
        """Take the loaded sounds, once, before the first start()."""

    def start(self, cue: str) -> None:
        """Stop the cue playing, if any, and start `cue`; raise CueFailed if it cannot play."""

    def stop(self) -> None:
        """Stop the cue playing now; safe from any thread; never waits."""

    def busy(self) -> bool:
        """Whether a cue still holds the device; meanwhile the worker calls check() often."""

    def check(self) -> None:
        """Tend the last cue: free what it held once it has played, and raise CueFailed if it
        failed on its own (the player exited with an error, the device stopped taking sound)."""

    def release(self, wait: float) -> None:
        """Let the playing cue finish (at most `wait` seconds), then free everything."""


def _wait_until_idle(backend: Backend, seconds: float) -> bool:
    """Poll until the backend is idle or `seconds` pass; True if idle."""
    deadline = time.monotonic() + seconds
    while backend.busy():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.005)
    return True


_alsa: ctypes.CDLL | None = None
# ALSA keeps a pointer to the handler; this reference keeps it alive for the whole process.
_alsa_handler: Any = None


def _ignore_alsa_error(*_args: Any) -> None:
    """ALSA's messages are dropped: a failure reaches the person as one notice instead."""


def quiet_alsa() -> ctypes.CDLL | None:
    """Load libasound and silence its error text (once per process); None where there is no ALSA."""
    global _alsa, _alsa_handler
    if _alsa is not None or not sys.platform.startswith("linux"):
        return _alsa
    try:
        library = ctypes.CDLL("libasound.so.2")
    except OSError:
        return None
    # void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
    # The variadic tail is never read, so a fixed signature is safe to receive it.
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    _alsa_handler = handler_type(_ignore_alsa_error)
    library.snd_lib_error_set_handler(_alsa_handler)
    library.snd_pcm_open.argtypes = [
        ctypes.POINTER(ctypes.c_void_p),
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_int,
    ]
    library.snd_pcm_close.argtypes = [ctypes.c_void_p]
    _alsa = library
    return library


def alsa_problem() -> str | None:
    """Why ALSA's default device cannot play (in words), or None if it opens."""
    library = quiet_alsa()
    if library is None:
        return "the sound library (libasound) is not installed"
    handle = ctypes.c_void_p()
    # SND_PCM_STREAM_PLAYBACK = 0; SND_PCM_NONBLOCK = 1, so a busy device fails at once.
    if library.snd_pcm_open(ctypes.byref(handle), b"default", 0, 1) < 0:
        return "no sound device could be opened"
    library.snd_pcm_close(handle)
    return None


def probe_simpleaudio() -> tuple[ModuleType | None, str]:
    """simpleaudio's module if it can play here, else None and the reason.

    simpleaudio 1.0.4 is archived; on Python 3.12 and later its playback thread crashes the whole
    interpreter when a sound ends (py-simple-audio issues 72 and 74), which no try/except can
    catch. So it is never used there, even when the setting asks for it.
    """
    if sys.version_info >= (3, 12):
        return None, "simpleaudio is not used on Python 3.12 and later, where it crashes"
    if sys.platform.startswith("linux"):
        problem = alsa_problem()  # also silences ALSA before simpleaudio first touches it
        if problem:
            return None, problem
    try:
        import simpleaudio  # type: ignore[import-untyped]
    except ImportError:
        return None, "simpleaudio is not installed (pip install 'breath-tui[audio]')"
    return simpleaudio, ""


class SimpleaudioBackend:
    """Plays from memory with simpleaudio, whose own thread feeds a fixed 100 ms ALSA buffer."""

    name = "simpleaudio"
    latency = 0.1
    device = "ALSA, default" if sys.platform.startswith("linux") else "system default"

    def __init__(self, module: ModuleType) -> None:
        self._module = module
        self._sounds: dict[str, Sound] = {}
        self._current: Any = None

    def prepare(self, sounds: Mapping[str, Sound]) -> None:
        """Keep the sounds; simpleaudio plays straight from these bytes."""
        self._sounds = dict(sounds)

    def start(self, cue: str) -> None:
        """Replace the playing cue: one stream at a time, as a bare hw device allows no more."""
        self.stop()
        # simpleaudio opens the device in blocking mode while holding the GIL; waiting for our
        # own last stream to close first keeps that open from waiting on us.
        _wait_until_idle(self, 0.3)
        sound = self._sounds[cue]
        try:
            self._current = self._module.play_buffer(sound.pcm, sound.channels, 2, sound.rate)
        except Exception as error:  # SimpleaudioError, or anything else from the C side
            raise CueFailed("the sound device could not be opened") from error

    def stop(self) -> None:
        """Ask simpleaudio's thread to stop at its next 100 ms chunk."""
        current = self._current
        if current is not None:
            current.stop()

    def busy(self) -> bool:
        """Whether simpleaudio's thread still holds a stream."""
        current = self._current
        return current is not None and bool(current.is_playing())

    def check(self) -> None:
        """simpleaudio reports failures when play_buffer is called; nothing to check later."""

    def release(self, wait: float) -> None:
        """Let the cue end, then make sure simpleaudio's thread is done before Python exits."""
        if not _wait_until_idle(self, wait):
            self.stop()
            _wait_until_idle(self, 0.5)


SYSTEM_DEVICES = {
    "aplay": "ALSA, default",
    "paplay": "PulseAudio, default",
    "pw-play": "PipeWire, default",
    "afplay": "Core Audio, default",
}

SYSTEM_COMMANDS = {
    "aplay": (["aplay", "-q"], 0.03),
    "paplay": (["paplay"], 0.05),
    "pw-play": (["pw-play"], 0.05),
    "afplay": (["afplay"], 0.1),
}
"""argv and estimated latency: a process start and a device open; sound servers add a little."""

SYSTEM_PLAYERS = tuple(SYSTEM_COMMANDS)


def probe_command(name: str) -> tuple[list[str] | None, str]:
    """The full path and arguments of a system player if it can play here, else None and why."""
    argv, _ = SYSTEM_COMMANDS[name]
    found = shutil.which(argv[0])
    if found is None:
        return None, f"{name} is not installed"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if name == "aplay":
        problem = alsa_problem()
        if problem:
            return None, problem
    elif name == "paplay" and not (
        os.environ.get("PULSE_SERVER") or Path(runtime, "pulse", "native").exists()
    ):
        return None, "no PulseAudio server is running"
    elif name == "pw-play" and not (
        os.environ.get("PIPEWIRE_REMOTE") or Path(runtime, "pipewire-0").exists()
    ):
        return None, "no PipeWire server is running"
    return [found, *argv[1:]], ""


class CommandBackend:
    """Runs a system player per cue on WAVs written once to a private temporary folder."""

    def __init__(self, name: str, argv: list[str], latency: float) -> None:
        self.name, self.latency = name, latency
        self.device = SYSTEM_DEVICES.get(name, "default")
        self._argv = argv
        self._folder: str | None = None
        self._paths: dict[str, str] = {}
        self._process: subprocess.Popen[bytes] | None = None
        # The process stop() ended: its exit status says nothing about whether playing works.
        self._stopped: subprocess.Popen[bytes] | None = None

    def prepare(self, sounds: Mapping[str, Sound]) -> None:
        """Write each prepared sound (volume applied) as a WAV in a folder only we can read."""
        self._folder = tempfile.mkdtemp(prefix="breath-tui-cues-")
        for cue, sound in sounds.items():
            path = Path(self._folder, f"{cue}.wav")
            path.write_bytes(sound.wav_bytes())
            self._paths[cue] = str(path)

    def start(self, cue: str) -> None:
        """Stop the last cue and start the player on this one; its output goes to /dev/null."""
        self.check()
        self.stop()
        try:
            self._process = subprocess.Popen(
                [*self._argv, self._paths[cue]],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise CueFailed(f"{self.name} could not be started") from error

    def stop(self) -> None:
        """Terminate the player if it is still playing."""
        process = self._process
        if process is not None and process.poll() is None:
            self._stopped = process
            with contextlib.suppress(OSError):
                process.terminate()

    def busy(self) -> bool:
        """Whether the player is still running."""
        process = self._process
        return process is not None and process.poll() is None

    def check(self) -> None:
        """A player that exited with an error by itself (not stopped by us) means no sound."""
        process = self._process
        if process is None or process is self._stopped or process.poll() in (None, 0):
            return
        self._process = None
        raise CueFailed(f"{self.name} could not play them")

    def release(self, wait: float) -> None:
        """Let the cue finish, reap the player, and delete the temporary folder."""
        if not _wait_until_idle(self, wait):
            self.stop()
        if self._process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=1.0)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def probe_bell() -> tuple[int | None, str]:
    """A file descriptor on the controlling terminal, or None and why."""
    try:
        return os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY), ""
    except OSError:
        return None, "there is no terminal to ring"


class BellBackend:
    """Rings the terminal bell (BEL, \\a) for every cue: the same sound for each, but a cue."""

    name = "bell"
    latency = 0.0
    device = "terminal bell"

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def prepare(self, sounds: Mapping[str, Sound]) -> None:
        """The bell needs no sounds."""

    def start(self, cue: str) -> None:
        """Write one BEL straight to the terminal."""
        if self._fd is None:
            return
        try:
            os.write(self._fd, b"\a")
        except OSError as error:
            raise CueFailed("the terminal bell could not be rung") from error

    def stop(self) -> None:
        """A bell cannot be stopped once rung."""

    def busy(self) -> bool:
        """A bell is over as soon as it is written."""
        return False

    def check(self) -> None:
        """Failures show in start()."""

    def release(self, wait: float) -> None:
        """Close the terminal."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
