"""Memory over a long real session: resident memory (RSS) at the start and after N minutes.

Two real sessions run side by side on pseudo-terminals, in real time, each in a temporary
BREATH_TUI_HOME: the full-screen app (`breath-tui breathe`) and plain mode (`breathe --plain`).
Each is measured once its first phase is on screen (the reference: same process, same run),
after one minute (warm-up done) and after N minutes (10 by default; `--quick`: 0.5). The figure
is RSS after N minutes against RSS at the start; target: at most 10% more. A second row per mode
compares N minutes with one minute, which is growth after warm-up, where a leak would show.

    python -m bench.hardening_bench [--quick] [--minutes M]
"""

from __future__ import annotations

import sys
import tempfile
import time

from bench.common import Row, format_table
from bench.pty_run import PtyProcess

MEGABYTE = 1024 * 1024
GROWTH_LIMIT = 1.10


def _minutes() -> float:
    if "--minutes" in sys.argv:
        return float(sys.argv[sys.argv.index("--minutes") + 1])
    return 0.5 if "--quick" in sys.argv else 10.0


def _start(argv: list[str], home: str) -> PtyProcess:
    env = {"BREATH_TUI_HOME": home, "TEXTUAL_ANIMATIONS": "full"}
    return PtyProcess([sys.executable, "-m", "breath_tui", *argv], size=(80, 24), env=env)


def run(minutes: float | None = None) -> list[Row]:
    """RSS of a full-screen and a plain session at the start, after 1 minute and after N."""
    minutes = _minutes() if minutes is None else minutes
    length = str(minutes + 1)  # the session outlasts the measurement
    with tempfile.TemporaryDirectory() as home:
        sessions = {
            "full-screen": _start(["breathe", "--no-sound", "--minutes", length], home),
            "plain": _start(["breathe", "--plain", "--no-sound", "--minutes", length], home),
        }
        try:
            for session in sessions.values():
                session.wait_for("Breathe in", timeout=60)
            began = time.monotonic()
            start = {name: s.rss_bytes() for name, s in sessions.items()}
            warm: dict[str, int] = {}
            peak = dict(start)
            # Sampled every 5 s (no busy wait); the bench is in real time by design.
            while (elapsed := time.monotonic() - began) < minutes * 60:
                time.sleep(min(5.0, minutes * 60 - elapsed))
                for name, session in sessions.items():
                    if session.process.poll() is not None:
                        raise RuntimeError(f"the {name} session ended early")
                    rss = session.rss_bytes()
                    peak[name] = max(peak[name], rss)
                    if time.monotonic() - began >= min(60.0, minutes * 30) and name not in warm:
                        warm[name] = rss
            end = {name: s.rss_bytes() for name, s in sessions.items()}
        finally:
            for session in sessions.values():
                session.stop()
    rows = []
    label = f"{minutes:g} min"
    warm_label = f"{min(1.0, minutes / 2):g} min"
    for name in sessions:
        rows.append(
            Row(
                name=f"RSS {name} after {label} (peak {peak[name] / MEGABYTE:.1f} MB)",
                value=end[name] / MEGABYTE,
                unit="MB",
                reference=start[name] / MEGABYTE,
                reference_name=f"RSS of the same {name} session at its first phase",
                target=f"<= {GROWTH_LIMIT:.2f}x",
                met=end[name] <= start[name] * GROWTH_LIMIT,
            )
        )
        rows.append(
            Row(
                name=f"RSS {name} {warm_label} -> {label}",
                value=end[name] / MEGABYTE,
                unit="MB",
                reference=warm.get(name, start[name]) / MEGABYTE,
                reference_name=f"RSS of the same {name} session after {warm_label}",
                target=f"<= {GROWTH_LIMIT:.2f}x",
                met=end[name] <= warm.get(name, start[name]) * GROWTH_LIMIT,
            )
        )
    return rows


def main() -> int:
    rows = run()
    print(format_table(rows))
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
