"""The heart-rate line, drawn in braille dots: pure text, so any widget or test can draw it.

Each beat is one dot column (two to a cell), the newest at the right, so a line of 36 cells
holds the last 72 beats, about a minute. Braille gives four dots to a cell's height: one row of
cells shows the heart rate in 4 steps, two rows in 8. The scale follows the beats shown, but
never spans less than MIN_SPAN_BPM, so a steady heart is drawn as a steady line, not as noise
stretched to fill the rows. Consecutive dots are joined vertically, so a fast rise reads as a
line. Figures only: nothing here judges a heart rate.
"""

from __future__ import annotations

from collections.abc import Sequence

# Bit for braille dot (column, row) within a cell, per Unicode's braille pattern layout.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
_BRAILLE_BASE = 0x2800
BLANK = chr(_BRAILLE_BASE)
MIN_SPAN_BPM = 8.0


def scale_of(values: Sequence[float]) -> tuple[float, float]:
    """(low, high) bpm of the line's scale: the values' range, widened to MIN_SPAN_BPM."""
    low, high = min(values), max(values)
    if high - low < MIN_SPAN_BPM:
        middle = (low + high) / 2
        low, high = middle - MIN_SPAN_BPM / 2, middle + MIN_SPAN_BPM / 2
    return low, high


def braille_line(values: Sequence[float], width: int, rows: int = 1) -> list[str]:
    """The last 2*width values as a line of braille cells, `rows` rows of `width` cells.

    Args:
        values: heart rates in bpm, oldest first (one per beat).
        width: cells across (at least 1).
        rows: cells down (1 or more; 4 dots each).

    Returns:
        `rows` strings of exactly `width` braille characters, top row first; blank cells
        (U+2800) where no beat is drawn yet, so the line grows in from the right.
    """
    width, rows = max(1, width), max(1, rows)
    shown = list(values[-2 * width :])
    cells = [[0] * width for _ in range(rows)]
    if shown:
        low, high = scale_of(shown)
        levels = 4 * rows - 1
        offset = 2 * width - len(shown)
        previous: int | None = None
        for index, value in enumerate(shown):
            level = round((min(max(value, low), high) - low) / (high - low) * levels)
            x = offset + index
            # Joined to the previous dot within this column, so a fast change has no gap.
            bottom, top = (level, level) if previous is None else sorted((level, previous))
            for y in range(bottom, top + 1):
                row = levels - y
                cells[row // 4][x // 2] |= _DOT_BITS[x % 2][row % 4]
            previous = level
    return ["".join(chr(_BRAILLE_BASE + bits) for bits in line) for line in cells]


def figures_line(bpm: float | None, swing_bpm: float | None) -> str:
    """'68 bpm · swing 11 bpm': the latest heart rate and the last breath's swing, unjudged."""
    heart = f"{bpm:.0f} bpm" if bpm is not None else "-- bpm"
    swing = f"swing {swing_bpm:.0f} bpm" if swing_bpm is not None else "swing --"
    return f"{heart} · {swing}"
