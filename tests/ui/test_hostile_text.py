"""Hostile text on every screen: markup, unbalanced tags, @click actions, links and terminal
escapes, in every field a person or a file can fill (notes, words, regions, pattern names, the
crisis line), are shown literally: no crash, no live link or action, no escape reaching the
terminal.

Each test opens one screen the way a person would and reads back what the screen draws (the
compositor's strips: the characters and the styles that go to the terminal).
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn, Feeling
from breath_tui.core.config_file import parse_config
from breath_tui.journal import Journal

from .helpers import Keys, make_home_app, wait_until_started

CLICK = "[@click=app.quit]press[/]"
SHOT = "[@click=app.screenshot('f.svg','/tmp')]shot[/]"
LINK = "[link=https://evil.example/]x[/link]"
UNBALANCED = "[/x] [bold]"
ESCAPE = "\x1b]52;c;ZXZpbA==\x07\x1b[201~rm -rf ~\n"
MARKUP = [CLICK, SHOT, LINK, UNBALANCED]

# What config.toml may hold: printable text, so markup but no escapes (config refuses those).
CONFIG = f"""
[breathing]
pattern = "[/bad]"
[checkin]
pattern = "[/bad]"
[body]
regions = ["{CLICK}", "{LINK}", "shoulders"]
[safety]
crisis_text = "Call {SHOT} {UNBALANCED}"
[patterns."[/bad]"]
spec = "4-1-6"
source = "{LINK}"
caution = "{CLICK}"
description = "{UNBALANCED}"
"""


def hostile_checkin(number: int, kind: str = "checkin", ended: bool = True) -> CheckIn:
    """A check-in as a hostile import file could hold it: markup and escapes everywhere."""
    from datetime import datetime, timedelta

    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC) + timedelta(days=number)
    return CheckIn(
        id=f"00000000-0000-4000-8000-{number:012d}",
        started_at=start,
        ended_at=start + timedelta(minutes=5) if ended else None,
        kind=kind,  # type: ignore[arg-type]
        breathing=Breathing(
            f"{CLICK}{ESCAPE}", (BreathPhase("in", 4), BreathPhase("out", 6)), 1.0, 3, 30.0
        ),
        pre_rating=7,
        post_rating=4,
        body=(
            BodyEntry(f"{LINK}\x1b[2J", (f"{CLICK}", f"tension{ESCAPE}"), 6),
            BodyEntry("shoulders", ("tension",), 5),
        ),
        feelings=(Feeling(f"{SHOT}\x1b[31m"), Feeling(UNBALANCED, "very")),
        note=f"{CLICK} {LINK}\n{UNBALANCED}{ESCAPE}{SHOT}",
    )


def rendered(app) -> tuple[str, list]:
    """The characters and styles the active screen sends to the terminal."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join("".join(segment.text for segment in strip) for strip in strips)
    styles = [segment.style for strip in strips for segment in strip if segment.style]
    return text, styles


def assert_literal(app, *expected: str) -> None:
    """No action or link came alive, no escape reaches the terminal, the text shows as typed."""
    text, styles = rendered(app)
    for style in styles:
        assert not (style.link and "evil" in style.link), style.link
        action = str((style.meta or {}).get("@click", ""))
        assert "quit" not in action and "screenshot" not in action, action
    assert "\x1b" not in text and "\x07" not in text
    for fragment in expected:
        assert fragment in text, f"{fragment!r} not on screen:\n{text}"


@pytest.fixture
def config(breath_home: Path):
    breath_home.mkdir(parents=True, exist_ok=True)
    path = breath_home / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return parse_config(CONFIG, path)


@pytest.fixture
def hostile_journal(breath_home: Path):
    with Journal() as journal:
        for number in range(3):
            journal.add(hostile_checkin(number))
    return breath_home


async def test_home_shows_hostile_names_and_crisis_line_literally(config):
    """Home: a custom pattern name and the crisis line with markup are text."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert_literal(app, "[/bad]", "Call [@click=app.screenshot(")


async def test_palette_lists_a_pattern_named_like_a_closing_tag(config):
    """The command palette shows and filters a pattern called `[/bad]` (it crashed)."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await Keys(pilot).type("bad")
        await pilot.pause(0.3)
        assert_literal(app, "Breathe: [/bad]")


async def test_breathing_screen_shows_hostile_pattern_texts_literally(config):
    """Breathing a custom pattern: its name and caution (markup) are shown as typed."""
    app, clock = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await wait_until_started(pilot)
        assert_literal(app, "[/bad]", CLICK)


async def test_checkin_steps_show_hostile_regions_and_words_literally(config, hostile_journal):
    """Resume card, body scan regions, typed own words, feelings and the note: all literal."""
    app, clock = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        with Journal() as journal:
            journal.add(hostile_checkin(9, ended=False))
        await keys("c")  # the unfinished hostile check-in is offered first
        assert_literal(app, "[/x] [bold]", "\\x1b")
        await keys("d", "7", "s")  # discard it; tension 7; skip the breathing
        assert_literal(app, CLICK)  # the first region
        await keys("w")
        await keys.type(SHOT)
        await keys("enter")
        assert_literal(app, "[@click=app.screenshot(")
        await keys("3")
        assert_literal(app, LINK)  # the second region
        await keys("space", "4", "n")
        await keys("w")
        await keys.type(UNBALANCED)
        await keys("enter", "2")
        assert_literal(app, "I feel [/x] [bold].")
        await keys("d")
        await keys.type(f"{CLICK} {LINK}")
        await keys("ctrl+s", "3")
        assert_literal(app, CLICK, LINK)  # the summary card


async def test_feelings_own_phrases_are_literal_in_question_choices_and_sentence(config):
    """An own phrase with markup ("like [/x] [bold]"): the how-strongly question, the three
    choices and the sentence show it as typed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s", "w")  # scan; skip the body; a word of one's own
        await keys.type(f"like {UNBALANCED} {CLICK}")
        await keys("enter")
        assert_literal(app, f"How strongly do you feel like {UNBALANCED} {CLICK}?")
        assert_literal(app, f"a little like {UNBALANCED} {CLICK}", f"very much like {UNBALANCED}")
        await keys("3")
        assert_literal(app, f"I feel very much like {UNBALANCED} {CLICK}.")
        await keys("w")
        await keys.type(f"really {LINK}")
        await keys("enter")
        assert_literal(app, f"I feel very much like {UNBALANCED} {CLICK}, and really", f"{LINK}.")


async def test_history_table_detail_trends_and_summary_are_literal(config, hostile_journal):
    """History: the table, a check-in in full, trends and the therapist summary, as typed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert_literal(app, "[@click=app.quit]")
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app, CLICK, LINK, "\\x1b]52;c;")
        await pilot.press("escape")
        await pilot.pause()  # the rating is asked once breathing has stopped
        await pilot.press("2")
        await pilot.pause(0.5)
        assert_literal(app, f"{CLICK}\\x1b]52;c;", SHOT)  # by pattern; feelings
        await pilot.press("3")
        await pilot.pause(0.5)
        assert_literal(app, "[/x] [bold]")


async def test_copying_a_note_sends_its_escapes_as_visible_text(config, hostile_journal):
    """c in history and in the detail view: the clipboard gets no raw escape (OSC 52 injection)."""
    app, _ = make_home_app(config)
    sent: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app._driver.write = lambda data: sent.append(data)  # what reaches the terminal
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("c", "enter", "c")
        await pilot.pause()
        assert app.clipboard.count("\\x1b") >= 2 and "\x1b" not in app.clipboard
    osc = [data for data in sent if "\x1b]52;" in data]
    assert osc, "nothing was copied"


async def test_a_card_saved_to_a_file_holds_escapes_as_visible_text(config, hostile_journal: Path):
    """f in history and in the detail view: the saved card shows \\x1b as text, as the screen
    does; no raw escape is written (cat on the file ran them)."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("f", "enter", "f")
        await pilot.pause()
    cards = sorted((hostile_journal / "cards").iterdir())
    assert len(cards) == 2
    for card in cards:
        text = card.read_text(encoding="utf-8")
        assert "\\x1b]52;c;" in text and "\x1b" not in text and "\x07" not in text
        assert "\n" in text.strip()  # lines are kept


async def test_settings_show_hostile_pattern_names_and_texts_literally(config):
    """Settings: pattern choices, regions and crisis line with markup are shown as typed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert_literal(app, "[/bad]")
        await pilot.press("enter")  # open the pattern choice
        await pilot.pause()
        assert_literal(app, "[/bad]")


async def test_too_small_message_repeats_the_crisis_line_literally(config):
    """The window-too-small cover shows the crisis line (markup) as typed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(39, 11)
        await pilot.pause()
        assert_literal(app, "[@click=app.screenshot(")


async def test_notices_naming_a_hostile_path_are_text(config, breath_home):
    """A notice with markup in it (a path, an error) is shown as typed, never parsed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.notify(f"Saved to {breath_home}/{UNBALANCED}/{CLICK}\x1b[2J", markup=True)
        await pilot.pause(0.3)
        assert_literal(app, CLICK, "\\x1b[2J")


PLAN = (
    f'warning_signs = ["{CLICK}", "{LINK}"]\n'
    f'people = ["{SHOT} \\u001b]52;c;ZXZpbA==\\u0007", "{UNBALANCED}"]\n'
)


async def test_plan_items_with_markup_and_escapes_are_shown_literally(config, breath_home):
    """The safety plan: items holding markup, links and terminal escapes, on the screen and in
    the remove dialog, are text."""
    (breath_home / "plan.toml").write_text(PLAN, encoding="utf-8")
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("p")
        assert_literal(app, CLICK, LINK, "[@click=app.screenshot(", "\\x1b]52;c;", UNBALANCED)
        await keys("down", "enter")  # the first item, in the box
        assert_literal(app, CLICK)
        await keys("escape", "d")
        assert_literal(app, CLICK)


async def test_grounding_shows_typed_markup_literally(config):
    """Grounding: things typed with markup are shown as typed, so far and on the card."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("g", "s")
        await keys.type(SHOT)
        await keys("enter")
        await keys.type(UNBALANCED)
        await keys("enter")
        assert_literal(app, "So far: [@click=app.screenshot(", UNBALANCED)
        await keys("ctrl+s", "9")
        assert_literal(app, "Noticed: see: [@click=app.screenshot(", UNBALANCED)


def hostile_feedback(number: int) -> CheckIn:
    """A feedback as a hostile import file could hold it: markup and escapes in every text."""
    from datetime import date, datetime, timedelta

    from breath_tui.core.checkin import Feedback

    start = datetime(2026, 11, 20, 18, 0, tzinfo=UTC) + timedelta(days=number)
    return CheckIn(
        id=f"00000000-0000-4000-8000-{100 + number:012d}",
        started_at=start,
        ended_at=start + timedelta(minutes=1),
        kind="feedback",
        feedback=Feedback(
            date(2026, 11, 20 + number),
            4,
            "too fast",
            (CLICK, f"the silence{ESCAPE}"),
            (LINK, UNBALANCED),
            f"{SHOT}\n{ESCAPE}{UNBALANCED}",
        ),
    )


@pytest.fixture
def hostile_feedback_journal(breath_home: Path):
    with Journal() as journal:
        for number in range(2):
            journal.add(hostile_feedback(number))
    return breath_home


async def test_feedback_in_history_trends_and_summary_is_literal(config, hostile_feedback_journal):
    """History: a feedback's row and card, the wishes in trends and what was not said in the
    summary show markup as typed and escapes as \\x1b."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        # The row begins with the session it is about; the cell ends cut, the markup as typed.
        assert_literal(app, f"about 21 Nov · heard 4/10 · too fast · helped: {CLICK[:15]}…")
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app, f"What helped: {CLICK}; the", "silence\\x1b]52;c;", "[/x] [bold]")
        await pilot.press("escape")
        await pilot.pause()  # the rating is asked once breathing has stopped
        await pilot.press("2")
        await pilot.pause(0.5)
        assert_literal(app, f"  {LINK}: 2 times", f"  {UNBALANCED}: 2 times")
        await pilot.press("3")
        await pilot.pause(0.5)
        assert_literal(app, "Session of Fri 20 Nov 2026:", f"      {SHOT}", "\\x1b]52;c;")


async def test_copying_a_feedback_card_sends_its_escapes_as_visible_text(
    config, hostile_feedback_journal
):
    """c on a feedback's card: the clipboard holds \\x1b as text, never a raw escape."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter", "c")
        await pilot.pause()
        assert "What I did not say in the session:" in app.clipboard
        assert "\\x1b" in app.clipboard and "\x1b" not in app.clipboard


async def test_feedback_steps_show_hostile_phrases_and_text_literally(
    config, hostile_feedback_journal
):
    """The unfinished offer, phrases of one's own with markup, and the card: all as typed."""
    app, _ = make_home_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        with Journal() as journal:
            left = hostile_feedback(5)
            journal.add(CheckIn.from_dict(left.to_dict() | {"ended_at": None}))
        await keys("f")  # the unfinished hostile feedback is offered first
        assert_literal(app, "[/x] [bold]", CLICK)
        await keys("d", "enter", "4", "3", "w")  # discard it; today; heard 4; too fast
        await keys.type(SHOT)
        await keys("enter")
        assert_literal(app, f"[x] {SHOT}")
        await keys("d", "w")
        await keys.type(UNBALANCED)
        await keys("enter", "d")
        await keys.type(f"{CLICK} {LINK}")
        await keys("ctrl+s")
        assert_literal(app, f"What helped: {SHOT}.", f"I would like: {UNBALANCED}.", LINK)


HOSTILE_STRAP = f"{CLICK}\x1b[2J"


async def test_a_sensor_named_with_markup_and_escapes_is_shown_literally():
    """A strap advertising markup and an escape as its name: the heart line shows it as text."""
    from .heart_app import make_heart_app

    app, _, _ = make_heart_app(label=HOSTILE_STRAP)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_started(pilot)
        await pilot.pause()
        assert_literal(app, CLICK, "\\x1b[2J", "Not a medical device.")


async def test_the_resonance_assessment_shows_a_hostile_sensor_name_literally():
    """The assessment's heart line and its result name the sensor as typed, never as markup."""
    from breath_tui.core.heart.protocol import SteppedProtocol
    from breath_tui.screens.resonance import ResonanceResultScreen

    from .helpers import settle
    from .test_resonance_screen import START, beats, breathe_until, make_assessment

    pytest.importorskip("scipy")
    protocol = SteppedProtocol(rates=(6.5, 5.5), minutes_each=1.0)
    app, clock, sensor = make_assessment(protocol, label=HOSTILE_STRAP)
    stream = beats(protocol)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_started(pilot)
        await breathe_until(pilot, clock, sensor, stream, START + 20.0)
        assert_literal(app, "\\x1b[2J · Not a medical device.")
        await breathe_until(pilot, clock, sensor, stream, START + 121.0)
        for _ in range(50):
            await settle(pilot)
            if isinstance(app.screen, ResonanceResultScreen):
                break
        assert_literal(app, f"Resonance assessment of {CLICK}\\x1b[2J")


async def test_quick_calm_in_a_small_window_shows_the_crisis_line_literally(config):
    """Quick calm's compact layout (30x10, no cover) shows config's crisis line as typed."""
    from breath_tui.app import BreathApp
    from breath_tui.flows import FlowOptions

    app = BreathApp(config, "now", FlowOptions(sound=False, reduced_motion=True))
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert_literal(app, "[@click=app.screenshot(")


async def test_quick_calm_notice_and_crisis_line_are_literal_at_80x24(config):
    """A notice naming a hostile key, beside config's crisis line (shown from 20 rows), is
    drawn as typed at 80x24 and in a small window."""
    from breath_tui.app import BreathApp
    from breath_tui.flows import FlowOptions

    notice = f"config.toml, line 2: {CLICK} must be 0 to 1; [sound] ignored."
    for size in ((80, 24), (30, 8)):
        options = FlowOptions(sound=False, reduced_motion=True, notice=notice)
        app = BreathApp(config, "now", options)
        async with app.run_test(size=size) as pilot:
            await wait_until_started(pilot)
            await pilot.pause()
            assert_literal(app, "[@click=app.quit]", "[sound]")
            if size == (80, 24):
                assert_literal(app, f"Call {SHOT} {UNBALANCED}")


async def test_home_footer_lines_are_literal(config):
    """How a flow ended goes on home's footer as text: markup in it stays text."""
    from breath_tui.screens.base import Outcome
    from breath_tui.screens.home import HomeScreen

    app, _ = make_home_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.flow_returned(Outcome(f"Saved to /tmp/{CLICK}/{LINK}.txt"))
        await pilot.pause()
        await pilot.pause()
        assert_literal(app, f"/tmp/{CLICK}/{LINK}.txt", f"Call {SHOT} {UNBALANCED}")
