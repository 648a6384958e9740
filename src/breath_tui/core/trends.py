"""Trends over many check-ins: tension before and after over time, the body regions most often
tense, the most frequent feeling words, and "What helps me": the average change in tension by
breathing pattern and by time of day. Feedback for the therapist adds how heard the person felt,
session by session, how often each pace was chosen, and each wish with its count.

Everything is computed in one pass over the entries (plus one sort for the per-entry series),
so the time grows in step with the count. The journal hands over only what trends need
(TrendRow, through Journal.trend_rows), never whole check-ins. The
figures are plain and neutral: counts and averages, never scores, streaks or words such as
"better". A figure resting on fewer than TOO_FEW_TO_TELL check-ins says "too few to tell"
instead of an average.

Check-ins may come in any order. In-progress check-ins count with whatever they hold; a caller
wanting only finished ones asks the journal for status="complete".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Literal, NamedTuple, Protocol

from breath_tui.core.checkin import PACES, CheckIn
from breath_tui.core.sparkline import sparkline
from breath_tui.core.text import blank_separated
from breath_tui.core.vocab import UNNAMED

TOO_FEW_TO_TELL = 3
"""An average of fewer check-ins than this is shown as "too few to tell"."""

# Sensations that count as tension: ours (tension, tightness, ache) and the words people most
# often type for the same thing. Fluttering, heaviness, tingling and numbness are left out: they
# are felt with tension but are not it, and counting them would blur what "tense" means here.
# Matching ignores case and surrounding spaces; any other word of the person's own is not counted.
TENSION_SENSATIONS: frozenset[str] = frozenset(
    {
        "tension",
        "tightness",
        "ache",
        "tense",
        "tight",
        "aching",
        "clenched",
        "stiff",
        "stiffness",
        "sore",
        "knotted",
    }
)

TimeOfDay = Literal["morning", "afternoon", "evening", "night"]

# Hours of the check-in's own local clock (the UTC offset it was recorded with), start included:
# morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-21:59, night 22:00-04:59.
TIMES_OF_DAY: tuple[tuple[TimeOfDay, int], ...] = (
    ("morning", 5),
    ("afternoon", 12),
    ("evening", 17),
    ("night", 22),
)

_TIME_OF_DAY_BY_HOUR: tuple[TimeOfDay, ...] = tuple(
    next((name for name, start in reversed(TIMES_OF_DAY) if hour >= start), "night")
    for hour in range(24)
)


def time_of_day(moment: datetime) -> TimeOfDay:
    """'morning', 'afternoon', 'evening' or 'night' by the hour on moment's own clock.

    The hour is read in the offset the moment carries, not converted to this machine's zone:
    a check-in at 08:00 in Tokyo was a morning one, wherever the journal is read later.
    """
    return _TIME_OF_DAY_BY_HOUR[moment.hour]


class TensionPoint(NamedTuple):
    """One check-in's ratings: when it started, tension before and after (None: not given).

    A NamedTuple rather than a frozen dataclass: one is made per check-in, and a tuple is made
    several times faster, which matters at 10,000 of them.
    """

    started_at: datetime
    before: int | None
    after: int | None


@dataclass(frozen=True)
class ChangeFigure:
    """The average change in tension (after - before) over `count` check-ins with both ratings.

    `average` is None when count is under TOO_FEW_TO_TELL: the screens then say so rather than
    show a figure that one or two check-ins decide. Negative: lower after, on average.
    """

    label: str
    count: int
    average: float | None

    @property
    def too_few(self) -> bool:
        """True when there are too few check-ins to give an average."""
        return self.average is None

    @property
    def text(self) -> str:
        """'tension 2.3 lower on average, 7 times', or 'too few to tell (2 times)'."""
        return change_figure_text(self.count, self.average)


class Noticed(Protocol):
    """One body-scan entry as trends read it (a BodyEntry, or the journal's light copy)."""

    @property
    def region(self) -> str: ...
    @property
    def sensations(self) -> tuple[str, ...]: ...
    @property
    def intensity(self) -> int: ...


class FeedbackPoint(NamedTuple):
    """What trends need of one feedback: the session it is about, how heard the person felt
    (None: not said), the pace chosen (None: not said) and the wishes, in order."""

    session_date: date
    heard: int | None
    pace: str | None
    wishes: tuple[str, ...]


class TrendRow(NamedTuple):
    """What trends need of one entry, and no more: the journal reads just these columns.

    A NamedTuple: one is made per entry, and a tuple is made fastest.
    """

    started_at: datetime
    pre_rating: int | None
    post_rating: int | None
    pattern: str | None
    body: tuple[Noticed, ...]
    feelings: tuple[str, ...]
    """The feeling words named, in order."""
    feedback: FeedbackPoint | None = None
    """A feedback entry's answers; None for every other kind."""
    kind: str | None = None
    """The entry's kind ("checkin", "quick", ...), for counting by kind; None if not known."""

    @classmethod
    def of(cls, checkin: CheckIn) -> TrendRow:
        """The row of a whole check-in."""
        pattern = checkin.breathing.pattern if checkin.breathing is not None else None
        feelings = tuple(feeling.word for feeling in checkin.feelings)
        given = checkin.feedback
        feedback = (
            FeedbackPoint(given.session_date, given.heard, given.pace, given.wishes)
            if given is not None
            else None
        )
        return cls(
            checkin.started_at,
            checkin.pre_rating,
            checkin.post_rating,
            pattern,
            checkin.body,
            feelings,
            feedback,
            checkin.kind,
        )


class HeardPoint(NamedTuple):
    """One feedback's "how heard and understood did you feel" (None: not said), by session."""

    session_date: date
    heard: int | None


@dataclass(frozen=True)
class RegionFigure:
    """A body region over many entries: how often it was noticed, with which sensations, and
    how often it was tense and how strongly. Trends and the therapist summary both read it.

    Every figure of a region is out of the entries that named that region (not of every body
    scan: a region left out of a scan says nothing about it). Strength is averaged over the
    entries where the region was tense only (the strongest tense entry of each), so a region
    noticed as easy (ease, warmth) never pulls its tension down. A strength given with no
    sensation ticked counts as the sensation UNNAMED.

    Attributes:
        region: its name as first written.
        noticed: entries in which it was noticed at all.
        sensations: the sensations named for it, most often first (each counted once an entry;
            UNNAMED for a strength given with none ticked).
        tense: of those entries, how many named one of TENSION_SENSATIONS there.
        tense_intensity: the average strength (0-10) of those, or None when never tense.
    """

    region: str
    noticed: int
    sensations: tuple[WordCount, ...]
    tense: int
    tense_intensity: float | None

    @property
    def strength(self) -> str:
        """How strong it was when tense: '5.5/10 on average', '6/10' when tense once, "" never."""
        return strength_text(self.tense_intensity, self.tense)

    @property
    def text(self) -> str:
        """'shoulders: tense 4 of 9 times, strength 5.5/10 on average' ('1 of 1 time'): tense in
        4 of the 9 entries that named the shoulders."""
        strength = f", strength {self.strength}" if self.strength else ""
        times_word = "time" if self.noticed == 1 else "times"
        return f"{self.region}: tense {self.tense} of {self.noticed} {times_word}{strength}"


@dataclass(frozen=True)
class WordCount:
    """A feeling word and how many check-ins named it."""

    word: str
    count: int

    @property
    def text(self) -> str:
        """'disappointed: 5 times'."""
        return f"{self.word}: {times(self.count)}"


@dataclass(frozen=True)
class Trends:
    """Everything the History trends and "What helps me" show, from one list of check-ins.

    Attributes:
        count: how many check-ins were looked at.
        points: each check-in's ratings, oldest first (for a per-check-in sparkline).
        regions: regions most often tense, most often first (then by name).
        feelings: feeling words most often named, most often first (then by word).
        overall: the change in tension over every check-in with both ratings.
        by_pattern: the change by breathing pattern, most used first (then by name).
        by_time_of_day: the change in the morning, afternoon, evening and night, always all four.
        feedback_count: how many feedback entries were looked at (they are not in `count`:
            they hold no tension).
        heard: each feedback's "felt heard", by session date, oldest first.
        paces: how often each pace was chosen: too slow, about right, too fast, always all three.
        wishes: every wish, most often asked first (then by wording).
    """

    count: int
    points: tuple[TensionPoint, ...]
    regions: tuple[RegionFigure, ...]
    feelings: tuple[WordCount, ...]
    overall: ChangeFigure
    by_pattern: tuple[ChangeFigure, ...]
    by_time_of_day: tuple[ChangeFigure, ...]
    feedback_count: int = 0
    heard: tuple[HeardPoint, ...] = ()
    paces: tuple[WordCount, ...] = ()
    wishes: tuple[WordCount, ...] = ()
    kinds: tuple[tuple[str, int], ...] = ()
    """(kind, count) of the entries in `count`, when the rows said their kind."""

    @property
    def heard_series(self) -> tuple[int | None, ...]:
        """Felt heard, one value per feedback, oldest session first; None where not said."""
        return tuple(point.heard for point in self.heard)

    @property
    def before_series(self) -> tuple[int | None, ...]:
        """Tension before, one value per check-in, oldest first; None where not given."""
        return tuple(point.before for point in self.points)

    @property
    def after_series(self) -> tuple[int | None, ...]:
        """Tension after, one value per check-in, oldest first; None where not given."""
        return tuple(point.after for point in self.points)


class _Mean:
    """A running sum and count."""

    __slots__ = ("count", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.count = 0

    def add(self, value: float) -> None:
        self.total += value
        self.count += 1

    def value(self) -> float | None:
        return self.total / self.count if self.count else None


@lru_cache(maxsize=4096)
def word_key(word: str) -> str:
    """The word for counting: words differing only in case or spacing ("Shoulders", "shoulders ")
    are the same word. Cached: the same few words recur in thousands of entries."""
    return " ".join(word.split()).casefold()


@lru_cache(maxsize=4096)
def is_tension(sensation: str) -> bool:
    """True when the sensation is one of TENSION_SENSATIONS (case and spaces ignored)."""
    return word_key(sensation) in TENSION_SENSATIONS


def region_figures(rows: Iterable[TrendRow]) -> list[RegionFigure]:
    """Every region noticed, most often first (then by name): see RegionFigure."""
    names: dict[str, str] = {}
    noticed: dict[str, int] = {}
    words: dict[str, dict[str, int]] = {}
    tense: defaultdict[str, _Mean] = defaultdict(_Mean)
    for row in rows:
        seen: set[str] = set()
        strongest: dict[str, int] = {}
        for entry in row.body:
            key = word_key(entry.region)
            names.setdefault(key, entry.region.strip())
            counted = words.setdefault(key, {})
            if key not in seen:
                seen.add(key)
                noticed[key] = noticed.get(key, 0) + 1
            for word in entry.sensations or (UNNAMED,):
                counted[word] = counted.get(word, 0) + 1
            if any(map(is_tension, entry.sensations)) and entry.intensity >= strongest.get(key, 0):
                strongest[key] = entry.intensity
        for key, intensity in strongest.items():
            tense[key].add(intensity)
    figures = [
        RegionFigure(
            names[key],
            count,
            tuple(
                WordCount(word, n)
                for word, n in sorted(words[key].items(), key=lambda item: (-item[1], item[0]))
            ),
            tense[key].count if key in tense else 0,
            tense[key].value() if key in tense else None,
        )
        for key, count in noticed.items()
    ]
    figures.sort(key=lambda figure: (-figure.noticed, figure.region.casefold()))
    return figures


def compute_trends(entries: Iterable[TrendRow | CheckIn], *, top: int = 5) -> Trends:
    """Trends of the entries given, in any order.

    Args:
        entries: rows from Journal.trend_rows() (or whole check-ins, e.g. those since a date).
        top: how many regions and feeling words to keep (the most frequent).

    Returns:
        The figures; with no entries, empty series and "too few to tell" everywhere.
    """
    rows = [entry if isinstance(entry, TrendRow) else TrendRow.of(entry) for entry in entries]
    points: list[TensionPoint] = []
    word_names: dict[str, str] = {}
    word_counts: dict[str, int] = {}
    overall = _Mean()
    pattern_means: defaultdict[str, _Mean] = defaultdict(_Mean)
    hour_means = {name: _Mean() for name, _ in TIMES_OF_DAY}
    heard: list[tuple[date, datetime, int | None]] = []
    pace_counts = dict.fromkeys(PACES, 0)
    wish_names: dict[str, str] = {}
    wish_counts: dict[str, int] = {}
    kinds: dict[str, int] = {}

    for row in rows:
        if row.feedback is not None:
            feedback = row.feedback
            heard.append((feedback.session_date, row.started_at, feedback.heard))
            if feedback.pace in pace_counts:
                pace_counts[feedback.pace] += 1
            _count_words(feedback.wishes, wish_names, wish_counts)
            continue
        started, pre, post = row.started_at, row.pre_rating, row.post_rating
        if row.kind is not None:
            kinds[row.kind] = kinds.get(row.kind, 0) + 1
        points.append(TensionPoint(started, pre, post))
        if pre is not None and post is not None:
            change = post - pre
            overall.add(change)
            # The hour on the entry's own clock: a late check-in abroad stays in its evening.
            hour_means[_TIME_OF_DAY_BY_HOUR[started.hour]].add(change)
            if row.pattern is not None:
                pattern_means[row.pattern].add(change)
        _count_words(row.feelings, word_names, word_counts)

    points.sort(key=itemgetter(0))
    regions = sorted(
        (figure for figure in region_figures(rows) if figure.tense),
        key=lambda figure: (-figure.tense, figure.region.casefold()),
    )
    words = _most_often(word_names, word_counts)
    heard.sort(key=lambda point: (point[0], point[1]))
    by_pattern = sorted(
        (_figure(name, mean) for name, mean in pattern_means.items()),
        key=lambda figure: (-figure.count, figure.label.casefold()),
    )
    return Trends(
        count=len(points),
        points=tuple(points),
        regions=tuple(regions[:top]),
        feelings=tuple(words[:top]),
        overall=_figure("all", overall),
        by_pattern=tuple(by_pattern),
        by_time_of_day=tuple(_figure(name, hour_means[name]) for name, _ in TIMES_OF_DAY),
        feedback_count=len(heard),
        heard=tuple(HeardPoint(day, value) for day, _, value in heard),
        paces=tuple(WordCount(pace, count) for pace, count in pace_counts.items()),
        wishes=tuple(_most_often(wish_names, wish_counts)),
        kinds=tuple(kinds.items()),
    )


def _count_words(words: Iterable[str], names: dict[str, str], counts: dict[str, int]) -> None:
    """Count each word once per entry; words differing only in case or spacing are one word,
    written as first met."""
    named: set[str] = set()
    for word in words:
        key = word_key(word)
        if key in named:
            continue
        named.add(key)
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
            names[key] = word.strip()


def _most_often(names: dict[str, str], counts: dict[str, int]) -> list[WordCount]:
    return sorted(
        (WordCount(names[key], count) for key, count in counts.items()),
        key=lambda word: (-word.count, word.word.casefold()),
    )


def _figure(label: str, mean: _Mean) -> ChangeFigure:
    average = mean.value() if mean.count >= TOO_FEW_TO_TELL else None
    return ChangeFigure(label, mean.count, average)


def times(count: int) -> str:
    """'once', '2 times', '0 times'."""
    return "once" if count == 1 else f"{count} times"


def strength_text(average: float | None, count: int) -> str:
    """A body region's strength over `count` entries: '5.5/10 on average', '6/10' for one
    entry (its value, not an average), "" with none. Trends and the therapist summary both say
    it so."""
    if average is None or count < 1:
        return ""
    value = f"{round(average, 1):g}"
    return f"{value}/10" if count == 1 else f"{value}/10 on average"


def change_figure_text(count: int, average: float | None) -> str:
    """'tension 2.3 lower on average, 7 times'; 'too few to tell (2 times)' without an average;
    'none with both ratings' with none at all. An average given for one entry is its value:
    'tension 3 lower, once'.

    The average is shown to one decimal; one that rounds to 0.0 is 'no change on average'.
    """
    if count == 0:
        return "none with both ratings"
    if average is None:
        return f"too few to tell ({times(count)})"
    amount = change_amount(average, once=count == 1)
    if count == 1:
        return f"tension {amount}, once" if amount else "no change, once"
    if not amount:
        return f"no change on average, {times(count)}"
    return f"tension {amount} on average, {times(count)}"


def change_amount(average: float, *, once: bool = False) -> str:
    """'2.3 lower' (to one decimal, '2.0 higher'); one entry's value as it is ('3 lower');
    "" for a change that rounds to none."""
    shown = round(abs(average), 1)
    if shown == 0:
        return ""
    direction = "lower" if average < 0 else "higher"
    return f"{shown:g} {direction}" if once else f"{shown:.1f} {direction}"


def trends_lines(trends: Trends, width: int = 40) -> list[str]:
    """The trends as plain text lines at most about `width` wide (for `history --plain`).

    A section with nothing to show is left out, heading and all (no "none noted" under a
    heading, no "0 times"). Words the person chose (regions, feelings, pattern names) are
    returned as they are; a terminal caller passes each line through core.text.visible().
    """
    if not trends.count and not trends.feedback_count:
        return ["No check-ins yet."]
    lines = tension_lines(trends, width) if trends.count else []
    if trends.feedback_count:
        from breath_tui.core.feedback import feedback_trend_lines

        lines = blank_separated([lines, feedback_trend_lines(trends, width)])
    return lines or [f"{_entries(trends)}: no ratings, body scan or feelings in them yet."]


def dates_under(points: tuple[TensionPoint, ...], length: int) -> str:
    """The first and last entry's dates, to go under a sparkline `length` wide: '1 May', spaces,
    '22 May' ending under its last bar (the years shown when they differ; one date when all
    are the same day; beyond a sparkline too short to hold both, two spaces apart)."""
    from breath_tui.core.when import day_month

    if not points:
        return ""
    first, last = points[0].started_at.date(), points[-1].started_at.date()
    years = first.year != last.year
    start = day_month(first) + (f" {first.year}" if years else "")
    if first == last:
        return start
    end = day_month(last) + (f" {last.year}" if years else "")
    return start + " " * max(length - len(start) - len(end), 2) + end


def _entries(trends: Trends) -> str:
    """'4 entries (2 check-ins, 1 quick calm and 1 body scan)', or '4 entries' when the rows
    did not say their kind."""
    from breath_tui.core.card import entries_text

    if sum(count for _, count in trends.kinds) == trends.count:
        return entries_text(dict(trends.kinds))
    return f"{trends.count} entr{'ies' if trends.count != 1 else 'y'}"


def tension_lines(trends: Trends, width: int = 40) -> list[str]:
    """Tension over time, the body, feelings and what helps (trends_lines without feedback):
    each section only when it has something to show."""
    sections: list[list[str]] = []
    if any(point.before is not None or point.after is not None for point in trends.points):
        spark = max(width - 8, 1)
        before = sparkline(trends.before_series, spark)
        sections.append(
            [
                f"Tension 0-10 over {_entries(trends)}, oldest first",
                f"Before  {before}",
                f"After   {sparkline(trends.after_series, spark)}",
                f"        {dates_under(trends.points, len(before))}",
            ]
        )
    if trends.regions:
        sections.append(
            ["Body most often tense", *(f"  {region.text}" for region in trends.regions)]
        )
    if trends.feelings:
        sections.append(
            ["Feelings most often named", *(f"  {word.text}" for word in trends.feelings)]
        )
    if trends.overall.count:
        helps = ["What helps me: change in tension", f"  all: {trends.overall.text}"]
        if trends.by_pattern:
            helps += ["By pattern", *(f"  {f.label}: {f.text}" for f in trends.by_pattern)]
        helps += ["By time of day"]
        helps += [f"  {f.label}: {f.text}" for f in trends.by_time_of_day if f.count]
        sections.append(helps)
    return blank_separated(sections)
