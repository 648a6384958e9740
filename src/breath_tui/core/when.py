"""Wall-clock times of check-ins: the injectable "now", dates given on the command line, and
how times are shown.

Check-in times are aware datetimes with the UTC offset the person had at that moment, so a
journal read later, or in another time zone, still shows the hour they saw.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped

Now = Callable[[], datetime]
"""A function returning the current time as an aware datetime: injected so tests set the time."""

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local_now() -> datetime:
    """Now, in the local time zone, to the second (journal times need no finer grain)."""
    return datetime.now().astimezone().replace(microsecond=0)


def parse_since(text: str, option: str = "--since") -> datetime:
    """A DATE given on the command line: 2024-05-01 (local midnight) or an ISO 8601 time.

    Raises:
        BadInput: naming the option and the text when it is not a date.
    """
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day, time()).astimezone()
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(
            f"{option} wants a date like 2024-05-01 or 2024-05-01T09:30, not '{clipped(text)}'"
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def day_and_time(moment: datetime) -> str:
    """'Wed 1 May 2024, 09:30': in the offset recorded, in English whatever the locale."""
    return (
        f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}, "
        f"{moment.hour:02d}:{moment.minute:02d}"
    )


def short_date(moment: datetime) -> str:
    """'2024-05-01 09:30': sortable and short, for tables."""
    return moment.strftime("%Y-%m-%d %H:%M")


def long_date(moment: datetime | date) -> str:
    """'1 May 2024'."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def weekday_date(day: date) -> str:
    """'Wed 1 May 2024': a day without a time, in English whatever the locale."""
    return f"{_DAYS[day.weekday()]} {long_date(day)}"


def weekday_short(day: date) -> str:
    """'Wed 1 May': a day of the last few weeks."""
    return f"{_DAYS[day.weekday()]} {day_month(day)}"


def day_month(day: date) -> str:
    """'1 May'."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


class ManualNow:
    """A wall clock that moves only when told: pass it as `now=` in tests (never sleep)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualNow needs an aware datetime (with a UTC offset)")
        self.moment = start

    def __call__(self) -> datetime:
        """The time last set."""
        return self.moment

    def advance(self, seconds: float) -> None:
        """Move the clock forward (or back, with a negative number, as real clocks sometimes do)."""
        self.moment += timedelta(seconds=seconds)
