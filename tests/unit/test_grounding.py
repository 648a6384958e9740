"""The 5-4-3-2-1 grounding exercise in core: its order, its walk, its words and its plain mode."""

from __future__ import annotations

from breath_tui.core.card import card_lines
from breath_tui.core.checkin import SENSES, CheckIn, Grounding
from breath_tui.core.grounding import (
    INTRO,
    MAX_THING,
    SENSE_COUNTS,
    GroundingWalk,
    noticed_text,
    run_plain,
    sense_prompt,
)


def walk_through(walk: GroundingWalk, answers: list[str]) -> None:
    for text in answers:
        walk.answer(text)


def plain(lines: list[str]) -> tuple[list[str], object]:
    said: list[str] = []
    result = run_plain(iter(lines), said.append)
    return said, result


def test_the_senses_come_five_four_three_two_one_in_the_models_order():
    """5 seen, 4 touched, 3 heard, 2 smelled, 1 tasted, in the order the model names them."""
    assert SENSE_COUNTS == (("see", 5), ("touch", 4), ("hear", 3), ("smell", 2), ("taste", 1))
    assert tuple(sense for sense, _ in SENSE_COUNTS) == SENSES


def test_a_fresh_walk_asks_fifteen_things_one_at_a_time():
    """The walk asks See 1 of 5 first and Taste 1 of 1 last, fifteen items in all."""
    walk = GroundingWalk.starting_from(None)
    assert walk.current.label == "See 1 of 5"
    assert len(walk.items) == 15
    walk_through(walk, [""] * 14)
    assert walk.current.label == "Taste 1 of 1" and not walk.done
    walk.answer("")
    assert walk.done


def test_empty_answers_go_on_and_name_nothing():
    """Enter with nothing typed moves on; only the things typed are kept, sense by sense."""
    walk = GroundingWalk.starting_from(None)
    walk_through(walk, ["a lamp", "", "  the   window ", "", "", "my sleeve"])
    assert walk.grounding() == Grounding({"see": ("a lamp", "the window"), "touch": ("my sleeve",)})


def test_nothing_named_is_no_grounding_at_all():
    """A walk where every answer was empty holds no Grounding (the step is saved empty)."""
    walk = GroundingWalk.starting_from(None)
    walk_through(walk, [""] * 15)
    assert walk.grounding() is None


def test_back_returns_to_the_thing_before_with_its_answer():
    """back() goes to the previous item, whose answer is still there; False at the first."""
    walk = GroundingWalk.starting_from(None)
    assert not walk.back()
    walk_through(walk, ["a lamp", "a cup"])
    assert walk.back() and walk.typed() == "a cup"
    assert walk.back() and walk.typed() == "a lamp"
    assert not walk.back()


def test_keep_holds_an_answer_without_moving_on():
    """keep() sets what the current item holds (a box being left), staying on it."""
    walk = GroundingWalk.starting_from(None)
    walk.keep("a lamp")
    assert walk.position == 0 and walk.grounding() == Grounding({"see": ("a lamp",)})


def test_a_walk_resumes_from_what_was_named_and_keeps_more_than_asked():
    """Starting from a Grounding holds its things; an imported sense with more things than
    its count keeps them all (the walk makes room)."""
    six = tuple(f"thing {n}" for n in range(6))
    walk = GroundingWalk.starting_from(Grounding({"see": six, "taste": ("mint",)}))
    assert walk.typed() == "thing 0"
    assert walk.items[5].label == "See 6 of 6"
    assert walk.grounding() == Grounding({"see": six, "taste": ("mint",)})


def test_to_last_opens_at_the_one_thing_tasted():
    """Reached by going back from the step after, the walk opens at its last item."""
    walk = GroundingWalk.starting_from(None)
    walk.to_last()
    assert walk.current.label == "Taste 1 of 1"


def test_things_are_bounded_and_spaces_collapsed():
    """A thing is at most MAX_THING characters; runs of spaces and line breaks are one space."""
    walk = GroundingWalk.starting_from(None)
    walk.answer("x" * (MAX_THING + 50))
    walk.answer("a\n  b")
    assert walk.named("see") == ["x" * MAX_THING, "a b"]


def test_sense_prompts_count_their_things():
    """'5 things you can see' ... '1 thing you can taste'."""
    assert sense_prompt("see") == "5 things you can see"
    assert sense_prompt("taste") == "1 thing you can taste"


def test_the_card_says_what_was_noticed_sense_by_sense(make_checkin):
    """A ground entry's card has a 'Noticed:' line naming each sense and its things."""
    grounding = Grounding({"see": ("a lamp", "the window"), "hear": ("traffic",)})
    entry = CheckIn.new("ground").updated(grounding=grounding, pre_rating=6)
    assert noticed_text(grounding) == "see: a lamp, the window; hear: traffic"
    assert "Noticed: see: a lamp, the window; hear: traffic" in card_lines(entry)


def test_the_words_claim_no_evidence():
    """The exercise is called a common grounding exercise, and nothing more."""
    assert INTRO.startswith("A common grounding exercise")


def test_plain_mode_asks_one_prompt_a_line_and_gathers_everything():
    """Plain mode: a rating, fifteen item prompts each on its own line, a rating; finished."""
    lines = ["7", "a lamp", *[""] * 13, "mint", "4"]
    said, result = plain(lines)
    assert result.finished and result.pre_rating == 7 and result.post_rating == 4
    assert result.grounding == Grounding({"see": ("a lamp",), "taste": ("mint",)})
    assert [line for line in said if line.endswith(" of 5:")] == [
        f"See {n} of 5:" for n in range(1, 6)
    ]
    assert "5 things you can see." in said and "1 thing you can taste." in said


def test_plain_mode_ends_cleanly_at_the_end_of_input():
    """Input that ends midway ends the exercise: not finished, what was given returned."""
    said, result = plain(["7", "a lamp"])
    assert not result.finished and result.pre_rating == 7
    assert said[-1] == "See 2 of 5:"


def test_plain_mode_asks_a_rating_again_after_a_bad_one():
    """A rating that is not 0-10 is said and asked again; an empty line skips it."""
    said, result = plain(["11", "²", "x", "", *[""] * 15, ""])
    assert result.finished and result.pre_rating is None and result.post_rating is None
    assert sum("Not a number from 0 to 10" in line for line in said) == 3
    assert not result.entered


def test_plain_mode_says_before_what_the_first_rating_was():
    """The second rating's question reminds the person of the first."""
    said, _ = plain(["6", *[""] * 15, "3"])
    assert any("Before, you said 6." in line for line in said)
