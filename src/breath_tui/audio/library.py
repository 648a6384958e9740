"""Finding the cue WAVs and loading them into memory, ready to play, with the standard library.

The built-in sounds ship inside the wheel as breath_tui/sounds (pyproject force-include); in a
source checkout they are the repository's sounds/ folder. Style "own" takes the sounds that
`breath-tui sounds --from FILE` made in the data folder (soft ones for any it did not make). A
person's own files (settings.files) replace single cues in any style. Every sound is turned into 16-bit PCM at the chosen volume once, when the
player starts, so nothing is read or converted at a phase change.
"""

from __future__ import annotations

import io
import sys
import wave
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from breath_tui.core.cue_files import MAX_CUE_SECONDS, own_cue_files
from breath_tui.core.settings import CUE_NAMES, DEFAULT_CUE_STYLE, OWN_STYLE

_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sound:
    """One cue in memory: signed 16-bit little-endian PCM."""

    pcm: bytes
    channels: int
    rate: int

    @property
    def seconds(self) -> float:
        """Length in seconds."""
        return len(self.pcm) / (2 * self.channels * self.rate)

    def wav_bytes(self) -> bytes:
        """The sound as a complete WAV file (for players that read files)."""
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as writer:
            writer.setnchannels(self.channels)
            writer.setsampwidth(2)
            writer.setframerate(self.rate)
            writer.writeframes(self.pcm)
        return buffer.getvalue()


def sound_folders() -> list[Path]:
    """Where the built-in sounds may be, best first: the installed package, then the checkout."""
    return [_PACKAGE / "sounds", _PACKAGE.parent.parent / "sounds"]


def builtin_paths(style: str = DEFAULT_CUE_STYLE) -> dict[str, Path] | None:
    """The built-in WAV for every cue of a style, or None when they cannot be found."""
    for folder in sound_folders():
        base = folder if style == DEFAULT_CUE_STYLE else folder / style
        paths = {cue: base / f"{cue}.wav" for cue in CUE_NAMES}
        if all(path.is_file() for path in paths.values()):
            return paths
    return None


NO_OWN_SOUNDS = (
    "Your own sounds were not found (breath-tui sounds --from FILE makes them); the soft ones play."
)


def cue_sources(
    style: str, files: Mapping[str, str]
) -> tuple[dict[str, Path] | None, dict[str, str], str | None]:
    """Where each cue of a style comes from: the built-in WAVs, own files over them, a notice.

    Args:
        style: one of STYLES; "own" is the soft style with the person's own sounds over it.
        files: [sound] files, which replace single cues in any style (and win over "own").

    Returns:
        The built-in paths (None when they are missing), the own files by cue (load_cues falls
        back to the built-in cue for one it cannot read), and a notice when "own" found none.
    """
    if style != OWN_STYLE:
        return builtin_paths(style), dict(files), None
    own = {cue: str(path) for cue, path in own_cue_files().items()}
    return builtin_paths(DEFAULT_CUE_STYLE), {**own, **files}, None if own else NO_OWN_SOUNDS


def to_16_bit(frames: bytes, width: int) -> bytes:
    """PCM of any width as signed 16-bit little-endian (8-bit WAV is unsigned)."""
    if width == 2:
        return frames
    count = len(frames) // width
    out = bytearray(2 * count)
    if width == 1:
        # Unsigned 8-bit becomes the high byte with its sign bit flipped; the low byte stays 0.
        out[1::2] = frames.translate(bytes(value ^ 0x80 for value in range(256)))
    else:
        # 24 and 32-bit little-endian: keep the two most significant bytes of each sample.
        out[0::2] = frames[width - 2 :: width]
        out[1::2] = frames[width - 1 :: width]
    return bytes(out)


def scale(pcm: bytes, volume: float) -> bytes:
    """Signed 16-bit little-endian samples multiplied by volume (0..1)."""
    if volume >= 1.0:
        return pcm
    samples = array("h", pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    scaled = array("h", [int(sample * volume) for sample in samples])
    if sys.byteorder == "big":
        scaled.byteswap()
    return scaled.tobytes()


def load_sound(path: Path, volume: float = 1.0) -> Sound:
    """Read a WAV into memory as 16-bit PCM at `volume`.

    Raises:
        OSError, wave.Error, EOFError: the file cannot be read as PCM WAV.
        ValueError: it is longer than MAX_CUE_SECONDS.
    """
    with wave.open(str(path), "rb") as reader:
        channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
        if reader.getnframes() > MAX_CUE_SECONDS * rate:
            raise ValueError(f"{path} is longer than {MAX_CUE_SECONDS:g} s")
        frames = reader.readframes(reader.getnframes())
    return Sound(scale(to_16_bit(frames, width), volume), channels, rate)


def load_cues(
    builtin: Mapping[str, Path], custom: Mapping[str, str], volume: float
) -> tuple[dict[str, Sound], str | None]:
    """Load every cue, a person's own file in place of the built-in one where given.

    Returns:
        The sounds by cue name, and a notice when an own file could not be read (its built-in
        cue plays instead) or None.
    """
    sounds, notice = {}, None
    for cue in CUE_NAMES:
        own = custom.get(cue)
        if own:
            try:
                sounds[cue] = load_sound(Path(own), volume)
                continue
            except (OSError, EOFError, ValueError, wave.Error):
                notice = notice or f"Your cue file {own} could not be read; the built-in one plays."
        sounds[cue] = load_sound(builtin[cue], volume)
    return sounds, notice
