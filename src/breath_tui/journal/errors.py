"""What can go wrong with the journal, as exceptions the command line and screens show."""

from __future__ import annotations

from breath_tui.core.errors import Failure


class JournalError(Failure):
    """The journal cannot be used (damaged, locked too long, too new); the message says why."""


class CheckInNotFound(JournalError, LookupError):
    """No check-in with that id (it may have been discarded, or the journal forgotten)."""


class NoJournalYet(JournalError):
    """There is no journal file yet, and it was opened for reading only (nothing is created)."""
