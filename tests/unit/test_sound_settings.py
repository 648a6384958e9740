"""[sound] in config.toml: each setting checked, errors naming file, line and key."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from breath_tui.core.config_file import parse_config
from breath_tui.core.cue_files import wav_problem
from breath_tui.core.settings import ConfigError, step_volume


def write_wav(path: Path, seconds: float = 0.1, rate: int = 44100, width: int = 2) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(bytes(width * int(rate * seconds)))
    return path


def config(tmp_path: Path, text: str):
    return parse_config(text, tmp_path / "config.toml")


def test_defaults_are_soft_auto_no_bell(tmp_path):
    """With no [sound], cues are on at 0.6 volume, soft style, auto backend, no bell."""
    sound = config(tmp_path, "").sound
    settings = (sound.enabled, sound.volume, sound.style, sound.backend, sound.bell)
    assert settings == (True, 0.6, "soft", "auto", False)


@pytest.mark.parametrize(
    "line,message",
    [
        ("volume = 1.5", "sound.volume must be 0 to 1, not 1.5"),
        ("volume = -0.1", "sound.volume must be 0 to 1"),
        ('style = "loud"', "sound.style must be one of soft, clear, own, not 'loud'"),
        ('backend = "vlc"', "sound.backend must be one of auto, miniaudio, simpleaudio, aplay"),
        ('bell = "yes"', "sound.bell must be true or false"),
    ],
)
def test_bad_sound_settings_name_file_line_and_key(tmp_path, line, message):
    """A bad value in [sound] is an error naming config.toml, its line and the key."""
    with pytest.raises(ConfigError) as error:
        config(tmp_path, f"[sound]\nenabled = true\n{line}\n")
    assert f"config.toml, line 3: {message}" in str(error.value)


@pytest.mark.parametrize(
    "backend", ["auto", "miniaudio", "simpleaudio", "aplay", "pw-play", "bell", "none"]
)
def test_every_backend_name_is_accepted(tmp_path, backend):
    """Each documented backend name is a valid setting."""
    assert config(tmp_path, f'[sound]\nbackend = "{backend}"\n').sound.backend == backend


def test_the_own_style_is_accepted(tmp_path):
    """style = "own" (the sounds `sounds --from` made) is a valid setting."""
    assert config(tmp_path, '[sound]\nstyle = "own"\n').sound.style == "own"


def test_own_files_resolve_relative_to_the_config_folder(tmp_path):
    """files.in = "in.wav" means the in.wav beside config.toml."""
    write_wav(tmp_path / "in.wav")
    sound = config(tmp_path, '[sound.files]\nin = "in.wav"\n').sound
    assert sound.files == {"in": str(tmp_path / "in.wav")}


def test_a_missing_own_file_names_the_file_and_line(tmp_path):
    """A cue file that does not exist is an error naming config.toml, the line and the path."""
    with pytest.raises(ConfigError) as error:
        config(tmp_path, '[sound]\nvolume = 0.5\n\n[sound.files]\nhold = "nope.wav"\n')
    text = str(error.value)
    assert "config.toml, line 5: sound.files.hold:" in text
    assert str(tmp_path / "nope.wav") in text and "not found" in text


def test_an_unknown_cue_name_in_files_is_an_error(tmp_path):
    """files keys are in, hold, out, end: anything else (a typo) is named."""
    with pytest.raises(ConfigError, match=r"line 2: sound.files.inhale is not a cue"):
        config(tmp_path, '[sound]\nfiles = { inhale = "x.wav" }\n')


def test_a_file_that_is_not_a_wav_is_an_error(tmp_path):
    """A text file (or an MP3) named as a cue is refused at config load, not mid-session."""
    (tmp_path / "cue.wav").write_text("not audio")
    with pytest.raises(ConfigError, match="is not a PCM WAV file"):
        config(tmp_path, '[sound.files]\nend = "cue.wav"\n')


def test_wav_problem_accepts_a_good_wav_and_names_each_fault(tmp_path):
    """wav_problem: None for a good cue; a reason for an odd rate, an overlong or empty file."""
    assert wav_problem(write_wav(tmp_path / "ok.wav")) is None
    assert "sample rate of 12345 Hz" in wav_problem(write_wav(tmp_path / "r.wav", rate=12345))
    assert "at most 10 s" in wav_problem(write_wav(tmp_path / "l.wav", seconds=11, rate=8000))
    assert wav_problem(write_wav(tmp_path / "e.wav", seconds=0)) == "holds no sound"
    assert wav_problem(tmp_path) == "is not a file"


@pytest.mark.parametrize(
    ("volume", "steps", "expected"),
    [(0.6, 1, 0.7), (0.6, -1, 0.5), (0.95, 1, 1.0), (0.05, -1, 0.0), (1.0, 3, 1.0), (0.0, -2, 0.0)],
)
def test_volume_steps_by_tenths_within_0_and_1(volume, steps, expected):
    """step_volume moves in tenths and never leaves 0 to 1 (the settings "+" and "-")."""
    assert step_volume(volume, steps) == expected
