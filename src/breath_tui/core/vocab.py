"""The words of a check-in: body regions and their prompts, sensations, feelings and intensities,
and the one sentence the chosen feelings make ("I feel disappointed and a little ashamed.").

The practice behind it: notice the body in the present moment, then name feelings precisely
rather than "bad". The lists are our own; the person can always add a word of their own.

The feeling words live in core/feeling_words.py, each tagged pleasant or unpleasant and high or
low energy, the two axes emotion words share across languages (Jackson et al. 2019, Science
366:1517; Yale's Mood Meter and the How We Feel app use the same two); that module names every
source. They are re-exported here.

The sentence's grammar, so that every intensity reads as chosen:
- "a little" and "very" are always said; "somewhat" is the unmarked middle and left unsaid
  ("I feel sad") until a degree has been said earlier in the sentence: from then on it is said
  too, because "very worried and small" reads as very small ("I feel very worried and somewhat
  small").
- One feeling, two joined by "and", three or more by commas with "and" before the last.
  "and" takes a comma before it when the last feeling turns from pleasant to unpleasant or back
  ("I feel calm, and a little sad"), or when the feeling before it is a phrase that would run
  on into the next ("I feel very much like a failure, and a little sad").
- A phrase of one's own that cannot take "very" gets words that fit it. Starting with like, as
  if, as though, that, more, less, better, worse, or a preposition (in, on, at, out of, under,
  over): "a little", "somewhat", "very much" ("I feel very much like a failure"), and the
  question "How strongly do you feel like a failure?". Starting with "a" or "an": "a bit of",
  "something of", "very much" ("I feel a bit of a failure"). Starting with a degree of its own
  (really, so, not, a bit, ...): said as typed, and not asked how much, since it says so already.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from breath_tui.core.feeling_words import (
    ALL_FEELINGS,
    FEELING_FAMILIES,
    FEELING_WORDS,
    QUADRANTS,
    Energy,
    FeelingWord,
    Pleasantness,
    Quadrant,
    families_in,
    family_line,
    family_of,
    feeling_word,
    quadrant_line,
    words_in,
    words_of,
)
from breath_tui.core.settings import DEFAULT_REGIONS  # one list, kept with the settings

__all__ = [
    "ALL_FEELINGS",
    "BODY_INTENSITY_MAX",
    "DEFAULT_REGIONS",
    "FEELING_FAMILIES",
    "FEELING_WORDS",
    "INTENSITIES",
    "MAX_WORD_LENGTH",
    "QUADRANTS",
    "REGION_PROMPTS",
    "SENSATIONS",
    "UNMARKED_INTENSITY",
    "Energy",
    "FeelingWord",
    "Grammar",
    "Intensity",
    "Pleasantness",
    "Quadrant",
    "WordError",
    "asks_how_much",
    "clean_word",
    "describe_feeling",
    "families_in",
    "family_line",
    "family_of",
    "feeling_grammar",
    "feeling_word",
    "feelings_phrase",
    "feelings_sentence",
    "intensity_question",
    "quadrant_line",
    "region_prompt",
    "words_in",
    "words_of",
]

# A short prompt to notice each region now. Config can add any region; ones not listed here get
# the generic prompt. The prompts name a few possibilities without suggesting the right answer.
REGION_PROMPTS: dict[str, str] = {
    "shoulders": "Notice your shoulders now: raised or low, held or loose?",
    "stomach": "Notice your stomach now: tight, fluttering, settled?",
    "chest": "Notice your chest now: tight or open, warm or cool?",
    "jaw": "Notice your jaw now: clenched, or soft?",
    "throat": "Notice your throat now: tight, or open?",
    "hands": "Notice your hands now: still or restless, warm or cold?",
    "back": "Notice your back now: where does it hold, where does it rest?",
    "neck": "Notice your neck now: stiff, or free to turn?",
    "forehead": "Notice your forehead now: furrowed, or smooth?",
    "face": "Notice your face now: held in an expression, or at rest?",
    "head": "Notice your head now: heavy, light, buzzing, clear?",
    "arms": "Notice your arms now: braced, or hanging easily?",
    "hips": "Notice your hips now: gripping, or settled?",
    "legs": "Notice your legs now: ready to move, or resting?",
    "feet": "Notice your feet now: where they touch the floor, and how?",
}

# What people notice when tense first, then what is neither pleasant nor not, then ease, then
# nothing at all: every kind of answer is on the list, so none is suggested as the right one.
SENSATIONS: tuple[str, ...] = (
    "tension",
    "tightness",
    "fluttering",
    "ache",
    "heaviness",
    "restless",
    "tingling",
    "numbness",
    "warmth",
    "cool",
    "light",
    "loose",
    "open",
    "settled",
    "ease",
    "nothing noticeable",
)

UNNAMED = "unnamed"
"""A body region given a strength with no sensation ticked (the person was asked what it is,
and kept it so): how the card says it and how trends and the summary count it."""

BODY_INTENSITY_MAX = 10

Intensity = Literal["a little", "somewhat", "very"]
INTENSITIES: tuple[Intensity, ...] = ("a little", "somewhat", "very")

# "somewhat" is the unmarked middle: the sentence shows the bare word ("I feel sad"), just as
# people say it; "a little" and "very" are said. The choice itself is kept in the journal.
UNMARKED_INTENSITY: Intensity = "somewhat"

MAX_WORD_LENGTH = 60


class WordError(ValueError):
    """A word of the person's own cannot be used as it is (blank, too long, several lines)."""


def region_prompt(region: str) -> str:
    """The short prompt to notice `region` now; a generic one for regions we have no words for."""
    name = region.strip()
    return REGION_PROMPTS.get(name.lower(), f"Notice your {name} now. What is there?")


def clean_word(text: str) -> str:
    """A word or short phrase of the person's own, tidied: spaces collapsed and ends trimmed.

    Case is kept as typed. Use this on what the person types before it goes into a check-in.

    Raises:
        WordError: it is empty, holds a line break or control character, or is over 60 characters.
    """
    if re.search("[\x00-\x1f\x7f-\x9f]", text.strip()):
        raise WordError("a word must be one line of text")
    word = " ".join(text.split())
    if not word:
        raise WordError("a word cannot be empty")
    if len(word) > MAX_WORD_LENGTH:
        raise WordError(f"a word can be at most {MAX_WORD_LENGTH} characters")
    return word


Grammar = Literal["word", "likeness", "noun", "own degree"]
"""How a feeling takes its intensity: see the module docstring."""

# Own words that already say how much; matched as whole leading words ("so tired", not "sore").
_OWN_DEGREES = (
    "very",
    "really",
    "so",
    "quite",
    "too",
    "extremely",
    "slightly",
    "a bit",
    "a little",
    "a lot",
    "a tad",
    "somewhat",
    "kind of",
    "kinda",
    "sort of",
    "totally",
    "completely",
    "utterly",
    "deeply",
    "pretty",
    "fairly",
    "rather",
    "super",
    "incredibly",
    "terribly",
    "awfully",
    "absolutely",
    "not",
    "no longer",
    "barely",
    "hardly",
)
_LIKENESS_STARTS = (
    "like",
    "as if",
    "as though",
    "that",
    "more",
    "less",
    "better",
    "worse",
    "in",
    "on",
    "at",
    "out of",
    "under",
    "over",
)
_SAID_DEGREES: dict[Grammar, dict[str, str]] = {
    "word": {"a little": "a little", "somewhat": "somewhat", "very": "very"},
    "likeness": {"a little": "a little", "somewhat": "somewhat", "very": "very much"},
    "noun": {"a little": "a bit of", "somewhat": "something of", "very": "very much"},
}


def _starts_with(text: str, starts: Iterable[str]) -> bool:
    return any(text == start or text.startswith(start + " ") for start in starts)


@lru_cache(maxsize=4096)
def feeling_grammar(word: str) -> Grammar:
    """How `word` takes an intensity: a plain word ("sad"), a likeness ("like a failure", "on
    edge"), a noun phrase ("a failure"), or a phrase that says its own degree ("really tired").

    Cached: a summary of 10,000 entries asks it of the same few words tens of thousands of times.
    """
    text = " ".join(word.lower().split())
    if " " in text and _starts_with(text, _OWN_DEGREES):
        return "own degree"
    if _starts_with(text, _LIKENESS_STARTS):
        return "likeness"
    if text.startswith(("a ", "an ")):
        return "noun"
    return "word"


def asks_how_much(word: str) -> bool:
    """False for a phrase that says its own degree ("really tired"): it is taken as typed."""
    return feeling_grammar(word) != "own degree"


def intensity_question(word: str) -> str:
    """'How ashamed?' for a word; 'How strongly do you feel like a failure?' for a phrase."""
    if feeling_grammar(word) == "word":
        return f"How {word}?"
    return f"How strongly do you feel {word}?"


def describe_feeling(word: str, intensity: str) -> str:
    """The feeling with its intensity always said: 'somewhat ashamed', 'very much like a
    failure', 'a bit of a failure'; a phrase with its own degree as typed ('really tired')."""
    grammar = feeling_grammar(word)
    if grammar == "own degree":
        return word
    return f"{_SAID_DEGREES[grammar][intensity]} {word}"


def _runs_on(word: str) -> bool:
    """A phrase that would swallow the next feeling without a comma ("like a failure and sad")."""
    return feeling_grammar(word) in ("likeness", "noun") or any(
        joint in word for joint in (",", " and ", " or ")
    )


def _turns(before: str, after: str) -> bool:
    """Both words are ours and one is pleasant, the other unpleasant."""
    first, second = feeling_word(before), feeling_word(after)
    return bool(first and second and first.pleasantness != second.pleasantness)


def feelings_phrase(feelings: Iterable[tuple[str, str]]) -> str:
    """The feelings joined into a phrase, in the order chosen, each with its own intensity.

    "disappointed and a little ashamed"; "very worried and somewhat small"; "calm, and a little
    sad"; "tired, very anxious and a little scared"; "very much like a failure, and a little sad".
    The rules are in the module docstring. Repeated intensities are not merged: "a little sad
    and a little tired", because "a little sad and tired" would be read differently.

    Args:
        feelings: (word, intensity) pairs; intensity is one of INTENSITIES.

    Returns:
        The phrase, or "" when there are no feelings.
    """
    return _phrase(tuple(feelings))


@lru_cache(maxsize=4096)
def _phrase(pairs: tuple[tuple[str, str], ...]) -> str:
    """feelings_phrase, cached: a person names the same few feelings again and again, and a
    summary of 10,000 entries says each entry's sentence."""
    parts: list[str] = []
    degree_said = False
    for word, intensity in pairs:
        unsaid = intensity == UNMARKED_INTENSITY and not degree_said
        parts.append(word if unsaid else describe_feeling(word, intensity))
        degree_said = degree_said or not unsaid or not asks_how_much(word)
    if not parts:
        return ""
    text = parts[0]
    for index in range(1, len(parts)):
        before, word = pairs[index - 1][0], pairs[index][0]
        if index < len(parts) - 1:
            joint = ", "
        elif _runs_on(before) or _turns(before, word):
            joint = ", and "
        else:
            joint = " and "
        text += joint + parts[index]
    return text


def feelings_sentence(feelings: Iterable[tuple[str, str]]) -> str:
    """'I feel disappointed and a little ashamed.', or "" when no feeling was named.

    A person's own word that already ends in . ! or ? gets no second full stop.
    """
    phrase = feelings_phrase(feelings)
    if not phrase:
        return ""
    return f"I feel {phrase}" + ("" if phrase.endswith((".", "!", "?")) else ".")
