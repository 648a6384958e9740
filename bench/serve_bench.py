"""`breath-tui serve`: how long a browser tab takes to show home, beside the terminal's first paint.

Each round starts `breath-tui serve`, opens a tab in headless chromium (see bench/browser.py)
and times it from the page's navigation start to home's text in xterm.js's buffer; then it
times `breath-tui` on a pseudo-terminal from start to the same text (as tui_bench.first_paint
does). Same machine, same moment, so the ratio within each round says what the browser adds:
the page and its script, the websocket, and the app's output crossing it. Skipped, with the
reason, where there is no chromium or Playwright.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.browser import ServeProcess, launch, missing, open_tab, wait_for_text
from bench.common import Row
from bench.pty_run import PtyProcess

BIN = Path(sys.executable).parent
HOME_TEXT = "Start-of-session"
MUTED = "[sound]\nenabled = false\n"


def _terminal_first_paint(home: Path) -> float:
    """ms from starting `breath-tui` on an 80x24 pty to home's text on it."""
    process = PtyProcess([str(BIN / "breath-tui")], env={"BREATH_TUI_HOME": str(home)})
    try:
        return process.wait_for(HOME_TEXT) * 1000
    finally:
        process.stop()


def _tab_round(browser: object, home: Path) -> tuple[float, float]:
    """One serve: ms from its start to the address printed, and from opening a tab to home."""
    started = time.monotonic()
    served = ServeProcess(home)
    start_up = (time.monotonic() - started) * 1000
    try:
        page = open_tab(browser, served.address)
        shown = wait_for_text(page, HOME_TEXT)
        page.context.close()
    finally:
        served.stop()
    return start_up, shown


def run(runs: int = 7) -> list[Row]:
    """Median time for a tab to show home, its paired ratio to the terminal's, serve's start-up."""
    reason = missing()
    if reason is not None:
        print(f"  serve_bench skipped: {reason}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    tab, terminal, start_up = [], [], []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        home = Path(folder)
        (home / "config.toml").write_text(MUTED)
        browser = launch(playwright)
        try:
            _tab_round(browser, home)  # a first page in a new browser is slower: not counted
            for _ in range(runs):
                served_in, shown_in = _tab_round(browser, home)
                start_up.append(served_in)
                tab.append(shown_in)
                terminal.append(_terminal_first_paint(home))
        finally:
            browser.close()
    paint = statistics.median(terminal)
    tab_median = statistics.median(tab)
    paired = statistics.median(t / p for t, p in zip(tab, terminal, strict=True))
    return [
        Row(
            f"tab shows home (page open -> text, n={runs})",
            tab_median,
            "ms",
            paint,
            "terminal first paint of home",
            "<= paint + 1000 ms",
            tab_median <= paint + 1000,
            paired_ratio=paired,
        ),
        Row(
            "serve start -> address printed",
            statistics.median(start_up),
            "ms",
            paint,
            "terminal first paint of home",
        ),
    ]
