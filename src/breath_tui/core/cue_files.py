"""Cue files: whether a WAV file can serve as a cue, and which of the person's own exist.

Pure standard library (the `wave` module reads headers only), so config_file.py can check a
person's own cue files when config.toml is read, and name the file and line when one will not do.
"""

from __future__ import annotations

from pathlib import Path

from breath_tui.core.locations import own_sounds_dir
from breath_tui.core.settings import CUE_NAMES, CUE_STYLES, STYLES

# simpleaudio refuses other rates ("Weird sample rates are not supported").
SUPPORTED_RATES = (8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 192000)

# A cue is a few seconds at most; a longer file is almost surely the wrong file, and every cue is
# held in memory for the whole session.
MAX_CUE_SECONDS = 10.0


def wav_problem(path: Path) -> str | None:
    """Why `path` cannot be a cue (missing, not a PCM WAV, odd rate, too long), or None if it can.

    Args:
        path: the file the person named in [sound] files.

    Returns:
        A short reason such as "not found" or "is 42 s long; a cue may be at most 10 s".
    """
    if not path.exists():
        return "not found"
    if not path.is_file():
        return "is not a file"
    import wave  # only when the person names WAV files of their own

    try:
        with wave.open(str(path), "rb") as reader:
            channels = reader.getnchannels()
            width = reader.getsampwidth()
            rate = reader.getframerate()
            frames = reader.getnframes()
    except PermissionError:
        return "cannot be read (permission denied)"
    except (wave.Error, EOFError):
        return "is not a PCM WAV file (16-bit PCM is safest)"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if channels not in (1, 2):
        return f"has {channels} channels; use mono or stereo"
    if width not in (1, 2, 3, 4):
        return f"has {width * 8}-bit samples; use 8, 16, 24 or 32-bit PCM"
    if rate not in SUPPORTED_RATES:
        return f"has a sample rate of {rate} Hz; use 44100 or 48000 Hz"
    if frames == 0:
        return "holds no sound"
    if frames / rate > MAX_CUE_SECONDS:
        return f"is {frames / rate:.0f} s long; a cue may be at most {MAX_CUE_SECONDS:.0f} s"
    return None


def own_cue_files() -> dict[str, Path]:
    """The person's own cue WAVs that exist, by cue name (empty when they made none)."""
    folder = own_sounds_dir()
    found = {cue: folder / f"{cue}.wav" for cue in CUE_NAMES}
    return {cue: path for cue, path in found.items() if path.is_file()}


def available_styles() -> tuple[str, ...]:
    """The styles a picker may offer: the built-in ones, and "own" once own sounds exist."""
    return STYLES if own_cue_files() else CUE_STYLES
