"""The steps of a feedback for the therapist: which session, how heard, the pace, what helped,
what I would like, what I did not say, and the card.

Each is a screens.steps.Step: it shows its question, takes keys, and calls answer(value) when
answered; the feedback screen saves the value at once and moves on. The words are core.feedback's;
the phrases ticked and typed are the person's, shown as text (Content), never as markup.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from breath_tui.core.checkin import PACES, Pace
from breath_tui.core.feedback import (
    HEARD_ENDS,
    HEARD_QUESTION,
    PACE_HINT,
    PACE_QUESTION,
    SESSION_DAYS,
    SESSION_QUESTION,
    UNSAID_QUESTION,
    PhraseError,
    clean_phrase,
    pace_choices,
    session_choices,
)
from breath_tui.core.when import weekday_short
from breath_tui.screens.steps import CardStep, NoteStep, Step
from breath_tui.widgets.checklist import CheckList, PointerList
from breath_tui.widgets.rating import RATING_KEYS, RatingScale
from breath_tui.widgets.word_input import WordInput

STEP_KEYS = "s skip · Esc back · q leave"
PHRASE_KEYS = f"space tick · w own words · d done · {STEP_KEYS}"
TYPING_KEYS = "Enter adds it · Esc stops typing · ctrl+q leave"


class SessionStep(Step):
    """Which session the feedback is about: today, or a day of the last two weeks (newest
    first); Enter chooses. Days with a check-in say so, once the journal has been read."""

    field_name = "session"
    title = "Which session"
    keys = f"↑↓ Enter choose · {STEP_KEYS}"

    def __init__(self, today: date, value: date) -> None:
        super().__init__(classes="step")
        self.today = today
        self.chosen = value
        self.checkin_days: Collection[date] = ()

    def compose(self) -> ComposeResult:
        """The question, a hint, the days."""
        yield Static(SESSION_QUESTION, classes="question", markup=False)
        yield Static(
            f"Today, or a day of the last {SESSION_DAYS}, newest first.",
            classes="hint",
            markup=False,
        )
        yield PointerList(on_choose=self._chosen, id="sessions")

    def on_mount(self) -> None:
        """The days, the one chosen before (today at first) marked."""
        self._fill()
        self.query_one(PointerList).focus()

    @property
    def choices(self) -> list[tuple[date, str]]:
        """(day, label) newest first; a day chosen before and now older is kept, last."""
        choices = session_choices(self.today, self.checkin_days)
        if self.chosen not in [day for day, _ in choices]:
            choices.append((self.chosen, weekday_short(self.chosen)))
        return choices

    def _fill(self, highlighted: int | None = None) -> None:
        choices = self.choices
        if highlighted is None:
            highlighted = [day for day, _ in choices].index(self.chosen)
        items = [(day.isoformat(), label) for day, label in choices]
        self.query_one(PointerList).set_items(items, highlighted)

    def mark_checkins(self, days: Collection[date]) -> None:
        """Say which days had a check-in (read from the journal as the step is shown)."""
        self.checkin_days = days
        if self.is_mounted:
            self._fill(self.query_one(PointerList).highlighted)

    def _chosen(self, index: int) -> None:
        self.answer(self.choices[index][0])


class HeardStep(Step):
    """How heard and understood the person felt, 0-10; a digit answers at once."""

    field_name = "heard"
    title = "Felt heard"
    keys = f"{RATING_KEYS} · {STEP_KEYS}"

    def __init__(self, value: int | None) -> None:
        super().__init__(classes="step")
        self.value = value

    def compose(self) -> ComposeResult:
        """Question, scale, what the ends mean."""
        yield Static(HEARD_QUESTION, classes="question", markup=False)
        yield RatingScale(self.value, self.answer, id="scale")
        yield Static(HEARD_ENDS, classes="hint ends", markup=False)

    def on_mount(self) -> None:
        """The scale takes the keys."""
        self.query_one(RatingScale).focus()


class PaceStep(Step):
    """The session's pace: 1 too slow, 2 about right, 3 too fast (or ↑↓ and Enter)."""

    field_name = "pace"
    title = "Pace"
    keys = f"1 too slow · 2 about right · 3 too fast · {STEP_KEYS}"

    BINDINGS = [Binding(str(n + 1), f"choose({n})", show=False) for n in range(len(PACES))]

    def __init__(self, value: Pace | None) -> None:
        super().__init__(classes="step")
        self.value = value

    def compose(self) -> ComposeResult:
        """Question, what pace means, the three answers."""
        yield Static(PACE_QUESTION, classes="question", markup=False)
        yield Static(PACE_HINT, classes="hint", markup=False)
        yield PointerList(on_choose=self.action_choose, id="paces")

    def on_mount(self) -> None:
        """The answer given before is marked (else the middle one); the list takes the keys."""
        paces = self.query_one(PointerList)
        paces.set_items(pace_choices(), PACES.index(self.value) if self.value else 1)
        paces.focus()

    def action_choose(self, index: int) -> None:
        """Answer with the pace at `index`."""
        self.answer(PACES[index])


class PhraseStep(Step):
    """Ready-made phrases to tick, and phrases of one's own (w); d answers with those ticked."""

    BINDINGS = [
        Binding("w", "own_phrase", show=False),
        Binding("d", "done", show=False),
    ]

    keys = PHRASE_KEYS

    def __init__(
        self,
        field_name: str,
        title: str,
        question: str,
        phrases: Sequence[str],
        value: Sequence[str],
    ) -> None:
        super().__init__(classes="step")
        self.field_name = field_name
        self.title = title
        self.question = question
        self.words = [*phrases, *(phrase for phrase in value if phrase not in phrases)]
        self.ticked = set(value)

    def compose(self) -> ComposeResult:
        """The question, the phrases, the box for one's own."""
        yield Static(self.question, classes="question", markup=False)
        yield CheckList(id="phrases")
        yield WordInput(placeholder="w: in your own words", id="own-phrase", compact=True)

    def on_mount(self) -> None:
        """The phrases, those ticked before ticked; the list takes the keys."""
        phrases = self.query_one(CheckList)
        phrases.set_words(self.words, self.ticked)
        phrases.focus()

    @property
    def selected(self) -> tuple[str, ...]:
        """The phrases ticked, in list order (ours first, then the person's own)."""
        return tuple(self.query_one(CheckList).selected)

    def draft(self) -> tuple[str, ...] | None:
        """The phrases ticked so far; None when none."""
        return self.selected or None

    def action_done(self) -> None:
        """The phrases ticked are the answer (none is a skip)."""
        self.answer(self.selected)

    def action_own_phrase(self) -> None:
        """Type a phrase of one's own."""
        self.query_one(WordInput).focus()
        self.set_keys(TYPING_KEYS)

    @on(Input.Submitted, "#own-phrase")
    def _add_phrase(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(WordInput)
        phrases = self.query_one(CheckList)
        if event.value.strip():
            try:
                phrase = clean_phrase(event.value)
            except PhraseError as error:
                self.notify(str(error), severity="warning")
                return
            phrases.add_word(phrase)
        box.value = ""
        phrases.focus()
        self.set_keys(PHRASE_KEYS)


class UnsaidStep(NoteStep):
    """What was not said in the session, in free text: kept word for word."""

    field_name = "unsaid"
    title = "Not said"
    question = UNSAID_QUESTION
    hint = "As you would say it. It goes on the card; nothing is sent anywhere."
    save_label = "Save"


class FeedbackCardStep(CardStep):
    """The card to bring or send: the answers as sentences. c copies it; Enter closes; ↑/↓
    scroll it in a small window."""

    title = "Card to bring or send"

    BINDINGS = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
    ]
