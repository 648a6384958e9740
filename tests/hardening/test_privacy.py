"""Privacy: no network socket is ever opened, every file breath-tui writes is 0600 in a 0700
folder, and an export never replaces a file unless --force is given."""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from breath_tui.cli import main
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.screens.dialogs import SessionEndScreen

from ..ui.helpers import make_app, wait_until_started

Make = Callable[..., Any]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any network socket, connection or name lookup fails loudly, and is recorded.

    Local sockets (AF_UNIX) stay allowed: asyncio's event loop wakes itself with a socketpair.
    The record is checked at the end, so an attempt swallowed by a broad except still fails.
    """
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.family != socket.AF_UNIX:
                attempts.append(f"socket(family={self.family!r})")
                self.close()
                raise AssertionError(f"breath-tui opened a network socket: {self.family!r}")

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args}")
            raise AssertionError(f"breath-tui tried the network: {name}{args}")

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == [], attempts


def test_the_guard_itself_catches_a_network_socket(no_network: list[str]) -> None:
    """The guard is real: opening an internet socket fails (and a local one does not)."""
    with pytest.raises(AssertionError, match="network socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    socket.socketpair()[0].close()
    assert no_network == ["socket(family=<AddressFamily.AF_INET: 2>)"]
    no_network.clear()


def test_a_whole_plain_session_opens_no_socket(
    no_network: list[str],
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Breathe --plain, import, history, every export and forget, in one process: no network."""
    monkeypatch.setenv("BREATH_TUI_CLOCK_SPEED", "100")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(make_checkin().to_json() + "\n" for _ in range(3)))
    runs = [
        ["breathe", "--plain", "--no-sound", "--pattern", "4-0-6", "--cycles", "3"],
        ["patterns"],
        ["import", str(source)],
        ["history", "--plain"],
        ["export", "--format", "jsonl"],
        ["export", "--format", "csv"],
        ["export", "--format", "md", "-o", str(tmp_path / "out.md")],
        ["forget", "--yes"],
    ]
    for argv in runs:
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert "Finished: 3 breaths" in capsys.readouterr().out


async def test_a_full_screen_breathing_session_opens_no_socket(no_network: list[str]) -> None:
    """A Pilot-driven session from first breath to summary and close: no network socket."""
    app, clock, _ = make_app(cycles=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_started(pilot)
        for _ in range(4):
            clock.advance(5.0)
            screen = pilot.app.screen
            if isinstance(screen, BreathingScreen):
                screen.sync()
            await pilot.pause()
        await pilot.press("space", "space", "plus", "minus", "m")
        assert isinstance(app.screen, SessionEndScreen)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value.line.startswith("Finished: 2 breaths")


STRACE = shutil.which("strace")
needs_strace = pytest.mark.skipif(STRACE is None, reason="strace is not installed")
NETWORK_FAMILIES = re.compile(r"\b(AF_INET6?|AF_PACKET|AF_NETLINK|PF_INET6?)\b")


def _network_calls(trace: Path) -> list[str]:
    """System calls in an strace log that reach beyond this machine's local sockets."""
    calls = []
    for line in trace.read_text().splitlines():
        if re.search(r"\b(socket|connect|sendto|sendmsg|bind)\(", line) and NETWORK_FAMILIES.search(
            line
        ):
            calls.append(line)
    return calls


def _env(tmp_path: Path) -> dict[str, str]:
    """A quiet ALSA device (a null sink) so the cue player runs as on a desk, with no card."""
    conf = tmp_path / "asound.conf"
    conf.write_text("pcm.!default { type null }\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE", "PIPEWIRE"))}
    alsa = Path("/usr/share/alsa/alsa.conf")
    env.update(
        BREATH_TUI_HOME=str(tmp_path / "home"),
        BREATH_TUI_CLOCK_SPEED="8",  # whole sessions in seconds
        ALSA_CONFIG_PATH=f"{alsa}:{conf}" if alsa.exists() else str(conf),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    return env


@needs_strace
def test_the_strace_check_itself_sees_an_internet_socket(tmp_path: Path) -> None:
    """The log check is real: a process that makes (but never uses) an AF_INET socket is caught."""
    trace = tmp_path / "trace.txt"
    code = "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()"
    subprocess.run(
        [STRACE or "strace", "-f", "-e", "trace=network", "-o", str(trace), sys.executable]
        + ["-c", code],
        check=True,
        timeout=60,
    )
    assert len(_network_calls(trace)) == 1


@needs_strace
def test_strace_sees_no_network_call_in_a_plain_session_with_sound(tmp_path: Path) -> None:
    """Under `strace -f -e trace=network`, a plain session with cues makes no network call."""
    trace = tmp_path / "trace.txt"
    argv = ["breathe", "--plain", "--pattern", "4-0-6", "--cycles", "2"]
    done = subprocess.run(
        [STRACE or "strace", "-f", "-e", "trace=network", "-o", str(trace), sys.executable]
        + ["-m", "breath_tui", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "Finished: 2 breaths" in done.stdout
    assert trace.stat().st_size > 0  # strace did run and write its log
    assert _network_calls(trace) == []


@needs_strace
def test_strace_sees_no_network_call_in_the_full_screen_app(tmp_path: Path) -> None:
    """The full-screen app on a terminal, breathing to the end and closed: no network call."""
    from bench.pty_run import PtyProcess

    trace = tmp_path / "trace.txt"
    app = PtyProcess(
        [STRACE or "strace", "-f", "-e", "trace=network", "-o", str(trace), sys.executable]
        + ["-m", "breath_tui", "breathe", "--pattern", "4-0-6", "--cycles", "2"],
        env={**_env(tmp_path), "TEXTUAL_ANIMATIONS": "none"},
    )
    try:
        app.wait_for("Finished", timeout=60)
        os.write(app.master, b"\r")
        app.process.wait(timeout=30)
    finally:
        if app.process.poll() is None:
            app.stop()
        else:
            os.close(app.master)
    assert app.process.returncode == 0, bytes(app.output)[-500:]
    assert trace.stat().st_size > 0
    assert _network_calls(trace) == []


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask of 0, so the test shows the modes come from breath-tui, not from the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_every_file_written_is_0600_in_a_0700_folder(
    open_umask: None,
    breath_home: Path,
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
) -> None:
    """After import, a damaged journal moved aside and exports with and without --force, every
    file breath-tui made is 0600, and the folder it made 0700."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join(make_checkin().to_json() + "\n" for _ in range(3)))
    breath_home.mkdir(mode=0o700)
    (breath_home / "journal.sqlite3").write_bytes(b"damaged" * 1000)
    os.chmod(breath_home / "journal.sqlite3", 0o644)
    assert main(["import", str(source)]) == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    for fmt in ("jsonl", "csv", "md"):
        target = exports / f"journal.{fmt}"
        assert main(["export", "--format", fmt, "-o", str(target)]) == 0
        assert main(["export", "--format", fmt, "-o", str(target), "--force"]) == 0
    capsys.readouterr()
    made = [*breath_home.iterdir(), *exports.iterdir()]
    assert any(".corrupt-" in p.name for p in made) and len(list(exports.iterdir())) == 3
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {
        p.name: "0o600" for p in made
    }
    assert stat.S_IMODE(breath_home.stat().st_mode) == 0o700


def test_export_never_replaces_a_file_without_force(
    breath_home: Path, capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """An existing file, a symlink to one, or a dangling symlink: refused (exit 2), all untouched."""
    source = tmp_path / "in.jsonl"
    source.write_text(make_checkin().to_json() + "\n")
    assert main(["import", str(source)]) == 0
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(precious)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    capsys.readouterr()
    for target in (precious, link, dangling):
        for fmt in ("jsonl", "csv", "md"):
            assert main(["export", "--format", fmt, "-o", str(target)]) == 2
            assert "add --force" in capsys.readouterr().err
    assert precious.read_text() == "keep me"
    assert link.is_symlink() and dangling.is_symlink()
    assert not (tmp_path / "nowhere.md").exists()


def test_every_folder_made_on_the_way_is_0700(open_umask: None, tmp_path: Path) -> None:
    """A folder made with missing folders above it (BREATH_TUI_HOME a/b/c, sounds/own): each
    one made is 0700, not only the last (the others had the umask's mode); the one there stays."""
    from breath_tui.core.locations import ensure_private_dir

    os.chmod(tmp_path, 0o755)
    assert ensure_private_dir(tmp_path / "a" / "b" / "c") is None
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
