"""textual-serve's server, kept to this machine: loopback only, behind the Guard's checks.

textual-serve runs one breath-tui process per open tab (its AppService, speaking to the page
over a websocket); this module adds what a server on a person's own machine needs: the socket
bound to 127.0.0.1 before anything starts (so a port in use is one clear line), every request
through the Guard, a page that fetches nothing from elsewhere, and a stop that asks each app to
quit (so its journal is closed) and waits for it, leaving no process behind.

Importing this module imports aiohttp and textual_serve: only `breath-tui serve` does.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from breath_tui.core.errors import BadInput
from breath_tui.web.guard import LOOPBACK, Guard

log = logging.getLogger("breath-tui.serve")

TEMPLATES = Path(__file__).parent / "templates"
TITLE = "breath-tui"
QUIT_SECONDS = 5.0  # how long an app may take to close its journal and exit when asked to
# The page must not send its token-bearing address anywhere, nor load anything from outside
# this machine, nor be framed by another site's page.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


class PortInUse(BadInput):
    """The port asked for is taken by another program."""


def bind_loopback(port: int) -> socket.socket:
    """A listening TCP socket on 127.0.0.1:`port` (0: any free port).

    Bound here rather than by aiohttp so that the port is known (and a taken one reported)
    before the server starts, and so that nothing ever listens beyond this machine.

    Raises:
        PortInUse: the port is taken.
        BadInput: the port cannot be used (below 1024 without the right to, say).
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name == "posix":
        # Lets a restart take the port at once after Ctrl+C (old connections in TIME_WAIT);
        # on Linux and macOS it still refuses a port another program listens on.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"--port {port}: port {port} is in use on {LOOPBACK} by another program.\n"
                "Choose another with --port N, or leave --port out for any free port."
            ) from None
        raise BadInput(
            f"--port {port}: cannot listen on {LOOPBACK}:{port}: {error.strerror}"
        ) from None
    sock.setblocking(False)
    return sock


def app_command() -> str:
    """The shell command textual-serve runs for each tab: this Python's breath-tui home screen,
    with the environment (BREATH_TUI_HOME, TEXTUAL_ANIMATIONS, NO_COLOR) of `serve` itself."""
    import shlex

    argv = shlex.join([sys.executable, "-m", "breath_tui"])
    # exec: the shell becomes breath-tui, so the process textual-serve waits on is the app.
    return argv if os.name == "nt" else f"exec {argv}"


class LocalServer(Server):
    """textual-serve's Server on a socket bound to 127.0.0.1, every request through a Guard."""

    def __init__(self, sock: socket.socket, guard: Guard, command: str | None = None) -> None:
        """Args:
        sock: from bind_loopback.
        guard: the rules, for the port `sock` is bound to.
        command: what each tab runs (default: app_command()).
        """
        super().__init__(
            command or app_command(),
            host=LOOPBACK,
            port=guard.port,
            title=TITLE,
            templates_path=TEMPLATES,
        )
        self.sock = sock
        self.guard = guard
        self._services: set[AppService] = set()
        self._sockets: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard_middleware)
        return app

    @web.middleware
    async def _guard_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        cookie = request.cookies.get(self.guard.cookie_name)
        refusal = self.guard.refusal(
            host=request.headers.get("Host"),
            origin=request.headers.get("Origin"),
            websocket=request.headers.get("Upgrade", "").lower() == "websocket",
            query_token=request.query.get("token"),
            cookie_token=cookie,
        )
        if refusal is not None:
            log.warning("refused %s %s: %s", request.method, request.path, refusal.reason)
            return web.Response(status=403, text=f"403 Forbidden: {refusal.reason}.\n")
        response = await handler(request)
        if not self.guard.token_matches(cookie) and not response.prepared:
            # SameSite=Strict: the browser sends it only with this server's own pages' requests
            # (its scripts, its websocket), never when another site's page makes one.
            response.set_cookie(
                self.guard.cookie_name, self.guard.token, httponly=True, samesite="Strict"
            )
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page: textual-serve's terminal, its websocket on the host the browser used."""
        host = request.headers["Host"]  # one of the Guard's hosts: it let the request through
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": TITLE},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers.update(PAGE_HEADERS)
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' ws://{host}; frame-ancestors 'none'; base-uri 'none'; "
            "form-action 'none'"
        )
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: a breath-tui process, its screen sent to the page and the page's keys to it.

        textual-serve's own handler, with each app and socket kept so that a stop can end them.
        """
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self._sockets.add(websocket)
        self._services.add(service)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (ValueError, AssertionError) as error:
            # A message the page would never send (not JSON, or not a list): end this tab.
            log.warning("closed a tab after a malformed message: %s", error)
        finally:
            await self._stop_service(service)
            self._services.discard(service)
            self._sockets.discard(websocket)
            await websocket.close()
        return websocket

    async def _stop_service(self, service: AppService) -> None:
        """Ask the app to quit (it closes its journal), wait, and kill it if it hangs."""
        # AppService keeps its process private; textual-serve is pinned to a version with it.
        process = service._process
        try:
            await asyncio.wait_for(asyncio.shield(service.stop()), QUIT_SECONDS)
        except TimeoutError:
            log.warning("a tab's app did not quit within %g s; stopping it", QUIT_SECONDS)
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def on_startup(self, app: web.Application) -> None:
        """Nothing printed here: `serve` prints the address itself (textual-serve's banner
        would print an address without the token)."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Stop every tab's app, then close the sockets (the pages say 'Session ended')."""
        await asyncio.gather(*(self._stop_service(s) for s in list(self._services)))
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"breath-tui stopped")

    async def run_until(self, stop: asyncio.Event, on_ready: Callable[[], Any]) -> None:
        """Serve until `stop` is set, then end every tab and close.

        Args:
            stop: set by the caller (Ctrl+C, SIGTERM, a test) to stop.
            on_ready: called once the server answers (prints the address, opens the browser).
        """
        runner = web.AppRunner(
            await self._make_app(), access_log=None, handle_signals=False, shutdown_timeout=2.0
        )
        await runner.setup()
        try:
            await web.SockSite(runner, self.sock).start()
            on_ready()
            await stop.wait()
        finally:
            await runner.cleanup()


def serve(sock: socket.socket, guard: Guard, on_ready: Callable[[], Any]) -> None:
    """Serve breath-tui on `sock` until Ctrl+C or SIGTERM; returns once every tab has ended.

    Args:
        sock: from bind_loopback.
        guard: the rules for its port.
        on_ready: called once the server answers.
    """

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            # Windows has no add_signal_handler: there Ctrl+C raises KeyboardInterrupt instead.
            with contextlib.suppress(NotImplementedError, AttributeError):
                loop.add_signal_handler(signum, stop.set)
        await LocalServer(sock, guard).run_until(stop, on_ready)

    try:
        asyncio.run(main())
    finally:
        sock.close()
