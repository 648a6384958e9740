"""The sound check: play the "in" cue once, the way a session would, and say in one line how.

`breath-tui sounds --check` prints the line; the settings screen's "Test sound" button can run
`check_sound` on a worker thread (it blocks until the cue has played, a second or so) and show it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from breath_tui.audio.backends import Backend, CueFailed
from breath_tui.audio.library import Sound, cue_sources, load_cues
from breath_tui.audio.player import AUTO_ORDER, Probe, probe_backend
from breath_tui.core.settings import SoundSettings

FINISH_WAIT = 2.0
"""Seconds past the cue's length that a backend may take to finish it before the check fails."""

DEVICE_FIX = (
    "connect or unmute a sound device (and start PulseAudio or PipeWire if the desktop uses one), "
    "or set [sound] bell = true for the terminal bell"
)
"""What helps when no backend reaches a device."""

INSTALL_FIX = {
    "miniaudio": "pip install miniaudio (make setup installs it)",
    "simpleaudio": "pip install 'breath-tui[audio]' on Python 3.11 with ALSA headers "
    "(apt install libasound2-dev)",
    "aplay": "install alsa-utils",
    "paplay": "install pulseaudio-utils and start PulseAudio or PipeWire",
    "pw-play": "install pipewire-bin and start PipeWire",
    "afplay": 'afplay comes with macOS; elsewhere use backend = "auto"',
    "bell": "run breath-tui in a terminal",
}
"""What helps when a backend named with --backend or [sound] backend cannot play."""


def play_once(backend: Backend, sound: Sound, sleep: Callable[[float], None] = time.sleep) -> None:
    """Play `sound` through `backend` to the end, then release it.

    Raises:
        CueFailed: the backend could not get ready, start, or finish the sound.
    """
    backend.prepare({"in": sound})
    try:
        backend.start("in")
        deadline = time.monotonic() + sound.seconds + FINISH_WAIT
        while backend.busy():
            backend.check()
            if time.monotonic() > deadline:
                backend.stop()
                raise CueFailed(f"{backend.name} did not finish playing")
            sleep(0.02)
        backend.check()
    finally:
        backend.release(0.5)


def _played_line(backend: Backend, settings: SoundSettings) -> str:
    line = (
        "Rang the terminal bell"
        if backend.name == "bell"
        else f"Played with {backend.name} ({backend.device})"
    )
    if settings.volume == 0 and backend.name != "bell":
        line += "; [sound] volume is 0, so nothing was heard"
    return line


def _failure_line(forced: str | None, reasons: list[tuple[str, str]]) -> str:
    if forced is not None:
        reason = reasons[0][1] if reasons else f"{forced} cannot play here"
        fix = INSTALL_FIX.get(forced, 'use backend = "auto"')
        if "not installed" not in reason and forced in ("miniaudio", "simpleaudio", "aplay"):
            fix = DEVICE_FIX
        return f"No sound: {reason}. To fix: {fix}."
    device_reasons = [reason for _, reason in reasons if "not installed" not in reason]
    if device_reasons:
        return f"No sound: {device_reasons[0]}. To fix: {DEVICE_FIX}."
    return f"No sound: no sound player is installed. To fix: {INSTALL_FIX['miniaudio']}."


def check_sound(
    settings: SoundSettings,
    backend: str | None = None,
    probe: Probe = probe_backend,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[bool, str]:
    """Play the "in" cue once through the backend a session would use, or the one named.

    Blocks until the cue has played (call it from a worker thread in the UI). Uses the person's
    style, own files and volume; cues being off in settings does not stop the check.

    Args:
        settings: [sound] from config.toml.
        backend: a name from BACKENDS to try instead of settings.backend.
        probe: finds a backend by name (tests pass a stand-in).
        sleep: waits while the cue plays.

    Returns:
        Whether it played, and one line to show: "Played with miniaudio (ALSA, default)" or
        "No sound: <why>. To fix: <what would>."
    """
    name = backend or settings.backend
    if name == "none":
        return False, 'No sound: [sound] backend is "none". To fix: set backend = "auto".'
    try:
        builtin, own, _ = cue_sources(settings.style, settings.files)
        if builtin is None:
            return False, "No sound: the built-in cue sounds are missing. To fix: reinstall."
        sound = load_cues(builtin, own, settings.volume)[0]["in"]
    except Exception:
        return False, "No sound: the cue sounds could not be read. To fix: reinstall."
    forced = None if name == "auto" else name
    order = [forced] if forced else [n for n in AUTO_ORDER if n != "bell" or settings.bell]
    reasons: list[tuple[str, str]] = []
    for candidate in order:
        found, reason = probe(candidate)
        if found is None:
            reasons.append((candidate, reason))
            continue
        try:
            play_once(found, sound, sleep)
        except CueFailed as error:
            reasons.append((candidate, str(error)))
            continue
        except Exception:
            reasons.append((candidate, f"{candidate} failed"))
            continue
        return True, _played_line(found, settings)
    return False, _failure_line(forced, reasons)
