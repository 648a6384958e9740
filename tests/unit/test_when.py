"""Dates on the command line and how times are shown."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from breath_tui.core.errors import BadInput
from breath_tui.core.when import ManualNow, day_and_time, parse_since


def test_a_date_means_local_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    """--since 2024-05-01 starts at midnight in the local time zone, not UTC."""
    monkeypatch.setenv("TZ", "ABC+4")  # POSIX form: UTC-4, no tz database needed
    time.tzset()
    try:
        since = parse_since("2024-05-01")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert since == datetime(2024, 5, 1, 4, 0, tzinfo=UTC)


def test_an_iso_time_with_offset_is_taken_as_given() -> None:
    """--since 2024-05-01T09:30+02:00 keeps its offset."""
    since = parse_since("2024-05-01T09:30+02:00")
    assert since == datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def test_a_bad_date_names_the_option() -> None:
    """A bad --since is BadInput naming the option and the text."""
    with pytest.raises(BadInput, match="--since wants a date like 2024-05-01.*'last week'"):
        parse_since("last week")


def test_day_and_time_is_english_in_the_recorded_offset() -> None:
    """Times show as the person saw them, whatever the locale: 'Wed 1 May 2024, 09:30'."""
    moment = datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=-7)))
    assert day_and_time(moment) == "Wed 1 May 2024, 09:30"


def test_manual_now_moves_only_when_advanced() -> None:
    """ManualNow returns the same time until advanced."""
    clock = ManualNow(datetime(2024, 5, 1, tzinfo=UTC))
    first = clock()
    clock.advance(90)
    assert (clock() - first).total_seconds() == 90
