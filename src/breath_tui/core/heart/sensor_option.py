"""The `--sensor` option: `ble`, `ble:ADDRESS` or `replay:FILE[@SPEED]`."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped

MAX_REPLAY_SPEED = 100.0
# Linux and Windows name a device by its MAC address; macOS by a UUID of its own.
_MAC = re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}")
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_SPEED = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")

USAGE = "--sensor wants ble, ble:ADDRESS or replay:FILE[@SPEED]"


@dataclass(frozen=True)
class SensorChoice:
    """A parsed --sensor value.

    Attributes:
        kind: "ble" for a Bluetooth strap, "replay" for a recording file.
        address: the strap's address for `ble:ADDRESS`; None means scan and let the person pick.
        path: the recording for `replay:`.
        speed: how many times faster than real time a replay runs (1 for BLE).
    """

    kind: Literal["ble", "replay"]
    address: str | None = None
    path: str | None = None
    speed: float = 1.0

    @property
    def label(self) -> str:
        """What the journal's `heart.sensor` says when no device name is known."""
        if self.kind == "replay":
            return f"replay:{self.path}"
        return f"ble:{self.address}" if self.address else "ble"


def parse_sensor_option(value: str) -> SensorChoice:
    """Parse `--sensor`.

    `replay:FILE@SPEED` takes the text after the last `@` as the speed only when it is a number,
    so a file name with an `@` in it still works.

    Raises:
        BadInput: naming --sensor, for anything else.
    """
    text = value.strip()
    kind, colon, rest = text.partition(":")
    if kind == "ble":
        if not colon:
            return SensorChoice("ble")
        address = rest.strip()
        if not (_MAC.fullmatch(address) or _UUID.fullmatch(address)):
            raise BadInput(
                f"--sensor: '{clipped(address)}' is not a Bluetooth address "
                "(like A0:9E:1A:12:34:56); `--sensor ble` scans and lists the straps found"
            )
        return SensorChoice("ble", address=address.upper())
    if kind == "replay" and colon:
        path, speed = rest, 1.0
        head, at, tail = rest.rpartition("@")
        if at and _SPEED.fullmatch(tail):
            path, speed = head, float(tail)
            if not (math.isfinite(speed) and 0 < speed <= MAX_REPLAY_SPEED):
                raise BadInput(
                    f"--sensor: replay speed must be more than 0 and at most "
                    f"{MAX_REPLAY_SPEED:g}, not {tail}"
                )
        if not path:
            raise BadInput("--sensor: replay: needs a recording file, e.g. replay:rr.txt@4")
        return SensorChoice("replay", path=path, speed=speed)
    raise BadInput(f"{USAGE}, not '{clipped(text)}'")
