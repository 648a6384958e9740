"""Input that is not bounded: every hostile or mistaken file and option ends in exit 2 and one
message naming the file, line or option, never a traceback, a hang or a run on memory."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import CheckIn
from breath_tui.journal import Journal
from breath_tui.journal.exchange import MAX_LINE_BYTES, read_checkins

Make = Callable[..., CheckIn]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def import_line(capsys, tmp_path: Path, line: str) -> tuple[int, str]:
    """Import a file of one good check-in line then `line`; return (status, stderr)."""
    good = (
        '{"schema": 1, "id": "00000000-0000-4000-8000-000000000001", '
        '"started_at": "2024-05-01T09:30:00+01:00", "kind": "checkin"}'
    )
    file = tmp_path / "in.jsonl"
    file.write_text(f"{good}\n{line}\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    return status, err


def checkin_line(**fields: object) -> str:
    data = {
        "schema": 1,
        "id": "00000000-0000-4000-8000-000000000002",
        "started_at": "2024-05-02T09:30:00+01:00",
        "kind": "checkin",
        **fields,
    }
    return json.dumps(data)


def assert_refused(capsys, tmp_path, line: str, *words: str) -> None:
    status, err = import_line(capsys, tmp_path, line)
    assert status == 2, err
    assert "line 2:" in err and "Nothing was imported" in err and "Traceback" not in err
    for word in words:
        assert word in err, err
    if (tmp_path / "home" / "journal.sqlite3").exists():
        with Journal() as journal:
            assert journal.count() == 0


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('{"x": ' + "[" * 1000 + "]" * 1000 + "}", ("nested too deeply",)),
        ('{"schema": 1, "n": ' + "9" * 5000 + "}", ("too many digits",)),
        (checkin_line(note="\ud800"), ("note", "surrogate")),
        (checkin_line(extra={"k": "\udfff"}), ("surrogate",)),
        (checkin_line(**{"\ud800": 1}), ("key", "surrogate")),
        (
            checkin_line(body=[{"region": "a", "sensations": [], "intensity": 1, "\udbff": 1}]),
            ("body[0]", "surrogate"),
        ),
        (checkin_line(extra=float("nan")), ("NaN",)),
        (checkin_line(extra=float("inf")), ("Infinity",)),
        (checkin_line()[:-1] + ', "big": 1e400}', ("big", "finite")),
        (
            checkin_line(
                breathing={
                    "pattern": "p",
                    "phases": [],
                    "tempo": 1,
                    "cycles": 10**300,
                    "seconds": 1,
                }
            ),
            ("breathing.cycles", "0-1000"),
        ),
        (
            checkin_line(
                breathing={"pattern": "p", "phases": [], "tempo": 1, "cycles": 1, "seconds": 1e308}
            ),
            ("breathing.seconds", "at most 86400"),
        ),
        (checkin_line(note="n" * 100_001), ("note", "at most 100000")),
        (checkin_line(feelings=[{"word": "w", "intensity": "very"}] * 101), ("at most 100",)),
        (
            checkin_line(extra=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
            ("32",),
        ),
    ],
)
def test_a_hostile_import_line_is_refused_naming_it(capsys, tmp_path, line, words) -> None:
    """Deep nesting, huge integers, lone surrogates, NaN, absurd sizes: exit 2 naming line 2,
    and nothing of the file imported (the good first line neither)."""
    assert_refused(capsys, tmp_path, line, *words)


def test_an_over_long_line_is_refused_without_being_held(capsys, tmp_path) -> None:
    """A line over the limit is named; the lines after it are still read and counted."""
    assert_refused(capsys, tmp_path, '"' + "x" * (MAX_LINE_BYTES + 10) + '"', "longer than 1 MiB")


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/null", "FIFO", "FOLDER"])
def test_import_refuses_what_is_not_a_regular_file(capsys, tmp_path, name) -> None:
    """/dev/zero (read forever), a device, a named pipe (would wait) and a folder: exit 2 at once."""
    if name == "FIFO":
        name = str(tmp_path / "pipe")
        os.mkfifo(name)
    elif name == "FOLDER":
        name = str(tmp_path)
    status, _, err = run(capsys, "import", name)
    assert status == 2 and "not a regular file" in err and name in err


def test_import_reads_a_line_at_a_time() -> None:
    """The reader yields the first check-in before it reads the second line: a large file is
    streamed, never held in memory whole."""
    first = checkin_line().replace("000000000002", "000000000003")

    class Stream(io.BytesIO):
        reads = 0

        def readline(self, size: int | None = -1) -> bytes:
            Stream.reads += 1
            return super().readline(size)

    stream = Stream(f"{first}\n{checkin_line()}\n".encode())
    checkins = read_checkins(stream, "f")
    next(checkins)
    assert Stream.reads == 1


def test_import_of_standard_input_is_bounded_too(capsys, monkeypatch) -> None:
    """`import -` takes the same line limit as a file."""
    data = b'"' + b"y" * (MAX_LINE_BYTES + 1) + b'"\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, _, err = run(capsys, "import", "-")
    assert status == 2 and "standard input, line 1" in err


class Zeros(io.RawIOBase):
    """/dev/zero as standard input: NUL bytes, no newline, up to `size`; counts what is read."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        self.read_bytes += count
        return count


def test_import_of_endless_standard_input_stops_at_the_size_limit(capsys, monkeypatch) -> None:
    """`import - < /dev/zero`: one endless line is skipped only up to the file limit, then exit
    2 (the skipping loop never looked at the limit and read forever)."""
    import breath_tui.journal.exchange as exchange

    limit = 4 * MAX_LINE_BYTES
    monkeypatch.setattr(exchange, "MAX_IMPORT_BYTES", limit)
    zeros = Zeros(64 * limit)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(zeros)))
    status, _, err = run(capsys, "import", "-")
    assert status == 2 and "standard input" in err and "larger than" in err, err
    assert zeros.read_bytes <= limit + MAX_LINE_BYTES + (1 << 17)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a = " + "[" * 500 + "]" * 500, ("nested too deeply",)),
        ("[sound]\nvolume = " + "9" * 5000, ("line 2", "4,300 digits")),
    ],
)
def test_a_hostile_config_is_refused_naming_the_file(capsys, breath_home, text, words) -> None:
    """config.toml nested 500 deep or holding a 5,000-digit number: exit 2 naming the file."""
    breath_home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (breath_home / "config.toml").write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "patterns")
    assert status == 2 and "config.toml" in err and "Traceback" not in err
    for word in words:
        assert word in err


def test_a_config_that_is_a_device_or_too_large_is_refused(capsys, breath_home) -> None:
    """A config.toml that is a FIFO, or over 1 MiB, is refused at once with exit 2."""
    breath_home.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.mkfifo(breath_home / "config.toml")
    status, _, err = run(capsys, "patterns")
    assert status == 2 and "not a regular file" in err
    (breath_home / "config.toml").unlink()
    (breath_home / "config.toml").write_text("# " + "x" * (1 << 20))
    status, _, err = run(capsys, "patterns")
    assert status == 2 and "larger than 1024 KiB" in err


@pytest.mark.parametrize("value", ["99999999999999999999999", "0", "-3", "1e3"])
def test_history_limit_is_bounded(capsys, value) -> None:
    """--limit beyond 64 bits (an OverflowError before), 0, negative or not whole: exit 2."""
    status, _, err = run(capsys, "history", "--plain", "--limit", value)
    assert status == 2 and "--limit" in err and "Traceback" not in err


def test_history_plain_is_linear_in_a_long_note(capsys, make_checkin: Make) -> None:
    """The longest note, one long word, is printed whole, not wrapped (wrapping one long
    word was quadratic: a 5 MB note took 32 s)."""
    with Journal() as journal:
        journal.add(make_checkin(note="w" * 99_000))
    status, out, _ = run(capsys, "history", "--plain")
    assert status == 0 and ("w" * 99_000) in out


LONG = "x" * 10_000


@pytest.mark.parametrize(
    "argv",
    [
        ["breathe", "--plain", "--pattern", LONG],
        ["breathe", "--plain", "--pattern", "4-4-" + LONG],
        ["breathe", "--plain", "--pattern", "4-4-" + "9" * 10_000],
        ["breathe", "--plain", "--minutes", LONG],
        ["breathe", "--plain", "--cycles", LONG],
        ["breathe", "--plain", "--cycles", "9" * 4000],
        ["breathe", "--plain", "--tempo", LONG],
        ["breathe", "--plain", "--sensor", LONG],
        ["history", "--plain", "--since", LONG],
        ["export", "--since", LONG],
        ["export", "--format", LONG],
        ["resonance", "--analyse", "x", "--minutes-each", LONG],
        ["serve", "--port", "9" * 10_000],
        ["history", "--plain", LONG],
        [LONG],
    ],
)
def test_a_long_value_is_not_repeated_in_full(capsys, argv) -> None:
    """A 10,000-character option value is refused (exit 2) in a short message that never
    repeats it whole (at most its first 60 characters and '...')."""
    status, _, err = run(capsys, *argv)
    assert status == 2 and "Traceback" not in err
    assert len(err) < 600 and LONG not in err and "9" * 100 not in err, err


def test_a_pattern_name_of_five_thousand_characters_is_refused_in_one_short_line(capsys) -> None:
    """`breathe --pattern` with a 5,000-character name: exit 2, one line that does not repeat
    it (a name is at most 200 characters, as in config.toml and the journal)."""
    status, out, err = run(capsys, "breathe", "--plain", "--no-sound", "--pattern", "x" * 5000)
    assert (status, out) == (2, "")
    assert err == "breath-tui: a pattern name is at most 200 characters; this one has 5,000\n"
