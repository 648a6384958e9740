"""The command palette: breath-tui's own commands first (every flow, Settings too), toggles
named by their state, Textual's own entries after ours (issue 12)."""

from __future__ import annotations

from textual.command import CommandList

from breath_tui.flows import FLOWS

from .helpers import make_home_app


async def listed(pilot, typed: str = "") -> list[str]:
    """Open the palette, type, and read the names listed, in order (first line of each)."""
    app = pilot.app
    await pilot.press("ctrl+p")
    if typed:
        await pilot.press(*typed)
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()
    options = app.screen.query_one(CommandList).options
    return [str(option.prompt).splitlines()[0] for option in options]


async def test_ours_come_first_with_settings_and_toggles_saying_their_state():
    """Before typing: every flow ("Open: settings" too), then the patterns, "Sound: off" and
    "Motion: reduced", and only then Textual's own (theme, keys, quit)."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await listed(pilot)
    flows = [f"Open: {flow.title.lower()}" for flow in FLOWS]
    assert shown[: len(flows)] == flows
    assert "Open: settings" in flows
    assert "Sound: off" in shown and "Motion: reduced" in shown
    last_ours = max(shown.index("Sound: off"), shown.index("Motion: reduced"))
    textual_own = [i for i, name in enumerate(shown) if name in ("Quit the application", "Keys")]
    assert textual_own and min(textual_own) > last_ours
    assert all(not name.startswith(("Open:", "Breathe:")) for name in shown[last_ours + 1 :])


async def test_a_toggle_shows_its_new_state_next_time():
    """Choosing "Sound: off" turns cues on; the palette then says "Sound: on"."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(pilot, "sound: off")
        await pilot.press("enter")
        await pilot.pause()
        assert app.config.sound.enabled
        shown = await listed(pilot)
        assert "Sound: on" in shown and "Sound: off" not in shown


async def test_a_typed_search_ranks_ours_above_textuals():
    """Typing "s": our matches (settings, patterns, sound) all come before Textual's."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await listed(pilot, "s")
    mine = ("Open:", "Breathe:", "Sound", "Motion")
    ours = [i for i, n in enumerate(shown) if n.startswith(mine)]
    theirs = [i for i, n in enumerate(shown) if i not in ours]
    assert ours and theirs, shown
    assert max(ours) < min(theirs), "\n".join(shown)


async def test_pattern_rates_are_said_as_patterns_and_the_readme_say_them():
    """One formatter of rates: coherent 5.45, cyclic-sigh 6.67, box 3.75 and resonance 6 a
    minute (they were rounded to 5.5, 6.7, 3.8 and 6.0)."""
    app, _ = make_home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(pilot, "breathe")
        options = app.screen.query_one(CommandList).options
        helps = {
            str(option.prompt).splitlines()[0]: str(option.prompt).splitlines()[-1]
            for option in options
        }
    assert helps["Breathe: coherent"] == "5.5-5.5 s, 5.45 breaths a minute"
    assert helps["Breathe: cyclic-sigh"] == "2+1-6 s, 6.67 breaths a minute"
    assert helps["Breathe: box"] == "4-4-4-4 s, 3.75 breaths a minute"
    assert helps["Breathe: resonance"] == "4-6 s, 6 breaths a minute"
