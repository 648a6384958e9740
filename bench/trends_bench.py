"""Trends and the therapist summary over 10,000 check-ins, beside a bare loop from the same run.

- trends: compute_trends() of 10,000 fully filled check-ins (series, regions, words, "What
  helps me"), then both sparklines at 40 columns. Target: under 100 ms.
- summary: the therapist summary of the same check-ins, built and rendered as text and as
  Markdown (10,000 notes escaped). Target: under 100 ms for building it; rendering is reported.
- Reference: a bare loop over the same list summing both ratings and counting body entries and
  feelings, the least any one pass over the check-ins can cost. The ratio shows the cost of the
  work done per check-in; a quadratic step would show as a ratio that grows with the count.

The check-ins are made in memory (the journal bench's sample), so no SQLite time is counted.
Each figure is the best of a few runs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from bench.common import Row
from bench.journal_bench import best_of, sample_checkins
from breath_tui.core.checkin import CheckIn
from breath_tui.core.sparkline import sparkline
from breath_tui.core.therapist import summary_markdown, summary_text, therapist_summary
from breath_tui.core.trends import compute_trends

COUNT = 10_000
RUNS = 5
TARGET_MS = 100.0


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


def trends_and_sparklines(checkins: list[CheckIn]) -> None:
    """What the trends view computes: the figures and two 40-column sparklines."""
    trends = compute_trends(checkins)
    sparkline(trends.before_series, 40)
    sparkline(trends.after_series, 40)


def run() -> list[Row]:
    """Time trends and the therapist summary over 10,000 check-ins."""
    checkins = sample_checkins(COUNT)
    # Newest first, as Journal.checkins() gives them by default: the sort is part of the cost.
    checkins.reverse()

    def timed(work: Callable[[list[CheckIn]], object]) -> float:
        # Collect first so that garbage left by earlier benchmarks in this process is not
        # charged to this one; collection caused by the work itself still counts.
        return best_of(RUNS, lambda n: gc.collect(), lambda _: work(checkins)) * 1000

    reference = timed(bare_loop)
    trends_ms = timed(trends_and_sparklines)
    summary_ms = timed(therapist_summary)
    summary = therapist_summary(checkins)
    render_ms = timed(lambda _: (summary_text(summary), summary_markdown(summary)))
    name = "bare loop over the same 10,000"
    return [
        Row(
            "trends + 2 sparklines, 10,000 check-ins",
            trends_ms,
            "ms",
            reference,
            name,
            f"< {TARGET_MS:.0f} ms",
            trends_ms < TARGET_MS,
        ),
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
