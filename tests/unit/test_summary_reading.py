"""Trends and the therapist summary as a therapist reads them: "average" said once where it
applies, a strength with nothing ticked counted as "unnamed", each region's figures out of the
entries that named it, and no section, line or count that says nothing ("0 times")."""

from __future__ import annotations

from collections.abc import Callable

from breath_tui.core.checkin import BodyEntry, CheckIn, Feedback, Heart
from breath_tui.core.therapist import summary_text, therapist_summary
from breath_tui.core.trends import compute_trends, trends_lines

Make = Callable[..., CheckIn]
HEART = Heart("Polar H10", 66.2, 12.3, 45.1, 640)


def test_a_strength_with_nothing_ticked_is_counted_as_unnamed(make_checkin: Make) -> None:
    """'shoulders (5)' with no sensation: the summary counts it as 'unnamed', as the card says."""
    made = [
        make_checkin(body=(BodyEntry("shoulders", (), 5),)),
        make_checkin(body=(BodyEntry("shoulders", ("tension",), 7),)),
    ]
    text = summary_text(therapist_summary(made))
    assert "  shoulders: 2 times (tension once, unnamed once), tense once, strength 7/10\n" in text


def test_a_regions_figures_are_out_of_the_entries_that_named_it(make_checkin: Make) -> None:
    """The stomach named in 1 of 3 scans, tense then: trends say 'tense 1 of 1 time', and the
    summary 'once ... tense once', the same figure."""
    made = [
        make_checkin(body=(BodyEntry("shoulders", ("tension",), 4),)),
        make_checkin(body=(BodyEntry("shoulders", ("ease",), 2),)),
        make_checkin(body=(BodyEntry("stomach", ("tension",), 6),)),
    ]
    texts = [region.text for region in compute_trends(made).regions]
    assert texts == [
        "shoulders: tense 1 of 2 times, strength 4/10",
        "stomach: tense 1 of 1 time, strength 6/10",
    ]
    text = summary_text(therapist_summary(made))
    assert "  stomach: once (tension once), tense once, strength 6/10\n" in text
    assert "  shoulders: 2 times (ease once, tension once), tense once, strength 4/10\n" in text


def test_the_summary_says_average_once_per_section(make_checkin: Make) -> None:
    """Three regions tense twice each and three changes: "average" once in the Body title,
    once in the change line; never "on average" on each line."""
    body = (
        BodyEntry("shoulders", ("tension",), 6),
        BodyEntry("stomach", ("ache",), 4),
        BodyEntry("chest", ("tightness",), 3),
    )
    made = [make_checkin(body=body, pre_rating=7, post_rating=post) for post in (4, 5, 2)]
    text = summary_text(therapist_summary(made))
    assert "\nBody (strength: the average of the times tense)\n" in text
    assert "  shoulders: 3 times (tension 3 times), tense 3 times, strength 6/10\n" in text
    assert "  Average change: 3.3 lower, 3 times\n" in text
    assert "on average" not in text and text.lower().count("average") == 2


def test_one_entry_gives_its_values_with_no_average(make_checkin: Make) -> None:
    """One check-in: its change, its strength and its heart rate, never "average"."""
    text = summary_text(therapist_summary([make_checkin(heart=HEART)]))
    assert "  Change: 3 lower, once\n" in text
    body = "\nBody\n  shoulders: once (tension once, tightness once), tense once, strength 6/10\n"
    assert body in text
    assert "average" not in text.replace("66 bpm on average", "")


def test_heart_lines_say_average_once_in_their_title(make_checkin: Make) -> None:
    """Two sessions with a strap: the title says the bpm are each session's average; the
    lines give the figures only."""
    text = summary_text(therapist_summary([make_checkin(heart=HEART) for _ in range(2)]))
    assert "\nHeart (with a chest strap; bpm: each session's average)\n" in text
    assert text.count("average") == 1 + text.count("Body (strength: the average")
    assert ": 66 bpm, swing 12.3 bpm a breath, RMSSD 45 ms, 640 beats (Polar H10)\n" in text


def test_counts_read_as_times_and_nothing_says_zero_times(make_checkin: Make) -> None:
    """Counts read 'once' and '2 times'; strengths '6/10'; no '(0 times)', no 'episodes'."""
    made = [make_checkin(), make_checkin(post_rating=None), make_checkin(kind="quick", body=())]
    text = summary_text(therapist_summary(made))
    assert "2 times" in text and "6/10" in text
    assert "0 times" not in text and "episode" not in text


def test_trends_leave_out_sections_with_nothing_in_them(make_checkin: Make) -> None:
    """Only quick calms rated after and a feedback with nothing answered: no tension chart
    headings over nothing, no body, feelings or pace headings, no 'none noted', no '0 times'."""
    made = [
        make_checkin(kind="quick", pre_rating=None, post_rating=None, body=(), feelings=()),
        make_checkin(
            kind="feedback",
            breathing=None,
            pre_rating=None,
            post_rating=None,
            body=(),
            feelings=(),
            note="",
            feedback=Feedback(make_checkin().started_at.date()),
        ),
    ]
    lines = trends_lines(compute_trends(made), 60)
    assert lines == ["1 quick calm: no ratings, body scan or feelings in them yet."]


def test_trends_show_only_the_times_of_day_with_ratings(make_checkin: Make) -> None:
    """Morning check-ins only: 'By time of day' lists the morning, not three 'none' lines;
    no body heading when no region was tense."""
    made = [make_checkin(body=(BodyEntry("chest", ("warmth",), 2),)) for _ in range(3)]
    lines = trends_lines(compute_trends(made), 60)
    at = lines.index("By time of day")
    assert lines[at + 1 :] == ["  morning: tension 3.0 lower on average, 3 times"]
    assert "Body most often tense" not in lines
    assert not any(line.strip().startswith("none") or "0 times" in line for line in lines)
