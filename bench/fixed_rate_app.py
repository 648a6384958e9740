"""The same breathing screen, driven by a plain fixed 30 fps timer: the CPU figure's second reference.

`python -m bench.fixed_rate_app breathe --no-sound ...` runs breath-tui exactly as the command
line does, except that BreathingScreen sets its next tick 1/30 s ahead every time instead of at
the next moment the screen would look different. Every frame still asks the pacer for the state
and draws it (the guide, the lines and their own change checks are the same), so the difference
from `breath-tui breathe` is what the event-driven scheduler saves, and only that.
"""

from __future__ import annotations

import sys

from breath_tui.core.pacer import PacerState
from breath_tui.screens.breathe import GUIDE_FRAME, BreathingScreen


def _every_frame(self: BreathingScreen, state: PacerState, now: float) -> None:
    """Wake again one frame from now, whatever the state (the naive loop)."""
    if state.paused or state.done:
        return
    self._wake_at(now + GUIDE_FRAME, now, self._tick)


if __name__ == "__main__":
    BreathingScreen._schedule = _every_frame  # type: ignore[method-assign]
    from breath_tui.cli import main

    raise SystemExit(main(sys.argv[1:]))
