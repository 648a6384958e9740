"""The key line of every screen fits 80 columns (78 inside its padding), so nothing at its
end is cut off or wrapped away, and names
the way out; in the steps of a flow that is "leave", also while typing (issue 12)."""

from __future__ import annotations

from textual.widgets import Static

from .helpers import Keys, make_home_app, settle

KEY_LINE_ROOM = 78
"""Cells for the key line's text at 80 columns (app.tcss: #keys has one cell of padding a side)."""

# Walks from home through every screen; the key line is read after each key.
WALKS = {
    "check-in": [
        "c",
        "5",
        "enter",
        "escape",
        "space",
        "3",
        "w",
        "escape",
        "n",
        "n",
        "w",
        "escape",
        "2",
        "enter",
        "down",
        "enter",
        "1",
        "d",
        "h",
        "i",
        "ctrl+n",
        "4",
    ],
    "quick calm": ["n", "5", "escape"],
    "breathing": ["b", "escape"],
    "history": ["h", "enter", "escape", "2", "3", "escape"],
    "settings": ["o"],
    "plan": ["p"],
    "feedback": ["f", "s", "s", "s", "w"],
    "grounding": ["g", "5", "enter"],
    "leave and resume dialogs": ["s", "space", "3", "q"],
}


def key_line(app) -> tuple[str, str] | None:
    found = app.screen.query("#keys")
    if not found:
        return None
    return type(app.screen).__name__, str(found.first(Static).render())


async def walk(keys: list[str]) -> list[tuple[str, str]]:
    app, _ = make_home_app()
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        press = Keys(pilot)
        await settle(pilot)
        for key in keys:
            await press(key)
            line = key_line(app)
            if line and line not in seen:
                seen.append(line)
        return seen


async def test_every_key_line_fits_80_columns_and_names_the_way_out():
    """Along walks through every flow, each key line fits 80 columns; in a flow's
    steps it says how to leave (q, or ctrl+q while typing), elsewhere Esc or q is named."""
    lines: list[tuple[str, str]] = []
    for keys in WALKS.values():
        lines.extend(await walk(keys))
    print("\n".join(f"{screen:18} {line}" for screen, line in lines))
    assert len(lines) >= 20, lines
    for screen, line in lines:
        assert len(line) <= KEY_LINE_ROOM, f"{screen}: {line!r} is {len(line)} long"
        if screen in ("CheckInScreen", "FeedbackScreen") and "close" not in line:
            assert "leave" in line, f"{screen}: {line!r} does not say how to leave"
        else:
            assert "esc" in line.lower() or "q " in line, f"{screen}: {line!r}"


async def test_the_note_step_skips_with_ctrl_n_and_leaves_with_ctrl_q_while_typing(journal):
    """In the note, letters are the note's: ctrl+n skips it (the key line says so) and ctrl+q
    asks about leaving, the same choices as every step."""
    from breath_tui.screens.dialogs import LeaveScreen
    from breath_tui.screens.steps import CardStep, NoteStep

    app, _ = make_home_app(journal=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await keys("s", "space", "3", "n", "n", "d")
        assert isinstance(app.screen.current, NoteStep)
        line = str(app.screen.query_one("#keys", Static).render())
        assert "ctrl+n skip" in line and "ctrl+q leave" in line
        await keys("s", "q")  # letters of the note
        assert app.screen.current.text == "sq"
        await keys("ctrl+q")
        assert isinstance(app.screen, LeaveScreen)
        await keys("escape")
        await keys("ctrl+n")
        assert isinstance(app.screen.current, CardStep)  # the note skipped: the scan's card
