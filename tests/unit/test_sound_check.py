"""check_sound: plays the "in" cue once through what a session would use and says how, in one line."""

from __future__ import annotations

from breath_tui.audio.backends import CueFailed
from breath_tui.audio.check import check_sound
from breath_tui.audio.library import builtin_paths, load_sound
from breath_tui.core.settings import SoundSettings
from tests.unit.audio_fakes import FakeBackend


class Probe:
    """Finds a FakeBackend for the named backends; the rest are absent with a given reason."""

    def __init__(self, working=(), reasons=None, failing=()):
        self.working, self.failing = working, failing
        self.reasons = reasons or {}
        self.asked: list[str] = []
        self.found: dict[str, FakeBackend] = {}

    def __call__(self, name):
        self.asked.append(name)
        if name in self.failing:
            backend = FakeBackend(fail_on="in", name=name)
            backend.error = CueFailed(f"{name} could not open the device")
        elif name in self.working:
            backend = FakeBackend(name=name)
        else:
            return None, self.reasons.get(name, f"{name} is not installed")
        self.found[name] = backend
        return backend, ""


def never_sleep(_seconds):
    raise AssertionError("a fake backend is never busy")


def check(settings=None, backend=None, probe=None):
    return check_sound(settings or SoundSettings(), backend, probe, never_sleep)


def test_auto_plays_the_in_cue_once_and_names_backend_and_device():
    """The first backend auto would choose plays "in" once; the line names it and its device."""
    probe = Probe(working=("miniaudio", "aplay"))
    assert check(probe=probe) == (True, "Played with miniaudio (fake, default)")
    assert probe.asked == ["miniaudio"]
    assert probe.found["miniaudio"].started == ["in"]


def test_the_cue_is_the_persons_in_cue_at_their_volume():
    """The check plays what a session would: the style's "in" cue at [sound] volume."""
    probe = Probe(working=("miniaudio",))
    check(SoundSettings(volume=0.25), probe=probe)
    played = probe.found["miniaudio"].prepared["in"]
    assert played == load_sound(builtin_paths("soft")["in"], 0.25)


def test_a_backend_that_fails_to_play_gives_way_to_the_next():
    """As in a session, auto goes on to the next backend when one cannot play after all."""
    probe = Probe(working=("aplay",), failing=("miniaudio",))
    assert check(probe=probe) == (True, "Played with aplay (fake, default)")


def test_nothing_can_play_says_why_and_what_would_fix_it():
    """No backend: one line with the device's reason (not "not installed") and the fix; not ok."""
    probe = Probe(reasons={"miniaudio": "no sound device could be opened"})
    ok, line = check(probe=probe)
    assert not ok
    assert line.startswith("No sound: no sound device could be opened. To fix: connect")
    assert "bell = true" in line and "\n" not in line


def test_a_named_backend_is_the_only_one_tried_and_its_fix_is_named():
    """--backend aplay tries aplay alone; missing, the line says what to install."""
    probe = Probe(working=("miniaudio",))
    ok, line = check(backend="aplay", probe=probe)
    assert not ok and probe.asked == ["aplay"]
    assert line == "No sound: aplay is not installed. To fix: install alsa-utils."


def test_backend_none_is_reported_without_probing():
    """backend = "none" plays nothing and says how to turn sound on."""
    probe = Probe(working=("miniaudio",))
    ok, line = check(SoundSettings(backend="none"), probe=probe)
    assert not ok and probe.asked == [] and 'backend = "auto"' in line


def test_a_volume_of_zero_is_mentioned():
    """Played at volume 0, the line says that nothing was heard, so the person knows why."""
    ok, line = check(SoundSettings(volume=0.0), probe=Probe(working=("miniaudio",)))
    assert ok and line.endswith("volume is 0, so nothing was heard")


def test_the_bell_is_tried_only_when_allowed():
    """auto's last resort, the bell, is part of the check only with [sound] bell = true."""
    probe = Probe(working=("bell",))
    assert not check(probe=probe)[0]
    assert check(SoundSettings(bell=True), probe=probe) == (True, "Rang the terminal bell")
