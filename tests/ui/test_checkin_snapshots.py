"""SVG snapshots of each check-in step at 80x24 (and the body scan at 40x12). Motion off; the
journal's clock is fixed, so the card's date is always Wed 1 May 2024, 09:30."""

from breath_tui.core.checkin import BodyEntry

from .helpers import Keys, make_checkin_app, settle


def after(*keys, text=""):
    async def run_before(pilot):
        press = Keys(pilot)
        await press(*keys)
        if text:
            await press.type(text)
        await settle(pilot)

    return run_before


def test_checkin_rating_80x24(snap_compare, journal):
    """Step 1 of 6: "How tense do you feel right now?", 0 to 10 in a row, what 0 and 10 mean, the keys."""
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after())


def test_checkin_breathing_step_80x24(snap_compare, journal):
    """Step 2: resonance, 4-6 s, 2 breaths, the safety line, "Esc ends it and the check-in goes on"."""
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("7"))


def test_checkin_body_scan_80x24(snap_compare, journal):
    """Body scan, shoulders: the figure marked "> ... < shoulders", the prompt, "[x] tension",
    the pointer ">" on tightness, all sixteen sensations down to "ease" and "nothing
    noticeable" with no scrollbar, the word box and "How strong? 0-9"."""
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("7", "s", "space", "down"))


def test_checkin_body_scan_40x12(snap_compare, journal):
    """At 40x12 the figure is hidden; the prompt, a scrolling list ("[x] tension") and the word
    box and keys still fit."""
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(40, 12), run_before=after("7", "s", "space"))


def test_checkin_feelings_start_80x24(snap_compare, journal):
    """Feelings start: "No feelings named yet.", "How does it feel?", the four quadrants numbered
    1-4 with examples ("high energy, unpleasant: anxious, stressed, angry…") and "f every
    family", the keys "1-4/f choose · w own word ..."."""
    app, _ = make_checkin_app(journal, kind="scan")
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("s"))


def test_checkin_feelings_families_80x24(snap_compare, journal):
    """After a feeling from quadrant 2: the sentence "I feel a little disappointed." on top, then
    "Which family is the feeling in? (low energy, unpleasant)" and only its families, numbered
    1 to 9, each with a few of its words there ("1  sadness: sad, disappointed, discouraged…",
    never "sad: sad"), the pointer back on sadness; the key line starts "1-9 choose"."""
    app, _ = make_checkin_app(journal, kind="scan")
    keys = ("s", "2", "enter", "down", "enter", "1")
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(*keys))


def test_checkin_feelings_intensity_80x24(snap_compare, journal):
    """How much: "How ashamed?" with 1 a little ashamed, 2 somewhat (pointed at), 3 very."""
    app, _ = make_checkin_app(journal, kind="scan")
    keys = ("s", "2", "down", "down", "enter", "enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(*keys))


def test_checkin_feelings_own_phrase_80x24(snap_compare, journal):
    """An own phrase: "How strongly do you feel like a failure?" with 1 a little like a failure,
    2 somewhat (pointed at), 3 very much like a failure."""
    app, _ = make_checkin_app(journal, kind="scan")

    async def run_before(pilot):
        press = Keys(pilot)
        await press("s", "w")
        await press.type("like a failure")
        await press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_checkin_note_80x24(snap_compare, journal):
    """The note: the question, a text box holding "When you slowed down I felt safer.", Save and Skip."""
    app, _ = make_checkin_app(journal, kind="scan")
    text = "When you slowed down I felt safer."
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("s", "d", text=text))


def test_checkin_post_rating_80x24(snap_compare, journal):
    """Step 6: "How tense do you feel now?" and "Before, you said 7."."""
    app, _ = make_checkin_app(journal)
    keys = ("7", "s", "s", "s", "ctrl+s")
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(*keys))


def test_checkin_summary_80x24(snap_compare, journal):
    """The card: "Check-in, Wed 1 May 2024, 09:30", tension 7 before, 4 after (3 lower), body,
    the feelings sentence, the note with its [bold] shown as typed; "c copy the card"."""
    app, _ = make_checkin_app(journal)
    keys = ("7", "s", "space", "5", "n", "n", "2", "enter", "down", "enter", "1", "d")
    note = "[bold]Slowing down[/bold] helped."

    async def run_before(pilot):
        press = Keys(pilot)
        await press(*keys)
        await press.type(note)
        await press("ctrl+s", "4")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_checkin_leave_dialog_80x24(snap_compare, journal):
    """q after answering: "Leave the check-in?" with k Keep it, l Later, d Discard it, Esc Stay."""
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("7", "q"))


def test_checkin_resume_offer_80x24(snap_compare, journal):
    """An unfinished check-in found on start: its date, "Tension: 6 before", its body entry,
    and f Finish it, k Keep it, d Discard it."""
    old = journal.start_checkin("checkin")
    journal.save_step(old, pre_rating=6)
    journal.save_step(old, body=[BodyEntry("chest", ("tightness",), 5)])
    app, _ = make_checkin_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after())
