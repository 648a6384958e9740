"""Choosing and running a cue player (the audio issue fills in the real backends)."""

from __future__ import annotations

from breath_tui.audio import CuePlayer, SilentPlayer
from breath_tui.core.config import SoundSettings


def open_player(settings: SoundSettings, enabled: bool) -> CuePlayer:
    """The player for these settings; silent when cues are off."""
    return SilentPlayer()
