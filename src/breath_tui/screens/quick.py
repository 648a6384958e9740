"""Quick calm (`breath-tui now`): guidance at once, then one optional key for "how tense now".

Nothing is asked before the breathing starts. Afterwards a digit (t for 10) keeps the rating;
Enter or Esc skips it. Either way the session is kept in the journal as a quick entry.
Breathing not helping? g stops it (what was breathed is kept) and opens grounding instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Static

from breath_tui.core.safety import still_tense
from breath_tui.screens.base import BreathModal, Outcome
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from datetime import datetime

    from breath_tui.core.checkin import Breathing
    from breath_tui.core.clock import Clock
    from breath_tui.core.pacer import PacerState
    from breath_tui.session_setup import SessionSetup

NOTICE_SECONDS = 20.0
"""How long a notice keeps its rows in a small window: read at leisure, twice over, before the
crisis line comes back."""


class QuickRatingScreen(BreathModal[int | None]):
    """'How tense do you feel now?' One key answers; Enter or Esc skips."""

    CSS_PATH = ["questions.tcss", "quick.tcss"]

    # It fits itself to a small window (a tmux pop-up): all of 0-10 shows at 30x8.
    COVERED_WHEN_TOO_SMALL = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (40, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (8, "-low"), (12, "-high")]

    BINDINGS = [Binding("escape,q", "skip", "Skip")]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        """The summary of the breathing, the question, the scale."""
        # Imported here: the rating widget is not needed to start breathing.
        from breath_tui.widgets.rating import RatingScale

        with Vertical(id="quick-rating"):
            yield Static(literal(self.summary), id="quick-summary")
            yield Static("How tense do you feel now?", classes="question", markup=False)
            yield RatingScale(None, self.dismiss, id="scale")
            yield Static(
                "0-9 answers (t for 10), or ←/→ then Enter · Esc skips\n"
                "0 = calm · 10 = the most tense you can imagine",
                classes="hint",
                markup=False,
            )
        yield Static("0-9 answer · t 10 · enter or esc skip", id="keys", markup=False)

    def on_mount(self) -> None:
        """The scale takes the keys; Enter with nothing marked skips."""
        self.query_one("#scale").focus()

    def on_key(self, event: Key) -> None:
        """Enter with no number marked skips the question."""
        from breath_tui.widgets.rating import RatingScale

        if event.key == "enter" and self.query_one(RatingScale).marked is None:
            event.stop()
            self.dismiss(None)

    def action_skip(self) -> None:
        """No rating this time."""
        self.dismiss(None)


class QuickCalmScreen(BreathingScreen):
    """The breathing of a quick calm; at its end, the optional rating, and the entry kept.
    g instead: the entry kept as it is, then grounding, whose ending ends quick calm too."""

    key_help = "esc stop · space pause · +/- pace · m mute · 0-9 tension · g try grounding"

    # A tmux pop-up may be small: quick calm fits itself to any window from 20x6 up (no
    # "make the window larger" line). Below 40x12 (compact) only the word, the countdown and
    # the progress stay, with the crisis line from 8 rows; the guide and the safety copy come
    # back in a narrow window tall enough for them, and from 20 rows the crisis line is there
    # at any width. A notice (a broken config.toml, a tempo refused) is given room for
    # NOTICE_SECONDS where room is short, then gives it back (quick.tcss).
    SAYS_WHEN_TOO_SMALL = False
    CSS_PATH = ["breathe.tcss", "quick.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (40, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (8, "-small"), (12, "-short"), (20, "-tall")]

    BINDINGS = [
        Binding("g", "ground", "Grounding", show=False),
        *(Binding(str(d), f"before({d})", show=False) for d in range(10)),
        Binding("t", "before(10)", show=False),
        Binding("enter", "no_rating", show=False),
    ]

    def __init__(
        self, setup: SessionSetup, clock: Clock, reduced_motion: bool, notice: str | None = None
    ) -> None:
        from breath_tui.core.when import local_now

        super().__init__(setup, clock, reduced_motion, show_summary=False)
        self.started_at: datetime = local_now()
        self.grounding_next = False
        self.kept = Outcome()
        self.first_notice = notice or self.first_notice
        self.before: int | None = None
        """How tense the person said they were as it began (one key, while breathing)."""
        self.asking = True
        self._notice_seen = ""
        self._notice_until: float | None = None

    def _render_state(self, state: PacerState) -> None:
        super()._render_state(state)
        self._give_the_notice_room()

    def _give_the_notice_room(self) -> None:
        """A new notice takes the crisis line's rows (or the title's and the guide's) in a
        small window for NOTICE_SECONDS, long enough to read, then gives them back; from 20
        rows it stays, beside everything else."""
        text, now = self._line("notice"), self.clock.now()
        if text != self._notice_seen:
            self._notice_seen = text
            self._notice_until = now + NOTICE_SECONDS if text else None
        noticing = self._notice_until is not None and now < self._notice_until
        self.set_class(noticing, "-noticing")
        self.set_class(bool(text) and not noticing, "-noticed")

    def on_mount(self) -> None:
        """Breathing starts at once; the question about tension stays out of its way."""
        super().on_mount()
        self._set_text("prompt", "How tense are you, 0-9 (t for 10)? Or just breathe.")
        # Shown in a compact window only (quick.tcss), where the safety copy gives way.
        crisis = Static(literal(self.breath_app.config.safety.crisis_text), id="quick-crisis")
        self.query_one("#session").mount(crisis)

    def action_before(self, rating: int) -> None:
        """A digit while breathing: how tense the person is as quick calm begins (kept)."""
        if self.asking:
            self.before, self.asking = rating, False
            self._set_text("prompt", f"Tension before: {rating}/10.")

    def action_no_rating(self) -> None:
        """Enter: no rating before; the question goes."""
        self.asking = False
        self._set_text("prompt", "")

    def action_ground(self) -> None:
        """g: breathing not helping? Stop it and try grounding instead."""
        self.grounding_next = True
        self.action_stop()

    def session_ended(self, line: str) -> None:
        """Ask how tense (not when grounding comes next: it asks), then keep the entry."""
        breathing = self.breathed()
        if self.grounding_next:
            self._keep(breathing, None)
            return
        self.app.push_screen(QuickRatingScreen(line), lambda rating: self._keep(breathing, rating))

    def _done(self, outcome: Outcome) -> None:
        if not self.grounding_next:
            self.finish(outcome)
            return
        self.kept = outcome
        self.breath_app.open_flow("ground")

    def flow_returned(self, outcome: Outcome) -> None:
        """Grounding has ended: quick calm ends with it, saying how grounding ended. (Another
        flow, opened from the palette, is only said.)"""
        if not self.grounding_next:
            super().flow_returned(outcome)
            return
        self.finish(Outcome(outcome.line or self.kept.line, self.kept.breathing))

    def _keep(self, breathing: Breathing | None, rating: int | None) -> None:
        """Save the quick entry (if any breathing happened) and end the flow."""
        from breath_tui.core.card import ratings_text
        from breath_tui.core.checkin import CheckIn
        from breath_tui.core.when import local_now

        self.setup.close()
        # Nothing breathed and nothing rated (stopped at once): there is nothing to keep.
        if breathing is None or (breathing.cycles == 0 and rating is None and self.before is None):
            self._done(Outcome("Nothing kept: quick calm stopped before a whole breath."))
            return
        started = self.started_at
        entry = (
            CheckIn.new("quick", now=lambda: started)
            .updated(
                breathing=breathing,
                pre_rating=self.before,
                post_rating=rating,
                heart=self.heart_figures(),
            )
            .finished(local_now())
        )
        ratings = ratings_text(entry)  # "7 before, 3 after (4 lower)": brackets of its own
        kept = f": tension {ratings}" if ratings else ", with no rating"
        line = f"Kept as a quick entry in your journal{kept}."
        if still_tense(self.before, rating):
            # Safety copy, not advice: where help is, when tension is still high; the
            # person's own safety plan first, when they have one.
            from breath_tui.core.locations import plan_path
            from breath_tui.core.plan import plan_offer

            offer = plan_offer(plan_path())
            line += f" {offer} " if offer else " "
            line += self.breath_app.config.safety.crisis_text
        self.journal_work(
            lambda journal: journal.add(entry),
            lambda _added: self._done(Outcome(line, breathing)),
            lambda error: self._done(Outcome(f"Not saved: {error}", breathing)),
        )
