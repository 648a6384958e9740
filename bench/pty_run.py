"""Run a terminal program in a pseudo-terminal of a given size, draining its output."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import struct
import subprocess
import termios
import threading
import time
from pathlib import Path


class PtyProcess:
    """A child process on a pty; its output is read (and kept) by a background thread."""

    def __init__(
        self, argv: list[str], size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None
    ):
        master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
        }
        full_env.update(env or {})
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._seen: dict[bytes, float] = {}
        self._watch: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.monotonic()
            with self._lock:
                self.output.extend(chunk)
                for marker in self._watch:
                    if marker not in self._seen and marker in self.output:
                        self._seen[marker] = now

    def wait_for(self, marker: str, timeout: float = 20.0) -> float:
        """Seconds from start until `marker` first appeared in the output."""
        key = marker.encode()
        with self._lock:
            self._watch.append(key)
            if key in self.output:
                self._seen[key] = time.monotonic()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if key in self._seen:
                    return self._seen[key] - self.started
            time.sleep(0.001)
        raise TimeoutError(f"{marker!r} did not appear within {timeout} s")

    def write(self, keys: str) -> None:
        """Type `keys` at the child's terminal."""
        os.write(self.master, keys.encode())

    def cpu_seconds(self) -> float:
        """User + system CPU time the child has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def rss_bytes(self) -> int:
        """Resident memory of the child."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        """End the child and its reader (again is harmless)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, 9)
        self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            os.close(self.master)
