"""`breath-tui resonance`: find the person's resonance rate from the heart's swing with the breath.

`--analyse FILE` analyses an RR recording made with Lehrer's stepped protocol and prints a table,
a bar per rate and a last line `Resonance rate: N breaths a minute`. `--sensor` runs the live
assessment full screen (screens/resonance.py): the guide leading at each rate, the heart beside
it, then the same result, kept in the journal. Not a medical device: figures are shown, never
judged.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped, visible

if TYPE_CHECKING:
    from breath_tui.core.heart.protocol import SteppedProtocol
    from breath_tui.core.heart.sensor_option import SensorChoice


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
        raise argparse.ArgumentTypeError(
            f"--minutes-each wants a number, not '{clipped(text)}'"
        ) from None


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
    parser.add_argument("--plain", action="store_true", help="plain text only (with --analyse)")
    parser.add_argument("--no-sound", action="store_true", help="no audio cues (with --sensor)")
    parser.add_argument(
        "--reduced-motion", action="store_true", help="a guide with no motion (with --sensor)"
    )
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
            return run_live(options, args)
        raise BadInput(
            "resonance needs --sensor (a strap or replay:FILE) or --analyse FILE "
            "(see breath-tui resonance --help)"
        )
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


def run_live(options: ResonanceOptions, args: argparse.Namespace) -> int:
    """The live assessment, full screen; 1 without the heart extra or a strap in reach."""
    from breath_tui.heart import HeartExtraMissing, require
    from breath_tui.heart.ble import SensorUnavailable
    from breath_tui.heart.source import source_for

    assert options.sensor is not None
    if options.plain:
        raise BadInput("--plain goes with --analyse; the live assessment is full screen")
    try:
        require("numpy", "scipy")
        source = source_for(options.sensor)
    except (HeartExtraMissing, SensorUnavailable) as problem:
        print(f"breath-tui: {visible(str(problem))}", file=sys.stderr)
        return 1
    from breath_tui.app import run_flow
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.flows import FlowOptions

    config = load_config(config_path())
    flow = FlowOptions(
        sound=not args.no_sound,
        reduced_motion=args.reduced_motion,
        assessment=(options.protocol, source),
    )
    return run_flow("resonance", flow, config, source.session_clock())
