"""Trends and the therapist summary over 10,000 check-ins, each beside a reference from the same run.

- trends tab, end to end: 10,000 check-ins imported into a real SQLite journal in a temporary
  BREATH_TUI_HOME, then what the trends tab's worker does (screens.history.tab_text): read what
  trends need (Journal.trend_rows: a few columns and json_extract, no check-in rebuilt), compute
  the figures and draw both sparklines. Target: under 300 ms. Reference: one bare sqlite3 read of
  every row's JSON from the same file, the least any look at every entry can cost. The same tab
  built from whole check-ins (Journal.checkins, what it did before trend_rows) is shown beside
  the same reference, so the saving is visible.
- summary: the therapist summary of the same check-ins in memory, built and rendered as text and
  as Markdown (10,000 notes escaped). Target: under 100 ms for building it; rendering is
  reported. Reference: a bare loop over the same list summing both ratings and counting body
  entries and feelings, the least any one pass over the check-ins can cost.

Each figure is the best of a few runs.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import tempfile
from collections.abc import Callable

from bench.common import Row
from bench.journal_bench import best_of, sample_checkins
from breath_tui.core.checkin import CheckIn
from breath_tui.core.therapist import summary_markdown, summary_text, therapist_summary

COUNT = 10_000
RUNS = 5
TAB_TARGET_MS = 300.0
TARGET_MS = 100.0
# The tab's width at 80 columns, as HistoryScreen passes it.
WIDTH = 80


def bare_loop(checkins: list[CheckIn]) -> int:
    """The reference: touch each check-in's ratings, body and feelings once."""
    total = 0
    for checkin in checkins:
        if checkin.pre_rating is not None:
            total += checkin.pre_rating
        if checkin.post_rating is not None:
            total += checkin.post_rating
        total += len(checkin.body) + len(checkin.feelings)
    return total


def _timed(work: Callable[[], object]) -> float:
    """Best of RUNS, in ms. Collect first so that garbage left by earlier benchmarks in this
    process is not charged to this one; collection caused by the work itself still counts."""
    return best_of(RUNS, lambda n: gc.collect(), lambda _: work()) * 1000


def trends_tab(checkins: list[CheckIn]) -> list[Row]:
    """The trends tab from a real journal of `checkins`, in a temporary BREATH_TUI_HOME."""
    from breath_tui.core.locations import journal_path
    from breath_tui.core.text import visible
    from breath_tui.core.trends import compute_trends, trends_lines
    from breath_tui.journal import Journal
    from breath_tui.screens.history import tab_text

    saved = os.environ.get("BREATH_TUI_HOME")
    with tempfile.TemporaryDirectory(prefix="breath-bench-") as home:
        os.environ["BREATH_TUI_HOME"] = home
        try:
            path = journal_path()
            with Journal(path) as journal:
                journal.import_checkins(checkins)
            with Journal(path) as journal:

                def tab() -> object:
                    return tab_text(journal, "trends", WIDTH, None, None)

                def whole() -> object:
                    # The same tab, built the way it was before Journal.trend_rows.
                    lines = trends_lines(compute_trends(journal.checkins()), WIDTH - 4)
                    return "\n".join(visible(line) for line in lines)

                tab_ms, whole_ms = _timed(tab), _timed(whole)
            bare_db = sqlite3.connect(path)
            bare_ms = _timed(lambda: bare_db.execute("SELECT data FROM checkins").fetchall())
            bare_db.close()
        finally:
            if saved is None:
                os.environ.pop("BREATH_TUI_HOME", None)
            else:
                os.environ["BREATH_TUI_HOME"] = saved
    bare = "bare sqlite3: SELECT data of every row, same journal file"
    return [
        Row(
            "trends tab from the journal, 10,000 check-ins",
            tab_ms,
            "ms",
            bare_ms,
            bare,
            f"< {TAB_TARGET_MS:.0f} ms",
            tab_ms < TAB_TARGET_MS,
        ),
        Row("  the same from whole check-ins (before)", whole_ms, "ms", bare_ms, bare),
    ]


def run() -> list[Row]:
    """Time the trends tab and the therapist summary over 10,000 check-ins."""
    checkins = sample_checkins(COUNT)
    rows = trends_tab(checkins)
    # Newest first, as Journal.checkins() gives them by default: the sort is part of the cost.
    checkins.reverse()
    reference = _timed(lambda: bare_loop(checkins))
    summary_ms = _timed(lambda: therapist_summary(checkins))
    summary = therapist_summary(checkins)
    render_ms = _timed(lambda: (summary_text(summary), summary_markdown(summary)))
    name = "bare loop over the same 10,000 check-ins in memory"
    return [
        *rows,
        Row(
            "therapist summary, 10,000 check-ins",
            summary_ms,
            "ms",
            reference,
            name,
            f"< {TARGET_MS:.0f} ms",
            summary_ms < TARGET_MS,
        ),
        Row("summary as text + Markdown, 10,000 notes", render_ms, "ms", reference, name),
    ]


if __name__ == "__main__":
    from bench.common import format_table

    print(format_table(run()))
