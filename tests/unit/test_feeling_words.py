"""The feeling words: families, the two tags on every word, the balance, and quadrant narrowing."""

from __future__ import annotations

import pytest

from breath_tui.core import feeling_words as fw
from breath_tui.core.feeling_words import (
    ALL_FEELINGS,
    FEELING_FAMILIES,
    FEELING_WORDS,
    QUADRANTS,
    Quadrant,
    families_in,
    family_line,
    family_of,
    quadrant_line,
    words_in,
    words_of,
)

# The balance rule the module docstring states.
PLEASANT_SHARE = (0.45, 0.55)
QUADRANT_AT_LEAST = 30


def test_pleasant_words_are_between_45_and_55_percent() -> None:
    """Balance: pleasant words are at least 45% and at most 55% of the list."""
    pleasant = sum(w.pleasantness == "pleasant" for w in FEELING_WORDS.values())
    low, high = PLEASANT_SHARE
    assert low <= pleasant / len(ALL_FEELINGS) <= high


@pytest.mark.parametrize("quadrant", QUADRANTS, ids=lambda q: q.name)
def test_each_quadrant_holds_at_least_30_words(quadrant: Quadrant) -> None:
    """Narrowing to any quadrant leaves a real choice: 30 words or more."""
    assert len(words_in(quadrant)) >= QUADRANT_AT_LEAST


def test_every_word_has_both_tags() -> None:
    """Every listed word has a pleasantness (pleasant/unpleasant) and an energy (high/low)."""
    assert set(FEELING_WORDS) == set(ALL_FEELINGS)
    for entry in FEELING_WORDS.values():
        assert entry.pleasantness in ("pleasant", "unpleasant"), entry
        assert entry.energy in ("high", "low"), entry


def test_no_word_is_in_two_families() -> None:
    """Each word belongs to exactly one family, so family_of() is unambiguous."""
    assert len(ALL_FEELINGS) == len(set(ALL_FEELINGS))


def test_each_family_is_all_pleasant_or_all_unpleasant() -> None:
    """A family is one kind of feeling: its words share their pleasantness."""
    for family, words in FEELING_FAMILIES.items():
        kinds = {FEELING_WORDS[word].pleasantness for word in words}
        assert len(kinds) == 1, (family, kinds)


@pytest.mark.parametrize(
    "word",
    [
        "lonely",
        "isolated",
        "vulnerable",
        "helpless",
        "powerless",
        "trapped",
        "disgusted",
        "surprised",
        "bored",
        "grieving",
        "respected",
        "stressed",
        "terrified",
        "overwhelmed",
    ],
)
def test_the_words_people_missed_are_listed(word: str) -> None:
    """The common words the issue found missing are on the list."""
    assert word in FEELING_WORDS


@pytest.mark.parametrize(
    ("word", "pleasantness", "energy"),
    [
        ("anxious", "unpleasant", "high"),
        ("sad", "unpleasant", "low"),
        ("disgusted", "unpleasant", "low"),  # the Mood Meter's placement
        ("bored", "unpleasant", "low"),
        ("surprised", "pleasant", "high"),
        ("excited", "pleasant", "high"),
        ("calm", "pleasant", "low"),
        ("grateful", "pleasant", "low"),
    ],
)
def test_words_are_tagged_as_the_mood_meter_places_them(
    word: str, pleasantness: str, energy: str
) -> None:
    """Words the Mood Meter places carry its pleasantness and energy."""
    entry = FEELING_WORDS[word]
    assert (entry.pleasantness, entry.energy) == (pleasantness, energy)


def test_no_family_holds_its_own_name() -> None:
    """A family is named by a noun that is not one of its words ("sadness", not "sad")."""
    for family, words in FEELING_FAMILIES.items():
        assert family not in words


@pytest.mark.parametrize("quadrant", [None, *QUADRANTS], ids=lambda q: q.name if q else "all")
def test_no_family_line_repeats_its_name(quadrant: Quadrant | None) -> None:
    """A family line ("sadness: sad, disappointed…") never names the family again as a word."""
    for family in families_in(quadrant):
        name, words = family_line(family, quadrant).split(": ", 1)
        assert name == family
        assert family not in words.rstrip("…").split(", ")


def test_family_line_shows_three_words_and_an_ellipsis_when_there_are_more() -> None:
    """'sadness: sad, disappointed, discouraged…'; no ellipsis when all words are shown."""
    assert family_line("sadness") == "sadness: sad, disappointed, discouraged…"
    high = Quadrant("high", "unpleasant")
    assert family_line("sadness", high) == "sadness: heartbroken"


def test_words_in_a_quadrant_all_lie_in_it() -> None:
    """words_in(q) holds only words tagged with q, and the quadrants together hold every word."""
    seen: list[str] = []
    for quadrant in QUADRANTS:
        words = words_in(quadrant)
        assert all(FEELING_WORDS[w].quadrant == quadrant for w in words)
        seen += words
    assert sorted(seen) == sorted(ALL_FEELINGS)


def test_narrowing_a_family_keeps_its_order_and_only_the_quadrants_words() -> None:
    """words_of(family, q) is the family's list, in order, without the words outside q."""
    low = Quadrant("low", "unpleasant")
    narrowed = words_of("anger", low)
    assert narrowed == ("resentful", "bitter", "fed up", "disgusted")
    assert narrowed == tuple(w for w in words_of("anger") if w in narrowed)


def test_families_in_a_quadrant_are_those_with_a_word_there() -> None:
    """families_in(q) lists exactly the families with at least one word in q; None lists all."""
    for quadrant in QUADRANTS:
        expected = {
            f for f in FEELING_FAMILIES if any(w in words_in(quadrant) for w in words_of(f))
        }
        assert set(families_in(quadrant)) == expected
        assert len(families_in(quadrant)) == len(expected)
    assert families_in(None) == tuple(FEELING_FAMILIES)
    assert "joy" not in families_in(Quadrant("low", "unpleasant"))


def test_families_at_home_in_a_quadrant_come_first() -> None:
    """High energy, unpleasant: fear, stress, anger first; sadness (only "heartbroken") after."""
    families = families_in(Quadrant("high", "unpleasant"))
    assert families[:3] == ("fear", "stress", "anger")
    assert families.index("sadness") > 2


def test_quadrant_line_names_it_with_general_examples() -> None:
    """'low energy, unpleasant: sad, lonely, ashamed…': the first words of families at home there."""
    assert quadrant_line(Quadrant("high", "unpleasant")) == (
        "high energy, unpleasant: anxious, stressed, angry…"
    )
    assert quadrant_line(Quadrant("low", "unpleasant")) == (
        "low energy, unpleasant: sad, lonely, ashamed…"
    )


def test_the_list_is_long_enough_and_every_family_offers_a_choice() -> None:
    """At least 150 words; every family at least 6."""
    assert len(ALL_FEELINGS) >= 150
    assert all(len(words) >= 6 for words in FEELING_FAMILIES.values())


def test_family_words_are_lower_case_and_tidy() -> None:
    """List words are lower case with single spaces, so the sentence reads naturally."""
    for word in ALL_FEELINGS:
        assert word == word.lower() == " ".join(word.split())


def test_family_of_finds_the_family_and_none_for_own_words() -> None:
    """family_of() knows our words (any case) and returns None for a word of one's own."""
    assert family_of(" Disappointed ") == "sadness"
    assert family_of("flibbertigibbet") is None


def test_the_module_names_its_sources() -> None:
    """The docstring cites Jackson et al. 2019 and the Mood Meter / How We Feel."""
    doc = fw.__doc__ or ""
    for source in ("Jackson et al. 2019", "Science 366:1517", "Mood Meter", "How We Feel"):
        assert source in doc
