"""`breath-tui resonance`: find the person's resonance rate from the heart's swing with the breath.

`--analyse FILE` analyses an RR recording made with Lehrer's stepped protocol and prints a table,
a bar per rate and a last line `Resonance rate: N breaths a minute`. The live assessment with
`--sensor` runs in the full-screen app; until that screen exists, `--sensor` without `--analyse`
says so and exits 2. Not a medical device: figures are shown, never judged.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

from breath_tui.core.errors import BadInput

if TYPE_CHECKING:
    from breath_tui.core.heart.protocol import SteppedProtocol
    from breath_tui.core.heart.sensor_option import SensorChoice

LIVE_NEEDS_APP = (
    "the live assessment with --sensor needs the full-screen app, which is not ready yet; "
    "record with your strap's app and use --analyse FILE"
)


class ResonanceOptions(NamedTuple):
    """A validated `resonance` request: the protocol, and a file to analyse or a sensor."""

    protocol: SteppedProtocol
    analyse: str | None
    sensor: SensorChoice | None
    plain: bool


def _minutes(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--minutes-each wants a number, not {text!r}") from None


def register(commands: Any) -> None:
    """Add the `resonance` sub-command."""
    parser = commands.add_parser(
        "resonance",
        help="heart-rate biofeedback: find your resonance rate (not a medical device)",
        description="Breathe at a few slow rates and find the one at which the heart rate swings "
        "most with each breath. Not a medical device.",
    )
    parser.add_argument(
        "--analyse",
        "--analyze",
        metavar="FILE",
        help="analyse an RR recording (one interval in ms per line, - for stdin) made with "
        "the stepped protocol",
    )
    parser.add_argument(
        "--rates",
        metavar="R,R,...",
        help="breaths a minute, in the order breathed (default 6.5,6,5.5,5,4.5)",
    )
    parser.add_argument(
        "--minutes-each", type=_minutes, metavar="N", help="minutes at each rate (default 2)"
    )
    parser.add_argument(
        "--sensor",
        metavar="ble[:ADDR]|replay:FILE[@SPEED]",
        help="a chest strap (optical wrist sensors give no beat-to-beat intervals) or a recording",
    )
    parser.add_argument("--plain", action="store_true", help="plain text only")
    parser.set_defaults(run=run)


def options_from(args: argparse.Namespace) -> ResonanceOptions:
    """Check the options; raise BadInput naming the one at fault."""
    from breath_tui.core.heart.protocol import (
        DEFAULT_MINUTES_EACH,
        DEFAULT_RATES,
        SteppedProtocol,
        parse_rates,
    )
    from breath_tui.core.heart.sensor_option import parse_sensor_option

    rates = parse_rates(args.rates) if args.rates is not None else DEFAULT_RATES
    minutes = args.minutes_each if args.minutes_each is not None else DEFAULT_MINUTES_EACH
    protocol = SteppedProtocol(rates=rates, minutes_each=minutes)
    sensor = parse_sensor_option(args.sensor) if args.sensor is not None else None
    if args.analyse is not None and sensor is not None:
        raise BadInput("--analyse and --sensor do not go together: a file, or a live sensor")
    if args.analyse is not None and not args.analyse.strip():
        raise BadInput("--analyse needs a recording file (one RR interval in ms per line)")
    return ResonanceOptions(protocol, args.analyse, sensor, args.plain)


def run(args: argparse.Namespace) -> int:
    """Analyse a recording (exit 0), or explain what is needed (exit 2); 1 without the extra."""
    options = options_from(args)
    if options.analyse is None:
        if options.sensor is not None:
            raise BadInput(LIVE_NEEDS_APP)
        raise BadInput("resonance needs --analyse FILE (see breath-tui resonance --help)")
    from breath_tui.core.heart.assessment import report_lines
    from breath_tui.core.heart.recording import read_recording
    from breath_tui.heart import HeartExtraMissing, require

    recording = read_recording(options.analyse)
    try:
        require("numpy", "scipy")
    except HeartExtraMissing as missing:
        print(f"breath-tui: {missing}", file=sys.stderr)
        return 1
    from breath_tui.heart.analysis import analyse_recording

    result = analyse_recording(recording, options.protocol)
    print("\n".join(report_lines(result, plain=options.plain)), flush=True)
    return 0
