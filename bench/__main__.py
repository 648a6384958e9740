"""`make bench`: every figure beside a reference measured in the same run.

A reference is always measured here (a bare Textual app, a bare loop, a bare query, the naive
way); a fixed goal is a target, in its own column, never a reference.

`python -m bench --quick` shortens the runs (for a smoke check, not for figures).
"""

from __future__ import annotations

import importlib
import sys
import time
from datetime import UTC

from bench.common import Row, format_table


def main() -> int:
    quick = "--quick" in sys.argv
    scale = 0.2 if quick else 1.0
    from bench import tui_bench

    steps = [
        ("first paint", lambda: tui_bench.first_paint(runs=2 if quick else 21)),
        ("CPU while breathing", lambda: tui_bench.cpu_while_breathing(20 * scale)),
        ("plain-mode timing", lambda: tui_bench.plain_timing(30 * scale)),
        ("phase timing", lambda: tui_bench.phase_timing(60 * scale)),
    ]
    benches = ("audio_bench", "journal_bench", "trends_bench", "hardening_bench", "heart_bench")
    for name in (*benches, "serve_bench"):
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            continue
        steps.append((name, module.run))
    rows: list[Row] = []
    for name, step in steps:
        started = time.monotonic()
        print(f"measuring {name}...", file=sys.stderr, flush=True)
        rows.extend(step())
        print(f"  {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    table = format_table(rows)
    print(table)
    if not quick:
        _write_report(table)
    return 0 if all(row.met is not False for row in rows) else 1


def _write_report(table: str) -> None:
    """Keep the latest full run in docs/bench.md, which the README links to."""
    import os
    import platform
    from datetime import datetime
    from pathlib import Path

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
    )
    Path("docs").mkdir(exist_ok=True)
    Path("docs/bench.md").write_text(
        "# Latest `make bench`\n\n"
        f"{stamp}, {machine}. Each figure stands beside a reference measured in the same run"
        " (numbered, listed under the table); the target column holds the goals, which are"
        " constants.\n\n"
        f"```\n{table}\n```\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
