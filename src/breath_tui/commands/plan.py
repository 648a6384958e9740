"""`breath-tui plan`: the person's own safety plan, full screen to read and edit; --plain prints
it, every item as written (control characters shown as escapes, nothing read as markup);
--path prints where it is kept (plan.toml, beside config.toml, 0600).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(commands: Any) -> None:
    """Add the `plan` sub-command."""
    parser = commands.add_parser(
        "plan",
        help="your own safety plan: show and edit it; --plain prints it",
        description="Your safety plan, best written with your therapist, in the steps of the "
        "Stanley-Brown safety plan: warning signs; things I can do on my own; people and "
        "places that take my mind off things; people I can ask for help; professionals and "
        "services; making my surroundings safe; and, if you like, reasons for living. Kept in "
        "plan.toml beside config.toml, readable only by you. Full screen: a adds an item, Enter "
        "changes one, d removes one; every change is saved at once.",
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument(
        "--plain", action="store_true", help="print the plan as text (also when piped)"
    )
    shown.add_argument("--path", action="store_true", help="print where the plan is kept")
    parser.set_defaults(run=run, full_screen=True)


def run(args: argparse.Namespace) -> int:
    """Show, print or locate the plan; 2 when plan.toml is not a plan (naming file and line)."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path, plan_path
    from breath_tui.core.plan import load_plan, plan_lines
    from breath_tui.core.text import visible

    path = plan_path()
    if args.path:
        print(visible(str(path)))
        return 0
    plan = load_plan(path)  # a broken file is exit 2 before anything is shown
    config = load_config(config_path())
    if not args.plain and sys.stdin.isatty() and sys.stdout.isatty():
        from breath_tui.app import run_flow
        from breath_tui.flows import FlowOptions

        return run_flow("plan", FlowOptions(), config)
    lines = ["Your safety plan", "", *plan_lines(plan), "", config.safety.crisis_text]
    sys.stdout.write("".join(visible(line) + "\n" for line in lines))
    return 0
