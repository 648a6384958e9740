"""The row every benchmark returns, and how the table is printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    """One measured figure beside its reference from the same run.

    ratio is value / reference where a reference exists, unless `paired_ratio` is given: the
    median of ratios each taken within one round (see tui_bench.first_paint). `target` says what
    counts as met, e.g. "<= 0.3x" or "<= 1 frame (16.7 ms)".
    """

    name: str
    value: float
    unit: str
    reference: float | None = None
    reference_name: str = ""
    target: str = ""
    met: bool | None = None
    paired_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        """value / reference (or the paired ratio), or None without a reference."""
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.reference in (None, 0):
            return None
        return self.value / self.reference


def format_table(rows: list[Row]) -> str:
    """A plain-text table of the rows."""
    header = f"{'figure':44} {'value':>12} {'reference':>12} {'ratio':>7}  {'target':18} met"
    lines = [header, "-" * len(header)]
    for row in rows:
        ref = f"{row.reference:.4g} {row.unit}" if row.reference is not None else ""
        ratio = f"{row.ratio:.3f}" if row.ratio is not None else ""
        met = {True: "yes", False: "NO", None: ""}[row.met]
        lines.append(
            f"{row.name:44} {row.value:>8.4g} {row.unit:3} {ref:>12} {ratio:>7}  {row.target:18} {met}"
        )
    return "\n".join(lines)
