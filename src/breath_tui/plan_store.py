"""Saving the safety plan into plan.toml: only the step changed, the rest kept as written.

A person may write their plan in an editor with their therapist, comments and all; the plan
screen changes one step at a time and leaves everything else of the file as it was. The new
text is read back with the same parser that reads the file before anything is written, and it
replaces the old file in one atomic rename, 0600, so a crash never leaves half a plan.

An item being written when the app is ended from outside (SIGTERM, the terminal closed) is kept
in a draft beside plan.toml (`plan.toml.draft`, 0600), never in the plan itself: the next start
of the plan screen offers it back in its editor, and takes the draft away.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from breath_tui.core.config import read_small_text
from breath_tui.core.locations import ensure_private_dir
from breath_tui.core.plan import (
    MAX_PLAN_BYTES,
    MAX_PLAN_ITEM,
    STEP_NAMED,
    PlanError,
    SafetyPlan,
    parse_plan,
    plan_template,
)
from breath_tui.core.private_files import write_privately


def _current_text(path: Path) -> str:
    text = read_small_text(path, MAX_PLAN_BYTES, PlanError)
    return plan_template() if text is None else text


def updated_plan_text(text: str, key: str, items: Sequence[str]) -> str:
    """plan.toml text with one step's items replaced, comments and other steps as they were."""
    import tomlkit

    document = tomlkit.parse(text)
    array = tomlkit.array()
    array.extend(items)
    # One item a line: the file reads as a list, and a change shows as one line in a diff.
    array.multiline(bool(items))
    document[key] = array
    return tomlkit.dumps(document)


def save_plan_step(path: Path, key: str, items: Sequence[str]) -> SafetyPlan:
    """Write one step of the plan ("coping", ...) to `path` and return the plan as saved.

    A missing file is made from core.plan.plan_template (every step under its title). The
    file as it is now is read first, so a step changed in an editor meanwhile is kept.

    Raises:
        PlanError: the file as it is is not a plan (it is left for the person to fix), or the
            items are not usable; nothing is written.
        OSError: the file cannot be written; the old one is untouched.
    """
    text = _current_text(path)
    parse_plan(text, path)  # a broken file is the person's to fix, never overwritten
    SafetyPlan({key: tuple(items)})  # the items themselves, with the model's words
    new_text = updated_plan_text(text, key, items)
    plan = parse_plan(new_text, path)
    if plan.items(key) != tuple(items):  # what would be read back is not what was written
        raise PlanError(f"{path}: {key} could not be written as given")
    # A file the person keeps elsewhere and links here (dotfiles) stays where it is, linked:
    # the file the link names is replaced, never the link.
    target = path.resolve() if path.is_symlink() else path
    ensure_private_dir(target.parent)
    write_privately(target, lambda out: out.write(new_text), replace=True)
    return plan


class PlanDraft(NamedTuple):
    """An item being written: its step's key, which item it changes (None: a new one), and
    the text as typed."""

    key: str
    item: int | None
    text: str


def plan_draft_path(path: Path) -> Path:
    """Where the item being written is kept: beside plan.toml (or the link to it)."""
    return path.with_name(f"{path.name}.draft")


def save_plan_draft(path: Path, draft: PlanDraft) -> None:
    """Keep the item being written (0600, beside plan.toml), replacing any draft before it.

    Raises:
        OSError: it cannot be written.
    """
    target = plan_draft_path(path)
    ensure_private_dir(target.parent)
    data = json.dumps({"step": draft.key, "index": draft.item, "text": draft.text})
    write_privately(target, lambda out: out.write(data + "\n"), replace=True)


def take_plan_draft(path: Path) -> PlanDraft | None:
    """The item kept by save_plan_draft, removing the draft; None when there is none or it is
    not one (a draft that cannot be read is removed too: it is ours, and only a convenience)."""
    target = plan_draft_path(path)
    try:
        text = read_small_text(target, 4 * MAX_PLAN_ITEM + 100, PlanError)
    except PlanError:
        text = ""
    if text is None:
        return None
    target.unlink(missing_ok=True)
    try:
        data = json.loads(text)
        key, index, item = data["step"], data["index"], data["text"]
    except (ValueError, TypeError, KeyError):
        return None
    if key not in STEP_NAMED or not isinstance(item, str) or len(item) > MAX_PLAN_ITEM:
        return None
    if index is not None and (not isinstance(index, int) or isinstance(index, bool) or index < 0):
        return None
    return PlanDraft(key, index, item)
