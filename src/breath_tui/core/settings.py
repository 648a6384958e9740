"""config.toml's settings: one dataclass per section, and their defaults.

Reading the file is core/config.py (load_config), checking it core/config_file.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from breath_tui.core.errors import BadInput
from breath_tui.core.patterns import Pattern, resolve_pattern
from breath_tui.core.safety import DEFAULT_CRISIS_TEXT
from breath_tui.core.text import visible

DEFAULT_REGIONS: tuple[str, ...] = ("shoulders", "stomach", "chest")
"""The body scan's regions, in the order the practice names them (core/vocab.py has their
prompts); defined here so reading the settings does not load the feeling vocabulary."""

CUE_NAMES = ("in", "hold", "out", "end")
"""One cue per phase kind, and one for the end of a session."""

CUE_STYLES = ("soft", "clear")
"""The built-in styles. soft: warm, low tones (the default). clear: brighter tones that carry
through a noisy room."""
DEFAULT_CUE_STYLE = "soft"

OWN_STYLE = "own"
"""The person's own sounds, made by `breath-tui sounds --from FILE` (core.locations
own_sounds_dir); a cue with no own file plays the soft one."""

STYLES = (*CUE_STYLES, OWN_STYLE)
"""Every value [sound] style may take."""

BACKENDS = (
    "auto",
    "miniaudio",
    "simpleaudio",
    "aplay",
    "paplay",
    "pw-play",
    "afplay",
    "bell",
    "none",
)
"""auto tries miniaudio, simpleaudio, then aplay, paplay, pw-play, afplay, then the bell if
allowed."""

VOLUME_STEP = 0.1


def step_volume(volume: float, steps: int) -> float:
    """The volume `steps` tenths up (or down, if negative), kept within 0 to 1.

    For a settings screen's "+" and "-": 0.6 and +1 gives 0.7; 0.95 and +1 gives 1.0.
    """
    return min(1.0, max(0.0, round(volume + steps * VOLUME_STEP, 1)))


class ConfigError(BadInput):
    """config.toml is not usable; the message names file, line and key.

    Keys and values quoted from the file are shown with control characters escaped, so a key
    holding a terminal escape sequence is seen, never run.
    """

    def __init__(self, message: str) -> None:
        super().__init__(visible(message))


DEFAULT_MINUTES = {"breathing": 2.0, "checkin": 2.0, "quick": 1.0}
"""A session's length when its section sets none (a pattern with its own default, such as
4-7-8's 4 breaths, keeps that)."""


@dataclass
class BreathingSettings:
    """[breathing]: the default `breathe` session."""

    pattern: str = "resonance"
    cycles: int | None = None
    minutes: float | None = None
    """None: not set; a session is then 2 minutes (4-7-8: its own 4 breaths)."""
    tempo: float = 1.0


@dataclass
class MotionSettings:
    """[motion]: `reduced = true` shows a guide with no motion."""

    reduced: bool = False


@dataclass
class SoundSettings:
    """[sound]: cues at each phase change.

    volume scales the samples (0 to 1) for every backend but the bell; style is one of STYLES
    ("own": the sounds `breath-tui sounds --from FILE` made); backend is one of BACKENDS (auto
    picks the first that works); bell lets auto fall back to the terminal bell when no player
    works; files maps a cue name (in, hold, out, end) to a WAV of the person's own, which
    replaces that cue's sound in any style. Relative paths are read from the folder of
    config.toml.
    """

    enabled: bool = True
    volume: float = 0.6
    style: str = DEFAULT_CUE_STYLE
    backend: str = "auto"
    bell: bool = False
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class CheckinSettings:
    """[checkin]: the breathing step of `breath-tui checkin`."""

    pattern: str = "resonance"
    minutes: float | None = None
    """None: not set; the breathing step is then 2 minutes (4-7-8: 4 breaths)."""


@dataclass
class QuickSettings:
    """[quick]: `breath-tui now` and Quick calm on home: guidance at once, no questions first."""

    pattern: str = "cyclic-sigh"
    minutes: float | None = None
    """None: not set; quick calm is then 1 minute (4-7-8: 4 breaths)."""


@dataclass
class SafetySettings:
    """[safety]: the crisis line shown on the home screen (a local number, a helpline, a person)."""

    crisis_text: str = DEFAULT_CRISIS_TEXT


@dataclass
class DisplaySettings:
    """[display]: the Textual theme, e.g. "textual-dark", "textual-light" or "high-contrast"."""

    theme: str = "textual-dark"


@dataclass
class BodySettings:
    """[body]: the regions the body scan visits, in order (any names; see core.vocab)."""

    regions: list[str] = field(default_factory=lambda: list(DEFAULT_REGIONS))


@dataclass
class HeartSettings:
    """[heart]: a heart-rate chest strap beside the breathing (not a medical device).

    sensor: "ble:ADDRESS" or "replay:FILE[@SPEED]" for quick calm and the check-in's breathing
    ("" none; `breathe --sensor` and `resonance --sensor` take it on the command line).
    keep_intervals: keep every beat-to-beat interval on the journal entry, not only the figures.
    """

    sensor: str = ""
    keep_intervals: bool = False


@dataclass
class Config:
    """All settings; `patterns` holds the custom patterns by name."""

    breathing: BreathingSettings = field(default_factory=BreathingSettings)
    motion: MotionSettings = field(default_factory=MotionSettings)
    sound: SoundSettings = field(default_factory=SoundSettings)
    checkin: CheckinSettings = field(default_factory=CheckinSettings)
    body: BodySettings = field(default_factory=BodySettings)
    quick: QuickSettings = field(default_factory=QuickSettings)
    safety: SafetySettings = field(default_factory=SafetySettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    heart: HeartSettings = field(default_factory=HeartSettings)
    patterns: dict[str, Pattern] = field(default_factory=dict)
    path: Path | None = None

    def pattern(self, name_or_spec: str | None = None) -> Pattern:
        """Resolve a pattern by name or shorthand, custom patterns first (default: the setting)."""
        return resolve_pattern(name_or_spec or self.breathing.pattern, self.patterns)


SECTIONS: dict[str, type] = {
    "breathing": BreathingSettings,
    "motion": MotionSettings,
    "sound": SoundSettings,
    "checkin": CheckinSettings,
    "body": BodySettings,
    "quick": QuickSettings,
    "safety": SafetySettings,
    "display": DisplaySettings,
    "heart": HeartSettings,
}
