"""Home: one key for each flow of the registry, the crisis line, an unfinished check-in, and on a
day with a check-in and no feedback yet, a quiet offer to give one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from breath_tui.core.safety import NO_MEDICAL_ADVICE
from breath_tui.flows import FLOWS, FlowOptions
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from breath_tui.core.checkin import CheckIn
    from breath_tui.journal import Journal

QUIT = ("q", "quit", "Quit")


class HomeScreen(BreathScreen[None]):
    """The first screen of `breath-tui`: choose by key, or by arrows and Enter."""

    CSS_PATH = "home.tcss"
    IS_HOME = True
    # A low window keeps the choices, how the last flow ended, what is unfinished and the
    # crisis line; the feedback offer and the advice line wait for more rows (home.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-low"), (16, "-high")]

    BINDINGS = [
        *(Binding(flow.key, f"choose('{flow.name}')", flow.title, show=False) for flow in FLOWS),
        Binding("q", "choose('quit')", "Quit", show=False),
        Binding("r", "resume", "Resume", show=False),
    ]

    unfinished: CheckIn | None = None
    """The newest check-in left unfinished, once looked for (after the first frame)."""
    _said_unfinished = False
    """The last flow's line (on the status line) already says it was left unfinished and how
    to resume: the unfinished line stays empty, so home says it once."""

    def compose(self) -> ComposeResult:
        """Title, the choices, the crisis line (the unfinished line is added after the first frame)."""
        config = self.breath_app.config
        choices = [(flow.key, flow.name, flow.title, flow.detail) for flow in FLOWS]
        self._prompts = {
            name: f"{key}  {title}" + (f" ({detail(config)})" if detail else "")
            for key, name, title, detail in [*choices, (*QUIT, None)]
        }
        self._highlighted = FLOWS[0].name  # the option list starts on the first choice
        with Vertical(id="home"):
            options = [
                Option(literal(_marked(prompt, name == self._highlighted)), id=name)
                for name, prompt in self._prompts.items()
            ]
            listed = OptionList(*options, id="home-choices", markup=False)
            listed.border_title = "breath-tui"
            yield listed
        # Docked at the bottom, so they stay in sight at any window size (the choices scroll
        # instead): how the last flow ended, what is unfinished, and the crisis line.
        with Vertical(id="home-footer"):
            yield Static("", id="home-status", classes="-empty", markup=False)
            yield Static("", id="home-unfinished", classes="-empty", markup=False)
            yield Static("", id="home-offer", classes="-empty", markup=False)
            yield Static(literal(config.safety.crisis_text), id="crisis")
            yield Static(NO_MEDICAL_ADVICE, id="no-advice", markup=False)

    def on_mount(self) -> None:
        """Arrows move through the choices at once."""
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        """Back from a flow: what is unfinished may have changed. (Home is also resumed when
        it is first shown: the journal is still looked at only after the first frame.)"""
        self.call_after_refresh(self._look_for_unfinished)

    def _look_for_unfinished(self) -> None:
        def look(journal: Journal) -> tuple[CheckIn | None, bool]:
            from breath_tui.core.feedback import feedback_due
            from breath_tui.core.when import local_now

            return journal.unfinished(), feedback_due(journal.count, local_now())

        self.journal_work(look, self._found, self._journal_failed)

    def _found(self, found: tuple[CheckIn | None, bool]) -> None:
        """What the journal holds for home: an unfinished entry to resume, and whether a
        feedback is due (a quiet line, once: it goes when one is given)."""
        from breath_tui.core.card import KIND_NAMES
        from breath_tui.core.feedback import OFFER_LINE
        from breath_tui.core.when import day_and_time

        unfinished, feedback_due = found
        self.unfinished = unfinished
        line = ""
        if unfinished is not None and not self._said_unfinished:
            line = (
                f"r resumes the unfinished {KIND_NAMES[unfinished.kind]} of "
                f"{day_and_time(unfinished.started_at)}."
            )
        self._say("home-unfinished", line)
        self._say("home-offer", OFFER_LINE if feedback_due else "")

    def _journal_failed(self, error: Exception) -> None:
        self._say("home-unfinished", f"The journal cannot be opened: {error}")

    def _say(self, line_id: str, text: str) -> None:
        """Put `text` (shown literally) on a line of the footer; an empty line takes no row."""
        line = self.query_one(f"#{line_id}", Static)
        line.update(literal(text))
        line.set_class(not text, "-empty")

    def show_status(self, text: str) -> None:
        """How the last flow ended, on a line of its own (it stays until the next one)."""
        self._say("home-status", text)

    def flow_returned(self, outcome: Outcome) -> None:
        """A flow has ended: its line goes on the status line, where it covers nothing; new
        settings redraw home (labels, pattern names and the crisis line follow them)."""
        self._said_unfinished = outcome.left_unfinished
        if outcome.left_unfinished:  # (the journal may have been looked at already)
            self._say("home-unfinished", "")
        if outcome.settings_changed:
            self.refresh(recompose=True)
            self.call_after_refresh(self._after_recompose)
        self.call_after_refresh(self.show_status, outcome.line)

    def _after_recompose(self) -> None:
        """The new choices take the arrows, as on first opening; the journal is looked at again."""
        self.query_one(OptionList).focus()
        self._look_for_unfinished()

    @on(OptionList.OptionHighlighted)
    def _mark(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted choice has a ▸ before it: seen without colour (NO_COLOR too)."""
        new = event.option.id
        if new is None or new == self._highlighted:
            return
        choices = event.option_list
        choices.replace_option_prompt(
            self._highlighted, literal(_marked(self._prompts[self._highlighted], False))
        )
        choices.replace_option_prompt(new, literal(_marked(self._prompts[new], True)))
        self._highlighted = new

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_choose(event.option.id)

    def action_choose(self, name: str) -> None:
        """Open the flow chosen (or quit)."""
        if name == "quit":
            self.app.exit()
        else:
            self.breath_app.open_flow(name)

    def action_resume(self) -> None:
        """r: finish the unfinished check-in (or feedback), where it was left."""
        if self.unfinished is not None:
            flow = "feedback" if self.unfinished.kind == "feedback" else "checkin"
            self.breath_app.open_flow(flow, FlowOptions(resume=self.unfinished.id))


def _marked(prompt: str, highlighted: bool) -> str:
    return f"{'▸' if highlighted else ' '} {prompt}"
