"""SVG snapshots of each step of the feedback for the therapist at 80x24, the card at 80x24 and
40x12. Motion off; the day is fixed (Wed 1 May 2024, the journal's clock), so the sessions
offered and the card's dates are the same every day."""

from .feedback_app import make_feedback_app
from .helpers import Keys, settle


def after(*keys, text=""):
    async def run_before(pilot):
        press = Keys(pilot)
        await press(*keys)
        if text:
            await press.type(text)
        await settle(pilot)

    return run_before


def test_feedback_session_80x24(snap_compare, journal):
    """Step 1 of 6: "Which session is this about?", fourteen days newest first, the pointer ">"
    on "today, Wed 1 May · check-in" (today had a check-in), the keys at the bottom."""
    journal.finish(journal.start_checkin("checkin"))
    app = make_feedback_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after())


def test_feedback_heard_80x24(snap_compare, journal):
    """Step 2: "How heard and understood did you feel?", 0 to 10 in a row, "0 = not at all ·
    10 = completely"."""
    app = make_feedback_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("enter"))


def test_feedback_pace_80x24(snap_compare, journal):
    """Step 3: "How was the pace of the session?", its hint, "1 too slow", "2 about right"
    (pointed at), "3 too fast"."""
    app = make_feedback_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("enter", "4"))


def test_feedback_helped_80x24(snap_compare, journal):
    """Step 4: "What helped?", eight phrases, "[x] when you slowed down" and "[x] the silence"
    ticked, the pointer on the silence, the box for one's own words."""
    app = make_feedback_app(journal)
    keys = ("enter", "4", "3", "space", "down", "down", "space")
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(*keys))


def test_feedback_wishes_80x24(snap_compare, journal):
    """Step 5: "What would you like?", requests in the client's voice ("could we slow down?",
    "less advice", ...), one of one's own added and ticked last: "[x] could we end on time?"."""
    app = make_feedback_app(journal)
    keys = ("enter", "4", "3", "d", "w")
    text = "could we end on time?"

    async def run_before(pilot):
        press = Keys(pilot)
        await press(*keys)
        await press.type(text)
        await press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_feedback_unsaid_80x24(snap_compare, journal):
    """Step 6: "What did you not say in the session?", its hint ("nothing is sent anywhere"),
    a text box holding what was typed, Save and Skip."""
    app = make_feedback_app(journal)
    text = "I was angry when you looked at the clock."
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=after("enter", "4", "3", "d", "d", text=text)
    )


def test_feedback_card_80x24(snap_compare, journal):
    """The card: "Feedback, Wed 1 May 2024, 09:30", then "About my session on Wed 1 May
    2024.", "I felt heard 4 of 10.", "The pace felt too fast.", what helped, "I would like:
    could we slow down?", and what was not said with its [b] shown as typed; "c copy the card"."""
    app = make_feedback_app(journal)
    text = "I was angry [b]then[/b]."

    async def run_before(pilot):
        press = Keys(pilot)
        await press("enter", "4", "3", "space", "down", "down", "space", "d", "space", "d")
        await press.type(text)
        await press("ctrl+s")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_feedback_card_40x12(snap_compare, journal):
    """At 40x12 the card keeps its frame, tighter, and scrolls (a scroll bar at the right: what
    was not said is below); the heading and the keys stay in sight."""
    app = make_feedback_app(journal)
    keys = ("enter", "4", "3", "space", "d", "space", "d")
    text = "I was angry when you looked at the clock."

    async def run_before(pilot):
        press = Keys(pilot)
        await press(*keys)
        await press.type(text)
        await press("ctrl+s")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(40, 12), run_before=run_before)


def test_feedback_phrases_40x12(snap_compare, journal):
    """At 40x12 the phrases scroll inside their list; the question, the box and the keys fit."""
    app = make_feedback_app(journal)
    assert snap_compare(app, terminal_size=(40, 12), run_before=after("enter", "4", "3"))


def test_feedback_leave_dialog_80x24(snap_compare, journal):
    """q after an answer: "Leave the feedback?" with k Keep it, l Later, d Discard it, Esc Stay."""
    app = make_feedback_app(journal)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("enter", "q"))
