"""The feelings step: how it feels, a family, a precise word, how much; as many as the person likes.

It starts from the two axes emotion words share (core/feeling_words.py): 1-4 pick a quadrant
(high or low energy, unpleasant or pleasant), which narrows the families and their words to
those of the quadrant (at most nine: a digit picks one); f shows every family (↑↓ and Enter). The sentence they make is shown live above the
list: "I feel disappointed and a little ashamed." w types a word of one's own (then how much,
unless it says so itself: "really tired"), x takes the last feeling away, d is done. After a
feeling is added the families of the same quadrant are shown again, so the next costs no more.
Esc goes back a level (how much -> word -> family -> quadrant), and from the quadrants back a step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from breath_tui.core.checkin import Feeling
from breath_tui.core.vocab import (
    FEELING_FAMILIES,
    INTENSITIES,
    QUADRANTS,
    Quadrant,
    WordError,
    asks_how_much,
    clean_word,
    describe_feeling,
    families_in,
    family_line,
    feelings_sentence,
    intensity_question,
    quadrant_line,
    words_of,
)
from breath_tui.screens.steps import Step
from breath_tui.widgets.checklist import PointerList
from breath_tui.widgets.literal import literal
from breath_tui.widgets.word_input import WordInput, put_back

Level = Literal["mood", "family", "word", "intensity", "typing"]

EVERY_FAMILY = "every family"
MORE_WORDS = (
    " more words"  # the id of the row that shows the rest of a family (no word starts with a space)
)
MOOD_KEYS = "1-4/f choose · w own word · x drop last · d done · s skip · Esc back · q leave"
FAMILY_KEYS = "{digits} choose · w own word · x drop last · d done · s skip · Esc back · q leave"
EVERY_FAMILY_KEYS = "↑↓ Enter · w own word · x drop last · d done · s skip · Esc back · q leave"
MOST_NUMBERED = 9
"""A list of families this long or shorter (a quadrant's) is numbered, and a digit picks one."""
WORD_KEYS = "↑↓ Enter choose · Esc back to the families · q leave"
INTENSITY_KEYS = "1 a little · 2 somewhat · 3 very (or ↑↓ Enter) · Esc back · q leave"
TYPING_KEYS = "Enter takes the word · Esc stops typing · ctrl+q leave"
RETYPED = "The word you were typing is back: Enter takes it."


class FeelingsStep(Step):
    """Feelings: quadrant -> family -> word -> how much, repeated; answered with them on d."""

    field_name = "feelings"
    title = "Feelings"
    keys = MOOD_KEYS

    BINDINGS = [
        Binding("w", "own_word", show=False),
        Binding("x", "remove_last", show=False),
        Binding("d", "done", show=False),
        Binding("f", "every_family", show=False),
        *(Binding(str(n + 1), f"number({n})", show=False) for n in range(MOST_NUMBERED)),
    ]

    def __init__(self, value: tuple[Feeling, ...]) -> None:
        super().__init__(classes="step")
        self.feelings: list[Feeling] = list(value)
        self.level: Level = "mood"
        self.quadrant: Quadrant | None = None
        """The quadrant the families are narrowed to; None for every family."""
        self.family: str | None = None
        self.whole_family = False
        """The family's words are shown whole, not only those of the quadrant."""
        self.word: str | None = None
        self.chosen_mood = False
        """A quadrant (or every family) has been chosen: the families are where to come back."""
        self.mood_row = 0
        """The row of the first list chosen last (a quadrant, or every family)."""
        self._retyped: str | None = None
        """A word being typed when the app was ended from outside, offered back on mount."""

    def compose(self) -> ComposeResult:
        """The sentence, the question, the list, the word box."""
        yield Static(id="sentence", markup=False)
        yield Static(id="feel-question", classes="question", markup=False)
        yield PointerList(on_choose=self._chosen, id="feel-list")
        yield WordInput(placeholder="w: a word of your own", id="own-feeling", compact=True)

    def on_mount(self) -> None:
        """Start with how it feels."""
        self._update_sentence()
        self._show("mood")
        if self._retyped is not None:
            put_back(self.query_one(WordInput), self._retyped)  # _typed selects on focus again
            self._retyped = None
            self._show("typing")
            self.query_one("#feel-question", Static).update(RETYPED)

    def typing(self) -> dict[str, Any] | None:
        """The feeling word being typed in the box, or None."""
        if not self.is_mounted:
            return None
        word = self.query_one(WordInput).value
        return {"word": word} if word.strip() else None

    def retype(self, typing: Mapping[str, Any]) -> None:
        """Opened again after the app was ended while a word was typed: the word back in its box."""
        word = typing.get("word")
        if isinstance(word, str) and word.strip():
            self._retyped = word

    def _update_sentence(self) -> None:
        sentence = feelings_sentence((f.word, f.intensity) for f in self.feelings)
        self.query_one("#sentence", Static).update(literal(sentence or "No feelings named yet."))

    def _show(self, level: Level) -> None:
        self.level = level
        options = self.query_one(PointerList)
        question = self.query_one("#feel-question", Static)
        if level == "mood":
            question.update("How does it feel?")
            items = [
                (str(number), f"{number}  {quadrant_line(quadrant)}")
                for number, quadrant in enumerate(QUADRANTS, 1)
            ]
            first = ", ".join(list(FEELING_FAMILIES)[:3])
            items.append((EVERY_FAMILY, f"f  {EVERY_FAMILY}: {first}…"))
            options.set_items(items, self.mood_row)
            self.set_keys(MOOD_KEYS)
        elif level == "family":
            where = f" ({self.quadrant.name})" if self.quadrant else ""
            question.update(f"Which family is the feeling in?{where}")
            families = list(families_in(self.quadrant))
            numbered = len(families) <= MOST_NUMBERED
            options.set_items(
                [
                    (family, f"{n}  " * numbered + family_line(family, self.quadrant))
                    for n, family in enumerate(families, 1)
                ],
                families.index(self.family) if self.family in families else 0,
            )
            digits = "1" if len(families) == 1 else f"1-{len(families)}"
            self.set_keys(FAMILY_KEYS.format(digits=digits) if numbered else EVERY_FAMILY_KEYS)
        elif level == "word":
            assert self.family is not None
            narrowed = self.quadrant if not self.whole_family else None
            where = f", {narrowed.energy} energy" if narrowed else ""
            question.update(f"Which word fits best? ({self.family}{where})")
            words = words_of(self.family, narrowed)
            items = [(word, word) for word in words]
            hidden = len(FEELING_FAMILIES[self.family]) - len(words)
            if hidden:
                more = "word" if hidden == 1 else "words"
                items.append((MORE_WORDS, f"+ {hidden} more {self.family} {more}"))
            options.set_items(items, words.index(self.word) if self.word in words else 0)
            self.set_keys(WORD_KEYS)
        elif level == "intensity":
            word = self.word or ""
            question.update(literal(intensity_question(word)))
            options.set_items(
                [
                    (intensity, f"{number}  {describe_feeling(word, intensity)}")
                    for number, intensity in enumerate(INTENSITIES, 1)
                ],
                1,
            )
            self.set_keys(INTENSITY_KEYS)
        else:
            question.update("A word of your own:")
            self.set_keys(TYPING_KEYS)
        box = self.query_one(WordInput)
        box.display = level == "typing"
        (box if level == "typing" else options).focus()

    def _show_lists(self) -> None:
        """Back to where the next feeling is chosen: the families once a quadrant was chosen."""
        self._show("family" if self.chosen_mood else "mood")

    def _chosen(self, index: int) -> None:
        chosen = self.query_one(PointerList).items[index][0]
        if self.level == "mood":
            if chosen == EVERY_FAMILY:
                self.action_every_family()
            else:
                self.action_number(int(chosen) - 1)
        elif self.level == "family":
            if chosen != self.family:
                self.word = None
            self.family = chosen
            self.whole_family = False
            self._show("word")
        elif self.level == "word" and chosen == MORE_WORDS:
            self.whole_family = True
            self._show("word")
        elif self.level == "word":
            self.word = chosen
            self._show("intensity")
        elif self.level == "intensity":
            self.action_number(INTENSITIES.index(chosen))

    def action_number(self, index: int) -> None:
        """A digit: a quadrant on the first list, a family in a numbered list of them, an
        intensity when asked how much."""
        if self.level == "mood" and index < len(QUADRANTS):
            self._narrow(QUADRANTS[index])
        elif self.level == "family":
            families = list(families_in(self.quadrant))
            if index < len(families) <= MOST_NUMBERED:
                self._chosen(index)
        elif self.level == "intensity" and index < len(INTENSITIES) and self.word is not None:
            self._add(Feeling(self.word, INTENSITIES[index]))

    def action_every_family(self) -> None:
        """Every family, not narrowed to a quadrant."""
        if self.level == "mood":
            self._narrow(None)

    def _narrow(self, quadrant: Quadrant | None) -> None:
        if quadrant != self.quadrant:
            self.family = None
            self.word = None
        self.quadrant = quadrant
        self.chosen_mood = True
        self.mood_row = QUADRANTS.index(quadrant) if quadrant else len(QUADRANTS)
        self._show("family")

    def _add(self, feeling: Feeling) -> None:
        """Add the feeling (replacing the same word named before) and go back to the lists."""
        self.feelings = [f for f in self.feelings if f.word != feeling.word] + [feeling]
        self._update_sentence()
        self.progressed(tuple(self.feelings))
        self.word = None
        self._show_lists()

    def action_own_word(self) -> None:
        """Type a feeling of one's own."""
        if self.level in ("mood", "family"):
            self._show("typing")

    @on(Input.Submitted, "#own-feeling")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(WordInput)
        box.select_on_focus = True
        if not event.value.strip():
            box.value = ""
            self._show_lists()
            return
        try:
            word = clean_word(event.value)
        except WordError as error:
            self.notify(str(error), severity="warning")
            return
        box.value = ""
        if not asks_how_much(word):
            self._add(Feeling(word))
            return
        self.word = word
        self._show("intensity")

    def action_remove_last(self) -> None:
        """Take the last feeling away."""
        if self.level in ("mood", "family") and self.feelings:
            self.feelings.pop()
            self._update_sentence()
            self.progressed(tuple(self.feelings))

    def action_done(self) -> None:
        """The feelings named are the answer (none is a skip)."""
        if self.level in ("mood", "family"):
            self.answer(tuple(self.feelings))

    def draft(self) -> tuple[Feeling, ...] | None:
        """The feelings named so far; None when none."""
        return tuple(self.feelings) or None

    def go_back(self) -> bool:
        """Up a level; False at the quadrants."""
        if self.level == "mood":
            return False
        if self.level == "family":
            self.chosen_mood = False
            self._show("mood")
        elif (
            self.level == "intensity" and self.family and self.word in FEELING_FAMILIES[self.family]
        ):
            self._show("word")
        elif self.level == "word":
            self._show("family")
        else:
            self._show_lists()
        return True
