"""Turn settings and command-line options into a ready breathing session (pattern, length, cues)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from breath_tui.audio import CuePlayer, SilentPlayer
from breath_tui.core.limits import fastest_tempo, rate_problem, session_cycles
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import Pattern, PatternError, rate_text
from breath_tui.core.settings import DEFAULT_MINUTES

if TYPE_CHECKING:
    from breath_tui.core.settings import Config, SoundSettings
    from breath_tui.heart.source import SensorSource


@dataclass
class SessionSetup:
    """What a breathing session needs before it starts.

    Give `cues` (tests: a SilentPlayer) or `sound` settings; with settings the player is opened
    on first use, after the first frame is on screen, so audio never slows the first paint.
    With a `sensor` (`breathe --sensor`, `[heart] sensor`), the heart is shown beside the guide
    and its figures kept; `keep_intervals` keeps the raw intervals too.
    """

    pattern: Pattern
    cycles: int
    tempo: float
    cues: CuePlayer | None = None
    sound: SoundSettings | None = None
    sensor: SensorSource | None = None
    keep_intervals: bool = False
    notice: str | None = None
    """A line to show as the session starts (the tempo was slowed to keep it slow breathing)."""

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


Section = Literal["breathing", "checkin", "quick"]
"""The settings a session is made from: [breathing] (breathe), [checkin], [quick] (quick calm)."""


def session_for(
    config: Config,
    section: Section,
    *,
    pattern: str | None = None,
    cycles: int | None = None,
    minutes: float | None = None,
    tempo: float | None = None,
    sound: bool = True,
) -> SessionSetup:
    """A session as a section of the settings asks for it, what is given here winning.

    The length is `cycles` or `minutes` if given, else the section's own (breaths, then
    minutes; for another pattern than the section's, neither), else the pattern's default
    (4-7-8: 4 breaths) or DEFAULT_MINUTES; minutes round up to whole breaths. The tempo is
    [breathing] tempo unless given. The request is within core.limits: the command line and
    config.toml were checked against them, and a tempo that would make a pattern faster than
    10 a minute (the palette's "Breathe: NAME" at [breathing] tempo) is slowed to the fastest
    that does not, with a `notice` saying so. Quick calm and the check-in take [heart] sensor.

    Raises:
        PatternError: the pattern is neither a known name nor a valid shorthand, or is faster
            than 10 a minute as written.
    """
    settings = getattr(config, section)
    chosen = config.pattern(pattern or settings.pattern)
    if cycles is None and minutes is None and not pattern:
        cycles, minutes = getattr(settings, "cycles", None), settings.minutes
    cycles = session_cycles(chosen, cycles, minutes, DEFAULT_MINUTES[section])
    tempo = tempo if tempo is not None else config.breathing.tempo
    notice = None
    too_fast = rate_problem(chosen, tempo)
    if too_fast is not None and too_fast.field == "pattern":
        raise PatternError(f"pattern {too_fast.message}")
    if too_fast is not None:
        # [breathing] tempo was checked against the sections' own patterns, not every pattern
        # the palette offers: slow it to the fastest that keeps 10 a minute, and say so.
        wanted, tempo = tempo, fastest_tempo(chosen)
        notice = (
            f"Tempo {tempo:.1f}x, not {wanted:g}x: {chosen.name} at {tempo:.1f}x is "
            f"{rate_text(chosen.breaths_per_minute * tempo)} a minute; breath-tui guides slow "
            "breathing, 10 a minute at most."
        )
    if sound and config.sound.enabled:
        setup = SessionSetup(chosen, cycles, tempo, sound=config.sound)
    else:
        setup = SessionSetup(chosen, cycles, tempo, cues=SilentPlayer())
    setup.notice = notice
    if section != "breathing" and config.heart.sensor:
        # [heart] sensor: opened when breathing starts; trouble then is a notice, never a stop.
        from breath_tui.heart.source import setting_source

        setup.sensor = setting_source(config.heart.sensor)
        setup.keep_intervals = config.heart.keep_intervals
    return setup
