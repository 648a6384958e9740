"""ALSA's own error text is silenced in our process, including inside simpleaudio."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alsa_capture import has_simpleaudio, requires_alsa

pytestmark = requires_alsa

OPEN_DEFAULT = (
    "import ctypes\n"
    "lib = ctypes.CDLL('libasound.so.2')\n"
    "handle = ctypes.c_void_p()\n"
    "print(lib.snd_pcm_open(ctypes.byref(handle), b'default', 0, 1))\n"
)


def run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def noisy_env(alsa_env):
    """ALSA's default names card 7, which makes ALSA print 'Cannot get card index for 7'."""
    return alsa_env('"hw:7"')


def test_this_config_makes_alsa_print_errors(noisy_env):
    """The control: without our handler, opening the default device prints ALSA text."""
    result = run(OPEN_DEFAULT, noisy_env)
    assert "ALSA lib" in result.stderr


def test_quiet_alsa_silences_the_same_error(noisy_env):
    """After quiet_alsa(), the same failing open prints nothing."""
    result = run(
        "from breath_tui.audio.backends import quiet_alsa\nquiet_alsa()\n" + OPEN_DEFAULT,
        noisy_env,
    )
    assert result.stdout.strip().startswith("-")  # the open failed...
    assert result.stderr == ""  # ...silently


def test_alsa_problem_says_why_in_plain_words(noisy_env):
    """The probe turns the failure into words with no ALSA jargon, and prints nothing."""
    result = run(
        "from breath_tui.audio.backends import alsa_problem\nprint(alsa_problem())\n", noisy_env
    )
    assert result.stdout.strip() == "no sound device could be opened"
    assert result.stderr == ""


@pytest.mark.skipif(not has_simpleaudio(), reason="simpleaudio not usable here")
def test_simpleaudio_errors_are_silenced_too(noisy_env):
    """simpleaudio shares our libasound, so its failed open prints no ALSA text either."""
    code = (
        "from breath_tui.audio.backends import quiet_alsa\n"
        "quiet_alsa()\n"
        "import simpleaudio\n"
        "try:\n"
        "    simpleaudio.play_buffer(bytes(4410), 1, 2, 44100)\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
    )
    result = run(code, noisy_env)
    assert result.stdout.strip() == "SimpleaudioError"
    assert result.stderr == ""
