"""The parts only some kinds hold: feedback, heart figures, resonance, grounding."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from breath_tui.core.checkin import (
    CheckIn,
    CheckInError,
    Feedback,
    Grounding,
    Heart,
    RateFigure,
    Resonance,
)

START = datetime(2026, 11, 3, 17, 0, tzinfo=timezone(timedelta(hours=1)))
ID = "00000000-0000-4000-8000-000000000001"


def feedback_entry(**feedback: object) -> CheckIn:
    values: dict[str, object] = {
        "session_date": date(2026, 11, 3),
        "heard": 4,
        "pace": "too fast",
        "helped": ("when you slowed down",),
        "wishes": ("could you speak more softly?",),
        "unsaid": "I was angry [b]then[/b]",
    }
    values.update(feedback)
    return CheckIn(ID, START, "feedback", feedback=Feedback(**values))  # type: ignore[arg-type]


def test_a_feedback_entry_is_one_interchange_line_and_reads_back_the_same() -> None:
    """The line carries the feedback object as the interchange format names it; read back, it
    is the same entry, and written again, the same bytes."""
    entry = feedback_entry()
    data = json.loads(entry.to_json())
    assert data["kind"] == "feedback" and data["feedback"] == {
        "session_date": "2026-11-03",
        "heard": 4,
        "pace": "too fast",
        "helped": ["when you slowed down"],
        "wishes": ["could you speak more softly?"],
        "unsaid": "I was angry [b]then[/b]",
    }
    again = CheckIn.from_json(entry.to_json())
    assert again == entry and again.to_json() == entry.to_json()


def test_other_kinds_carry_no_feedback_key() -> None:
    """A check-in's line has no feedback (nor heart, resonance, grounding) key at all."""
    data = json.loads(CheckIn(ID, START).to_json())
    assert not {"feedback", "heart", "resonance", "grounding"} & set(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pace": "quick"}, 'feedback.pace must be "too slow", "about right", "too fast" or null'),
        ({"heard": 11}, "feedback.heard must be 0-10, not 11"),
        (
            {"session_date": "3 Nov"},
            'feedback.session_date must be a date like 2026-11-03, not "3 Nov"',
        ),
        ({"helped": "when you slowed down"}, "feedback.helped must be a list"),
        ({"wishes": [""]}, "feedback.wishes[0] must not be empty"),
    ],
)
def test_a_bad_feedback_value_is_named(change: dict[str, object], message: str) -> None:
    """Import refuses a malformed feedback, naming the field."""
    data = json.loads(feedback_entry().to_json())
    data["feedback"] |= change
    with pytest.raises(CheckInError, match="^" + re.escape(message)):
        CheckIn.from_dict(data)


def test_feedback_belongs_to_a_feedback_entry_only() -> None:
    """A check-in carrying a feedback object is refused."""
    data = json.loads(feedback_entry().to_json()) | {"kind": "checkin"}
    with pytest.raises(CheckInError, match='feedback is only for kind "feedback"'):
        CheckIn.from_dict(data)


def test_heart_figures_go_with_any_breathing_and_are_bounded() -> None:
    """A quick calm may carry heart figures; a heart rate of 900 is refused."""
    heart = Heart("Polar H10 A0:9E", 66.2, 12.3, 45.1, 640)
    entry = CheckIn(ID, START, "quick", heart=heart)
    assert CheckIn.from_json(entry.to_json()).heart == heart
    data = json.loads(entry.to_json())
    data["heart"]["mean_bpm"] = 900
    with pytest.raises(CheckInError, match="heart.mean_bpm must be at most 300"):
        CheckIn.from_dict(data)


def test_a_resonance_assessment_round_trips() -> None:
    """The chosen rate and each rate's figures come back as they went."""
    rates = (RateFigure(6.5, 8.0, 120.0, 40.0, 13), RateFigure(5.5, 12.5, 300.0, 52.0, 11))
    entry = CheckIn(ID, START, "resonance", resonance=Resonance(5.5, rates))
    assert CheckIn.from_json(entry.to_json()).resonance == Resonance(5.5, rates)


def test_grounding_keeps_the_senses_in_the_exercises_order() -> None:
    """What was noticed comes out see, touch, hear, smell, taste; an unknown sense is refused."""
    grounding = Grounding({"hear": ("rain",), "see": ("a lamp", "the window")})
    entry = CheckIn(ID, START, "ground", grounding=grounding)
    assert list(json.loads(entry.to_json())["grounding"]) == ["see", "hear"]
    with pytest.raises(CheckInError, match="sight is not a sense"):
        Grounding({"sight": ("x",)})
