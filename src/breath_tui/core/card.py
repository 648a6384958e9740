"""A check-in in words: the summary card at the end of a check-in, and the cells of history,
CSV and Markdown exports. One wording everywhere, so what the person saw is what they export.

Plain text only: nothing here is markup. Callers showing it on a terminal pass it through
core.text.visible(); the words are neutral (a change in tension is "3 lower", never "better").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from breath_tui.core.breath_words import format_minutes, rate_words, tempo_text
from breath_tui.core.checkin import KIND_NAMES as KIND_NAMES  # screens name kinds from here
from breath_tui.core.checkin import BodyEntry, Breathing, CheckIn, Feeling
from breath_tui.core.feedback import feedback_cell, feedback_lines
from breath_tui.core.grounding import noticed_text
from breath_tui.core.heart.summary import heart_text, resonance_text
from breath_tui.core.patterns import Pattern, Phase
from breath_tui.core.vocab import UNNAMED, feelings_phrase
from breath_tui.core.when import day_and_time

# Each kind counted: (one, many). Grounding and feedback read oddly as plain plurals.
KIND_PLURALS: dict[str, tuple[str, str]] = {
    "checkin": ("check-in", "check-ins"),
    "quick": ("quick calm", "quick calms"),
    "breathe": ("breathing session", "breathing sessions"),
    "scan": ("body scan", "body scans"),
    "feedback": ("feedback entry", "feedback entries"),
    "ground": ("grounding exercise", "grounding exercises"),
    "resonance": ("resonance assessment", "resonance assessments"),
}


def kind_name(checkin: CheckIn) -> str:
    """'check-in', 'quick calm', 'breathing' or 'body scan'; '(unfinished)' while in progress,
    '(left early)' when the person left it and kept what they had entered."""
    name = KIND_NAMES[checkin.kind]
    if checkin.status != "complete":
        return f"{name} (unfinished)"
    return f"{name} (left early)" if checkin.left_early else name


def kind_count(kind: str, count: int) -> str:
    """'1 check-in', '2 quick calms', '3 feedback entries'."""
    one, many = KIND_PLURALS[kind]
    return f"{count} {one if count == 1 else many}"


def and_list(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def count_by_kind(counts: Mapping[str, int]) -> str:
    """'1 check-in, 2 quick calms and 1 body scan': each kind with a count above 0, in the
    order of core.checkin.KINDS (kinds it does not know last, as "other entries");
    'no entries' when every count is 0."""
    known = [kind for kind in KIND_PLURALS if counts.get(kind, 0) > 0]
    words = [kind_count(kind, counts[kind]) for kind in known]
    other = sum(count for kind, count in counts.items() if kind not in KIND_PLURALS and count > 0)
    if other:
        words.append(f"{other} other entr{'y' if other == 1 else 'ies'}")
    return and_list(words) or "no entries"


def entries_text(counts: Mapping[str, int]) -> str:
    """'12 entries (10 check-ins and 2 quick calms)'; '3 check-ins' when all are of one kind;
    'no entries' when there are none."""
    total = sum(count for count in counts.values() if count > 0)
    kinds = [kind for kind, count in counts.items() if count > 0]
    if len(kinds) <= 1:
        return count_by_kind(counts)
    return f"{total} entries ({count_by_kind(counts)})"


def change_words(pre: int | None, post: int | None) -> str:
    """'3 lower', '2 higher' or 'no change'; "" unless both ratings were given."""
    if pre is None or post is None:
        return ""
    if post == pre:
        return "no change"
    return f"{abs(post - pre)} {'lower' if post < pre else 'higher'}"


MISSING = "–"
"""A rating not given, in a table: a dash, never a blank cell or "None"."""


def ratings_short(checkin: CheckIn) -> str:
    """'7 -> 4', '7 -> –' or '– -> 4' for tables; '–' when neither was given."""
    pre, post = checkin.pre_rating, checkin.post_rating
    if pre is None and post is None:
        return MISSING
    return f"{MISSING if pre is None else pre} -> {MISSING if post is None else post}"


def ratings_text(checkin: CheckIn) -> str:
    """'7 before, 4 after (3 lower)', '7 before' or '4 after'; "" when neither was given."""
    parts = []
    if checkin.pre_rating is not None:
        parts.append(f"{checkin.pre_rating} before")
    if checkin.post_rating is not None:
        parts.append(f"{checkin.post_rating} after")
    change = change_words(checkin.pre_rating, checkin.post_rating)
    return ", ".join(parts) + (f" ({change})" if change else "")


def body_entry_text(entry: BodyEntry) -> str:
    """'shoulders: tension, tightness (6/10)'; 'shoulders: unnamed (6/10)' with no sensation
    named (the person was asked, and kept it so)."""
    words = ", ".join(entry.sensations) or UNNAMED
    return f"{entry.region}: {words} ({entry.intensity}/10)"


def body_text(body: Iterable[BodyEntry]) -> str:
    """Every region noticed, in order, separated by '; '."""
    return "; ".join(body_entry_text(entry) for entry in body)


def feelings_list(feelings: Iterable[Feeling]) -> str:
    """'disappointed (somewhat); ashamed (a little)': every intensity shown, for data exports."""
    return "; ".join(f"{feeling.word} ({feeling.intensity})" for feeling in feelings)


def feelings_short(feelings: Iterable[Feeling]) -> str:
    """'disappointed and a little ashamed': the sentence without 'I feel', for tables."""
    return feelings_phrase((feeling.word, feeling.intensity) for feeling in feelings)


def breathing_text(breathing: Breathing | None) -> str:
    """'resonance, 12 breaths in 2 minutes, 6 breaths a minute'; at another tempo the rate at
    that tempo, as a session's own end says it: '..., 9.6 breaths a minute at 1.6x'. "" with no
    breathing; no rate when the entry keeps no phases (an imported one may not)."""
    if breathing is None:
        return ""
    breaths = "breath" if breathing.cycles == 1 else "breaths"
    length = format_minutes(breathing.seconds / 60)
    text = f"{breathing.pattern}, {breathing.cycles} {breaths} in {length}"
    phases = tuple(Phase(phase.kind, phase.seconds) for phase in breathing.phases)
    if sum(phase.seconds for phase in phases) > 0:
        text += f", {rate_words(Pattern(breathing.pattern, phases), breathing.tempo)}"
    elif breathing.tempo != 1.0:
        text += f", tempo {tempo_text(breathing.tempo)}x"
    return text


def card_lines(checkin: CheckIn) -> list[str]:
    """The summary card: a heading line, then one labelled line per part that was filled in.

    The last item is the note, which may hold line breaks. Parts skipped are left out. A
    feedback's card is its sentences ("I felt heard 4 of 10."), what was not said last.
    """
    lines = [f"{kind_name(checkin).capitalize()}, {day_and_time(checkin.started_at)}"]
    if checkin.feedback is not None:
        lines += feedback_lines(checkin.feedback)
    for label, value in (
        ("Tension", ratings_text(checkin)),
        ("Breathing", breathing_text(checkin.breathing)),
        ("Heart", heart_text(checkin.heart) if checkin.heart else ""),
        ("Resonance rate", resonance_text(checkin.resonance) if checkin.resonance else ""),
        ("Body", body_text(checkin.body)),
        ("Feelings", checkin.feelings_sentence),
        ("Noticed", noticed_text(checkin.grounding)),
        ("Note", checkin.note.strip()),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return lines


def card_text(checkin: CheckIn) -> str:
    """The summary card as one text, e.g. for the clipboard."""
    return "\n".join(card_lines(checkin))


def history_row(checkin: CheckIn) -> list[str]:
    """The cells of one check-in in a history table: date, kind, ratings, body, feelings, note
    (a feedback's answers, on one line, in the note's cell)."""
    from breath_tui.core.when import short_date

    note = checkin.note.strip()
    if checkin.feedback is not None:
        told = feedback_cell(checkin.feedback)
        note = " · ".join(filter(None, (told, note)))
    return [
        short_date(checkin.started_at),
        kind_name(checkin),
        ratings_short(checkin),
        body_text(checkin.body),
        feelings_short(checkin.feelings),
        note,
    ]
