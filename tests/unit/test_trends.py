"""Trends: tension series and sparklines, tense body regions, feeling words, "What helps me"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn, Feeling
from breath_tui.core.sparkline import sparkline
from breath_tui.core.trends import (
    TOO_FEW_TO_TELL,
    ChangeFigure,
    compute_trends,
    is_tension,
    time_of_day,
    trends_lines,
)

Make = Callable[..., CheckIn]
TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))


def breathing(pattern: str) -> Breathing:
    """A finished breathing record of `pattern` (the timings do not matter here)."""
    return Breathing(pattern, (BreathPhase("in", 4), BreathPhase("out", 6)), 1.0, 6, 60.0)


def at(hour: int, minute: int = 0, tz: timezone = UTC, day: int = 1) -> datetime:
    """A fixed moment on May `day` 2024 at hour:minute in `tz`."""
    return datetime(2024, 5, day, hour, minute, tzinfo=tz)


def made_at(make: Make, moment: datetime, **fields: object) -> CheckIn:
    """A complete check-in started at `moment`, ended three minutes later."""
    return make(started_at=moment, ended_at=moment + timedelta(minutes=3), **fields)


def by_label(figures: tuple[ChangeFigure, ...], label: str) -> ChangeFigure:
    """The figure with this label."""
    return next(figure for figure in figures if figure.label == label)


def test_sparkline_maps_the_rating_scale_to_eight_bars() -> None:
    """0 is the lowest bar, 10 the highest, 5 the fifth."""
    assert sparkline([0, 5, 10]) == "▁▅█"


def test_sparkline_shows_none_as_a_space() -> None:
    """A missing value leaves a gap, not a bar."""
    assert sparkline([3, None, 7]) == "▃ ▆"


def test_sparkline_of_a_flat_series_is_drawn_at_its_level() -> None:
    """A constant series is one repeated bar at its own height, not stretched to fill."""
    assert sparkline([7, 7, 7, 7]) == "▆▆▆▆"


def test_sparkline_of_nothing_is_empty() -> None:
    """An empty series gives an empty string."""
    assert sparkline([]) == ""


def test_sparkline_fits_a_long_series_into_its_width() -> None:
    """1,000 values in 40 columns: 40 characters, each run averaged."""
    line = sparkline([0] * 500 + [10] * 500, 40)
    assert line == "▁" * 20 + "█" * 20


def test_sparkline_run_with_only_gaps_is_a_space() -> None:
    """A run holding only None is drawn as a space; None inside a run is ignored."""
    assert sparkline([None, None, 10, None], 2) == " █"


def test_sparkline_rejects_an_empty_scale() -> None:
    """high must be above low."""
    with pytest.raises(ValueError, match="high above low"):
        sparkline([1], low=5, high=5)


def test_time_of_day_boundaries() -> None:
    """Morning from 05:00, afternoon from 12:00, evening from 17:00, night from 22:00."""
    got = [time_of_day(at(h, m)) for h, m in [(4, 59), (5, 0), (11, 59), (12, 0)]]
    got += [time_of_day(at(h, m)) for h, m in [(16, 59), (17, 0), (21, 59), (22, 0), (0, 0)]]
    assert got == ["night", "morning", "morning", "afternoon"] + [
        "afternoon",
        "evening",
        "evening",
        "night",
        "night",
    ]


def test_time_of_day_uses_the_check_ins_own_offset() -> None:
    """The same instant is morning in Tokyo and evening in New York, as each person saw it."""
    tokyo = at(8, tz=TOKYO)
    assert time_of_day(tokyo) == "morning"
    assert time_of_day(tokyo.astimezone(NEW_YORK)) == "evening"


def test_by_time_of_day_buckets_by_local_hour(make_checkin: Make) -> None:
    """Check-ins at 08:00 Tokyo time land in the morning though it is 23:00 UTC."""
    made = [made_at(make_checkin, at(8, tz=TOKYO, day=d)) for d in (1, 2, 3)]
    figures = compute_trends(made).by_time_of_day
    assert [(f.label, f.count) for f in figures] == [
        ("morning", 3),
        ("afternoon", 0),
        ("evening", 0),
        ("night", 0),
    ]


def test_average_change_and_count_by_pattern(make_checkin: Make) -> None:
    """The average of post - pre per pattern, with how many check-ins it rests on."""
    made = [
        make_checkin(breathing=breathing("resonance"), pre_rating=pre, post_rating=post)
        for pre, post in [(7, 4), (6, 4), (5, 3)]
    ] + [make_checkin(breathing=breathing("box"), pre_rating=5, post_rating=6) for _ in range(3)]
    trends = compute_trends(made)
    resonance, box = by_label(trends.by_pattern, "resonance"), by_label(trends.by_pattern, "box")
    assert (resonance.count, resonance.average) == (3, pytest.approx(-7 / 3))
    assert resonance.text == "tension 2.3 lower on average, 3 times"
    assert box.text == "tension 1.0 higher on average, 3 times"


def test_fewer_than_the_threshold_is_too_few_to_tell(make_checkin: Make) -> None:
    """Under TOO_FEW_TO_TELL check-ins there is no average, and the text says so."""
    made = [make_checkin() for _ in range(TOO_FEW_TO_TELL - 1)]
    figure = compute_trends(made).by_pattern[0]
    assert figure.too_few and figure.average is None
    assert figure.text == "too few to tell (2 times)"


def test_exactly_the_threshold_gives_an_average(make_checkin: Make) -> None:
    """At TOO_FEW_TO_TELL check-ins the average is given."""
    made = [make_checkin() for _ in range(TOO_FEW_TO_TELL)]
    assert compute_trends(made).overall.average == -3


def test_an_average_that_rounds_to_zero_is_no_change(make_checkin: Make) -> None:
    """A change rounding to 0.0 reads 'no change on average', never '0.0 lower'."""
    pairs = [(5, 5)] * 20 + [(5, 4)]
    made = [make_checkin(pre_rating=pre, post_rating=post) for pre, post in pairs]
    assert compute_trends(made).overall.text == "no change on average, 21 times"


def test_missing_ratings_are_left_out_of_changes(make_checkin: Make) -> None:
    """Only check-ins with both ratings count towards a change; the others do not dilute it."""
    made = [make_checkin(pre_rating=8, post_rating=5) for _ in range(3)]
    made += [make_checkin(pre_rating=None), make_checkin(post_rating=None)]
    overall = compute_trends(made).overall
    assert (overall.count, overall.average) == (3, -3)


def test_series_per_check_in_is_oldest_first_with_gaps(make_checkin: Make) -> None:
    """Before and after series are chronological whatever the input order; None where skipped."""
    made = [make_checkin(pre_rating=2), make_checkin(post_rating=None), make_checkin(pre_rating=9)]
    trends = compute_trends(reversed(made))
    assert trends.before_series == (2, 7, 9)
    assert trends.after_series == (4, None, 4)


def test_which_sensations_count_as_tension() -> None:
    """tension, tightness and ache (and words like 'Tight') count; fluttering and ease do not."""
    assert [is_tension(w) for w in ("tension", "tightness", "ache", " Tight ", "clenched")] == [
        True
    ] * 5
    assert [is_tension(w) for w in ("fluttering", "heaviness", "ease", "warmth")] == [False] * 4


def test_regions_most_often_tense_with_counts_and_average_intensity(make_checkin: Make) -> None:
    """Shoulders tense 3 times at 4, 6 and 8; stomach once; a warm chest is not tense. Each is
    out of the entries that named the region, not of every body scan."""
    made = [
        make_checkin(
            body=(BodyEntry("shoulders", ("tension",), n), BodyEntry("chest", ("warmth",), 5))
        )
        for n in (4, 6, 8)
    ]
    made.append(make_checkin(body=(BodyEntry("Stomach", ("ache", "fluttering"), 3),)))
    made.append(make_checkin(body=()))
    regions = compute_trends(made).regions
    assert [(r.region, r.tense, r.tense_intensity, r.noticed) for r in regions] == [
        ("shoulders", 3, 6.0, 3),
        ("Stomach", 1, 3.0, 1),
    ]
    assert regions[0].text == "shoulders: tense 3 of 3 times, strength 6/10 on average"
    assert regions[1].text == "Stomach: tense 1 of 1 time, strength 3/10"
    one = compute_trends(made[:1]).regions[0]
    assert one.text == "shoulders: tense 1 of 1 time, strength 4/10"


def test_a_region_noted_twice_in_one_check_in_counts_once(make_checkin: Make) -> None:
    """Two entries for the shoulders in one check-in: one time, at the stronger intensity."""
    body = (BodyEntry("shoulders", ("tension",), 3), BodyEntry("Shoulders", ("ache",), 7))
    region = compute_trends([make_checkin(body=body)]).regions[0]
    assert (region.tense, region.tense_intensity) == (1, 7.0)


def test_most_frequent_feeling_words_with_counts(make_checkin: Make) -> None:
    """Words counted once per check-in, case ignored, most frequent first, then by word."""
    made = [
        make_checkin(feelings=(Feeling("sad"), Feeling("Sad", "very"), Feeling("tired"))),
        make_checkin(feelings=(Feeling("sad"), Feeling("anxious"))),
        make_checkin(feelings=(Feeling("tired"), Feeling("calm"))),
    ]
    words = compute_trends(made, top=3).feelings
    assert [(w.word, w.count) for w in words] == [("sad", 2), ("tired", 2), ("anxious", 1)]
    assert words[0].text == "sad: 2 times"


def test_empty_journal_gives_empty_trends() -> None:
    """No check-ins: no points, no days, no regions or words, every figure too few to tell."""
    trends = compute_trends([])
    assert (trends.count, trends.points) == (0, ())
    assert (trends.regions, trends.feelings, trends.by_pattern) == ((), (), ())
    assert all(f.too_few and f.count == 0 for f in (trends.overall, *trends.by_time_of_day))
    assert trends_lines(trends) == ["No check-ins yet."]


def test_trends_lines_fit_forty_columns(make_checkin: Make) -> None:
    """The plain rendering of a year of check-ins keeps its sparklines within 40 columns."""
    made = [make_checkin(pre_rating=n % 11) for n in range(365)]
    lines = trends_lines(compute_trends(made), width=40)
    sparks = [line for line in lines if line.startswith(("Before", "After"))]
    assert len(sparks) == 2 and all(len(line) <= 40 for line in sparks)


def test_no_judgement_words_in_the_rendering(make_checkin: Make) -> None:
    """The trends text holds figures only: no 'good', 'bad', 'better', 'worse' or 'streak'."""
    made = [make_checkin(pre_rating=9, post_rating=1) for _ in range(5)]
    text = "\n".join(trends_lines(compute_trends(made))).lower()
    assert not any(word in text for word in ("good", "bad", "better", "worse", "streak", "score"))


def test_the_journals_trend_rows_give_the_same_trends_as_whole_check_ins(
    journal, make_checkin: Make
) -> None:
    """Trends from Journal.trend_rows (only the columns trends need) equal those from the
    check-ins themselves: the light path loses nothing."""
    made = [
        made_at(make_checkin, at(9, day=1), feelings=(Feeling("sad"),)),
        made_at(make_checkin, at(20, tz=TOKYO, day=2), breathing=breathing("box"), body=()),
        made_at(make_checkin, at(7, day=3), pre_rating=None),
    ]
    journal.import_checkins(made)
    assert compute_trends(journal.trend_rows()) == compute_trends(made)
