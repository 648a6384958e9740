"""The check-in flow, and the scan and grounding flows made of the same steps; the machinery of
steps saved one by one (skip, back, leave, resume) is screens/stepped.py.

`breath-tui checkin`: tension before, breathing, body scan, feelings, note, tension now, card.
`breath-tui scan`: body scan, feelings, note, card.
`breath-tui ground`: tension before, the 5-4-3-2-1 senses (screens/grounding.py), tension now, card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on

from breath_tui.core.card import breathing_text
from breath_tui.core.checkin import CheckIn, Kind
from breath_tui.screens.base import Outcome
from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.dialogs import RESUMABLE
from breath_tui.screens.feelings import FeelingsStep
from breath_tui.screens.grounding import GroundingStep
from breath_tui.screens.stepped import CARD, SteppedScreen
from breath_tui.screens.steps import BreathingStep, CardStep, NoteStep, RatingStep, Step
from breath_tui.session_setup import SessionSetup

if TYPE_CHECKING:
    from breath_tui.core.checkin import Heart
    from breath_tui.journal import Journal

EMPTY: dict[str, Any] = {
    "pre_rating": None,
    "post_rating": None,
    "breathing": None,
    "body": (),
    "feelings": (),
    "note": "",
    "grounding": None,
}
# The header names the flow; "Body scan · ... · Body scan" would say it twice.
FLOW_NAMES = {"checkin": "Check-in", "scan": "Scan", "ground": "Grounding"}


class CheckInScreen(SteppedScreen):
    """One check-in (or scan, or grounding), step by step; each answer a field of the entry.

    Args:
        kind: "checkin", "scan" or "ground" (which steps, in which order).
        setup: the breathing step's session (None for a scan started alone).
        regions: the body scan's regions, in order.
        resume: the id of an unfinished entry to finish at once, where it was left.
        offer_resume: otherwise, if the journal has an unfinished entry, offer to finish,
            keep or discard it first.
    """

    def __init__(
        self,
        kind: Kind,
        setup: SessionSetup | None,
        regions: list[str] | tuple[str, ...],
        *,
        resume: str | None = None,
        offer_resume: bool = True,
    ) -> None:
        super().__init__(kind, resume=resume, offer_resume=offer_resume)
        self.setup = setup
        self.regions = regions
        self.breath_heart: Heart | None = None
        """The breathing step's heart figures ([heart] sensor), saved with the breathing."""

    @property
    def flow_title(self) -> str:  # type: ignore[override]
        """'Check-in', 'Scan' or 'Grounding' (it follows the kind of an entry resumed)."""
        return FLOW_NAMES.get(self.kind, self.kind)

    @property
    def checkin(self) -> CheckIn | None:
        """The entry as saved so far (None before its first answer)."""
        return self.entry

    def make_step(self, name: str) -> Step:
        """The widget of step `name`, holding what was entered or saved of it."""
        if name == CARD:
            assert self.entry is not None
            return CardStep(self.entry, self.breath_app.config.safety.crisis_text)
        value = self.value(name)
        if name in ("pre_rating", "post_rating"):
            if name == "pre_rating":
                return RatingStep(name, "How tense do you feel right now?", value)
            return RatingStep(name, "How tense do you feel now?", value, self.value("pre_rating"))
        if name == "breathing":
            return BreathingStep(self.setup, breathing_text(value))
        if name == "body":
            return BodyStep(self.regions, value)
        if name == "feelings":
            return FeelingsStep(value)
        if name == "note":
            return NoteStep(value)
        assert name == "grounding", name
        return GroundingStep(value)

    def empty(self, name: str) -> Any:
        """A step skipped with nothing answered is saved empty, so resuming moves past it."""
        return EMPTY[name]

    def saved_value(self, entry: CheckIn, name: str) -> Any:
        """The entry's field of the same name."""
        return getattr(entry, name)

    def store_step(self, journal: Journal, entry_id: str, name: str, value: Any) -> CheckIn:
        """Save the field, the step marked done (the breathing with its heart figures)."""
        if name == "breathing" and self.breath_heart is not None:
            return journal.save_step(
                entry_id, "breathing", breathing=value, heart=self.breath_heart
            )
        return journal.save_step(entry_id, **{name: value})

    def store_drafts(self, journal: Journal, entry_id: str, drafts: dict[str, Any]) -> None:
        """Save what was entered of steps not done, the steps not marked done."""
        journal.save_draft(entry_id, **drafts)

    def find_unfinished(self, journal: Journal) -> CheckIn | None:
        """The newest entry of any kind left unfinished (those this flow cannot finish are
        offered to keep or discard)."""
        return journal.unfinished()

    def can_finish(self, entry: CheckIn) -> bool:
        """Check-ins, scans and groundings have steps to go back to."""
        return entry.kind in RESUMABLE

    def on_unmount(self) -> None:
        """Release the breathing step's cue player, if it was opened (closing twice is harmless)."""
        if self.setup is not None:
            self.setup.close()

    @on(BreathingStep.Begin)
    def _begin_breathing(self, event: BreathingStep.Begin) -> None:
        from breath_tui.screens.breathe import BreathingScreen

        event.stop()
        assert self.setup is not None
        app = self.breath_app
        self.app.push_screen(
            BreathingScreen(
                self.setup, app.clock, app.reduced_motion, show_summary=False, step=self._where()
            ),
            self._breathed,
        )

    def _where(self) -> str:
        """'Check-in · step 2 of 6': where the breathing screen stands in the flow."""
        return f"{self.flow_title} · step {self.index + 1} of {len(self.steps) - 1}"

    def _breathed(self, outcome: Outcome | None) -> None:
        """The session ended (done, or Esc): record what was breathed and go on."""
        if outcome is None:
            return
        self.breath_heart = outcome.heart

        def advance() -> None:
            self.notify(outcome.line, timeout=4)
            self.advance()

        self.save("breathing", outcome.breathing, advance)
