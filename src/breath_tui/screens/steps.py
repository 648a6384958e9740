"""The simple steps of a check-in: a 0-10 rating, the breathing step's start, the note, the card.

Each step is a widget the check-in screen mounts. It shows its question, takes keys, and calls
answer(value) when the person has answered; the screen saves the value at once and moves on.
The answer is a direct call, not a message, so a key typed right after it (a quick "7" then
"s") already meets the next step instead of racing a message still on its way up.
Skip (s), back (Esc) and leave (q) belong to the screen; a step that has places of its own to
go back through (the body scan's regions) handles Esc first, in go_back().

Everything the person wrote is shown as text (markup=False, or Content), never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static, TextArea

from breath_tui.core.breath_words import describe_length
from breath_tui.core.card import card_lines, card_text
from breath_tui.core.checkin import CheckIn
from breath_tui.core.safety import safety_lines
from breath_tui.core.safety import still_tense as tension_still_high
from breath_tui.session_setup import SessionSetup
from breath_tui.widgets.literal import literal
from breath_tui.widgets.rating import RATING_KEYS, RatingScale

if TYPE_CHECKING:
    from breath_tui.app import BreathApp


class Step(Vertical):
    """One step of a check-in. Subclasses set `field_name` (the CheckIn field), `title`, `keys`."""

    field_name: str = ""
    title: str = ""
    keys: str = ""
    on_answer: Callable[[Step, Any], None] | None = None
    """Set by the check-in screen: called with (this step, the value) when it is answered."""
    on_progress: Callable[[Step, Any], None] | None = None
    """Set by the check-in screen: called with what has been answered so far of a step of
    several parts (a region noticed, a feeling named), so it is kept as a draft at once."""

    class KeysChanged(Message):
        """The keys this step takes have changed (e.g. a word is being typed)."""

    @property
    def breath_app(self) -> BreathApp:
        """The app, typed."""
        return cast("BreathApp", self.app)

    def answer(self, value: Any) -> None:
        """The step is answered: the screen saves `value` as the check-in field and goes on."""
        if self.on_answer is not None:
            self.on_answer(self, value)

    def progressed(self, value: Any) -> None:
        """Part of the step is answered: the screen keeps `value` as its draft at once."""
        if self.on_progress is not None:
            self.on_progress(self, value)

    def go_back(self) -> bool:
        """Go back inside this step; False when already at its start (the screen goes back a step)."""
        return False

    def resume(self) -> None:
        """Opened again after the check-in was left: go on where it was left (called before the
        step is mounted; a step of one part has nothing to do)."""

    def draft(self) -> Any:
        """What has been answered of this step so far (regions noticed, feelings named, the note
        typed), or None when nothing has: kept when the person skips the rest or leaves."""
        return None

    def typing(self) -> dict[str, Any] | None:
        """What is being typed and not yet added (a word of one's own), or None: kept when the
        app is ended from outside, and offered back by retype() on the next start."""
        return None

    def retype(self, typing: Mapping[str, Any]) -> None:
        """Opened again after the app was ended while `typing` (from typing()) was being typed:
        offer it back (called before the step is mounted; a step with no typing ignores it)."""

    def start_at_end(self) -> None:
        """Reached by going back from the next step: open at this step's last part (called
        before the step is mounted; a step of one part has nothing to do)."""

    def set_keys(self, keys: str) -> None:
        """Change the key help this step shows."""
        self.keys = keys
        self.post_message(self.KeysChanged())


class RatingStep(Step):
    """'How tense do you feel right now?' 0-10; a digit answers at once."""

    keys = f"{RATING_KEYS} · s skip · Esc back · q leave"

    def __init__(
        self, field_name: str, question: str, value: int | None, before: int | None = None
    ) -> None:
        super().__init__(classes="step")
        self.field_name = field_name
        self.question = question
        self.value = value
        self.before = before
        self.title = "Tension before" if field_name == "pre_rating" else "Tension now"

    def compose(self) -> ComposeResult:
        """Question, scale, what the ends mean."""
        yield Static(self.question, classes="question", markup=False)
        yield RatingScale(self.value, self.answer, id="scale")
        yield Static(
            "0 = calm, no tension · 10 = the most tense you can imagine",
            classes="hint",
            markup=False,
        )
        if self.before is not None:
            yield Static(f"Before, you said {self.before}.", classes="hint", markup=False)

    def on_mount(self) -> None:
        """The scale takes the keys."""
        self.query_one(RatingScale).focus()


class BreathingStep(Step):
    """What the breathing step will be, and Enter to begin it (s skips it)."""

    field_name = "breathing"
    title = "Breathing"
    keys = "Enter begins · s skip · Esc back · q leave"

    class Begin(Message):
        """Start the breathing session now."""

    BINDINGS = [Binding("enter", "begin", show=False)]

    def __init__(self, setup: SessionSetup | None, done_text: str = "") -> None:
        super().__init__(classes="step")
        self.setup = setup
        self.done_text = done_text
        self.can_focus = True

    def compose(self) -> ComposeResult:
        """The pattern, its length, the safety copy."""
        if self.setup is None:
            yield Static("No breathing session is set up.", classes="question", markup=False)
            return
        pattern = self.setup.pattern
        length = describe_length(self.setup.make_pacer(0.0))
        yield Static(
            literal(f"A few slow breaths: {pattern.name}, {pattern.timing} s, {length}."),
            classes="question",
        )
        yield Static(
            literal(
                "\n".join(
                    [
                        *safety_lines(pattern),
                        "In the session, Esc ends it and the check-in goes on.",
                    ]
                ),
                keep_lines=True,
            ),
            classes="hint",
        )
        if self.done_text:
            yield Static(literal(f"Done before: {self.done_text}"), classes="hint")

    def on_mount(self) -> None:
        """Enter is ours."""
        self.focus()

    def action_begin(self) -> None:
        """Ask the screen to start the session."""
        if self.setup is not None:
            self.post_message(self.Begin())


class NoteStep(Step):
    """A note for the therapist: what helped, what did not, what to bring up."""

    field_name = "note"
    title = "Note for your therapist"
    # The keys of every step, while typing: ctrl+n skips (s, n and q are letters of the note),
    # ctrl+q leaves, as everywhere (the app's own binding).
    keys = "ctrl+s save · ctrl+n skip · Tab to the buttons · Esc back · ctrl+q leave"
    question = "What helped, what did not, what do you want to bring up?"
    hint = ""
    save_label = "Save note"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("ctrl+n", "skip_note", "Skip", show=False),
    ]

    def __init__(self, value: str) -> None:
        super().__init__(classes="step")
        self.value = value

    def compose(self) -> ComposeResult:
        """Prompt, the text box, Save and Skip."""
        yield Static(self.question, classes="question", markup=False)
        if self.hint:
            yield Static(self.hint, classes="hint", markup=False)
        yield TextArea(self.value, id="note", soft_wrap=True, show_line_numbers=False)
        with Horizontal(id="note-buttons"):
            yield Button(self.save_label, id="save-note", compact=True)
            yield Button("Skip", id="skip-note", compact=True)

    def on_mount(self) -> None:
        """Typing goes into the note at once."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The note as typed so far."""
        return self.query_one(TextArea).text

    def draft(self) -> str | None:
        """The note typed so far, or None when it is blank."""
        return self.text if self.text.strip() else None

    def action_save(self) -> None:
        """Save the note as typed (an empty note is the same as skipping)."""
        self.answer(self.text.strip())

    @on(Button.Pressed, "#save-note")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_skip_note(self) -> None:
        """ctrl+n (or the Skip button): go on without a note."""
        self.answer("")

    @on(Button.Pressed, "#skip-note")
    def _skip(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_skip_note()


class CardStep(Step):
    """The card at the end: ratings and change, breathing, body, feelings, note. c copies it;
    Enter answers (the flow is over)."""

    title = "Summary"
    keys = "c copy the card · f save it to a file · Enter or q close"

    BINDINGS = [
        Binding("c", "copy", show=False),
        Binding("f", "save_file", show=False),
        Binding("enter", "close", show=False),
        Binding("p", "open_plan", show=False),
    ]

    def __init__(self, checkin: CheckIn, crisis_text: str) -> None:
        super().__init__(classes="step")
        self.checkin = checkin
        self.crisis_text = crisis_text
        self.can_focus = True
        self.offers_plan = False
        """Tension is high or has risen and the person has a safety plan: p opens it."""
        if still_tense(checkin):
            from breath_tui.core.locations import plan_path
            from breath_tui.core.plan import plan_offer

            self.offers_plan = bool(plan_offer(plan_path()))
        if self.offers_plan:
            self.keys += " · p your safety plan"

    def compose(self) -> ComposeResult:
        """The card, and the change in tension said plainly."""
        lines = card_lines(self.checkin)
        yield Static(literal(lines[0]), classes="question")
        yield Static(
            literal("\n".join(lines[1:]) or "Nothing was entered.", keep_lines=True), id="card"
        )
        yield Static(
            "Saved in your journal. c sends the card to the clipboard, f saves it to a file.",
            classes="hint",
            markup=False,
        )
        if still_tense(self.checkin):
            # Safety copy, not advice: where help is, when tension is high or has risen.
            # The person's own plan first, when they have one; then the crisis line.
            yield Static(literal(self._where_help_is()), id="still-tense")

    def _where_help_is(self) -> str:
        """The plan (when there is one), then the crisis line; after grounding, grounding
        again, never breathing (it is for people whom the breath makes more anxious)."""
        if self.checkin.kind == "ground":
            from breath_tui.core.grounding import GROUND_AGAIN

            first = (
                "If it is hard right now, p opens your safety plan."
                if self.offers_plan
                else "If it is hard right now:"
            )
            return f"{first} {self.crisis_text} {GROUND_AGAIN}"
        first = (
            "If it is hard right now, p opens your safety plan; quick calm is n on home."
            if self.offers_plan
            else "If it is hard right now, quick calm is one key away on home (n)."
        )
        return f"{first} {self.crisis_text}"

    def on_mount(self) -> None:
        """Keys are ours."""
        self.focus()

    def action_copy(self) -> None:
        """Send the card to the clipboard (OSC 52: works over ssh, if the terminal allows it)."""
        self.breath_app.send_to_clipboard(card_text(self.checkin))

    def action_save_file(self) -> None:
        """Save the card to a file in the data folder (for a terminal that ignores OSC 52)."""
        self.breath_app.save_to_file(card_text(self.checkin), "card")

    def action_close(self) -> None:
        """The check-in is saved: the step is answered, and the flow ends."""
        self.answer(None)

    def action_open_plan(self) -> None:
        """p, when offered: the person's safety plan, over the card (Esc comes back here)."""
        if self.offers_plan:
            cast("BreathApp", self.app).open_flow("plan")


def still_tense(checkin: CheckIn) -> bool:
    """Tension after is high (8 or more), or higher than before."""
    return tension_still_high(checkin.pre_rating, checkin.post_rating)
