"""What import, export -o and forget say they did, counted by kind; entries kept before their
last step are marked left early in the journal and in what it exports (issue 12)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import CheckIn
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def mixed(make: Make) -> list[CheckIn]:
    """1 check-in, 2 quick calms and 1 body scan."""
    return [
        make(),
        make(kind="quick"),
        make(kind="quick"),
        make(kind="scan", breathing=None),
    ]


def test_import_counts_what_it_added_by_kind(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A scan is not 'a check-in': each kind added is named; those skipped are counted apart."""
    made = mixed(make_checkin)
    with Journal() as journal:
        journal.add(made[1])  # one quick calm is there already
    file = tmp_path / "in.jsonl"
    file.write_text("".join(c.to_json() + "\n" for c in made), encoding="utf-8")
    assert run(capsys, "import", str(file))[1] == (
        "Imported 3 entries (1 check-in, 1 quick calm and 1 body scan); "
        "skipped 1 already in the journal.\n"
    )


def test_import_result_holds_the_kinds_added(make_checkin: Make, journal: Journal) -> None:
    """Journal.import_checkins counts each kind added; a repeated id counts once, first kept."""
    made = mixed(make_checkin)
    twice = made[3].updated(note="the repeat")
    result = journal.import_checkins([*made, twice])
    assert (result.imported, result.skipped) == (4, 1)
    assert dict(result.kinds) == {"checkin": 1, "quick": 2, "scan": 1}
    assert journal.count_by_kind() == {"checkin": 1, "quick": 2, "scan": 1}
    saved = journal.get(made[3].id)
    assert saved is not None and saved.note == made[3].note


def test_export_to_a_file_says_what_it_wrote(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """export -o FILE says, in one line, how many entries of each kind went where, as what."""
    with Journal() as journal:
        journal.import_checkins(mixed(make_checkin))
    target = tmp_path / "x.jsonl"
    assert run(capsys, "export", "-o", str(target)) == (
        0,
        f"Wrote 4 entries (1 check-in, 2 quick calms and 1 body scan) to {target} as JSON Lines.\n",
        "",
    )
    assert target.read_text(encoding="utf-8").count("\n") == 4
    csv_file = tmp_path / "x.csv"
    out = run(capsys, "export", "--format", "csv", "-o", str(csv_file))[1]
    assert out.endswith(f"to {csv_file} as CSV.\n")
    summary = tmp_path / "s.md"
    out = run(capsys, "export", "--format", "summary", "-o", str(summary))[1]
    assert out.startswith("Wrote the therapist summary of 4 entries (") and out.endswith(
        "as Markdown.\n"
    )


def test_export_to_standard_output_adds_nothing(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """Without -o the export alone is on standard output: nothing said around it."""
    with Journal() as journal:
        journal.import_checkins(mixed(make_checkin))
    out = run(capsys, "export")[1]
    assert out.count("\n") == 4 and "Wrote" not in out


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_forget_asks_naming_each_kind(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, make_checkin: Make
) -> None:
    """forget's question counts by kind: 'with 4 entries (1 check-in, 2 quick calms and 1 body
    scan)', not '(4 check-ins)'."""
    with Journal() as journal:
        journal.import_checkins(mixed(make_checkin))
    monkeypatch.setattr(sys, "stdin", FakeTerminal("no\n"))
    status, out, err = run(capsys, "forget")
    assert status == 0 and out == "Nothing was deleted.\n"
    assert ", with 4 entries (1 check-in, 2 quick calms and 1 body scan)? " in err


def test_keep_before_the_last_step_marks_the_entry_left_early(journal: Journal) -> None:
    """Kept with steps not yet saved: complete and left early, in the journal and its export."""
    entry = journal.start_checkin()
    journal.save_step(entry, pre_rating=6)
    kept = journal.keep(entry)
    assert (kept.status, kept.left_early) == ("complete", True)
    saved = journal.get(entry)
    assert saved is not None and saved.left_early
    assert json.loads(saved.to_json())["left_early"] is True


def test_keep_with_every_step_saved_is_not_left_early(journal: Journal) -> None:
    """An entry whose every step was saved (only its ending missing) is not left early."""
    entry = journal.start_checkin("quick")
    journal.save_step(entry, breathing=None)
    assert journal.keep(entry).left_early is False


def test_finish_is_never_left_early(journal: Journal) -> None:
    """A check-in finished the ordinary way is not marked."""
    entry = journal.start_checkin()
    journal.save_step(entry, pre_rating=6)
    assert journal.finish(entry).left_early is False


def test_left_early_survives_export_and_import(
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exported with "left_early": true, imported back as left early, exported the same."""
    with Journal() as journal:
        journal.add(make_checkin(post_rating=None, left_early=True))
        journal.add(make_checkin())
    first = run(capsys, "export")[1]
    assert first.count('"left_early": true') == 1
    (tmp_path / "out.jsonl").write_text(first, encoding="utf-8")
    monkeypatch.setenv("BREATH_TUI_HOME", str(tmp_path / "elsewhere"))
    run(capsys, "import", str(tmp_path / "out.jsonl"))
    assert run(capsys, "export")[1] == first
    history = run(capsys, "history", "--plain")[1]
    assert "Check-in (left early), " in history


def test_trends_count_the_entries_by_kind(journal: Journal, make_checkin: Make) -> None:
    """The trends' first line counts each kind, from the journal's rows as from check-ins."""
    from breath_tui.core.trends import compute_trends, trends_lines

    made = mixed(make_checkin)
    journal.import_checkins(made)
    for entries in (journal.trend_rows(), made):
        assert trends_lines(compute_trends(entries), 80)[0] == (
            "Tension 0-10 over 4 entries (1 check-in, 2 quick calms and 1 body scan), oldest first"
        )
