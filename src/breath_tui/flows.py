"""The flow registry: every thing a person can do in breath-tui, declared once.

Home lists the flows with their keys, the command palette offers them, and the command line has a
sub-command for each that has a `command` (docs/architecture.md, "The flow registry"). Adding a
flow is one entry here and its screen. Building a flow imports its screen only then, so this
module is light enough for the command line to read for every command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from textual.screen import Screen

    from breath_tui.app import BreathApp
    from breath_tui.core.heart.protocol import SteppedProtocol
    from breath_tui.core.settings import Config
    from breath_tui.heart.source import SensorSource
    from breath_tui.screens.base import BreathScreen, Outcome
    from breath_tui.session_setup import SessionSetup


class FlowOptions(NamedTuple):
    """What a flow is asked to do beyond its settings (from the command line or the palette).

    Attributes:
        sound: cues while breathing (`--no-sound` turns them off).
        reduced_motion: a guide with no motion (`--reduced-motion`; also the setting).
        setup: the breathing session asked for (`breathe`; tests give the check-in's).
        pattern: a pattern to breathe, by name (the palette's "Breathe: NAME").
        since: history and summary from this moment on (`history --since`).
        limit: only the newest so many entries (`history --limit`).
        resume: the id of an unfinished check-in (or feedback) to finish at once (home's r).
        notice: one line to show at once (quick calm's word on a broken config.toml).
        assessment: the stepped protocol and the sensor of `resonance --sensor`.
    """

    sound: bool = True
    reduced_motion: bool = False
    setup: SessionSetup | None = None
    pattern: str | None = None
    since: datetime | None = None
    limit: int | None = None
    resume: str | None = None
    notice: str | None = None
    assessment: tuple[SteppedProtocol, SensorSource] | None = None


class Command(NamedTuple):
    """The flow's own sub-command (`breath-tui NAME`), made from the registry."""

    help: str
    description: str
    sound: bool = False
    """Whether it takes --no-sound (it breathes)."""
    never_fails: bool = False
    """It starts whatever config.toml says (defaults for a broken part, said in one line), and
    without a terminal it guides in plain lines: quick calm."""


Build = Callable[["BreathApp", FlowOptions], "BreathScreen[Outcome]"]


@dataclass(frozen=True)
class Flow:
    """One flow.

    Attributes:
        name: its name: the sub-command, and what the palette and home call it by.
        key: its key on home.
        title: its line on home and in the palette ("Open: ...").
        build: makes its first screen.
        screen: the class of that screen (its stylesheets are read with the app's when the flow
            is the first screen).
        journal: what it needs of the journal: nothing, to read it, or to write to it.
        command: its own sub-command, when the registry makes one (others have a module in
            commands/, or none).
        detail: a few words after its title on home, from the settings ("cyclic-sigh, 1 min").
    """

    name: str
    key: str
    title: str
    build: Build
    screen: Callable[[], type[Screen[Outcome]]]
    journal: Literal["none", "read", "write"] = "none"
    command: Command | None = None
    detail: Callable[[Config], str] | None = None


def _length(config: Config, section: str) -> str:
    """'cyclic-sigh, 1 min', '4-7-8, 4 breaths': the session a section of the settings makes."""
    from breath_tui.core.settings import DEFAULT_MINUTES

    settings = getattr(config, section)
    cycles = getattr(settings, "cycles", None)
    if cycles is None and settings.minutes is None:
        cycles = config.pattern(settings.pattern).default_cycles
    if cycles:
        return f"{settings.pattern}, {cycles} breaths"
    return f"{settings.pattern}, {settings.minutes or DEFAULT_MINUTES[section]:g} min"


def _checkin_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.checkin import CheckInScreen

    return CheckInScreen


def _checkin(kind: Literal["checkin", "scan"]) -> Build:
    def build(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
        from breath_tui.screens.checkin import CheckInScreen
        from breath_tui.session_setup import session_for

        config = app.config
        # A scan has no breathing step, but an unfinished check-in it offers to finish may.
        setup = options.setup or session_for(config, "checkin", sound=options.sound)
        return CheckInScreen(kind, setup, config.body.regions, resume=options.resume)

    return build


def _breathing_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.breathe import BreathingScreen

    return BreathingScreen


def _breathe(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.breathe import BreathingScreen
    from breath_tui.session_setup import session_for

    setup = options.setup or session_for(
        app.config, "breathing", pattern=options.pattern, sound=options.sound
    )
    return BreathingScreen(setup, app.clock, app.reduced_motion, trace=app.trace)


def _quick_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.quick import QuickCalmScreen

    return QuickCalmScreen


def _quick(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.quick import QuickCalmScreen
    from breath_tui.session_setup import session_for

    setup = session_for(app.config, "quick", sound=options.sound)
    return QuickCalmScreen(setup, app.clock, app.reduced_motion, notice=options.notice)


def _feedback_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.feedback import FeedbackScreen

    return FeedbackScreen


def _feedback(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.feedback import FeedbackScreen

    return FeedbackScreen(resume=options.resume)


def _history_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.history import HistoryScreen

    return HistoryScreen


def _history(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.history import HistoryScreen

    return HistoryScreen(since=options.since, limit=options.limit)


def _ground(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.checkin import CheckInScreen

    # Someone turning to grounding is not asked about an old unfinished check-in first.
    return CheckInScreen("ground", None, (), offer_resume=False)


def _plan_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.plan import PlanScreen

    return PlanScreen


def _plan(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.core.locations import plan_path
    from breath_tui.screens.plan import PlanScreen

    return PlanScreen(plan_path(), app.config.safety.crisis_text)


def _settings_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.settings import SettingsScreen

    return SettingsScreen


def _settings(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.settings import SettingsScreen

    return SettingsScreen(app.config)


FLOWS: tuple[Flow, ...] = (
    Flow(
        "checkin",
        "c",
        "Start-of-session check-in",
        _checkin("checkin"),
        _checkin_screen,
        journal="write",
        command=Command(
            "start-of-session check-in: tension, breathing, body, feelings, note, tension",
            "The start-of-session check-in: how tense you feel, a few slow breaths ([checkin] "
            "pattern and minutes in config.toml), a body scan, feelings, a note for your "
            "therapist, how tense you feel now, and a summary card to copy. Every step can be "
            "skipped (s); Esc goes back; q leaves and asks whether to keep what you entered.",
            sound=True,
        ),
    ),
    Flow(
        "now",
        "n",
        "Quick calm",
        _quick,
        _quick_screen,
        journal="write",
        command=Command(
            "quick calm: breathing guidance at once, then an optional 'how tense now'",
            "Quick calm: the [quick] pattern (default cyclic-sigh for 1 minute) starts at once; "
            "afterwards one key rates how tense you feel (0-9, t for 10) or Enter skips. It is "
            "kept in your journal as a quick entry. Bind it to a key: tmux display-popup -E "
            "breath-tui now",
            sound=True,
            never_fails=True,
        ),
        detail=lambda config: _length(config, "quick"),
    ),
    Flow(
        "breathe",
        "b",
        "Breathing session",
        _breathe,
        _breathing_screen,
        detail=lambda config: _length(config, "breathing"),
    ),
    Flow(
        "scan",
        "s",
        "Body scan and feelings",
        _checkin("scan"),
        _checkin_screen,
        journal="write",
        command=Command(
            "body scan, feelings and a note, saved in the journal",
            "Notice your body region by region ([body] regions in config.toml), name your "
            "feelings, and write a note for your therapist. Every step can be skipped (s); Esc "
            "goes back; q leaves and asks whether to keep what you entered.",
        ),
    ),
    # `breath-tui ground` and `plan` have modules in commands/ (--plain, --path).
    Flow("ground", "g", "Grounding: 5-4-3-2-1 senses", _ground, _checkin_screen, journal="write"),
    Flow(
        "feedback",
        "f",
        "Feedback for your therapist",
        _feedback,
        _feedback_screen,
        journal="write",
        command=Command(
            "feedback for your therapist about a session: heard, pace, what helped, wishes",
            "Tell your therapist how a session was for you: which session (today, or a day of "
            "the last two weeks), how heard and understood you felt (0-10), the pace, what "
            "helped, what you would like, and what you did not say. Each answer is kept in "
            "your journal the moment you give it; the card at the end puts them in sentences "
            "to bring or send (c copies it). Nothing is sent anywhere. Every step can be "
            "skipped (s); Esc goes back; q leaves and asks whether to keep what you entered.",
        ),
    ),
    Flow("history", "h", "History, trends and summary", _history, _history_screen, "read"),
    Flow("plan", "p", "Your safety plan", _plan, _plan_screen),
    Flow("settings", "o", "Settings", _settings, _settings_screen),
)


def _resonance_screen() -> type[Screen[Outcome]]:
    from breath_tui.screens.resonance import ResonanceScreen

    return ResonanceScreen


def _resonance(app: BreathApp, options: FlowOptions) -> BreathScreen[Outcome]:
    from breath_tui.screens.resonance import ResonanceScreen

    assert options.assessment is not None, "resonance needs a protocol and a sensor"
    protocol, source = options.assessment
    sound = app.config.sound if options.sound and app.config.sound.enabled else None
    keep = app.config.heart.keep_intervals
    return ResonanceScreen(protocol, source, app.clock, app.reduced_motion, sound, keep)


# Flows only a command opens (not on home or in the palette): the live resonance assessment
# needs a sensor, which `breath-tui resonance --sensor` names (commands/resonance.py).
COMMAND_ONLY: tuple[Flow, ...] = (
    Flow("resonance", "", "Resonance assessment", _resonance, _resonance_screen, journal="write"),
)

BY_NAME = {flow.name: flow for flow in (*FLOWS, *COMMAND_ONLY)}


def flow_named(name: str) -> Flow:
    """The flow called `name` (KeyError for none)."""
    return BY_NAME[name]
