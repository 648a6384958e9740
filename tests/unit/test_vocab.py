"""The words of a check-in: regions, prompts, sensations, feelings and the sentence they make."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breath_tui.core import vocab
from breath_tui.core.vocab import (
    ALL_FEELINGS,
    INTENSITIES,
    describe_feeling,
    feeling_grammar,
    feelings_phrase,
    feelings_sentence,
    intensity_question,
)


def test_default_regions_are_shoulders_stomach_chest() -> None:
    """The body scan visits shoulders, stomach and chest unless config says otherwise."""
    assert vocab.DEFAULT_REGIONS == ("shoulders", "stomach", "chest")


@pytest.mark.parametrize(
    "region", ["shoulders", "stomach", "chest", "jaw", "throat", "hands", "back"]
)
def test_each_named_region_has_its_own_notice_now_prompt(region: str) -> None:
    """Default and common extra regions have a short prompt naming the region."""
    prompt = vocab.region_prompt(region)
    assert prompt.startswith(f"Notice your {region} now")
    assert len(prompt) <= 70


def test_a_region_of_ones_own_gets_the_generic_prompt() -> None:
    """A region from config we have no words for still gets a prompt naming it."""
    assert vocab.region_prompt(" left knee ") == "Notice your left knee now. What is there?"


def test_sensations_hold_the_listed_words() -> None:
    """The sensation list holds every word the issues name, pleasant and neutral ones included."""
    wanted = {
        "tension",
        "tightness",
        "fluttering",
        "warmth",
        "heaviness",
        "ache",
        "tingling",
        "numbness",
        "ease",
        "nothing noticeable",
        "light",
        "loose",
        "open",
        "cool",
        "settled",
        "restless",
    }
    assert wanted <= set(vocab.SENSATIONS)


def test_sensations_end_with_ease_then_nothing_noticeable() -> None:
    """The list runs from what is felt when tense to ease, and "nothing noticeable" comes last."""
    assert vocab.SENSATIONS[:3] == ("tension", "tightness", "fluttering")
    assert vocab.SENSATIONS[-2:] == ("ease", "nothing noticeable")
    assert len(vocab.SENSATIONS) == len(set(vocab.SENSATIONS))


def test_no_feelings_make_no_sentence() -> None:
    """With no feelings named, the sentence is empty (the screen shows nothing)."""
    assert feelings_sentence([]) == ""


def test_one_feeling_at_somewhat_is_the_bare_word() -> None:
    """'somewhat' is the unmarked middle: 'I feel sad.'"""
    assert feelings_sentence([("sad", "somewhat")]) == "I feel sad."


@pytest.mark.parametrize("intensity", ["a little", "very"])
def test_a_little_and_very_are_said(intensity: str) -> None:
    """'a little' and 'very' stand before the word."""
    assert feelings_sentence([("sad", intensity)]) == f"I feel {intensity} sad."


def test_two_feelings_join_with_and() -> None:
    """The design's example: 'I feel disappointed and a little ashamed.'"""
    pairs = [("disappointed", "somewhat"), ("ashamed", "a little")]
    assert feelings_sentence(pairs) == "I feel disappointed and a little ashamed."


def test_three_feelings_take_commas_and_a_final_and() -> None:
    """Three or more: commas, then 'and' before the last, no comma before 'and'."""
    pairs = [("tired", "somewhat"), ("anxious", "very"), ("scared", "a little")]
    assert feelings_sentence(pairs) == "I feel tired, very anxious and a little scared."


def test_somewhat_is_said_once_a_degree_has_been_said() -> None:
    """'very worried and small' would read as very small: 'I feel very worried and somewhat small.'"""
    pairs = [("worried", "very"), ("small", "somewhat")]
    assert feelings_sentence(pairs) == "I feel very worried and somewhat small."


def test_a_little_calm_and_sad_keeps_each_intensity() -> None:
    """Not 'a little calm and sad': each word keeps its own, and the turn gets a comma."""
    pairs = [("calm", "a little"), ("sad", "somewhat")]
    assert feelings_sentence(pairs) == "I feel a little calm, and somewhat sad."


def test_turning_from_pleasant_to_unpleasant_takes_a_comma() -> None:
    """The issue's example: 'I feel calm, and a little sad.'"""
    assert feelings_sentence([("calm", "somewhat"), ("sad", "a little")]) == (
        "I feel calm, and a little sad."
    )


def test_the_turn_comma_comes_only_before_the_last_and() -> None:
    """'tired, very anxious, and a little hopeful': the comma marks the turn at 'and' only."""
    pairs = [("tired", "somewhat"), ("anxious", "very"), ("hopeful", "a little")]
    assert feelings_sentence(pairs) == "I feel tired, very anxious, and a little hopeful."


def test_own_words_take_no_turn_comma() -> None:
    """A word of one's own has no pleasantness we know: plain 'and'."""
    pairs = [("wobbly", "very"), ("sad", "a little")]
    assert feelings_sentence(pairs) == "I feel very wobbly and a little sad."


@pytest.mark.parametrize("first", INTENSITIES)
@pytest.mark.parametrize("second", INTENSITIES)
def test_every_pair_of_intensities_reads_as_chosen(first: str, second: str) -> None:
    """Nine mixes of two words: each intensity is said before its own word, or (somewhat, with
    no degree before it) the word stands bare; none is lost or carried over."""
    phrase = feelings_phrase([("worried", first), ("small", second)])
    head, tail = phrase.split(" and ")
    assert head == ("worried" if first == "somewhat" else f"{first} worried")
    assert tail == ("small" if first == second == "somewhat" else f"{second} small")


# The degrees said before a list word, by intensity.
SAID = {"a little": "a little ", "somewhat": "somewhat ", "very": "very "}
PLAIN = [w for w in ALL_FEELINGS if feeling_grammar(w) == "word"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PLAIN), st.sampled_from(INTENSITIES)),
        min_size=1,
        max_size=6,
        unique_by=lambda pair: pair[0],
    )
)
def test_any_mix_says_every_intensity_where_it_belongs(pairs: list[tuple[str, str]]) -> None:
    """Any mix of list words: each part is its word with its degree said, except "somewhat"
    words before the first said degree, which stand bare; parts are joined by commas and one
    final "and" (with a comma only at a turn between pleasant and unpleasant)."""
    sentence = feelings_sentence(pairs)
    assert sentence.startswith("I feel ") and sentence.endswith(".")
    phrase = sentence.removeprefix("I feel ").removesuffix(".")
    if len(pairs) > 1:
        head, last = phrase.rsplit(" and ", 1)
        parts = [*head.removesuffix(",").split(", "), last]
    else:
        parts = [phrase]
    said = False
    for part, (word, intensity) in zip(parts, pairs, strict=True):
        bare = intensity == "somewhat" and not said
        assert part == (word if bare else SAID[intensity] + word)
        said = said or not bare


@pytest.mark.parametrize(
    ("word", "grammar"),
    [
        ("sad", "word"),
        ("Seen", "word"),
        ("sore", "word"),  # not "so ..."
        ("pretty", "word"),  # alone, an adjective
        ("like a failure", "likeness"),
        ("as if nobody cares", "likeness"),
        ("as though I'm invisible", "likeness"),
        ("that I let them down", "likeness"),
        ("Like a Fraud", "likeness"),
        ("better", "likeness"),
        ("more relaxed", "likeness"),
        ("out of place", "likeness"),
        ("on edge", "likeness"),
        ("a failure", "noun"),
        ("an outsider", "noun"),
        ("really tired", "own degree"),
        ("so alone", "own degree"),
        ("not good enough", "own degree"),
        ("a bit off", "own degree"),
        ("pretty tired", "own degree"),
    ],
)
def test_feeling_grammar_tells_words_phrases_and_own_degrees_apart(word: str, grammar: str) -> None:
    """Phrases are known by how they start: like, as if, as though, that, a preposition..."""
    assert feeling_grammar(word) == grammar


def test_a_likeness_is_asked_how_strongly_and_said_very_much() -> None:
    """'How strongly do you feel like a failure?'; 'I feel very much like a failure.'"""
    assert intensity_question("like a failure") == "How strongly do you feel like a failure?"
    assert feelings_sentence([("like a failure", "very")]) == "I feel very much like a failure."
    assert feelings_sentence([("like a failure", "a little")]) == "I feel a little like a failure."
    assert feelings_sentence([("like a failure", "somewhat")]) == "I feel like a failure."


@pytest.mark.parametrize(
    ("word", "intensity", "sentence"),
    [
        ("as if nobody cares", "very", "I feel very much as if nobody cares."),
        ("as though I'm invisible", "a little", "I feel a little as though I'm invisible."),
        ("that nobody listens", "very", "I feel very much that nobody listens."),
        ("out of place", "very", "I feel very much out of place."),
        ("better", "a little", "I feel a little better."),
        ("a failure", "a little", "I feel a bit of a failure."),
        ("a failure", "very", "I feel very much a failure."),
        ("an outsider", "somewhat", "I feel an outsider."),
        ("really tired", "somewhat", "I feel really tired."),
    ],
)
def test_own_phrases_take_words_that_fit(word: str, intensity: str, sentence: str) -> None:
    """Each kind of phrase of one's own gets a degree that reads right before it."""
    assert feelings_sentence([(word, intensity)]) == sentence


def test_a_word_is_asked_how_and_choices_say_every_degree() -> None:
    """'How ashamed?'; the choices read 'a little ashamed', 'somewhat ashamed', 'very ashamed'."""
    assert intensity_question("ashamed") == "How ashamed?"
    assert [describe_feeling("ashamed", i) for i in INTENSITIES] == [
        "a little ashamed",
        "somewhat ashamed",
        "very ashamed",
    ]


def test_a_phrase_before_another_feeling_is_closed_by_a_comma() -> None:
    """'like a failure and sad' would run on: 'very much like a failure, and a little sad'."""
    pairs = [("like a failure", "very"), ("sad", "a little")]
    assert feelings_sentence(pairs) == "I feel very much like a failure, and a little sad."
    pairs = [("sad", "somewhat"), ("like a failure", "somewhat"), ("tired", "a little")]
    assert feelings_sentence(pairs) == "I feel sad, like a failure, and a little tired."


def test_only_a_phrase_with_its_own_degree_is_not_asked_how_much() -> None:
    """'really tired' says how much already; 'like a failure' and 'sad' are asked."""
    assert not vocab.asks_how_much("really tired")
    assert vocab.asks_how_much("like a failure") and vocab.asks_how_much("sad")


def test_an_own_degree_is_never_doubled_and_counts_as_said() -> None:
    """'really tired' keeps its own degree; a "somewhat" after it is said."""
    pairs = [("really tired", "somewhat"), ("sad", "somewhat")]
    assert feelings_sentence(pairs) == "I feel really tired and somewhat sad."
    assert "very very" not in feelings_sentence([("very sad", "very")])


def test_repeated_intensities_are_not_merged() -> None:
    """Each word keeps its intensity: never 'a little sad and tired'."""
    pairs = [("sad", "a little"), ("tired", "a little")]
    assert feelings_phrase(pairs) == "a little sad and a little tired"


def test_an_own_word_ending_in_punctuation_gets_no_second_stop() -> None:
    """'I feel fine!' not 'I feel fine!.'"""
    assert feelings_sentence([("fine!", "somewhat")]) == "I feel fine!"


def test_own_word_keeps_its_case() -> None:
    """A word of one's own is shown as typed."""
    assert feelings_sentence([("Seen", "very")]) == "I feel very Seen."


def test_clean_word_collapses_spaces() -> None:
    """A typed word is trimmed and inner runs of spaces collapse to one."""
    assert vocab.clean_word("  on   the  edge ") == "on the edge"


@pytest.mark.parametrize("text", ["", "   ", "two\nlines", "esc\x1b[31m", "x" * 61])
def test_clean_word_refuses_unusable_words(text: str) -> None:
    """Empty, multi-line, control characters or over 60 characters: WordError."""
    with pytest.raises(vocab.WordError):
        vocab.clean_word(text)
