"""The feeling words of a check-in, in families, each word tagged with pleasantness and energy.

Two tags on every word: pleasant or unpleasant, and high or low energy. These are the two axes
that emotion words share across languages: Jackson et al. 2019, "Emotion semantics show both
cultural variation and universal structure", Science 366:1517-1522, found that hedonic valence
and physiological activation organise emotion concepts in 2,474 languages. Yale's Mood Meter
(Brackett, RULER) and the How We Feel app, which grew from it, place words on the same two axes;
a word they place is tagged as they place it ("disgusted" and "bored" low energy, "surprised"
high energy and pleasant). Words they do not place (most participles: "trapped", "stressed",
"respected") are tagged by us, checked against the valence and arousal norms of Warriner,
Kuperman & Brysbaert 2013, Behav Res Methods 45:1191-1207, where those norms have the word.

Families group words by kind of feeling, after the prototype families of Shaver et al. 1987,
J Pers Soc Psychol 52:1061 (sadness, fear, anger, love, joy; disgust and jealousy fall within
anger there, as here). A family is named by a noun ("sadness"), never by one of its own words,
so a family line ("sadness: sad, disappointed, discouraged…") never repeats itself. Every family
is all pleasant or all unpleasant; energy is per word. No word is in two families.

The balance rule (tests/unit/test_feeling_words.py): pleasant words are between 45% and 55% of
the list, and each of the four quadrants holds at least 30 words, so narrowing by a quadrant
always leaves a real choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Pleasantness = Literal["pleasant", "unpleasant"]
Energy = Literal["high", "low"]


@dataclass(frozen=True)
class Quadrant:
    """One quarter of the two axes: e.g. high energy and unpleasant (anxious, angry)."""

    energy: Energy
    pleasantness: Pleasantness

    @property
    def name(self) -> str:
        """'high energy, unpleasant'."""
        return f"{self.energy} energy, {self.pleasantness}"


# In the order people usually reach for them in a check-in (tension first), as the issue names them.
QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant("high", "unpleasant"),
    Quadrant("low", "unpleasant"),
    Quadrant("high", "pleasant"),
    Quadrant("low", "pleasant"),
)


@dataclass(frozen=True)
class FeelingWord:
    """A word of our list, its family and its two tags."""

    word: str
    family: str
    pleasantness: Pleasantness
    energy: Energy

    @property
    def quadrant(self) -> Quadrant:
        """The quadrant the word's two tags place it in."""
        return Quadrant(self.energy, self.pleasantness)


# Family: its pleasantness, then its words in the order shown, each marked ↑ (high energy) or
# ↓ (low energy). Every word fits "I feel a little X" and "I feel very X". The most general word
# of a family comes first; unpleasant families first, as a check-in usually starts with tension.
_FAMILIES: tuple[tuple[str, Pleasantness, str], ...] = (
    (
        "sadness",
        "unpleasant",
        "sad↓, disappointed↓, discouraged↓, down↓, low↓, hopeless↓, heartbroken↑, grieving↓, "
        "miserable↓, regretful↓",
    ),
    ("loneliness", "unpleasant", "lonely↓, isolated↓, alone↓, left out↓, cut off↓, homesick↓"),
    (
        "fear",
        "unpleasant",
        "anxious↑, worried↑, nervous↑, scared↑, afraid↑, terrified↑, panicky↑, uneasy↑, "
        "apprehensive↑, unsafe↑, shocked↑",
    ),
    (
        "stress",
        "unpleasant",
        "stressed↑, overwhelmed↑, tense↑, restless↑, on edge↑, pressured↑, frazzled↑",
    ),
    (
        "anger",
        "unpleasant",
        "angry↑, annoyed↑, irritated↑, frustrated↑, impatient↑, furious↑, jealous↑, defensive↑, "
        "resentful↓, bitter↓, fed up↓, disgusted↓",
    ),
    (
        "shame",
        "unpleasant",
        "ashamed↓, embarrassed↑, guilty↓, humiliated↑, self-conscious↑, insecure↓, inadequate↓, "
        "unworthy↓, worthless↓, small↓",
    ),
    (
        "rejection",
        "unpleasant",
        "hurt↓, rejected↓, betrayed↑, let down↓, misunderstood↓, abandoned↓, dismissed↓, "
        "unappreciated↓, invisible↓, judged↑",
    ),
    (
        "helplessness",
        "unpleasant",
        "helpless↓, powerless↓, trapped↑, stuck↓, vulnerable↓, defeated↓, desperate↑",
    ),
    ("confusion", "unpleasant", "confused↓, unsure↓, torn↑, lost↓, ambivalent↓, distracted↑"),
    ("tiredness", "unpleasant", "tired↓, exhausted↓, drained↓, worn out↓, burnt out↓, sluggish↓"),
    ("numbness", "unpleasant", "numb↓, empty↓, flat↓, bored↓, detached↓, disconnected↓"),
    (
        "joy",
        "pleasant",
        "happy↑, glad↑, pleased↑, cheerful↑, joyful↑, delighted↑, excited↑, amused↑, playful↑, silly↑, "
        "light-hearted↓, enthusiastic↑, thrilled↑, lively↑",
    ),
    (
        "peace",
        "pleasant",
        "calm↓, relaxed↓, peaceful↓, content↓, relieved↓, safe↓, secure↓, settled↓, grounded↓, "
        "comfortable↓, cosy↓, rested↓, steady↓, balanced↓, serene↓, patient↓",
    ),
    (
        "hope",
        "pleasant",
        "hopeful↑, optimistic↑, encouraged↑, motivated↑, eager↑, determined↑, inspired↑, uplifted↑",
    ),
    (
        "strength",
        "pleasant",
        "proud↑, confident↑, brave↑, strong↑, accomplished↑, empowered↑, capable↓, worthy↓, "
        "satisfied↓, fulfilled↓",
    ),
    (
        "love",
        "pleasant",
        "loved↓, loving↓, cared for↓, close↓, tender↓, affectionate↓, compassionate↓, warm↓, moved↓",
    ),
    (
        "connection",
        "pleasant",
        "connected↓, accepted↓, understood↓, seen↓, heard↓, respected↓, valued↓, supported↓, "
        "appreciated↓, included↓, welcome↓, trusting↓, grateful↓",
    ),
    (
        "wonder",
        "pleasant",
        "curious↑, interested↑, fascinated↑, amazed↑, surprised↑, intrigued↑, focused↑",
    ),
    ("vitality", "pleasant", "energised↑, alive↑, awake↑, refreshed↑, free↑, light↓"),
)

_ENERGY_MARKS: dict[str, Energy] = {"↑": "high", "↓": "low"}


def _read_families() -> dict[str, tuple[FeelingWord, ...]]:
    families: dict[str, tuple[FeelingWord, ...]] = {}
    for family, pleasantness, marked in _FAMILIES:
        words = []
        for item in marked.split(","):
            item = item.strip()
            words.append(FeelingWord(item[:-1], family, pleasantness, _ENERGY_MARKS[item[-1]]))
        families[family] = tuple(words)
    return families


_WORDS_OF: dict[str, tuple[FeelingWord, ...]] = _read_families()

FEELING_FAMILIES: dict[str, tuple[str, ...]] = {
    family: tuple(w.word for w in words) for family, words in _WORDS_OF.items()
}
"""Each family's words, in the order shown."""

FEELING_WORDS: dict[str, FeelingWord] = {w.word: w for words in _WORDS_OF.values() for w in words}
"""Every word of our list, with its family and tags."""

ALL_FEELINGS: tuple[str, ...] = tuple(w for words in FEELING_FAMILIES.values() for w in words)


def feeling_word(word: str) -> FeelingWord | None:
    """Our entry for `word` (any case, spaces trimmed), or None for a word of the person's own."""
    return FEELING_WORDS.get(word.strip().lower())


def family_of(word: str) -> str | None:
    """The family a word of our list belongs to, or None for a word of the person's own."""
    entry = feeling_word(word)
    return entry.family if entry else None


def words_of(family: str, quadrant: Quadrant | None = None) -> tuple[str, ...]:
    """The family's words in order; with a quadrant, only those that lie in it."""
    return tuple(w.word for w in _WORDS_OF[family] if quadrant is None or w.quadrant == quadrant)


def words_in(quadrant: Quadrant) -> tuple[str, ...]:
    """Every word of the quadrant, family by family."""
    return tuple(w for family in FEELING_FAMILIES for w in words_of(family, quadrant))


def families_in(quadrant: Quadrant | None = None) -> tuple[str, ...]:
    """The families with at least one word in the quadrant (every family for None).

    Families at home in the quadrant (their first, most general, word lies in it) come first,
    then those with only a few words there: high energy, unpleasant starts with fear, stress
    and anger, and sadness (for "heartbroken") comes after them.
    """
    if quadrant is None:
        return tuple(FEELING_FAMILIES)
    home = [family for family in FEELING_FAMILIES if _begins_in(family, quadrant)]
    visiting = [
        family for family in FEELING_FAMILIES if family not in home and words_of(family, quadrant)
    ]
    return (*home, *visiting)


def _begins_in(family: str, quadrant: Quadrant) -> bool:
    return _WORDS_OF[family][0].quadrant == quadrant


def family_line(family: str, quadrant: Quadrant | None = None, shown: int = 3) -> str:
    """'sadness: sad, disappointed, discouraged…': the family and its first few words (of the
    quadrant, when one is given); the ellipsis only when there are more."""
    words = words_of(family, quadrant)
    more = "…" if len(words) > shown else ""
    return f"{family}: {', '.join(words[:shown])}{more}"


def quadrant_line(quadrant: Quadrant, shown: int = 3) -> str:
    """'high energy, unpleasant: anxious, stressed, angry…': the quadrant, with examples.

    The examples are the first, most general, words of the families at home in the quadrant
    ("sad", "lonely", "ashamed"), not the stray word a family has there ("resentful").
    """
    examples = [FEELING_FAMILIES[f][0] for f in FEELING_FAMILIES if _begins_in(f, quadrant)]
    return f"{quadrant.name}: {', '.join(examples[:shown])}…"
