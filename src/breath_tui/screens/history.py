"""History: check-ins newest first, trends and "what helps me", and the therapist summary.

The table loads a page at a time (a DataTable of 10,000 rows takes seconds to measure), and the
trends and summary are worked out in a thread the first time their tab is opened, so the screen
paints as fast with ten thousand check-ins as with ten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from breath_tui.core.card import card_text, history_row
from breath_tui.core.text import visible
from breath_tui.widgets.literal import literal, literal_cell

if TYPE_CHECKING:
    from rich.text import Text

    from breath_tui.core.checkin import CheckIn
    from breath_tui.journal import Journal

PAGE = 100
# Load the next page when the cursor comes this close to the last loaded row.
PAGE_MARGIN = 10
COLUMNS = ("Date", "Kind", "Tension", "Body", "Feelings", "Note")
# Body, feelings and note share the width the first three columns leave, each at least this wide.
MIN_TEXT_WIDTH = 10
# Besides the cells: the scroll bar, and one space each side of every cell.
TABLE_FRAME = 2 + 2 * len(COLUMNS)


def _cell(text: str, width: int | None = None) -> str:
    """One table cell: control characters escaped, one line, long text cut with an ellipsis."""
    shown = " ".join(visible(text).split())
    return shown if width is None or len(shown) <= width else shown[: width - 1] + "…"


class HistoryScreen(Screen[None]):
    """Past check-ins (Enter for the whole card), trends, and the summary for the therapist."""

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("1", "tab('checkins')", "Check-ins"),
        Binding("2", "tab('trends')", "Trends"),
        Binding("3", "tab('therapist')", "For my therapist"),
        Binding("c", "copy", "Copy"),
    ]

    def __init__(self, journal: Journal | None) -> None:
        super().__init__()
        self.journal = journal
        self.loaded: list[CheckIn] = []
        self._cells: list[list[str]] = []  # the loaded rows' cells, before fitting to the width
        self._text_width = 0
        self.total = 0
        self._summary_text = ""
        self._started_tabs: set[str] = set()

    def compose(self) -> ComposeResult:
        """Three tabs, and a line of keys."""
        with TabbedContent(initial="checkins"):
            with TabPane("1 Check-ins", id="checkins"):
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="history-empty", markup=False)
            with TabPane("2 Trends", id="trends"), VerticalScroll():
                yield Static("Working out trends...", id="trends-text", markup=False)
            with TabPane("3 For my therapist", id="therapist"), VerticalScroll():
                yield Static(
                    "Gathering everything since your last session...",
                    id="therapist-text",
                    markup=False,
                )
        yield Static(
            "1 2 3 tabs · enter details · c copy the summary · esc back", id="keys", markup=False
        )

    def on_mount(self) -> None:
        """Show the newest page at once."""
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.total = self.journal.count() if self.journal is not None else 0
        if not self.total:
            table.display = False
            self.query_one("#history-empty", Static).update(
                "No check-ins yet. They appear here after a check-in, a quick calm or a scan."
            )
            return
        self._load_page()
        table.focus()

    def _load_page(self) -> None:
        if self.journal is None or len(self.loaded) >= self.total:
            return
        page = self.journal.checkins(limit=PAGE, offset=len(self.loaded))
        self.loaded.extend(page)
        cells = [[_cell(text) for text in history_row(checkin)] for checkin in page]
        self._cells.extend(cells)
        if not self._fit():
            self.query_one(DataTable).add_rows(self._fitted(row) for row in cells)

    def _fitted(self, cells: list[str]) -> list[Text]:
        """A row as the table shows it: Text cells, since a str cell is parsed as markup."""
        shown = [*cells[:3], *(_cell(text, self._text_width) for text in cells[3:])]
        return [literal_cell(text) for text in shown]

    def _fit(self) -> bool:
        """Give body, feelings and note an equal share of the width, so every column is in
        sight; True if the table was refilled for a new share."""
        fixed = sum(max(len(COLUMNS[i]), *(len(row[i]) for row in self._cells)) for i in range(3))
        width = max(MIN_TEXT_WIDTH, (self.app.size.width - TABLE_FRAME - fixed) // 3)
        if width == self._text_width:
            return False
        self._text_width = width
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(*COLUMNS)
        table.add_rows(self._fitted(cells) for cells in self._cells)
        table.move_cursor(row=row, animate=False)
        return True

    def on_resize(self) -> None:
        """A new width: a new share for the text columns."""
        if self._cells:
            self._fit()

    @on(DataTable.RowHighlighted)
    def _maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.loaded) - PAGE_MARGIN:
            self._load_page()

    @on(DataTable.RowSelected)
    def _show_detail(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(DetailScreen(self.loaded[event.cursor_row]))

    @on(TabbedContent.TabActivated)
    def _tab_opened(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or ""
        if pane in ("trends", "therapist") and pane not in self._started_tabs:
            self._started_tabs.add(pane)
            self._work_out(pane, self.size.width)

    @work(thread=True, exclusive=False)
    def _work_out(self, pane: str, width: int) -> None:
        """Read every check-in and compute trends or the summary, off the event loop."""
        text = self.compute(pane, width)
        self.app.call_from_thread(self._show, pane, text)

    def compute(self, pane: str, width: int) -> str:
        """The text of the trends or therapist tab (pure: reads the journal, touches no widget)."""
        if self.journal is None or not self.total:
            return "No check-ins yet."
        if pane == "trends":
            from breath_tui.core.trends import compute_trends, trends_lines

            lines = trends_lines(
                compute_trends(self.journal.checkins()), max(30, min(width - 4, 72))
            )
            return "\n".join(visible(line) for line in lines)
        from breath_tui.core.therapist import last_session_filters, summary_text, therapist_summary
        from breath_tui.core.when import local_now

        last = self.journal.checkins(**last_session_filters(local_now()))
        since = last[0].started_at if last else None
        checkins = self.journal.checkins(since=since, oldest_first=True)
        anchor = "last check-in" if since is not None else "everything"
        return summary_text(therapist_summary(checkins, since=since, anchor=anchor))

    def _show(self, pane: str, text: str) -> None:
        if pane == "therapist":
            self._summary_text = text
        self.query_one(f"#{pane}-text", Static).update(literal(text, keep_lines=True))

    def action_tab(self, pane: str) -> None:
        """Switch tab by number; the keys then work inside that tab."""
        self.query_one(TabbedContent).active = pane
        if pane == "checkins" and self.loaded:
            self.query_one(DataTable).focus()
        else:
            self.query_one(f"#{pane} VerticalScroll").focus()

    def action_copy(self) -> None:
        """Copy the therapist summary (or the highlighted check-in) to the clipboard."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == "therapist" and self._summary_text:
            self.app.copy_to_clipboard(self._summary_text)
            self.notify("Summary copied to the clipboard.", timeout=3)
        elif tabs.active == "checkins" and self.loaded:
            row = self.query_one(DataTable).cursor_row
            self.app.copy_to_clipboard(card_text(self.loaded[row]))
            self.notify("Check-in copied to the clipboard.", timeout=3)

    def action_close(self) -> None:
        """Back to where history was opened from (or quit when it was the first screen)."""
        app: Any = self.app
        app.end_flow(self)


class DetailScreen(ModalScreen[None]):
    """One check-in in full: ratings, breathing, body, feelings, note. c copies it."""

    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape,q,enter", "close", "Close"), Binding("c", "copy", "Copy")]

    def __init__(self, checkin: Any) -> None:
        super().__init__()
        self.checkin = checkin

    def compose(self) -> ComposeResult:
        """The card, as text."""
        with VerticalScroll(id="detail"):
            yield Static(literal(card_text(self.checkin), keep_lines=True))
            yield Static("c copy · esc close", id="detail-keys", markup=False)

    def action_copy(self) -> None:
        """Copy the card to the clipboard (OSC 52)."""
        self.app.copy_to_clipboard(card_text(self.checkin))
        self.notify("Copied to the clipboard.", timeout=3)

    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(None)
