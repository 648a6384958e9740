"""A feedback for the therapist out and in: JSON Lines round trip, a malformed one refused with
its line named, CSV cells, the Markdown export, `history --plain` and `export --format summary`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import CheckIn, Feedback
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]
UNSAID = "I was angry [b]then[/b]\n\x1b]52;c;ZXZpbA==\x07 *not em*"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 250-column terminal, so no line of `history --plain` is cut."""
    monkeypatch.setenv("COLUMNS", "250")


def feedback_entry(make: Make, **answers: object) -> CheckIn:
    """A complete feedback about the session of its own day, every answer given."""
    entry = make(kind="feedback", breathing=None, pre_rating=None, post_rating=None)
    values: dict[str, object] = {
        "session_date": entry.started_at.date(),
        "heard": 4,
        "pace": "too fast",
        "helped": ("when you slowed down", "[@click=app.quit]x[/]"),
        "wishes": ("could we slow down?",),
        "unsaid": UNSAID,
    } | answers
    return entry.updated(
        body=(),
        feelings=(),
        note="",
        feedback=Feedback(**values),  # type: ignore[arg-type]
    )


def test_a_feedback_round_trips_through_export_and_import(
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Export, import into an empty journal, export again: the same bytes, the feedback whole."""
    made = [make_checkin(), feedback_entry(make_checkin)]
    with Journal() as journal:
        journal.import_checkins(made)
    status, first, _ = run(capsys, "export", "--format", "jsonl")
    assert status == 0
    assert json.loads(first.splitlines()[1])["feedback"]["unsaid"] == UNSAID
    (tmp_path / "out.jsonl").write_text(first, encoding="utf-8")
    monkeypatch.setenv("BREATH_TUI_HOME", str(tmp_path / "elsewhere"))
    assert run(capsys, "import", str(tmp_path / "out.jsonl"))[0] == 0
    with Journal() as journal:
        assert journal.checkins(kind="feedback") == [made[1]]
    assert run(capsys, "export", "--format", "jsonl")[1] == first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"heard": 11}, "feedback.heard must be 0-10, not 11"),
        ({"pace": "rushed"}, 'feedback.pace must be "too slow", "about right", "too fast" or null'),
        ({"session_date": "yesterday"}, "feedback.session_date must be a date like 2026-11-03"),
        ({"helped": "the silence"}, "feedback.helped must be a list [...], not text"),
        ({"wishes": [7]}, "feedback.wishes[0] must be text in quotes, not a number"),
        ({"unsaid": ["x"]}, "feedback.unsaid must be text in quotes, not a list"),
    ],
)
def test_a_malformed_feedback_imports_nothing_and_names_its_line(
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    change: dict[str, object],
    message: str,
) -> None:
    """A bad feedback value on line 2: exit 2, 'FILE, line 2: feedback.FIELD ...', nothing in."""
    bad = feedback_entry(make_checkin).to_dict()
    bad["feedback"] |= change
    file = tmp_path / "in.jsonl"
    file.write_text(make_checkin().to_json() + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2
    assert err.startswith(f"breath-tui: {file}, line 2: {message}")
    assert err.splitlines()[-1] == "Nothing was imported."
    with Journal() as journal:
        assert journal.count() == 0


def test_a_feedback_without_its_session_date_is_refused(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """The session's date is the one answer a feedback must have: its line is named."""
    bad = feedback_entry(make_checkin).to_dict()
    del bad["feedback"]["session_date"]
    file = tmp_path / "in.jsonl"
    file.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert (status, err.splitlines()[0]) == (
        2,
        f"breath-tui: {file}, line 1: feedback.session_date is missing",
    )


@pytest.mark.parametrize("missing", ["null", "absent"])
def test_a_feedback_entry_without_its_feedback_is_refused(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path, missing: str
) -> None:
    """A line of kind "feedback" whose feedback object is null or absent: exit 2 naming the
    line, nothing imported (an empty feedback was imported, and shown in history and trends)."""
    bad = feedback_entry(make_checkin).to_dict()
    if missing == "null":
        bad["feedback"] = None
    else:
        del bad["feedback"]
    file = tmp_path / "in.jsonl"
    file.write_text(make_checkin().to_json() + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2
    assert err.startswith(f"breath-tui: {file}, line 2: feedback is missing"), err
    assert err.splitlines()[-1] == "Nothing was imported."
    with Journal() as journal:
        assert journal.count() == 0


def test_an_unfinished_feedback_without_answers_round_trips(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A feedback the app was killed in before its first answer (no feedback object yet, no
    ended_at) is exported and imported again as it is: one's own export always imports."""
    unfinished = feedback_entry(make_checkin).to_dict()
    unfinished["feedback"] = None
    unfinished["ended_at"] = None
    file = tmp_path / "in.jsonl"
    file.write_text(json.dumps(unfinished) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 0, err
    with Journal() as journal:
        assert journal.count() == 1


def test_a_check_in_carrying_a_feedback_is_refused(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A feedback object on a line of kind "checkin" is refused, naming the line."""
    bad = make_checkin().to_dict() | {
        "feedback": feedback_entry(make_checkin).to_dict()["feedback"]
    }
    file = tmp_path / "in.jsonl"
    file.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2
    assert err.startswith(f'breath-tui: {file}, line 1: feedback is only for kind "feedback"')


def test_csv_has_the_feedbacks_columns(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """session_date, heard, pace, helped, wishes, unsaid: readable, escapes shown, no formula."""
    entry = feedback_entry(make_checkin, wishes=("=1+1", "less advice"))
    with Journal() as journal:
        journal.add(entry)
    row = next(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert (row["kind"], row["session_date"], row["heard"], row["pace"]) == (
        "feedback",
        entry.started_at.date().isoformat(),
        "4",
        "too fast",
    )
    assert row["helped"] == "when you slowed down; [@click=app.quit]x[/]"
    assert row["wishes"] == "'=1+1; less advice"
    assert row["unsaid"] == "I was angry [b]then[/b]\n\\x1b]52;c;ZXZpbA==\\x07 *not em*"


def test_markdown_export_shows_the_feedback_escaped(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """md: the session it is about, each answer, what was not said as a quote; all as typed."""
    with Journal() as journal:
        journal.add(feedback_entry(make_checkin))
    out = run(capsys, "export", "--format", "md")[1]
    assert "## Wed 1 May 2024, 09:30: feedback\n\n- About: Session of Wed 1 May 2024\n" in out
    assert "- Felt heard: 4 of 10\n- Pace: too fast\n" in out
    assert "- What helped: when you slowed down; \\[@click=app.quit\\]x\\[/\\]\n" in out
    assert "- I would like: could we slow down?\n" in out
    assert (
        "Not said in the session:\n\n> I was angry \\[b\\]then\\[/b\\]\n"
        "> \\\\x1b\\]52;c;ZXZpbA==\\\\x07 \\*not em\\*\n"
    ) in out
    assert "\x1b" not in out


def test_the_summary_export_has_a_feedback_section(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """`export --format summary`: ## Feedback, the session's date, heard and pace."""
    with Journal() as journal:
        journal.add(feedback_entry(make_checkin, session_date=date(2024, 4, 30)))
    out = run(capsys, "export", "--format", "summary")[1]
    assert "## Feedback\n\n### Session of Tue 30 Apr 2024\n\n- Felt heard: 4 of 10\n" in out


def test_history_plain_says_the_feedback_in_sentences(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, wide: None
) -> None:
    """`history --plain`: the card's sentences, markup as typed, escapes shown, lines indented;
    then felt heard and the pace among the trends."""
    with Journal() as journal:
        journal.add(feedback_entry(make_checkin))
        journal.add(feedback_entry(make_checkin, heard=7, pace="about right"))
    out = run(capsys, "history", "--plain")[1]
    block = out.split("\n\n")[1].splitlines()
    assert block == [
        "Feedback, Wed 1 May 2024, 09:30",
        "About my session on Wed 1 May 2024.",
        "I felt heard 4 of 10.",
        "The pace felt too fast.",
        "What helped: when you slowed down; [@click=app.quit]x[/].",
        "I would like: could we slow down?",
        "What I did not say in the session: I was angry [b]then[/b]",
        "  \\x1b]52;c;ZXZpbA==\\x07 *not em*",
    ]
    assert "\x1b" not in out
    assert "Felt heard 0-10 (2 entries), by session" in out
    assert "  1 May ▄▆ 2 May" in out
