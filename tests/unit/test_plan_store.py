"""Saving the safety plan: one step at a time, 0600, comments kept, a broken file left alone."""

from __future__ import annotations

import stat

import pytest

from breath_tui.core.plan import PlanError, load_plan
from breath_tui.plan_store import save_plan_step

HOSTILE = [
    "[@click=app.quit]x[/]",
    'quote " and \\ back',
    "esc \x1b[2J bell \x07",
    "del \x7f",
    "line \u2028 sep",
]


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_first_save_makes_a_private_plan_in_a_private_folder(breath_home):
    """Saving into a folder that does not exist makes it 0700 and plan.toml 0600."""
    path = breath_home / "plan.toml"
    save_plan_step(path, "coping", ["a walk"])
    assert mode(breath_home) == 0o700 and mode(path) == 0o600
    assert load_plan(path).items("coping") == ("a walk",)


def test_a_save_replaces_a_file_open_to_others_with_a_private_one(tmp_path):
    """A plan.toml the person made 0644 in an editor is 0600 after the app writes it."""
    path = tmp_path / "plan.toml"
    path.write_text('people = ["Sam"]\n')
    path.chmod(0o644)
    save_plan_step(path, "coping", ["music"])
    assert mode(path) == 0o600


def test_only_the_step_changed_is_written_comments_and_others_kept(tmp_path):
    """The person's comments and other steps stay exactly as they wrote them."""
    path = tmp_path / "plan.toml"
    text = '# made with Dr A, 3 May\npeople = ["Sam"]  # call first\ncoping = []\n'
    path.write_text(text)
    save_plan_step(path, "coping", ["a walk", "music"])
    saved = path.read_text()
    assert saved.startswith('# made with Dr A, 3 May\npeople = ["Sam"]  # call first\n')
    assert load_plan(path).items("coping") == ("a walk", "music")


def test_hostile_items_are_written_so_they_read_back_exactly(tmp_path):
    """Markup, quotes, backslashes and control characters survive a save, byte for byte."""
    path = tmp_path / "plan.toml"
    save_plan_step(path, "reasons", HOSTILE)
    assert load_plan(path).items("reasons") == tuple(HOSTILE)
    assert "\x1b" not in path.read_text()  # escaped in the file, never raw


def test_a_broken_plan_is_never_overwritten(tmp_path):
    """A plan.toml that is not a plan raises PlanError naming its line; the file is untouched."""
    path = tmp_path / "plan.toml"
    path.write_text("people = [\n")
    with pytest.raises(PlanError, match="line"):
        save_plan_step(path, "coping", ["a walk"])
    assert path.read_text() == "people = [\n"


def test_an_unusable_item_writes_nothing(tmp_path):
    """An empty item is refused and no file is made."""
    path = tmp_path / "plan.toml"
    with pytest.raises(PlanError, match="is empty"):
        save_plan_step(path, "coping", ["  "])
    assert not path.exists()


def test_a_linked_plan_stays_linked(tmp_path):
    """plan.toml linked to a file kept elsewhere: a saved step changes that file, link kept."""
    kept = tmp_path / "elsewhere.toml"
    kept.write_text("", encoding="utf-8")
    link = tmp_path / "plan.toml"
    link.symlink_to(kept)
    save_plan_step(link, "coping", ["a walk"])
    assert link.is_symlink()
    assert load_plan(kept).items("coping") == ("a walk",)
