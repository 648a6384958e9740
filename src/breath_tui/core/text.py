"""Text the person wrote, made safe to show: for a terminal, a spreadsheet or a Markdown viewer.

Notes and words are text, never markup or commands. Stored text is kept exactly as written; these
functions change only how it is shown, at the moment it leaves the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The patterns are strings, compiled by `re` on first use and cached there: start-up does not
# pay for patterns a command never uses.

# C0 controls (ESC among them), DEL, C1 controls (U+009B is a one-byte CSI on some terminals),
# and the bidirectional overrides and isolates that can make text read differently from what
# it is. Line and paragraph separators are included: some viewers break lines at them.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
_UNSAFE_KEEPING_LINES = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Markdown punctuation that could turn a note into emphasis, a link, an image, HTML or a table.
_MARKDOWN_INLINE = r"([\\`*_\[\]<>|!~&])"
# At the start of a line these begin a heading, a quote, a list or a rule.
_MARKDOWN_LINE_START = r"(?m)^(\s*)([#+\-=])"
_MARKDOWN_NUMBERED = r"(?m)^(\s*\d+)([.)])"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_lines: bool = False) -> str:
    """Show control characters as escapes instead of sending them to the terminal.

    ESC becomes the four characters `\\x1b`, U+202E becomes `\\u202e`, and so on, so a note that
    holds a terminal escape sequence is seen for what it is and does nothing.

    Args:
        text: text as the person wrote it (or as an import file held it).
        keep_lines: keep newlines and tabs (for multi-line notes); a CR LF pair counts as a newline.

    Returns:
        The text with every control character replaced by a visible escape.
    """
    if keep_lines:
        return re.sub(_UNSAFE_KEEPING_LINES, _escape, text.replace("\r\n", "\n"))
    return re.sub(_UNSAFE, _escape, text)


CLIP_AT = 60
"""The most characters of a value a message repeats (a 10,000-character option is cut)."""


def clipped(text: str, most: int = CLIP_AT) -> str:
    """A value as typed, for a message: control characters escaped (see visible) and, past
    `most` characters, cut there with "..."."""
    return visible(text[:most]) + ("..." if len(text) > most else "")


def one_line(text: str) -> str:
    """Text for a single-line cell: line breaks become ' / ', tabs a space, controls escaped."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    joined = " / ".join(line for line in lines if line).replace("\t", " ")
    return visible(joined)


def neutralise_formula(cell: str) -> str:
    """Prefix an apostrophe to a spreadsheet cell that would otherwise run as a formula.

    Spreadsheets treat a cell starting with = + - @ tab or CR as a formula (OWASP "CSV
    injection"); the apostrophe makes them show it as text.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def markdown_quote(text: str) -> list[str]:
    """A note as a Markdown block quote, one "> " line per line, escaped to show as typed."""
    return [f"> {line}".rstrip() for line in markdown_text(text.strip()).split("\n")]


def markdown_text(text: str) -> str:
    """Escape text so a Markdown viewer shows it literally, never as links, HTML or emphasis."""
    escaped = re.sub(_MARKDOWN_INLINE, r"\\\1", visible(text, keep_lines=True))
    escaped = re.sub(_MARKDOWN_LINE_START, r"\1\\\2", escaped)
    return re.sub(_MARKDOWN_NUMBERED, r"\1\\\2", escaped)


def wrap_indented(text: str, width: int) -> str:
    """Wrap each line of `text` to `width` columns, its continuation lines under its own indent.

    A line's leading spaces are its indent: "  shoulders: tense 2 times, ..." wraps with the
    rest also two spaces in, so a wrapped item never reads as the start of a new one. Words
    longer than the width are broken; blank lines stay.
    """
    import textwrap

    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        if len(line) <= width or not line.strip():
            out.append(line)
            continue
        out += textwrap.wrap(
            line.lstrip(" "),
            width=width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        ) or [line]
    return "\n".join(out)


SCREEN_TEXT_MOST = 4_000
"""How much of one text a screen shows (the detail of an entry): a note may hold 100,000
characters, and wrapping all of them again at every resize would stall the window."""


def shown_part(text: str, most: int = SCREEN_TEXT_MOST) -> str:
    """The first `most` characters of `text`, then '... (95,999 more characters)' on a line of
    its own when there are more; the text itself when it is no longer. For screens only: a
    copy or a saved file keeps the whole text."""
    if len(text) <= most:
        return text
    return f"{text[:most]}\n... ({len(text) - most:,} more characters)"


def blank_separated(sections: Iterable[list[str]]) -> list[str]:
    """The sections' lines, one blank line between two sections; empty sections left out."""
    lines: list[str] = []
    for section in sections:
        if section:
            lines += [""] if lines else []
            lines += section
    return lines
