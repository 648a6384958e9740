"""`breath-tui serve [--port N] [--no-browser]`: breath-tui in a browser tab on this machine.

The tab runs the home screen as `breath-tui` would in a terminal, with the same
BREATH_TUI_HOME and config.toml (one journal, the same motion and theme settings), as a
process on this machine: cues play from its speakers, as in the terminal.

The port: any free one unless --port says. The address carries a fresh token each run, so a
bookmark of it could never work again anyway; a fixed default port would only add the chance
of "port in use" for nothing. --port N is there for a fixed one (a firewall rule, a habit).
"""

from __future__ import annotations

import argparse
from typing import Any

NO_BROWSER = "No browser could be started from here: open the address above in one."


def register(commands: Any) -> None:
    """Add the `serve` sub-command."""
    parser = commands.add_parser(
        "serve",
        help="breath-tui in a browser tab on this machine (loopback only, behind a token)",
        description="Serve the home screen, and every flow from it, as a web page on this "
        "machine only (127.0.0.1), behind a random token in the address it prints; the same "
        "journal and settings as in the terminal. For sharing the breathing guide on a video "
        "call: start it before the session and share the tab. Cues play on this machine. "
        "Ctrl+C stops it.",
    )
    parser.add_argument(
        "--port",
        metavar="N",
        type=_port,
        default=0,
        help="the port to listen on (default: any free one; the address is printed)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address but do not open a browser"
    )
    parser.set_defaults(run=run)


def _port(text: str) -> int:
    if not text.isdigit() or len(text) > 5 or int(text) > 65535:
        from breath_tui.core.text import clipped

        raise argparse.ArgumentTypeError(
            f"--port wants a whole number from 0 to 65535, not '{clipped(text)}'"
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C; 0 then, 2 when the port is taken or the config is broken."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path

    # Read here so that a broken config.toml is exit 2 naming its line, not a blank tab.
    load_config(config_path())
    from breath_tui.web.browser import ForwardPage, open_in_browser
    from breath_tui.web.guard import Guard
    from breath_tui.web.server import bind_loopback, serve

    sock = bind_loopback(args.port)
    guard = Guard(port=sock.getsockname()[1])
    page = None if args.no_browser else ForwardPage(guard.address)

    def on_ready() -> None:
        print("breath-tui in your browser, on this machine only. Ctrl+C stops it.")
        print(guard.address, flush=True)
        if page is not None:
            open_in_browser(page, on_failure=lambda: print(NO_BROWSER, flush=True))

    try:
        serve(sock, guard, on_ready)
    except KeyboardInterrupt:
        pass  # Ctrl+C before the server had taken over the signal: nothing was open yet
    finally:
        if page is not None:
            page.remove()
    print("breath-tui serve stopped.")
    return 0
