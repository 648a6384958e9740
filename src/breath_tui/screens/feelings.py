"""The feelings step: a family, then a precise word, then how much; as many as the person likes.

The sentence they make is shown live above the list: "I feel disappointed and a little ashamed."
w types a word of one's own (then how much), x takes the last feeling away, d is done.
Esc goes back a level (how much -> word -> family), and from the families back a step.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from breath_tui.core.checkin import Feeling
from breath_tui.core.vocab import (
    FEELING_FAMILIES,
    INTENSITIES,
    WordError,
    clean_word,
    feelings_sentence,
)
from breath_tui.screens.steps import Step
from breath_tui.widgets.checklist import PointerList
from breath_tui.widgets.literal import literal
from breath_tui.widgets.word_input import WordInput

Level = Literal["family", "word", "intensity", "typing"]

FAMILY_KEYS = "Enter choose · w own word · x remove last · d done · s skip · Esc back"
WORD_KEYS = "↑↓ Enter choose · Esc back to the families · q leave"
INTENSITY_KEYS = "1 a little · 2 somewhat · 3 very (or ↑↓ Enter) · Esc back · q leave"
TYPING_KEYS = "Enter takes the word · Esc stops typing"
PREVIEW_WORDS = 3


class FeelingsStep(Step):
    """Feelings: family -> word -> how much, repeated; answered with them on d."""

    field_name = "feelings"
    title = "Feelings"
    keys = FAMILY_KEYS

    BINDINGS = [
        Binding("w", "own_word", show=False),
        Binding("x", "remove_last", show=False),
        Binding("d", "done", show=False),
        *(Binding(str(n + 1), f"how_much({n})", show=False) for n in range(len(INTENSITIES))),
    ]

    def __init__(self, value: tuple[Feeling, ...]) -> None:
        super().__init__(classes="step")
        self.feelings: list[Feeling] = list(value)
        self.level: Level = "family"
        self.family: str | None = None
        self.word: str | None = None

    def compose(self) -> ComposeResult:
        """The sentence, the question, the list, the word box."""
        yield Static(id="sentence", markup=False)
        yield Static(id="feel-question", classes="question", markup=False)
        yield PointerList(on_choose=self._chosen, id="feel-list")
        yield WordInput(placeholder="w: a word of your own", id="own-feeling", compact=True)

    def on_mount(self) -> None:
        """Start with the families."""
        self._update_sentence()
        self._show("family")

    def _update_sentence(self) -> None:
        sentence = feelings_sentence((f.word, f.intensity) for f in self.feelings)
        self.query_one("#sentence", Static).update(literal(sentence or "No feelings named yet."))

    def _show(self, level: Level) -> None:
        self.level = level
        options = self.query_one(PointerList)
        question = self.query_one("#feel-question", Static)
        if level == "family":
            question.update("Which family is the feeling in?")
            families = list(FEELING_FAMILIES)
            options.set_items(
                [
                    (family, f"{family}: {', '.join(words[1 : PREVIEW_WORDS + 1])}…")
                    for family, words in FEELING_FAMILIES.items()
                ],
                families.index(self.family) if self.family else 0,
            )
            self.set_keys(FAMILY_KEYS)
        elif level == "word":
            assert self.family is not None
            question.update(f"Which word fits best? ({self.family})")
            words = FEELING_FAMILIES[self.family]
            options.set_items(
                [(word, word) for word in words],
                words.index(self.word) if self.word in words else 0,
            )
            self.set_keys(WORD_KEYS)
        elif level == "intensity":
            question.update(literal(f"How {self.word}?"))
            options.set_items(
                [
                    (intensity, f"{number}  {intensity} {self.word or ''}")
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

    def _chosen(self, index: int) -> None:
        chosen = self.query_one(PointerList).items[index][0]
        if self.level == "family":
            if chosen != self.family:
                self.word = None
            self.family = chosen
            self._show("word")
        elif self.level == "word":
            self.word = chosen
            self._show("intensity")
        elif self.level == "intensity":
            self.action_how_much(INTENSITIES.index(chosen))  # type: ignore[arg-type]

    def action_how_much(self, index: int) -> None:
        """Add the word at this intensity (replacing the same word named before)."""
        if self.level != "intensity" or self.word is None:
            return
        feeling = Feeling(self.word, INTENSITIES[index])
        self.feelings = [f for f in self.feelings if f.word != feeling.word] + [feeling]
        self._update_sentence()
        self.progressed(tuple(self.feelings))
        self.word = None
        self._show("family")

    def action_own_word(self) -> None:
        """Type a feeling of one's own."""
        if self.level == "family":
            self._show("typing")

    @on(Input.Submitted, "#own-feeling")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(WordInput)
        if not event.value.strip():
            box.value = ""
            self._show("family")
            return
        try:
            word = clean_word(event.value)
        except WordError as error:
            self.notify(str(error), severity="warning")
            return
        box.value = ""
        self.word = word
        self._show("intensity")

    def action_remove_last(self) -> None:
        """Take the last feeling away."""
        if self.level == "family" and self.feelings:
            self.feelings.pop()
            self._update_sentence()
            self.progressed(tuple(self.feelings))

    def action_done(self) -> None:
        """The feelings named are the answer (none is a skip)."""
        if self.level == "family":
            self.answer(tuple(self.feelings))

    def draft(self) -> tuple[Feeling, ...] | None:
        """The feelings named so far; None when none."""
        return tuple(self.feelings) or None

    def go_back(self) -> bool:
        """Up a level; False at the families."""
        if self.level == "family":
            return False
        if self.level == "intensity" and self.family and self.word in FEELING_FAMILIES[self.family]:
            self._show("word")
        else:
            self._show("family")
        return True
