"""`breath-tui serve` as a process: the address, loopback only, the Guard at work on real
requests and websockets, a port in use, and Ctrl+C with a tab open."""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.browser import ServeProcess

BIN = Path(sys.executable).parent
CRISIS_LINE = "Call Robin on 555-0100 (from this test's config)."
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="serve's signals are POSIX")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """One `breath-tui serve --no-browser` for the read-only checks, with its own config."""
    home = tmp_path_factory.mktemp("serve-home")
    (home / "config.toml").write_text(f'[safety]\ncrisis_text = "{CRISIS_LINE}"\n')
    served = ServeProcess(home)
    yield served
    served.stop()


def _port(server: ServeProcess) -> int:
    port = urlsplit(server.address).port
    assert port is not None
    return port


def _token(server: ServeProcess) -> str:
    return server.address.split("token=", 1)[1]


def _get(server: ServeProcess, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _cookie(server: ServeProcess) -> str:
    return f"breath_tui_token_{_port(server)}={_token(server)}"


async def _open_websocket(server: ServeProcess, origin: str, cookie: str | None) -> bytes:
    """Connect as a tab would; return the app's output until home's crisis line is in it."""
    import aiohttp

    url = f"ws://127.0.0.1:{_port(server)}/ws?width=100&height=30"
    headers = {"Cookie": cookie} if cookie else {}
    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url, origin=origin, headers=headers) as websocket,
    ):
        async for message in websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
                if CRISIS_LINE.encode() in received:
                    break
    return received


def test_the_address_is_one_line_on_loopback_with_a_token(server: ServeProcess):
    """serve prints exactly one line starting http://, of the form http://127.0.0.1:PORT/?token=..."""
    addresses = [line for line in server.lines if line.startswith("http://")]
    assert len(addresses) == 1
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{40,}", addresses[0])


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc/net/tcp")
def test_it_listens_on_127_0_0_1_only(server: ServeProcess):
    """The only listening socket on serve's port is bound to 127.0.0.1, never 0.0.0.0 or IPv6."""
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, port = local.split(":")
            if state == "0A" and int(port, 16) == _port(server):  # 0A: LISTEN
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, as the kernel writes it


def test_the_page_without_the_token_is_403(server: ServeProcess):
    """GET / with neither the token nor its cookie is refused with 403."""
    assert _get(server, "/").status == 403


def test_the_page_with_a_wrong_token_is_403(server: ServeProcess):
    """GET /?token=<another> is refused with 403."""
    assert _get(server, "/?token=" + "x" * 43).status == 403


def test_the_page_with_the_token_is_200_and_sets_a_strict_cookie(server: ServeProcess):
    """GET /?token=<the token> is 200 and sets the token cookie HttpOnly and SameSite=Strict."""
    response = _get(server, f"/?token={_token(server)}")
    assert response.status == 200
    cookie = response.getheader("Set-Cookie") or ""
    assert cookie.startswith(_cookie(server))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_the_pages_script_needs_the_cookie(server: ServeProcess):
    """textual-serve's script is 403 without the token cookie and 200 with it."""
    assert _get(server, "/static/js/textual.js").status == 403
    assert _get(server, "/static/js/textual.js", Cookie=_cookie(server)).status == 200


def test_another_host_name_is_403_even_with_the_token(server: ServeProcess):
    """DNS rebinding: Host evil.example:PORT is refused although the token is right."""
    host = f"evil.example:{_port(server)}"
    assert _get(server, f"/?token={_token(server)}", Host=host).status == 403


def test_localhost_is_this_server_too(server: ServeProcess):
    """Host localhost:PORT with the token is served (200)."""
    host = f"localhost:{_port(server)}"
    assert _get(server, f"/?token={_token(server)}", Host=host).status == 200


async def test_a_websocket_from_another_origin_is_403(server: ServeProcess):
    """A websocket with the cookie but Origin http://evil.example is refused with 403."""
    import aiohttp

    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await _open_websocket(server, "http://evil.example", _cookie(server))
    assert refused.value.status == 403


async def test_a_websocket_without_the_token_is_403(server: ServeProcess):
    """A websocket from the page's own origin but without the cookie is refused with 403."""
    import aiohttp

    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await _open_websocket(server, f"http://127.0.0.1:{_port(server)}", None)
    assert refused.value.status == 403


async def test_the_pages_websocket_runs_home_with_the_same_config(server: ServeProcess):
    """The page's websocket (own origin, cookie) runs home, showing config.toml's crisis line."""
    received = await _open_websocket(server, f"http://127.0.0.1:{_port(server)}", _cookie(server))
    assert b"Start-of-session" in received
    assert CRISIS_LINE.encode() in received


def test_a_port_in_use_exits_2_naming_the_port(breath_home: Path):
    """--port N with N taken: exit 2, no traceback, and the one or two lines name port N."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(BIN / "breath-tui"), "serve", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2
    assert f"port {port} is in use" in lines[0]
    assert "Traceback" not in result.stderr


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds child processes in /proc")
async def test_ctrl_c_with_a_tab_open_exits_0_and_leaves_no_process(breath_home: Path):
    """SIGINT to serve while a tab's app runs: exit 0, no traceback, and that app has ended."""
    breath_home.mkdir(parents=True, exist_ok=True)
    (breath_home / "config.toml").write_text(f'[safety]\ncrisis_text = "{CRISIS_LINE}"\n')
    served = ServeProcess(breath_home)
    try:
        await _interrupt_with_a_tab_open(served)
    finally:
        status, out, err = served.stop()
    assert status == 0
    assert "Traceback" not in out + err
    assert not [pid for pid in served.apps if _alive(pid)]


async def _interrupt_with_a_tab_open(served: ServeProcess) -> None:
    """Open a tab's websocket, note its app process, then Ctrl+C serve and wait for the close."""
    import aiohttp

    url = f"ws://127.0.0.1:{_port(served)}/ws?width=100&height=30"
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(
            url,
            origin=f"http://127.0.0.1:{_port(served)}",
            headers={"Cookie": _cookie(served)},
        ) as websocket,
    ):
        received = b""
        async for message in websocket:
            received += message.data if message.type == aiohttp.WSMsgType.BINARY else b""
            if CRISIS_LINE.encode() in received:
                break
        served.apps = _children(served.process.pid)  # type: ignore[attr-defined]
        assert served.apps, "the tab's app runs as a child of serve"  # type: ignore[attr-defined]
        served.process.send_signal(signal.SIGINT)
        async for _message in websocket:  # the server closes the tab's socket as it stops
            pass


@pytest.mark.parametrize("port", ["70000", "-1", "eighty"])
def test_a_port_that_is_no_port_exits_2_naming_the_option(port: str, capsys):
    """--port outside 0-65535, or not a number: exit 2 and one line naming --port."""
    from breath_tui.cli import main

    assert main(["serve", "--no-browser", "--port", port]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--port" in err[0]


def test_a_broken_config_exits_2_before_serving(breath_home: Path, capsys):
    """A broken config.toml stops serve with exit 2 naming the file and line, not a blank tab."""
    from breath_tui.cli import main

    breath_home.mkdir()
    (breath_home / "config.toml").write_text("[breathing]\ntempo = 9\n")
    assert main(["serve", "--no-browser"]) == 2
    captured = capsys.readouterr()
    assert f"{breath_home / 'config.toml'}, line 2" in captured.err
    assert "http://" not in captured.out
