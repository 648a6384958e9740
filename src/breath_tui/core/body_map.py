"""A small text figure of the body that points at the region being noticed in the body scan.

The region is marked by an arrow and its name beside the figure, never by colour alone. Regions
the figure has no place for (a config may name any region) get a line of their own below it.
"""

from __future__ import annotations

# Each line of the figure, and the regions it stands for. Plain ASCII, so any terminal font draws it.
FIGURE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("   .---.   ", ("head", "forehead")),
    ("  ( o o )  ", ("face",)),
    ("   \\ - /   ", ("jaw",)),
    ("    | |    ", ("neck", "throat")),
    (" .--' '--. ", ("shoulders",)),
    (" | |   | | ", ("chest", "arms")),
    (" | |   | | ", ("back",)),
    (" | |___| | ", ("stomach",)),
    (" m |   | m ", ("hands",)),
    ("   | | |   ", ("hips",)),
    ("   | | |   ", ("legs",)),
    ("  _| | |_  ", ("feet",)),
)

MARK = ">"


def figure_line_of(region: str) -> int | None:
    """The index of the figure line standing for `region`, or None if the figure has no place for it."""
    name = region.strip().lower()
    return next((i for i, (_, names) in enumerate(FIGURE) if name in names), None)


def body_map_lines(region: str) -> list[str]:
    """The figure, with an arrow and the region's name on the line that stands for it.

    A region the figure does not know gets a marked line of its own under the figure.
    """
    at = figure_line_of(region)
    lines = []
    for index, (art, _) in enumerate(FIGURE):
        if index == at:
            lines.append(f"{MARK} {art} < {region}")
        else:
            lines.append(f"  {art}")
    if at is None:
        lines.append(f"{MARK} {region}")
    return lines
