"""The words of a check-in: body regions and their prompts, sensations, feelings and intensities,
and the one sentence the chosen feelings make ("I feel disappointed and a little ashamed.").

The practice behind it: notice the body in the present moment, then name feelings precisely
rather than "bad". The lists are our own; the person can always add a word of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

DEFAULT_REGIONS: tuple[str, ...] = ("shoulders", "stomach", "chest")

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

SENSATIONS: tuple[str, ...] = (
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
)

BODY_INTENSITY_MAX = 10

Intensity = Literal["a little", "somewhat", "very"]
INTENSITIES: tuple[Intensity, ...] = ("a little", "somewhat", "very")

# "somewhat" is the unmarked middle: the sentence shows the bare word ("I feel sad"), just as
# people say it; "a little" and "very" are said. The choice itself is kept in the journal.
UNMARKED_INTENSITY: Intensity = "somewhat"

# Families, then precise words. Every word fits "I feel a little X" and "I feel very X", and no
# word is in two families. Unpleasant families first, as the check-in usually starts with tension.
FEELING_FAMILIES: dict[str, tuple[str, ...]] = {
    family: tuple(word.strip() for word in words.split(","))
    for family, words in {
        "sad": "sad, disappointed, discouraged, down, low, heartbroken, hopeless, empty, gloomy, "
        "regretful, homesick, let down",
        "anxious": "anxious, worried, nervous, scared, afraid, panicky, uneasy, tense, restless, "
        "on edge, overwhelmed, insecure, apprehensive, unsafe",
        "angry": "angry, annoyed, irritated, frustrated, impatient, resentful, bitter, furious, "
        "jealous, envious, defensive, fed up",
        "ashamed": "ashamed, embarrassed, guilty, humiliated, self-conscious, exposed, foolish, "
        "inadequate, unworthy, small, remorseful",
        "hurt": "hurt, rejected, betrayed, left out, misunderstood, abandoned, dismissed, "
        "unappreciated, invisible",
        "confused": "confused, unsure, torn, lost, stuck, ambivalent, distracted, disconnected, "
        "numb",
        "tired": "tired, exhausted, drained, worn out, flat, sluggish, burnt out",
        "happy": "happy, glad, pleased, cheerful, joyful, excited, proud, amused, delighted, "
        "playful, light-hearted",
        "calm": "calm, relaxed, peaceful, content, relieved, safe, settled, grounded, comfortable, "
        "rested, steady",
        "hopeful": "hopeful, confident, encouraged, optimistic, motivated, capable, brave, "
        "curious, interested, eager, determined",
        "connected": "loved, cared for, close, connected, grateful, tender, trusting, accepted, "
        "understood, appreciated, affectionate, compassionate",
    }.items()
}

ALL_FEELINGS: tuple[str, ...] = tuple(w for words in FEELING_FAMILIES.values() for w in words)

_FAMILY_OF: dict[str, str] = {
    word: family for family, words in FEELING_FAMILIES.items() for word in words
}

MAX_WORD_LENGTH = 60


class WordError(ValueError):
    """A word of the person's own cannot be used as it is (blank, too long, several lines)."""


def region_prompt(region: str) -> str:
    """The short prompt to notice `region` now; a generic one for regions we have no words for."""
    name = region.strip()
    return REGION_PROMPTS.get(name.lower(), f"Notice your {name} now. What is there?")


def family_of(word: str) -> str | None:
    """The family a word of our list belongs to, or None for a word of the person's own."""
    return _FAMILY_OF.get(word.strip().lower())


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


def describe_feeling(word: str, intensity: str) -> str:
    """'a little ashamed', 'very sad', or just 'disappointed' for the unmarked "somewhat"."""
    return word if intensity == UNMARKED_INTENSITY else f"{intensity} {word}"


def feelings_phrase(feelings: Iterable[tuple[str, str]]) -> str:
    """The feelings joined into a phrase, in the order chosen.

    One: "sad". Two: "disappointed and a little ashamed". Three or more: commas, and "and"
    before the last, with no comma before "and": "tired, very anxious and a little hopeful".
    Each word keeps its own intensity; "a little sad and a little tired" is not shortened,
    because "a little sad and tired" would be read differently.

    Args:
        feelings: (word, intensity) pairs; intensity is one of INTENSITIES.

    Returns:
        The phrase, or "" when there are no feelings.
    """
    parts = [describe_feeling(word, intensity) for word, intensity in feelings]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def feelings_sentence(feelings: Iterable[tuple[str, str]]) -> str:
    """'I feel disappointed and a little ashamed.', or "" when no feeling was named.

    A person's own word that already ends in . ! or ? gets no second full stop.
    """
    phrase = feelings_phrase(feelings)
    if not phrase:
        return ""
    return f"I feel {phrase}" + ("" if phrase.endswith((".", "!", "?")) else ".")
