"""`breath-tui ground` driven by keys: home's g, each step, what the journal keeps, leaving,
quick calm's "breathing not helping? try grounding", and the plan offered when tension is high."""

from __future__ import annotations

from textual.widgets import Input, Static

from breath_tui.app import BreathApp
from breath_tui.core.checkin import Grounding
from breath_tui.core.clock import ManualClock
from breath_tui.flows import FlowOptions
from breath_tui.screens.checkin import CheckInScreen
from breath_tui.screens.dialogs import LeaveScreen
from breath_tui.screens.grounding import GroundingStep
from breath_tui.screens.home import HomeScreen
from breath_tui.screens.plan import PlanScreen
from breath_tui.screens.quick import QuickCalmScreen
from breath_tui.screens.steps import CardStep, RatingStep

from .helpers import Keys, make_home_app, quiet_config, settle, wait_until_started


def make_ground_app(journal) -> BreathApp:
    """The grounding flow as the first screen, on `journal`."""
    options = FlowOptions(reduced_motion=True)
    return BreathApp(quiet_config(), "ground", options, clock=ManualClock(100.0), journal=journal)


def step_of(app):
    assert isinstance(app.screen, CheckInScreen), f"on {type(app.screen).__name__}"
    return app.screen.current


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def only(journal):
    (entry,) = journal.checkins()
    return entry


async def name_things(keys: Keys, *things: str) -> None:
    """Type each thing (or nothing) and press Enter."""
    for thing in things:
        if thing:
            await keys.type(thing)
        await keys("enter")


async def test_home_g_opens_grounding_at_tension_before():
    """g on home opens grounding, its first step the tension rating."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("g")
        assert isinstance(step_of(app), RatingStep)
        assert "Grounding · step 1 of 3" in text_of(app, "#step-title")


async def test_every_step_by_keys_keeps_a_ground_entry(journal):
    """Tension, fifteen things (some named, most passed with Enter), tension: a complete
    ground entry with both ratings and the things named, sense by sense, and its card."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("7")
        assert isinstance(step_of(app), GroundingStep)
        assert text_of(app, "#ground-item") == "See 1 of 5:"
        await name_things(keys, "a lamp", "the window", "", "", "")
        assert text_of(app, "#ground-sense") == "4 things you can touch"
        await name_things(keys, "my sleeve", *[""] * 8, "mint")
        assert isinstance(step_of(app), RatingStep)
        await keys("4")
        assert isinstance(step_of(app), CardStep)
        card = text_of(app, "#card")
        assert "Noticed: see: a lamp, the window; touch: my sleeve; taste: mint" in card
        await keys("enter")
        assert not app.is_running
    entry = only(journal)
    assert entry.kind == "ground" and entry.status == "complete"
    assert (entry.pre_rating, entry.post_rating) == (7, 4)
    assert entry.grounding == Grounding(
        {"see": ("a lamp", "the window"), "touch": ("my sleeve",), "taste": ("mint",)}
    )


async def test_s_and_q_are_letters_in_the_box(journal):
    """In the grounding step s and q are typed (a sofa, a quilt), never skip or leave."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s")  # skips tension before
        await name_things(keys, "sofa", "quilt")
        assert isinstance(step_of(app), GroundingStep)
        assert isinstance(app.screen, CheckInScreen)
        assert step_of(app).walk.named("see") == ["sofa", "quilt"]


async def test_esc_goes_back_a_thing_with_what_was_typed(journal):
    """Esc returns to the thing before, its word in the box; the word being typed is kept."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s")
        await name_things(keys, "a lamp")
        await keys.type("a cu")
        await keys("escape")
        assert app.screen.query_one("#ground-thing", Input).value == "a lamp"
        await keys("enter")
        assert app.screen.query_one("#ground-thing", Input).value == "a cu"


async def test_esc_at_the_first_thing_goes_back_to_tension_before(journal):
    """At See 1 of 5, Esc goes back a step: to tension before, its rating marked."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("6", "escape")
        assert isinstance(step_of(app), RatingStep)
        assert step_of(app).value == 6


async def test_ctrl_s_skips_the_rest_keeping_what_was_named(journal):
    """ctrl+s in the grounding step keeps what was named, the box too, and goes to tension now."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("5")
        await name_things(keys, "a lamp")
        await keys.type("a cup")
        await keys("ctrl+s")
        assert isinstance(step_of(app), RatingStep)
    assert only(journal).grounding == Grounding({"see": ("a lamp", "a cup")})


async def test_leaving_and_keeping_keeps_what_was_typed(journal):
    """ctrl+q mid-way asks keep, later or discard; k keeps the entry with the box's word."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8")
        await keys.type("a lamp")
        await keys("ctrl+q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("k")
        assert not app.is_running
    entry = only(journal)
    assert entry.status == "complete" and entry.pre_rating == 8
    assert entry.grounding == Grounding({"see": ("a lamp",)})


async def test_leaving_and_discarding_keeps_nothing(journal):
    """d in the leave dialog removes the entry begun: the journal holds nothing."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8")
        await name_things(keys, "a lamp")
        await keys("ctrl+q", "d")
        assert not app.is_running
    assert journal.checkins() == []


async def test_a_grounding_left_for_later_resumes_at_its_step(journal):
    """Left for later, home's r opens it again at the grounding step, what was named there."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8")
        await keys.type("a lamp")
        await keys("ctrl+q", "l")
    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys("r")
        assert isinstance(step_of(app), GroundingStep)
        assert step_of(app).walk.named("see") == ["a lamp"]


async def test_quick_calm_g_keeps_the_breathing_and_opens_grounding(journal):
    """g in quick calm (its key line says so) keeps what was breathed and opens grounding;
    grounding's end ends quick calm too, back on home."""
    app, clock = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await pilot.press("n")
        await wait_until_started(pilot)
        assert isinstance(app.screen, QuickCalmScreen)
        assert "g try grounding" in text_of(app, "#keys")
        clock.advance(9.0)
        app.screen.sync()
        await keys("g")
        assert isinstance(step_of(app), RatingStep)
        assert app.screen.kind == "ground"
        (quick,) = journal.checkins()
        assert quick.kind == "quick" and quick.breathing.cycles == 1
        await keys("6")
        await keys("ctrl+s", "5", "enter")
        assert isinstance(app.screen, HomeScreen)
        assert "Saved in your journal" in text_of(app, "#home-status")
    assert sorted(entry.kind for entry in journal.checkins()) == ["ground", "quick"]


async def test_rising_tension_offers_the_plan_first_and_p_opens_it(journal, breath_home):
    """Tension higher after, with a plan: the card offers p first, then the crisis line; p
    opens the plan over the card, Esc comes back."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text('people = ["Sam"]\n')
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("3", "ctrl+s", "6")
        line = text_of(app, "#still-tense")
        assert line.index("p opens your safety plan") < line.index("helpline")
        assert line.index("helpline") < line.index("Grounding again")
        assert "quick calm" not in line
        assert "p your safety plan" in text_of(app, "#keys")
        await keys("p")
        assert isinstance(app.screen, PlanScreen)
        await keys("escape")
        assert isinstance(step_of(app), CardStep)


async def test_without_a_plan_the_card_offers_the_crisis_line_then_grounding_never_breathing(
    journal,
):
    """High tension after grounding and no plan: the crisis line, then grounding again; never
    quick calm (a breathing exercise, for someone whom the breath makes more anxious); p does
    nothing."""
    app = make_ground_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("3", "ctrl+s", "9")
        line = text_of(app, "#still-tense")
        assert "safety plan" not in line and "helpline" in line
        assert "quick calm" not in line and line.endswith(
            "a helpline. Grounding again: g on home (breath-tui ground)."
        )
        await keys("p")
        assert isinstance(step_of(app), CardStep)


async def test_quick_calm_rated_high_offers_the_plan_before_the_crisis_line(breath_home):
    """Quick calm rated 9 with a plan: home's line names the plan, then the crisis line."""
    breath_home.mkdir(exist_ok=True)
    (breath_home / "plan.toml").write_text('coping = ["a walk"]\n')
    app, clock = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until_started(pilot)
        clock.advance(9.0)
        app.screen.sync()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()  # the rating is asked once breathing has stopped
        await pilot.press("9")
        await settle(pilot)
        status = text_of(app, "#home-status")
        assert status.index("Your safety plan: p on home") < status.index("helpline")
