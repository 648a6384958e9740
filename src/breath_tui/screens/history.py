"""History: entries newest first, trends and "what helps me", and the therapist summary.

The table loads a page at a time (a DataTable of 10,000 rows takes seconds to measure), and every
read runs in a journal worker: the first page when the screen opens, the next as the cursor nears
the end, trends and the summary the first time their tab is opened. So the screen paints as fast
with ten thousand check-ins as with ten.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from breath_tui.core.card import card_text, history_row
from breath_tui.core.text import SCREEN_TEXT_MOST, shown_part, visible, wrap_indented
from breath_tui.screens.base import BreathModal, BreathScreen, Outcome
from breath_tui.widgets.literal import literal, literal_cell

if TYPE_CHECKING:
    from rich.text import Text

    from breath_tui.core.checkin import CheckIn
    from breath_tui.journal import Journal

PAGE = 100
# Load the next page when the cursor comes this close to the last loaded row.
PAGE_MARGIN = 10
COLUMNS = ("Date", "Kind", "Tension", "Body", "Feelings", "Note")
# Body, feelings and note share the width the first three columns leave, each at least this wide
# (a column empty in every row loaded, as body and feelings are for feedback, takes only its
# heading's width and leaves the rest to the others).
MIN_TEXT_WIDTH = 10
# How narrow body and feelings may become when the window leaves too little for all three.
SQUEEZED_WIDTH = 5
# Besides the cells: the scroll bar, and one space each side of every cell.
TABLE_FRAME = 2 + 2 * len(COLUMNS)
# The note's share of the width, against one each for body and feelings: the start of each
# note is what a person scans the list for.
NOTE_WEIGHT = 2
# Besides the text of the trends and summary tabs: its padding and the scroll bar.
TEXT_FRAME = 4


def _cell(text: str, width: int | None = None) -> str:
    """One table cell: control characters escaped, one line, long text cut with an ellipsis."""
    shown = " ".join(visible(text).split())
    return shown if width is None or len(shown) <= width else shown[: width - 1] + "…"


class HistoryScreen(BreathScreen[Outcome]):
    """Past check-ins (Enter for the whole card), trends, and the summary for the therapist.

    Args:
        since: only entries from this moment on (`history --since`).
        limit: only the newest so many (`history --limit`).
    """

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("1", "tab('checkins')", "Entries"),
        Binding("2", "tab('trends')", "Trends"),
        Binding("3", "tab('therapist')", "For my therapist"),
        Binding("c", "copy", "Copy"),
        Binding("f", "save_file", "Save to a file"),
    ]

    def __init__(self, since: datetime | None = None, limit: int | None = None) -> None:
        super().__init__()
        self.since = since
        self.limit = limit
        self.loaded: list[CheckIn] = []
        self._cells: list[list[str]] = []  # the loaded rows' cells, before fitting to the width
        self._text_widths: tuple[int, ...] = ()
        self.total = 0
        self._loading = False
        self._summary_text = ""
        self._tab_texts: dict[str, str] = {}  # as worked out, before wrapping to the width
        self._started_tabs: set[str] = set()

    def compose(self) -> ComposeResult:
        """Three tabs, and a line of keys."""
        with TabbedContent(initial="checkins"):
            with TabPane("1 Entries", id="checkins"):
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
            "1 2 3 tabs · enter details · c copy · f save to a file · esc back",
            id="keys",
            markup=False,
        )

    def on_mount(self) -> None:
        """Read the newest page (in the journal's worker); the table shows when it is there."""
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.display = False
        since, limit = self.since, self.limit

        def first_page(journal: Journal) -> tuple[int, list[CheckIn]]:
            total = journal.count(since=since)
            total = min(total, limit) if limit is not None else total
            return total, journal.checkins(since=since, limit=min(PAGE, total), offset=0)

        self._loading = True
        self.journal_work(first_page, self._first_page, self._no_journal)

    def _first_page(self, found: tuple[int, list[CheckIn]]) -> None:
        self.total, page = found
        self._loading = False
        if not self.total:
            self._no_journal(None)
            return
        table = self.query_one(DataTable)
        table.display = True
        self._add_page(page)
        table.focus()

    def _no_journal(self, error: Exception | None) -> None:
        """Nothing to show: no entries, no journal yet, or one that cannot be read (why)."""
        self._loading = False
        from breath_tui.journal import NoJournalYet

        if error is None or isinstance(error, NoJournalYet):
            text = "No check-ins yet. They appear here after a check-in, a quick calm or a scan."
            if self.since is not None:
                text = "No check-ins in this period."
        else:
            text = f"The journal cannot be read: {error}"
        self.query_one("#history-empty", Static).update(literal(text))

    def _load_page(self) -> None:
        if self._loading or len(self.loaded) >= self.total:
            return
        self._loading = True
        since, offset = self.since, len(self.loaded)
        count = min(PAGE, self.total - offset)
        self.journal_work(
            lambda journal: journal.checkins(since=since, limit=count, offset=offset),
            self._add_page,
        )

    def _add_page(self, page: list[CheckIn]) -> None:
        self._loading = False
        self.loaded.extend(page)
        cells = [[_cell(text) for text in history_row(checkin)] for checkin in page]
        self._cells.extend(cells)
        if not self._fit():
            self.query_one(DataTable).add_rows(self._fitted(row) for row in cells)

    def _fitted(self, cells: list[str]) -> list[Text]:
        """A row as the table shows it: Text cells, since a str cell is parsed as markup."""
        widths = zip(cells[3:], self._text_widths, strict=True)
        shown = [*cells[:3], *(_cell(text, width) for text, width in widths)]
        return [literal_cell(text) for text in shown]

    def _fit(self) -> bool:
        """Share the width among body, feelings and note, the note twice as much (an empty
        column only its heading's), so every column is in sight and each note shows its start;
        True if the table was refilled for a new share."""
        fixed = sum(max(len(COLUMNS[i]), *(len(row[i]) for row in self._cells)) for i in range(3))
        texts = range(3, len(COLUMNS))
        used = [any(row[i] for row in self._cells) for i in texts]
        headings = sum(len(COLUMNS[i]) for i, filled in zip(texts, used, strict=True) if not filled)
        spare = self.app.size.width - TABLE_FRAME - fixed - headings
        weights = [
            (NOTE_WEIGHT if i == len(COLUMNS) - 1 else 1) if filled else 0
            for i, filled in zip(texts, used, strict=True)
        ]
        unit = spare / max(1, sum(weights))
        # Body and feelings give way first when the window is narrow (a long kind such as
        # "check-in (left early)"), so the note keeps its start in sight.
        others = sum(1 for weight in weights[:-1] if weight)
        other = max(MIN_TEXT_WIDTH, int(unit))
        note = 0
        if weights[-1]:
            note = max(MIN_TEXT_WIDTH, min(int(unit * weights[-1]), spare - others * other))
        # Squeezed only where that makes the table fit: narrower still, it scrolls sideways.
        least = sum(max(SQUEEZED_WIDTH, len(COLUMNS[i])) for i in texts if weights[i - 3])
        squeezed = note + others * other > spare >= least
        if squeezed:
            other = max(SQUEEZED_WIDTH, (spare - note) // others) if others else 0
        # A column is never narrower than its heading.
        sized = [
            (max(other, len(COLUMNS[i])) if weights[i - 3] else len(COLUMNS[i])) for i in texts[:-1]
        ]
        if squeezed and weights[-1]:
            taken = sum(width for i, width in zip(texts, sized, strict=False) if weights[i - 3])
            note = max(SQUEEZED_WIDTH, min(note, spare - taken))
        widths = (*sized, note if weights[-1] else len(COLUMNS[-1]))
        if widths == self._text_widths:
            return False
        self._text_widths = widths
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(*COLUMNS)
        table.add_rows(self._fitted(cells) for cells in self._cells)
        table.move_cursor(row=row, animate=False)
        return True

    def on_resize(self) -> None:
        """A new width: a new share for the text columns, the tabs' text wrapped anew."""
        if self._cells:
            self._fit()
        for pane, text in self._tab_texts.items():
            self._show(pane, text)

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

    def _work_out(self, pane: str, width: int) -> None:
        """Read what the tab needs and work it out, in the journal's worker."""
        since, limit = self.since, self.limit
        self.journal_work(
            lambda journal: tab_text(journal, pane, width, since, limit),
            lambda text: self._show(pane, text),
            lambda error: self._show(pane, f"The journal cannot be read: {error}"),
        )

    def _show(self, pane: str, text: str) -> None:
        """The tab's text, each line too long for the window wrapped under its own indent (the
        copy and the file keep it unwrapped)."""
        if pane == "therapist":
            self._summary_text = text
        self._tab_texts[pane] = text
        shown = wrap_indented(visible(text, keep_lines=True), max(20, self.size.width - TEXT_FRAME))
        self.query_one(f"#{pane}-text", Static).update(literal(shown, keep_lines=True))

    def action_tab(self, pane: str) -> None:
        """Switch tab by number; the keys then work inside that tab."""
        self.query_one(TabbedContent).active = pane
        if pane == "checkins" and self.loaded:
            self.query_one(DataTable).focus()
        else:
            self.query_one(f"#{pane} VerticalScroll").focus()

    def action_copy(self) -> None:
        """Copy the therapist summary (or the highlighted check-in) to the clipboard."""
        shown = self._shown_text()
        if shown is not None:
            self.breath_app.send_to_clipboard(shown[1], shown[0])

    def action_save_file(self) -> None:
        """Save the therapist summary (or the highlighted check-in) to a file."""
        shown = self._shown_text()
        if shown is not None:
            self.breath_app.save_to_file(shown[1], shown[2])

    def _shown_text(self) -> tuple[str, str, str] | None:
        """(what it is, its text, a file name stem) for the tab shown, or None."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == "therapist" and self._summary_text:
            return "The summary", self._summary_text, "summary"
        if tabs.active == "checkins" and self.loaded:
            row = self.query_one(DataTable).cursor_row
            return "The entry", card_text(self.loaded[row]), "entry"
        return None

    def action_close(self) -> None:
        """Back to where history was opened from (or quit when it was the first screen)."""
        self.finish(Outcome())


def tab_text(
    journal: Journal, pane: str, width: int, since: datetime | None, limit: int | None
) -> str:
    """The text of the trends or therapist tab: reads the journal, touches no widget.

    Trends read only the columns they need (Journal.trend_rows); the summary covers the period
    since the last session, or since `since` when history was asked for from a date.
    """
    if pane == "trends":
        from breath_tui.core.trends import compute_trends, trends_lines

        rows = journal.trend_rows(since=since, limit=limit)
        lines = trends_lines(compute_trends(rows), max(30, min(width - 4, 72)))
        return "\n".join(visible(line) for line in lines)
    from breath_tui.core.therapist import (
        summary_since_last_session,
        summary_text,
        therapist_summary,
    )
    from breath_tui.core.when import local_now

    if since is not None:
        summary = therapist_summary(journal.checkins(since=since, oldest_first=True), since=since)
    else:
        summary = summary_since_last_session(journal.checkins, local_now())
    return summary_text(summary)


class DetailScreen(BreathModal[None]):
    """One check-in in full: ratings, breathing, body, feelings, note. c copies it.

    A very long note is shown up to core.text.SCREEN_TEXT_MOST characters, then how many more
    there are, so the window stays quick to open and to resize with a note of 100,000
    characters; c and f keep the whole entry.
    """

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape,q,enter", "close", "Close"),
        Binding("c", "copy", "Copy"),
        Binding("f", "save_file", "Save to a file"),
    ]

    def __init__(self, checkin: CheckIn) -> None:
        super().__init__()
        self.checkin = checkin

    def compose(self) -> ComposeResult:
        """The card, as text (a very long one cut, saying how much more there is)."""
        text = card_text(self.checkin)
        keys = "c copy · f save to a file · esc close"
        if len(text) > SCREEN_TEXT_MOST:
            keys = "c copies the whole entry · f saves it to a file · esc close"
        with VerticalScroll(id="detail"):
            yield Static(literal(shown_part(text), keep_lines=True), id="detail-card")
            yield Static(keys, id="detail-keys", markup=False)
        yield Static("c copy · f save to a file · esc close", id="keys", markup=False)

    def action_copy(self) -> None:
        """Send the card to the clipboard (OSC 52)."""
        self.breath_app.send_to_clipboard(card_text(self.checkin), "The entry")

    def action_save_file(self) -> None:
        """Save the card to a file in the data folder."""
        self.breath_app.save_to_file(card_text(self.checkin), "entry")

    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(None)
