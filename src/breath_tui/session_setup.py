"""Turn settings and command-line options into a ready breathing session (pattern, length, cues)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from breath_tui.audio import CuePlayer, SilentPlayer
from breath_tui.core.pacer import Pacer, cycles_for_minutes
from breath_tui.core.patterns import Pattern

if TYPE_CHECKING:
    from breath_tui.commands.breathe import BreatheOptions
    from breath_tui.core.settings import Config, SoundSettings


@dataclass
class SessionSetup:
    """What a breathing session needs before it starts.

    Give `cues` (tests: a SilentPlayer) or `sound` settings; with settings the player is opened
    on first use, after the first frame is on screen, so audio never slows the first paint.
    """

    pattern: Pattern
    cycles: int
    tempo: float
    cues: CuePlayer | None = None
    sound: SoundSettings | None = None

    def player(self) -> CuePlayer:
        """The cue player, opened now if it is not open yet (silent without sound settings)."""
        if self.cues is None:
            if self.sound is None:
                self.cues = SilentPlayer()
            else:
                from breath_tui.audio.player import open_player

                self.cues = open_player(self.sound, enabled=True)
        return self.cues

    def close(self) -> None:
        """Release the player if one was opened."""
        if self.cues is not None:
            self.cues.close()

    def make_pacer(self, start: float) -> Pacer:
        """A pacer for this session starting at clock time `start`."""
        return Pacer(self.pattern, self.cycles, self.tempo, start=start)


def build_session(config: Config, options: BreatheOptions) -> SessionSetup:
    """Options win over config.toml's [breathing]; minutes round up to whole breaths."""
    pattern = config.pattern(options.pattern_text)
    if options.cycles is not None:
        cycles = options.cycles
    elif options.minutes is not None:
        cycles = cycles_for_minutes(pattern, options.minutes)
    elif config.breathing.cycles is not None:
        cycles = config.breathing.cycles
    else:
        cycles = cycles_for_minutes(pattern, config.breathing.minutes or 2.0)
    tempo = options.tempo if options.tempo is not None else config.breathing.tempo
    if options.sound and config.sound.enabled:
        return SessionSetup(pattern, cycles, tempo, sound=config.sound)
    return SessionSetup(pattern, cycles, tempo, cues=SilentPlayer())


def session_for(
    config: Config,
    pattern: str,
    minutes: float | None,
    cycles: int | None = None,
    *,
    sound: bool = True,
) -> SessionSetup:
    """A session of `pattern` for `minutes` (or `cycles`), as a flow's settings ask for it."""
    from breath_tui.commands.breathe import BreatheOptions

    options = BreatheOptions(
        pattern, cycles, None if cycles else minutes, None, sound, False, False
    )
    return build_session(config, options)
