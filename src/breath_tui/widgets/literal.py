"""User text for widgets: always shown as typed, never run as markup or terminal commands.

Every piece of text a person wrote or a file gave us (notes, words, region and pattern names,
the crisis line, imported check-ins) reaches a widget through one of these. A `str` given to a
Textual widget is parsed as markup (`[@click=app.quit]` would become a live action, an
unbalanced `[/x]` a crash) and control characters in it would reach the terminal; `Content`
and Rich `Text` made here are neither. Control characters are shown as visible escapes
(core.text.visible), so an escape sequence in a note is seen for what it is.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from breath_tui.core.text import visible


def literal(text: str, *, keep_lines: bool = False) -> Content:
    """The text as Content for a Static, an Option or a command-palette hit.

    Args:
        text: the person's text, or text from config or an import file.
        keep_lines: keep line breaks (a note); otherwise they are shown as escapes.
    """
    return Content(visible(text, keep_lines=keep_lines))


def literal_cell(text: str) -> Text:
    """The text as a Rich Text for a DataTable cell (a `str` cell is parsed as markup)."""
    return Text(visible(text), end="")
