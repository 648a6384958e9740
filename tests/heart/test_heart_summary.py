"""Heart figures and resonance assessments in the card, the therapist summary and the export."""

from __future__ import annotations

import io

from breath_tui.core.card import card_text
from breath_tui.core.checkin import Heart, RateFigure, Resonance
from breath_tui.core.therapist import summary_markdown, summary_text, therapist_summary
from breath_tui.journal.exchange import parse_jsonl, write_jsonl

HEART = Heart("Polar H10 A0:9E:1A:12:34:56", 66.2, 12.3, 45.1, 640)
RESONANCE = Resonance(
    5.5,
    (
        RateFigure(6.5, 8.1, 900.0, 40.0, 12),
        RateFigure(5.5, 14.2, 2100.0, 52.0, 10),
        RateFigure(4.5, 11.0, 1800.0, 50.0, 8),
    ),
)


def test_the_card_shows_the_heart_and_the_resonance_rate(make_checkin):
    """An entry's card: a Heart line with the figures, a Resonance rate line."""
    card = card_text(make_checkin(kind="breathe", heart=HEART))
    assert "Heart: 66 bpm on average, swing 12.3 bpm a breath, RMSSD 45 ms, 640 beats" in card
    card = card_text(make_checkin(kind="resonance", breathing=None, resonance=RESONANCE))
    assert "Resonance rate: 5.5 breaths a minute (swing 14.2 bpm at it" in card


def test_the_summary_has_a_heart_section_and_a_resonance_section(make_checkin):
    """'Heart (with a chest strap)' lists each session; 'Resonance rate: 5.5 ... (date)'."""
    entries = [
        make_checkin(kind="breathe", heart=HEART),
        make_checkin(kind="resonance", breathing=None, resonance=RESONANCE),
        make_checkin(),
    ]
    text = summary_text(therapist_summary(entries))
    assert "Heart (with a chest strap)" in text
    assert "breathing: 66 bpm on average" in text
    assert "Not a medical device" in text
    assert "Resonance assessment\n  Resonance rate: 5.5 breaths a minute (2 May 2024)" in text
    markdown = summary_markdown(therapist_summary(entries))
    assert "## Heart (with a chest strap)" in markdown


def test_without_a_strap_the_summary_says_nothing_of_the_heart(make_checkin):
    """No heart figures: no heart section, no resonance section."""
    text = summary_text(therapist_summary([make_checkin()]))
    assert "Heart" not in text and "Resonance" not in text


def test_the_heart_object_and_kept_intervals_survive_export_and_import(make_checkin):
    """The interchange `heart` object (and intervals kept by the setting) come back as written."""
    kept = Heart("replay:rr.txt", 60.0, 9.5, 30.0, 3, {"intervals_ms": [1000.0, 990.0, 1010.0]})
    entry = make_checkin(kind="breathe", heart=kept)
    out = io.StringIO()
    write_jsonl([entry], out)
    (back,) = parse_jsonl(out.getvalue().encode(), "export.jsonl")
    assert back.heart == kept
    assert back.heart.to_dict()["intervals_ms"] == [1000.0, 990.0, 1010.0]
    assert '"heart": {"sensor": "replay:rr.txt"' in out.getvalue()
