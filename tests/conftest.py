"""Shared fixtures. Every test gets its own BREATH_TUI_HOME under tmp_path, so no test can read
or write a real journal or config."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn, Feeling
from breath_tui.core.when import ManualNow

# A fixed moment with a non-zero offset, so that offsets are seen to survive a round trip.
START = datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(autouse=True)
def breath_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """BREATH_TUI_HOME for this test: config and journal live here (created on first use)."""
    home = tmp_path / "home"
    monkeypatch.setenv("BREATH_TUI_HOME", str(home))
    # Motion and colour follow the test, not the developer's shell.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    return home


@pytest.fixture
def now() -> ManualNow:
    """A wall clock at START that moves only when the test advances it."""
    return ManualNow(START)


@pytest.fixture
def journal(breath_home: Path, now: ManualNow) -> Iterator[Any]:
    """An open journal in BREATH_TUI_HOME on the manual clock."""
    from breath_tui.journal import Journal

    with Journal(now=now) as opened:
        yield opened


@pytest.fixture
def make_checkin() -> Callable[..., CheckIn]:
    """A factory of complete, filled-in check-ins; keyword arguments override fields."""
    counter = iter(range(1_000_000))

    def make(**overrides: Any) -> CheckIn:
        number = next(counter)
        fields: dict[str, Any] = {
            "id": f"00000000-0000-4000-8000-{number:012d}",
            "started_at": START + timedelta(days=number),
            "ended_at": START + timedelta(days=number, minutes=3),
            "kind": "checkin",
            "breathing": Breathing(
                "resonance", (BreathPhase("in", 4), BreathPhase("out", 6)), 1.0, 12, 120.0
            ),
            "pre_rating": 7,
            "post_rating": 4,
            "body": (BodyEntry("shoulders", ("tension", "tightness"), 6),),
            "feelings": (Feeling("disappointed"), Feeling("ashamed", "a little")),
            "note": f"When you slowed down I felt safer. ({number})",
        }
        fields.update(overrides)
        return CheckIn(**fields)

    return make
