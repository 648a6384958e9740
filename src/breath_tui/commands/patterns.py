"""`breath-tui patterns`: the pattern library with timings, breaths per minute, source, caution."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    """Add the `patterns` sub-command."""
    parser = commands.add_parser(
        "patterns", help="the pattern library: timings, pace, source, cautions"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print every preset and custom pattern."""
    from breath_tui.core.config import load_config
    from breath_tui.core.locations import config_path
    from breath_tui.core.patterns import PRESETS

    config = load_config(config_path())
    print(render_table([*PRESETS.values(), *config.patterns.values()], set(config.patterns)))
    return 0


def render_table(patterns: list[Any], custom: set[str]) -> str:
    """The library as plain text for the person breathing: one block per pattern (timing, the
    pace, what it is, its caution), the panic note, then the sources in full."""
    from breath_tui.core.patterns import rate_text
    from breath_tui.core.safety import PANIC_NOTE

    lines = []
    for pattern in patterns:
        mark = " (yours)" if pattern.name in custom else ""
        rate = rate_text(pattern.breaths_per_minute)
        lines.append(f"{pattern.name}{mark}: {pattern.timing} s, {rate} breaths a minute")
        if pattern.description:
            lines.append(f"    {pattern.description}")
        if pattern.all_cautions:
            lines.append(f"    Caution: {pattern.all_cautions}")
    lines += [
        "",
        PANIC_NOTE,
        "Your own timing: --pattern IN-HOLD-OUT[-HOLD] in seconds, e.g. 4-0-6 or 4-7-8 "
        "(10 breaths a minute at most).",
        "",
        "Sources",
        *(f"    {pattern.name}: {pattern.source}" for pattern in patterns if pattern.source),
    ]
    return "\n".join(lines)
