"""The grounding step: 5 things you can see, 4 you can touch, 3 hear, 2 smell, 1 taste.

`breath-tui ground` is a check-in of kind "ground" (tension before, this step, tension now, the
card), so it is saved, left, kept or discarded exactly as a check-in is (screens/checkin.py).
This step asks one thing at a time. Typing is optional: Enter goes on, with or without a word,
and the box is always ready for typing (s and q are letters here; ctrl+s skips the rest and
ctrl+q leaves). Esc goes back a thing, then back a step.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from breath_tui.core.checkin import SENSES, Grounding
from breath_tui.core.grounding import (
    INTRO,
    MAX_THING,
    TYPING_OPTIONAL,
    GroundingWalk,
    sense_prompt,
)
from breath_tui.screens.steps import Step
from breath_tui.widgets.literal import literal


class GroundingStep(Step):
    """The 5-4-3-2-1 senses, one thing at a time; answered with what was named (or None)."""

    field_name = "grounding"
    title = "5-4-3-2-1 senses"
    keys = "Enter next · Esc back · ctrl+s skip the rest · ctrl+q leave"

    BINDINGS = [Binding("ctrl+s", "skip_rest", show=False)]

    # In a short window (the check-in's "short", below 20 rows) the box comes first: the two
    # lines about the exercise go, the senses and what was named stay.
    SCOPED_CSS = False  # the short rule starts at the screen, outside this widget
    DEFAULT_CSS = """
    GroundingStep {
        #ground-senses { margin: 1 0; }
        #ground-sense { text-style: bold; }
        #ground-thing { max-width: 60; }
        #ground-optional { margin-top: 1; }
    }
    CheckInScreen.short GroundingStep {
        #ground-intro, #ground-optional { display: none; }
        #ground-senses { margin: 0; }
    }
    """

    def __init__(self, value: Grounding | None) -> None:
        super().__init__(classes="step")
        self.walk = GroundingWalk.starting_from(value)

    def compose(self) -> ComposeResult:
        """What the exercise is, the senses, the thing asked, the box, what was named."""
        yield Static(INTRO, id="ground-intro", classes="hint", markup=False)
        yield Static(id="ground-senses", markup=False)
        yield Static(id="ground-sense", markup=False)
        yield Static(id="ground-item", markup=False)
        # No placeholder: the box is empty as the person left it, nothing to mistake for typing.
        yield Input(id="ground-thing", max_length=MAX_THING)
        yield Static(id="ground-named", classes="hint")
        yield Static(TYPING_OPTIONAL, id="ground-optional", classes="hint", markup=False)

    def on_mount(self) -> None:
        """The box takes the keys at once."""
        self._show()
        # At once: letters typed as the step appears are its first answer's.
        self.screen.set_focus(self.box)

    def start_at_end(self) -> None:
        """Back from tension now: the last thing (the one taste)."""
        self.walk.to_last()

    @property
    def box(self) -> Input:
        """The box for the thing being asked."""
        return self.query_one("#ground-thing", Input)

    def _show(self) -> None:
        item = self.walk.current
        senses = " · ".join(f"[{s}]" if s == item.sense else s for s in SENSES)
        self.query_one("#ground-senses", Static).update(senses)
        self.query_one("#ground-sense", Static).update(sense_prompt(item.sense).capitalize())
        self.query_one("#ground-item", Static).update(f"{item.label}:")
        others = self.walk.named(item.sense, leaving_out=item)
        self.query_one("#ground-named", Static).update(
            literal(f"So far: {', '.join(others)}") if others else ""
        )
        self.box.value = self.walk.typed()

    def _keep_typed(self) -> None:
        """What is in the box belongs to the thing being asked, without moving on."""
        self.walk.keep(self.box.value)

    @on(Input.Submitted, "#ground-thing")
    def _next(self, event: Input.Submitted) -> None:
        """Enter: keep what was typed (if anything) and ask the next thing, or finish."""
        event.stop()
        self.walk.answer(event.value)
        if self.walk.done:
            self.answer(self.walk.grounding())
            return
        self._show()

    def go_back(self) -> bool:
        """Esc: the thing before (what is in the box is kept); False at the very first."""
        self._keep_typed()
        if not self.walk.back():
            return False
        self._show()
        return True

    def draft(self) -> Grounding | None:
        """What has been named so far (the box too), or None when nothing has."""
        self._keep_typed()
        return self.walk.grounding()

    def action_skip_rest(self) -> None:
        """ctrl+s: the rest is skipped, what was named is kept."""
        self.answer(self.draft())
