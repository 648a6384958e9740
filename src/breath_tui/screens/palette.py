"""The command palette (ctrl+p): every pattern, every screen, and the motion and sound toggles."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from breath_tui.widgets.literal import literal


class BreathCommands(Provider):
    """breath-tui's own commands, beside Textual's (themes, keys, quit)."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        from breath_tui.core.patterns import PRESETS
        from breath_tui.screens.navigation import open_flow

        app: Any = self.app
        config = app.config
        commands: list[tuple[str, Callable[[], Any], str]] = []
        for pattern in [*PRESETS.values(), *config.patterns.values()]:
            commands.append(
                (
                    f"Breathe: {pattern.name}",
                    partial(open_flow, app, "breathe", pattern.name),
                    f"{pattern.timing} s, {pattern.breaths_per_minute:.1f} breaths a minute",
                )
            )
        screens = {
            "checkin": "Open: start-of-session check-in",
            "now": "Open: quick calm",
            "scan": "Open: body scan and feelings",
            "history": "Open: history, trends and therapist summary",
        }
        for action, name in screens.items():
            commands.append((name, partial(open_flow, app, action), ""))
        commands.append(
            (
                "Toggle: reduced motion",
                self._toggle_motion,
                "a still guide for sessions started now",
            )
        )
        commands.append(("Toggle: sound cues", self._toggle_sound, "for sessions started now"))
        return commands

    def _toggle_motion(self) -> None:
        app: Any = self.app
        app.set_reduced_motion(not app.reduced_motion)
        self.app.notify(f"Reduced motion {'on' if app.reduced_motion else 'off'}.", timeout=3)

    def _toggle_sound(self) -> None:
        app: Any = self.app
        app.config.sound.enabled = not app.config.sound.enabled
        self.app.notify(f"Sound cues {'on' if app.config.sound.enabled else 'off'}.", timeout=3)

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
