"""config.toml's settings: one dataclass per section, the defaults, and load_config.

Reading and checking the file is core/config_file.py, imported only when there is a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from breath_tui.core.errors import BadInput
from breath_tui.core.patterns import Pattern, resolve_pattern
from breath_tui.core.safety import DEFAULT_CRISIS_TEXT
from breath_tui.core.text import visible
from breath_tui.core.vocab import DEFAULT_REGIONS


class ConfigError(BadInput):
    """config.toml is not usable; the message names file, line and key.

    Keys and values quoted from the file are shown with control characters escaped, so a key
    holding a terminal escape sequence is seen, never run.
    """

    def __init__(self, message: str) -> None:
        super().__init__(visible(message))


@dataclass
class BreathingSettings:
    """[breathing]: the default `breathe` session."""

    pattern: str = "resonance"
    cycles: int | None = None
    minutes: float | None = 2.0
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
    style: str = "soft"
    backend: str = "auto"
    bell: bool = False
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class CheckinSettings:
    """[checkin]: the breathing step of `breath-tui checkin`."""

    pattern: str = "resonance"
    minutes: float = 2.0


@dataclass
class QuickSettings:
    """[quick]: `breath-tui now` and Quick calm on home: guidance at once, no questions first."""

    pattern: str = "cyclic-sigh"
    minutes: float = 1.0


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
}


def load_config(path: Path) -> Config:
    """Read config.toml; a missing file gives the defaults.

    Raises:
        ConfigError: the file cannot be read or is not valid; the message names file and line.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ConfigError(f"{path}, line {line}: not UTF-8 text") from None
    from breath_tui.core.config_file import parse_config

    return parse_config(text, path)
