"""Text shown safely: control characters escaped, formulas neutralised, Markdown literal."""

from __future__ import annotations

import pytest

from breath_tui.core.text import clipped, markdown_text, neutralise_formula, one_line, visible


def test_escape_sequence_is_shown_not_sent() -> None:
    """ESC becomes the visible text \\x1b, so a colour code in a note does nothing."""
    assert visible("a\x1b[31mred") == "a\\x1b[31mred"


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\x00", "\\x00"),
        ("\x07", "\\x07"),
        ("\x7f", "\\x7f"),
        ("\x9b", "\\x9b"),
        ("\u202e", "\\u202e"),
        ("\u2066", "\\u2066"),
        ("\u2028", "\\u2028"),
        ("\r", "\\x0d"),
    ],
)
def test_controls_and_bidi_overrides_are_escaped(char: str, shown: str) -> None:
    """C0, DEL, C1 (one-byte CSI), bidi overrides and line separators are all made visible."""
    assert visible(f"x{char}y") == f"x{shown}y"


def test_newlines_and_tabs_kept_when_asked() -> None:
    """keep_lines keeps a note's lines and tabs; CR LF counts as one newline."""
    assert visible("one\r\ntwo\tthree\x1b", keep_lines=True) == "one\ntwo\tthree\\x1b"


def test_plain_text_is_unchanged() -> None:
    """Ordinary text, accents and emoji included, passes through as it is."""
    text = "Tense [bold]shoulders[/bold], café, 🙂"
    assert visible(text) == text


def test_one_line_joins_lines_with_a_slash() -> None:
    """A multi-line note becomes one line for a table cell."""
    assert one_line("first\n\n second \n") == "first / second"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised(start: str) -> None:
    """A cell starting with = + - @ tab or CR gets a leading apostrophe."""
    assert neutralise_formula(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_other_cells_are_left_alone() -> None:
    """Cells that cannot run as formulas are not changed (a formula sign later on is fine)."""
    assert neutralise_formula("calm = good") == "calm = good"


def test_markdown_links_html_and_emphasis_are_escaped() -> None:
    """Markdown punctuation in a note is escaped, so a viewer shows it as typed."""
    assert markdown_text("[x](http://a) <b>*hi*</b> &amp;") == (
        "\\[x\\](http://a) \\<b\\>\\*hi\\*\\</b\\> \\&amp;"
    )


def test_markdown_line_starts_are_escaped() -> None:
    """Headings, lists and numbered lines at the start of a line are escaped."""
    assert markdown_text("# a\n- b\n1. c\nplain") == "\\# a\n\\- b\n1\\. c\nplain"


def test_clipped_cuts_a_long_value_and_escapes_it() -> None:
    """A value for a message: at most 60 characters and "...", control characters escaped."""
    assert clipped("4-7-8") == "4-7-8"
    assert clipped("x" * 61) == "x" * 60 + "..."
    assert clipped("\x1b" + "x" * 100) == "\\x1b" + "x" * 59 + "..."
