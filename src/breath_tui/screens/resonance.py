"""The live resonance assessment: Lehrer's stepped protocol with the guide leading and the heart
drawn beside it, then the result (a table, a bar per rate, the rate chosen), kept in the journal
(kind "resonance") and offered as the person's own pattern for the check-in's breathing.

It is the breathing screen (screens/breathe.py) with the protocol's rates in turn: at each
rate's start the pacer is replaced by one breathing in:out 4:6 at that rate, and the screen wakes
at every rate's end and at every second of the time left. The sensor's beats go to a
LiveAssessment (core/heart/live.py), whose beats are analysed at the end (heart/analysis.py, in
a worker: numpy and scipy are imported ahead, as the assessment starts).

Esc leaves early: with two rates or more done, those rates are analysed and kept (the
assessment of the rates breathed); with fewer, nothing is kept. Not a medical device: figures
are shown, never judged.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from breath_tui.audio import SilentPlayer
from breath_tui.core.breath_words import format_clock
from breath_tui.core.clock import Clock
from breath_tui.core.heart.live import LiveAssessment
from breath_tui.core.heart.protocol import Segment, SteppedProtocol, format_rate
from breath_tui.core.pacer import Pacer, PacerState
from breath_tui.core.patterns import Pattern, Phase
from breath_tui.core.safety import STOP_ANY_TIME, safety_lines
from breath_tui.screens.base import BreathModal, Outcome
from breath_tui.screens.breathe import BreathingScreen
from breath_tui.session_setup import SessionSetup
from breath_tui.widgets.guide import BreathGuide
from breath_tui.widgets.line import Line
from breath_tui.widgets.literal import literal

if TYPE_CHECKING:
    from breath_tui.core.checkin import CheckIn
    from breath_tui.core.heart.assessment import ResonanceResult
    from breath_tui.core.heart.events import SensorEvent
    from breath_tui.core.settings import SoundSettings
    from breath_tui.heart.source import SensorSource

MY_RESONANCE = "my-resonance"
"""The name of the person's own pattern made from the result (in:out 4:6 at their rate)."""
FEWEST_RATES_KEPT = 2


def segment_pattern(segment: Segment) -> Pattern:
    """The pattern breathed during one rate: in for 4 parts, out for 6."""
    return Pattern(
        name=f"{format_rate(segment.rate)} a minute",
        phases=(Phase("in", segment.inhale_s), Phase("out", segment.exhale_s)),
        source="Lehrer & Gevirtz 2014: the stepped protocol",
    )


def _cycles(segment: Segment) -> int:
    # One breath more than fits, so the pacer never ends inside its rate; the rate's end does.
    return math.ceil((segment.end_s - segment.start_s) / segment.breath_s) + 1


class ResonanceScreen(BreathingScreen):
    """The assessment (see the module docstring); it finishes with an Outcome saying the rate.

    Args:
        protocol: the rates and minutes each.
        source: the heart-rate sensor.
        clock: the session's clock (a ManualClock in tests, which also drives the sensor).
        reduced_motion: a still guide.
        sound: cue settings, or None for silence.
        keep_intervals: keep the raw intervals on the journal entry.
    """

    CSS_PATH = ["breathe.tcss", "resonance.tcss"]
    key_help = "esc leave early · m mute"

    BINDINGS = [Binding("escape,q", "stop", "Leave early")]

    def __init__(
        self,
        protocol: SteppedProtocol,
        source: SensorSource,
        clock: Clock,
        reduced_motion: bool,
        sound: SoundSettings | None = None,
        keep_intervals: bool = False,
    ) -> None:
        first = protocol.segments[0]
        setup = SessionSetup(
            segment_pattern(first),
            _cycles(first),
            1.0,
            cues=None if sound is not None else SilentPlayer(),
            sound=sound,
            sensor=source,
            keep_intervals=keep_intervals,
        )
        super().__init__(setup, clock, reduced_motion, show_summary=False)
        self.protocol = protocol
        self.live: LiveAssessment | None = None
        self.segment_index = 0
        self.ending = False
        self.result: ResonanceResult | None = None
        self._label = source.label
        self._rates_shown = self.rates_text()

    def compose(self) -> ComposeResult:
        """Title; the guide, word and countdown beside the heart line and the rates; time left."""
        assert self.heart_feed is not None
        texts = self._texts_for(self.pacer.state_at(self.clock.now()))
        with Vertical(id="session"):
            yield Line(texts["title"], id="title")
            with Horizontal(id="assessment"):
                with Vertical(id="assessment-guide"):
                    with Center(id="guide-box"):
                        yield BreathGuide(reduced_motion=self.reduced_motion, id="guide")
                    yield Line(texts["word"], id="word")
                    yield Line(texts["countdown"], id="countdown")
                with Vertical(id="assessment-heart"):
                    yield self.heart_feed.line
                    yield Static(literal(self._rates_shown, keep_lines=True), id="rates")
            yield Line(texts["progress"], id="progress")
            yield Static(
                literal(" ".join([*safety_lines(self.setup.pattern), STOP_ANY_TIME])),
                id="safety",
            )
            yield Line("", id="notice", collapse_empty=True)
        yield Static(self.key_help, id="keys", markup=False)

    def _begin(self) -> None:
        if not self.started:
            self.live = LiveAssessment(self.protocol, self._label, self.clock.now())
            assert self.heart_feed is not None
            self.heart_feed.on_event = self._heard
            self.run_worker(_preload, thread=True, group="analysis", exit_on_error=False)
        super()._begin()

    def breath_at(self, t: float) -> int:
        """The protocol's breath at `t`, counted across rates: each rate has a pacer of its own,
        and a beat must not wait for the screen to switch pacers to know its breath."""
        assert self.live is not None
        return self.live.breath_index(t)

    def _heard(self, event: SensorEvent) -> None:
        if self.live is not None and not self.ending:
            self.live.feed(event)
            self._show_rates()

    def _tick(self) -> None:
        if self.ending:
            return
        now = self.clock.now()
        if self.live is not None:
            if self.live.finished(now):
                self._timer = None
                self._end(complete=True)
                return
            self.live.tick(now)
            length = self.protocol.minutes_each * 60.0
            index = min(int((now - self.live.start) // length), len(self.protocol.rates) - 1)
            if index != self.segment_index:
                self._enter(index)
            self._show_rates()
        super()._tick()

    def _enter(self, index: int) -> None:
        """The next rate: a pacer breathing it from the rate's start."""
        assert self.live is not None
        segment = self.protocol.segments[index]
        self.segment_index = index
        self.setup.pattern = segment_pattern(segment)
        self.pacer = Pacer(
            self.setup.pattern, _cycles(segment), 1.0, start=self.live.start + segment.start_s
        )
        self._cued.clear()
        self._shown_key = None

    def _wake_at(self, when: float, now: float, callback: Callable[[], None]) -> None:
        """Also wake at the next whole second of the rate's time left (and so at its end)."""
        if self.live is not None:
            elapsed = now - self.live.start
            second = self.live.start + math.floor(elapsed + 1e-9) + 1
            if second < when:
                when, callback = second, self._tick
        super()._wake_at(when, now, callback)

    def _texts_for(self, state: PacerState) -> dict[str, str]:
        texts = super()._texts_for(state)
        segment = self.protocol.segments[self.segment_index]
        count = len(self.protocol.rates)
        texts["title"] = (
            f"Resonance assessment · {format_rate(segment.rate)} breaths a minute · "
            f"rate {self.segment_index + 1} of {count} · in:out 4:6"
        )
        elapsed = 0.0 if self.live is None else max(0.0, self.clock.now() - self.live.start)
        here = max(0.0, segment.end_s - elapsed)
        total = max(0.0, self.protocol.duration_s - elapsed)
        texts["progress"] = (
            f"{format_clock(math.ceil(here - 1e-9))} left at this rate · "
            f"{format_clock(math.ceil(total - 1e-9))} in all"
        )
        return texts

    def _show_rates(self) -> None:
        text = self.rates_text()
        if text != self._rates_shown:  # repaint only when a figure changed
            self._rates_shown = text
            self.query_one("#rates", Static).update(literal(text, keep_lines=True))

    def rates_text(self) -> str:
        """A line per rate: the mean swing so far (the rate being breathed marked)."""
        lines = ["rate/min  swing so far"]
        for index, rate in enumerate(self.protocol.rates):
            swing = self.live.mean_swing(rate) if self.live is not None else None
            shown = f"{swing:.1f} bpm" if swing is not None else "--"
            mark = ">" if index == self.segment_index and not self.ending else " "
            lines.append(f"{mark}{format_rate(rate):>6}    {shown}")
        return "\n".join(lines)

    def action_toggle_pause(self) -> None:
        """The protocol keeps its time: no pause (esc leaves)."""

    def action_stop(self) -> None:
        """Esc: leave early, keeping the rates done if there are two or more."""
        if not self.started:
            self.finish(Outcome("Nothing kept: the assessment had not begun."))
            return
        self._end(complete=False)

    def _end(self, *, complete: bool) -> None:
        """The protocol is over (or left): stop, analyse in a worker, keep, show the result."""
        if self.ending or self.live is None:
            return
        self.ending = True
        self._finished = True
        self._cancel_timer()
        if self.heart_feed is not None:
            # Textual types an async method given to run_worker as returning Never.
            self.app.run_worker(
                self.heart_feed.stop,  # type: ignore[arg-type]
                group="heart",
                exit_on_error=False,
            )
        if complete:
            self.cues.play("end")
        else:
            self.cues.stop()
        protocol = self.protocol
        if not complete:
            done = int((self.clock.now() - self.live.start) // (protocol.minutes_each * 60.0))
            if done < FEWEST_RATES_KEPT:
                self.finish(
                    Outcome("Nothing kept: the assessment was left before two rates were done.")
                )
                return
            protocol = SteppedProtocol(protocol.rates[:done], protocol.minutes_each)
        self._set_text("word", "Working out the result...")
        self._set_text("countdown", "")
        times, intervals = self.live.beats()
        label = self._label

        def analyse() -> ResonanceResult | str:
            from breath_tui.core.errors import BadInput
            from breath_tui.heart import HeartExtraMissing
            from breath_tui.heart import preload_analysis as load

            try:
                load()
                from breath_tui.heart.analysis import analyse_beats

                return analyse_beats(times, intervals, protocol, label)
            except (BadInput, HeartExtraMissing) as problem:
                return str(problem)
            except Exception as error:  # never leave the person at "Working out the result"
                return f"the analysis failed ({error or type(error).__name__})"

        self.run_worker(
            lambda: self._analysed(analyse()), thread=True, group="analysis", exit_on_error=False
        )

    def _analysed(self, result: ResonanceResult | str) -> None:
        self.app.call_from_thread(self._keep, result)

    def _keep(self, result: ResonanceResult | str) -> None:
        if isinstance(result, str):
            self.finish(Outcome(f"Nothing kept: {result}"))
            return
        self.result = result
        entry = self._entry(result)
        from breath_tui.core.heart.assessment import resonance_line

        line = resonance_line(result.chosen_rate)
        self.journal_work(
            lambda journal: journal.add(entry),
            lambda _added: self._show(result, line, "Kept in your journal."),
            lambda error: self._show(result, line, f"Not saved: {error}"),
        )

    def _entry(self, result: ResonanceResult) -> CheckIn:
        from datetime import timedelta

        from breath_tui.core.checkin import CheckIn, RateFigure, Resonance
        from breath_tui.core.when import local_now

        assert self.live is not None and self.heart_feed is not None
        ended = local_now()
        started = ended - timedelta(seconds=max(0.0, self.clock.now() - self.live.start))
        resonance = Resonance(
            result.chosen_rate,
            tuple(
                RateFigure(
                    rate.rate,
                    round(rate.swing_bpm, 1),
                    round(rate.lf_power_ms2, 1),
                    round(rate.rmssd_ms, 1),
                    rate.breaths,
                )
                for rate in result.rates
            ),
        )
        return (
            CheckIn.new("resonance", now=lambda: started)
            .updated(resonance=resonance, heart=self.heart_feed.figures())
            .finished(ended)
        )

    def _show(self, result: ResonanceResult, line: str, kept: str) -> None:
        self.app.push_screen(
            ResonanceResultScreen(result, kept), lambda _: self.finish(Outcome(f"{line}. {kept}"))
        )


def _preload() -> None:
    """numpy and scipy (about a second) while the first rate is breathed."""
    from breath_tui.heart import HeartExtraMissing, preload_analysis

    # The command line checked; if the extra is gone since, the end says so.
    with contextlib.suppress(HeartExtraMissing):
        preload_analysis()


class ResonanceResultScreen(BreathModal[None]):
    """The result: the table, a bar per rate, the resonance line; u makes it the check-in's
    breathing ("my-resonance", in:out 4:6 at that rate); enter or esc closes."""

    BINDINGS = [
        Binding("u", "use", "Use for the check-in"),
        Binding("escape,enter,q", "close", "Close"),
    ]

    def __init__(self, result: ResonanceResult, line: str) -> None:
        super().__init__()
        self.result = result
        self.line = line

    def compose(self) -> ComposeResult:
        """The report, what was kept, and the keys."""
        from breath_tui.core.heart.assessment import report_lines

        with VerticalScroll(id="resonance-result"):
            yield Static(
                literal("\n".join(report_lines(self.result)), keep_lines=True), id="report"
            )
        with Vertical(id="result-foot"):
            yield Line(self.line, id="kept")
            yield Line("", id="used", collapse_empty=True)
            yield Static(
                "u make it my-resonance, the check-in's breathing · enter close",
                id="result-keys",
                markup=False,
            )

    def action_use(self) -> None:
        """Save "my-resonance" (in:out 4:6 at the chosen rate) and make it the check-in's."""
        breath_in, breath_out = self.result.pattern_seconds()
        rate = format_rate(self.result.chosen_rate)
        changes: dict[str, dict[str, Any]] = {
            "patterns": {
                MY_RESONANCE: {
                    "spec": f"{breath_in:g}-0-{breath_out:g}",
                    "description": f"my resonance: {rate} breaths a minute, in:out 4:6",
                    "source": "your resonance assessment",
                }
            },
            "checkin": {"pattern": MY_RESONANCE},
        }

        def save() -> str:
            from breath_tui.core.locations import config_path
            from breath_tui.core.settings import ConfigError
            from breath_tui.settings_store import save_settings

            try:
                config = save_settings(config_path(), changes)
            except (ConfigError, OSError) as error:
                return f"Not saved: {error}"
            self.app.call_from_thread(self.breath_app.apply_settings, config)
            return (
                f"Saved: the check-in now breathes my-resonance ({breath_in:g} s in, "
                f"{breath_out:g} s out, {rate} a minute)."
            )

        def said(text: str) -> None:
            self.app.call_from_thread(self._say, text)

        self.run_worker(lambda: said(save()), thread=True, exit_on_error=False)

    def _say(self, text: str) -> None:
        self.query_one("#used", Line).text = text

    def action_close(self) -> None:
        """Back: the assessment ends."""
        self.dismiss(None)
