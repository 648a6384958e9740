"""Finding and loading cue WAVs: built-in first, own files in their place, volume applied."""

from __future__ import annotations

import io
import wave
from array import array
from pathlib import Path

import pytest

from breath_tui.audio.library import (
    Sound,
    builtin_paths,
    load_cues,
    load_sound,
    scale,
    sound_folders,
    to_16_bit,
)
from breath_tui.core.settings import CUE_NAMES


def write_wav(path: Path, frames: bytes, width: int = 2, channels: int = 1, rate: int = 44100):
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return path


def pcm(*samples: int) -> bytes:
    return array("h", samples).tobytes()


def test_built_in_sounds_are_found_for_every_style():
    """Each style has all four cues, found in the package or the checkout's sounds/."""
    for style in ("soft", "clear"):
        paths = builtin_paths(style)
        assert paths is not None and set(paths) == set(CUE_NAMES)
        assert all(path.is_file() for path in paths.values())


def test_the_installed_package_is_searched_before_the_checkout():
    """breath_tui/sounds (where the wheel puts them) comes first, then the repository's sounds/."""
    package, checkout = sound_folders()
    assert package.parent.name == "breath_tui"
    assert checkout == package.parent.parent.parent / "sounds"


def test_volume_scales_the_samples():
    """volume multiplies each sample; 1 leaves the bytes as they are."""
    assert scale(pcm(1000, -1000, 32767), 0.5) == pcm(500, -500, 16383)
    assert scale(pcm(1000), 1.0) == pcm(1000)
    assert scale(pcm(1000), 0.0) == pcm(0)


def test_8_bit_unsigned_becomes_signed_16_bit():
    """8-bit WAV is unsigned: 128 is silence, 255 near full scale, 0 full negative."""
    assert to_16_bit(bytes([128, 255, 0]), 1) == pcm(0, 127 * 256, -128 * 256)


def test_24_and_32_bit_keep_their_top_16_bits():
    """Wider samples keep their two most significant bytes."""
    assert to_16_bit(bytes([0x11, 0x34, 0x12]), 3) == pcm(0x1234)
    assert to_16_bit(bytes([0x00, 0x11, 0xCC, 0xFE]), 4) == pcm(-0x0134)


def test_load_sound_reads_and_scales_a_wav(tmp_path):
    """A 16-bit stereo WAV loads as its frames, at the given volume."""
    path = write_wav(tmp_path / "a.wav", pcm(100, -100, 200, -200), channels=2, rate=48000)
    sound = load_sound(path, volume=0.5)
    assert sound == Sound(pcm(50, -50, 100, -100), channels=2, rate=48000)
    assert sound.seconds == pytest.approx(2 / 48000)


def test_a_sound_becomes_a_playable_wav_again():
    """wav_bytes gives a WAV file holding the same frames (for players that read files)."""
    sound = Sound(pcm(1, 2, 3, 4), channels=1, rate=22050)
    with wave.open(io.BytesIO(sound.wav_bytes()), "rb") as reader:
        shape = (reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
        frames = reader.readframes(4)
    assert shape == (1, 2, 22050)
    assert frames == sound.pcm


def test_an_own_file_replaces_its_cue_only(tmp_path):
    """files.in replaces the in-cue; the other cues stay built-in."""
    own = write_wav(tmp_path / "mine.wav", pcm(1234, -1234))
    sounds, notice = load_cues(builtin_paths(), {"in": str(own)}, volume=1.0)
    assert notice is None
    assert sounds["in"].pcm == pcm(1234, -1234)
    assert sounds["out"] == load_sound(builtin_paths()["out"], 1.0)


def test_an_unreadable_own_file_falls_back_to_the_built_in_cue(tmp_path):
    """If an own file vanished or broke since config was read, the built-in plays, with a notice."""
    missing = tmp_path / "gone.wav"
    sounds, notice = load_cues(builtin_paths(), {"out": str(missing)}, volume=1.0)
    assert sounds["out"] == load_sound(builtin_paths()["out"], 1.0)
    assert notice is not None and str(missing) in notice


def test_an_overlong_file_is_refused(tmp_path):
    """A file longer than 10 s is not held in memory as a cue."""
    path = write_wav(tmp_path / "long.wav", bytes(2 * 8000 * 11), rate=8000)
    with pytest.raises(ValueError, match="longer than"):
        load_sound(path)
