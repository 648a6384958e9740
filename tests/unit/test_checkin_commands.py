"""`breath-tui checkin` and `breath-tui scan` on the command line: listed, documented, and
failing with one plain line (bad config: exit 2; a journal that cannot be opened: exit 1)."""

import pytest

from breath_tui.cli import main


def test_help_lists_checkin_and_scan(capsys):
    """`breath-tui --help` names both commands."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "checkin" in out and "scan" in out


@pytest.mark.parametrize("command", ["checkin", "scan"])
def test_command_help_says_how_to_skip_go_back_and_leave(command, capsys):
    """Each command's --help tells the keys: s skips, Esc goes back, q leaves."""
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "skipped (s)" in out and "Esc goes back" in out and "q leaves" in out


def test_bad_checkin_setting_exits_2_naming_it(breath_home, capsys):
    """A bad [checkin] minutes stops `checkin` with exit 2 before any screen opens."""
    breath_home.mkdir()
    (breath_home / "config.toml").write_text("[checkin]\nminutes = 0\n")
    assert main(["checkin", "--no-sound"]) == 2
    err = capsys.readouterr().err
    assert "checkin.minutes" in err and "Traceback" not in err


def test_journal_that_cannot_be_opened_exits_1(breath_home, capsys, monkeypatch):
    """If the journal cannot be opened at all (its path is a folder), `scan` says so in one
    line and exits 1 without starting the screen."""
    from breath_tui.app import BreathApp
    from breath_tui.core.locations import journal_path

    def must_not_run(self, *args, **kwargs):
        raise AssertionError("the app started although the journal cannot be opened")

    monkeypatch.setattr(BreathApp, "run", must_not_run)
    journal_path().mkdir(parents=True)
    assert main(["scan"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("breath-tui:")
