"""The resonance analysis recovers a planted rate, and says so when a recording is too short."""

from __future__ import annotations

import pytest

pytest.importorskip("scipy", reason="the heart extra (numpy, scipy) is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from breath_tui.core.errors import BadInput  # noqa: E402
from breath_tui.core.heart.protocol import SteppedProtocol  # noqa: E402
from breath_tui.core.heart.recording import Recording  # noqa: E402
from breath_tui.heart.analysis import analyse_recording, lf_power  # noqa: E402
from tests.heart.synthetic import (  # noqa: E402
    ARTIFACT_KINDS,
    Planted,
    clean_intervals,
    indexes_in_segment,
    plant,
)

PROTOCOL = SteppedProtocol()
FAST = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
SLOW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def analyse(intervals, protocol=PROTOCOL):
    return analyse_recording(Recording("synthetic.txt", tuple(intervals)), protocol)


@pytest.mark.parametrize("rate", PROTOCOL.rates)
def test_the_planted_rate_is_found(rate):
    """On a clean recording, the rate with the planted peak swing is chosen."""
    assert analyse(clean_intervals(PROTOCOL, rate)).chosen_rate == rate


def test_each_rate_reports_its_figures():
    """Every rate has a swing, LF power, RMSSD, mean bpm, breaths and corrections."""
    result = analyse(clean_intervals(PROTOCOL, 5.5, base_bpm=70))
    assert [r.rate for r in result.rates] == list(PROTOCOL.rates)
    assert [r.breaths for r in result.rates] == [13, 12, 11, 10, 9]
    chosen = result.chosen
    assert chosen.swing_bpm == max(r.swing_bpm for r in result.rates)
    assert chosen.lf_power_ms2 == max(r.lf_power_ms2 for r in result.rates)
    assert all(r.rmssd_ms > 0 for r in result.rates)
    assert all(r.mean_bpm == pytest.approx(70, abs=1.5) for r in result.rates)


def test_the_swing_measures_the_planted_peak_to_trough():
    """With no noise, the planted 14 bpm peak-to-trough swing is measured within 1 bpm."""
    result = analyse(clean_intervals(PROTOCOL, 5.0, noise_ms=0.0, peak_swing_bpm=14.0))
    assert result.chosen.swing_bpm == pytest.approx(14.0, abs=1.0)


def test_lf_power_is_that_of_a_known_sine():
    """A sine of amplitude A ms at 0.1 Hz has LF power close to A²/2 ms²."""
    import numpy as np

    times = np.arange(0.5, 120.0, 0.8)
    rr = 900 + 40 * np.sin(2 * np.pi * 0.1 * times)
    assert lf_power(times, rr, 0.0, 120.0) == pytest.approx(40**2 / 2, rel=0.15)


def test_artifacts_in_a_weak_segment_would_mislead_without_correction():
    """Missed beats planted in a low-swing segment: corrected, the planted rate still wins,
    and that segment reports its corrections."""
    clean = clean_intervals(PROTOCOL, 6.0, seed=4)
    where = indexes_in_segment(clean, PROTOCOL, 4, 4)
    result = analyse(plant(clean, [Planted(i, "missed") for i in where]))
    assert result.chosen_rate == 6.0
    assert result.rates[4].corrected == 4
    assert result.corrected == 4


def test_a_recording_too_short_for_the_rates_is_bad_input():
    """Eight minutes (and a few seconds) of beats for five 2-minute rates: bad input saying how long each is."""
    short = clean_intervals(SteppedProtocol(rates=(6.5, 6, 5.5, 5)), 5.5)
    with pytest.raises(BadInput, match=r"lasts 8\.1 minutes.*need 10 minutes") as raised:
        analyse(short)
    assert "synthetic.txt" in str(raised.value)


def test_fewer_rates_fit_a_shorter_recording():
    """The same eight minutes are enough for --rates 6.5,6,5.5,5."""
    protocol = SteppedProtocol(rates=(6.5, 6.0, 5.5, 5.0))
    assert analyse(clean_intervals(protocol, 5.5), protocol).chosen_rate == 5.5


def test_seconds_instead_of_milliseconds_is_named():
    """A file of intervals in seconds (0.8, 0.9...) is bad input asking about milliseconds."""
    with pytest.raises(BadInput, match="in milliseconds"):
        analyse([0.8] * 1000 + [900.0] * 700)


@FAST
@given(
    rate=st.sampled_from(PROTOCOL.rates),
    base_bpm=st.floats(50, 90),
    noise_ms=st.floats(0, 20),
    artifact_segment=st.integers(0, 4),
    kind=st.sampled_from(ARTIFACT_KINDS),
    count=st.integers(1, 4),
    seed=st.integers(0, 1000),
)
def test_the_planted_rate_survives_noise_heart_rate_and_artifacts(
    rate, base_bpm, noise_ms, artifact_segment, kind, count, seed
):
    """Whatever the noise, heart rate and segment holding the artifacts, the rate is found."""
    clean = clean_intervals(PROTOCOL, rate, base_bpm=base_bpm, noise_ms=noise_ms, seed=seed)
    where = indexes_in_segment(clean, PROTOCOL, artifact_segment, count, seed=seed)
    result = analyse(plant(clean, [Planted(i, kind) for i in where]))
    assert result.chosen_rate == rate
    assert result.rates[artifact_segment].corrected >= count


@pytest.mark.slow
@SLOW
@given(
    rate=st.sampled_from(PROTOCOL.rates),
    base_bpm=st.floats(50, 90),
    noise_ms=st.floats(0, 20),
    artifact_segment=st.integers(0, 4),
    kind=st.sampled_from(ARTIFACT_KINDS),
    count=st.integers(1, 4),
    seed=st.integers(0, 10**6),
)
def test_the_planted_rate_survives_many_more_draws(
    rate, base_bpm, noise_ms, artifact_segment, kind, count, seed
):
    """The property above over many freshly drawn examples (slow trials)."""
    clean = clean_intervals(PROTOCOL, rate, base_bpm=base_bpm, noise_ms=noise_ms, seed=seed)
    where = indexes_in_segment(clean, PROTOCOL, artifact_segment, count, seed=seed)
    result = analyse(plant(clean, [Planted(i, kind) for i in where]))
    assert result.chosen_rate == rate
