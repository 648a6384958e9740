"""Waiting on the session's clock, for sensors: real time as the (injected) clock maps it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from breath_tui.core.clock import Clock

Sleep = Callable[[float], Awaitable[None]]
"""Waits so many clock seconds (tests pass one that moves a ManualClock instead)."""


def clock_sleep(clock: Clock) -> Sleep:
    """Wait `seconds` of the clock's time, in real time as the clock maps it."""

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(clock.real_seconds(max(0.0, seconds)))

    return sleep
