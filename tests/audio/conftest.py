"""Audio test fixtures: an ALSA default device of the test's choosing (see alsa_capture)."""

from __future__ import annotations

import os

import pytest
from alsa_capture import SYSTEM_ALSA_CONF


@pytest.fixture
def alsa_env(tmp_path):
    """A factory: an environment whose ALSA default is the given pcm definition."""

    def make(default_pcm: str) -> dict[str, str]:
        conf = tmp_path / "asound.conf"
        conf.write_text(f"pcm.!default {default_pcm}\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE", "PIPEWIRE"))}
        env.update(
            ALSA_CONFIG_PATH=f"{SYSTEM_ALSA_CONF}:{conf}",
            BREATH_TUI_HOME=str(tmp_path / "home"),
            # No sound server sockets: only ALSA can play, as on a bare machine.
            XDG_RUNTIME_DIR=str(tmp_path / "run"),
            # Whole sessions in a second or two: 4-0-6 breathes in in 0.5 s.
            BREATH_TUI_CLOCK_SPEED="8",
        )
        return env

    return make


@pytest.fixture
def capture_env(alsa_env, tmp_path):
    """An environment whose ALSA default writes each stream to tmp_path/capture/cue.wav*."""
    folder = tmp_path / "capture"
    folder.mkdir()
    return alsa_env(
        "{ type file; slave { pcm { type null } }; "
        f'file "{folder}/cue.wav"; format "wav"; truncate false }}'
    ), folder
