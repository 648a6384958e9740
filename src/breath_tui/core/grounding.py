"""The 5-4-3-2-1 grounding exercise: its words, its walk through the senses, and its plain mode.

For people whom attention to the breath makes more anxious: name 5 things you can see, 4 you
can touch, 3 you can hear, 2 you can smell, 1 you can taste. It is a common grounding exercise;
no trial backs this one in particular, so the words claim nothing more.

Typing is optional: an empty answer goes on. What was named is kept as a Grounding (the
check-in model's part for kind "ground"). The full-screen step and `ground --plain` both walk
the senses with GroundingWalk, so they go through the same items in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from breath_tui.core.checkin import MAX_NAME, SENSES, Grounding

SENSE_COUNTS: tuple[tuple[str, int], ...] = (
    ("see", 5),
    ("touch", 4),
    ("hear", 3),
    ("smell", 2),
    ("taste", 1),
)
"""Each sense with how many things to name, in the model's order (SENSES)."""

INTRO = "A common grounding exercise: notice what is around you, one sense at a time."
TYPING_OPTIONAL = "Typing is optional: name a thing, or just press Enter to go on."
GROUND_AGAIN = "Grounding again: g on home (breath-tui ground)."
"""Said after the crisis line when tension is high or has risen after grounding. Never a
breathing exercise there: grounding is for people whom attention to the breath makes more
anxious."""
MAX_THING = MAX_NAME
"""Characters in one thing named (the model's bound on a word)."""


def sense_prompt(sense: str) -> str:
    """'5 things you can see', ..., '1 thing you can taste'."""
    count = dict(SENSE_COUNTS)[sense]
    return f"{count} {'thing' if count == 1 else 'things'} you can {sense}"


def noticed_text(grounding: Grounding | None) -> str:
    """'see: a lamp, the window; hear: traffic': every thing named, sense by sense; "" for none."""
    if grounding is None:
        return ""
    parts = [
        f"{sense}: {', '.join(grounding.noticed[sense])}"
        for sense in SENSES
        if grounding.noticed.get(sense)
    ]
    return "; ".join(parts)


@dataclass(frozen=True)
class Item:
    """One answer to give: the sense, which of its things (from 1), and how many it asks."""

    sense: str
    number: int
    of: int

    @property
    def label(self) -> str:
        """'See 2 of 5'."""
        return f"{self.sense.capitalize()} {self.number} of {self.of}"


@dataclass
class GroundingWalk:
    """Where the person is in the exercise, and what they have named so far.

    Start one with `GroundingWalk.starting_from(grounding)` (None for a fresh start); each
    `answer(text)` moves to the next item, `back()` to the one before.
    """

    answers: dict[str, list[str]]
    position: int = 0
    items: tuple[Item, ...] = field(init=False)

    def __post_init__(self) -> None:
        items = []
        for sense, count in SENSE_COUNTS:
            # Room for every thing already named (an imported entry may name more than five).
            total = max(count, len(self.answers[sense]))
            self.answers[sense] += [""] * (total - len(self.answers[sense]))
            items += [Item(sense, number, total) for number in range(1, total + 1)]
        self.items = tuple(items)

    @classmethod
    def starting_from(cls, grounding: Grounding | None) -> GroundingWalk:
        """A walk holding what `grounding` named (none: a fresh start), at the first item."""
        noticed = grounding.noticed if grounding is not None else {}
        return cls({sense: list(noticed.get(sense, ())) for sense in SENSES})

    @property
    def done(self) -> bool:
        """Every item has been answered (or passed)."""
        return self.position >= len(self.items)

    @property
    def current(self) -> Item:
        """The item being asked (the last one, once done)."""
        return self.items[min(self.position, len(self.items) - 1)]

    @property
    def first_of_sense(self) -> bool:
        """The current item is its sense's first: the sense is introduced here."""
        return self.current.number == 1

    def typed(self, item: Item | None = None) -> str:
        """What was typed for `item` (by default the current one); "" for nothing."""
        item = item or self.current
        return self.answers[item.sense][item.number - 1]

    def named(self, sense: str, leaving_out: Item | None = None) -> list[str]:
        """The things named so far for a sense, in order (without the one for `leaving_out`)."""
        skip = leaving_out.number - 1 if leaving_out and leaving_out.sense == sense else -1
        return [thing for index, thing in enumerate(self.answers[sense]) if thing and index != skip]

    def keep(self, text: str) -> None:
        """Hold `text` as the current item's answer (blank: nothing named), staying there."""
        if self.done:
            return
        item = self.current
        self.answers[item.sense][item.number - 1] = " ".join(text.split())[:MAX_THING]

    def answer(self, text: str) -> None:
        """Answer the current item (blank: nothing named) and go on to the next."""
        if self.done:
            return
        self.keep(text)
        self.position += 1

    def back(self) -> bool:
        """Go back to the item before; False at the first item."""
        if self.position == 0:
            return False
        self.position = min(self.position, len(self.items)) - 1
        return True

    def to_last(self) -> None:
        """Open at the last item (reached by going back from the step after)."""
        self.position = len(self.items) - 1

    def grounding(self) -> Grounding | None:
        """What was named, as the model's part; None when nothing was."""
        noticed = {sense: tuple(self.named(sense)) for sense in SENSES if self.named(sense)}
        return Grounding(noticed) if noticed else None


@dataclass(frozen=True)
class PlainResult:
    """What a plain-mode exercise gathered, and whether it reached its end."""

    pre_rating: int | None
    grounding: Grounding | None
    post_rating: int | None
    finished: bool

    @property
    def entered(self) -> bool:
        """Anything was given: a rating or a thing."""
        return (
            self.pre_rating is not None
            or self.post_rating is not None
            or self.grounding is not None
        )


class _EndOfInput(Exception):
    pass


RATING_HINT = "0 calm, 10 the most tense you can imagine; Enter skips"


def run_plain(lines: Iterator[str], say: Callable[[str], None]) -> PlainResult:
    """Walk the exercise as text: one prompt per line, then one line read per answer.

    Args:
        lines: the person's lines, without their line ends (end of input ends the exercise).
        say: writes one line (and flushes it, so a reader hears it before typing).

    Returns:
        What was gathered; `finished` is False when input ended before the last answer.
    """

    def read() -> str:
        try:
            return next(lines)
        except StopIteration:
            raise _EndOfInput from None

    def rating(question: str) -> int | None:
        say(f"{question} ({RATING_HINT})")
        while True:
            text = read().strip()
            if not text:
                return None
            if text.isascii() and text.isdigit() and int(text) <= 10:
                return int(text)
            say(f"Not a number from 0 to 10: {text[:20]!r}. Once more, or Enter skips:")

    pre = post = None
    walk = GroundingWalk.starting_from(None)
    say("Grounding: 5-4-3-2-1 senses.")
    say(INTRO)
    say(f"{TYPING_OPTIONAL} End of input (Ctrl+D) stops.")
    try:
        pre = rating("How tense do you feel right now, 0 to 10?")
        while not walk.done:
            if walk.first_of_sense:
                say(f"{sense_prompt(walk.current.sense).capitalize()}.")
            say(f"{walk.current.label}:")
            text = read()
            if len(" ".join(text.split())) > MAX_THING:
                say(f"(Kept the first {MAX_THING} characters.)")
            walk.answer(text)
        before = f" Before, you said {pre}." if pre is not None else ""
        post = rating(f"How tense do you feel now, 0 to 10?{before}")
    except _EndOfInput:
        return PlainResult(pre, walk.grounding(), post, finished=False)
    return PlainResult(pre, walk.grounding(), post, finished=True)
