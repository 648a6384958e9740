"""Driving `breath-tui serve` in a real browser: Debian's chromium, headless, through Playwright.

Shared by the browser tests (tests/browser) and bench/serve_bench.py. No browser is ever
downloaded: Playwright drives the system's chromium (`executable_path`), and everything is
skipped, with the reason, where chromium or Playwright is missing.

The terminal in the page is xterm.js drawing on a canvas, so the page's DOM holds none of the
text. textual-serve's script keeps its xterm `Terminal` in a closure, as `this.terminal` of an
object of its own; XTERM_HOOK, run before any script of the page, catches that assignment and
keeps the Terminal as `window.__xterm`, whose buffer then reads as text.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1000, "height": 640}  # about 100 x 30 cells at textual-serve's 16 px font

XTERM_HOOK = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal",
      {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && value.buffer.active && !window.__xterm) {
      window.__xterm = value;
    }
  },
});
"""

# The screen's lines, or null before the terminal exists.
SCREEN_LINES = """() => {
  const terminal = window.__xterm;
  if (!terminal) return null;
  const buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < buffer.length; row++) {
    const line = buffer.getLine(row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines;
}"""

# performance.now() (ms since the page's navigation began) once `text` is on screen, else false.
TEXT_SHOWN_AT = (
    "(text) => { const lines = (" + SCREEN_LINES + ")();"
    " return lines && lines.some(l => l.includes(text)) ? performance.now() : false; }"
)


def chromium_path() -> str | None:
    """Debian's chromium (or another on PATH), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str | None:
    """Why a browser run cannot happen here, or None when it can."""
    if chromium_path() is None:
        return "no chromium on PATH (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright)"
    return None


def launch(playwright: Any) -> Any:
    """Headless chromium from the system, never a downloaded one."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


class ServeProcess:
    """`breath-tui serve --no-browser` in a child process, its address read from its output."""

    def __init__(self, home: Path, *extra: str) -> None:
        env = {**os.environ, "BREATH_TUI_HOME": str(home)}
        self.process = subprocess.Popen(
            [str(BIN / "breath-tui"), "serve", "--no-browser", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.process.stdout is not None
        self.lines: list[str] = []
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("http://"):
                break
        else:
            raise RuntimeError(f"serve printed no address: {self.process.stderr.read()}")
        self.address = self.lines[-1]

    def stop(self, timeout: float = 20.0) -> tuple[int, str, str]:
        """Ctrl+C; the exit status and what it printed after the address.

        Raises:
            TimeoutError: it had not stopped after `timeout` s (it is killed then).
        """
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise TimeoutError(f"serve did not stop within {timeout} s of Ctrl+C") from None
        return self.process.returncode, out, err


def open_tab(browser: Any, address: str) -> Any:
    """A fresh page (its own cookies) that can read the terminal's buffer, at `address`."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.add_init_script(XTERM_HOOK)
    page.goto(address)
    # textual-serve's splash waits for a click on Start only when the address asks it to
    # (`delay`); ours does not, but a click gets past it if it ever does.
    start = page.locator("#start.-delay")
    if start.count() and start.is_visible():
        start.click()
    return page


def wait_for_text(page: Any, text: str, timeout_ms: float = 30_000) -> float:
    """Wait until `text` is on the terminal; ms from the page's navigation start until then."""
    handle = page.wait_for_function(TEXT_SHOWN_AT, arg=text, timeout=timeout_ms, polling="raf")
    return float(handle.json_value())


def screen_text(page: Any) -> str:
    """The terminal's text as lines."""
    return "\n".join(page.evaluate(SCREEN_LINES) or [])


def press(page: Any, key: str) -> None:
    """Type `key` into the terminal (xterm reads keys from its hidden textarea)."""
    page.focus(".xterm-helper-textarea")
    page.keyboard.press(key)
