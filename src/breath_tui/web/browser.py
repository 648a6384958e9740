"""Opening the tokened address in the person's browser without showing the token to others.

A browser started with the address as an argument shows it in every user's process list
(`ps`), token and all. As Jupyter does, the browser is given a file instead: a page readable
only by this user (0600, in a 0700 folder) that forwards to the address.
"""

from __future__ import annotations

import contextlib
import html
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

FORWARD_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">
<meta name="referrer" content="no-referrer"><title>breath-tui</title></head>
<body><p><a href="{url}">Open breath-tui</a></p></body>
</html>
"""


class ForwardPage:
    """A private page that forwards to `address`; `remove()` deletes it (serve does at exit)."""

    def __init__(self, address: str) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="breath-tui-serve-"))  # 0700 by mkdtemp
        self.path = self._folder / "open.html"
        escaped = html.escape(address, quote=True)
        self.path.touch(mode=0o600)
        self.path.write_text(FORWARD_PAGE.format(url=escaped), encoding="utf-8")

    def remove(self) -> None:
        """Delete the page and its folder."""
        shutil.rmtree(self._folder, ignore_errors=True)


def open_in_browser(page: ForwardPage, on_failure: Callable[[], object]) -> None:
    """Open `page` in the default browser, in the background; `on_failure()` if none opens.

    In a thread, because `webbrowser` may start a terminal browser and wait for it, and the
    server must answer meanwhile. Without a browser the printed address is still there to
    open by hand, which `on_failure` can say.
    """
    import webbrowser

    def run() -> None:
        opened = False
        with contextlib.suppress(Exception):
            opened = webbrowser.open(page.path.as_uri())
        if not opened:
            on_failure()

    threading.Thread(target=run, name="open-browser", daemon=True).start()
