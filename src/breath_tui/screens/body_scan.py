"""The body scan step: one region at a time, a prompt, a body map, sensations and how strong.

Per region: ↑/↓ and space pick sensations (several may be picked), w types a word of one's own,
and a digit (t for 10) says how strong it is and goes on to the next region; n passes a region
without rating it. Esc goes back a region (and, at the first, back a step). A word being typed
when the app is ended from outside is kept with the region and what was ticked there, and
offered back in its box when the scan resumes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from breath_tui.core.body_map import body_map_lines
from breath_tui.core.checkin import BodyEntry
from breath_tui.core.vocab import SENSATIONS, WordError, clean_word, region_prompt
from breath_tui.screens.steps import Step
from breath_tui.widgets.checklist import CheckList
from breath_tui.widgets.literal import literal
from breath_tui.widgets.word_input import WordInput, put_back

# The figure is as wide as its widest line over the whole scan (so the panel beside it never
# moves), but no wider than this: a long region name from config is cut, not wrapped.
MAP_MAX_WIDTH = 30
BODY_KEYS = "space tick · w own word · 0-9 strength · n pass · s skip · Esc back · q leave"
TYPING_KEYS = "Enter adds the word · Esc stops typing · ctrl+q leave"
RETYPED = "The word you were typing is back: Enter adds it, Esc drops it."


class BodyStep(Step):
    """The body scan: each region in turn, then answers with the rated regions."""

    field_name = "body"
    title = "Body scan"
    keys = BODY_KEYS

    BINDINGS = [
        *(Binding(str(d), f"rate({d})", show=False) for d in range(10)),
        Binding("t", "rate(10)", show=False),
        Binding("n", "pass_region", show=False),
        Binding("w", "own_word", show=False),
    ]

    def __init__(self, regions: list[str] | tuple[str, ...], value: tuple[BodyEntry, ...]) -> None:
        super().__init__(classes="step")
        self.regions = list(regions)
        self.entries: dict[str, BodyEntry] = {e.region: e for e in value}
        self.own_words: dict[str, list[str]] = {
            e.region: [s for s in e.sensations if s not in SENSATIONS] for e in value
        }
        self.index = 0
        self._unnamed_asked: int | None = None
        """The strength given with nothing ticked, once asked what it is."""
        self._retyped: tuple[str, str, list[str]] | None = None
        """A word offered back on resuming: its region, the word, what was ticked there."""

    def compose(self) -> ComposeResult:
        """The map beside the prompt, the sensations, the word box."""
        with Horizontal(id="body"):
            yield Static(id="body-map", markup=False)
            with Vertical(id="body-side"):
                yield Static(id="region-prompt", classes="question", markup=False)
                yield Static(id="region-count", classes="hint", markup=False)
                yield CheckList(id="sensations")
                yield WordInput(placeholder="w: a word of your own", id="own-word", compact=True)
                yield Static(id="strength", classes="hint", markup=False)

    def start_at_end(self) -> None:
        """Back from the next step: open at the last region, the one just left."""
        self.index = len(self.regions) - 1

    def resume(self) -> None:
        """Left in the middle: open at the region after the last one answered."""
        answered = [index for index, region in enumerate(self.regions) if region in self.entries]
        if answered:
            self.index = min(answered[-1] + 1, len(self.regions) - 1)

    def on_mount(self) -> None:
        """Fix the figure's width for the scan, then show the first region (the last, when
        reached by going back)."""
        widest = max(len(line) for region in self.regions for line in body_map_lines(region))
        self.query_one("#body-map", Static).styles.width = min(widest, MAP_MAX_WIDTH)
        self._show_region()

    @property
    def current_region(self) -> str:
        """The region being noticed."""
        return self.regions[self.index]

    def _show_region(self) -> None:
        self._unnamed_asked = None
        region = self.current_region
        entry = self.entries.get(region)
        chosen = set(entry.sensations) if entry else set()
        self.query_one("#body-map", Static).update(
            literal("\n".join(body_map_lines(region)), keep_lines=True)
        )
        self.query_one("#region-prompt", Static).update(literal(region_prompt(region)))
        self.query_one("#region-count", Static).update(
            literal(f"Region {self.index + 1} of {len(self.regions)}: {region}")
        )
        sensations = self.query_one(CheckList)
        sensations.set_words([*SENSATIONS, *self.own_words.get(region, [])], chosen)
        strength = "How strong? 0-9 says it and goes on (t for 10)"
        if entry:
            strength += f"; it was {entry.intensity}"
        self.query_one("#strength", Static).update(strength)
        retyped = self._retyped
        if retyped is not None and retyped[0] == region:
            self._retyped = None
            _, word, ticked = retyped
            sensations.set_words(list(sensations.words), {*chosen, *ticked})
            put_back(self.query_one(WordInput), word)  # _add_word selects on focus again
            self.query_one("#strength", Static).update(RETYPED)
            self.action_own_word()
            return
        sensations.focus()

    def typing(self) -> dict[str, Any] | None:
        """The word being typed in this region's box (with what is ticked there), or None."""
        if not self.is_mounted:
            return None
        word = self.query_one(WordInput).value
        if not word.strip():
            return None
        return {"region": self.current_region, "word": word, "ticked": self._picked()}

    def retype(self, typing: Mapping[str, Any]) -> None:
        """Resume at the region where a word was being typed, the word back in its box."""
        region, word = typing.get("region"), typing.get("word")
        if region not in self.regions or not isinstance(word, str):
            return
        self.index = self.regions.index(region)
        ticked = typing.get("ticked")
        words = [w for w in ticked if isinstance(w, str)] if isinstance(ticked, list) else []
        own = self.own_words.setdefault(region, [])
        own += [w for w in words if w not in SENSATIONS and w not in own]
        self._retyped = (region, word, words)

    def _picked(self) -> list[str]:
        """Picked sensations in list order (ours first, then the person's own)."""
        return self.query_one(CheckList).selected

    def action_rate(self, intensity: int) -> None:
        """Record this region with its picked sensations at this strength, and go on.

        With nothing picked, first ask what it is; the same strength again keeps it unnamed.
        """
        picked = tuple(self._picked())
        if not picked and self._unnamed_asked != intensity:
            self._unnamed_asked = intensity
            self.query_one("#strength", Static).update(
                f"Nothing ticked: what is it? space ticks, w types a word; {_key(intensity)} "
                "again keeps it unnamed"
            )
            return
        self.entries[self.current_region] = BodyEntry(self.current_region, picked, intensity)
        self._next()

    def action_pass_region(self) -> None:
        """Go on without recording this region."""
        self.entries.pop(self.current_region, None)
        self._next()

    def _next(self) -> None:
        if self.index + 1 < len(self.regions):
            self.progressed(self.value)
            self.index += 1
            self._show_region()
            return
        self.answer(self.value)

    @property
    def value(self) -> tuple[BodyEntry, ...]:
        """The regions recorded so far, in the scan's order."""
        return tuple(self.entries[r] for r in self.regions if r in self.entries)

    def draft(self) -> tuple[BodyEntry, ...] | None:
        """The regions noticed so far; None when none."""
        return self.value or None

    def go_back(self) -> bool:
        """Back a region; False at the first one."""
        if self.index == 0:
            return False
        self.index -= 1
        self._show_region()
        return True

    def action_own_word(self) -> None:
        """Type a sensation of one's own."""
        self.query_one(WordInput).focus()
        self.set_keys(TYPING_KEYS)

    @on(Input.Submitted, "#own-word")
    def _add_word(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(WordInput)
        box.select_on_focus = True
        sensations = self.query_one(CheckList)
        if event.value.strip():
            try:
                word = clean_word(event.value)
            except WordError as error:
                self.notify(str(error), severity="warning")
                return
            if word not in sensations.words:
                self.own_words.setdefault(self.current_region, []).append(word)
            sensations.add_word(word)
        box.value = ""
        sensations.focus()
        self.set_keys(BODY_KEYS)


def _key(intensity: int) -> str:
    return "t" if intensity == 10 else str(intensity)
