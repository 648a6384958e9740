"""What is being typed survives the app being ended from outside (SIGTERM, the terminal closed):
a sensation or feeling word of one's own in the body scan, an item of the safety plan. On the next start
it is offered back where it was, as typed (hostile text stays text), and goes on from there."""

from __future__ import annotations

import json
import signal
import stat
import sys
from pathlib import Path

from textual.widgets import Input, Static

from bench.pty_run import PtyProcess
from breath_tui.core.plan import load_plan
from breath_tui.journal import Journal
from breath_tui.plan_store import PlanDraft, plan_draft_path, save_plan_draft, take_plan_draft
from breath_tui.screens.body_scan import RETYPED, BodyStep
from breath_tui.screens.feelings import RETYPED as FEELING_RETYPED
from breath_tui.screens.feelings import FeelingsStep
from breath_tui.screens.plan import RETYPED as PLAN_RETYPED
from breath_tui.screens.plan import PlanScreen
from breath_tui.widgets.word_input import WordInput

from .helpers import Keys, make_checkin_app, settle
from .test_plan_screen import make_plan_app, write_plan

BIN = Path(sys.executable).parent / "breath-tui"
HOSTILE = "[b]buzz[/x] [@click=app.quit]x[/]"


def step_of(app) -> BodyStep:
    return app.screen.query_one(BodyStep)


async def test_a_word_typed_in_the_body_scan_is_offered_back_after_a_kill(journal):
    """Shoulders rated, stomach: tension ticked and a word half typed when the app is ended
    from outside. Finishing it on the next start opens the stomach with tension ticked and the
    word in its box, the cursor after it; typing goes on, Enter adds it, 5 rates it."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("space", "3", "space", "w")
        for key in HOSTILE:
            await pilot.press(key if key != " " else "space")
        await settle(pilot)
        app.end_from_outside()
        await pilot.pause()
    (left,) = journal.checkins()
    assert left.status == "in_progress"
    assert left.typing == {
        "step": "body",
        "region": "stomach",
        "word": HOSTILE,
        "ticked": ["tension"],
    }
    again, _ = make_checkin_app(journal, kind="scan")
    async with again.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys("f")
        step = step_of(again)
        assert step.current_region == "stomach"
        box = step.query_one(WordInput)
        assert box.has_focus and box.value == HOSTILE
        assert str(step.query_one("#strength", Static).render()) == RETYPED
        await keys("!", "enter", "5")
        assert step.current_region == "chest"
    (kept,) = journal.checkins()
    assert [(entry.region, entry.sensations, entry.intensity) for entry in kept.body] == [
        ("shoulders", ("tension",), 3),
        ("stomach", ("tension", HOSTILE + "!"), 5),
    ]
    assert kept.typing is None  # answered: nothing is offered back again


async def test_a_feeling_word_being_typed_is_offered_back_after_a_kill(journal):
    """The body step skipped, a feeling word of one's own half typed when the app is ended
    from outside: finishing it opens Feelings with the word in its box, as typed; Enter takes
    it, and the feeling is named in the entry."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("s", "w")
        for key in HOSTILE:
            await pilot.press(key if key != " " else "space")
        await settle(pilot)
        app.end_from_outside()
        await pilot.pause()
    (left,) = journal.checkins()
    assert left.typing == {"step": "feelings", "word": HOSTILE}
    again, _ = make_checkin_app(journal, kind="scan")
    async with again.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys("f")
        step = again.screen.query_one(FeelingsStep)
        box = step.query_one(WordInput)
        assert box.has_focus and box.value == HOSTILE
        assert str(step.query_one("#feel-question", Static).render()) == FEELING_RETYPED
        await keys("!", "enter")
        if step.level == "intensity":
            await keys("2")
        await keys("d")
    (kept,) = journal.checkins()
    assert [feeling.word for feeling in kept.feelings] == [HOSTILE + "!"]
    assert kept.typing is None


async def test_nothing_typed_keeps_no_typing(journal):
    """Ended from outside with the word box empty: the regions are kept, no typing."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("space", "3", "w")
        app.end_from_outside()
        await pilot.pause()
    (left,) = journal.checkins()
    assert left.typing is None and len(left.body) == 1


def test_the_journal_drops_typing_at_the_entrys_next_change(journal):
    """save_typing keeps it; any other change of the entry (a draft, a step) drops it."""
    entry_id = journal.start_checkin("scan")
    journal.save_typing(entry_id, {"step": "body", "region": "jaw", "word": "x", "ticked": []})
    assert journal.get(entry_id).typing is not None
    journal.save_draft(entry_id, note="half")
    assert journal.get(entry_id).typing is None


async def test_an_item_being_written_in_the_plan_is_offered_back(breath_home):
    """An item half written when the app is ended from outside goes to a 0600 draft beside
    plan.toml, not into the plan; the next start opens it in the editor, shown as typed,
    and Enter saves it where it was going."""
    path = write_plan(breath_home, 'coping = ["a walk"]\n')
    app = make_plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("down", "down", "down", "a")  # step 2, things I can do on my own
        for key in HOSTILE:
            await pilot.press(key if key != " " else "space")
        await settle(pilot)
        app.end_from_outside()
        await pilot.pause()
    assert path.read_text() == 'coping = ["a walk"]\n'
    draft = plan_draft_path(path)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert json.loads(draft.read_text()) == {"step": "coping", "index": None, "text": HOSTILE}
    again = make_plan_app()
    async with again.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        assert isinstance(again.screen, PlanScreen)
        box = again.screen.query_one("#plan-item", Input)
        assert box.has_focus and box.value == HOSTILE
        assert str(again.screen.query_one("#plan-error", Static).render()) == PLAN_RETYPED
        assert "Add to Things I can do on my own:" in str(
            again.screen.query_one("#plan-edit-label", Static).render()
        )
        await keys("!", "enter")
    assert load_plan(path).items("coping") == ("a walk", HOSTILE + "!")
    assert not draft.exists()


def test_a_plan_draft_that_is_not_one_is_dropped(breath_home):
    """A draft naming no step, or garbage, is removed and offers nothing."""
    path = breath_home / "plan.toml"
    save_plan_draft(path, PlanDraft("no such step", None, "x"))
    assert take_plan_draft(path) is None and not plan_draft_path(path).exists()
    plan_draft_path(path).write_text("{not json")
    assert take_plan_draft(path) is None and not plan_draft_path(path).exists()


def typed_then_ended(
    command: str, env: dict[str, str], steps: list[tuple[str, str]], ended: signal.Signals
) -> int:
    """Run `breath-tui COMMAND` in a terminal; for each step wait for its text, then type its
    keys; then send `ended` and return the exit status."""
    app = PtyProcess([str(BIN), command], size=(80, 24), env=env)
    try:
        for wanted, keys in steps:
            app.wait_for(wanted)
            app.write(keys)
        app.process.send_signal(ended)
        return app.process.wait(timeout=15)
    finally:
        app.stop()


def test_sigterm_keeps_the_body_scan_word_and_sighup_the_plan_item(breath_home: Path) -> None:
    """The real signals, in a terminal: SIGTERM while a sensation word is typed, SIGHUP (the
    window closed) while a plan item is written; both are kept as typed."""
    env = {"BREATH_TUI_HOME": str(breath_home)}
    steps = [("Region 1 of 3", "w"), ("Enter adds the word", "prickly"), ("prickly", "")]
    assert typed_then_ended("scan", env, steps, signal.SIGTERM) == 0
    with Journal() as journal:
        (left,) = journal.checkins()
        assert left.typing == {
            "step": "body",
            "region": "shoulders",
            "word": "prickly",
            "ticked": [],
        }
    steps = [("Warning signs", "a"), ("Enter saves", "call Sam"), ("call Sam", "")]
    assert typed_then_ended("plan", env, steps, signal.SIGHUP) == 0
    assert take_plan_draft(breath_home / "plan.toml") == PlanDraft(
        "warning_signs", None, "call Sam"
    )
