"""Shared fixtures: every test gets its own BREATH_TUI_HOME, and no test makes a sound."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def breath_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config and journal at a fresh folder; keep motion and colour predictable."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    return home
