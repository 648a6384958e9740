"""The cue player: choosing a backend, never blocking, never raising, mute and stop."""

from __future__ import annotations

import subprocess
import sys

import pytest

from breath_tui.audio import SilentPlayer, player
from breath_tui.audio.backends import CueFailed, probe_simpleaudio
from breath_tui.audio.player import (
    AUTO_ORDER,
    CLOSE_WAIT,
    NO_PLAYER,
    BackgroundPlayer,
    choose_backend,
    open_player,
)
from breath_tui.core.settings import SoundSettings
from tests.unit.audio_fakes import WAIT, FakeBackend, finish, make_player


def test_play_returns_while_the_backend_is_still_starting_a_cue():
    """play() only queues: it returns at once even while the backend is stuck in start()."""
    backend = FakeBackend()
    backend.gate.clear()
    p = make_player(backend)
    p.play("in")
    assert backend.entered.wait(WAIT)
    p.play("out")  # would hang here if play() waited for the backend
    assert backend.started == []
    backend.gate.set()
    finish(p)
    assert backend.started == ["in", "out"]


def test_sounds_are_loaded_once_before_any_cue():
    """The worker loads and prepares the sounds once, when the player opens."""
    calls = []
    backend = FakeBackend()
    p = make_player(backend, lambda: (calls.append(1) or {"in": "IN"}, None))
    assert p.ready.wait(WAIT)
    p.play("in")
    p.play("in")
    finish(p)
    assert calls == [1]
    assert backend.prepared == {"in": "IN"}


def test_latency_is_the_backends():
    """The player reports its backend's latency, so cues can be issued that much early."""
    p = make_player(FakeBackend())
    assert p.latency == FakeBackend.latency
    finish(p)


def test_mute_stops_the_playing_cue_at_once_and_drops_cues_until_unmuted():
    """set_muted(True) stops the backend before returning; cues while muted never start."""
    backend = FakeBackend()
    p = make_player(backend)
    p.set_muted(True)
    assert backend.stops == 1 and p.muted
    p.play("in")
    p.set_muted(False)
    p.play("out")
    finish(p)
    assert backend.started == ["out"]


def test_stop_stops_the_cue_and_drops_queued_ones():
    """stop() (pause) stops the backend at once; a cue queued before it never starts."""
    backend = FakeBackend()
    backend.gate.clear()
    p = make_player(backend)
    p.play("in")
    assert backend.entered.wait(WAIT)
    p.play("out")
    p.stop()
    assert backend.stops == 1
    backend.gate.set()
    finish(p)
    assert "out" not in backend.started
    # "in" was starting when stop() came: the worker stops it again once it has started.
    assert backend.stops == 2


def test_a_failing_backend_becomes_one_notice_and_silence():
    """A backend failure sets one quiet notice; later cues are dropped; nothing raises."""
    backend = FakeBackend(fail_on="in")
    p = make_player(backend)
    p.play("in")
    p.play("out")
    finish(p)
    p.play("out")
    assert p.notice == "Cues stopped: the fake device is gone."
    assert backend.started == []


def test_an_unexpected_backend_error_is_caught_too():
    """Any exception from a backend becomes the notice; it never reaches the caller."""
    p = make_player(FakeBackend(fail_on="in", error=RuntimeError("boom")))
    p.play("in")
    finish(p)
    assert p.notice == "Cues stopped: the sound player failed."


def test_a_player_that_failed_on_its_own_is_noticed_before_the_next_cue():
    """When check() reports the last cue failed, the next cue is not started and a notice shows."""
    backend = FakeBackend()
    backend.check_error = CueFailed("aplay could not play them")
    p = make_player(backend)
    p.play("in")
    finish(p)
    assert backend.started == []
    assert p.notice == "Cues stopped: aplay could not play them."


def test_sounds_that_cannot_load_give_a_notice_not_an_error():
    """If loading fails, the player is silent with a notice, and play() still never raises."""

    def broken():
        raise OSError("gone")

    backend = FakeBackend()
    p = make_player(backend, broken)
    assert p.ready.wait(WAIT)
    p.play("in")
    finish(p)
    assert p.notice == "Cues are silent: the cue sounds could not be loaded."
    assert backend.started == []


def test_a_notice_from_loading_is_kept():
    """A notice from loading (an own cue file gone unreadable) is shown, and cues still play."""
    backend = FakeBackend()
    p = make_player(backend, lambda: ({"in": "IN"}, "Your cue file x.wav could not be read."))
    p.play("in")
    finish(p)
    assert p.notice == "Your cue file x.wav could not be read."
    assert backend.started == ["in"]


def test_close_lets_the_last_cue_finish_then_releases():
    """close() returns at once; the worker then releases the backend, letting the cue play out."""
    backend = FakeBackend()
    p = make_player(backend)
    p.play("end")
    finish(p)
    assert backend.released == CLOSE_WAIT
    p.play("in")  # after close: ignored, no error
    assert backend.started == ["end"]


class Probe:
    """A probe that succeeds only for the named backends, recording what it was asked."""

    def __init__(self, *working: str) -> None:
        self.working, self.asked = working, []

    def __call__(self, name):
        self.asked.append(name)
        return (FakeBackend(), "") if name in self.working else (None, f"{name} is not here")


def test_auto_tries_every_player_in_order_and_gives_a_notice_when_none_works():
    """auto probes miniaudio, simpleaudio, aplay, paplay, pw-play, afplay (not the bell unless
    allowed)."""
    probe = Probe()
    backend, notice = choose_backend(SoundSettings(), probe)
    assert backend is None and notice == NO_PLAYER
    assert probe.asked == ["miniaudio", "simpleaudio", "aplay", "paplay", "pw-play", "afplay"]


def test_auto_falls_back_to_the_bell_when_allowed():
    """With [sound] bell = true, the terminal bell is auto's last resort."""
    probe = Probe("bell")
    backend, notice = choose_backend(SoundSettings(bell=True), probe)
    assert backend is not None and notice is None
    assert probe.asked == list(AUTO_ORDER)


def test_auto_takes_the_first_backend_that_works():
    """auto stops at the first working backend and probes nothing after it."""
    probe = Probe("aplay", "paplay")
    backend, _ = choose_backend(SoundSettings(), probe)
    assert backend is not None
    assert probe.asked == ["miniaudio", "simpleaudio", "aplay"]


def test_a_forced_backend_is_the_only_one_tried():
    """backend = "paplay" probes only paplay; if it cannot play, a notice says why."""
    probe = Probe("aplay")
    backend, notice = choose_backend(SoundSettings(backend="paplay"), probe)
    assert backend is None
    assert notice == "Cues are silent: paplay is not here."
    assert probe.asked == ["paplay"]


def test_simpleaudio_is_never_used_on_python_3_12_and_later(monkeypatch):
    """On Python 3.12+, where simpleaudio 1.0.4 crashes the interpreter, the probe refuses it."""
    monkeypatch.setattr(sys, "version_info", (3, 12, 0, "final", 0))
    module, reason = probe_simpleaudio()
    assert module is None
    assert "3.12" in reason


def test_cues_off_gives_a_silent_player_without_probing(monkeypatch):
    """--no-sound, enabled = false or backend = "none": silent, no notice, nothing probed."""
    monkeypatch.setattr(player, "choose_backend", lambda *a: pytest.fail("probed"))
    for settings, enabled in [(SoundSettings(), False), (SoundSettings(backend="none"), True)]:
        p = open_player(settings, enabled)
        assert isinstance(p, SilentPlayer) and p.notice is None


def test_open_player_never_raises(monkeypatch):
    """A surprise while probing gives a silent player with a notice, not a traceback."""

    def explode(*_args):
        raise RuntimeError("probe blew up")

    monkeypatch.setattr(player, "choose_backend", explode)
    p = open_player(SoundSettings(), True)
    assert isinstance(p, SilentPlayer)
    assert p.notice == "Cues are silent: the sound player could not start."


def test_missing_built_in_sounds_give_a_notice(monkeypatch):
    """A broken installation without its WAVs runs silently and says so."""
    monkeypatch.setattr(player, "cue_sources", lambda style, files: (None, {}, None))
    p = open_player(SoundSettings(), True)
    assert isinstance(p, SilentPlayer)
    assert p.notice == "Cues are silent: the built-in cue sounds are missing."


def test_open_player_uses_the_chosen_backend(monkeypatch):
    """When a backend is found, open_player returns a background player on it."""
    backend = FakeBackend()
    monkeypatch.setattr(player, "choose_backend", lambda settings: (backend, None))
    p = open_player(SoundSettings(), True)
    assert isinstance(p, BackgroundPlayer) and p.backend is backend
    p.play("in")
    finish(p)
    assert backend.started == ["in"]
    assert set(backend.prepared) == {"in", "hold", "out", "end"}


@pytest.mark.parametrize("module", ["breath_tui.cli", "breath_tui.audio.player"])
def test_start_up_imports_no_sound_library(module):
    """Importing the CLI (and building its parser) or the player loads no pydub, simpleaudio or
    miniaudio (with its cffi)."""
    code = (
        f"import sys, {module}\n"
        "import breath_tui.parser as parser; parser.build_parser()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydub', 'simpleaudio', 'audioop', 'miniaudio', '_miniaudio', 'cffi'))\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_a_failure_notice_replaces_an_earlier_informative_one():
    """A failure is what the person must know: it replaces a notice about an own cue file."""
    backend = FakeBackend(fail_on="in")
    p = make_player(backend, lambda: ({"in": "IN"}, "Your cue file x.wav could not be read."))
    p.play("in")
    finish(p)
    assert p.notice == "Cues stopped: the fake device is gone."


def test_an_error_while_waiting_for_cues_is_caught(capfd):
    """Even busy() failing on the worker thread ends in a notice, never a printed traceback."""
    backend = FakeBackend()
    p = make_player(backend)
    assert p.ready.wait(WAIT)
    backend.busy = lambda: 1 / 0
    p.play("in")
    finish(p)
    assert p.notice == "Cues stopped: the sound player failed."
    assert "Traceback" not in "".join(capfd.readouterr())


def test_stop_never_raises_even_if_the_backend_does():
    """stop() is called from the UI on pause: a backend error there becomes the notice."""
    backend = FakeBackend()

    def broken_stop():
        raise OSError("device vanished")

    backend.stop = broken_stop
    p = make_player(backend)
    p.stop()
    finish(p)
    assert p.notice == "Cues stopped: the sound player failed."
