"""RR recording files: one interval in ms per line, bounded, every bad line named."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breath_tui.core.heart.recording import (
    MAX_FILE_BYTES,
    MAX_INTERVALS,
    MAX_LINE_BYTES,
    RecordingError,
    parse_lines,
    read_recording,
)


def write(tmp_path, text: str | bytes, name: str = "rr.txt"):
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text)
    else:
        path.write_bytes(text)
    return str(path)


def test_reads_one_interval_per_line_skipping_blanks_and_comments(tmp_path):
    """Blank lines and # comments are skipped; every other line is one interval in ms."""
    path = write(tmp_path, "# Polar export\n812\n\n  798.5 \n# note\n805\n")
    recording = read_recording(path)
    assert recording.intervals_ms == (812.0, 798.5, 805.0)
    assert recording.artifacts == ()


def test_windows_line_ends_and_a_byte_order_mark_are_accepted(tmp_path):
    """CR LF line ends and a UTF-8 byte order mark (Windows exports) read like plain lines."""
    path = write(tmp_path, b"\xef\xbb\xbf812\r\n798\r\n")
    assert read_recording(path).intervals_ms == (812.0, 798.0)


def test_intervals_outside_250_to_2500_ms_are_flagged_not_refused(tmp_path):
    """An interval below 250 or above 2500 ms is kept and listed as an artifact."""
    path = write(tmp_path, "800\n120\n2600\n2500\n250\n")
    recording = read_recording(path)
    assert len(recording.intervals_ms) == 5
    assert recording.artifacts == (1, 2)


@pytest.mark.parametrize("line", ["abc", "-800", "8,12", "800 ms", "1e3", "nan", "inf", "1_000"])
def test_a_line_that_is_not_a_number_names_file_and_line(tmp_path, line):
    """A line that is not one plain number is bad input naming the file and its line number."""
    path = write(tmp_path, f"812\n# fine\n{line}\n")
    with pytest.raises(RecordingError) as raised:
        read_recording(path)
    assert f"{path}, line 3" in str(raised.value)


def test_control_characters_in_a_bad_line_are_shown_escaped(tmp_path):
    """A bad line's text is quoted with escapes, never sent raw to the terminal."""
    path = write(tmp_path, "\x1b[2J\n")
    with pytest.raises(RecordingError) as raised:
        read_recording(path)
    assert "\x1b" not in str(raised.value)


def test_a_line_past_the_length_limit_is_refused_naming_it(tmp_path):
    """A line longer than MAX_LINE_BYTES is refused, naming its line, without reading it whole."""
    path = write(tmp_path, "812\n" + "8" * (MAX_LINE_BYTES + 50) + "\n")
    with pytest.raises(RecordingError, match="line 2: longer than"):
        read_recording(path)


def test_a_line_of_exactly_the_limit_is_read(tmp_path):
    """A line of MAX_LINE_BYTES (a number padded with spaces) is still read."""
    path = write(tmp_path, "812" + " " * (MAX_LINE_BYTES - 3) + "\r\n")
    assert read_recording(path).intervals_ms == (812.0,)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    """A file larger than MAX_FILE_BYTES is refused from its size alone."""
    path = tmp_path / "big.txt"
    with open(path, "wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(RecordingError, match="larger than"):
        read_recording(str(path))


def test_input_that_grows_past_the_size_limit_is_refused_naming_the_line():
    """Lines beyond MAX_FILE_BYTES in all (e.g. from a pipe) are refused at the line that passes it."""
    line = b"800".ljust(MAX_LINE_BYTES) + b"\n"
    lines = iter([line] * (MAX_FILE_BYTES // len(line) + 1))
    with pytest.raises(RecordingError, match=r"line \d+: the recording is larger"):
        parse_lines(lines, "standard input")


def test_more_intervals_than_the_limit_are_refused_as_they_are_read():
    """A file of short lines under the size limit but with more intervals than any recording
    needs (16 MB of "300" was 4 million, 1.1 GB of memory): refused at the first interval over
    the limit, naming the line, without reading on."""
    read = 0

    def lines():
        nonlocal read
        while True:
            read += 1
            yield b"# a comment\n" if read == 1 else b"300\n"

    with pytest.raises(RecordingError) as refused:
        parse_lines(lines(), "rr.txt")
    assert f"rr.txt, line {MAX_INTERVALS + 2}: more than {MAX_INTERVALS:,} intervals" in str(
        refused.value
    )
    assert read == MAX_INTERVALS + 2


def test_a_directory_is_not_a_recording(tmp_path):
    """A directory is refused as not a regular file."""
    with pytest.raises(RecordingError, match="not a regular file"):
        read_recording(str(tmp_path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    """A FIFO is refused before it is opened (opening it would wait for a writer)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RecordingError, match="not a regular file"):
        read_recording(str(fifo))


def test_a_missing_file_names_itself(tmp_path):
    """A file that does not exist is bad input naming it."""
    missing = str(tmp_path / "none.txt")
    with pytest.raises(RecordingError, match="cannot be read"):
        read_recording(missing)


def test_dash_reads_standard_input():
    """'-' reads the recording from standard input, and messages call it that."""
    recording = read_recording("-", stdin=io.BytesIO(b"800\n810\n"))
    assert recording.intervals_ms == (800.0, 810.0)
    with pytest.raises(RecordingError, match="standard input, line 2"):
        read_recording("-", stdin=io.BytesIO(b"800\nx\n"))


def test_not_utf8_names_the_line(tmp_path):
    """Bytes that are not UTF-8 are bad input naming the line."""
    path = write(tmp_path, b"800\n\xff\xfe\n")
    with pytest.raises(RecordingError, match="line 2: not UTF-8"):
        read_recording(path)


def test_beat_times_are_the_running_sum_of_intervals():
    """Each beat's time is the end of its interval, in seconds from the start."""
    recording = parse_lines([b"1000\n", b"500\n", b"750\n"], "x")
    assert recording.beat_times() == pytest.approx((1.0, 1.5, 2.25))
    assert recording.duration_s == pytest.approx(2.25)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.binary(max_size=30), max_size=20))
def test_any_lines_give_a_recording_or_an_error_naming_a_line(lines):
    """Whatever the lines hold, the result is a recording or a RecordingError naming a line."""
    try:
        recording = parse_lines([line + b"\n" for line in lines], "rr.txt")
    except RecordingError as error:
        assert str(error).startswith("rr.txt, line ")
        return
    assert all(value >= 0 for value in recording.intervals_ms)
