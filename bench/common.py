"""The row every benchmark returns, and how the table is printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    """One measured figure beside its reference, measured in the same run.

    reference is always a measurement of this run (a bare app, a bare loop, the naive way), never
    a constant: a fixed goal belongs in `target` (e.g. "<= 0.3x", "<= 16.7 ms (1 frame)"), which
    `met` judges. ratio is value / reference, unless `paired_ratio` is given: the median of
    ratios each taken within one round (see tui_bench.first_paint).
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
    """A plain-text table of the rows, then what each numbered reference is.

    The reference column holds only figures measured in this run, each numbered with what was
    measured; the target column holds the goals, which are constants and say so.
    """
    names: list[str] = []
    header = f"{'figure':62} {'value':>13} {'reference [n]':>17} {'ratio':>7}  {'target':28} met"
    lines = [header, "-" * len(header)]
    for row in rows:
        ref = ""
        if row.reference is not None:
            if row.reference_name not in names:
                names.append(row.reference_name)
            number = names.index(row.reference_name) + 1
            ref = f"{row.reference:.4g} {row.unit} [{number}]"
        ratio = f"{row.ratio:.3f}" if row.ratio is not None else ""
        met = {True: "yes", False: "NO", None: ""}[row.met]
        target = f"target {row.target}" if row.target and row.target != "skipped" else row.target
        lines.append(
            f"{row.name:62} {row.value:>9.4g} {row.unit:3} {ref:>17} {ratio:>7}  {target:28} {met}"
        )
    lines.append("")
    lines.append("References, each measured in this run:")
    lines.extend(f"  [{n}] {name}" for n, name in enumerate(names, 1))
    return "\n".join(lines)
