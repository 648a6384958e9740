"""The therapist summary: its period, its figures, and notes shown exactly as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn, Feeling
from breath_tui.core.therapist import (
    region_text,
    summary_markdown,
    summary_since_last_session,
    summary_text,
    therapist_summary,
)
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]
ZONE = timezone(timedelta(hours=1))
TRICKY_NOTE = "[bold]not bold[/bold] *not em* <b>x</b>\n# not a heading\n\x1b[31mnot red"


def on(make: Make, day: int, hour: int = 9, **fields: object) -> CheckIn:
    """A complete check-in started on May `day` 2024 at `hour`:00 (+01:00)."""
    started = datetime(2024, 5, day, hour, tzinfo=ZONE)
    return make(started_at=started, ended_at=started + timedelta(minutes=3), **fields)


def quick(make: Make, day: int, hour: int = 14, **fields: object) -> CheckIn:
    """A quick calm with cyclic sigh breathing and only an after rating."""
    sigh = Breathing("cyclic sigh", (BreathPhase("in", 2), BreathPhase("out", 6)), 1.0, 6, 60.0)
    values: dict[str, object] = {
        "kind": "quick",
        "breathing": sigh,
        "pre_rating": None,
        "post_rating": 3,
        "body": (),
        "feelings": (),
        "note": "",
    }
    values.update(fields)
    return on(make, day, hour, **values)


LATER = datetime(2024, 5, 10, 12, tzinfo=ZONE)


def since_last_session(journal: Journal, made: list[CheckIn], now: datetime = LATER):
    journal.import_checkins(made)
    return summary_since_last_session(journal.checkins, now)


def test_the_last_session_is_the_latest_complete_check_in(
    journal: Journal, make_checkin: Make
) -> None:
    """The newest complete start-of-session check-in; quick calms and unfinished ones do not count."""
    made = [
        on(make_checkin, 1),
        on(make_checkin, 3),
        quick(make_checkin, 4),
        make_checkin(started_at=datetime(2024, 5, 5, 9, tzinfo=ZONE), ended_at=None),
    ]
    assert since_last_session(journal, made).since == made[1].started_at


def test_a_check_in_made_today_is_passed_over_for_the_previous_sessions(
    journal: Journal, make_checkin: Make
) -> None:
    """A check-in made today belongs to today's session: the summary starts at the one before."""
    made = [on(make_checkin, 1), on(make_checkin, 8)]
    now = datetime(2024, 5, 8, 18, tzinfo=ZONE)
    summary = since_last_session(journal, made, now)
    assert (summary.since, summary.count) == (made[0].started_at, 2)


def test_without_a_check_in_the_summary_covers_everything(
    journal: Journal, make_checkin: Make
) -> None:
    """Only quick calms: no session start, so the summary covers everything."""
    summary = since_last_session(journal, [quick(make_checkin, 1), quick(make_checkin, 2)])
    assert (summary.anchor, summary.count) == ("everything", 2)


def test_summary_since_last_check_in_includes_it_and_what_followed(
    journal: Journal, make_checkin: Make
) -> None:
    """Since the check-in of 3 May: it and the quick calm after; the 1 May check-in is left out."""
    made = [on(make_checkin, 1), on(make_checkin, 3), quick(make_checkin, 4)]
    summary = since_last_session(journal, made)
    assert (summary.anchor, summary.since, summary.count) == (
        "last check-in",
        made[1].started_at,
        2,
    )
    assert summary.kinds == (("check-in", 1), ("quick calm", 1))
    assert summary_text(summary).startswith(
        "Therapist summary: Since the check-in of Fri 3 May 2024, 09:00\n"
        "2 entries from 3 May 2024 to 4 May 2024: 1 check-in and 1 quick calm.\n"
    )


def test_summary_since_a_date_keeps_check_ins_from_that_moment(make_checkin: Make) -> None:
    """since=2 May: the check-ins of 3 and 4 May, whatever the last check-in was."""
    made = [on(make_checkin, 1), on(make_checkin, 3), on(make_checkin, 4)]
    summary = therapist_summary(made, since=datetime(2024, 5, 2, tzinfo=ZONE))
    assert (summary.anchor, summary.count, summary.first) == ("date", 2, made[1].started_at)
    assert summary.kinds == (("check-ins", 2),)


def test_patterns_used_with_times_and_minutes(make_checkin: Make) -> None:
    """Each pattern with how often and how long in all, most used first."""
    made = [on(make_checkin, 1), quick(make_checkin, 2), quick(make_checkin, 3)]
    patterns = therapist_summary(made).patterns
    assert [use.text for use in patterns] == [
        "cyclic sigh: 2 times, 2 minutes in all",
        "resonance: once, 2 minutes in all",
    ]


def test_each_change_in_tension_and_the_average(make_checkin: Make) -> None:
    """Every rating listed; the average rests on the entries with both ratings only."""
    made = [
        on(make_checkin, day, pre_rating=pre, post_rating=post)
        for day, pre, post in [(1, 7, 4), (2, 6, 5), (3, 5, 3)]
    ]
    made.append(quick(make_checkin, 4))
    summary = therapist_summary(made)
    assert [line.text for line in summary.ratings] == [
        "check-in: 7 before, 4 after (3 lower)",
        "check-in: 6 before, 5 after (1 lower)",
        "check-in: 5 before, 3 after (2 lower)",
        "quick calm: 3 after",
    ]
    assert summary.change.text == "tension 2.0 lower on average, 3 times"


def test_average_change_of_two_is_too_few_to_tell(make_checkin: Make) -> None:
    """Two entries with both ratings: each is listed, the average is too few to tell."""
    text = summary_text(therapist_summary([on(make_checkin, 1), on(make_checkin, 2)]))
    assert "  Change: too few to tell (2 times)" in text and "Average change" not in text


def test_body_regions_with_sensations_and_intensity(make_checkin: Make) -> None:
    """Each region: how often, its sensations with counts, and how strong when tense; that
    the strength is an average is said once, in the section's title."""
    made = [
        on(make_checkin, 1, body=(BodyEntry("shoulders", ("tension", "tightness"), 6),)),
        on(make_checkin, 2, body=(BodyEntry("shoulders", ("tension",), 4),)),
    ]
    body = therapist_summary(made).body
    assert [region_text(region) for region in body] == [
        "shoulders: 2 times (tension 2 times, tightness once), tense 2 times, strength 5/10"
    ]
    text = summary_text(therapist_summary(made))
    assert "\nBody (strength: the average of the times tense)\n" in text
    assert text.count("average") == 1


def test_ease_noticed_does_not_lower_a_regions_tension(make_checkin: Make) -> None:
    """A region noticed at ease (strength 1) once and tense (7) once: its tension is 7, the
    same figure the trends show."""
    from breath_tui.core.trends import compute_trends

    made = [
        on(make_checkin, 1, body=(BodyEntry("chest", ("ease",), 1),)),
        on(make_checkin, 2, body=(BodyEntry("chest", ("tension",), 7),)),
    ]
    (region,) = therapist_summary(made).body
    assert (region.noticed, region.tense, region.tense_intensity) == (2, 1, 7.0)
    assert compute_trends(made).regions == (region,)


def test_feelings_are_sentences_by_date(make_checkin: Make) -> None:
    """Each entry's feelings as its sentence, with the date and time."""
    made = [on(make_checkin, 1, feelings=(Feeling("disappointed"), Feeling("ashamed", "a little")))]
    assert "  Wed 1 May 2024, 09:00: I feel disappointed and a little ashamed." in summary_text(
        therapist_summary(made)
    )


def test_notes_in_text_are_verbatim_with_controls_shown_as_escapes(make_checkin: Make) -> None:
    """Markup stays literal text and ESC is shown as \\x1b, never sent to the terminal."""
    text = summary_text(therapist_summary([on(make_checkin, 1, note=TRICKY_NOTE)]))
    assert "    [bold]not bold[/bold] *not em* <b>x</b>\n    # not a heading\n" in text
    assert "    \\x1b[31mnot red" in text and "\x1b" not in text


def test_notes_in_markdown_are_escaped_to_show_as_typed(make_checkin: Make) -> None:
    """Markdown punctuation in a note is escaped; the note is a block quote under its date."""
    md = summary_markdown(therapist_summary([on(make_checkin, 1, note=TRICKY_NOTE)]))
    assert "## Notes\n\nWed 1 May 2024, 09:00:\n\n" in md
    assert "> \\[bold\\]not bold\\[/bold\\] \\*not em\\* \\<b\\>x\\</b\\>\n" in md
    # The escape is shown as the text \x1b, its backslash escaped so a viewer shows it as such.
    assert "> \\# not a heading\n> \\\\x1b\\[31mnot red\n" in md


def test_markdown_escapes_the_persons_words_outside_notes(make_checkin: Make) -> None:
    """A region or feeling word with Markdown in it is escaped in the lists too."""
    made = [on(make_checkin, 1, body=(BodyEntry("*jaw*", ("tension",), 4),))]
    assert "- \\*jaw\\*: once (tension once), tense once, strength 4/10" in summary_markdown(
        therapist_summary(made)
    )


def test_unfinished_entries_are_counted_and_named(make_checkin: Make) -> None:
    """An unfinished check-in is an entry, flagged in the overview."""
    made = [make_checkin(started_at=datetime(2024, 5, 1, 9, tzinfo=ZONE), ended_at=None)]
    summary = therapist_summary(made)
    assert summary.unfinished == 1
    assert "1 check-in on 1 May 2024 (1 unfinished)." in summary_text(summary)


def test_empty_journal_summary(journal: Journal) -> None:
    """No check-ins: the text says so, with no sections, in both renderings."""
    summary = summary_since_last_session(journal.checkins, LATER)
    assert summary_text(summary) == (
        "Therapist summary: Everything in the journal\nNo entries in this period.\n"
    )
    assert summary_markdown(summary) == (
        "# Therapist summary: Everything in the journal\n\nNo entries in this period.\n"
    )


def test_export_summary_format_covers_since_the_last_check_in(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """`export --format summary` without --since starts at the last complete check-in."""
    with Journal() as journal:
        journal.import_checkins(
            [
                on(make_checkin, 1, note="old"),
                on(make_checkin, 3, note="new"),
                quick(make_checkin, 4),
            ]
        )
    assert main(["export", "--format", "summary"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Therapist summary: Since the check-in of Fri 3 May 2024, 09:00\n")
    assert "> new\n" in out and "> old" not in out


def test_a_check_in_made_today_belongs_to_today_so_the_summary_reaches_back(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """With today's start-of-session check-in done, the summary brought to today's session
    starts at the previous session's check-in and includes everything since, today's too."""
    from breath_tui.core.when import local_now

    def at(started: datetime, **fields: object) -> CheckIn:
        return make_checkin(started_at=started, ended_at=started + timedelta(minutes=3), **fields)

    now = local_now()  # "today" starts now, so the test holds at any time of day
    earlier = now - timedelta(days=7)
    with Journal() as journal:
        journal.import_checkins(
            [
                at(earlier - timedelta(days=7), note="two sessions ago"),
                at(earlier, note="last session"),
                at(earlier + timedelta(days=2), kind="quick", note="midweek"),
                at(now, note="today"),
            ]
        )
    assert main(["export", "--format", "summary"]) == 0
    out = capsys.readouterr().out
    assert "> last session\n" in out and "> midweek\n" in out and "> today\n" in out
    assert "two sessions ago" not in out


def test_session_cutoff_is_local_midnight_of_the_day() -> None:
    """Check-ins from local midnight on are today's session's."""
    from breath_tui.core.therapist import session_cutoff

    now = datetime(2024, 5, 3, 15, 42, 7, tzinfo=ZONE)
    assert session_cutoff(now) == datetime(2024, 5, 3, 0, 0, tzinfo=ZONE)


def test_export_summary_format_with_since(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """`export --format summary --since DATE` covers from that date, naming it."""
    with Journal() as journal:
        journal.import_checkins([on(make_checkin, 1, note="old"), on(make_checkin, 3, note="new")])
    assert main(["export", "--format", "summary", "--since", "2024-04-30T00:00+01:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Therapist summary: Since Tue 30 Apr 2024, 00:00\n")
    assert "> old\n" in out and "> new\n" in out


def test_a_line_break_in_a_word_stays_on_its_line_in_text(make_checkin: Make) -> None:
    """An imported region name holding a newline is shown as \\x0a, not as a new line."""
    made = [on(make_checkin, 1, body=(BodyEntry("jaw\nBody", ("tension",), 4),))]
    assert "  jaw\\x0aBody: once (tension once), tense once, strength 4/10\n" in summary_text(
        therapist_summary(made)
    )
