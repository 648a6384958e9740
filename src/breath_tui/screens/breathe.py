"""The breathing screen: guide, phase word, countdown, progress, safety copy; keys to pace it.

Timing rule (docs/architecture.md): every tick asks the pacer for the state at the clock's now;
nothing is chained phase after phase. The next tick is set for the next moment the screen would
look different (a guide level, a countdown second, a phase edge, an early cue), so an idle breath
costs almost nothing. The session ends with an Outcome holding what was breathed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Static

from breath_tui.audio import CuePlayer
from breath_tui.core.breath_words import format_clock, rate_line, session_line, tempo_text
from breath_tui.core.clock import Clock
from breath_tui.core.limits import fastest_tempo
from breath_tui.core.locations import journal_path
from breath_tui.core.motion import direction, next_step_at, shown_fill
from breath_tui.core.pacer import MIN_TEMPO, TEMPO_STEP, PacerState, clamp_tempo
from breath_tui.core.patterns import rate_text
from breath_tui.core.safety import PANIC_NOTE, STOP_ANY_TIME, safety_lines
from breath_tui.screens import MIN_HEIGHT, MIN_WIDTH
from breath_tui.screens.base import BreathScreen, Outcome
from breath_tui.session_setup import SessionSetup
from breath_tui.widgets.guide import BreathGuide
from breath_tui.widgets.line import Line
from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from breath_tui.core.checkin import Breathing, Heart
    from breath_tui.screens.heart_feed import HeartFeed

# One plain line instead of Textual's Footer: cheaper to start, and read as one sentence by screen
# readers. How to stop comes first: in a narrow window the end of the line is cut off.
KEY_HELP = "esc stop · space pause · + faster · - slower · m mute"
# The guide moves at most this often; phase edges, countdown seconds and cues are exact.
GUIDE_FRAME = 1 / 30


PhaseTrace = list[tuple[int, int, float]]
"""When each phase change reached the screen (benchmarks): (cycle, phase index, clock time)."""


class BreathingScreen(BreathScreen[Outcome]):
    """One breathing session; it finishes with an Outcome: how it ended, and what was breathed.

    Args:
        setup: the session (pattern, breaths, tempo, cues).
        clock: where time comes from (a ManualClock in tests).
        reduced_motion: a still guide.
        trace: records when each phase reached the screen (benchmarks).
        show_summary: show a card of the session before finishing (not inside a check-in, whose
            own card follows).
        step: where the session stands in a flow ("Check-in · step 2 of 6"), said in its title.
    """

    # In a window below 40x12 it says so itself and breathing goes on (see _check_size), so
    # the app does not cover it.
    COVERED_WHEN_TOO_SMALL = False
    SAYS_WHEN_TOO_SMALL: ClassVar[bool] = True
    """Below 40x12 the session gives way to a 'make the window larger' line; a screen that fits
    itself to any window (quick calm, screens/quick.py) sets this False."""
    # Below 20 rows the panic note gives way to the guide and the safety copy.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    CSS_PATH = ["breathe.tcss"]

    key_help: ClassVar[str] = KEY_HELP
    """The key line (quick calm adds its own key)."""

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("plus,equals_sign", "faster", "Faster"),
        Binding("minus,underscore", "slower", "Slower"),
        Binding("m", "toggle_mute", "Mute"),
        Binding("escape,q", "stop", "Stop"),
    ]

    def __init__(
        self,
        setup: SessionSetup,
        clock: Clock,
        reduced_motion: bool,
        trace: PhaseTrace | None = None,
        show_summary: bool = True,
        step: str = "",
    ) -> None:
        super().__init__()
        self.show_summary = show_summary
        self.step = step
        self.first_notice: str | None = setup.notice
        """A line to show from the start (quick calm on a broken config.toml, a tempo slowed
        to keep the session slow)."""
        self.setup = setup
        self.clock = clock
        self.reduced_motion = reduced_motion
        self.trace = trace
        # Provisional until the first frame is on screen; then the session really starts.
        self.pacer = setup.make_pacer(clock.now())
        self._started = False
        self._timer: Timer | None = None
        self._shown_key: tuple[int, int, bool] | None = None
        self._cued: set[tuple[int, int, bool]] = set()
        self._finished = False
        self._guide_widget: BreathGuide | None = None
        self.heart_feed: HeartFeed | None = None
        if setup.sensor is not None:
            from breath_tui.screens.heart_feed import HeartFeed

            self.heart_feed = HeartFeed(setup.sensor, keep_intervals=setup.keep_intervals)

    def compose(self) -> ComposeResult:
        """Title, guide, word, countdown, progress, safety copy, key help."""
        pattern = self.setup.pattern
        # The lines are made with their first text, so the first frame needs no updates.
        texts = self._texts_for(self.pacer.state_at(self.clock.now()))
        with Vertical(id="session"):
            yield Line(texts["title"], id="title")
            with Center(id="guide-box"):
                yield BreathGuide(reduced_motion=self.reduced_motion, id="guide")
            if self.heart_feed is not None:
                yield self.heart_feed.line
            yield Line(texts["word"], id="word")
            yield Line(texts["countdown"], id="countdown")
            # A question a flow asks while breathing goes on (quick calm's tension before).
            yield Line("", id="prompt", collapse_empty=True)
            yield Line(texts["progress"], id="progress")
            yield Static(
                literal("\n".join([*safety_lines(pattern), STOP_ANY_TIME]), keep_lines=True),
                id="safety",
            )
            if not journal_path().exists():
                # A fresh install (nothing kept yet): once, where it helps and not where it
                # frightens, what to agree with a therapist treating panic.
                yield Static(PANIC_NOTE, id="panic-note", markup=False)
            # Takes a row only when it has something to say.
            yield Line("", id="notice", collapse_empty=True)
        # The "too small" message is mounted only if the window ever is: one widget fewer to
        # build before the first frame.
        yield Static(self.key_help, id="keys", markup=False)

    def on_mount(self) -> None:
        """Show the first phase at once and start ticking."""
        self._render_state(self.pacer.state_at(self.clock.now()))
        self.call_after_refresh(self._begin)

    def breathed(self) -> Breathing | None:
        """What was breathed so far (for the journal), or None before the first moment."""
        from breath_tui.core.checkin import Breathing  # the journal's model: not needed to paint

        state = self.pacer.state_at(self.clock.now())
        if state.elapsed <= 0:
            return None
        return Breathing.of(
            self.setup.pattern,
            tempo=self.pacer.tempo,
            cycles=state.cycles_done,
            seconds=round(state.elapsed, 1),
        )

    @property
    def cues(self) -> CuePlayer:
        """The cue player (opened on first use, after the first frame)."""
        return self.setup.player()

    @property
    def started(self) -> bool:
        """Whether the first frame is on screen and the session clock has started."""
        return self._started

    @property
    def _guide(self) -> BreathGuide:
        """The guide widget, looked up once (the tick asks for it many times a second)."""
        if self._guide_widget is None:
            self._guide_widget = self.query_one(BreathGuide)
        return self._guide_widget

    def _begin(self) -> None:
        """The guide is on screen: the session's clock starts now, with the first cue."""
        if not self._started:
            self._started = True
            if self.cues.notice or self.first_notice:
                self._set_text("notice", self.first_notice or self.cues.notice or "")
            self.pacer = self.setup.make_pacer(self.clock.now())
            if self.heart_feed is not None:
                self.heart_feed.start(
                    self,
                    self.clock,
                    self.breath_at,
                    lambda text: self._set_text("notice", text),
                )
            self._tick()

    def breath_at(self, t: float) -> int:
        """Which breath clock time `t` falls in: the heart's swing is scored per breath."""
        return self.pacer.state_at(t).cycle

    def on_unmount(self) -> None:
        """Stop the timer and any cue."""
        self._cancel_timer()

    @on(Resize)
    def _check_size(self, event: Resize) -> None:
        too_small = self.SAYS_WHEN_TOO_SMALL and (
            event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        )
        if too_small and not self.query("#too-small"):
            self.mount(
                Static(
                    f"Make the window at least {MIN_WIDTH}x{MIN_HEIGHT} to see the guide.\n"
                    "Breathing goes on; Esc stops.",
                    id="too-small",
                    markup=False,
                )
            )
        self.set_class(too_small, "too-small")

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _wake_at(self, when: float, now: float, callback: Callable[[], None]) -> None:
        """Run callback at clock time `when` (a one-shot Textual timer)."""
        delay = self.clock.real_seconds(max(0.0, when - now))
        self._timer = self.set_timer(delay, callback)

    def _set_text(self, widget_id: str, text: str) -> None:
        """Show `text` on a line; a line repaints only when its text changes (Line.text)."""
        self.query_one(f"#{widget_id}", Line).text = text

    def _line(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Line).text

    def _tick(self) -> None:
        """Render the state at now, fire a cue on a phase edge, and set the next tick."""
        self._timer = None
        now = self.clock.now()
        state = self.pacer.state_at(now)
        self._render_state(state)
        if state.key != self._shown_key:
            self._shown_key = state.key
            if self.trace is not None:
                self.call_after_refresh(self._record_render, state.key)
            if state.done:
                self._finish(state)
                return
            if state.key not in self._cued:
                self._cued.add(state.key)
                self.cues.play(state.phase.kind)
            if self.cues.notice and self.cues.notice not in self._line("notice"):
                # Sound trouble can appear mid-session (a device lost): say it once, quietly,
                # after the line the session began with (a tempo slowed), never instead of it.
                said = (self.first_notice, self.cues.notice)
                self._set_text("notice", " ".join(part for part in said if part))
        self._schedule(state, now)

    def _record_render(self, key: tuple[int, int, bool]) -> None:
        assert self.trace is not None
        self.trace.append((key[0], key[1], self.clock.now()))

    def _schedule(self, state: PacerState, now: float) -> None:
        if state.paused or state.done:
            return
        guide = self._guide
        edge = self.pacer.next_edge(now)
        # The time left in the session changes with the countdown (see _texts_for), and the
        # guide's steps fall on the countdown's seconds too (core.motion): one repaint each.
        moments = [edge, now + _until_whole_second_changes(state.seconds_left)]
        if not self.reduced_motion:
            moments.append(
                max(next_step_at(self.pacer, state, guide.levels, now), now + GUIDE_FRAME)
            )
        early = self.pacer.early_cue(now, self.cues.latency)
        if early is not None:
            moments.append(early[0])
        when = min(moments)
        if early is not None and early[0] <= when + 1e-9 and early[1].key not in self._cued:
            upcoming = early[1]
            self._wake_at(when, now, lambda: self._cue_then_tick(upcoming))
            return
        self._wake_at(when, now, self._tick)

    def _cue_then_tick(self, upcoming: PacerState) -> None:
        """Play the next phase's cue early by the player's latency, so sound meets the picture."""
        self._cued.add(upcoming.key)
        self.cues.play(upcoming.phase.kind)
        self._tick()

    def _render_state(self, state: PacerState) -> None:
        pattern = self.setup.pattern
        heading = 0 if state.done else direction(pattern, state.phase_index)
        guide = self._guide
        guide.set_fill(
            shown_fill(pattern, state, guide.levels),
            heading,
            holding=state.phase.kind == "hold" and not state.done,
        )
        for widget_id, text in self._texts_for(state).items():
            self._set_text(widget_id, text)
        if self.heart_feed is not None:
            # Beats that came since the last tick are drawn in this repaint, not one of their own.
            self.heart_feed.line.flush()

    def _texts_for(self, state: PacerState) -> dict[str, str]:
        """What the title, word, countdown and progress lines say at this state."""
        pattern = self.setup.pattern
        title = f"{rate_line(pattern, state.tempo)} · {pattern.timing} s"
        if self.step:
            title = f"{self.step} · {title}"
        if state.tempo != 1.0:
            title += " · slower" if state.tempo < 1.0 else " · faster"
        texts = {"title": title}
        if state.done:
            texts.update(word="Done", countdown="")
        elif state.paused:
            texts.update(word="Paused", countdown="Space resumes")
        else:
            mark = (
                {"in": "↑", "hold": "·", "out": "↓"}[state.phase.kind]
                if self.reduced_motion
                else ""
            )
            texts["word"] = f"{mark} {state.phase.word} {mark}".strip()
            texts["countdown"] = str(math.ceil(state.seconds_left - 1e-9))
        breath = min(state.cycle + 1, state.cycles_total)
        texts["progress"] = (
            f"breath {breath} of {state.cycles_total} · {format_clock(_shown_left(state))} left"
        )
        return texts

    def _finish(self, state: PacerState) -> None:
        if self._finished:
            return
        self._finished = True
        self._cancel_timer()
        if self.heart_feed is not None:
            # On the app: the screen (and its workers) may be gone before a strap disconnects.
            # Textual types an async method given to run_worker as returning Never.
            self.app.run_worker(
                self.heart_feed.stop,  # type: ignore[arg-type]
                group="heart",
                exit_on_error=False,
            )
        if state.done:
            self.cues.play("end")
        else:
            self.cues.stop()
        # Let the final frame reach the screen before what follows.
        self.call_after_refresh(self.session_ended, session_line(state, self.setup.pattern))

    def session_ended(self, line: str) -> None:
        """The session is over (done, or stopped): show its card, then finish with it."""
        heart = self.heart_figures()
        outcome = Outcome(line, self.breathed(), heart=heart)
        if not self.show_summary:
            self.finish(outcome)
            return
        if heart is not None and outcome.breathing is not None:
            from breath_tui.screens.heart_entry import keep_breathe_entry

            keep_breathe_entry(self, outcome, self._show_card)
            return
        self._show_card(outcome)

    def heart_figures(self) -> Heart | None:
        """The heart figures of the session, with a sensor (its last breath, if done, scored)."""
        if self.heart_feed is None:
            return None
        now = self.clock.now()
        return self.heart_feed.figures(now if self.pacer.state_at(now).done else None)

    def _show_card(self, outcome: Outcome) -> None:
        from breath_tui.screens.dialogs import SessionEndScreen

        self.app.push_screen(SessionEndScreen(outcome.line), lambda _: self.finish(outcome))

    def sync(self) -> None:
        """Render the state at the clock's now and set the next tick (after keys, or a test's clock move)."""
        if not self._started:
            self._begin()
            return
        self._cancel_timer()
        self._tick()

    def action_toggle_pause(self) -> None:
        """Pause or resume; pausing stops the cue that is playing."""
        self._begin()
        self.pacer.toggle_pause(self.clock.now())
        if self.pacer.paused:
            self.cues.stop()
        self.sync()

    def _change_tempo(self, step: float) -> None:
        self._begin()
        fastest = fastest_tempo(self.setup.pattern)
        tempo = min(clamp_tempo(self.pacer.tempo + step), max(fastest, self.pacer.tempo))
        self.pacer.set_tempo(tempo, self.clock.now())
        # A line of its own, not a pop-up: nothing may cover the word, countdown or safety copy.
        if step > 0 and tempo >= fastest:
            rate = rate_text(self.setup.pattern.breaths_per_minute * tempo)
            self._set_text(
                "notice",
                f"Tempo {tempo_text(tempo)}x ({rate} a minute) is the fastest: "
                "breath-tui guides slow breathing, 10 a minute at most.",
            )
        elif step < 0 and tempo == MIN_TEMPO:
            self._set_text("notice", f"Tempo {tempo:.1f}x is the slowest.")
        elif self._line("notice").startswith("Tempo "):
            self._set_text("notice", self.cues.notice or "")

        self.sync()

    def action_faster(self) -> None:
        """10% faster, up to 2x and never past 10 breaths a minute."""
        self._change_tempo(TEMPO_STEP)

    def action_slower(self) -> None:
        """10% slower (down to 0.5x)."""
        self._change_tempo(-TEMPO_STEP)

    def action_toggle_mute(self) -> None:
        """Mute or unmute the cues, at once."""
        self.cues.set_muted(not self.cues.muted)
        self._set_text(
            "notice",
            f"{self.cues.notice} (m has nothing to mute)"
            if self.cues.notice
            else ("Cues muted: m unmutes" if self.cues.muted else "Cues on"),
        )

    def action_stop(self) -> None:
        """Stop now; the summary says how far the session got."""
        self._begin()
        self._finish(self.pacer.state_at(self.clock.now()))


def _shown_left(state: PacerState) -> int:
    """Whole seconds left in the session as shown: the phase's countdown plus the phases after
    it, so the line changes when the countdown does (one repaint a second, not two)."""
    shown = math.ceil(state.seconds_left - 1e-9) if state.seconds_left > 0 else 0
    return shown + round(state.remaining - state.seconds_left)


def _until_whole_second_changes(seconds: float) -> float:
    """Time until ceil(seconds) drops by one (how long a shown countdown number stays)."""
    if seconds <= 0:
        return math.inf
    shown = math.ceil(seconds - 1e-9)
    return max(1e-3, seconds - (shown - 1))
