"""Choosing the resonance rate, and the report's words (pure, no numpy)."""

from __future__ import annotations

from breath_tui.core.heart.assessment import (
    NOT_MEDICAL,
    RateResult,
    ResonanceResult,
    choose_rate,
    report_lines,
)


def rate(value: float, swing: float, lf: float) -> RateResult:
    return RateResult(value, swing, lf, 40.0, 65.0, 10, 0)


def test_the_largest_swing_is_chosen():
    """Swings clearly apart: the largest wins even with less LF power."""
    chosen, near_tie = choose_rate([rate(6, 10, 900), rate(5.5, 12, 500), rate(5, 9, 1000)])
    assert (chosen.rate, near_tie) == (5.5, False)


def test_a_near_tie_goes_to_the_larger_lf_power():
    """Swings within 5% of the largest: the one with more LF power is chosen."""
    chosen, near_tie = choose_rate([rate(6, 12.0, 900), rate(5.5, 11.5, 1200), rate(5, 8, 2000)])
    assert (chosen.rate, near_tie) == (5.5, True)


def test_just_past_five_percent_is_no_tie():
    """A swing 6% below the largest is not a near tie, whatever its LF power."""
    chosen, near_tie = choose_rate([rate(6, 10.0, 100), rate(5.5, 9.4, 5000)])
    assert (chosen.rate, near_tie) == (6, False)


def result(rates, plain_source="rec.txt") -> ResonanceResult:
    chosen, tie = choose_rate(rates)
    return ResonanceResult(plain_source, tuple(rates), chosen, tie, 650, 3)


def test_report_ends_with_the_resonance_line():
    """The last line is exactly 'Resonance rate: N breaths a minute', N written as people do."""
    lines = report_lines(result([rate(6, 10, 1), rate(5.5, 12, 1)]))
    assert lines[-1] == "Resonance rate: 5.5 breaths a minute"
    assert report_lines(result([rate(6, 12, 1)]))[-1] == "Resonance rate: 6 breaths a minute"


def test_report_says_not_a_medical_device_and_judges_nothing():
    """The report says it is not a medical device and uses no judging words."""
    text = "\n".join(report_lines(result([rate(6, 10, 1), rate(5.5, 12, 1)])))
    assert NOT_MEDICAL in text
    for word in ("good", "poor", "bad", "healthy", "excellent", "normal", "abnormal"):
        assert word not in text.lower()


def test_report_has_a_row_and_a_bar_per_rate():
    """Each rate has a table row and a bar; the largest swing has the longest bar."""
    lines = report_lines(result([rate(6, 6, 1), rate(5.5, 12, 1)]), plain=True)
    bars = [line for line in lines if "#" in line]
    assert len(bars) == 2
    assert bars[1].count("#") == 2 * bars[0].count("#")


def test_source_name_is_shown_escaped():
    """A file name with a terminal escape in it is shown escaped."""
    lines = report_lines(result([rate(6, 6, 1)], plain_source="a\x1b[2Jb.txt"))
    assert "\x1b" not in lines[0]


def test_the_chosen_rate_gives_the_persons_own_pattern():
    """At 5.5 a minute the person's pattern is 4.36 s in and 6.55 s out (4:6)."""
    assert result([rate(5.5, 12, 1)]).pattern_seconds() == (4.36, 6.55)
