"""The command-line parser: one sub-command per module in breath_tui/commands.

Kept apart from cli.py so that `breath-tui` with no command (home) never imports argparse.
"""

from __future__ import annotations

import argparse
import importlib
from typing import NoReturn

from breath_tui import __version__
from breath_tui.core.errors import BadInput

# Each module in breath_tui/commands registers one sub-command; --help lists exactly these.
COMMAND_MODULES = (
    "breathe",
    "now",
    "checkin",
    "scan",
    "patterns",
    "sounds",
    "export",
    "importer",
    "history",
    "forget",
    "serve",
)


# The command a person types, for the modules whose name differs (import is a keyword).
COMMAND_NAMES = {name: name for name in COMMAND_MODULES} | {"import": "importer"}
COMMAND_NAMES.pop("importer")


class UsageError(BadInput):
    """The command line itself is wrong."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (and a hint), not a page of usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


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
    for name in [only] if only else COMMAND_MODULES:
        module = importlib.import_module(f"breath_tui.commands.{name}")
        module.register(commands)
    return parser
