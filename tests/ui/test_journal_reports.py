"""What the journal reports from a screen's worker (a folder open to others, a damaged file
moved aside) reaches the person as a notice, and the flow goes on."""

from __future__ import annotations

from breath_tui.journal import Journal

from .helpers import make_home_app, settle


def _notices(app) -> str:
    return " ".join(str(notification.message) for notification in app._notifications)


async def test_a_home_folder_open_to_others_is_said_on_screen(breath_home):
    """BREATH_TUI_HOME made beforehand with mode 0755: home opens the journal in a worker, and
    the warning about the folder is a notice (it used to end the worker unseen)."""
    breath_home.mkdir(mode=0o755)
    breath_home.chmod(0o755)
    app, _clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "can be opened by other users (mode 0755)" in _notices(app)
    assert (breath_home.stat().st_mode & 0o777) == 0o755


async def test_a_damaged_journal_moved_aside_is_said_on_screen(breath_home):
    """A journal file SQLite cannot read: home moves it aside and says so, in a notice."""
    breath_home.mkdir(mode=0o700)
    (breath_home / "journal.sqlite3").write_bytes(b"not a database at all " * 100)
    app, _clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "corrupt" in _notices(app)
    assert list(breath_home.glob("journal.sqlite3.corrupt-*"))


async def test_an_unexpected_error_in_journal_work_is_a_notice_not_a_hang(breath_home):
    """Journal work that fails in a way nobody planned for says 'Not saved' on screen."""
    app, _clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        answers: list[object] = []

        def broken(journal: Journal) -> None:
            raise TypeError("a bug")

        app.screen.journal_work(broken, answers.append)
        await settle(pilot)
        assert answers == []
        assert "Not saved: a bug" in _notices(app)
