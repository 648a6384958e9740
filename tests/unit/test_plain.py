"""Plain mode: one line per phase, on schedule, with cues; driven by a manual clock."""

import io

from breath_tui.audio import SilentPlayer
from breath_tui.core.clock import ManualClock
from breath_tui.core.pacer import Pacer
from breath_tui.core.patterns import PRESETS, parse_spec
from breath_tui.plain import run_plain


def run(pattern, cycles, latency=0.0, interrupt_at=None):
    clock = ManualClock(50.0)
    out = io.StringIO()
    cues = SilentPlayer()
    cues.latency = latency
    cue_times = []
    original_play = cues.play

    def play(cue):
        cue_times.append((cue, clock.now()))
        original_play(cue)

    cues.play = play
    lines = []

    def sleep(seconds):
        if interrupt_at is not None and clock.now() + seconds >= interrupt_at:
            clock.time = interrupt_at
            raise KeyboardInterrupt
        clock.advance(seconds)

    pacer = Pacer(pattern, cycles, start=clock.now())
    text = run_plain(
        pattern, pacer, clock, out, cues, sleep, on_line=lambda line, t: lines.append((line, t))
    )
    return out.getvalue().splitlines(), lines, cue_times, text


def test_one_line_per_phase_at_its_scheduled_time():
    """Each phase line is written exactly when its phase begins."""
    _, lines, _, _ = run(PRESETS["box"], 2)
    assert [t - 50.0 for _, t in lines] == [0, 4, 8, 12, 16, 20, 24, 28]
    assert [line.split(",")[0] for line, _ in lines] == [
        "Breathe in",
        "Hold",
        "Breathe out",
        "Hold",
    ] * 2


def test_lines_start_with_the_phase_word_and_say_the_breath_number():
    """The first line of each breath says which breath it is."""
    output, _, _, _ = run(parse_spec("4-0-6"), 2)
    assert "Breathe in, 4 seconds (breath 1 of 2)" in output
    assert "Breathe out, 6 seconds" in output
    assert "Breathe in, 4 seconds (breath 2 of 2)" in output


def test_safety_copy_comes_first():
    """Plain mode gives the safety lines before the first breath, and hold cautions for holds."""
    output, _, _, _ = run(PRESETS["4-7-8"], 1)
    first_breath = next(i for i, line in enumerate(output) if line.startswith("Breathe in"))
    header = "\n".join(output[:first_breath])
    assert "Safety: Breathe gently, not deeply" in header
    assert all(not line.startswith(("Breathe", "Hold")) for line in output[:first_breath])
    assert "not in water or while driving" in header


def test_summary_at_the_end():
    """The last line sums up breaths, time and the pace."""
    output, _, _, text = run(parse_spec("4-0-6"), 3)
    assert output[-1] == text == "Finished: 3 breaths in 30 seconds, 6 breaths a minute."


def test_ctrl_c_stops_early_with_a_summary():
    """Ctrl+C ends the session with a 'Stopped' summary, not a traceback."""
    output, _, _, text = run(parse_spec("4-0-6"), 3, interrupt_at=50.0 + 12)
    assert text.startswith("Stopped: 1 of 3 breaths")


def test_cues_play_early_by_the_player_latency():
    """With 0.1 s of output latency, each cue after the first is issued 0.1 s before its edge."""
    _, _, cue_times, _ = run(parse_spec("4-0-6"), 2, latency=0.1)
    assert [c for c, _ in cue_times] == ["in", "out", "in", "out", "end"]
    assert [round(t - 50.0, 6) for _, t in cue_times[1:4]] == [3.9, 9.9, 13.9]


def test_a_notice_naming_a_file_is_shown_escaped():
    """A sound notice naming a cue file whose path holds ESC and BEL is printed with those shown
    as escapes (plain mode writes to a terminal)."""
    clock = ManualClock(50.0)
    out = io.StringIO()
    cues = SilentPlayer("Your cue file /tmp/x\x1b]0;PWN\x07/in.wav could not be read.")
    pacer = Pacer(PRESETS["box"], 1, start=clock.now())
    run_plain(PRESETS["box"], pacer, clock, out, cues, clock.advance)
    assert "/tmp/x\\x1b]0;PWN\\x07/in.wav" in out.getvalue()
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()


def _plain_session_header() -> list[str]:
    """The lines before the first breath of a whole plain session, as `breathe --plain` runs it."""
    from breath_tui.plain import run_plain_session
    from breath_tui.session_setup import SessionSetup

    clock = ManualClock(50.0)
    out = io.StringIO()
    setup = SessionSetup(PRESETS["resonance"], 1, 1.0, cues=SilentPlayer())
    run_plain_session(setup, out, clock=clock, sleep=clock.advance)
    lines = out.getvalue().splitlines()
    return lines[: next(i for i, line in enumerate(lines) if line.startswith("Breathe in"))]


def test_a_fresh_install_shows_the_panic_note_in_the_header(breath_home):
    """No journal yet: the header has the note for people working on panic, as the first
    breathing screen does; once there is a journal, it does not."""
    from breath_tui.core.safety import PANIC_NOTE
    from breath_tui.journal import Journal

    assert f"Safety: {PANIC_NOTE}" in _plain_session_header()
    with Journal():
        pass
    assert all(PANIC_NOTE not in line for line in _plain_session_header())
