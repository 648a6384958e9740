"""Sub-commands: each module has `register(subparsers)`, which sets `run` on its parser."""
