"""`breath-tui sounds --from FILE`: a person's own sound becomes cues (mono, -3 dBFS peak, no
leading or trailing silence, faded, at most 3 s) in their data folder, for style "own"."""

from __future__ import annotations

import math
import stat
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from breath_tui.audio import own
from breath_tui.audio.library import cue_sources, load_sound
from breath_tui.cli import main
from breath_tui.core.cue_files import available_styles
from breath_tui.core.locations import own_sounds_dir

RATE = 48000


def write_tone(
    path: Path,
    seconds: float = 0.5,
    hz: float = 440.0,
    level: float = 0.3,
    pad: float = 0.4,
    channels: int = 2,
) -> Path:
    """A stereo 48 kHz WAV: `pad` s of silence, a sine, `pad` s of silence."""
    silence = [0] * round(pad * RATE)
    tone = [
        round(level * 32767 * math.sin(2 * math.pi * hz * n / RATE))
        for n in range(round(seconds * RATE))
    ]
    mono = silence + tone + silence
    frames = array("h", [s for s in mono for _ in range(channels)])
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(frames.tobytes())
    return path


def write_long(path: Path, seconds: float) -> Path:
    """A mono 8 kHz WAV of `seconds` (its header alone shows it too long)."""
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(bytes(2 * round(8000 * seconds)))
    return path


def patched(folder: Path, offset: int, data: bytes) -> Path:
    """A short WAV whose header has `data` at `offset`: 22 channels, 24 sample rate, 34 bits
    per sample (0 of any of them divided by zero in pydub)."""
    path = write_tone(folder / "header.wav", seconds=0.1, pad=0.0)
    raw = bytearray(path.read_bytes())
    raw[offset : offset + len(data)] = data
    path.write_bytes(bytes(raw))
    return path


def read(path: Path) -> tuple[int, int, array]:
    with wave.open(str(path), "rb") as reader:
        samples = array("h", reader.readframes(reader.getnframes()))
        return reader.getnchannels(), reader.getframerate(), samples


def peak_dbfs(samples: array) -> float:
    return 20 * math.log10(max(abs(s) for s in samples) / 32768)


def crossings_per_second(samples: array, rate: int) -> float:
    count = sum(1 for a, b in zip(samples, samples[1:], strict=False) if (a < 0) != (b < 0))
    return count / (len(samples) / rate)


def test_a_cue_is_mono_at_minus_3_dbfs_trimmed_and_faded(tmp_path):
    """--for in: one in.wav, mono 44.1 kHz, peak -3 dBFS, silence cut, starting and ending at 0."""
    written = own.write_own_cues(write_tone(tmp_path / "bowl.wav"), "in")
    assert written == [own_sounds_dir() / "in.wav"]
    channels, rate, samples = read(written[0])
    assert (channels, rate) == (1, 44100)
    assert peak_dbfs(samples) == pytest.approx(-3.0, abs=0.05)
    assert len(samples) / rate == pytest.approx(0.5, abs=0.02)  # 0.8 s of padding gone
    assert abs(samples[0]) < 100 and abs(samples[-1]) < 100  # faded in and out


def test_a_long_sound_is_cut_to_3_seconds(tmp_path):
    """A 10 s sound makes a cue of at most 3 s."""
    own.write_own_cues(write_tone(tmp_path / "long.wav", seconds=10, pad=0), "end")
    _, rate, samples = read(own_sounds_dir() / "end.wav")
    assert len(samples) / rate == pytest.approx(3.0, abs=0.01)


def test_one_sound_for_all_makes_four_cues_that_tell_the_phases_apart(tmp_path):
    """--for all: in is the sound; out the same a fifth lower; hold short and quieter; end."""
    own.write_own_cues(write_tone(tmp_path / "bowl.wav", seconds=0.6), "all")
    folder = own_sounds_dir()
    assert sorted(p.name for p in folder.iterdir()) == ["end.wav", "hold.wav", "in.wav", "out.wav"]
    _, rate, sound_in = read(folder / "in.wav")
    _, _, sound_out = read(folder / "out.wav")
    _, _, hold = read(folder / "hold.wav")
    ratio = crossings_per_second(sound_out, rate) / crossings_per_second(sound_in, rate)
    assert ratio == pytest.approx(2 / 3, abs=0.02)
    assert len(hold) / rate <= 0.31 and peak_dbfs(hold) < peak_dbfs(sound_in) - 6
    for name in ("in", "out", "end"):
        _, _, samples = read(folder / f"{name}.wav")
        assert peak_dbfs(samples) == pytest.approx(-3.0, abs=0.05), name
        assert len(samples) / rate <= 3.0


def test_files_are_private_and_only_folders_we_create_are_tightened(tmp_path, breath_home):
    """Cue files are 0600; folders made for them 0700; a data folder that exists keeps its mode."""
    breath_home.mkdir(mode=0o755)
    breath_home.chmod(0o755)
    own.write_own_cues(write_tone(tmp_path / "bowl.wav"), "in")
    folder = own_sounds_dir()
    assert stat.S_IMODE((folder / "in.wav").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(breath_home.stat().st_mode) == 0o755


def test_made_cues_are_valid_and_become_the_own_style(tmp_path):
    """After --from, style "own" is offered and plays the new in.wav (soft ones for the rest)."""
    assert "own" not in available_styles()
    own.write_own_cues(write_tone(tmp_path / "bowl.wav"), "in")
    assert available_styles() == ("soft", "clear", "own")
    builtin, files, notice = cue_sources("own", {})
    assert files == {"in": str(own_sounds_dir() / "in.wav")} and notice is None
    assert load_sound(Path(files["in"])).seconds == pytest.approx(0.5, abs=0.02)


def test_the_own_style_without_own_sounds_plays_soft_with_a_notice():
    """style = "own" before any sounds were made: the soft cues play, and a notice says how."""
    builtin, files, notice = cue_sources("own", {})
    assert files == {} and builtin is not None
    assert "sounds --from FILE" in notice


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.wav", "missing.wav: not found"),
        (lambda p: (p / "notes.wav").write_text("not audio") and p / "notes.wav", "cannot be read"),
        (lambda p: write_tone(p / "quiet.wav", level=0.0), "quiet.wav: holds only silence"),
        (lambda p: write_long(p / "song.wav", 61), "song.wav: is 61 s long"),
        (lambda p: patched(p, 24, b"\0\0\0\0"), "header.wav: cannot be read as audio"),
        (lambda p: patched(p, 34, b"\0\0"), "header.wav: cannot be read as audio"),
        (lambda p: patched(p, 22, b"\0\0"), "header.wav: cannot be read as audio"),
        (lambda p: patched(p, 34, b"\x28\0"), "header.wav: cannot be read as audio"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_file(tmp_path, capsys, make, message):
    """Missing, unreadable, silent or over-long: exit 2, one line naming the file, nothing written."""
    assert main(["sounds", "--from", str(make(tmp_path))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not own_sounds_dir().exists()


def test_mp3_without_ffmpeg_names_ffmpeg(tmp_path, capsys, monkeypatch):
    """Where ffmpeg is missing, an mp3 is one line naming ffmpeg and how to get it; exit 2."""
    monkeypatch.setattr(own, "ffmpeg_installed", lambda: False)
    song = tmp_path / "song.mp3"
    song.write_bytes(b"ID3\x03\x00" + bytes(100))
    assert main(["sounds", "--from", str(song)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "song.mp3: reading .mp3 files needs ffmpeg" in line and "apt install ffmpeg" in line


def test_the_command_says_what_it_made_and_how_to_hear_it(tmp_path, capsys):
    """sounds --from FILE makes all four cues and tells the person to choose style "own"."""
    assert main(["sounds", "--from", str(write_tone(tmp_path / "bowl.wav"))]) == 0
    out = capsys.readouterr().out
    assert "Made your in, hold, out, end cues in" in out and 'style = "own"' in out


def test_for_and_backend_need_their_action(capsys):
    """--for without --from, or --backend without --check, is a usage error (exit 2)."""
    assert main(["sounds", "--for", "in"]) == 2
    assert main(["sounds", "--backend", "aplay"]) == 2
    assert "--for goes with --from" in capsys.readouterr().err


def test_pydubs_ffmpeg_warning_never_reaches_the_terminal(tmp_path):
    """pydub warns at import when ffmpeg is missing; `sounds --from` prints only its own line."""
    song = tmp_path / "song.ogg"
    song.write_bytes(b"OggS" + bytes(100))
    result = subprocess.run(
        [sys.executable, "-m", "breath_tui", "sounds", "--from", str(song)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Warning" not in result.stderr
