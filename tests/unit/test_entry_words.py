"""Entries counted by kind in words that fit, entries left early marked everywhere, and the
therapist summary's wording (issue 12, "Honest messages" and "Words that read right")."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from breath_tui.core.card import (
    card_lines,
    count_by_kind,
    entries_text,
    history_row,
    kind_name,
)
from breath_tui.core.checkin import BodyEntry, CheckIn, CheckInError
from breath_tui.core.text import wrap_indented
from breath_tui.core.therapist import (
    overview,
    region_text,
    summary_markdown,
    summary_text,
    therapist_summary,
)
from breath_tui.core.trends import change_figure_text, compute_trends, strength_text, trends_lines
from breath_tui.journal.exchange import export

Make = Callable[..., CheckIn]
ZONE = timezone(timedelta(hours=1))


def test_count_by_kind_names_each_kind_in_order_with_and() -> None:
    """'1 check-in, 2 quick calms and 1 body scan', whatever order the counts come in."""
    assert count_by_kind({"scan": 1, "quick": 2, "checkin": 1}) == (
        "1 check-in, 2 quick calms and 1 body scan"
    )


@pytest.mark.parametrize(
    ("counts", "words"),
    [
        ({"checkin": 2}, "2 check-ins"),
        ({"quick": 1, "scan": 3}, "1 quick calm and 3 body scans"),
        ({"breathe": 1, "feedback": 2}, "1 breathing session and 2 feedback entries"),
        ({"feedback": 1, "ground": 1}, "1 feedback entry and 1 grounding exercise"),
        ({"ground": 2, "resonance": 1}, "2 grounding exercises and 1 resonance assessment"),
        ({"resonance": 2, "checkin": 0}, "2 resonance assessments"),
        ({}, "no entries"),
        ({"checkin": 0}, "no entries"),
    ],
)
def test_count_by_kind_singular_and_plural(counts: dict[str, int], words: str) -> None:
    """Every kind has its singular and plural; kinds counted 0 are left out."""
    assert count_by_kind(counts) == words


def test_entries_text_gives_the_total_when_kinds_are_mixed() -> None:
    """Mixed kinds: the total, then each kind; one kind: just that kind's count."""
    assert (
        entries_text({"checkin": 10, "quick": 2}) == "12 entries (10 check-ins and 2 quick calms)"
    )
    assert entries_text({"checkin": 3}) == "3 check-ins"


def left_early(make: Make, **fields: object) -> CheckIn:
    return make(post_rating=None, left_early=True, **fields)


def test_left_early_is_written_only_when_true_and_read_back(make_checkin: Make) -> None:
    """ "left_early": true in the interchange line of an entry left early, absent otherwise."""
    kept = left_early(make_checkin)
    line = kept.to_json()
    assert json.loads(line)["left_early"] is True
    assert CheckIn.from_json(line) == kept
    assert "left_early" not in make_checkin().to_json()
    assert CheckIn.from_json(make_checkin().to_json()).left_early is False


def test_left_early_must_be_true_or_false(make_checkin: Make) -> None:
    """A left_early that is not a boolean is refused, naming the field; null reads as false."""
    data = make_checkin().to_dict()
    data["left_early"] = "yes"
    with pytest.raises(CheckInError, match="left_early"):
        CheckIn.from_dict(data)
    data["left_early"] = None
    assert CheckIn.from_dict(data).left_early is False


def test_left_early_is_named_in_history_and_the_card(make_checkin: Make) -> None:
    """History's kind cell and the card's heading say 'check-in (left early)'."""
    kept = left_early(make_checkin)
    assert kind_name(kept) == "check-in (left early)"
    assert history_row(kept)[1] == "check-in (left early)"
    assert card_lines(kept)[0].startswith("Check-in (left early), ")
    assert kind_name(make_checkin()) == "check-in"


def test_left_early_in_csv_is_not_complete(make_checkin: Make) -> None:
    """CSV: status left_early (not complete) and a left_early column saying yes."""
    out = io.StringIO()
    export([left_early(make_checkin), make_checkin()], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["status"], row["left_early"]) for row in rows] == [
        ("left_early", "yes"),
        ("complete", ""),
    ]


def test_markdown_export_counts_by_kind_and_marks_left_early(make_checkin: Make) -> None:
    """The Markdown header counts each kind; an entry left early says so in its heading."""
    made = [
        left_early(make_checkin),
        make_checkin(kind="quick"),
        make_checkin(kind="quick"),
        make_checkin(kind="scan", breathing=None),
    ]
    out = io.StringIO()
    export(made, "md", out)
    text = out.getvalue()
    assert "\n4 entries (1 check-in, 2 quick calms and 1 body scan), " in text
    assert ": check-in (left early)\n" in text


def test_summary_overview_counts_kinds_and_those_left_early(make_checkin: Make) -> None:
    """No 'episodes': the entries, each kind counted, those left early said."""
    made = [
        left_early(make_checkin),
        make_checkin(kind="quick"),
        make_checkin(kind="scan", breathing=None),
    ]
    summary = therapist_summary(made)
    line = overview(summary)
    assert line.startswith("3 entries from ")
    assert line.endswith(": 1 check-in, 1 quick calm and 1 body scan (1 left early).")
    assert "episode" not in summary_text(summary) + summary_markdown(summary)
    assert summary.count_text == "3 entries (1 check-in, 1 quick calm and 1 body scan)"
    assert "check-in (left early): 7 before" in summary_text(summary)


def test_one_kind_is_counted_without_entries(make_checkin: Make) -> None:
    """'2 check-ins from ...', not '2 entries ...: 2 check-ins'."""
    assert overview(therapist_summary([make_checkin(), make_checkin()])).startswith(
        "2 check-ins from "
    )


def test_strength_is_out_of_ten_and_one_entry_gives_its_value() -> None:
    """'5.5/10 on average' over several entries, '6/10' for one, nothing without any."""
    assert strength_text(5.5, 2) == "5.5/10 on average"
    assert strength_text(6.0, 1) == "6/10"
    assert strength_text(None, 0) == ""


def test_change_texts_say_times_and_never_zero_times() -> None:
    """No '(0 times)'; one change is its value, not an average."""
    assert change_figure_text(0, None) == "none with both ratings"
    assert change_figure_text(1, -3.0) == "tension 3 lower, once"
    assert change_figure_text(2, None) == "too few to tell (2 times)"
    assert change_figure_text(3, -2.0) == "tension 2.0 lower on average, 3 times"


def test_summary_with_one_change_gives_it_and_with_none_no_average(make_checkin: Make) -> None:
    """One entry with both ratings: 'Change: 3 lower, once'; none: no average line."""
    text = summary_text(therapist_summary([make_checkin()]))
    assert "  Change: 3 lower, once\n" in text and "average" not in text
    text = summary_text(therapist_summary([make_checkin(post_rating=None)]))
    assert "Average change" not in text and "0 times" not in text


def test_region_counts_are_times_and_strength_out_of_ten(make_checkin: Make) -> None:
    """Sensation counts read 'once' and '2 times'; the strength of one tense entry is its value."""
    made = [
        make_checkin(body=(BodyEntry("shoulders", ("tension", "fluttering"), 6),)),
        make_checkin(body=(BodyEntry("shoulders", ("fluttering",), 3),)),
    ]
    (region,) = therapist_summary(made).body
    assert region_text(region) == (
        "shoulders: 2 times (fluttering 2 times, tension once), tense once, strength 6/10"
    )


def test_trends_and_summary_say_the_same_body_figure(make_checkin: Make) -> None:
    """Ease in a region is not averaged into its tension, in trends and the summary alike; the
    summary says "average" once, in its title, not on the line."""
    made = [
        make_checkin(body=(BodyEntry("chest", ("ease",), 1),)),
        make_checkin(body=(BodyEntry("chest", ("tension",), 7),)),
        make_checkin(body=(BodyEntry("chest", ("tension",), 5),)),
    ]
    (region,) = therapist_summary(made).body
    (trend,) = compute_trends(made).regions
    assert region.strength == trend.strength == "6/10 on average"
    assert region_text(region).endswith("tense 2 times, strength 6/10")
    assert trend.text == "chest: tense 2 of 3 times, strength 6/10 on average"


def test_a_wrapped_line_keeps_its_indent() -> None:
    """Continuation lines start under the line's own indent; short lines and blanks stay."""
    text = "Body\n  shoulders: 2 times (tension 2 times, ache once), tense once\n\nshort"
    assert wrap_indented(text, 30) == (
        "Body\n  shoulders: 2 times (tension\n  2 times, ache once), tense\n  once\n\nshort"
    )


def test_summary_text_wraps_under_each_items_indent(make_checkin: Make) -> None:
    """At 40 columns, every line of the Body section starts with its two-space indent."""
    made = [make_checkin(body=(BodyEntry("shoulders", ("tension", "tightness", "ache"), 6),))]
    lines = summary_text(therapist_summary(made), width=40).split("\n")
    start = lines.index("Body")
    body = lines[start + 1 : lines.index("", start)]
    assert len(body) > 1 and all(line.startswith("  ") for line in body)
    assert all(len(line) <= 40 for line in lines)


def test_trends_sparklines_have_dates_at_both_ends(make_checkin: Make) -> None:
    """Under the sparklines: the first date at the left, the last at the right."""
    made = [make_checkin(started_at=datetime(2024, 5, day, 9, tzinfo=ZONE)) for day in range(1, 23)]
    lines = trends_lines(compute_trends(made), 40)
    assert lines[1].startswith("Before  ") and lines[2].startswith("After   ")
    dates = lines[3]
    assert dates.split() == ["1", "May", "22", "May"]
    assert dates.startswith("        1 May ") and dates.endswith(" 22 May")
    assert len(dates) == len(lines[1])  # the last date ends under the last bar
    few = trends_lines(compute_trends(made[:2]), 40)[3]
    assert few == "        1 May  2 May"  # a short sparkline: the dates two spaces apart
