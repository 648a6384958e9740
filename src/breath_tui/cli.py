"""The command line: parse, validate, then hand over to the app, plain mode or a command.

Exit status: 0 done (also when stopped early), 2 bad input, 1 anything else. Errors are one or two
plain lines on stderr; never a traceback. Nothing heavy is imported before it is needed.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from breath_tui.core.errors import BadInput, Failure

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


@contextmanager
def collector_held(hold: bool = True) -> Iterator[None]:
    """Hold the cyclic garbage collector back while a full-screen command starts.

    Importing Textual and building the first screen makes a great many objects and almost no
    garbage, yet each few hundred allocations set off a collection pass over all of them:
    about 13 ms of a 200 ms start. BreathApp turns the collector back on once the first frame
    is on screen; leaving this turns it on whatever happened.
    """
    if hold:
        gc.disable()
    try:
        yield
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run breath-tui; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list:
            with collector_held():
                from breath_tui.app import run_flow
                from breath_tui.core.config import load_config
                from breath_tui.core.locations import config_path
                from breath_tui.flows import FlowOptions

                return run_flow("home", FlowOptions(), load_config(config_path()))
        if args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
            args_list = ["breathe", *args_list]  # `breath-tui --pattern box` means breathe
        from breath_tui.parser import build_parser, command_for

        args = build_parser(only=command_for(args_list[0])).parse_args(args_list)
        full_screen = getattr(args, "full_screen", False) and not getattr(args, "plain", False)
        with collector_held(full_screen):
            return int(args.run(args))
    except BadInput as error:
        report_error(str(error))
        return EXIT_BAD_INPUT
    except Failure as error:
        report_error(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        report_error(f"{where}{error.strerror or error}")
        return EXIT_FAILURE


def report_error(message: str) -> None:
    """One error on stderr, after "breath-tui: ", its file names and values shown as typed:
    a control character in a path or in BREATH_TUI_HOME is printed as an escape, never sent
    to the terminal."""
    from breath_tui.core.text import visible

    text = visible(message, keep_lines=True)
    print(text if text.startswith("breath-tui") else f"breath-tui: {text}", file=sys.stderr)
