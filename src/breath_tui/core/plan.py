"""The person's own safety plan, in the steps of the Stanley-Brown safety plan.

The plan is written by the person, best with their therapist, in six steps and an optional
seventh: warning signs; things I can do on my own; people and places that take my mind off
things; people I can ask for help; professionals and services; making my surroundings safe;
and reasons for living (Stanley B, Brown GK et al. 2018, "Comparison of the safety planning
intervention with follow-up vs usual care of suicidal patients treated in the emergency
department", JAMA Psychiatry 75(9):894-900). breath-tui keeps it and shows it; it adds no
words of its own to the person's plan, and the generic crisis line stays beside it.

It lives in plan.toml beside config.toml (core.locations.plan_path), only its owner can read
it (0600), one key per step, each a list of strings:

    warning_signs = ["I stop answering messages"]
    coping = ["a walk round the block", "music loud"]

A file that is not a plan is refused with a message naming the file and the line (exit 2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped


class PlanStep(NamedTuple):
    """One step of the plan: its key in plan.toml, its title, and a line saying what goes in it."""

    key: str
    title: str
    hint: str
    optional: bool = False


PLAN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(
        "warning_signs",
        "Warning signs",
        "Thoughts, moods, situations or things I do that tell me a crisis may be starting.",
    ),
    PlanStep(
        "coping",
        "Things I can do on my own",
        "To take my mind off things without contacting anyone: a walk, music, a shower.",
    ),
    PlanStep(
        "places",
        "People and places that take my mind off things",
        "People to be with and places to go, to be among others for a while.",
    ),
    PlanStep(
        "people",
        "People I can ask for help",
        "Who I can tell how I am, and how to reach them.",
    ),
    PlanStep(
        "professionals",
        "Professionals and services",
        "My therapist, a doctor, a crisis line, the nearest emergency department: how to reach them.",
    ),
    PlanStep(
        "safe_environment",
        "Making my surroundings safe",
        "What I can put out of reach, or ask someone to keep for a while.",
    ),
    PlanStep(
        "reasons",
        "Reasons for living",
        "What matters most to me and is worth living for (optional).",
        optional=True,
    ),
)
KEYS = tuple(step.key for step in PLAN_STEPS)
STEP_NAMED = {step.key: step for step in PLAN_STEPS}

MAX_PLAN_ITEM = 300
"""Characters in one item: a name and a phone number with opening hours fit easily."""
MAX_PLAN_ITEMS = 30
"""Items in one step: more than a plan to read in a hard moment needs."""
MAX_PLAN_BYTES = 256 << 10
"""plan.toml may be at most 256 KiB (every step full of the longest items takes about 70)."""

OFFER = "Your safety plan: p on home (breath-tui plan)."
"""What is said before the crisis line after a high or rising tension rating, when there is a
plan: where it is, in a few calm words."""


class PlanError(BadInput):
    """The plan (plan.toml, or an item being written) is not usable; the message says where."""


def item_problem(item: Any) -> str | None:
    """What is wrong with one item, in words ("is empty"), or None when it is usable."""
    if not isinstance(item, str):
        return "must be text in quotes"
    if not item.strip():
        return "is empty"
    if len(item) > MAX_PLAN_ITEM:
        return f"is {len(item)} characters long; at most {MAX_PLAN_ITEM}"
    return None


def items_problem(items: Any) -> str | None:
    """What is wrong with a step's list of items, or None; an item's problem names its number."""
    if not isinstance(items, list | tuple):
        return 'must be a list of text, like coping = ["a walk"]'
    if len(items) > MAX_PLAN_ITEMS:
        return f"has {len(items)} items; at most {MAX_PLAN_ITEMS}"
    for number, item in enumerate(items, start=1):
        problem = item_problem(item)
        if problem:
            return f"item {number} {problem}"
    return None


@dataclass(frozen=True)
class SafetyPlan:
    """The plan: each step's items, in order (a step left out has none).

    Raises:
        PlanError: a step is unknown or its items are not usable.
    """

    steps: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        checked: dict[str, tuple[str, ...]] = {}
        for key, items in self.steps.items():
            if key not in STEP_NAMED:
                raise PlanError(
                    f"{clipped(repr(key))} is not a step of the plan; use {', '.join(KEYS)}"
                )
            problem = items_problem(items)
            if problem:
                raise PlanError(f"{key} {problem}")
            if items:
                checked[key] = tuple(items)
        object.__setattr__(self, "steps", checked)

    def items(self, key: str) -> tuple[str, ...]:
        """The items of one step ("warning_signs", ...), in order."""
        return self.steps.get(key, ())

    def with_items(self, key: str, items: tuple[str, ...] | list[str]) -> SafetyPlan:
        """The plan with one step's items replaced (checked)."""
        return SafetyPlan({**self.steps, key: tuple(items)})

    @property
    def is_empty(self) -> bool:
        """No step has an item."""
        return not self.steps


def parse_plan(text: str, path: Path) -> SafetyPlan:
    """The plan in plan.toml's text; raise PlanError naming the file, the line and the key."""
    from breath_tui.core.config_file import line_of, read_toml

    raw = read_toml(text, path, PlanError)
    for key, items in raw.items():
        line = line_of(text, key)
        where = f"{path}, line {line}" if line else str(path)
        if key not in STEP_NAMED:
            raise PlanError(f"{where}: unknown key {clipped(repr(key))}; known: {', '.join(KEYS)}")
        problem = items_problem(items)
        if problem:
            raise PlanError(f"{where}: {key} {problem}")
    return SafetyPlan({key: tuple(raw[key]) for key in KEYS if key in raw})


def load_plan(path: Path) -> SafetyPlan | None:
    """The plan in the file at `path`, or None when there is no such file.

    Raises:
        PlanError: the file cannot be read or is not a plan; the message names file and line.
    """
    from breath_tui.core.config import read_small_text

    text = read_small_text(path, MAX_PLAN_BYTES, PlanError)
    if text is None:
        return None
    return parse_plan(text, path)


def plan_offer(path: Path) -> str:
    """OFFER when the person has a plan (also one that cannot be read: opening it says why),
    "" when there is none or it is empty."""
    try:
        plan = load_plan(path)
    except PlanError:
        return OFFER
    return OFFER if plan is not None and not plan.is_empty else ""


def plan_template() -> str:
    """The text of a new plan.toml: what the file is, and each step, empty, under its title."""
    lines = [
        "# Your safety plan, best written with your therapist (the Stanley-Brown safety plan).",
        "# `breath-tui plan` shows and edits it; each step is a list of text, in order.",
        "# Only you can read this file (mode 0600).",
    ]
    for number, step in enumerate(PLAN_STEPS, start=1):
        lines += ["", f"# {number}. {step.title}", f"#    {step.hint}", f"{step.key} = []"]
    return "\n".join(lines) + "\n"


def plan_lines(plan: SafetyPlan | None) -> list[str]:
    """The plan as text lines: each step's number and title, then its items, one a line.

    The items are as the person wrote them: the caller shows them with core.text.visible.
    """
    if plan is None or plan.is_empty:
        return [
            "You have no safety plan yet.",
            "breath-tui plan writes one with you (p on home); it is best made with your therapist.",
        ]
    lines: list[str] = []
    for number, step in enumerate(PLAN_STEPS, start=1):
        if lines:
            lines.append("")
        lines.append(f"{number}. {step.title}")
        items = plan.items(step.key)
        lines += [f"- {item}" for item in items] or ["  (nothing written)"]
    return lines
