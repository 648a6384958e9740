"""Settings, saved to config.toml: patterns and lengths, tempo, sounds (on or off, which cue
sounds, the person's own among them, and how loud), motion, theme, body, crisis text.

Only what the person changes is written, through the same checks that read the file, so a value
the app would refuse is shown as a message and nothing is saved. Each field has a line saying
what it does; the field with the keys is scrolled into view with that line; "Test sound" plays
one cue (in a thread: it blocks for a second or so) and shows how it was played.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantFocus, Resize
from textual.widgets import Button, Input, Label, Select, Static, Switch

from breath_tui.core.locations import config_path, own_sounds_dir
from breath_tui.core.patterns import PRESETS, Pattern
from breath_tui.core.settings import (
    CUE_NAMES,
    DEFAULT_MINUTES,
    OWN_STYLE,
    Config,
    ConfigError,
    step_volume,
)
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.widgets.literal import literal

# The sections that set a pattern and a length, with their labels on the form.
LENGTH_SECTIONS = (("breathing", "Breathing"), ("checkin", "Check-in"), ("quick", "Quick calm"))
# What each section's pattern is for, said under it.
PATTERN_HINTS = {
    "breathing": "The pattern of a breathing session (b on home, breath-tui breathe).",
    "checkin": "The breathing step of the start-of-session check-in.",
    "quick": "Quick calm (n on home, breath-tui now).",
}
MINUTES_HINT = "How long, in minutes; empty: the default shown."
# Listed first in the theme choice; every other theme the app has follows, by name.
FIRST_THEMES = ("textual-dark", "textual-light", "high-contrast")
# The cue styles, as the choice lists them (the built-in ones, then the person's own).
STYLE_CHOICES = {
    "soft": "soft: warm, low tones",
    "clear": "clear: brighter tones that carry through a noisy room",
}


def own_cues_made() -> list[str]:
    """Which of the person's own cues exist (`breath-tui sounds --from FILE` makes them)."""
    folder = own_sounds_dir()
    return [name for name in CUE_NAMES if (folder / f"{name}.wav").is_file()]


def style_choices() -> list[tuple[str, str]]:
    """(label, style) for each cue style: the person's own sounds beside the built-in ones,
    saying which cues are made (the soft ones stand in for the rest)."""
    made = own_cues_made()
    if not made:
        own = "own: none made yet (breath-tui sounds --from FILE makes them)"
    elif len(made) == len(CUE_NAMES):
        own = "own: your own sounds"
    else:
        own = f"own: your own sounds for {', '.join(made)} (soft for the rest)"
    return [*((label, style) for style, label in STYLE_CHOICES.items()), (own, OWN_STYLE)]


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def timings(pattern: Pattern) -> str:
    """'in 4 s, out 6 s'; 'in 2 + 1 s, out 6 s' for the sigh's top-up; holds by name."""
    parts: list[tuple[str, list[float]]] = []
    for phase in pattern.phases:
        if parts and parts[-1][0] == phase.kind:
            parts[-1][1].append(phase.seconds)
        else:
            parts.append((phase.kind, [phase.seconds]))
    return ", ".join(
        f"{kind} {' + '.join(f'{seconds:g}' for seconds in times)} s" for kind, times in parts
    )


class SettingsScreen(BreathScreen[Outcome]):
    """A form of the settings; ctrl+s saves (the app takes the new settings at once), Esc leaves
    without saving."""

    CSS_PATH = "settings.tcss"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.path = config.path or config_path()

    def compose(self) -> ComposeResult:
        """One row per setting: a label and its control."""
        by_name = {**PRESETS, **self.config.patterns}
        names = list(by_name)
        patterns = [
            (literal(f"{name}: {timings(pattern)}"), name) for name, pattern in by_name.items()
        ]
        c = self.config
        with VerticalScroll(id="settings"):
            yield Static("Settings", id="settings-title", markup=False)
            # Problems show here, at the top, where they are seen without scrolling.
            yield Static("", id="settings-error", markup=False)
            for section, label in LENGTH_SECTIONS:
                settings = getattr(c, section)
                chosen = settings.pattern if settings.pattern in names else Select.NULL
                yield from self._row(
                    f"{label} pattern",
                    Select(
                        patterns,
                        value=chosen,
                        id=f"{section}-pattern",
                        allow_blank=True,
                        prompt=f"Choose a pattern (now: {settings.pattern})",
                    ),
                    PATTERN_HINTS[section],
                )
                cycles = getattr(settings, "cycles", None)
                yield from self._row(
                    f"{label} minutes",
                    Input(
                        _minutes(settings.minutes),
                        id=f"{section}-minutes",
                        placeholder=(
                            f"{cycles} breaths"
                            if cycles
                            else f"{DEFAULT_MINUTES[section]:g} (default)"
                        ),
                    ),
                    MINUTES_HINT,
                )
            yield from self._row(
                "Tempo (0.5-2)",
                Input(f"{c.breathing.tempo:g}", id="breathing-tempo"),
                "The pace of every session: 1 as written, lower is slower (0.8: a fifth slower).",
            )
            yield from self._switch_row(
                "Sound cues", c.sound.enabled, "sound-enabled", "A soft sound as each phase begins."
            )
            yield from self._row(
                "Cue sounds",
                Select(
                    [(literal(label), style) for label, style in style_choices()],
                    value=c.sound.style,
                    id="sound-style",
                    allow_blank=False,
                ),
                "Which sounds the cues make; Test sound plays the one chosen.",
            )
            with Vertical(classes="setting-block"):
                with Horizontal(classes="setting"):
                    yield Label("Volume (0-1)", classes="setting-label")
                    yield Input(f"{c.sound.volume:g}", id="sound-volume")
                    yield Button("-", id="volume-down", compact=True)
                    yield Button("+", id="volume-up", compact=True)
                yield Static(
                    "How loud the cues are, 0 to 1; - and + change it by 0.1.",
                    classes="setting-hint",
                    markup=False,
                )
            with Vertical(classes="setting-block"):
                with Horizontal(classes="setting"):
                    yield Label("Sound check", classes="setting-label")
                    yield Button("Test sound", id="test-sound", compact=True)
                yield Static(
                    "Plays one cue at this volume and says how it was played.",
                    id="sound-check",
                    classes="setting-hint",
                    markup=False,
                )
            yield from self._switch_row(
                "Reduced motion",
                c.motion.reduced,
                "motion-reduced",
                "A still guide with arrows, instead of a disk that grows and shrinks.",
            )
            theme_names = self._themes()
            themes = [(literal(name), name) for name in theme_names]
            theme = c.display.theme if c.display.theme in theme_names else Select.NULL
            yield from self._row(
                "Theme",
                Select(
                    themes,
                    value=theme,
                    id="display-theme",
                    allow_blank=True,
                    prompt=f"Choose a theme (now: {c.display.theme})",
                ),
                "Colours; high-contrast is black, white and yellow. Shown as you choose.",
            )
            yield from self._row(
                "Body regions",
                Input(", ".join(c.body.regions), id="body-regions"),
                "The body scan's regions, in order, separated by commas.",
            )
            yield from self._row(
                "Crisis line",
                Input(c.safety.crisis_text, id="safety-crisis"),
                "Shown on home and wherever help may be needed: a number, a service, a person.",
            )
            # Its own file (plan.toml), edited on its own screen, saved as it is changed.
            yield from self._row(
                "Safety plan",
                Button("Open it", id="open-plan", compact=True),
                "Your own plan (plan.toml), on a screen of its own; saved as you change it.",
            )
        yield Static("tab next · ctrl+s save · esc back without saving", id="keys", markup=False)

    def _themes(self) -> list[str]:
        """Every theme the app can show (Textual's and high-contrast): only these are offered."""
        available = set(self.app.available_themes)
        return [name for name in FIRST_THEMES if name in available] + sorted(
            available - set(FIRST_THEMES)
        )

    def _row(self, label: str, control: Any, hint: str) -> ComposeResult:
        """A label, its control, and a line saying what it does (kept in view together)."""
        with Vertical(classes="setting-block"):
            with Horizontal(classes="setting"):
                yield Label(label, classes="setting-label")
                yield control
            yield Static(hint, classes="setting-hint", markup=False)

    def _switch_row(self, label: str, value: bool, switch_id: str, hint: str) -> ComposeResult:
        """A switch with its state in words beside it: a switch alone shows on or off by
        colour, which NO_COLOR (and some eyes) cannot see."""
        with Vertical(classes="setting-block"):
            with Horizontal(classes="setting"):
                yield Label(label, classes="setting-label")
                yield Switch(value, id=switch_id)
                yield Static(_on_off(value), id=f"{switch_id}-state", classes="switch-state")
            yield Static(hint, classes="setting-hint", markup=False)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """The field with the keys comes into view with its label and its line of help."""
        for block in event.widget.ancestors:
            if isinstance(block, Vertical) and block.has_class("setting-block"):
                block.scroll_visible(animate=False)
                return

    @on(Button.Pressed, "#volume-down, #volume-up")
    def _step_volume(self, event: Button.Pressed) -> None:
        event.stop()
        box = self.query_one("#sound-volume", Input)
        try:
            volume = float(box.value)
        except ValueError:
            volume = self.config.sound.volume
        box.value = f"{step_volume(volume, 1 if event.button.id == 'volume-up' else -1):g}"

    @on(Button.Pressed, "#test-sound")
    def _test_sound(self, event: Button.Pressed) -> None:
        event.stop()
        settings = self.config.sound
        try:
            volume = float(self.query_one("#sound-volume", Input).value)
        except ValueError:
            volume = settings.volume
        if 0 <= volume <= 1:
            settings = replace(settings, volume=volume)
        style = self.query_one("#sound-style", Select).value
        if isinstance(style, str):
            settings = replace(settings, style=style)
        self.query_one("#sound-check", Static).update("Playing one cue...")
        self._check_sound(settings)

    @work(thread=True, exclusive=True, group="sound-check", exit_on_error=False)
    def _check_sound(self, settings: Any) -> None:
        """Play one cue (blocks until played) and show the check's one line."""
        from breath_tui.audio.check import check_sound

        try:
            _played, line = check_sound(settings)
        except Exception as error:  # a sound check must never end the settings screen
            line = f"The sound check failed: {error}"
        self.breath_app.call_from_thread_if_running(self._show_sound_line, line)

    def _show_sound_line(self, line: str) -> None:
        shown = self.query_one("#sound-check", Static)
        shown.update(literal(line))
        # A line that wraps (what to fix) is seen whole, below its button.
        self.call_after_refresh(shown.scroll_visible, animate=False)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        """Say the switch's new state in words."""
        self.query_one(f"#{event.switch.id}-state", Static).update(_on_off(event.value))

    @on(Button.Pressed, "#open-plan")
    def _open_plan(self, event: Button.Pressed) -> None:
        event.stop()
        self.breath_app.open_flow("plan")

    def on_mount(self) -> None:
        """The first setting takes the keys at once."""
        self.query_one("#breathing-pattern").focus()

    def on_resize(self, event: Resize) -> None:
        """Below 60 columns each label goes above its control."""
        self.set_class(event.size.width < 60, "narrow")

    def on_select_changed(self, event: Select.Changed) -> None:
        """Preview a theme as soon as it is chosen."""
        if event.value in self.app.available_themes and event.select.id == "display-theme":
            self.app.theme = str(event.value)

    def changes(self) -> dict[str, dict[str, Any]]:
        """What the form says, as config.toml changes; raises ValueError naming a bad field."""

        def select(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Select).value
            return value if isinstance(value, str) else None

        def number(widget_id: str, label: str) -> float | None:
            text = self.query_one(f"#{widget_id}", Input).value.strip()
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                raise ValueError(f"{label}: {text!r} is not a number") from None
            return int(value) if value.is_integer() else value  # "3", not "3.0", in config.toml

        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        out: dict[str, dict[str, Any]] = {"breathing": {}, "checkin": {}, "quick": {}}
        for section, label in LENGTH_SECTIONS:
            pattern = select(f"{section}-pattern")
            if pattern:
                out[section]["pattern"] = pattern
            minutes = number(f"{section}-minutes", f"{label} minutes")
            if minutes is not None:
                out[section]["minutes"] = minutes
                if section == "breathing":
                    out[section]["cycles"] = None
        tempo = number("breathing-tempo", "Tempo")
        if tempo is not None:
            out["breathing"]["tempo"] = tempo
        volume = number("sound-volume", "Volume")
        out["sound"] = {"enabled": self.query_one("#sound-enabled", Switch).value}
        style = select("sound-style")
        if style:
            out["sound"]["style"] = style
        if volume is not None:
            out["sound"]["volume"] = volume
        out["motion"] = {"reduced": self.query_one("#motion-reduced", Switch).value}
        theme = select("display-theme")
        if theme:
            out["display"] = {"theme": theme}
        regions = [r.strip() for r in text("body-regions").split(",") if r.strip()]
        if regions:
            out["body"] = {"regions": regions}
        crisis = text("safety-crisis")
        if crisis:
            out["safety"] = {"crisis_text": crisis}
        return self._only_changed(out)

    def _only_changed(self, wanted: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Drop what already holds, so config.toml keeps only what the person chose."""
        changed: dict[str, dict[str, Any]] = {}
        for section, values in wanted.items():
            current = getattr(self.config, section)
            for key, value in values.items():
                if value is None or getattr(current, key) != value:
                    changed.setdefault(section, {})[key] = value
        breathing = changed.get("breathing", {})
        if "minutes" not in breathing:
            breathing.pop("cycles", None)  # the length did not change: leave cycles as they are
            if not breathing:
                changed.pop("breathing", None)
        return changed

    def action_save(self) -> None:
        """Check and write; on a problem, say what and where, and write nothing."""
        from breath_tui.settings_store import save_settings

        error = self.query_one("#settings-error", Static)
        try:
            changes = self.changes()
            if not changes:
                self.finish(Outcome("Nothing changed: nothing to save."))
                return
            config = save_settings(self.path, changes)
        except (ValueError, ConfigError) as problem:
            error.update(literal(f"Not saved: {problem}"))
            self.query_one("#settings").scroll_home(animate=False)
            return
        except OSError as problem:
            error.update(literal(f"Not saved: {self.path}: {problem.strerror or problem}"))
            return
        self.breath_app.apply_settings(config)
        self.finish(Outcome(f"Saved to {self.path}", settings_changed=True))

    def action_leave(self) -> None:
        """Leave without saving (the theme goes back to the saved one)."""
        saved = self.config.display.theme
        self.app.theme = saved if saved in self.app.available_themes else "textual-dark"
        self.finish(Outcome())


def _on_off(value: bool) -> str:
    return "on" if value else "off"
