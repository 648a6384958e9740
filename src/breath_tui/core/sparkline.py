"""A chart in one line of text: ▁▂▃▄▅▆▇█ for values on a fixed scale, a space for a gap.

Used for tension before and after over time; it fits any width, 40 columns included.
"""

from __future__ import annotations

from collections.abc import Sequence

SPARK_BARS = "▁▂▃▄▅▆▇█"
RATING_LOW = 0.0
RATING_HIGH = 10.0


def sparkline(
    values: Sequence[float | None],
    width: int | None = None,
    *,
    low: float = RATING_LOW,
    high: float = RATING_HIGH,
) -> str:
    """A one-line chart of `values` in the bars ▁▂▃▄▅▆▇█, a space for each None.

    The scale is fixed (0-10 by default, the rating scale) rather than stretched to the data, so
    a flat series is drawn at its own level and two sparklines on the same scale compare.

    Args:
        values: the series, oldest first; None marks a gap (no rating that check-in or day).
        width: at most this many characters; a longer series is split into `width` runs of
            consecutive values, each drawn as the average of its numbers (a space if it has none).
        low: the value drawn as ▁ (values below are drawn as ▁ too).
        high: the value drawn as █ (values above are drawn as █ too).

    Returns:
        One character per value (or per run), "" for an empty series.

    Raises:
        ValueError: high is not above low, or width is less than 1.
    """
    if high <= low:
        raise ValueError(f"sparkline needs high above low, not {low}..{high}")
    if width is not None and width < 1:
        raise ValueError(f"sparkline width must be 1 or more, not {width}")
    points = list(values) if width is None or len(values) <= width else _runs(values, width)
    top = len(SPARK_BARS) - 1
    span = high - low
    chars = []
    for value in points:
        if value is None:
            chars.append(" ")
            continue
        # Round half up so that a value exactly between two bars always goes to the higher one.
        step = int((min(max(value, low), high) - low) / span * top + 0.5)
        chars.append(SPARK_BARS[step])
    return "".join(chars)


def _runs(values: Sequence[float | None], width: int) -> list[float | None]:
    """`values` cut into `width` consecutive runs of nearly equal length, each averaged."""
    count = len(values)
    averaged: list[float | None] = []
    for index in range(width):
        total, numbers = 0.0, 0
        for value in values[index * count // width : (index + 1) * count // width]:
            if value is not None:
                total += value
                numbers += 1
        averaged.append(total / numbers if numbers else None)
    return averaged
