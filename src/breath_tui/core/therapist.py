"""The therapist summary: everything since the last session, to read out, copy or export.

"Since the last session" is either a date the person gives, or the start of their last
start-of-session check-in (kind "checkin", complete) made before today, that check-in included:
a check-in made today belongs to today's session, so the summary brought to it reaches back to
the session before (see session_cutoff). The summary holds
the entries by kind, the patterns breathed and the tempo chosen for them, each change in
tension and their average, the body regions noticed, the feelings sentences, the feedback for
the therapist (each by session date, what was not said word for word) and the notes, word for
word.

Two renderings share one model: summary_text() for the screen and the clipboard, with control
characters shown as escapes (a note is text, never markup or a terminal command), and
summary_markdown() for export, with Markdown punctuation escaped so a viewer shows notes as typed.
The wording is neutral: counts, ratings and averages, no judgement. Counts read "once",
"2 times"; strengths "6/10"; a figure resting on one entry is its value, not "on average". A
line too long for the width given wraps under its own indent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any, Literal, NamedTuple

from breath_tui.core.breath_words import format_minutes
from breath_tui.core.card import KIND_PLURALS, count_by_kind, entries_text, kind_name, ratings_text
from breath_tui.core.checkin import KINDS, CheckIn, Feedback
from breath_tui.core.feedback import (
    NOTHING_MORE,
    UNSAID_LABEL,
    feedback_fields,
    feedback_heading,
    feedback_markdown,
)
from breath_tui.core.heart.summary import heart_sections
from breath_tui.core.text import markdown_quote, markdown_text, visible, wrap_indented
from breath_tui.core.trends import (
    TOO_FEW_TO_TELL,
    ChangeFigure,
    RegionFigure,
    TrendRow,
    change_amount,
    region_figures,
    times,
)
from breath_tui.core.when import day_and_time, long_date

Anchor = Literal["everything", "date", "last check-in"]


@dataclass(frozen=True)
class PatternUse:
    """A breathing pattern: how many entries used it and the seconds breathed in all."""

    pattern: str
    times: int
    seconds: float

    @property
    def text(self) -> str:
        """'resonance: 3 times, 6 minutes in all'."""
        return f"{self.pattern}: {times(self.times)}, {format_minutes(self.seconds / 60)} in all"


@dataclass(frozen=True)
class TempoUse:
    """The tempo the person chose for the guide: in how many breathing sessions they slowed it
    (below 1x), sped it up (above 1x) or kept it as set, and the average tempo."""

    sessions: int
    slowed: int
    sped: int
    average: float

    @property
    def text(self) -> str:
        """'Tempo: slowed the guide in 4 of 5 sessions, kept it as set in 1; 0.8x on average'."""
        kept = self.sessions - self.slowed - self.sped
        parts = [
            f"{words} in {count}"
            for words, count in (
                ("slowed the guide", self.slowed),
                ("sped the guide up", self.sped),
                ("kept the guide as set", kept),
            )
            if count
        ]
        parts[0] += f" of {self.sessions} session{'s' if self.sessions != 1 else ''}"
        if not (self.slowed or self.sped):
            average = ""
        elif self.sessions == 1:
            average = f"; {self.average:.1f}x"  # one session: its tempo, not an average
        else:
            average = f"; {self.average:.1f}x on average"
        return f"Tempo: {', '.join(parts)}{average}"


def tempo_use(tempos: Sequence[float]) -> TempoUse | None:
    """How the tempo was chosen over these sessions' tempos; None without any session."""
    if not tempos:
        return None
    return TempoUse(
        len(tempos),
        sum(tempo < 1.0 for tempo in tempos),
        sum(tempo > 1.0 for tempo in tempos),
        sum(tempos) / len(tempos),
    )


BODY_TITLE = "Body"
BODY_AVERAGES = "Body (strength: the average of the times tense)"
"""The Body section's title when a strength is an average: said once, not on every line."""


def region_text(region: RegionFigure) -> str:
    """'shoulders: 3 times (tension 2 times, unnamed once), tense 2 times, strength 5.5/10'
    ('strength 6/10' when tense once; a strength with nothing ticked is 'unnamed').

    The figures are those trends give (core.trends.region_figures): the times tense out of the
    times the region was named, the strength that of the times it was tense only, so ease or
    warmth noticed there never lowers it. That a strength is an average is said once, in the
    section's title (BODY_AVERAGES), not on each line.
    """
    words = ", ".join(f"{word.word} {times(word.count)}" for word in region.sensations)
    text = f"{region.region}: {times(region.noticed)}{f' ({words})' if words else ''}"
    if region.tense and region.tense_intensity is not None:
        strength = f"{round(region.tense_intensity, 1):g}/10"
        text += f", tense {times(region.tense)}, strength {strength}"
    return text


def change_line(change: ChangeFigure) -> str:
    """The change in tension over the period, "average" said once: 'Average change: 2.3
    lower, 7 times'; 'Change: 3 lower, once' for one entry; 'Change: too few to tell
    (2 times)'; "" with no entry rated before and after."""
    if not change.count:
        return ""
    if change.average is None:
        return f"Change: too few to tell ({times(change.count)})"
    amount = change_amount(change.average, once=change.count == 1) or "none"
    if change.count == 1:
        return f"Change: {amount}, once"
    return f"Average change: {amount}, {times(change.count)}"


class Dated(NamedTuple):
    """A line of one entry: when it started and what it says (ratings, feelings or a note).

    A NamedTuple: up to three are made per check-in, and tuples are made fastest.
    """

    started_at: datetime
    text: str


@dataclass(frozen=True)
class TherapistSummary:
    """Everything since the last session, ready to render.

    Attributes:
        since: the start of the period, or None for everything.
        anchor: how `since` was chosen: "date", "last check-in" or "everything".
        count: entries (check-ins of every kind) in the period.
        first: when the first entry started (None without any).
        last: when the last entry started.
        kinds: (name, count) per kind present, in the order check-in, quick calm, breathing, scan;
            the name is singular or plural to suit the count.
        unfinished: how many of them were left unfinished.
        left_early: how many were left before their last step, and kept.
        kind_counts: (kind, count) per kind present, as core.checkin.KINDS names them.
        patterns: patterns breathed, most used first.
        ratings: each entry with a rating: '7 before, 4 after (3 lower)', oldest first.
        change: the average change over the entries with both ratings (the change itself
            when only one has both).
        body: regions noticed, most often first.
        feelings: each entry's feelings sentence, oldest first.
        notes: each non-blank note, verbatim, oldest first.
        feedback: each feedback for the therapist, by the date of the session it is about.
        tempo: the tempo chosen in the breathing sessions, or None without any.
        heart: the heart sections (core.heart.summary), (title, lines), when a strap was used.
    """

    since: datetime | None
    anchor: Anchor
    count: int
    first: datetime | None
    last: datetime | None
    kinds: tuple[tuple[str, int], ...]
    unfinished: int
    patterns: tuple[PatternUse, ...]
    ratings: tuple[Dated, ...]
    change: ChangeFigure
    body: tuple[RegionFigure, ...]
    feelings: tuple[Dated, ...]
    notes: tuple[Dated, ...]
    feedback: tuple[Feedback, ...] = ()
    tempo: TempoUse | None = None
    heart: tuple[tuple[str, list[str]], ...] = ()
    left_early: int = 0
    kind_counts: tuple[tuple[str, int], ...] = ()

    @property
    def count_text(self) -> str:
        """'5 entries (2 check-ins, 2 quick calms and 1 body scan)'; '2 check-ins'."""
        return entries_text(dict(self.kind_counts))


def session_cutoff(now: datetime) -> datetime:
    """Local midnight of `now`'s day: start-of-session check-ins from then on are today's
    session's, so "the last session" is the last one started before this."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def last_session_filters(now: datetime) -> dict[str, Any]:
    """Journal.checkins() filters that find the last session's check-in through the index,
    without reading every check-in: the newest complete start-of-session check-in started
    before today (session_cutoff)."""
    return {"kind": "checkin", "status": "complete", "before": session_cutoff(now), "limit": 1}


def summary_since_last_session(
    checkins: Callable[..., Sequence[CheckIn]], now: datetime
) -> TherapistSummary:
    """The summary from the last session's check-in on (it included), or of everything when
    there has been none: what the history tab and `export --format summary` show.

    Args:
        checkins: Journal.checkins, or anything taking its filters (since, before, kind,
            status, limit, oldest_first) and returning check-ins.
        now: the moment the summary is made (today's check-ins belong to today's session).
    """
    last = checkins(**last_session_filters(now))
    since = last[0].started_at if last else None
    return therapist_summary(
        checkins(since=since, oldest_first=True),
        since=since,
        anchor="last check-in" if since is not None else "everything",
    )


def therapist_summary(
    checkins: Iterable[CheckIn], *, since: datetime | None = None, anchor: Anchor | None = None
) -> TherapistSummary:
    """The summary of the check-ins started at or after `since` (all of them when None).

    Args:
        checkins: check-ins in any order; those before `since` are left out.
        since: an aware time, e.g. from core.when.parse_since().
        anchor: how `since` was chosen, for the heading; by default "date" when since is given,
            else "everything".
    """
    chosen = [c for c in checkins if since is None or c.started_at >= since]
    chosen.sort(key=attrgetter("started_at"))
    kind_counts = dict.fromkeys(KINDS, 0)
    pattern_times: dict[str, int] = {}
    pattern_seconds: dict[str, float] = {}
    ratings: list[Dated] = []
    feelings: list[Dated] = []
    notes: list[Dated] = []
    feedback: list[tuple[Feedback, datetime]] = []
    tempos: list[float] = []
    change_total, change_count, unfinished, left_early = 0, 0, 0, 0

    for checkin in chosen:
        kind_counts[checkin.kind] += 1
        unfinished += checkin.status != "complete"
        left_early += checkin.left_early
        if checkin.breathing is not None:
            name = checkin.breathing.pattern
            pattern_times[name] = pattern_times.get(name, 0) + 1
            pattern_seconds[name] = pattern_seconds.get(name, 0.0) + checkin.breathing.seconds
            tempos.append(checkin.breathing.tempo)
        if checkin.feedback is not None:
            feedback.append((checkin.feedback, checkin.started_at))
        rating = ratings_text(checkin)
        if rating:
            ratings.append(Dated(checkin.started_at, f"{kind_name(checkin)}: {rating}"))
        if checkin.rating_change is not None:
            change_total += checkin.rating_change
            change_count += 1
        if checkin.feelings:
            feelings.append(Dated(checkin.started_at, checkin.feelings_sentence))
        if checkin.note.strip():
            notes.append(Dated(checkin.started_at, checkin.note))

    patterns = sorted(
        (PatternUse(name, count, pattern_seconds[name]) for name, count in pattern_times.items()),
        key=lambda use: (-use.times, use.pattern.casefold()),
    )
    body = region_figures(TrendRow.of(checkin) for checkin in chosen)
    # One change is given as it is (its text says "once", not "on average"); two are too few.
    enough = change_count >= TOO_FEW_TO_TELL or change_count == 1
    return TherapistSummary(
        since=since,
        anchor=anchor or ("everything" if since is None else "date"),
        count=len(chosen),
        first=chosen[0].started_at if chosen else None,
        last=chosen[-1].started_at if chosen else None,
        kinds=tuple(
            (KIND_PLURALS[kind][count != 1], count) for kind, count in kind_counts.items() if count
        ),
        unfinished=unfinished,
        patterns=tuple(patterns),
        ratings=tuple(ratings),
        change=ChangeFigure("all", change_count, change_total / change_count if enough else None),
        body=tuple(body),
        feelings=tuple(feelings),
        notes=tuple(notes),
        feedback=tuple(told for told, _ in sorted(feedback, key=_by_session)),
        tempo=tempo_use(tempos),
        heart=tuple(heart_sections(chosen)),
        left_early=left_early,
        kind_counts=tuple((kind, count) for kind, count in kind_counts.items() if count),
    )


def _by_session(told: tuple[Feedback, datetime]) -> tuple[Any, ...]:
    return told[0].session_date, told[1]


def heading(summary: TherapistSummary) -> str:
    """'Since the check-in of Wed 1 May 2024, 09:30', 'Since 1 May 2024' or 'Everything'."""
    if summary.since is None or summary.anchor == "everything":
        return "Everything in the journal"
    if summary.anchor == "last check-in":
        return f"Since the check-in of {day_and_time(summary.since)}"
    return f"Since {day_and_time(summary.since)}"


def overview(summary: TherapistSummary) -> str:
    """'5 entries from 1 May 2024 to 4 May 2024: 2 check-ins and 3 quick calms.'; '2 check-ins
    on 1 May 2024.' when all are of one kind; those unfinished or left early said after."""
    if not summary.count or summary.first is None or summary.last is None:
        return "No entries in this period."
    first, last = long_date(summary.first), long_date(summary.last)
    span = f"on {first}" if first == last else f"from {first} to {last}"
    kinds = count_by_kind(dict(summary.kind_counts))
    if len(summary.kind_counts) <= 1:
        text = f"{kinds} {span}"
    else:
        text = f"{summary.count} entries {span}: {kinds}"
    marks = [
        f"{count} {words}"
        for count, words in ((summary.unfinished, "unfinished"), (summary.left_early, "left early"))
        if count
    ]
    return text + (f" ({', '.join(marks)})" if marks else "") + "."


def _sections(summary: TherapistSummary) -> list[tuple[str, list[str]]]:
    """(title, lines) per section with something in it; lines hold the person's text as is."""
    sections: list[tuple[str, list[str]]] = []
    if summary.patterns:
        lines = [use.text for use in summary.patterns]
        if summary.tempo is not None:
            lines.append(summary.tempo.text)
        sections.append(("Breathing", lines))
    if summary.ratings:
        lines = [f"{day_and_time(line.started_at)}, {line.text}" for line in summary.ratings]
        change = change_line(summary.change)
        if change:
            lines.append(change)
        sections.append(("Tension (0-10)", lines))
    if summary.body:
        averaged = any(region.tense > 1 for region in summary.body)
        title = BODY_AVERAGES if averaged else BODY_TITLE
        sections.append((title, [region_text(region) for region in summary.body]))
    if summary.feelings:
        lines = [f"{day_and_time(line.started_at)}: {line.text}" for line in summary.feelings]
        sections.append(("Feelings", lines))
    sections.extend(summary.heart)
    return sections


def summary_text(summary: TherapistSummary, width: int | None = None) -> str:
    """The summary as plain text, for the screen and the clipboard; lines wrapped at `width`
    (each under its own indent) when a width is given.

    The person's words appear as typed; control characters (a terminal escape in an imported
    note, say) are shown as visible escapes such as `\\x1b`, and a line break inside a word
    as `\\x0a`, so each item stays on its line. Only notes keep their line breaks. Nothing is
    markup: a screen shows this text with markup off.
    """
    lines = [f"Therapist summary: {heading(summary)}", overview(summary)]
    for title, items in _sections(summary):
        lines += ["", title, *(f"  {visible(item)}" for item in items)]
    if summary.feedback:
        lines += ["", "Feedback"]
        for told in summary.feedback:
            lines.append(f"  {feedback_heading(told)}:")
            fields = feedback_fields(told)
            lines += [f"    {label}: {visible(text)}" for label, text in fields]
            if told.unsaid and told.unsaid.strip():
                lines.append(f"    {UNSAID_LABEL}:")
                text = visible(told.unsaid.strip(), keep_lines=True)
                lines += [f"      {line}".rstrip() for line in text.split("\n")]
            elif not fields:
                lines.append(f"    {NOTHING_MORE}")
    if summary.notes:
        lines += ["", "Notes"]
        for note in summary.notes:
            lines.append(f"  {day_and_time(note.started_at)}:")
            # Split at newlines only: splitlines() would also split at characters that
            # visible() shows as escapes, so they would vanish instead of being seen.
            text = visible(note.text.strip(), keep_lines=True)
            lines += [f"    {line}".rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return (text if width is None else wrap_indented(text, width)) + "\n"


def summary_markdown(summary: TherapistSummary) -> str:
    """The summary as Markdown, for export: every text the person wrote escaped to show as typed.

    Notes are block quotes, one per entry, under a line with their date.
    """
    out = [f"# Therapist summary: {heading(summary)}", "", overview(summary)]
    for title, items in _sections(summary):
        out += ["", f"## {title}", "", *(f"- {markdown_text(visible(item))}" for item in items)]
    if summary.feedback:
        out += ["", "## Feedback"]
        for told in summary.feedback:
            out += ["", f"### {feedback_heading(told)}", ""]
            out += feedback_markdown(told)
    if summary.notes:
        out += ["", "## Notes"]
        for note in summary.notes:
            out += ["", f"{day_and_time(note.started_at)}:", "", *markdown_quote(note.text)]
    return "\n".join(out) + "\n"
