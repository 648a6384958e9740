"""The command palette (ctrl+p): every pattern, every screen, and the motion and sound toggles."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
            yield DiscoveryHit(name, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        """What matches the typed words."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text or None)
