"""The safety plan in core: its steps, plan.toml read and checked (errors name file and line),
the words that offer it, and its plain lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from breath_tui.core.plan import (
    KEYS,
    MAX_PLAN_ITEM,
    MAX_PLAN_ITEMS,
    OFFER,
    PLAN_STEPS,
    PlanError,
    SafetyPlan,
    load_plan,
    parse_plan,
    plan_lines,
    plan_offer,
    plan_template,
)

PATH = Path("/home/sam/.config/breath-tui/plan.toml")


def test_the_plan_has_the_six_stanley_brown_steps_and_reasons_for_living():
    """Seven keys in the Stanley-Brown order; only reasons for living is optional."""
    assert KEYS == (
        "warning_signs",
        "coping",
        "places",
        "people",
        "professionals",
        "safe_environment",
        "reasons",
    )
    assert [step.optional for step in PLAN_STEPS] == [False] * 6 + [True]


def test_a_plan_file_is_read_step_by_step_in_order():
    """Each key's list of strings becomes that step's items, in the order written."""
    text = 'coping = ["a walk", "music"]\nreasons = ["my cat"]\nplaces = []\n'
    plan = parse_plan(text, PATH)
    assert plan.items("coping") == ("a walk", "music")
    assert plan.items("reasons") == ("my cat",)
    assert plan.items("places") == () and plan.items("people") == ()


def test_items_are_kept_exactly_as_written():
    """Markup and control characters in an item are kept as they are (shown escaped later)."""
    plan = parse_plan('people = ["[bold]Sam[/] \\u001b[2J"]\n', PATH)
    assert plan.items("people") == ("[bold]Sam[/] \x1b[2J",)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('coping = ["a walk"\n', 1, "not valid TOML"),
        ('coping = ["a"]\n\ncopin = ["b"]\n', 3, "unknown key 'copin'"),
        ('\ncoping = "a walk"\n', 2, "coping must be a list of text"),
        ("\n\n[coping]\nwalk = 1\n", 3, "coping must be a list of text"),
        ('people = ["Sam", 5]\n', 1, "people item 2 must be text"),
        ('people = ["Sam", "  "]\n', 1, "people item 2 is empty"),
        (f'reasons = ["{"x" * (MAX_PLAN_ITEM + 1)}"]\n', 1, f"at most {MAX_PLAN_ITEM}"),
        ("places = [" + ", ".join(['"a"'] * (MAX_PLAN_ITEMS + 1)) + "]\n", 1, "at most 30"),
    ],
)
def test_a_broken_plan_names_the_file_and_line(text, line, fragment):
    """Each kind of broken plan.toml is a PlanError naming the file, the line and the fault."""
    with pytest.raises(PlanError) as raised:
        parse_plan(text, PATH)
    assert f"{PATH}, line {line}: " in str(raised.value)
    assert fragment in str(raised.value)


def test_a_plan_error_is_bad_input():
    """The command line turns a broken plan into exit 2 (BadInput), not a traceback."""
    from breath_tui.core.errors import BadInput

    assert issubclass(PlanError, BadInput)


def test_no_file_is_no_plan(tmp_path):
    """load_plan of a missing file is None (nothing is created)."""
    assert load_plan(tmp_path / "plan.toml") is None
    assert not (tmp_path / "plan.toml").exists()


def test_a_file_that_is_not_utf8_names_its_line(tmp_path):
    """Bytes that are not UTF-8 are refused, naming the line they are on."""
    path = tmp_path / "plan.toml"
    path.write_bytes(b'coping = ["a"]\npeople = ["\xff"]\n')
    with pytest.raises(PlanError, match=r"plan\.toml, line 2: not UTF-8"):
        load_plan(path)


def test_a_folder_in_its_place_is_refused_in_words(tmp_path):
    """A folder called plan.toml is a PlanError saying it cannot be read."""
    (tmp_path / "plan.toml").mkdir()
    with pytest.raises(PlanError, match="cannot be read"):
        load_plan(tmp_path / "plan.toml")


def test_the_template_is_an_empty_plan_with_every_step_named():
    """A new plan.toml reads as an empty plan and names each step's title in a comment."""
    text = plan_template()
    assert parse_plan(text, PATH).is_empty
    for step in PLAN_STEPS:
        assert f"# {PLAN_STEPS.index(step) + 1}. {step.title}" in text
        assert f"{step.key} = []" in text


def test_the_model_refuses_an_unknown_step_and_a_long_item():
    """SafetyPlan checks what the screen writes: unknown steps and over-long items."""
    with pytest.raises(PlanError, match="not a step"):
        SafetyPlan({"hobbies": ("chess",)})
    with pytest.raises(PlanError, match="coping item 1 is"):
        SafetyPlan({"coping": ("x" * (MAX_PLAN_ITEM + 1),)})


def test_the_plan_is_offered_only_when_there_is_one(tmp_path):
    """plan_offer says where the plan is when it has items (or cannot be read), else ""."""
    path = tmp_path / "plan.toml"
    assert plan_offer(path) == ""
    path.write_text(plan_template())
    assert plan_offer(path) == ""
    path.write_text('people = ["Sam"]\n')
    assert plan_offer(path) == OFFER
    path.write_text("people = [\n")
    assert plan_offer(path) == OFFER


def test_plain_lines_number_the_steps_and_list_every_item():
    """Each step's number and title, then its items after "- "; an empty step says so."""
    lines = plan_lines(SafetyPlan({"warning_signs": ("no sleep",), "reasons": ("my cat",)}))
    assert lines[:3] == ["1. Warning signs", "- no sleep", ""]
    assert "2. Things I can do on my own" in lines and "  (nothing written)" in lines
    assert lines[-2:] == ["7. Reasons for living", "- my cat"]


def test_plain_lines_of_no_plan_say_how_to_write_one():
    """No plan (or an empty one): a line saying so and where to write one."""
    assert plan_lines(None)[0] == "You have no safety plan yet."
    assert plan_lines(SafetyPlan()) == plan_lines(None)
