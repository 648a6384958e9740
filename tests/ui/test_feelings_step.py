"""The feelings step started from a quadrant, own phrases in it, and the body scan's steady layout."""

import pytest

from breath_tui.core.checkin import Feeling
from breath_tui.core.settings import Config
from breath_tui.core.vocab import DEFAULT_REGIONS, SENSATIONS, Quadrant, families_in
from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.checkin import CheckInScreen
from breath_tui.screens.feelings import MORE_WORDS, FeelingsStep
from breath_tui.widgets.checklist import PointerList

from .helpers import Keys, make_checkin_app, settle

LOW_UNPLEASANT = Quadrant("low", "unpleasant")


def step_of(app):
    screen = app.screen
    assert isinstance(screen, CheckInScreen), f"on {type(screen).__name__}"
    return screen.current


def listed(step) -> list[str]:
    return [key for key, _ in step.query_one(PointerList).items]


def shown(app, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id).render())


async def test_a_quadrant_narrows_families_and_words_and_comes_back(journal):
    """2 (low energy, unpleasant) lists only its families, and a family only its words there;
    the word chosen joins the sentence and the same quadrant's families come back."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s")  # past the body scan
        step = step_of(app)
        assert isinstance(step, FeelingsStep) and step.level == "mood"
        assert "1-4/f choose" in shown(app, "#keys")
        await keys("2")
        assert listed(step) == list(families_in(LOW_UNPLEASANT))
        assert "fear" not in listed(step) and "joy" not in listed(step)
        assert "(low energy, unpleasant)" in shown(app, "#feel-question")
        await keys(*["down"] * listed(step).index("anger"), "enter")
        assert listed(step) == ["resentful", "bitter", "fed up", "disgusted", MORE_WORDS]
        await keys("down", "down", "down", "enter", "3")  # disgusted, very
        assert shown(app, "#sentence") == "I feel very disgusted."
        assert step.level == "family" and step.quadrant == LOW_UNPLEASANT
        await keys("enter", "enter", "1")  # the pointer is back on anger: resentful, a little
        await keys("d")
    assert journal.checkins()[0].feelings == (
        Feeling("disgusted", "very"),
        Feeling("resentful", "a little"),
    )


async def test_the_keys_that_pick_a_family_are_on_screen(journal):
    """A quadrant's families are numbered and the key line says "1-9 choose": 3 picks shame
    at once; every family (too many to number) says "↑↓ Enter" instead."""
    from breath_tui.screens.feelings import EVERY_FAMILY_KEYS

    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "2")
        step = step_of(app)
        families = list(families_in(LOW_UNPLEASANT))
        assert shown(app, "#keys").startswith(f"1-{len(families)} choose · ")
        rows = [label for _, label in step.query_one(PointerList).items]
        assert rows[2] == "3  shame: ashamed, guilty, insecure…"
        await keys("3")
        assert step.level == "word" and step.family == "shame"
        await keys("escape", "escape", "f")
        assert step.level == "family" and step.quadrant is None
        assert shown(app, "#keys") == EVERY_FAMILY_KEYS
        assert all(not label[0].isdigit() for _, label in step.query_one(PointerList).items)
        await keys("3")  # not a key here: nothing is picked
        assert step.level == "family"


async def test_every_family_stays_reachable(journal):
    """f lists every family, whole; Esc goes back to how it feels, the sentence kept."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "4", "enter", "enter", "2")  # low energy, pleasant: peace, calm
        step = step_of(app)
        await keys("escape")
        assert step.level == "mood"
        await keys("f")
        assert listed(step) == list(families_in(None))
        await keys(*["down"] * listed(step).index("joy"), "enter")
        assert "light-hearted" in listed(step) and "happy" in listed(step)
        assert shown(app, "#sentence") == "I feel calm."


async def test_more_words_shows_the_rest_of_the_family(journal):
    """A narrowed family ends with '+ 1 more sadness word'; choosing it lists the family whole."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "2", "enter")  # low energy, unpleasant: sadness
        step = step_of(app)
        assert "heartbroken" not in listed(step)
        items = step.query_one(PointerList).items
        assert items[-1] == (MORE_WORDS, "+ 1 more sadness word")
        await keys("end", "enter")
        assert "heartbroken" in listed(step) and MORE_WORDS not in listed(step)


async def test_an_own_phrase_is_asked_how_strongly(journal):
    """'like a failure': 'How strongly do you feel like a failure?', then 'very much'."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "w")
        await keys.type("like a failure")
        await keys("enter")
        assert shown(app, "#feel-question") == "How strongly do you feel like a failure?"
        labels = [label for _, label in step_of(app).query_one(PointerList).items]
        assert labels[2] == "3  very much like a failure"
        await keys("3")
        assert shown(app, "#sentence") == "I feel very much like a failure."


async def test_an_own_phrase_with_its_own_degree_is_taken_as_typed(journal):
    """'really tired' says how much already: no question, the sentence says it as typed."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "w")
        await keys.type("really tired")
        await keys("enter")
        step = step_of(app)
        assert step.level == "mood"
        assert shown(app, "#sentence") == "I feel really tired."
        await keys("d")
    assert journal.checkins()[0].feelings == (Feeling("really tired"),)


def panel_places(step) -> list:
    return [step.query_one(f"#{name}").region for name in ("body-side", "sensations", "own-word")]


async def test_the_body_scan_panel_does_not_move_between_regions(journal):
    """The panel beside the figure keeps its place and size from region to region, whatever the
    region's name, prompt or list (an own word added to one region included)."""
    regions = ("shoulders", "stomach", "chest", "lower back", "feet")
    app, _ = make_checkin_app(journal, kind="scan", regions=regions)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        step = step_of(app)
        places = [panel_places(step)]
        await keys("w")
        await keys.type("buzzing")
        await keys("enter")
        places.append(panel_places(step))
        for _ in regions[1:]:
            await keys("n")
            places.append(panel_places(step))
        assert step.current_region == "feet"
    assert all(place == places[0] for place in places), places


async def test_all_sixteen_sensations_fit_at_80x24(journal):
    """No sensation hides below a scroll at 80x24: the pleasant ones at the end are in view."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)()
        sensations = step_of(app).query_one("#sensations")
        assert len(SENSATIONS) == 16
        assert sensations.region.height >= len(SENSATIONS)
        assert sensations.max_scroll_y == 0


@pytest.mark.parametrize("regions", [DEFAULT_REGIONS, ("chest", "jaw", "shoulders")])
async def test_the_body_scan_visits_regions_in_the_order_set(journal, regions):
    """Shoulders, stomach, chest by default (the practice's order); a config's own order is kept
    as written."""
    app, _ = make_checkin_app(journal, kind="scan", regions=regions)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        visited = []
        while isinstance(step_of(app), BodyStep):
            visited.append(step_of(app).current_region)
            await keys("n")
    assert tuple(visited) == tuple(regions)


def test_the_default_regions_are_the_practices_order():
    """A fresh config's scan is shoulders, stomach, chest."""
    assert Config().body.regions == ["shoulders", "stomach", "chest"]
