"""Cues from the person's own sound: `breath-tui sounds --from FILE [--for in|out|hold|end|all]`.

pydub reads the file (WAV by itself; mp3, ogg, flac and the rest through ffmpeg, when installed)
and each cue is made the way the built-in ones are: mono 16-bit at 44.1 kHz, trimmed of the
silence before and after, at most 3 s, faded in and out so nothing clicks, and normalised to a
-3 dBFS peak. They are written to own_sounds_dir() (in the data folder), where style "own" finds
them.

One file for every cue (`--for all`, the default) makes a set that still tells the phases apart,
as the built-in glides up and down do: in is the sound itself; out is the same sound a fifth
lower (slower too, as a tape played slower); hold is its first 0.3 s, 9 dB quieter, like the
built-in tick; end is the sound followed by its lower copy, a rise and a fall to close on.

This module imports pydub when it is imported: only the `sounds` command imports it.
"""

from __future__ import annotations

import io
import math
import shutil
import warnings
import wave
from pathlib import Path

from breath_tui.audio.cues import SAMPLE_RATE, AudioSegment
from breath_tui.core.errors import BadInput
from breath_tui.core.locations import ensure_private_dir, own_sounds_dir
from breath_tui.core.private_files import write_bytes_privately
from breath_tui.core.settings import CUE_NAMES
from breath_tui.core.text import visible

MAX_CUE_SECONDS = 3.0
MAX_SOURCE_SECONDS = 60.0
"""A longer file is almost surely the wrong one (a song, a recording); it is refused."""
PEAK_DBFS = -3.0
HOLD_PEAK_DBFS = -12.0
"""The hold of a set made from one file sits 9 dB under the others, as the built-in tick does."""
TRIM_BELOW_PEAK_DB = 40.0
"""Leading and trailing sound more than this far under the peak counts as silence."""
SILENT_DBFS = -60.0
"""A file whose loudest moment is quieter than this holds only silence."""
FADE_IN_MS = 10
FADE_OUT_MS = 100  # pydub steps a longer fade per millisecond, which buzzes (see cues.Voice)
HOLD_MS = 300
FIFTH_DOWN = 2 / 3
MAX_SAMPLE_RATE = 768_000
"""The highest sample rate read (twice the highest any recorder makes)."""
MAX_CHANNELS = 64


class OwnSoundError(BadInput):
    """The file cannot become a cue; the message names it and says why."""


def ffmpeg_installed() -> bool:
    """Whether pydub can reach a decoder for mp3, ogg, flac and the rest."""
    return bool(shutil.which("ffmpeg") or shutil.which("avconv"))


def _is_wav(path: Path) -> bool:
    with path.open("rb") as file:
        head = file.read(12)
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def _wav_seconds(path: Path) -> float | None:
    """A PCM WAV's length from its header, before reading it all; None if wave cannot tell."""
    try:
        with wave.open(str(path), "rb") as reader:
            return reader.getnframes() / reader.getframerate()
    except (wave.Error, EOFError, ZeroDivisionError):
        return None


def read_sound(path: Path) -> AudioSegment:
    """Read any audio file pydub can, or raise OwnSoundError naming the file."""
    name = visible(str(path))
    if not path.exists():
        raise OwnSoundError(f"{name}: not found")
    if not path.is_file():
        raise OwnSoundError(f"{name}: is not a file")
    try:
        wav = _is_wav(path)
    except OSError as error:
        raise OwnSoundError(f"{name}: cannot be read ({error.strerror or error})") from None
    seconds = _wav_seconds(path) if wav else None
    if seconds is not None and seconds > MAX_SOURCE_SECONDS:
        raise _too_long(name, seconds)
    decoder = ffmpeg_installed()
    if not wav and not decoder and path.suffix.lower() in (".wav", ".wave"):
        raise OwnSoundError(f"{name}: cannot be read as a WAV file")
    if not wav and not decoder:
        raise OwnSoundError(
            f"{name}: reading {path.suffix or 'this kind of'} files needs ffmpeg, which is not "
            "installed (apt install ffmpeg), or give a WAV file"
        )
    try:
        with warnings.catch_warnings():
            # A WAV pydub cannot read itself is handed to ffmpeg, first asking for ffprobe,
            # which warns when absent; our error below says what is missing instead.
            warnings.filterwarnings(
                "ignore", message="Couldn't find ffprobe or avprobe", category=RuntimeWarning
            )
            sound = AudioSegment.from_file(str(path), format="wav" if wav else None)
    except Exception:  # pydub's CouldntDecodeError, ffmpeg's exit status, a bad header
        if wav and not decoder:
            raise OwnSoundError(
                f"{name}: cannot be read as a PCM WAV; other kinds need ffmpeg, which is not "
                "installed (apt install ffmpeg)"
            ) from None
        raise OwnSoundError(f"{name}: cannot be read as audio") from None
    problem = _format_problem(sound)
    if problem:
        raise OwnSoundError(f"{name}: cannot be read as audio ({problem})")
    if len(sound) / 1000 > MAX_SOURCE_SECONDS:
        raise _too_long(name, len(sound) / 1000)
    return sound


def _format_problem(sound: AudioSegment) -> str | None:
    """What is impossible in a sound's format as its header gave it, or None.

    A WAV header is the file's own word: a sample rate, a channel count or a sample size of 0
    (pydub divides by each) or a sample size audioop cannot convert is refused here.
    """
    if not 1 <= sound.channels <= MAX_CHANNELS:
        return f"{sound.channels} channels"
    if not 1 <= sound.frame_rate <= MAX_SAMPLE_RATE:
        return f"a sample rate of {sound.frame_rate} Hz"
    if sound.sample_width not in (1, 2, 3, 4):
        return f"{8 * sound.sample_width} bits a sample"
    return None


def _too_long(name: str, seconds: float) -> OwnSoundError:
    return OwnSoundError(
        f"{name}: is {seconds:.0f} s long; use a sound of at most {MAX_SOURCE_SECONDS:.0f} s "
        f"(a cue keeps its first {MAX_CUE_SECONDS:.0f} s)"
    )


def trim_silence(sound: AudioSegment, name: str) -> AudioSegment:
    """Mono 16-bit 44.1 kHz, with the silence before and after cut off."""
    mono = sound.set_channels(1).set_sample_width(2).set_frame_rate(SAMPLE_RATE)
    peak = mono.max_dBFS
    if not math.isfinite(peak) or peak < SILENT_DBFS:
        raise OwnSoundError(f"{visible(name)}: holds only silence")
    threshold = peak - TRIM_BELOW_PEAK_DB
    start = _leading_silence_ms(mono, threshold)
    end = len(mono) - _leading_silence_ms(mono.reverse(), threshold)
    return mono[start:end]


def _leading_silence_ms(sound: AudioSegment, threshold: float) -> int:
    """Milliseconds before the first 5 ms chunk louder than `threshold` dBFS."""
    position = 0
    while position < len(sound) and sound[position : position + 5].max_dBFS < threshold:
        position += 5
    return min(position, len(sound))


def shape(sound: AudioSegment, peak_dbfs: float = PEAK_DBFS, max_ms: int = 3000) -> AudioSegment:
    """At most `max_ms`, faded in and out, its peak set to `peak_dbfs`."""
    cut = sound[:max_ms]
    fade_in = min(FADE_IN_MS, len(cut) // 3)
    fade_out = min(FADE_OUT_MS, len(cut) // 3)
    faded = cut.fade_in(fade_in).fade_out(fade_out)
    return faded.apply_gain(peak_dbfs - faded.max_dBFS)


def lower(sound: AudioSegment, ratio: float = FIFTH_DOWN) -> AudioSegment:
    """The sound played slower, as a tape would be: pitch times `ratio`, length divided by it."""
    slowed = sound._spawn(sound.raw_data, overrides={"frame_rate": round(SAMPLE_RATE * ratio)})
    return slowed.set_frame_rate(SAMPLE_RATE)


def make_cues(source: AudioSegment, which: str) -> dict[str, AudioSegment]:
    """The cues to write: `which` from the trimmed `source` as it is, or a whole set for "all"."""
    limit = round(MAX_CUE_SECONDS * 1000)
    if which != "all":
        return {which: shape(source, max_ms=limit)}
    main = shape(source, max_ms=limit)
    low = shape(lower(main), max_ms=limit)
    return {
        "in": main,
        "out": low,
        "hold": shape(main[:HOLD_MS], HOLD_PEAK_DBFS),
        "end": shape(main + low, max_ms=limit),
    }


def write_own_cues(source: Path, which: str = "all", folder: Path | None = None) -> list[Path]:
    """Turn `source` into cue WAVs in the person's own sounds folder; return what was written.

    Args:
        source: any audio file pydub can read.
        which: one of CUE_NAMES, or "all" for a set made from the one sound.
        folder: where to write (default own_sounds_dir()).

    Raises:
        OwnSoundError: the file is missing, unreadable, too long, silent, or its header gives an
            impossible format (a sample rate of 0, say) (exit status 2).
        OSError: the folder cannot be written.
    """
    cues = make_cues(trim_silence(read_sound(source), str(source)), which)
    target = folder or own_sounds_dir()
    ensure_private_dir(target)
    written = []
    for cue in CUE_NAMES:
        if cue in cues:
            buffer = io.BytesIO()
            cues[cue].export(buffer, format="wav")
            path = target / f"{cue}.wav"
            write_bytes_privately(path, buffer.getvalue(), replace=True)
            written.append(path)
    return written
