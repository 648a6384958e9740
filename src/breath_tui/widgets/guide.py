"""The breathing guide: a disk drawn in braille dots that grows on in, rests on hold, shrinks on out.

Braille gives 2x4 dots per cell, so the edge moves in sub-cell steps and looks smooth at any size
from 40x12 up. The widget repaints only when the drawn level changes (`set_fill` compares), and
its lines for a given (size, level, shape) are cached.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from breath_tui.core.motion import quantize

# Bit for braille dot (column, row) within a cell, per Unicode's braille pattern layout.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
_BRAILLE_BASE = 0x2800
# Radius step between drawn sizes, in braille dots (a dot is a quarter of a cell's height):
# 1.5 keeps every step below one cell while a 4 s in-breath costs about 14 repaints.
DOT_STEP = 1.5


def disk_radii(width: int, height: int) -> tuple[float, float]:
    """Smallest and largest radius in dots that fit a widget of width x height cells."""
    largest = max(1.0, min(width, height * 2) - 0.5)
    smallest = max(1.0, largest * 0.3)
    return smallest, largest


def levels_for(width: int, height: int) -> int:
    """How many drawn sizes the disk has between empty and full: one per DOT_STEP dots of radius.

    Each size is one repaint, and repaints are what a breathing session spends its CPU on.
    """
    smallest, largest = disk_radii(width, height)
    return max(1, round((largest - smallest) / DOT_STEP))


def fitted_width(available: int, height: int) -> int:
    """Cells across that a full disk of this height needs (dots are square: 2 across, 4 down)."""
    return max(1, min(available, height * 2 + 2))


@lru_cache(maxsize=512)
def draw_disk(width: int, height: int, radius: float, hollow: bool) -> tuple[str, ...]:
    """Rows of braille characters showing a disk (or, hollow, a ring) centred in the cells."""
    centre_x, centre_y = width, height * 2  # in dots: 2 per cell across, 4 per cell down
    outer = radius * radius
    inner = (radius - 1.6) ** 2 if hollow and radius > 2 else -1.0
    rows = []
    for cell_y in range(height):
        chars = []
        for cell_x in range(width):
            bits = 0
            for dot_x in range(2):
                dx = cell_x * 2 + dot_x + 0.5 - centre_x
                for dot_y in range(4):
                    dy = cell_y * 4 + dot_y + 0.5 - centre_y
                    distance = dx * dx + dy * dy
                    if inner < distance <= outer:
                        bits |= _DOT_BITS[dot_x][dot_y]
            chars.append(chr(_BRAILLE_BASE + bits) if bits else " ")
        rows.append("".join(chars))
    return tuple(rows)


class BreathGuide(Widget):
    """A disk whose size follows the breath; hollow during holds; static with reduced motion."""

    DEFAULT_CSS = """
    BreathGuide {
        width: auto;
        height: 1fr;
        color: $accent;
    }
    """

    def __init__(self, reduced_motion: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.reduced_motion = reduced_motion
        self._fill = 0.0
        self._hollow = False
        self._drawn: tuple[int, bool] | None = None

    @property
    def levels(self) -> int:
        """Distinct sizes at the current widget size."""
        return levels_for(self.size.width, self.size.height)

    def set_fill(self, fill: float, hollow: bool) -> bool:
        """Show the breath at `fill` (0..1); repaint only if the drawing changes. Returns True if it did."""
        self._fill, self._hollow = fill, hollow
        drawn = (self._level(), hollow)
        if drawn == self._drawn:
            return False
        self._drawn = drawn
        self.refresh()
        return True

    def _level(self) -> int:
        if self.reduced_motion:
            return self.levels // 2
        return quantize(self._fill, self.levels)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as a full disk needs and no wider: less to repaint each frame."""
        return fitted_width(container.width, container.height)

    def on_resize(self) -> None:
        """A new size means new levels: redraw."""
        self._drawn = None
        self.set_fill(self._fill, self._hollow)

    def render_line(self, y: int) -> Strip:
        """One row of the disk."""
        width, height = self.size
        if width <= 0 or height <= 0:
            return Strip.blank(width)
        smallest, largest = disk_radii(width, height)
        levels = levels_for(width, height)
        level = self._drawn[0] if self._drawn else self._level()
        radius = smallest + (largest - smallest) * level / levels
        rows = draw_disk(width, height, round(radius * 2) / 2, self._hollow or self.reduced_motion)
        style = self.rich_style
        return (
            Strip([Segment(rows[y], style)], width) if y < len(rows) else Strip.blank(width, style)
        )
