"""The check-in and scan flows driven by keys, asserting what the journal saved."""

from breath_tui.core.checkin import BodyEntry, Feeling
from breath_tui.screens.body_scan import BodyStep
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.screens.checkin import CheckInScreen
from breath_tui.screens.dialogs import LeaveScreen, ResumeScreen
from breath_tui.screens.feelings import FeelingsStep
from breath_tui.screens.steps import BreathingStep, CardStep, NoteStep, RatingStep

from .helpers import Keys, make_checkin_app, settle, wait_until_started

# Key presses for the whole check-in of test_whole_checkin_by_keys, the note's letters not counted.
KEY_PRESSES_FOR_A_CHECKIN = 24


def step_of(app):
    screen = app.screen
    assert isinstance(screen, CheckInScreen), f"on {type(screen).__name__}"
    return screen.current


def only(journal):
    checkins = journal.checkins()
    assert len(checkins) == 1
    return checkins[0]


async def breathe_to_the_end(pilot, clock, seconds):
    await wait_until_started(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BreathingScreen)
    clock.advance(seconds)
    screen.sync()
    for _ in range(10):
        await pilot.pause()
        if not isinstance(pilot.app.screen, BreathingScreen):
            return
    raise AssertionError("the breathing step did not end")


async def test_whole_checkin_by_keys(journal):
    """Every step answered by keys: the journal holds each answer, and the check-in is complete."""
    app, clock = make_checkin_app(journal)
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("7")
        assert only(journal).pre_rating == 7
        assert isinstance(step_of(app), BreathingStep)
        await keys("enter")
        await breathe_to_the_end(pilot, clock, 20.0)
        assert only(journal).breathing.cycles == 2
        assert isinstance(step_of(app), BodyStep)
        await keys("space", "down", "space", "6")  # shoulders: tension, tightness, 6
        await keys("down", "down", "space", "4")  # stomach: fluttering, 4
        await keys("n")  # chest: passed
        assert isinstance(step_of(app), FeelingsStep)
        await keys("2", "enter", "down", "enter", "1")  # low, unpleasant: sadness, disappointed
        await keys("enter", "enter", "3")  # back at the same families: sadness -> sad -> very
        await keys("d")
        assert isinstance(step_of(app), NoteStep)
        await keys.type("Slowing down helped.")
        await keys("ctrl+s")
        assert isinstance(step_of(app), RatingStep)
        await keys("4")
        assert isinstance(step_of(app), CardStep)
        await keys("c")
        await keys("enter")
        assert not app.is_running
    saved = only(journal)
    assert saved.status == "complete"
    assert (saved.pre_rating, saved.post_rating) == (7, 4)
    assert saved.breathing.pattern == "resonance"
    assert (saved.breathing.cycles, saved.breathing.seconds) == (2, 20.0)
    assert saved.body == (
        BodyEntry("shoulders", ("tension", "tightness"), 6),
        BodyEntry("stomach", ("fluttering",), 4),
    )
    assert saved.feelings == (Feeling("disappointed", "a little"), Feeling("sad", "very"))
    assert saved.feelings_sentence == "I feel a little disappointed and very sad."
    assert saved.note == "Slowing down helped."
    assert "Tension: 7 before, 4 after (3 lower)" in copied[0]
    # The cost of a check-in: two ratings, two body regions, a quadrant and two feelings, copy
    # and close.
    assert keys.count - len("Slowing down helped.") == KEY_PRESSES_FOR_A_CHECKIN


async def test_scan_runs_body_feelings_and_note_only(journal):
    """`scan`: body, feelings, note, then the card; no ratings and no breathing."""
    app, _ = make_checkin_app(journal, kind="scan", regions=("jaw",))
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        assert isinstance(step_of(app), BodyStep)
        await keys("space", "t")  # jaw: tension, 10
        await keys("1", "enter", "enter", "2")  # high, unpleasant: fear -> anxious -> somewhat
        await keys("d")
        await keys.type("jaw")
        await keys("ctrl+s")
        assert isinstance(step_of(app), CardStep)
    saved = only(journal)
    assert saved.kind == "scan" and saved.status == "complete"
    assert saved.body == (BodyEntry("jaw", ("tension",), 10),)
    assert saved.feelings == (Feeling("anxious"),)
    assert saved.note == "jaw"
    assert saved.pre_rating is None and saved.breathing is None


async def test_every_step_can_be_skipped(journal):
    """s skips each step: each is saved empty and the check-in completes with nothing in it."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s", "s", "s")
        assert isinstance(step_of(app), NoteStep)
        await keys("tab", "tab", "enter")  # Tab to the Skip button: s types in the note
        await keys("s")
        assert isinstance(step_of(app), CardStep)
    saved = only(journal)
    assert saved.status == "complete"
    assert saved.pre_rating is None and saved.post_rating is None and saved.breathing is None
    assert saved.body == () and saved.feelings == () and saved.note == ""


async def test_escape_goes_back_a_step_and_the_new_answer_is_saved(journal):
    """Esc on the breathing step goes back to the rating, which shows 7; 5 replaces it."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("7")
        await keys("escape")
        step = step_of(app)
        assert isinstance(step, RatingStep)
        assert "[7]" in str(step.query_one("#scale").render())
        await keys("5")
        assert isinstance(step_of(app), BreathingStep)
    assert only(journal).pre_rating == 5


async def test_escape_in_the_body_scan_goes_back_a_region(journal):
    """Esc at the second region returns to the first, with its sensations still ticked."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("space", "3")
        step = step_of(app)
        assert step.current_region == "stomach"
        assert "< stomach" in str(step.query_one("#body-map").render())
        await keys("escape")
        assert step.current_region == "shoulders"
        assert "< shoulders" in str(step.query_one("#body-map").render())
        assert step.query_one("#sensations").selected == ["tension"]
        await keys("escape")  # at the first step's start: asks about leaving, as q does
        assert isinstance(app.screen, LeaveScreen)


async def test_escape_in_feelings_goes_back_a_level(journal):
    """Esc from the intensities goes to the words, the families, then how it feels."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s")
        step = step_of(app)
        await keys("enter", "enter", "enter")
        assert step.level == "intensity"
        await keys("escape")
        assert step.level == "word"
        await keys("escape")
        assert step.level == "family"
        await keys("escape")
        assert step.level == "mood"
        await keys("escape")
        assert isinstance(step_of(app), BodyStep)
        # Back into the body scan at its last region, the one just left, not the first.
        assert step_of(app).current_region == "chest"


async def test_own_words_in_body_and_feelings_are_saved_as_typed(journal):
    """w types a word of one's own: a sensation, and a feeling with its intensity; x removes one."""
    app, _ = make_checkin_app(journal, kind="scan", regions=("hands",))
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("w")
        await keys.type("[b]buzzing")
        await keys("enter", "5")
        await keys("w")
        await keys.type("wobbly")
        await keys("enter", "3")
        await keys("2", "enter", "enter", "1")  # low, unpleasant: sad, a little
        sentence = str(step_of(app).query_one("#sentence").render())
        assert sentence == "I feel very wobbly and a little sad."
        await keys("x")  # takes "a little sad" away
        await keys("d", "ctrl+s")
    saved = only(journal)
    assert saved.body == (BodyEntry("hands", ("[b]buzzing",), 5),)
    assert saved.feelings == (Feeling("wobbly", "very"),)


async def test_q_then_k_keeps_what_was_entered(journal):
    """q, then k: the check-in is kept (complete, marked left early) with the steps answered so
    far, and exported so (not as merely "complete")."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8", "q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("k")
        assert not app.is_running
    saved = only(journal)
    assert saved.status == "complete" and saved.pre_rating == 8
    assert saved.left_early and '"left_early": true' in saved.to_json()
    assert app.return_value.line.startswith("Kept")


async def test_q_then_l_leaves_it_to_finish_later(journal):
    """q, then l: the check-in stays unfinished with what was entered, for home to offer."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8", "q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("l")
        assert not app.is_running
    saved = only(journal)
    assert saved.status == "in_progress" and saved.pre_rating == 8
    assert journal.unfinished() == saved
    assert app.return_value.line.startswith("Left unfinished")


async def test_q_then_d_discards_it(journal):
    """q, then d: nothing of the check-in stays in the journal."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8", "q", "d")
        assert not app.is_running
    assert journal.count() == 0


async def test_q_then_escape_stays(journal):
    """q, then Esc: back in the check-in, nothing changed."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("8", "q", "escape")
        assert isinstance(step_of(app), BreathingStep)
    assert only(journal).status == "in_progress"


async def test_q_before_any_answer_leaves_nothing_behind(journal):
    """Opening the check-in and leaving at once writes nothing."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("q")
        assert not app.is_running
    assert journal.count() == 0


async def test_q_while_typing_a_note_types_it_and_ctrl_q_leaves(journal):
    """In the note, q is a letter; ctrl+q asks about leaving, and the typed note is not lost on keep."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s")
        await keys.type("quiet")
        assert step_of(app).text == "quiet"
        await keys("ctrl+q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("k")
    saved = only(journal)
    assert saved.status == "complete"
    assert saved.note == "quiet"  # the note being typed is kept with the rest


async def test_keep_keeps_the_regions_noticed_so_far(journal):
    """q in the middle of the body scan, then k: the regions already rated are kept."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("space", "4", "q", "k")
    assert only(journal).body == (BodyEntry("shoulders", ("tension",), 4),)


async def test_ctrl_q_while_breathing_asks_about_the_checkin(journal):
    """ctrl+q in the breathing step asks keep or discard for the whole check-in; d discards."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("6", "enter")
        await wait_until_started(pilot)
        await keys("ctrl+q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("d")
        assert not app.is_running
    assert journal.count() == 0


async def test_escape_in_breathing_ends_that_step_only(journal):
    """Esc 12 s into the breathing records one breath in 12 s and goes on to the body scan."""
    app, clock = make_checkin_app(journal, cycles=12)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("5", "enter")
        await wait_until_started(pilot)
        clock.advance(12.0)
        app.screen.sync()
        await keys("escape")
        await pilot.pause()
        assert isinstance(step_of(app), BodyStep)
    breathing = only(journal).breathing
    assert (breathing.cycles, breathing.seconds) == (1, 12.0)


async def test_resume_offer_finishes_at_the_first_step_not_done(journal):
    """An unfinished check-in with rating and breathing saved: f resumes at the body scan."""
    old = journal.start_checkin("checkin")
    journal.save_step(old, pre_rating=6)
    journal.save_step(old, breathing=None)
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await keys("f")
        assert isinstance(step_of(app), BodyStep)
        await keys("s", "s", "ctrl+s", "3")  # in the note, s is a letter: ctrl+s saves it empty
        assert isinstance(step_of(app), CardStep)
    saved = only(journal)
    assert saved.id == old and saved.status == "complete"
    assert (saved.pre_rating, saved.post_rating) == (6, 3)


async def test_resume_offer_keep_then_a_new_checkin_begins(journal):
    """k keeps the unfinished one as it is (left early); a new check-in starts at its first
    step."""
    old = journal.start_checkin("checkin")
    journal.save_step(old, pre_rating=6)
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("k")
        assert isinstance(step_of(app), RatingStep)
        await keys("2")
    assert journal.get(old).status == "complete" and journal.get(old).left_early
    assert journal.count() == 2


async def test_resume_offer_discard_deletes_it(journal):
    """d discards the unfinished one."""
    old = journal.start_checkin("scan")
    journal.save_step(old, body=[BodyEntry("chest", ("ache",), 3)])
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("d")
        assert isinstance(step_of(app), RatingStep)
    assert journal.get(old) is None


async def test_rating_by_arrows_and_t_for_ten(journal):
    """t sets 10 at once; ←/→ then Enter sets the marked number."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("t")
        assert only(journal).pre_rating == 10
        await keys("escape", "left", "left", "enter")
        assert only(journal).pre_rating == 8


async def test_markup_in_a_note_is_shown_as_text(journal):
    """A note holding [bold] and [@click=app.quit] shows literally on the card and does nothing."""
    app, _ = make_checkin_app(journal, kind="scan")
    note = "[bold]loud[/] [@click=app.quit]x[/]"
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s")
        await keys.type(note)
        await keys("ctrl+s")
        card = str(step_of(app).query_one("#card").render())
        assert note in card
        assert app.is_running
    assert only(journal).note == note


async def test_whole_checkin_at_40x12(journal):
    """At 40x12 every step still works: a check-in by keys completes without errors."""
    app, clock = make_checkin_app(journal, regions=("shoulders",))
    async with app.run_test(size=(40, 12)) as pilot:
        keys = Keys(pilot)
        await keys("7", "enter")
        await breathe_to_the_end(pilot, clock, 20.0)
        await keys("space", "6", "enter", "enter", "enter", "2", "d")
        await keys.type("ok")
        await keys("ctrl+s", "3")
        assert isinstance(step_of(app), CardStep)
    saved = only(journal)
    assert saved.status == "complete" and saved.body[0].intensity == 6


async def test_a_step_the_journal_cannot_save_stays_on_screen(journal):
    """If a save fails (the check-in was deleted meanwhile), the reason shows and the step stays."""
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("7")
        journal.discard(only(journal).id)
        await keys("s")
        assert isinstance(step_of(app), BreathingStep)
        assert any("Not saved" in str(n.message) for n in app._notifications)
        assert app.is_running


async def test_escape_from_the_note_keeps_what_was_typed(journal):
    """Esc in the note goes back to the feelings; coming forward again, the typed note is there."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "s")
        await keys.type("half a thought")
        await keys("escape")
        assert isinstance(step_of(app), FeelingsStep)
        await keys("d")
        assert step_of(app).text == "half a thought"
        await keys("ctrl+s")
    assert only(journal).note == "half a thought"


async def test_resume_offer_q_leaves_it_for_next_time(journal):
    """q on the resume offer closes the app and leaves the check-in unfinished."""
    old = journal.start_checkin("checkin")
    journal.save_step(old, pre_rating=6)
    app, _ = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("q")
        assert not app.is_running
    assert journal.get(old).status == "in_progress"


async def test_breathing_to_the_end_says_what_was_breathed(journal):
    """When the breathing ends by itself, a short notice says how many breaths it was."""
    app, clock = make_checkin_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await Keys(pilot)("5", "enter")
        await breathe_to_the_end(pilot, clock, 20.0)
        assert any("2 breaths" in str(n.message) for n in app._notifications)


async def test_tiny_terminal_does_not_crash(journal):
    """Below the supported 40x12 (here 24x8) a 'make the window larger' message covers the
    check-in; Esc lifts it and the keys still work, nothing breaks."""
    from breath_tui.screens.dialogs import TooSmallScreen

    app, _ = make_checkin_app(journal, kind="scan", regions=("chest",))
    async with app.run_test(size=(24, 8)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("escape")
        keys = Keys(pilot)
        await keys("space", "2", "2", "enter", "enter", "3", "d", "ctrl+s")
        assert isinstance(step_of(app), CardStep)
    assert only(journal).feelings == (Feeling("sad", "very"),)


def test_summary_points_to_help_when_tension_is_high_or_has_risen(make_checkin):
    """Tension 8 or more after, or higher than before, adds the quick-calm and crisis line."""
    from breath_tui.screens.steps import still_tense

    assert still_tense(make_checkin(pre_rating=3, post_rating=8))
    assert still_tense(make_checkin(pre_rating=3, post_rating=5))
    assert not still_tense(make_checkin(pre_rating=7, post_rating=4))
    assert not still_tense(make_checkin(pre_rating=None, post_rating=None))


async def test_skip_on_the_third_region_keeps_the_two_answered(journal):
    """s on the third region skips what is left of the scan; the two regions answered stay."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("space", "6", "space", "4")  # shoulders: tension 6; stomach: tension 4
        await keys("s")  # on chest
        assert isinstance(step_of(app), FeelingsStep)
    assert only(journal).body == (
        BodyEntry("shoulders", ("tension",), 6),
        BodyEntry("stomach", ("tension",), 4),
    )


async def test_skip_in_feelings_keeps_the_feelings_named(journal):
    """s in the feelings step after naming one keeps it and goes on to the note."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("s")  # skip the body scan
        await keys("2", "enter", "enter", "3", "s")  # low, unpleasant: sad, very; skip the rest
        assert isinstance(step_of(app), NoteStep)
    assert only(journal).feelings == (Feeling("sad", "very"),)


async def test_a_scan_ended_after_two_regions_resumes_at_the_third(journal):
    """Each region is kept as it is answered: the app ended (killed) after two regions, r on
    home opens the body scan at the third, the two answers kept."""
    from .helpers import make_home_app

    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("space", "6", "space", "4")  # shoulders: tension 6; stomach: tension 4
    kept = only(journal)
    assert kept.status == "in_progress" and [e.region for e in kept.body] == [
        "shoulders",
        "stomach",
    ]
    home, _ = make_home_app(journal=journal)
    async with home.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("r")
        step = step_of(home)
        assert isinstance(step, BodyStep) and step.current_region == "chest"
        await keys("space", "3")
        assert isinstance(step_of(home), FeelingsStep)
    assert [(e.region, e.intensity) for e in only(journal).body] == [
        ("shoulders", 6),
        ("stomach", 4),
        ("chest", 3),
    ]


async def test_feelings_named_before_the_app_ended_are_there_on_resuming(journal):
    """A feeling named, then the app ended: resumed, the feelings step shows it in the sentence."""
    from .helpers import make_home_app

    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("s", "2", "enter", "enter", "3")  # skip the body; low unpleasant: sad, very
    home, _ = make_home_app(journal=journal)
    async with home.run_test(size=(100, 30)) as pilot:
        await Keys(pilot)("r")
        step = step_of(home)
        assert isinstance(step, FeelingsStep) and step.feelings == [Feeling("sad", "very")]


async def test_a_strength_with_nothing_ticked_asks_what_it_is_first(journal):
    """A digit with no sensation ticked asks what it is; the same digit again keeps it
    unnamed (shown as 'unnamed' on the card)."""
    app, _ = make_checkin_app(journal, kind="scan")
    async with app.run_test(size=(100, 30)) as pilot:
        keys = Keys(pilot)
        await keys("3")
        step = step_of(app)
        assert isinstance(step, BodyStep) and step.current_region == "shoulders"
        assert "Nothing ticked: what is it?" in str(step.query_one("#strength").render())
        await keys("3")
        assert step_of(app).current_region == "stomach"
    assert only(journal).body == (BodyEntry("shoulders", (), 3),)
