"""`make bench`: every figure beside a reference measured in the same run.

`python -m bench --quick` shortens the runs (for a smoke check, not for figures).
"""

from __future__ import annotations

import importlib
import sys
import time

from bench.common import Row, format_table


def main() -> int:
    quick = "--quick" in sys.argv
    scale = 0.2 if quick else 1.0
    from bench import tui_bench

    steps = [
        ("first paint", lambda: tui_bench.first_paint(runs=2 if quick else 7)),
        ("CPU while breathing", lambda: tui_bench.cpu_while_breathing(20 * scale)),
        ("plain-mode timing", lambda: tui_bench.plain_timing(30 * scale)),
        ("phase timing", lambda: tui_bench.phase_timing(60 * scale)),
    ]
    for name in ("audio_bench", "journal_bench", "trends_bench"):
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
    print(format_table(rows))
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
