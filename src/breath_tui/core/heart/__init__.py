"""Heart-rate biofeedback, the pure part: packets, recording files, the stepped protocol and the
per-breath tracker.

Standard library only (numpy, scipy and bleak live in `breath_tui.heart`), so that the breathing
screen can show a heart line without loading the science stack. Not a medical device: these
modules measure and report; they never judge.
"""
