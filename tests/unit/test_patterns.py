"""Patterns: presets, shorthand strings and their validation."""

import pytest

from breath_tui.core.patterns import (
    MAX_PHASES,
    PRESETS,
    Pattern,
    PatternError,
    Phase,
    breath_count,
    parse_spec,
    resolve_pattern,
    validate_phases,
)


def test_shorthand_four_numbers_gives_four_phases():
    """'4-4-4-4' is in, hold, out, hold of 4 s each."""
    pattern = parse_spec("4-4-4-4")
    assert [(p.kind, p.seconds) for p in pattern.phases] == [
        ("in", 4.0),
        ("hold", 4.0),
        ("out", 4.0),
        ("hold", 4.0),
    ]


def test_shorthand_missing_last_hold_is_zero_and_zero_holds_are_dropped():
    """'4-0-6' has no hold phases: a hold of 0 is no phase."""
    pattern = parse_spec("4-0-6")
    assert [p.kind for p in pattern.phases] == ["in", "out"]
    assert pattern.cycle_seconds == 10.0


def test_shorthand_accepts_decimals():
    """Decimals are allowed: '1.5-0.5-2-0.5' lasts 4.5 s."""
    assert parse_spec("1.5-0.5-2-0.5").cycle_seconds == pytest.approx(4.5)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0-0-4", "more than 0"),
        ("4-0-0", "more than 0"),
        ("4-0-61", "at most 60"),
        ("4-a-6", "expected IN-HOLD-OUT"),
        ("4-6", "expected IN-HOLD-OUT"),
        ("-4-0-6", "expected IN-HOLD-OUT"),
        ("4-0-6-0-1", "expected IN-HOLD-OUT"),
    ],
)
def test_bad_shorthand_is_rejected_naming_the_string(text, fragment):
    """A bad shorthand raises PatternError that names the string and the problem."""
    with pytest.raises(PatternError) as caught:
        parse_spec(text)
    assert repr(text) in str(caught.value)
    assert fragment in str(caught.value)


def test_presets_match_design_timings():
    """The preset library has the documented timings and breaths per minute (README, patterns)."""
    expected = {
        "resonance": ("4-6", 6.0),
        "coherent": ("5.5-5.5", 60 / 11),
        "extended-exhale": ("4-8", 5.0),
        "cyclic-sigh": ("2+1-6", 60 / 9),
        "relaxed": ("5-5", 6.0),
        "box": ("4-4-4-4", 3.75),
        "4-7-8": ("4-7-8", 60 / 19),
    }
    assert set(PRESETS) == set(expected)
    for name, (timing, per_minute) in expected.items():
        assert PRESETS[name].timing == timing, name
        assert PRESETS[name].breaths_per_minute == pytest.approx(per_minute), name


def test_every_preset_cites_a_source():
    """Each preset says where its timing comes from."""
    assert all(p.source for p in PRESETS.values())


def test_patterns_with_holds_carry_a_caution_and_others_do_not():
    """Box and 4-7-8 warn about holds; resonance does not."""
    assert "not in water" in PRESETS["box"].all_cautions
    assert "not in water" in PRESETS["4-7-8"].all_cautions
    assert PRESETS["resonance"].all_cautions == ""


def test_cyclic_sigh_top_up_is_a_second_in_breath_whose_word_starts_with_breathe_in():
    """The sigh's top-up is its own in-phase, and its word still starts 'Breathe in'."""
    sigh = PRESETS["cyclic-sigh"]
    assert [p.kind for p in sigh.phases] == ["in", "in", "out"]
    assert all(p.word.startswith("Breathe in") for p in sigh.phases[:2])


def test_resolve_prefers_custom_then_preset_then_shorthand():
    """Names are looked up in custom patterns first, then presets; digits are a shorthand."""
    mine = resolve_pattern("4-7-8", {})
    assert mine is PRESETS["4-7-8"]
    custom = PRESETS["box"].__class__("box", (Phase("in", 3), Phase("out", 3)))
    assert resolve_pattern("box", {"box": custom}) is custom
    assert resolve_pattern("3-0-5").cycle_seconds == 8


def test_unknown_name_lists_the_known_ones():
    """An unknown name says which names exist."""
    with pytest.raises(PatternError, match="resonance"):
        resolve_pattern("calmish")


def _repeated(times: int, breath_in: float = 0.5, breath_out: float = 0.5) -> list[Phase]:
    return [Phase("in", breath_in), Phase("out", breath_out)] * times


def test_breaths_are_counted_one_by_one_not_one_a_cycle():
    """in-out written 10 times is 10 breaths; the sigh's in, top-up in and out is one; holds
    and where the list starts do not change the count."""
    assert breath_count(_repeated(10)) == 10
    assert breath_count(PRESETS["cyclic-sigh"].phases) == 1
    assert breath_count(PRESETS["box"].phases) == 1
    assert breath_count([Phase("out", 6), Phase("hold", 2), Phase("in", 4)]) == 1
    assert breath_count([Phase("in", 2), Phase("out", 3), Phase("hold", 1), Phase("out", 3)]) == 1


def test_a_pattern_made_without_checks_still_says_its_real_rate():
    """Ten 1-second breaths in a 10 s cycle are 60 a minute, not 6 (the rate the audit saw)."""
    pattern = Pattern("fast", tuple(_repeated(10)))
    assert pattern.breaths == 10
    assert pattern.breaths_per_minute == pytest.approx(60.0)


def test_a_pattern_of_several_breaths_is_refused_naming_the_count():
    """A pattern is one breath: in-out twice over (however slow) is refused, saying 2 breaths."""
    with pytest.raises(PatternError, match=r"'twice': in and out take turns 2 times"):
        validate_phases("twice", _repeated(2, 4, 6))


def test_a_pattern_has_at_most_twelve_phases():
    """1-5 written 3,000 times (one 'breath' of 300 minutes) is refused by its count of phases;
    twelve phases are allowed."""
    with pytest.raises(PatternError, match=r"6,000 phases; at most 12"):
        validate_phases("long", _repeated(3000, 1, 5))
    twelve = [Phase("in", 1), *[Phase("hold", 0)] * 10, Phase("out", 5)]
    assert MAX_PHASES == 12 and len(validate_phases("ok", twelve)) == 2


@pytest.mark.parametrize(
    ("phases", "words"),
    [
        (
            [Phase("in", 4), Phase("hold", 40), Phase("hold", 40), Phase("out", 6)],
            "phases 2 and 3 make one hold of 80 s; at most 60 s",
        ),
        (
            [Phase("hold", 40), Phase("in", 4), Phase("out", 6), Phase("hold", 30)],
            "phases 4 and 1 (the end runs into the start) make one hold of 70 s",
        ),
        (
            [Phase("in", 40), Phase("in", 30), Phase("out", 6)],
            "phases 1 and 2 make one in-breath of 70 s",
        ),
    ],
)
def test_a_hold_split_into_phases_is_still_at_most_sixty_seconds(phases, words):
    """Phases of one kind in a row (round the end of the pattern too) are one stretch: 60 s at
    most, as one phase is."""
    with pytest.raises(PatternError) as caught:
        validate_phases("split", phases)
    assert words in str(caught.value)


def test_a_pattern_name_longer_than_two_hundred_characters_is_refused():
    """A 5,000-character name is not looked up (nor repeated back whole)."""
    with pytest.raises(PatternError) as caught:
        resolve_pattern("x" * 5000)
    assert str(caught.value) == "a pattern name is at most 200 characters; this one has 5,000"
