"""The safety plan screen driven by keys: reading the plan, adding, changing and removing items
(each saved to plan.toml at once, 0600), a broken file shown and left alone, and the ways in:
home's p, Settings and the palette."""

from __future__ import annotations

import stat

from textual.widgets import Input, Static

from breath_tui.app import BreathApp
from breath_tui.core.clock import ManualClock
from breath_tui.core.plan import MAX_PLAN_ITEMS, load_plan
from breath_tui.flows import FlowOptions
from breath_tui.screens.home import HomeScreen
from breath_tui.screens.plan import PlanScreen, RemoveItemScreen
from breath_tui.screens.settings import SettingsScreen

from .helpers import Keys, make_home_app, quiet_config


def make_plan_app() -> BreathApp:
    """The plan flow as the first screen (plan.toml in BREATH_TUI_HOME)."""
    return BreathApp(quiet_config(), "plan", FlowOptions(reduced_motion=True), clock=ManualClock())


def write_plan(breath_home, text: str):
    breath_home.mkdir(exist_ok=True)
    path = breath_home / "plan.toml"
    path.write_text(text)
    return path


def lines_of(app) -> list[str]:
    """The list's lines as shown, pointer included."""
    return [str(option.prompt) for option in app.screen.query_one("#plan-list").options]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_home_p_shows_every_step_and_the_crisis_line():
    """p on home opens the plan: seven numbered steps, each saying it has nothing yet, the
    first step's hint, and the crisis line."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("p")
        assert isinstance(app.screen, PlanScreen)
        lines = lines_of(app)
        assert lines[0] == "> 1. Warning signs"
        assert sum("(nothing yet; a adds one)" in line for line in lines) == 7
        assert lines[-2] == "  7. Reasons for living"
        assert "a crisis may be starting" in text_of(app, "#plan-hint")
        assert "helpline" in text_of(app, "#plan-crisis")


async def test_a_adds_an_item_to_the_step_under_the_cursor_and_saves_it(breath_home):
    """a, typing and Enter add an item to the step the cursor is in; plan.toml has it, 0600."""
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "down", "a")  # the cursor on step 2
        assert "Add to Things I can do on my own:" in text_of(app, "#plan-edit-label")
        await keys.type("a walk round the block")
        await keys("enter")
        assert "> " + "    - a walk round the block" in lines_of(app)
    path = breath_home / "plan.toml"
    assert load_plan(path).items("coping") == ("a walk round the block",)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_enter_on_an_item_changes_it(breath_home):
    """Enter on an item opens it in the box; the new words replace it in plan.toml."""
    path = write_plan(breath_home, 'people = ["Sam", "Alex"]\n')
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys(*["down"] * 7, "enter")  # past 1, 2 and 3 (none in each) and 4's title
        box = app.screen.query_one("#plan-item", Input)
        assert box.value == "Sam"
        await keys("ctrl+u")
        await keys.type("Sam 555 0100")
        await keys("enter")
    assert load_plan(path).items("people") == ("Sam 555 0100", "Alex")


async def test_esc_while_writing_leaves_the_item_as_it_was(breath_home):
    """Esc in the box closes it without saving; a second Esc leaves the plan."""
    path = write_plan(breath_home, 'coping = ["music"]\n')
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "down", "down", "enter")
        await keys.type(" loud")
        await keys("escape")
        assert isinstance(app.screen, PlanScreen) and app.screen.editing is None
        await keys("escape")
        assert not app.is_running
    assert path.read_text() == 'coping = ["music"]\n'


async def test_d_asks_then_removes_only_on_y(breath_home):
    """d asks first: n keeps the item, y removes it from plan.toml."""
    path = write_plan(breath_home, 'warning_signs = ["no sleep", "no calls"]\n')
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "d")
        assert isinstance(app.screen, RemoveItemScreen)
        await keys("n")
        assert load_plan(path).items("warning_signs") == ("no sleep", "no calls")
        await keys("d", "y")
        assert isinstance(app.screen, PlanScreen)
    assert load_plan(path).items("warning_signs") == ("no calls",)


async def test_d_on_a_title_does_nothing(breath_home):
    """A step's title is not an item: d there asks nothing and removes nothing."""
    write_plan(breath_home, 'warning_signs = ["no sleep"]\n')
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("d")
        assert isinstance(app.screen, PlanScreen)


async def test_a_full_step_takes_no_more(breath_home):
    """A step holding the most items says so on a and opens no box."""
    items = ", ".join(f'"thing {n}"' for n in range(MAX_PLAN_ITEMS))
    write_plan(breath_home, f"coping = [{items}]\n")
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "down", "a")
        assert app.screen.editing is None
        assert f"has {MAX_PLAN_ITEMS} items" in text_of(app, "#plan-error")


async def test_a_broken_plan_is_said_and_left_untouched(breath_home):
    """Opened from home, a plan.toml that is not a plan shows its file and line; a does
    nothing and the file stays as it was."""
    path = write_plan(breath_home, 'coping = ["a walk"]\npeople = "Sam"\n')
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("p")
        assert f"{path}, line 2: people must be a list" in text_of(app, "#plan-error")
        await keys("a")
        assert app.screen.editing is None
        await keys("escape")
        assert isinstance(app.screen, HomeScreen)
    assert path.read_text() == 'coping = ["a walk"]\npeople = "Sam"\n'


async def test_settings_open_the_plan():
    """Settings: Tab reaches the safety plan's button, Enter opens the plan, Esc comes back."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("o")
        assert isinstance(app.screen, SettingsScreen)
        for _ in range(20):
            if app.focused is not None and app.focused.id == "open-plan":
                break
            await keys("tab")
        await keys("enter")
        assert isinstance(app.screen, PlanScreen)
        await keys("escape")
        assert isinstance(app.screen, SettingsScreen)


async def test_the_palette_opens_grounding_and_the_plan():
    """ctrl+p lists grounding and the safety plan, from the flow registry."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"safety plan")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
