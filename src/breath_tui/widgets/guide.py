"""The breathing guide: a disk drawn in braille dots that grows on in, rests on hold, shrinks on out.

Braille gives 2x4 dots per cell, so the edge moves in sub-cell steps and looks smooth at any size
from 40x12 up. The widget repaints only when what it draws changes (`set_fill` compares), and
its lines for a given (size, radius, shape) are cached.

Holds keep the disk as it is, dot for dot, and only soften its colour (`HOLD_STYLE`): the shape
never jumps from a disk to a ring when "Hold" appears. The still guide (reduced motion) is a ring.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

# Bit for braille dot (column, row) within a cell, per Unicode's braille pattern layout.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
_BRAILLE_BASE = 0x2800
# The radius step the guide's pace aims at, in braille dots (a dot is a quarter of a cell's
# height): 1.5 keeps every step below one cell. core.motion turns it into whole steps a second.
DOT_STEP = 1.5
# A hold marks itself by dimming the disk it keeps: one quiet change, no new shape.
HOLD_STYLE = Style(dim=True)


def disk_radii(width: int, height: int) -> tuple[float, float]:
    """Smallest and largest radius in dots that fit a widget of width x height cells."""
    largest = max(1.0, min(width, height * 2) - 0.5)
    # Both are whole half dots, so an empty or a full guide is drawn the same however the
    # radius is rounded (a hold keeps the disk the breath before it ended on).
    smallest = max(1.0, round(largest * 0.6) / 2)
    return smallest, largest


def levels_for(width: int, height: int) -> int:
    """How many steps of DOT_STEP dots the radius takes from empty to full.

    Each step is one repaint, and repaints are what a breathing session spends its CPU on.
    """
    smallest, largest = disk_radii(width, height)
    return max(1, round((largest - smallest) / DOT_STEP))


def fitted_width(available: int, height: int) -> int:
    """Cells across that a full disk of this height needs (dots are square: 2 across, 4 down)."""
    return max(1, min(available, height * 2 + 2))


def _dots_within(reach: float, centre: float, count: int) -> range:
    """Dot columns k in [0, count) whose centre is within sqrt(reach) of `centre`:
    (k + 0.5 - centre) ** 2 <= reach. The square root gives the span; the exact test then
    settles the ends, so the result never depends on how the root was rounded."""
    if reach < 0:
        return range(0)
    half = math.sqrt(reach)
    first = max(0, math.ceil(centre - 0.5 - half) - 1)
    last = min(count - 1, math.floor(centre - 0.5 + half) + 1)
    while first <= last and (first + 0.5 - centre) ** 2 > reach:
        first += 1
    while last >= first and (last + 0.5 - centre) ** 2 > reach:
        last -= 1
    return range(first, last + 1)


@lru_cache(maxsize=512)
def draw_disk(width: int, height: int, radius: float, hollow: bool) -> tuple[str, ...]:
    """Rows of braille characters showing a disk (or, hollow, a ring) centred in the cells.

    A dot is lit when its distance d from the centre has inner < d <= radius. Each row of
    dots is one span (less a hole for a ring), so the work follows the dots lit, not the cells.
    """
    centre_x, centre_y = width, height * 2  # in dots: 2 per cell across, 4 per cell down
    outer = radius * radius
    inner = (radius - 1.6) ** 2 if hollow and radius > 2 else -1.0
    across = width * 2
    rows = []
    for cell_y in range(height):
        bits = [0] * width
        for dot_y in range(4):
            dy = cell_y * 4 + dot_y + 0.5 - centre_y
            lit = _dots_within(outer - dy * dy, centre_x, across)
            hole = _dots_within(inner - dy * dy, centre_x, across)
            for k in lit:
                if k not in hole:
                    bits[k >> 1] |= _DOT_BITS[k & 1][dot_y]
        rows.append("".join(chr(_BRAILLE_BASE + b) if b else " " for b in bits))
    return tuple(rows)


def half_dots(width: int, height: int, fill: float, heading: int = 0) -> int:
    """The radius drawn for a fill (0..1), in half dots: from the smallest disk to the largest.

    The radius is rounded the way the breath goes (up while filling, down while emptying, to
    the nearest while still), so the smallest move of the fill shows at once.
    """
    smallest, largest = disk_radii(width, height)
    doubled = 2 * (smallest + (largest - smallest) * fill)
    if heading > 0:
        return math.ceil(doubled - 1e-9)
    if heading < 0:
        return math.floor(doubled + 1e-9)
    return round(doubled)


def guide_rows(width: int, height: int, radius: int, *, still: bool = False) -> tuple[str, ...]:
    """What the guide draws with a radius of `radius` half dots (`half_dots`): a disk, or with
    `still` (reduced motion) a ring."""
    return draw_disk(width, height, radius / 2, still)


class BreathGuide(Widget):
    """A disk whose size follows the breath; dimmed during holds; a still ring with reduced motion."""

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
        self._heading = 0
        self._holding = False
        self._drawn: tuple[int, bool] | None = None
        self._styles: tuple[Style, Style] | None = None

    @property
    def levels(self) -> int:
        """Steps of DOT_STEP dots from empty to full at the current size (`levels_for`)."""
        return levels_for(self.size.width, self.size.height)

    def set_fill(self, fill: float, heading: int = 0, holding: bool = False) -> bool:
        """Show the breath at `fill` (0..1), going `heading` (+1 in, -1 out, 0 still; see
        `half_dots`), dimmed while `holding`; repaint only if the drawing changes.
        Returns True if it did."""
        same_way = heading != 0 and heading == self._heading
        self._fill, self._heading, self._holding = fill, heading, holding
        radius = self._shown_radius()
        if same_way and self._drawn is not None and (radius - self._drawn[0]) * heading < 0:
            # Never back against the breath: after a change of tempo the steps fall on a new
            # grid, and the next one may end a little short of the one drawn. Wait for it.
            radius = self._drawn[0]
        drawn = (radius, holding)
        if drawn == self._drawn:
            return False
        before, self._drawn = self._drawn, drawn
        rows = self._changed_rows(before, drawn)
        if rows is None:
            self.refresh()
        elif rows:
            self.refresh(Region(0, rows.start, self.size.width, len(rows)))
        return True

    def _changed_rows(
        self, before: tuple[int, bool] | None, after: tuple[int, bool]
    ) -> range | None:
        """The rows that differ between two drawings at the current size (None: all of them).

        A disk a step larger differs only in the rows its edge crosses: the blank rows above
        and below it stay as they are, and repainting fewer rows is most of a step's cost.
        """
        width, height = self.size
        if before is None or before[1] != after[1] or width <= 0 or height <= 0:
            return None
        old = guide_rows(width, height, before[0], still=self.reduced_motion)
        new = guide_rows(width, height, after[0], still=self.reduced_motion)
        changed = [y for y, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        return range(changed[0], changed[-1] + 1) if changed else range(0)

    def _shown_radius(self) -> int:
        width, height = self.size
        if self.reduced_motion:
            return half_dots(width, height, 0.5)
        return half_dots(width, height, self._fill, self._heading)

    def _style(self, dimmed: bool) -> Style:
        """The disk's colours (dimmed for a hold), worked out once per change of the CSS:
        `rich_style` walks every ancestor, and a step repaints several rows."""
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + HOLD_STYLE)
        return self._styles[dimmed]

    def notify_style_update(self) -> None:
        """The CSS changed (a theme, a class): work the colours out again."""
        super().notify_style_update()
        self._styles = None

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as a full disk needs and no wider: less to repaint each frame."""
        return fitted_width(container.width, container.height)

    def on_resize(self) -> None:
        """A new size means new radii: redraw."""
        self._drawn = None
        self.set_fill(self._fill, self._heading, self._holding)

    def render_line(self, y: int) -> Strip:
        """One row of the disk."""
        width, height = self.size
        if width <= 0 or height <= 0:
            return Strip.blank(width)
        radius, holding = self._drawn if self._drawn else (self._shown_radius(), self._holding)
        rows = guide_rows(width, height, radius, still=self.reduced_motion)
        style = self._style(holding and not self.reduced_motion)
        return (
            Strip([Segment(rows[y], style)], width) if y < len(rows) else Strip.blank(width, style)
        )
