"""serve's socket and the page that opens the browser: loopback only, the token kept private."""

from __future__ import annotations

import socket
import stat

import pytest

from breath_tui.web.browser import ForwardPage, open_in_browser

ADDRESS = "http://127.0.0.1:8123/?token=abc&x=<1>"


def test_the_socket_is_bound_to_127_0_0_1():
    """bind_loopback listens on 127.0.0.1 and a port the system chose."""
    from breath_tui.web.server import bind_loopback

    with bind_loopback(0) as sock:
        host, port = sock.getsockname()
    assert host == "127.0.0.1" and port > 0


def test_a_taken_port_raises_port_in_use_naming_it():
    """bind_loopback on a port another socket listens on raises PortInUse naming the port."""
    from breath_tui.web.server import PortInUse, bind_loopback

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PortInUse, match=f"port {port} is in use"):
            bind_loopback(port)


def test_the_forward_page_is_private_to_this_user():
    """The page holding the token is 0600 in a 0700 folder, and remove() deletes both."""
    page = ForwardPage(ADDRESS)
    try:
        assert stat.S_IMODE(page.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(page.path.parent.stat().st_mode) == 0o700
    finally:
        page.remove()
    assert not page.path.parent.exists()


def test_the_forward_page_forwards_to_the_address_escaped():
    """The page refreshes to the address, its & and < written as HTML entities."""
    page = ForwardPage(ADDRESS)
    try:
        text = page.path.read_text()
    finally:
        page.remove()
    assert 'url=http://127.0.0.1:8123/?token=abc&amp;x=&lt;1&gt;"' in text


def test_the_browser_is_given_the_file_not_the_tokened_address(monkeypatch):
    """webbrowser gets a file:// URL, so the token never shows in the process list."""
    import threading
    import webbrowser

    opened: list[str] = []
    done = threading.Event()

    def fake_open(url: str) -> bool:
        opened.append(url)
        done.set()
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    page = ForwardPage(ADDRESS)
    try:
        open_in_browser(page, on_failure=lambda: None)
        assert done.wait(10)
    finally:
        page.remove()
    assert opened == [page.path.as_uri()]
    assert "token" not in opened[0]


def test_no_browser_is_reported(monkeypatch):
    """When webbrowser opens nothing (no browser on this machine), on_failure is called."""
    import threading
    import webbrowser

    failed = threading.Event()
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    page = ForwardPage(ADDRESS)
    try:
        open_in_browser(page, on_failure=failed.set)
        assert failed.wait(10)
    finally:
        page.remove()
