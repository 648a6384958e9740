"""Artifact correction (Lipponen & Tarvainen 2019) on recordings with planted artifacts."""

from __future__ import annotations

import pytest

pytest.importorskip("scipy", reason="the heart extra (numpy, scipy) is not installed")

import numpy as np  # noqa: E402

from breath_tui.core.heart.protocol import SteppedProtocol  # noqa: E402
from breath_tui.heart.artifacts import EXTRA, MISSED, correct_artifacts  # noqa: E402
from tests.heart.synthetic import (  # noqa: E402
    Planted,
    clean_intervals,
    indexes_in_segment,
    plant,
)

PROTOCOL = SteppedProtocol()


@pytest.fixture(scope="module")
def clean() -> list[float]:
    """Ten minutes of clean intervals, resonance at 5.5 a minute, 8 ms of noise."""
    return clean_intervals(PROTOCOL, 5.5, noise_ms=8.0, seed=1)


def test_clean_recording_is_left_alone(clean):
    """A recording with no artifacts comes back unchanged: nothing corrected."""
    correction = correct_artifacts(clean)
    assert correction.corrected == 0
    assert np.allclose(correction.rr_ms, clean)


def test_missed_beats_are_split_back_into_two(clean):
    """Each missed beat (two intervals joined) is found and split: the beat count is restored."""
    where = indexes_in_segment(clean, PROTOCOL, 2, 3)
    correction = correct_artifacts(plant(clean, [Planted(i, "missed") for i in where]))
    assert correction.counts == {MISSED: 3}
    assert correction.rr_ms.size == len(clean)
    assert np.max(np.abs(correction.rr_ms - clean)) < 60


def test_extra_beats_are_merged(clean):
    """Each extra beat (an interval split in two) is found and merged back exactly."""
    where = indexes_in_segment(clean, PROTOCOL, 0, 3)
    correction = correct_artifacts(plant(clean, [Planted(i, "extra") for i in where]))
    assert correction.counts == {EXTRA: 3}
    assert np.allclose(correction.rr_ms, clean)


def test_ectopic_beats_are_interpolated(clean):
    """A premature beat and its pause are both replaced by values near the true intervals."""
    where = indexes_in_segment(clean, PROTOCOL, 4, 3)
    planted = plant(clean, [Planted(i, "ectopic") for i in where])
    correction = correct_artifacts(planted)
    assert correction.corrected == 6
    assert correction.rr_ms.size == len(clean)
    worst_before = np.max(np.abs(np.asarray(planted) - clean))
    assert np.max(np.abs(correction.rr_ms - clean)) < worst_before / 3


def test_corrected_beats_keep_the_recording_timeline(clean):
    """Correcting never shifts later beats in time: the last beat's time is unchanged."""
    where = indexes_in_segment(clean, PROTOCOL, 1, 2)
    planted = plant(clean, [Planted(where[0], "missed"), Planted(where[1], "ectopic")])
    correction = correct_artifacts(planted)
    assert correction.times_s[-1] == pytest.approx(sum(planted) / 1000)


def test_a_drop_out_of_several_beats_is_split_into_as_many():
    """A 4-beat gap (one interval four times the usual) is split into four intervals."""
    rr = [1000.0 + 20 * np.sin(i / 3) for i in range(200)]
    rr[100:104] = [sum(rr[100:104])]
    correction = correct_artifacts(rr)
    assert correction.counts == {MISSED: 1}
    assert correction.rr_ms.size == 200


def test_out_of_range_intervals_are_always_corrected():
    """An interval under 250 ms is corrected even where the series varies so much that the
    decision planes pass it (the same interval at 255 ms is left alone)."""
    rng = np.random.default_rng(0)
    rr = np.clip(300 + rng.normal(0, 30, 200), 251, None)
    rr[100] = 255.0
    assert correct_artifacts(rr).corrected == 0
    rr[100] = 245.0
    correction = correct_artifacts(rr)
    assert correction.corrected == 1
    assert np.all(correction.rr_ms >= 250)


def test_very_short_series_pass_through():
    """Three intervals are too few to judge: returned unchanged."""
    assert correct_artifacts([800.0, 810.0, 790.0]).corrected == 0
