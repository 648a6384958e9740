"""The cue sounds: length, level, pitch direction, no clicks, and identical output every time."""

from __future__ import annotations

import math
import subprocess
import sys
from array import array
from itertools import pairwise
from pathlib import Path

import pytest

from breath_tui.audio.cues import SAMPLE_RATE, cue_path, make_cue, write_cues
from breath_tui.core.settings import CUE_NAMES, CUE_STYLES

REPO = Path(__file__).resolve().parents[2]
ALL = [(style, cue) for style in CUE_STYLES for cue in CUE_NAMES]


@pytest.fixture(scope="module")
def cues():
    """Every cue of every style, made once for the module (synthesis takes about a second)."""
    return {(style, cue): make_cue(cue, style) for style, cue in ALL}


def crossings(samples) -> int:
    """Sign changes: twice the frequency of a tone whose fundamental dominates."""
    return sum(1 for a, b in pairwise(samples) if (a < 0) != (b < 0))


def thirds(segment):
    samples = segment.get_array_of_samples()
    third = len(samples) // 3
    return samples[:third], samples[-third:]


@pytest.mark.parametrize("style,cue", ALL)
def test_cue_is_short_and_the_bell_longer(cues, style, cue):
    """in, hold and out last 0.3-0.8 s; the end bell is longer, 1.5-3 s."""
    seconds = len(cues[style, cue]) / 1000
    low, high = (1.5, 3.0) if cue == "end" else (0.3, 0.8)
    assert low <= seconds <= high


@pytest.mark.parametrize("style,cue", ALL)
def test_peak_is_at_most_minus_3_dbfs_and_audible(cues, style, cue):
    """No cue peaks above -3 dBFS, and none is so quiet it is lost (above -30 dBFS)."""
    assert -30.0 < cues[style, cue].max_dBFS <= -3.0


def test_hold_tick_is_quieter_than_the_breath_cues(cues):
    """The hold tick is a quiet sound: well below the in and out cues of its style."""
    for style in CUE_STYLES:
        assert cues[style, "hold"].max_dBFS < cues[style, "in"].max_dBFS - 5


@pytest.mark.parametrize("style", CUE_STYLES)
def test_in_rises_and_out_falls_in_pitch(cues, style):
    """The in-cue's last third crosses zero more often than its first; the out-cue the reverse."""
    first, last = thirds(cues[style, "in"])
    assert crossings(last) > 1.2 * crossings(first)
    first, last = thirds(cues[style, "out"])
    assert crossings(first) > 1.2 * crossings(last)


@pytest.mark.parametrize("style,cue", ALL)
def test_cue_fades_in_and_out_without_a_click(cues, style, cue):
    """Each cue starts from 0 and ramps (first 0.25 ms under 10% of its peak), and its last
    millisecond is under 1% of full scale: no step for the speaker to click on."""
    samples = cues[style, cue].get_array_of_samples()
    peak = max(abs(s) for s in samples)
    assert samples[0] == 0
    assert max(abs(s) for s in samples[: SAMPLE_RATE // 4000]) < 0.1 * peak
    assert max(abs(s) for s in samples[-SAMPLE_RATE // 1000 :]) < 0.01 * 32768


@pytest.mark.parametrize("style,cue", ALL)
def test_cue_is_16_bit_mono_at_44100(cues, style, cue):
    """Cues are 16-bit mono at 44.1 kHz, which every backend plays without conversion."""
    segment = cues[style, cue]
    assert (segment.sample_width, segment.channels, segment.frame_rate) == (2, 1, SAMPLE_RATE)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The folder `breath-tui sounds --out DIR` filled, once for the module."""
    from breath_tui.cli import main

    folder = tmp_path_factory.mktemp("sounds")
    assert main(["sounds", "--out", str(folder)]) == 0
    return folder


def test_sounds_command_writes_every_cue(written):
    """`breath-tui sounds --out DIR` writes in, hold, out and end for each style."""
    for style in CUE_STYLES:
        for cue in CUE_NAMES:
            assert cue_path(written, cue, style).stat().st_size > 1000


def test_making_the_sounds_twice_gives_identical_files(written, tmp_path):
    """Synthesis is deterministic: a second run writes byte-identical WAVs."""
    for path in write_cues(tmp_path):
        assert path.read_bytes() == (written / path.relative_to(tmp_path)).read_bytes()


def test_committed_sounds_are_up_to_date(written):
    """The WAVs in sounds/ are exactly what the synthesis makes now (else run `make sounds`)."""
    made = sorted(p.relative_to(written) for p in written.rglob("*.wav"))
    committed = sorted(p.relative_to(REPO / "sounds") for p in (REPO / "sounds").rglob("*.wav"))
    assert made == committed
    for name in made:
        assert (REPO / "sounds" / name).read_bytes() == (written / name).read_bytes(), name


def test_default_style_sits_at_the_top_of_the_folder(tmp_path):
    """soft cues are DIR/in.wav and so on; other styles go in DIR/STYLE/."""
    assert cue_path(tmp_path, "in", "soft") == tmp_path / "in.wav"
    assert cue_path(tmp_path, "end", "clear") == tmp_path / "clear" / "end.wav"


def test_importing_cues_hides_only_the_ffmpeg_warning():
    """With RuntimeWarnings as errors the import still works, and no filter is left behind."""
    code = (
        "import warnings; before = list(warnings.filters)\n"
        "import breath_tui.audio.cues\n"
        "assert warnings.filters == before, 'a warning filter leaked'\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "ffmpeg" not in result.stderr


def test_crossings_measures_pitch():
    """The helper itself: a 1 kHz tone crosses zero about 2000 times a second."""
    tone = array("h", (int(1000 * math.sin(2 * math.pi * 1000 * n / 8000)) for n in range(8000)))
    assert 1990 <= crossings(tone) <= 2000
