"""SVG snapshots of grounding and the safety plan at 80x24. Motion off; the journal's clock is
fixed, so a card's date is always Wed 1 May 2024, 09:30."""

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.flows import FlowOptions

from .helpers import Keys, quiet_config, settle

PLAN = """\
warning_signs = ["I stop answering messages", "Not sleeping [bold]well[/]"]
coping = ["a walk round the block", "music, loud"]
people = ["Sam, 555 0100"]
professionals = ["Dr Okafor, Mon-Fri 9-5, 555 0199"]
reasons = ["my cat"]
"""


def flow_app(name: str, journal=None) -> BreathApp:
    options = FlowOptions(reduced_motion=True)
    return BreathApp(quiet_config(), name, options, clock=ManualClock(100.0), journal=journal)


def after(*steps):
    """Press keys, or type a text given as ("type", text), in order."""

    async def run_before(pilot):
        press = Keys(pilot)
        for step in steps:
            if isinstance(step, tuple):
                await press.type(step[1])
            else:
                await press(step)
        await settle(pilot)

    return run_before


def test_grounding_step_80x24(snap_compare, journal):
    """Grounding, step 2 of 3: "A common grounding exercise...", the senses with "[see]"
    marked, "5 things you can see" in bold, "See 3 of 5:", the box holding "a cup" as typed,
    "So far: a lamp, the window", "Typing is optional", and the keys (Enter next, Esc back,
    ctrl+s skip the rest, ctrl+q leave)."""
    keys = ("6", ("type", "a lamp"), "enter", ("type", "the window"), "enter", ("type", "a cup"))
    assert snap_compare(
        flow_app("ground", journal), terminal_size=(80, 24), run_before=after(*keys)
    )


def test_grounding_card_with_a_plan_80x24(snap_compare, journal, breath_home):
    """The card after tension rose (3 before, 6 after): "Noticed: see: a lamp; taste: mint",
    then the plan offered first ("p opens your safety plan"), the crisis line after it, then
    "Grounding again: g on home (breath-tui ground)" (never quick calm), and "p your safety
    plan" in the keys."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text(PLAN)
    keys = ("3", ("type", "a lamp"), "enter", *["enter"] * 13, ("type", "mint"), "enter", "6")
    assert snap_compare(
        flow_app("ground", journal), terminal_size=(80, 24), run_before=after(*keys)
    )


def test_plan_80x24(snap_compare, breath_home):
    """The plan: "Your safety plan" bar, the intro, steps 1-7 numbered with their items after
    "- " ("Not sleeping [bold]well[/]" as typed), empty steps "(nothing yet; a adds one)", the
    pointer ">" on "a walk round the block", step 2's hint below, the crisis line, the keys."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text(PLAN)
    assert snap_compare(flow_app("plan"), terminal_size=(80, 24), run_before=after(*["down"] * 4))


def test_plan_adding_an_item_80x24(snap_compare, breath_home):
    """a on step 4: "Add to People I can ask for help:" and a box holding "Alex", the keys
    now "Enter saves · Esc leaves it as it was"."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text(PLAN)
    keys = (*["down"] * 8, "a", ("type", "Alex"))
    assert snap_compare(flow_app("plan"), terminal_size=(80, 24), run_before=after(*keys))


def test_plan_remove_dialog_80x24(snap_compare, breath_home):
    """d on "I stop answering messages": "Remove this item?", the item as written, y Remove
    it, "n or Esc Keep it" (focused: Enter alone keeps it)."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text(PLAN)
    assert snap_compare(flow_app("plan"), terminal_size=(80, 24), run_before=after("down", "d"))


def test_grounding_step_40x12(snap_compare, journal):
    """At 40x12 the two lines about the exercise give way: the senses, "5 things you can see",
    "See 2 of 5:", the whole box, "So far: a lamp" and the keys all fit."""
    keys = ("6", ("type", "a lamp"), "enter")
    assert snap_compare(
        flow_app("ground", journal), terminal_size=(40, 12), run_before=after(*keys)
    )


def test_plan_40x12(snap_compare, breath_home):
    """At 40x12 the intro and the hint give way: the title bar, the steps and items with the
    pointer on step 1, the crisis line and the keys on two rows, Esc back the last."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text(PLAN)
    assert snap_compare(flow_app("plan"), terminal_size=(40, 12), run_before=after())
