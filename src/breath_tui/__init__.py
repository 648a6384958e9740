"""breath-tui: a terminal companion for people in therapy."""

__version__ = "0.1.0"
