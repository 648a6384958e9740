"""A line of text that repaints only when its text changes: the breathing screen's word,
countdown and progress change at most once a second, though it ticks far more often.

A new text of the same height at the current width (a countdown going from 4 to 3) only
repaints the line; it does not lay out the screen again, which costs more than the paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class Line(Static):
    """A Static showing `text` literally; setting the same text again does nothing.

    Args:
        text: the first text.
        collapse_empty: take no room while the text is empty (a notice line).
    """

    text: reactive[str] = reactive("", init=False)

    def __init__(self, text: str = "", *, collapse_empty: bool = False, id: str | None = None):
        super().__init__(literal(text), id=id)
        self.collapse_empty = collapse_empty
        self.set_reactive(Line.text, text)
        self.display = bool(text) or not collapse_empty

    def watch_text(self, old: str, text: str) -> None:
        """Show the new text; lay the screen out again only if the line's size may change."""
        content = literal(text)
        self.update(content, layout=self._resizes(literal(old), content))
        if self.collapse_empty:
            self.display = bool(text)

    def _resizes(self, old: Content, new: Content) -> bool:
        """Whether `new` may need another size than `old`: the width follows the text
        (width: auto), or it wraps to another number of rows at the current width."""
        width = self.content_size.width
        if width <= 0 or (self.styles.width is not None and self.styles.width.is_auto):
            return True
        # Styles serve as the rules Content reads, as in Textual's own Widget (typed narrower).
        rules = cast("RulesMap", self.styles)
        return old.get_height(rules, width) != new.get_height(rules, width)
