"""The command palette (ctrl+p): every flow of the registry, every pattern, the motion and sound
toggles (each saying its state), listed before Textual's own commands."""

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

PaletteCommand = tuple[str, Callable[[], None], str]
"""The name shown, what it does, a line of help."""


class BreathCommands(Provider):
    """breath-tui's own commands."""

    def _commands(self) -> list[PaletteCommand]:
        from breath_tui.core.patterns import PRESETS
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
                    f"{pattern.timing} s, {pattern.breaths_per_minute:.1f} breaths a minute",
                )
            )
        motion = "on" if app.reduced_motion else "off"
        sound = "on" if app.config.sound.enabled else "off"
        commands.append(
            (
                f"Reduced motion: {motion}",
                self._toggle_motion,
                f"turn it {_other(motion)}: a still guide for sessions started now",
            )
        )
        commands.append((f"Sound cues: {sound}", self._toggle_sound, f"turn them {_other(sound)}"))
        return commands

    @property
    def breath_app(self) -> BreathApp:
        """The app, typed."""
        return cast("BreathApp", self.app)

    def _toggle_motion(self) -> None:
        app = self.breath_app
        app.set_reduced_motion(not app.reduced_motion)
        app.notify(f"Reduced motion {'on' if app.reduced_motion else 'off'}.", timeout=3)

    def _toggle_sound(self) -> None:
        app = self.breath_app
        app.config.sound.enabled = not app.config.sound.enabled
        app.notify(f"Sound cues {'on' if app.config.sound.enabled else 'off'}.", timeout=3)

    async def discover(self) -> Hits:
        """Everything, before anything is typed."""
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(literal(name), callback, help=_help(help_text))

    async def search(self, query: str) -> Hits:
        """What matches the typed words."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, help=_help(help_text))


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
