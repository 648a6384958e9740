"""The command-line parser: a sub-command for each flow of the registry that has one (flows.py)
and for each module in breath_tui/commands.

Kept apart from cli.py so that `breath-tui` with no command (home) never imports argparse.
"""

from __future__ import annotations

import argparse
import importlib
import re
from functools import partial
from typing import Any, NoReturn

from breath_tui import __version__
from breath_tui.core.errors import BadInput
from breath_tui.flows import FLOWS, FlowOptions, flow_named

# Each module in breath_tui/commands registers one sub-command.
COMMAND_MODULES = (
    "breathe",
    "patterns",
    "sounds",
    "export",
    "importer",
    "history",
    "forget",
    "resonance",
    "serve",
    "ground",
    "plan",
)


# The command a person types, for the modules whose name differs (import is a keyword).
COMMAND_NAMES = {name: name for name in COMMAND_MODULES} | {"import": "importer"}
COMMAND_NAMES.pop("importer")
FLOW_COMMANDS = tuple(flow.name for flow in FLOWS if flow.command is not None)
"""The sub-commands the flow registry makes: `breath-tui checkin`, `now`, `scan`."""


def command_for(word: str) -> str | None:
    """The sub-command (module or flow) a first word names, or None (build them all)."""
    return COMMAND_NAMES.get(word) or (word if word in FLOW_COMMANDS else None)


class UsageError(BadInput):
    """The command line itself is wrong."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (and a hint), not a page of usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {_clip_values(message)} (see {self.prog} --help)")


_UNRECOGNIZED = "unrecognized arguments: "
_CHOICE = re.compile(r"(invalid choice: )(['\"])(.*?)\2( \(choose from )", re.DOTALL)


def _clip_values(message: str) -> str:
    """argparse's own messages with the value typed cut to its first characters: a
    10,000-character argument is not repeated whole."""
    from breath_tui.core.text import clipped

    if message.startswith(_UNRECOGNIZED):
        return _UNRECOGNIZED + clipped(message[len(_UNRECOGNIZED) :])
    return _CHOICE.sub(lambda m: f"{m[1]}{m[2]}{clipped(m[3])}{m[2]}{m[4]}", message)


def build_parser(only: str | None = None) -> Parser:
    """The parser with every working sub-command, or just the one named `only`.

    Importing one command module instead of all of them is a little start-up time saved
    before the first frame; --help and mistakes get the full parser.
    """
    parser = Parser(
        prog="breath-tui",
        description="A terminal companion for therapy: paced breathing, body scan, feelings, "
        "a private journal. With no command: the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"breath-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in FLOW_COMMANDS if only is None or only in FLOW_COMMANDS else ():
        _register_flow(commands, name)
    for name in COMMAND_MODULES if only is None else [only] if only in COMMAND_MODULES else ():
        module = importlib.import_module(f"breath_tui.commands.{name}")
        module.register(commands)
    return parser


def _register_flow(commands: Any, name: str) -> None:
    """`breath-tui NAME [--no-sound] [--reduced-motion]`: the flow, full screen."""
    command = flow_named(name).command
    assert command is not None
    parser = commands.add_parser(name, help=command.help, description=command.description)
    if command.sound:
        parser.add_argument("--no-sound", action="store_true", help="no audio cues")
    parser.add_argument("--reduced-motion", action="store_true", help="a guide with no motion")
    parser.set_defaults(run=partial(run_flow_command, name), full_screen=True)


def run_flow_command(name: str, args: argparse.Namespace) -> int:
    """Run a registry flow from its sub-command; 0 when it ends, whatever the person chose."""
    import sys

    from breath_tui.core.config import briefly, load_config, load_config_forgiving
    from breath_tui.core.locations import config_path

    command = flow_named(name).command
    assert command is not None
    sound = not getattr(args, "no_sound", False)
    if not command.never_fails:
        options = FlowOptions(sound=sound, reduced_motion=args.reduced_motion)
        from breath_tui.app import run_flow

        return run_flow(name, options, load_config(config_path()))
    config, notice = load_config_forgiving(config_path())
    if not sys.stdout.isatty():  # a pipe, a file: the guidance in lines
        from breath_tui.plain import run_plain_session
        from breath_tui.session_setup import session_for

        if notice:
            print(notice, file=sys.stderr)
        return run_plain_session(session_for(config, "quick", sound=sound))
    from breath_tui.app import run_flow

    path = config_path()
    said = briefly(notice, path) if notice else None
    options = FlowOptions(sound=sound, reduced_motion=args.reduced_motion, notice=said)
    status = run_flow(name, options, config)
    if notice:  # the whole path, where it can be copied, once the screen is given back
        print(notice, file=sys.stderr)
    return status
