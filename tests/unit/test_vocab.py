"""The words of a check-in: regions, prompts, sensations, feelings and the sentence they make."""

from __future__ import annotations

import pytest

from breath_tui.core import vocab
from breath_tui.core.vocab import feelings_phrase, feelings_sentence


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
    """The sensation list holds every word the issue names, 'nothing noticeable' included."""
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
    }
    assert wanted <= set(vocab.SENSATIONS)


def test_feelings_list_has_at_least_80_words() -> None:
    """The feelings list is long enough to name feelings precisely (80 words or more)."""
    assert len(vocab.ALL_FEELINGS) >= 80


def test_no_feeling_word_is_in_two_families() -> None:
    """Each word belongs to exactly one family, so family_of() is unambiguous."""
    assert len(vocab.ALL_FEELINGS) == len(set(vocab.ALL_FEELINGS))


def test_the_named_families_exist_with_several_words_each() -> None:
    """The families of DESIGN.md exist and each offers a real choice (at least 6 words)."""
    for family in ("sad", "anxious", "angry", "ashamed", "happy", "calm"):
        assert len(vocab.FEELING_FAMILIES[family]) >= 6
    assert all(len(words) >= 6 for words in vocab.FEELING_FAMILIES.values())


def test_family_words_are_lower_case_and_tidy() -> None:
    """List words are lower case with single spaces, so the sentence reads naturally."""
    for word in vocab.ALL_FEELINGS:
        assert word == word.lower() == " ".join(word.split())


def test_family_of_finds_the_family_and_none_for_own_words() -> None:
    """family_of() knows our words (any case) and returns None for a word of one's own."""
    assert vocab.family_of("Disappointed") == "sad"
    assert vocab.family_of("flibbertigibbet") is None


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
    pairs = [("tired", "somewhat"), ("anxious", "very"), ("hopeful", "a little")]
    assert feelings_sentence(pairs) == "I feel tired, very anxious and a little hopeful."


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
