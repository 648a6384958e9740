"""From a `--sensor` value (or `[heart] sensor`) to a sensor a screen can open on its clock.

The command line calls `source_for` before the app takes the terminal, so a replay file with a
bad line, or a strap to pick from a scan, is dealt with in plain lines (exit 2 naming the line;
the list of straps found and a number to type). The screen then calls `source.open(clock)` on
its own clock when breathing starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from breath_tui.core.clock import Clock
from breath_tui.core.errors import BadInput
from breath_tui.core.heart.sensor_option import SensorChoice
from breath_tui.core.text import visible
from breath_tui.heart.sensors import HeartSensor, ReplaySensor

WRIST_NOTE = (
    "Chest straps only: optical wrist sensors send no beat-to-beat intervals, so they cannot "
    "show the swing."
)


@dataclass(frozen=True)
class SensorSource:
    """A sensor ready to open: its label (the journal's `heart.sensor`) and how to open it.

    `speed` is a replay's @SPEED: the command runs the whole session that many times faster
    (its clock, and the replay on it), so a recording drives the guide and the heart together,
    as a demo. Opened on a clock that is not sped up, a replay plays in real time.
    """

    label: str
    open: Callable[[Clock], HeartSensor]
    speed: float = 1.0

    def session_clock(self) -> Clock | None:
        """The clock a command runs the session on: sped up for a replay @SPEED, else None."""
        if self.speed == 1.0:
            return None
        from breath_tui.core.clock import ScaledClock

        return ScaledClock(self.speed)


def source_for(
    choice: SensorChoice,
    *,
    ask: Callable[[str], str] = input,
    out: TextIO | None = None,
) -> SensorSource:
    """The sensor a --sensor value names, ready to open.

    `replay:FILE` reads the file now. `ble:ADDRESS` needs bleak; plain `ble` scans for straps
    (5 s), lists them and asks for a number (one found is taken at once).

    Raises:
        BadInput: the replay file cannot be read or has a bad line; no strap picked.
        HeartExtraMissing: bleak is not installed (for ble).
        SensorUnavailable: Bluetooth is off or absent, or no strap was found.
    """
    if choice.kind == "replay":
        from breath_tui.core.heart.recording import read_recording

        assert choice.path is not None
        recording = read_recording(choice.path)
        return SensorSource(
            f"replay:{recording.source}",
            lambda clock: ReplaySensor(recording, clock),
            choice.speed,
        )
    from breath_tui.heart import require

    require("bleak")
    from breath_tui.heart.ble import BleSensor

    address, name = choice.address, None
    if address is None:
        address, name = _pick_strap(ask, out)
    picked, called = address, name
    label = f"{visible(called)} {picked}" if called else picked
    return SensorSource(label, lambda clock: BleSensor(picked, clock, name=called))


def _pick_strap(ask: Callable[[str], str], out: TextIO | None) -> tuple[str, str | None]:
    import asyncio
    import sys

    from breath_tui.heart.ble import SensorUnavailable, scan_straps

    stream = out or sys.stderr
    print(f"Looking for heart-rate straps for 5 seconds. {WRIST_NOTE}", file=stream, flush=True)
    straps = asyncio.run(scan_straps())
    if not straps:
        raise SensorUnavailable(
            "no heart-rate strap found: wet its electrodes, put it on, and try again"
        )
    if len(straps) == 1:
        return straps[0].address, straps[0].name
    for number, strap in enumerate(straps, start=1):
        signal = f" ({strap.rssi} dBm)" if strap.rssi is not None else ""
        print(
            f"  {number}  {visible(strap.name)}  {strap.address}{signal}", file=stream, flush=True
        )
    answer = ask(f"Which strap (1-{len(straps)})? ").strip()
    if not answer.isdigit() or not 1 <= int(answer) <= len(straps):
        raise BadInput(f"--sensor: {answer[:20]!r} is not one of 1-{len(straps)}")
    strap = straps[int(answer) - 1]
    return strap.address, strap.name


def setting_source(value: str) -> SensorSource:
    """`[heart] sensor` (checked when config.toml was read): opened only when breathing starts,
    so a recording gone missing or a strap out of reach is a notice then, never a stop."""
    from breath_tui.core.heart.sensor_option import parse_sensor_option

    choice = parse_sensor_option(value)

    def open_it(clock: Clock) -> HeartSensor:
        return source_for(choice).open(clock)

    return SensorSource(choice.label, open_it)
