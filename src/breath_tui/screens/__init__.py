"""Textual screens: thin, they render core state and forward keys."""

MIN_WIDTH, MIN_HEIGHT = 40, 12
"""The smallest window every screen works in; below it a screen says to make it larger."""
