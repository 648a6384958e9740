"""Textual screens: thin, they render core state and forward keys."""
