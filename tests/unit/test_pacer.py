"""The pacer: state as a pure function of time, with pause and tempo, at exact edges."""

import pytest

from breath_tui.core.pacer import Pacer, clamp_tempo, cycles_for_minutes
from breath_tui.core.patterns import PRESETS, parse_spec

BOX = PRESETS["box"]
RESONANCE = PRESETS["resonance"]


def test_start_is_first_phase_at_zero_progress():
    """At the start time: cycle 0, first phase, nothing done."""
    state = Pacer(RESONANCE, cycles=3, start=10.0).state_at(10.0)
    assert (state.cycle, state.phase_index, state.progress, state.done) == (0, 0, 0.0, False)
    assert state.seconds_left == 4.0
    assert state.remaining == 30.0


def test_exact_boundary_belongs_to_the_next_phase():
    """At exactly 4 s into 4-0-6, the out-breath has begun."""
    state = Pacer(RESONANCE, cycles=3).state_at(4.0)
    assert state.phase.kind == "out"
    assert state.progress == 0.0
    assert state.seconds_left == 6.0


def test_just_before_a_boundary_is_still_the_old_phase():
    """A millisecond before the edge, it is still the in-breath, nearly complete."""
    state = Pacer(RESONANCE, cycles=3).state_at(3.999)
    assert state.phase.kind == "in"
    assert state.progress == pytest.approx(0.99975)


def test_cycle_boundary_starts_next_cycle():
    """At 10 s the second breath starts."""
    state = Pacer(RESONANCE, cycles=3).state_at(10.0)
    assert (state.cycle, state.phase_index) == (1, 0)


def test_end_is_done_with_all_cycles_counted():
    """At the end time the session is done and every cycle counted."""
    pacer = Pacer(BOX, cycles=2)
    assert not pacer.state_at(31.999).done
    state = pacer.state_at(32.0)
    assert state.done and state.cycles_done == 2 and state.remaining == 0.0


def test_next_edge_is_exact_and_state_there_is_the_new_phase():
    """next_edge gives the exact time of the next phase, where the state has moved on."""
    pacer = Pacer(BOX, cycles=1, start=100.0)
    assert pacer.next_edge(100.0) == 104.0
    assert pacer.next_edge(105.5) == 108.0
    assert pacer.state_at(pacer.next_edge(101.0)).phase_index == 1
    assert pacer.next_edge(116.0) == float("inf")


def test_pause_freezes_and_resume_continues_where_it_stopped():
    """Time paused is not breathed: the phase picks up where it froze."""
    pacer = Pacer(RESONANCE, cycles=3)
    pacer.pause(2.0)
    assert pacer.state_at(50.0).progress == pytest.approx(0.5)
    assert pacer.state_at(50.0).paused
    pacer.resume(50.0)
    state = pacer.state_at(52.0)
    assert state.phase.kind == "out" and state.progress == 0.0
    assert state.elapsed == pytest.approx(4.0)


def test_pause_across_a_boundary_keeps_the_schedule_shifted_by_the_pause():
    """Pausing 0.5 s before an edge moves that edge by exactly the paused time."""
    pacer = Pacer(RESONANCE, cycles=3)
    pacer.pause(3.5)
    assert pacer.next_edge(3.6) == float("inf")
    pacer.resume(13.5)
    assert pacer.next_edge(13.5) == pytest.approx(14.0)
    assert pacer.state_at(13.99).phase.kind == "in"
    assert pacer.state_at(14.0).phase.kind == "out"


def test_tempo_change_mid_phase_keeps_the_guide_continuous():
    """Changing tempo keeps the phase and progress at that instant; only the rate changes."""
    pacer = Pacer(RESONANCE, cycles=3)
    before = pacer.state_at(2.0)
    pacer.set_tempo(0.5, 2.0)
    after = pacer.state_at(2.0)
    assert (after.phase_index, after.progress) == (before.phase_index, before.progress)
    assert after.seconds_left == pytest.approx(4.0)  # 2 pattern seconds at half speed
    assert pacer.next_edge(2.0) == pytest.approx(6.0)


def test_faster_tempo_shortens_remaining_time():
    """At 2x, the rest of a 30 s session takes half as long."""
    pacer = Pacer(RESONANCE, cycles=3, tempo=2.0)
    assert pacer.state_at(0.0).remaining == 15.0
    assert pacer.state_at(15.0).done


def test_tempo_out_of_range_is_refused():
    """Tempo stays within 0.5x to 2x."""
    pacer = Pacer(RESONANCE, cycles=1)
    with pytest.raises(ValueError):
        pacer.set_tempo(2.5, 0.0)
    with pytest.raises(ValueError):
        Pacer(RESONANCE, cycles=1, tempo=0.4)


def test_clamp_tempo_rounds_to_the_step_grid():
    """Ten 10% steps from 1.0 land exactly on 2.0, never 1.9999."""
    tempo = 1.0
    for _ in range(15):
        tempo = clamp_tempo(tempo + 0.1)
    assert tempo == 2.0
    assert clamp_tempo(0.1) == 0.5


def test_minutes_round_up_to_whole_cycles():
    """2 minutes of 4-7-8 (19 s a breath) is 7 breaths, never a broken last one."""
    assert cycles_for_minutes(PRESETS["4-7-8"], 2) == 7
    assert cycles_for_minutes(RESONANCE, 2) == 12
    assert cycles_for_minutes(RESONANCE, 0.01) == 1


def test_ten_minutes_have_zero_drift():
    """Every phase edge over 10 minutes falls exactly on its schedule."""
    pattern = parse_spec("4-7-8")
    cycles = cycles_for_minutes(pattern, 10)
    pacer = Pacer(pattern, cycles, start=1000.0)
    t, seen = 1000.0, 0
    while (edge := pacer.next_edge(t)) != float("inf"):
        seen += 1
        cycle, within = divmod(seen, 3)
        expected = 1000.0 + cycle * 19 + (0, 4, 11)[within]
        assert edge == pytest.approx(expected, abs=1e-9)
        t = edge
    assert seen == cycles * 3
    assert pacer.state_at(1000.0 + cycles * 19).done


def test_many_tempo_changes_leave_no_accumulated_error():
    """After 200 tempo changes, the breath time equals the integral of tempo exactly."""
    pacer = Pacer(RESONANCE, cycles=100)
    expected, t = 0.0, 0.0
    for step in range(200):
        tempo = 0.5 + (step % 16) * 0.1
        pacer.set_tempo(tempo, t)
        t += 1.7
        expected += 1.7 * tempo
    assert pacer.breath_time(t) == pytest.approx(expected, rel=1e-12)


def test_early_cue_is_the_next_edge_less_the_latency() -> None:
    """Resonance 4-6 at t=1 with 0.1 s latency: the out-breath's cue starts at 3.9; none once
    that moment has passed, with no latency, or before the end (which has no next phase)."""
    pacer = Pacer(PRESETS["resonance"], cycles=1, start=0.0)
    cue_time, upcoming = pacer.early_cue(1.0, 0.1)
    assert cue_time == pytest.approx(3.9) and upcoming.phase.kind == "out"
    assert pacer.early_cue(3.95, 0.1) is None
    assert pacer.early_cue(1.0, 0.0) is None
    assert pacer.early_cue(5.0, 0.1) is None
