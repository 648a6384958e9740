"""`breath-tui export` and `import`: the exact interchange format, all-or-nothing import,
duplicate ids skipped, CSV safe for spreadsheets, Markdown for the therapist, private files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from breath_tui.cli import main
from breath_tui.core.checkin import BodyEntry, CheckIn, Feeling
from breath_tui.journal import Journal

Make = Callable[..., CheckIn]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def fill(make: Make, count: int = 3) -> list[CheckIn]:
    """Put `count` check-ins in the journal (one unfinished, one with unusual text)."""
    made = [make() for _ in range(count)]
    made[0] = make(note="line one\nline two, café 🙂 \x1b[31m [bold]x[/bold]", ended_at=None)
    with Journal() as journal:
        journal.import_checkins(made)
    return made


def test_export_import_export_is_identical(
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Export, import into an empty journal, export again: the same bytes."""
    data = make_checkin().to_dict()
    data["from_the_future"] = [1, {"a": None}]
    with Journal() as journal:
        journal.add(CheckIn.from_dict(data))
    fill(make_checkin)
    status, first, _ = run(capsys, "export", "--format", "jsonl")
    assert status == 0 and first.count("\n") == 4
    (tmp_path / "out.jsonl").write_text(first, encoding="utf-8")
    monkeypatch.setenv("BREATH_TUI_HOME", str(tmp_path / "elsewhere"))
    assert run(capsys, "import", str(tmp_path / "out.jsonl"))[0] == 0
    assert run(capsys, "export", "--format", "jsonl")[1] == first


def test_jsonl_lines_are_the_interchange_format(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """Each exported line is one check-in in the interchange format, oldest first."""
    made = fill(make_checkin)
    lines = run(capsys, "export")[1].splitlines()
    assert [CheckIn.from_json(line) for line in lines] == sorted(made, key=lambda c: c.started_at)
    assert json.loads(lines[0])["schema"] == 1


def test_a_bad_line_imports_nothing_and_names_the_line(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """One bad line: exit 2, 'FILE, line N: what is wrong', and not even the good lines go in."""
    good = [make_checkin().to_json(), make_checkin().to_json()]
    bad = make_checkin().to_dict() | {"pre_rating": 11}
    file = tmp_path / "in.jsonl"
    file.write_text("\n".join([*good, json.dumps(bad)]) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2
    assert err.splitlines() == [
        f"breath-tui: {file}, line 3: pre_rating must be 0-10, not 11",
        "Nothing was imported.",
    ]
    with Journal() as journal:
        assert journal.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": 1,', "line 2: not valid JSON: Expecting property name enclosed in double"),
        ("[1, 2]", "line 2: the check-in must be an object {...}, not a list"),
        ('{"schema": 1}', "line 2: id is missing"),
    ],
)
def test_each_kind_of_bad_line_is_explained(
    capsys: pytest.CaptureFixture[str],
    make_checkin: Make,
    tmp_path: Path,
    text: str,
    message: str,
) -> None:
    """Broken JSON, a non-object and a missing key are each named with the line."""
    file = tmp_path / "in.jsonl"
    file.write_text(make_checkin().to_json() + "\n" + text + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2 and err.startswith(f"breath-tui: {file}, {message}")


def test_more_bad_lines_are_counted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The first bad line is named; the others are counted on the second line."""
    file = tmp_path / "in.jsonl"
    file.write_text("x\n\ny\nz\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2 and err.splitlines()[1] == "Nothing was imported (2 more bad lines)."


def test_a_file_that_is_not_utf8_names_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bytes that are not UTF-8 give exit 2 and the line they are on."""
    file = tmp_path / "in.jsonl"
    file.write_bytes(b'\n\n{"note": "\xff"}\n')
    status, _, err = run(capsys, "import", str(file))
    assert (status, err.strip()) == (
        2,
        f"breath-tui: {file}, line 3: not UTF-8 text\nNothing was imported.",
    )


def test_a_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An import file that is not there: exit 2, one line naming it."""
    status, _, err = run(capsys, "import", str(tmp_path / "nope.jsonl"))
    assert status == 2 and err.startswith(f"breath-tui: {tmp_path / 'nope.jsonl'}: cannot be read")


def test_ids_already_present_are_skipped(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """Importing the same file twice adds nothing the second time and says so."""
    file = tmp_path / "in.jsonl"
    file.write_text("".join(make_checkin().to_json() + "\n" for _ in range(3)), encoding="utf-8")
    assert run(capsys, "import", str(file))[1] == (
        "Imported 3 check-ins; skipped 0 already in the journal.\n"
    )
    assert run(capsys, "import", str(file))[1] == (
        "Imported nothing new; skipped 3 already in the journal.\n"
    )


def test_an_id_twice_in_one_file_is_imported_once(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A repeated id within the file: the first is imported, the repeat skipped."""
    checkin = make_checkin()
    file = tmp_path / "in.jsonl"
    file.write_text(checkin.to_json() + "\n" + checkin.updated(note="b").to_json() + "\n")
    assert "Imported 1 check-in; skipped 1" in run(capsys, "import", str(file))[1]
    with Journal() as journal:
        saved = journal.get(checkin.id)
    assert saved is not None and saved.note == checkin.note


def test_blank_lines_and_a_byte_order_mark_are_allowed(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A BOM and blank or CR LF lines (an editor's doing) do not stop an import."""
    file = tmp_path / "in.jsonl"
    body = "\ufeff" + make_checkin().to_json() + "\r\n\r\n" + make_checkin().to_json() + "\r\n"
    file.write_bytes(body.encode("utf-8"))
    assert run(capsys, "import", str(file))[1].startswith("Imported 2 check-ins")


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\\x0d=1"),  # a lone CR is shown escaped, so the cell no longer starts with it
        ("calm = 1", "calm = 1"),
    ],
)
def test_csv_neutralises_formulas(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, note: str, cell: str
) -> None:
    """A cell starting with = + - @ tab or CR is written with a leading apostrophe."""
    with Journal() as journal:
        journal.add(make_checkin(note=note))
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert rows[0]["note"] == cell


def test_csv_neutralises_words_of_ones_own(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """Body and feelings cells are guarded too: a region or word can start a formula."""
    body = (BodyEntry("=cmd|' /C calc'!A0", ("ache",), 2),)
    with Journal() as journal:
        journal.add(make_checkin(body=body, feelings=(Feeling("@risk"),)))
    row = next(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert (row["body"][0], row["feelings"][0]) == ("'", "'")


def test_csv_has_one_readable_row_per_check_in(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """Body and feelings are flattened into readable cells; ratings are plain numbers."""
    with Journal() as journal:
        journal.add(make_checkin())
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert len(rows) == 1
    row = rows[0]
    assert (row["pre_rating"], row["post_rating"], row["change"]) == ("7", "4", "3 lower")
    assert row["body"] == "shoulders: tension, tightness (6/10)"
    assert row["feelings"] == "disappointed (somewhat); ashamed (a little)"


def test_markdown_summary_for_the_therapist(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """md shows date, ratings and change, body, the feelings sentence and the note, literally."""
    with Journal() as journal:
        journal.add(make_checkin(note="Slower helped.\n[link](http://x) *not bold*"))
    out = run(capsys, "export", "--format", "md")[1]
    assert "## Wed 1 May 2024, 09:30: check-in" in out
    assert "- Tension (0-10): 7 before, 4 after (3 lower)" in out
    assert "- Body: shoulders: tension, tightness (6/10)" in out
    assert "- Feelings: I feel disappointed and a little ashamed." in out
    assert "> Slower helped.\n> \\[link\\](http://x) \\*not bold\\*" in out


def test_since_keeps_only_later_check_ins(
    capsys: pytest.CaptureFixture[str], make_checkin: Make
) -> None:
    """--since DATE exports check-ins started on or after that date."""
    made = [make_checkin() for _ in range(3)]  # 1, 2 and 3 May 2024
    with Journal() as journal:
        journal.import_checkins(made)
    lines = run(capsys, "export", "--since", "2024-05-02T00:00+01:00")[1].splitlines()
    assert [CheckIn.from_json(line).id for line in lines] == [made[1].id, made[2].id]


def test_a_bad_since_is_exit_2_naming_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--since that is not a date: exit 2, the option named."""
    status, _, err = run(capsys, "export", "--since", "May")
    assert status == 2 and "--since wants a date" in err


def test_an_unknown_format_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """--format other than jsonl, csv or md is a usage error."""
    status, _, err = run(capsys, "export", "--format", "xlsx")
    assert status == 2 and "--format" in err and len(err.splitlines()) == 1


def test_export_without_a_journal_makes_none(
    capsys: pytest.CaptureFixture[str], breath_home: Path
) -> None:
    """Exporting before any check-in prints nothing and creates no journal file."""
    assert run(capsys, "export") == (0, "", "")
    assert not (breath_home / "journal.sqlite3").exists()


def test_output_file_is_new_and_private(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """-o FILE makes a file only its owner can read (0600), even with a permissive umask."""
    fill(make_checkin)
    target = tmp_path / "journal.md"
    old = os.umask(0)
    try:
        assert run(capsys, "export", "--format", "md", "-o", str(target)) == (
            0,
            f"Wrote 3 check-ins to {target} as Markdown.\n",
            "",
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# breath-tui journal")


def test_output_file_is_not_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """An existing FILE is left alone (exit 2) unless --force is given; then it is replaced 0600."""
    fill(make_checkin)
    target = tmp_path / "out.jsonl"
    target.write_text("precious")
    target.chmod(0o644)
    status, _, err = run(capsys, "export", "-o", str(target))
    assert (status, target.read_text()) == (2, "precious")
    assert err.strip() == f"breath-tui: -o {target}: already exists; add --force to replace it"
    assert run(capsys, "export", "-o", str(target), "--force")[0] == 0
    assert target.read_text().count("\n") == 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_output_cannot_be_the_journal(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, breath_home: Path
) -> None:
    """-o pointing at the journal itself is refused even with --force."""
    fill(make_checkin)
    status, _, err = run(capsys, "export", "-o", str(breath_home / "journal.sqlite3"), "--force")
    assert status == 2 and "the journal itself" in err
    with Journal() as journal:
        assert journal.count() == 3


def test_import_reads_standard_input(make_checkin: Make, breath_home: Path) -> None:
    """FILE '-' reads the check-ins from standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "breath_tui", "import", "-"],
        input=make_checkin().to_json() + "\n",
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (
        0,
        "Imported 1 check-in; skipped 0 already in the journal.\n",
    )


def test_errors_never_echo_control_characters_or_long_values(
    capsys: pytest.CaptureFixture[str], make_checkin: Make, tmp_path: Path
) -> None:
    """A bad value full of escape codes is not printed raw, nor repeated at length."""
    bad = make_checkin().to_dict() | {"kind": "\x1b[2J" * 100}
    file = tmp_path / "in.jsonl"
    file.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(file))
    assert status == 2 and "\x1b" not in err and len(err) < 300
    assert err.startswith(f"breath-tui: {file}, line 1: kind must be one of")
