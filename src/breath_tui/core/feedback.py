"""Feedback for the therapist in words: the questions, the ready-made phrases, the sessions to
choose from, and the sentences of the card the person brings or sends.

The voice is the client's own, about their own experience ("I felt heard 4 of 10", "could we
slow down?"), never a score of the therapist. The purpose is that of routine client feedback
(tell the therapist what helps and what does not); the items are our own, written for the
attunement practice, and no rating scale's items are copied.

Plain text only: callers showing it on a terminal pass it through core.text.visible(), Markdown
through core.text.markdown_text().
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from breath_tui.core.checkin import PACES, Feedback, Pace
from breath_tui.core.sparkline import sparkline
from breath_tui.core.text import blank_separated, markdown_quote, markdown_text, visible
from breath_tui.core.when import day_month, weekday_date, weekday_short

if TYPE_CHECKING:
    from breath_tui.core.trends import HeardPoint, Trends

SESSION_DAYS = 14
"""A feedback is about a session of today or the 13 days before it."""

HEARD_QUESTION = "How heard and understood did you feel?"
HEARD_ENDS = "0 = not at all · 10 = completely"
PACE_QUESTION = "How was the pace of the session?"
PACE_HINT = "Its rhythm: the slowing down and the speeding up."
HELPED_QUESTION = "What helped?"
WISHES_QUESTION = "What would you like?"
UNSAID_QUESTION = "What did you not say in the session?"
SESSION_QUESTION = "Which session is this about?"

HELPED_PHRASES: tuple[str, ...] = (
    "when you slowed down",
    "when you named what I felt",
    "the silence",
    "the breathing at the start",
    "your questions",
    "when you noticed my body",
    "when you let me finish",
    "when you said it back in your words",
)
"""What helped, as the client would say it to the therapist."""

WISH_PHRASES: tuple[str, ...] = (
    "could we slow down?",
    "could you speak more softly?",
    "more time before I answer",
    "more direction",
    "less advice",
    "can we talk about how therapy is going?",
    "could we stay with a feeling longer?",
    "could you tell me what you notice in me?",
)
"""Requests in the client's own voice, from the attunement practice."""

MAX_PHRASE_LENGTH = 150

OFFER_LINE = "After your session: tell your therapist what helped (f)."
"""Home's quiet line on a day with a check-in and no feedback yet: an offer, never a nag."""

STEP_FIELDS: dict[str, str] = {
    "session": "session_date",
    "heard": "heard",
    "pace": "pace",
    "helped": "helped",
    "wishes": "wishes",
    "unsaid": "unsaid",
}
"""The Feedback field each step of the flow sets."""


class PhraseError(ValueError):
    """A phrase of the person's own cannot be used as it is (blank, too long, several lines)."""


def clean_phrase(text: str) -> str:
    """A phrase of the person's own, tidied: spaces collapsed, ends trimmed, case kept.

    Raises:
        PhraseError: it is empty, holds a line break or control character, or is over
            MAX_PHRASE_LENGTH characters.
    """
    if re.search("[\x00-\x1f\x7f-\x9f]", text.strip()):
        raise PhraseError("a phrase must be one line of text")
    phrase = " ".join(text.split())
    if not phrase:
        raise PhraseError("a phrase cannot be empty")
    if len(phrase) > MAX_PHRASE_LENGTH:
        raise PhraseError(f"a phrase can be at most {MAX_PHRASE_LENGTH} characters")
    return phrase


def session_choices(today: date, checkin_days: Collection[date] = ()) -> list[tuple[date, str]]:
    """The sessions a feedback can be about, newest first: today and the 13 days before.

    Each label says the day ("today, Wed 1 May", "yesterday, Tue 30 Apr", "Mon 29 Apr") and
    "· check-in" on days the journal holds a start-of-session check-in, which helps find the
    session's day.
    """
    choices = []
    for back in range(SESSION_DAYS):
        day = today - timedelta(days=back)
        label = weekday_short(day)
        if back < 2:
            label = f"{('today', 'yesterday')[back]}, {label}"
        if day in checkin_days:
            label += " · check-in"
        choices.append((day, label))
    return choices


def heard_text(heard: int) -> str:
    """'4 of 10'."""
    return f"{heard} of 10"


def phrases_text(phrases: Iterable[str]) -> str:
    """The phrases in their order, separated by '; ' (a phrase may itself hold a comma)."""
    return "; ".join(phrases)


def _sentence(text: str) -> str:
    """The text ending as a sentence: a full stop unless it ends in one, or in ? or !."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def feedback_lines(feedback: Feedback) -> list[str]:
    """The card's sentences: the session, then one sentence for each part answered.

    'About my session on Wed 1 May 2024.', 'I felt heard 4 of 10.', 'The pace felt too fast.',
    'What helped: when you slowed down; the silence.', 'I would like: more direction.' and,
    last, what was not said, word for word (it may hold line breaks).
    """
    lines = [f"About my session on {weekday_date(feedback.session_date)}."]
    if feedback.heard is not None:
        lines.append(f"I felt heard {heard_text(feedback.heard)}.")
    if feedback.pace is not None:
        lines.append(f"The pace felt {feedback.pace}.")
    if feedback.helped:
        lines.append(_sentence(f"What helped: {phrases_text(feedback.helped)}"))
    if feedback.wishes:
        lines.append(_sentence(f"I would like: {phrases_text(feedback.wishes)}"))
    unsaid = (feedback.unsaid or "").strip()
    if unsaid:
        lines.append(f"What I did not say in the session: {unsaid}")
    return lines


def feedback_fields(feedback: Feedback) -> list[tuple[str, str]]:
    """(label, text) for each part answered, for the therapist summary and Markdown exports;
    what was not said is left out (it is shown word for word, on lines of its own)."""
    fields = []
    if feedback.heard is not None:
        fields.append(("Felt heard", heard_text(feedback.heard)))
    if feedback.pace is not None:
        fields.append(("Pace", feedback.pace))
    if feedback.helped:
        fields.append(("What helped", phrases_text(feedback.helped)))
    if feedback.wishes:
        fields.append(("I would like", phrases_text(feedback.wishes)))
    return fields


UNSAID_LABEL = "Not said in the session"
NOTHING_MORE = "nothing more was entered"


def feedback_heading(feedback: Feedback) -> str:
    """'Session of Wed 1 May 2024'."""
    return f"Session of {weekday_date(feedback.session_date)}"


def feedback_markdown(feedback: Feedback) -> list[str]:
    """One feedback's answers as Markdown: a list of the parts answered, then what was not
    said as a block quote; every text escaped to show as typed."""
    fields = feedback_fields(feedback)
    out = [f"- {label}: {markdown_text(visible(text))}" for label, text in fields]
    if feedback.unsaid and feedback.unsaid.strip():
        out += [""] if out else []
        out += [f"{UNSAID_LABEL}:", "", *markdown_quote(feedback.unsaid)]
    return out or [f"- {NOTHING_MORE}"]


def feedback_cell(feedback: Feedback) -> str:
    """One short line for a history table: 'about 3 Nov · heard 4/10 · too fast · helped: ...
    · would like: ... · not said: ...', what was not said on one line. It begins with the
    session it is about, which the table's date (the day it was written) does not say;
    'heard –/10' when that question was skipped."""
    unsaid = " ".join((feedback.unsaid or "").split())
    heard = "–" if feedback.heard is None else feedback.heard
    parts = (
        f"about {day_month(feedback.session_date)}",
        f"heard {heard}/10",
        feedback.pace or "",
        f"helped: {phrases_text(feedback.helped)}" if feedback.helped else "",
        f"would like: {phrases_text(feedback.wishes)}" if feedback.wishes else "",
        f"not said: {unsaid}" if unsaid else "",
    )
    return " · ".join(part for part in parts if part)


def empty_answer(step: str, today: date) -> Any:
    """What a skipped step saves: today for the session, nothing for the rest."""
    if step == "session":
        return today
    return () if step in ("helped", "wishes") else None


def with_answer(feedback: Feedback | None, step: str, value: Any, today: date) -> Feedback:
    """The feedback with one step's answer in it (a new feedback about `today`'s session when
    there is none yet). A blank unsaid text is no text.

    Raises:
        CheckInError: the value is not usable for that step.
        KeyError: `step` is not one of the feedback's steps.
    """
    field = STEP_FIELDS[step]
    if field == "unsaid" and isinstance(value, str) and not value.strip():
        value = None
    if field in ("helped", "wishes"):
        value = tuple(value)
    base = feedback if feedback is not None else Feedback(today)
    return dataclasses.replace(base, **{field: value})


def with_answers(feedback: Feedback | None, answers: dict[str, Any], today: date) -> Feedback:
    """The feedback with several steps' answers in it (drafts kept on leaving)."""
    for step, value in answers.items():
        feedback = with_answer(feedback, step, value, today)
    return feedback if feedback is not None else Feedback(today)


def answer_of(feedback: Feedback | None, step: str, today: date) -> Any:
    """What the feedback holds for one step (the step's empty answer when there is none)."""
    if feedback is None:
        return empty_answer(step, today)
    return getattr(feedback, STEP_FIELDS[step])


def pace_choices() -> list[tuple[Pace, str]]:
    """'1 too slow', '2 about right', '3 too fast': the number answers at once."""
    return [(pace, f"{number}  {pace}") for number, pace in enumerate(PACES, 1)]


def feedback_due(count: Callable[..., int], now: datetime) -> bool:
    """Whether home offers a feedback: a start-of-session check-in was made today and no
    feedback yet (today's midnight on `now`'s clock).

    Args:
        count: Journal.count, or anything taking its `since` and `kind` filters.
        now: the moment home looks.
    """
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return bool(count(since=midnight, kind="checkin")) and not count(
        since=midnight, kind="feedback"
    )


def heard_line(points: tuple[HeardPoint, ...], width: int = 40) -> str:
    """'3 Nov ▂▄▅▆ 24 Nov': felt heard (0-10) as a sparkline, the first and last session's
    dates at its ends (with the years when they differ; one date when all are the same day)."""
    if not points:
        return ""
    first, last = points[0].session_date, points[-1].session_date
    years = first.year != last.year
    start = day_month(first) + (f" {first.year}" if years else "")
    end = day_month(last) + (f" {last.year}" if years else "")
    ends = start if first == last else f"{start}  {end}"
    spark = sparkline([point.heard for point in points], max(width - len(ends) - 2, 1))
    return f"{start} {spark}" if first == last else f"{start} {spark} {end}"


def feedback_trend_lines(trends: Trends, width: int = 40) -> list[str]:
    """The feedback part of the trends: felt heard over time, each pace's count, each wish's;
    each section only when it has something to show (no pace "0 times").

    The wishes are the person's own words, returned as they are (a terminal caller passes each line
    through core.text.visible()).
    """
    sections: list[list[str]] = []
    said = [point for point in trends.heard if point.heard is not None]
    if said:
        count = len(said)
        sections.append(
            [
                f"Felt heard 0-10 ({count} entr{'ies' if count != 1 else 'y'}), by session",
                f"  {heard_line(trends.heard, width - 2)}",
            ]
        )
    paces = [f"  {pace.text}" for pace in trends.paces if pace.count]
    if paces:
        sections.append(["Pace of the sessions", *paces])
    if trends.wishes:
        sections.append(["What I would like", *(f"  {wish.text}" for wish in trends.wishes)])
    return blank_separated(sections)
