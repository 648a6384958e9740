"""Cue sounds: made with pydub (cues.py), loaded (library.py) and played without blocking
(backends.py, player.py).

The screens and plain mode talk to a `CuePlayer`; they never import pydub or simpleaudio, and
nothing here imports them until a sound is made or a player is opened.
"""

from __future__ import annotations

from typing import Protocol

from breath_tui.core.settings import CUE_NAMES

__all__ = ["CUE_NAMES", "CuePlayer", "SilentPlayer"]


class CuePlayer(Protocol):
    """Plays the cue for a phase; never blocks, never raises."""

    latency: float
    """Seconds from play() to sound leaving the speaker: cues are issued this much early."""
    muted: bool
    notice: str | None
    """One quiet line to show when cues cannot play (no sound card, no player), else None."""

    def play(self, cue: str) -> None:
        """Start the cue named `cue` (one of CUE_NAMES) and return at once."""

    def stop(self) -> None:
        """Stop whatever cue is playing."""

    def set_muted(self, muted: bool) -> None:
        """Mute (stopping any cue at once) or unmute."""

    def close(self) -> None:
        """Release the audio device."""


class SilentPlayer:
    """A player that plays nothing: --no-sound, the setting, or no working backend."""

    latency = 0.0

    def __init__(self, notice: str | None = None) -> None:
        self.muted = True
        self.notice = notice
        self.played: list[str] = []

    def play(self, cue: str) -> None:
        """Record the cue, play nothing."""
        self.played.append(cue)

    def stop(self) -> None:
        """Nothing is playing."""

    def set_muted(self, muted: bool) -> None:
        """Remember the choice (so the screen shows it); stays silent either way."""
        self.muted = muted

    def close(self) -> None:
        """Nothing to release."""
