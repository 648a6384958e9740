"""The private journal: check-ins in SQLite, and their export and import.

How the check-in screens use it (each call is one short transaction, committed at once, so a
crash or kill loses at most the step being typed)::

    from breath_tui.core.checkin import BodyEntry, Feeling
    from breath_tui.journal import Journal

    with Journal() as journal:                 # BREATH_TUI_HOME or the platform data folder
        checkin_id = journal.start_checkin("checkin")     # or "scan", "quick", "breathe"
        journal.save_step(checkin_id, pre_rating=7)
        journal.save_step(checkin_id, breathing=None)     # skipped: saved empty, resume moves on
        journal.save_step(checkin_id, body=[BodyEntry("shoulders", ["tension"], 6)])
        journal.save_step(checkin_id, feelings=[Feeling("disappointed"),
                                                Feeling("ashamed", "a little")])
        journal.save_step(checkin_id, note="Slowing down helped.")
        checkin = journal.save_step(checkin_id, post_rating=4)
        journal.finish(checkin_id)             # complete: ended_at is set
        checkin.feelings_sentence              # "I feel disappointed and a little ashamed."

On start-up: `journal.unfinished()` returns the newest check-in still in progress, or None.
Offer to finish it (`journal.next_step(id)` names the step to go back to), keep it as it is
(`journal.keep(id)`: complete, ending when its last step was saved) or `journal.discard(id)`.
When q is pressed mid-check-in: keep or discard the same way.

Values are checked as they are saved: a bad one raises core.checkin.CheckInError naming the
field, and nothing is saved. A problem with the file itself raises JournalError (show its
message; the command line exits 1). sqlite3 is imported only when a Journal is opened.

A Journal may be used from any thread (a lock serialises calls), but open it once per app, not
once per step. Tests pass `now=ManualNow(...)` (core.when) for exact times.
"""

from breath_tui.journal.errors import CheckInNotFound, JournalError, NoJournalYet
from breath_tui.journal.store import (
    ImportResult,
    Journal,
    forget_journal,
    read_journal,
    refuse_to_forget,
)

__all__ = [
    "CheckInNotFound",
    "ImportResult",
    "Journal",
    "JournalError",
    "NoJournalYet",
    "forget_journal",
    "read_journal",
    "refuse_to_forget",
]
