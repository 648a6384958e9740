"""Pure model of breath-tui: no textual, pydub or simpleaudio here (a test enforces it)."""
