"""The rules of `breath-tui serve`'s Guard: host, origin and token, each enough to refuse."""

from __future__ import annotations

import subprocess
import sys

import pytest

from breath_tui.web.guard import Guard

PORT = 8123
TOKEN = "s3cret-token"


def _refusal(**overrides: object):
    request: dict[str, object] = {
        "host": f"127.0.0.1:{PORT}",
        "origin": None,
        "websocket": False,
        "query_token": TOKEN,
        "cookie_token": None,
    }
    request.update(overrides)
    return Guard(PORT, TOKEN).refusal(**request)  # type: ignore[arg-type]


def test_the_tokened_address_passes():
    """A page request to 127.0.0.1:PORT with the token in the query passes."""
    assert _refusal() is None


def test_the_cookie_alone_passes():
    """The cookie set by the first tokened page opens later requests (scripts, reloads)."""
    assert _refusal(query_token=None, cookie_token=TOKEN) is None


@pytest.mark.parametrize("token", [None, "", "s3cret-toke", "s3cret-token!", "S3CRET-TOKEN", "é"])
def test_anything_but_the_exact_token_is_refused(token):
    """No token, a prefix, a longer string, another case or a non-ASCII one: refused."""
    assert _refusal(query_token=token, cookie_token=token) is not None


@pytest.mark.parametrize(
    "host", [None, "evil.example", f"evil.example:{PORT}", "127.0.0.1:9999", "0.0.0.0:8123"]
)
def test_a_host_other_than_this_server_is_refused_even_with_the_token(host):
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 sends that name as Host."""
    assert _refusal(host=host) is not None


@pytest.mark.parametrize("host", [f"localhost:{PORT}", f"LOCALHOST:{PORT}", f"127.0.0.1:{PORT}"])
def test_both_loopback_names_are_this_server(host):
    """127.0.0.1 and localhost, in any case, name this server."""
    assert _refusal(host=host) is None


def test_a_websocket_from_this_servers_page_passes():
    """The page's own websocket (Origin http://127.0.0.1:PORT, cookie) passes."""
    assert (
        _refusal(
            websocket=True,
            origin=f"http://127.0.0.1:{PORT}",
            query_token=None,
            cookie_token=TOKEN,
        )
        is None
    )


@pytest.mark.parametrize(
    "origin",
    [None, "null", "http://evil.example", f"http://127.0.0.1:{PORT + 1}", "https://127.0.0.1:8123"],
)
def test_a_websocket_from_anywhere_else_is_refused_even_with_the_token(origin):
    """A websocket with no Origin, 'null' (a file or sandbox), another site or port: refused."""
    assert _refusal(websocket=True, origin=origin, cookie_token=TOKEN) is not None


def test_a_request_from_another_sites_page_is_refused():
    """Any request carrying another site's Origin is refused, token or not."""
    assert _refusal(origin="http://evil.example") is not None


def test_the_address_is_loopback_with_the_token():
    """The address printed is http://127.0.0.1:PORT/?token=TOKEN."""
    assert Guard(PORT, TOKEN).address == f"http://127.0.0.1:{PORT}/?token={TOKEN}"


def test_tokens_are_fresh_and_long():
    """Each Guard draws its own token of at least 40 URL-safe characters."""
    first, second = Guard(PORT), Guard(PORT)
    assert first.token != second.token
    assert len(first.token) >= 40
    assert first.token.replace("-", "").replace("_", "").isalnum()


def test_the_token_stays_out_of_the_guards_repr():
    """A Guard printed in a log or a traceback does not show its token."""
    guard = Guard(PORT)
    assert guard.token not in repr(guard)


def test_the_guard_imports_no_web_server():
    """The rules load neither aiohttp nor textual_serve (the command line stays fast)."""
    code = "import sys, breath_tui.web.guard; print(' '.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {m.split(".")[0] for m in loaded} & {"aiohttp", "textual_serve", "textual"}
