"""The 0-10 tension scale: a digit chooses at once, ←/→ and Enter choose the one marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

RATING_MAX = 10
RATING_KEYS = "0-9 sets it · t is 10 · ←/→ then Enter"
FULL_WIDTH = 3 * RATING_MAX + 4
"""Cells across for the spaced scale: ' 4 ' for each number, four cells for ' 10 '."""
COMPACT_WIDTH = 2 * RATING_MAX + 3
"""Cells across for the compact scale: one space between numbers, brackets at the ends."""


def compact_scale(marked: int | None) -> str:
    """'0 1 2[3]4 5 6 7 8 9 10': each number once, the marked one bracketed in place of the
    spaces beside it, padded to COMPACT_WIDTH."""
    text = "[" if marked == 0 else ""
    for number in range(RATING_MAX + 1):
        if number:
            text += "]" if number - 1 == marked else "[" if number == marked else " "
        text += str(number)
    text += "]" if marked == RATING_MAX else ""
    return text.ljust(COMPACT_WIDTH)


class RatingScale(Widget, can_focus=True):
    """0 to 10 in a row; the chosen number is bracketed, so it is seen without colour.

    A digit chooses 0-9 at once, t chooses 10; ←/→ move and Enter chooses the one marked.
    """

    BINDINGS = [
        *(Binding(str(d), f"choose({d})", show=False) for d in range(10)),
        Binding("t", f"choose({RATING_MAX})", show=False),
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("enter", "choose_marked", show=False),
    ]

    DEFAULT_CSS = """
    RatingScale { height: 1; width: auto; }
    """

    marked: reactive[int | None] = reactive(None)

    def __init__(
        self, value: int | None, on_choose: Callable[[int], object], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.set_reactive(RatingScale.marked, value)
        self.on_choose = on_choose

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The whole scale in a row: spaced out where there is room, compact where not."""
        return FULL_WIDTH if container.width >= FULL_WIDTH else COMPACT_WIDTH

    def render(self) -> Content:
        """'0  1 [2] 3 ...' with the marked number in brackets (text: brackets are not markup);
        in a narrow window (under 34 cells) '0 1[2]3 4 ...', still all of 0-10."""
        if self.size.width < FULL_WIDTH:
            return Content(compact_scale(self.marked))
        cells = []
        for number in range(RATING_MAX + 1):
            cells.append(f"[{number}]" if number == self.marked else f" {number} ")
        return Content("".join(cells))

    def action_choose(self, rating: int) -> None:
        """Choose this rating now."""
        self.marked = rating
        self.on_choose(rating)

    def action_move(self, step: int) -> None:
        """Move the mark left or right (from the middle when nothing is marked yet)."""
        start = self.marked if self.marked is not None else 5 - step
        self.marked = max(0, min(RATING_MAX, start + step))

    def action_choose_marked(self) -> None:
        """Choose the marked number, if there is one."""
        if self.marked is not None:
            self.action_choose(self.marked)
