"""`breath-tui ground --plain` and `breath-tui plan --plain/--path`: lines in, lines out, the
journal written only when the exercise is finished, broken plans exit 2 naming file and line."""

from __future__ import annotations

import io
import stat
import sys

import pytest

from breath_tui.cli import main
from breath_tui.core.grounding import GROUND_AGAIN
from breath_tui.core.plan import OFFER
from breath_tui.journal import read_journal


@pytest.fixture
def stdin(monkeypatch):
    """Give standard input these bytes (not a terminal, so plain mode is used)."""

    def give(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return give


def answers(*lines: str) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode()


EVERYTHING = answers("7", "a lamp", "the window", "", "", "", "my sleeve", *[""] * 8, "mint", "4")


def test_ground_plain_keeps_a_finished_exercise_as_a_ground_entry(stdin, capsys):
    """Every prompt answered: exit 0, one ground entry with both ratings and what was named."""
    stdin(EVERYTHING)
    assert main(["ground", "--plain"]) == 0
    (entry,) = read_journal()
    assert entry.kind == "ground" and entry.status == "complete"
    assert (entry.pre_rating, entry.post_rating) == (7, 4)
    assert entry.grounding.noticed == {
        "see": ("a lamp", "the window"),
        "touch": ("my sleeve",),
        "taste": ("mint",),
    }
    out = capsys.readouterr().out
    assert "Noticed: see: a lamp, the window; touch: my sleeve; taste: mint" in out


def test_ground_plain_prints_every_prompt_on_a_line_of_its_own(stdin, capsys):
    """Each item's prompt ends its line, so a screen reader reads it before the answer."""
    stdin(EVERYTHING)
    main(["ground", "--plain"])
    lines = capsys.readouterr().out.splitlines()
    assert "See 1 of 5:" in lines and "Taste 1 of 1:" in lines
    assert lines[0] == "Grounding: 5-4-3-2-1 senses."


def test_ground_plain_at_the_end_of_input_keeps_nothing_and_exits_0(stdin, capsys, breath_home):
    """Input ending midway ends it cleanly: exit 0, "nothing was kept", no entry."""
    stdin(answers("7", "a lamp"))
    assert main(["ground", "--plain"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Stopped: nothing was kept."
    assert read_journal() == []


def test_ground_plain_with_nothing_entered_keeps_nothing(stdin, capsys):
    """Every line empty: finished, but nothing to keep, and it says so."""
    stdin(answers(*[""] * 17))
    assert main(["ground", "--plain"]) == 0
    assert "Nothing entered: nothing was kept." in capsys.readouterr().out
    assert read_journal() == []


def test_ground_plain_shows_typed_escapes_and_stores_them_as_typed(stdin, capsys):
    """A thing holding a terminal escape is printed escaped, and kept as it was typed."""
    stdin(answers("", "lamp \x1b]52;c;eA==\x07", *[""] * 14, ""))
    main(["ground", "--plain"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "lamp \\x1b]52;c;eA==\\x07" in out
    assert read_journal()[0].grounding.noticed["see"] == ("lamp \x1b]52;c;eA==\x07",)


def test_ground_plain_reads_bytes_that_are_not_utf8(stdin, capsys):
    """Bytes that are not UTF-8 become U+FFFD instead of stopping the exercise."""
    stdin(b"\n\xffcup\n" + answers(*[""] * 15))
    assert main(["ground", "--plain"]) == 0
    assert read_journal()[0].grounding.noticed["see"] == ("\ufffdcup",)


def test_ground_plain_after_rising_tension_offers_the_plan_then_the_crisis_line(
    stdin, capsys, breath_home
):
    """Tension higher after than before, with a plan: its offer first, then the crisis line,
    then grounding again; never a breathing exercise."""
    breath_home.mkdir()
    (breath_home / "plan.toml").write_text('people = ["Sam"]\n')
    stdin(answers("3", *[""] * 15, "5"))
    main(["ground", "--plain"])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith(OFFER) and last.endswith(f"a helpline. {GROUND_AGAIN}")
    assert "calm" not in last and "breath" not in last.replace("breath-tui", "")


def test_ground_plain_after_low_tension_says_nothing_of_help(stdin, capsys):
    """Tension lower after: no plan offer, no crisis line."""
    stdin(answers("6", *[""] * 15, "2"))
    main(["ground", "--plain"])
    assert "helpline" not in capsys.readouterr().out


def test_plan_path_prints_where_the_plan_is_kept(capsys, breath_home):
    """plan --path prints plan.toml beside config.toml, and makes nothing."""
    assert main(["plan", "--path"]) == 0
    assert capsys.readouterr().out == f"{breath_home / 'plan.toml'}\n"
    assert not breath_home.exists()


def test_plan_plain_prints_every_item_literally(capsys, breath_home):
    """plan --plain prints each item as written: markup as text, control characters escaped."""
    breath_home.mkdir()
    (breath_home / "plan.toml").write_text(
        'people = ["[bold]Sam[/] 555 0100", "esc \\u001b[2J"]\nreasons = ["my cat"]\n'
    )
    assert main(["plan", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "- [bold]Sam[/] 555 0100\n- esc \\x1b[2J\n" in out
    assert "\x1b" not in out
    assert "7. Reasons for living\n- my cat\n" in out
    assert out.rstrip().endswith("a helpline.")


def test_plan_plain_without_a_plan_says_how_to_make_one(capsys):
    """No plan.toml: plan --plain says there is none yet, and where to write one."""
    assert main(["plan", "--plain"]) == 0
    assert "You have no safety plan yet." in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["plan", "--plain"], ["plan"]])
def test_a_broken_plan_exits_2_naming_file_and_line(argv, capsys, breath_home):
    """A plan.toml that is not a plan: exit 2, one line naming the file and the line."""
    breath_home.mkdir()
    (breath_home / "plan.toml").write_text('coping = ["a walk"]\npeople = "Sam"\n')
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"{breath_home / 'plan.toml'}, line 2: people must be a list" in err[0]


def test_plan_plain_and_path_together_is_a_usage_error(capsys):
    """--plain and --path do not go together: exit 2."""
    assert main(["plan", "--plain", "--path"]) == 2


def test_ground_plain_writes_a_private_journal(stdin, capsys, breath_home):
    """The journal ground --plain creates is 0600 in a 0700 folder."""
    stdin(EVERYTHING)
    main(["ground", "--plain"])
    assert stat.S_IMODE(breath_home.stat().st_mode) == 0o700
    assert stat.S_IMODE((breath_home / "journal.sqlite3").stat().st_mode) == 0o600
