"""The person's safety plan, full screen: every step and its items, to read and to edit.

`breath-tui plan`, p on home, and Settings open it. ↑/↓ move through the steps and their items;
a adds an item to the step the cursor is in, Enter changes the item under the cursor (on a
step's title it adds), d removes one (after asking). Every change is written to plan.toml at
once (plan_store), the rest of the file as the person wrote it. An item being written when the
app is ended from outside is kept as a draft beside plan.toml and offered back in the editor
on the next start. A plan file that cannot be read
is said on screen and left untouched: it is the person's to fix in an editor.

The items are the person's words: they reach the screen through widgets/literal.py, never as
markup, control characters shown as escapes.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static

from breath_tui.core.plan import (
    MAX_PLAN_ITEM,
    MAX_PLAN_ITEMS,
    PLAN_STEPS,
    STEP_NAMED,
    PlanError,
    SafetyPlan,
    item_problem,
    load_plan,
)
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.screens.dialogs import Dialog
from breath_tui.widgets.checklist import PointerList
from breath_tui.widgets.literal import literal
from breath_tui.widgets.word_input import put_back

INTRO = "Your own plan, best written with your therapist. Changes are saved at once."
KEYS = "↑/↓ move · a add · Enter change · d remove · Esc back"
EDIT_KEYS = "Enter saves · Esc leaves it as it was"
RETYPED = "The item you were writing is back: Enter saves it, Esc drops it."

Row = tuple[str, int | None]
"""What a line of the list is: a step's key, and which of its items (None: its title, or the
line saying it has none)."""


class PlanScreen(BreathScreen[Outcome]):
    """The safety plan at `path`, shown and edited; the crisis line stays at the foot.

    Args:
        path: plan.toml (core.locations.plan_path).
        crisis_text: the crisis line from the settings.
    """

    CSS_PATH = ["checkin.tcss", "plan.tcss"]

    # Below 20 rows the intro and the step's hint give their room to the list.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS = [
        Binding("a", "add", show=False),
        Binding("e", "change", show=False),
        Binding("d,delete", "remove", show=False),
        Binding("escape,q", "close", show=False),
    ]

    def __init__(self, path: Path, crisis_text: str) -> None:
        super().__init__()
        self.path = path
        self.crisis_text = crisis_text
        self.problem = ""
        try:
            self.plan: SafetyPlan | None = load_plan(path) or SafetyPlan()
        except PlanError as error:
            self.plan, self.problem = None, str(error)
        self.rows: list[Row] = []
        self.editing: tuple[str, int | None] | None = None
        """The item being written: its step, and which item (None: a new one)."""
        self.changed = False

    def compose(self) -> ComposeResult:
        """Title, what the plan is, the steps and items, the editor, the crisis line, the keys."""
        yield Static("Your safety plan", id="plan-title", markup=False)
        with Vertical(id="plan-body"):
            yield Static(INTRO, id="plan-intro", classes="hint", markup=False)
            yield Static(id="plan-error")
            yield PointerList(id="plan-list", on_choose=self._chosen)
            yield Static(id="plan-hint", classes="hint", markup=False)
            with Horizontal(id="plan-edit"):
                yield Static(id="plan-edit-label", markup=False)
                yield Input(id="plan-item", max_length=MAX_PLAN_ITEM)
        yield Static(literal(self.crisis_text), id="plan-crisis")
        yield Static(KEYS, id="keys", markup=False)

    def on_mount(self) -> None:
        """The list takes the keys (a plan that cannot be read shows only what is wrong)."""
        self.set_class(self.plan is None, "unreadable")
        self._say(self.problem)
        if self.plan is None:
            self.query_one("#keys", Static).update("Esc back · fix plan.toml in an editor")
            return
        self._fill()
        if not self._offer_draft():
            self.query_one(PointerList).focus()

    def _offer_draft(self) -> bool:
        """An item being written when the app was last ended from outside: back in the editor
        (True), or nothing to offer (False)."""
        from breath_tui.plan_store import take_plan_draft

        assert self.plan is not None
        try:
            draft = take_plan_draft(self.path)
        except OSError:
            return False
        if draft is None:
            return False
        index = draft.item
        if index is not None and index >= len(self.plan.items(draft.key)):
            index = None  # that item is gone meanwhile: the text is offered as a new one
        if index is None and len(self.plan.items(draft.key)) >= MAX_PLAN_ITEMS:
            return False
        self._edit(draft.key, index)
        # Not selected to be typed over, as an item opened to change it is; _stop_editing
        # selects on focus again.
        put_back(self.query_one("#plan-item", Input), draft.text)
        self._say(RETYPED)
        return True

    def save_draft(self) -> None:
        """Ended from outside while an item is being written: keep it as a draft beside
        plan.toml (never in the plan itself), to offer back on the next start."""
        from breath_tui.plan_store import PlanDraft, save_plan_draft

        if self.editing is None:
            return
        text = self.query_one("#plan-item", Input).value
        if not text.strip():
            return
        key, index = self.editing
        try:
            save_plan_draft(self.path, PlanDraft(key, index, text))
        except OSError:
            return  # ending anyway: nothing more can be done, and nothing may be shown

    @property
    def _list(self) -> PointerList:
        return self.query_one("#plan-list", PointerList)

    def _fill(self, key: str | None = None, index: int | None = None) -> None:
        """Show the plan, the cursor on step `key`'s item `index` (or its title)."""
        assert self.plan is not None
        rows: list[Row] = []
        labels: list[tuple[str, str]] = []
        for number, step in enumerate(PLAN_STEPS, start=1):
            rows.append((step.key, None))
            labels.append((f"step-{step.key}", f"{number}. {step.title}"))
            items = self.plan.items(step.key)
            for position, item in enumerate(items):
                rows.append((step.key, position))
                labels.append((f"item-{step.key}-{position}", f"    - {item}"))
            if not items:
                rows.append((step.key, None))
                labels.append((f"none-{step.key}", "    (nothing yet; a adds one)"))
        self.rows = rows
        at = next((number for number, row in enumerate(rows) if row == (key, index)), 0)
        self._list.set_items(labels, highlighted=at)
        self._show_hint()

    @property
    def _row(self) -> Row | None:
        highlighted = self._list.highlighted
        return self.rows[highlighted] if highlighted is not None and self.rows else None

    def _show_hint(self) -> None:
        row = self._row
        hint = STEP_NAMED[row[0]].hint if row is not None else ""
        self.query_one("#plan-hint", Static).update(hint)

    @on(OptionList.OptionHighlighted, "#plan-list")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_hint()

    def _chosen(self, index: int) -> None:
        """Enter: change the item under the cursor; on a step's title, add to that step."""
        key, item = self.rows[index]
        self._edit(key, item)

    def action_add(self) -> None:
        """a: a new item at the end of the step the cursor is in."""
        if self.editing is None and self._row is not None:
            self._edit(self._row[0], None)

    def action_change(self) -> None:
        """e: change the item under the cursor."""
        if self.editing is None and self._row is not None:
            self._edit(*self._row)

    def _edit(self, key: str, index: int | None) -> None:
        assert self.plan is not None
        items = self.plan.items(key)
        if index is None and len(items) >= MAX_PLAN_ITEMS:
            self._say(f"{STEP_NAMED[key].title} has {MAX_PLAN_ITEMS} items, the most it holds.")
            return
        self.editing = (key, index)
        what = "Change" if index is not None else f"Add to {STEP_NAMED[key].title}"
        self.query_one("#plan-edit-label", Static).update(f"{what}:")
        box = self.query_one("#plan-item", Input)
        box.value = items[index] if index is not None else ""
        self.query_one("#plan-edit").display = True  # at once, so the box can take focus
        self.query_one("#keys", Static).update(EDIT_KEYS)
        # At once, not after the keys already typed: they are the item's first letters.
        self.set_focus(box)

    def _stop_editing(self) -> None:
        self.editing = None
        self._say("")
        self.query_one("#plan-item", Input).select_on_focus = True
        self.query_one("#plan-edit").display = False
        self.query_one("#keys", Static).update(KEYS)
        self.set_focus(self._list)

    @on(Input.Submitted, "#plan-item")
    def _write(self, event: Input.Submitted) -> None:
        """Enter in the editor: save the item (an empty one changes nothing)."""
        event.stop()
        if self.editing is None or self.plan is None:
            return
        key, index = self.editing
        text = event.value.strip()
        if not text:
            self._stop_editing()
            return
        problem = item_problem(text)
        if problem:
            self._say(f"Not saved: the item {problem}.")
            return
        items = list(self.plan.items(key))
        if index is None:
            items.append(text)
            index = len(items) - 1
        else:
            items[index] = text
        if self._save(key, items):
            self._stop_editing()
            self._fill(key, index)

    def _save(self, key: str, items: list[str]) -> bool:
        """Write one step; on a problem say what, keep the screen as it is, and return False."""
        from breath_tui.plan_store import save_plan_step

        try:
            self.plan = save_plan_step(self.path, key, items)
        except PlanError as error:
            self._say(f"Not saved: {error}")
            return False
        except OSError as error:
            self._say(f"Not saved: {self.path}: {error.strerror or error}")
            return False
        self.changed = True
        self._say("")
        return True

    def _say(self, text: str) -> None:
        line = self.query_one("#plan-error", Static)
        line.update(literal(text))
        line.display = bool(text)

    def action_remove(self) -> None:
        """d: remove the item under the cursor, once the person says so."""
        row = self._row
        if self.editing is not None or self.plan is None or row is None:
            return
        key, index = row
        if index is None:  # a step's title, or its "nothing yet"
            return
        item = self.plan.items(key)[index]

        def answered(remove: str | None) -> None:
            if remove and self.plan is not None:
                items = list(self.plan.items(key))
                del items[index]
                if self._save(key, items):
                    self._fill(key, min(index, len(items) - 1) if items else None)

        self.app.push_screen(RemoveItemScreen(STEP_NAMED[key].title, item), answered)

    def action_close(self) -> None:
        """Esc: stop writing an item (it stays as it was), else back."""
        if self.editing is not None:
            self._stop_editing()
            return
        self.finish(Outcome(f"Your safety plan is saved in {self.path}." if self.changed else ""))


class RemoveItemScreen(Dialog):
    """'Remove this item?' (its step and words below) y removes it, n or Esc keeps it."""

    CSS_PATH = ["checkin.tcss", "plan.tcss"]

    BINDINGS = [
        Binding("y", "choose('remove')", show=False),
        Binding("n,escape", "choose(None)", show=False),
    ]

    def __init__(self, step_title: str, item: str) -> None:
        super().__init__()
        self.step_title = step_title
        self.item = item

    def compose(self) -> ComposeResult:
        """The question, the item as written, two buttons."""
        with Vertical(id="remove-item", classes="dialog"):
            yield Static("Remove this item?", classes="question", markup=False)
            yield Static(literal(f"{self.step_title}: {self.item}"))
            with Horizontal(classes="buttons"):
                yield Button("y Remove it", id="remove", compact=True)
                yield Button("n or Esc Keep it", id="keep", compact=True)

    def on_mount(self) -> None:
        """Keep has the focus: Enter alone never removes a line of the plan."""
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose("remove" if event.button.id == "remove" else None)

    def action_choose(self, choice: str | None) -> None:
        """Answer: "remove", or None to keep the item."""
        self.dismiss(choice)
