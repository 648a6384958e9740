"""The heart in the therapist summary, the card and history: figures only, never judged.

Two sections of the summary: "Heart (with a chest strap)", one line per session breathed with a
sensor, and "Resonance assessment", one line per assessment ("Resonance rate: 5.5 breaths a
minute (1 May 2024)"). The card of an entry gets one line for each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from breath_tui.core.checkin import KIND_NAMES
from breath_tui.core.heart.assessment import resonance_line
from breath_tui.core.heart.protocol import format_rate
from breath_tui.core.when import day_and_time, long_date

if TYPE_CHECKING:
    from breath_tui.core.checkin import CheckIn, Heart, Resonance

HEART_TITLE = "Heart (with a chest strap)"
HEART_AVERAGES = "bpm: each session's average"
"""Said once, in the section's title, when it has several sessions: not on every line."""
RESONANCE_TITLE = "Resonance assessment"
NOT_MEDICAL = "Not a medical device: figures as measured, not judged."


def heart_text(heart: Heart, *, averaged: str = " on average") -> str:
    """'66 bpm on average, swing 12.3 bpm a breath, RMSSD 45 ms, 640 beats (Polar H10)';
    `averaged=""` leaves out "on average" where a title says it once for many lines."""
    return (
        f"{heart.mean_bpm:.0f} bpm{averaged}, swing {heart.swing_bpm:.1f} bpm a breath, "
        f"RMSSD {heart.rmssd_ms:.0f} ms, {heart.beats} beats ({heart.sensor})"
    )


def resonance_text(resonance: Resonance) -> str:
    """'5.5 breaths a minute (swing 14.2 bpm at it; rates tried: 6.5, 6, 5.5, 5, 4.5)'."""
    chosen = [figure for figure in resonance.rates if figure.rate == resonance.chosen_rate]
    swing = f"swing {chosen[0].swing_bpm:.1f} bpm at it; " if chosen else ""
    tried = ", ".join(format_rate(figure.rate) for figure in resonance.rates)
    return f"{format_rate(resonance.chosen_rate)} breaths a minute ({swing}rates tried: {tried})"


def heart_sections(checkins: Iterable[CheckIn]) -> list[tuple[str, list[str]]]:
    """The summary's heart sections, (title, lines), each only when it has something."""
    hearts: list[tuple[CheckIn, Heart]] = []
    assessments: list[str] = []
    for checkin in checkins:
        if checkin.heart is not None:
            hearts.append((checkin, checkin.heart))  # the pair: mypy knows heart is not None
        if checkin.resonance is not None:
            line = resonance_line(checkin.resonance.chosen_rate)
            assessments.append(f"{line} ({long_date(checkin.started_at)})")
    sections = []
    if hearts:
        # "on average" once, in the title, when there are several lines to say it of.
        averaged = " on average" if len(hearts) == 1 else ""
        title = HEART_TITLE if len(hearts) == 1 else f"{HEART_TITLE[:-1]}; {HEART_AVERAGES})"
        lines = [
            f"{day_and_time(checkin.started_at)}, {KIND_NAMES[checkin.kind]}: "
            f"{heart_text(heart, averaged=averaged)}"
            for checkin, heart in hearts
        ]
        sections.append((title, [*lines, NOT_MEDICAL]))
    if assessments:
        sections.append((RESONANCE_TITLE, assessments))
    return sections
