"""`python -m breath_tui` runs the same command line as `breath-tui`."""

from breath_tui.cli import main

raise SystemExit(main())
