"""Heart-rate biofeedback, the outside world: analysis with numpy and scipy, straps with bleak.

Everything here imports only `breath_tui.core`. numpy, scipy and bleak come from the optional
extra `heart` and are imported inside the functions that need them, never at module top, so
that importing this package costs nothing and a missing extra is one line, not a traceback.
"""

from __future__ import annotations

import importlib

EXTRA_HINT = "pip install 'breath-tui[heart]'"


class HeartExtraMissing(RuntimeError):
    """numpy, scipy or bleak is not installed: the message names the extra that brings them.

    The command line shows the message as one line and exits 1: the installation, not the
    person's input, is at fault.
    """


def require(*modules: str) -> None:
    """Import the named modules or raise HeartExtraMissing naming the `heart` extra.

    Args:
        modules: top-level module names, e.g. "numpy", "scipy", "bleak".

    Raises:
        HeartExtraMissing: one of them cannot be imported.
    """
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            raise HeartExtraMissing(
                f"heart-rate features need {name}, from the heart extra: {EXTRA_HINT}"
            ) from None


def preload_analysis() -> None:
    """Import the analysis (numpy and scipy, about a second) ahead of need.

    The live assessment can call this in a worker thread as it starts, so that the result is
    on screen at once when the last rate ends.

    Raises:
        HeartExtraMissing: numpy or scipy is not installed.
    """
    require("numpy", "scipy")
    importlib.import_module("breath_tui.heart.analysis")
