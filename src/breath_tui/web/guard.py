"""Who may open the served app: the person at this machine, holding this run's token.

Three checks, each enough to stop a web page the person happens to visit:

- Host must be 127.0.0.1:PORT or localhost:PORT. A DNS-rebinding page (evil.example resolving
  to 127.0.0.1) sends its own name as Host, so it is refused before the token is even looked at.
- Origin, when a request carries one, must be this server's own (a websocket must carry it:
  browsers always do, and another site's page gets refused however it learnt the token).
- The token: in the query of the address printed at start (`?token=...`), or in the cookie
  the first tokened page sets (HttpOnly, SameSite=Strict, so another site's page never sends
  it). Compared in constant time.

Pure stdlib, so the rules are tested without a server.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"
TOKEN_BYTES = 32  # 256 random bits, about 43 URL-safe characters, as Jupyter's default token


@dataclass(frozen=True)
class Refusal:
    """Why a request was refused (shown in the 403 body, never the token)."""

    reason: str


@dataclass(frozen=True)
class Guard:
    """The rules for one run of `breath-tui serve` on one port.

    Attributes:
        port: the port the server listens on (127.0.0.1 only).
        token: the secret that opens it; a fresh one each run.
    """

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES), repr=False)

    @property
    def address(self) -> str:
        """The address to open: http://127.0.0.1:PORT/?token=..."""
        return f"http://{LOOPBACK}:{self.port}/?token={self.token}"

    @property
    def cookie_name(self) -> str:
        """The cookie holding the token. Browsers share cookies between the ports of one host,
        so the port is in the name: two runs on two ports do not overwrite each other's."""
        return f"breath_tui_token_{self.port}"

    @property
    def hosts(self) -> frozenset[str]:
        """Host headers that name this server."""
        return frozenset({f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        """Origins of this server's own pages."""
        return frozenset(f"http://{host}" for host in self.hosts)

    def token_matches(self, candidate: str | None) -> bool:
        """True when `candidate` is the token; the comparison takes the same time wherever the
        first wrong character is, so the token cannot be guessed one character at a time."""
        if candidate is None:
            return False
        return hmac.compare_digest(candidate.encode(), self.token.encode())

    def refusal(
        self,
        *,
        host: str | None,
        origin: str | None,
        websocket: bool,
        query_token: str | None,
        cookie_token: str | None,
    ) -> Refusal | None:
        """Why a request may not pass, or None when it may.

        Args:
            host: the Host header.
            origin: the Origin header, if any.
            websocket: whether the request asks to upgrade to a websocket.
            query_token: `token` from the query string, if any.
            cookie_token: the token cookie, if any.
        """
        if host is None or host.lower() not in self.hosts:
            return Refusal("this server answers only to 127.0.0.1 and localhost")
        if origin is None and websocket:
            return Refusal("a websocket must come from this server's own page")
        if origin is not None and origin.lower() not in self.origins:
            return Refusal("requests from other sites are refused")
        if not (self.token_matches(query_token) or self.token_matches(cookie_token)):
            return Refusal("open the address breath-tui serve printed (it carries the token)")
        return None
