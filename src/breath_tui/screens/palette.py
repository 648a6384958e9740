"""The command palette (ctrl+p): every flow of the registry (Settings too), every pattern, the
motion and sound toggles (each named by its state: "Sound: on"), then Textual's own commands.

This one provider gives Textual's system commands as well (the app's COMMANDS holds only it), so
the order is ours: palette providers run side by side and list their hits as they arrive, and
a typed search ranks by score, so ours score above Textual's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from breath_tui.app import BreathApp

PaletteCommand = tuple[str, Callable[[], object], str]
"""The name shown, what it does, a line of help."""
OURS_FIRST = 1e6
"""Added to our matches' scores, so a search lists them before Textual's own."""


class BreathCommands(Provider):
    """breath-tui's own commands."""

    def _commands(self) -> list[PaletteCommand]:
        from breath_tui.core.patterns import PRESETS, rate_text
        from breath_tui.flows import FLOWS, FlowOptions

        app = self.breath_app
        commands: list[PaletteCommand] = [
            (f"Open: {flow.title.lower()}", partial(app.open_flow, flow.name), f"key {flow.key}")
            for flow in FLOWS
        ]
        for pattern in [*PRESETS.values(), *app.config.patterns.values()]:
            commands.append(
                (
                    f"Breathe: {pattern.name}",
                    partial(app.open_flow, "breathe", FlowOptions(pattern=pattern.name)),
                    f"{pattern.timing} s, {rate_text(pattern.breaths_per_minute)} breaths a minute",
                )
            )
        sound = "on" if app.config.sound.enabled else "off"
        commands.append(
            (
                f"Sound: {sound}",
                self._toggle_sound,
                f"cues at each phase: turn them {_other(sound)}",
            )
        )
        motion, other = ("reduced", "moving") if app.reduced_motion else ("full", "still")
        commands.append(
            (f"Motion: {motion}", self._toggle_motion, f"a {other} guide for sessions started now")
        )
        return commands

    def _textuals(self, discover: bool = True) -> list[PaletteCommand]:
        """Textual's own commands (theme, keys, screenshot, quit), by name; a search finds
        those not listed before typing too."""
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c.title)
        return [(c.title, c.callback, c.help) for c in commands if c.discover or not discover]

    @property
    def breath_app(self) -> BreathApp:
        """The app, typed."""
        return cast("BreathApp", self.app)

    def _toggle_motion(self) -> None:
        app = self.breath_app
        app.set_reduced_motion(not app.reduced_motion)
        app.notify(f"Motion: {'reduced' if app.reduced_motion else 'full'}.", timeout=3)

    def _toggle_sound(self) -> None:
        app = self.breath_app
        app.config.sound.enabled = not app.config.sound.enabled
        app.notify(f"Sound: {'on' if app.config.sound.enabled else 'off'}.", timeout=3)

    async def discover(self) -> Hits:
        """Everything, before anything is typed: ours first, then Textual's."""
        for name, callback, help_text in [*self._commands(), *self._textuals()]:
            yield DiscoveryHit(literal(name), callback, help=_help(help_text))

    async def search(self, query: str) -> Hits:
        """What matches the typed words: ours above Textual's (the fuzzy scores are not capped,
        so ours are raised by far more than any)."""
        matcher = self.matcher(query)
        for boost, commands in ((OURS_FIRST, self._commands()), (0.0, self._textuals(False))):
            for name, callback, help_text in commands:
                score = matcher.match(name)
                if score > 0:
                    yield Hit(
                        boost + score, _highlight(matcher, name), callback, help=_help(help_text)
                    )


def _other(state: str) -> str:
    return "off" if state == "on" else "on"


def _help(text: str) -> Any:
    """The help line as Content (the palette parses a str as markup); None when empty."""
    # Typed Any: Textual annotates help as str, but passes Content through untouched.
    return literal(text) if text else None


def _highlight(matcher: Matcher, name: str) -> Content:
    """The name with the typed letters highlighted, the name itself literal: Matcher.highlight
    would parse a pattern called `[/bad]` as markup."""
    content = literal(name)
    if content.plain != name:  # escapes shifted the offsets: show it unhighlighted
        return content
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
