"""The private journal: check-ins in SQLite, and their export and import.

For screens: open a `Journal`, call `start_checkin(kind)`, then `save_step(id, ...)` after each
step and `finish(id)` at the end; on start-up, `unfinished()` offers one to resume (`next_step`),
`keep` or `discard`. sqlite3 itself is imported only when a Journal is opened.
"""

from breath_tui.journal.store import (
    CheckInNotFound,
    ImportResult,
    Journal,
    JournalError,
    forget_journal,
)

__all__ = ["CheckInNotFound", "ImportResult", "Journal", "JournalError", "forget_journal"]
