"""`breath-tui breathe`: one breathing session, full screen or --plain."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from breath_tui.core.errors import BadInput
from breath_tui.core.text import clipped, visible

if TYPE_CHECKING:
    from breath_tui.core.settings import Config


def _number(kind: type, option: str) -> Any:
    def parse(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            noun = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(
                f"{option} wants {noun}, not '{clipped(text)}'"
            ) from None

    return parse


def register(commands: Any) -> None:
    """Add the `breathe` sub-command."""
    parser = commands.add_parser("breathe", help="one breathing session")
    parser.add_argument(
        "--pattern",
        metavar="NAME|IN-HOLD-OUT[-HOLD]",
        help="a pattern name (see `breath-tui patterns`) or seconds like 4-0-6",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--cycles", type=_number(int, "--cycles"), metavar="N", help="number of breaths (1-1000)"
    )
    length.add_argument(
        "--minutes",
        type=_number(float, "--minutes"),
        metavar="M",
        help="length in minutes, rounded up to whole breaths",
    )
    parser.add_argument(
        "--tempo",
        type=_number(float, "--tempo"),
        metavar="F",
        help="speed: 1 as written, 0.5 half speed (slower), 2 twice as fast",
    )
    parser.add_argument("--no-sound", action="store_true", help="no audio cues")
    parser.add_argument(
        "--plain", action="store_true", help="one line per phase, no full-screen UI"
    )
    parser.add_argument("--reduced-motion", action="store_true", help="a guide with no motion")
    parser.add_argument(
        "--sensor",
        metavar="ble[:ADDR]|replay:FILE[@SPEED]",
        help="show the heart rate beside the guide: a chest strap (optical wrist sensors give "
        "no beat-to-beat intervals) or a recording (not a medical device)",
    )
    parser.set_defaults(run=run, full_screen=True)


def check_options(args: argparse.Namespace, config: Config) -> None:
    """Check the session asked for against core.limits; raise BadInput naming the option."""
    from breath_tui.core.limits import session_problem

    if args.pattern is not None and not args.pattern.strip():
        raise BadInput("--pattern needs a name (see `breath-tui patterns`) or seconds like 4-0-6")
    pattern = config.pattern(args.pattern)
    tempo = args.tempo if args.tempo is not None else config.breathing.tempo
    problem = session_problem(pattern, cycles=args.cycles, minutes=args.minutes, tempo=tempo)
    if problem is not None and problem.field == "tempo" and args.tempo is None:
        # The tempo is config.toml's, not an option's: name the file and line it came from.
        raise BadInput(
            f"{_tempo_line(config)}: breathing.tempo {problem.message} "
            f"(--pattern {pattern.name}; --tempo sets another)"
        )
    if problem is not None:
        raise BadInput(f"--{problem.field} {problem.message}")


def _tempo_line(config: Config) -> str:
    """'FILE, line N' where config.toml sets [breathing] tempo (the file alone if not found)."""
    from breath_tui.core.config import MAX_CONFIG_BYTES, read_small_text
    from breath_tui.core.config_file import line_of
    from breath_tui.core.locations import config_path

    path = config.path or config_path()
    try:
        text = read_small_text(path, MAX_CONFIG_BYTES, BadInput) or ""
    except BadInput:
        text = ""
    line = line_of(text, "breathing", "tempo")
    return f"{path}, line {line}" if line else str(path)


def run(args: argparse.Namespace) -> int:
    """Run one session; 0 when done or stopped early."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.session_setup import session_for

    config = load_config(config_path())
    check_options(args, config)
    source = None
    if args.sensor is not None:
        from breath_tui.core.heart.sensor_option import parse_sensor_option
        from breath_tui.heart import HeartExtraMissing
        from breath_tui.heart.ble import SensorUnavailable
        from breath_tui.heart.source import source_for

        choice = parse_sensor_option(args.sensor)
        try:
            source = source_for(choice)
        except (HeartExtraMissing, SensorUnavailable) as problem:
            print(f"breath-tui: {visible(str(problem))}", file=sys.stderr)
            return 1
    setup = session_for(
        config,
        "breathing",
        pattern=args.pattern,
        cycles=args.cycles,
        minutes=args.minutes,
        tempo=args.tempo,
        sound=not args.no_sound,
    )
    setup.sensor, setup.keep_intervals = source, config.heart.keep_intervals
    if args.plain or not sys.stdout.isatty():  # a pipe, a file: lines, not a screen
        from breath_tui.plain import run_plain_session

        return run_plain_session(setup, clock=source.session_clock() if source else None)
    from breath_tui.app import run_flow
    from breath_tui.flows import FlowOptions

    options = FlowOptions(setup=setup, reduced_motion=args.reduced_motion)
    return run_flow("breathe", options, config, source.session_clock() if source else None)
