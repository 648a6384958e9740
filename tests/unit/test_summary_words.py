"""A check-in in words: the summary card and the cells of history and exports."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from breath_tui.core import card as summary
from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn

Make = Callable[..., CheckIn]


@pytest.mark.parametrize(
    ("pre", "post", "words"),
    [(7, 4, "3 lower"), (3, 5, "2 higher"), (5, 5, "no change"), (None, 4, ""), (6, None, "")],
)
def test_change_words_are_neutral(pre: int | None, post: int | None, words: str) -> None:
    """The change is told as lower, higher or no change, never better or worse."""
    assert summary.change_words(pre, post) == words


def test_ratings_text_with_both_ratings(make_checkin: Make) -> None:
    """Both ratings and the change: '7 before, 4 after (3 lower)'."""
    assert summary.ratings_text(make_checkin()) == "7 before, 4 after (3 lower)"


def test_ratings_text_with_one_rating(make_checkin: Make) -> None:
    """A skipped after-rating leaves only the before-rating."""
    assert summary.ratings_text(make_checkin(post_rating=None)) == "7 before"


def test_ratings_short_marks_a_missing_rating(make_checkin: Make) -> None:
    """Tables show a dash for a skipped rating: '7 -> –', and '–' with neither."""
    assert summary.ratings_short(make_checkin(post_rating=None)) == "7 -> –"
    assert summary.ratings_short(make_checkin(pre_rating=None, post_rating=None)) == "–"


def test_body_text_lists_regions_in_order() -> None:
    """'shoulders: tension, tightness (6/10); chest: unnamed (0/10)' (no words: 'unnamed')."""
    body = [BodyEntry("shoulders", ("tension", "tightness"), 6), BodyEntry("chest", (), 0)]
    assert summary.body_text(body) == "shoulders: tension, tightness (6/10); chest: unnamed (0/10)"


def test_feelings_list_shows_every_intensity(make_checkin: Make) -> None:
    """Data exports spell out 'somewhat' too."""
    assert summary.feelings_list(make_checkin().feelings) == (
        "disappointed (somewhat); ashamed (a little)"
    )


def test_breathing_text(make_checkin: Make) -> None:
    """'resonance, 12 breaths in 2 minutes, 6 breaths a minute'."""
    assert summary.breathing_text(make_checkin().breathing) == (
        "resonance, 12 breaths in 2 minutes, 6 breaths a minute"
    )


def test_breathing_text_says_the_rate_at_the_tempo_breathed(make_checkin: Make) -> None:
    """Resonance at 1.6x: 9.6 breaths a minute, as the session's own end said it (the card said
    only 'tempo 1.6x', leaving the rate to be worked out)."""
    breathing = Breathing("resonance", (BreathPhase("in", 4), BreathPhase("out", 6)), 1.6, 12, 84.0)
    assert summary.breathing_text(breathing) == (
        "resonance, 12 breaths in 1.4 minutes, 9.6 breaths a minute at 1.6x"
    )
    assert summary.card_lines(make_checkin(breathing=breathing))[2] == (
        "Breathing: resonance, 12 breaths in 1.4 minutes, 9.6 breaths a minute at 1.6x"
    )
    typed = Breathing("resonance", breathing.phases, 1.66, 12, 84.0)
    assert summary.breathing_text(typed).endswith("9.96 breaths a minute at 1.66x")
    sigh = Breathing(
        "cyclic-sigh",
        (BreathPhase("in", 2), BreathPhase("in", 1), BreathPhase("out", 6)),
        1.0,
        6,
        54.0,
    )
    assert summary.breathing_text(sigh).endswith(", 6.67 breaths a minute")


def test_unfinished_check_in_is_marked(make_checkin: Make) -> None:
    """A check-in in progress is named '(unfinished)'."""
    assert summary.kind_name(make_checkin(ended_at=None)) == "check-in (unfinished)"


def test_card_has_heading_and_filled_parts_only(make_checkin: Make) -> None:
    """The summary card: heading, then only the parts that were filled in."""
    checkin = make_checkin(breathing=None, body=(), note="")
    assert summary.card_lines(checkin) == [
        "Check-in, Wed 1 May 2024, 09:30",
        "Tension: 7 before, 4 after (3 lower)",
        "Feelings: I feel disappointed and a little ashamed.",
    ]
