"""Errors a person can fix: the command line turns them into exit status 2 and one or two lines."""


class BadInput(ValueError):
    """Input the person gave us (an option, a pattern, a config or import file) is not usable.

    The message names what is at fault (the option, the file and line, the pattern) and is shown
    as it is, without a traceback.
    """


class Failure(Exception):
    """Something went wrong that is not the person's input (a journal that cannot be opened,
    say): the command line shows the message as one line and exits with status 1."""
