"""Lists that show where the cursor is and what is picked in the text itself, never by colour
alone: the highlighted line starts with ">", a ticked word reads "[x]" and an unticked one "[ ]"
(SelectionList marks both with the same glyph in different colours).

Labels are the person's own words as well as ours, so every prompt is plain text (Content),
never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from breath_tui.widgets.literal import literal

POINTER = ">"


class PointerList(OptionList):
    """An OptionList whose highlighted line is marked with ">" as well as colour.

    Use set_items(); each item is (id, label). Enter calls on_choose(index) at once (a direct
    call, not a message, so a key typed right after Enter meets what Enter opened).
    """

    DEFAULT_CSS = """
    PointerList { height: auto; max-height: 14; }
    """

    def __init__(
        self, *, on_choose: Callable[[int], None] | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id, markup=False)
        self.items: list[tuple[str, str]] = []
        self.on_choose = on_choose
        self._pointed: int | None = None

    def action_select(self) -> None:
        """Choose the highlighted item."""
        if self.highlighted is not None and self.on_choose is not None:
            self.on_choose(self.highlighted)

    def set_items(self, items: Sequence[tuple[str, str]], highlighted: int = 0) -> None:
        """Show these (id, label) items, with `highlighted` marked."""
        self.items = list(items)
        self._pointed = None
        self.clear_options()
        self.add_options([Option(self._prompt(i), id=key) for i, (key, _) in enumerate(items)])
        self.highlighted = min(highlighted, len(items) - 1) if items else None
        self._point()

    def label(self, index: int) -> str:
        """The label shown for the item at `index` (without the pointer)."""
        return self.items[index][1]

    def _prompt(self, index: int) -> Content:
        mark = POINTER if index == self.highlighted else " "
        return literal(f"{mark} {self.label(index)}")

    def refresh_item(self, index: int) -> None:
        """Redraw one item's prompt (after its label changed)."""
        self.replace_option_prompt_at_index(index, self._prompt(index))

    def _point(self) -> None:
        previous, self._pointed = self._pointed, self.highlighted
        for index in {previous, self.highlighted}:
            if index is not None and index < len(self.items):
                self.refresh_item(index)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the pointer with the highlight."""
        super().watch_highlighted(highlighted)
        if self.items:
            self._point()


class CheckList(PointerList):
    """Words to tick: ↑/↓ move, space or Enter ticks or unticks the highlighted word."""

    BINDINGS = [Binding("space", "select", "Tick", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, on_choose=self.toggle)
        self.ticked: set[str] = set()

    @property
    def words(self) -> list[str]:
        """Every word listed, in order."""
        return [key for key, _ in self.items]

    def set_words(self, words: list[str], ticked: set[str]) -> None:
        """Show these words, these ones ticked, the first highlighted."""
        self.ticked = set(ticked) & set(words)
        self.set_items([(word, word) for word in words])

    def label(self, index: int) -> str:
        """'[x] tension' or '[ ] tension'."""
        word = self.items[index][0]
        return f"{'[x]' if word in self.ticked else '[ ]'} {word}"

    def add_word(self, word: str) -> None:
        """Add a word at the end (ticked), or tick it if it is already listed."""
        self.ticked.add(word)
        if word not in self.words:
            self.items.append((word, word))
            self.add_option(Option(self._prompt(len(self.items) - 1), id=word))
        else:
            self.refresh_item(self.words.index(word))
        self.highlighted = self.words.index(word)

    @property
    def selected(self) -> list[str]:
        """The ticked words, in list order."""
        return [word for word in self.words if word in self.ticked]

    def toggle(self, index: int) -> None:
        """Tick or untick the word at `index`."""
        self.ticked ^= {self.words[index]}
        self.refresh_item(index)
