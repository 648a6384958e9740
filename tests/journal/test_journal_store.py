"""The journal: each step saved at once, resume, keep, discard, queries newest first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from breath_tui.core.checkin import BodyEntry, CheckIn, CheckInError, Feeling
from breath_tui.core.when import ManualNow
from breath_tui.journal import CheckInNotFound, Journal

Make = Callable[..., CheckIn]


def test_journal_lives_in_breath_tui_home(journal: Journal, breath_home: Path) -> None:
    """With BREATH_TUI_HOME set, the journal file is there."""
    assert journal.path == breath_home / "journal.sqlite3"
    assert journal.path.is_file()


def test_start_saves_an_in_progress_check_in_at_once(journal: Journal, now: ManualNow) -> None:
    """start_checkin() stores the check-in before any step, started now and in progress."""
    checkin_id = journal.start_checkin("checkin")
    with Journal(journal.path) as other:
        saved = other.get(checkin_id)
    assert saved is not None
    assert (saved.started_at, saved.status) == (now(), "in_progress")


def test_each_step_is_visible_to_another_reader_at_once(journal: Journal) -> None:
    """A saved step is committed: a second connection sees it without the first closing."""
    checkin_id = journal.start_checkin()
    journal.save_step(checkin_id, pre_rating=8)
    with Journal(journal.path) as other:
        saved = other.get(checkin_id)
    assert saved is not None and saved.pre_rating == 8


def test_steps_accumulate(journal: Journal) -> None:
    """Each step adds its fields and keeps the ones saved before."""
    checkin_id = journal.start_checkin()
    journal.save_step(checkin_id, pre_rating=6)
    journal.save_step(checkin_id, body=[BodyEntry("chest", ["warmth"], 3)])
    journal.save_step(checkin_id, feelings=[Feeling("calm", "a little")], note="ok")
    saved = journal.get(checkin_id)
    assert saved is not None
    assert (saved.pre_rating, saved.body[0].region, saved.feelings[0].word, saved.note) == (
        6,
        "chest",
        "calm",
        "ok",
    )


def test_a_bad_step_raises_and_changes_nothing(journal: Journal) -> None:
    """A bad value is refused with the field named; what was saved before stays."""
    checkin_id = journal.start_checkin()
    journal.save_step(checkin_id, pre_rating=6)
    with pytest.raises(CheckInError, match="pre_rating must be 0-10"):
        journal.save_step(checkin_id, pre_rating=11, note="lost")
    saved = journal.get(checkin_id)
    assert saved is not None and (saved.pre_rating, saved.note) == (6, "")
    assert journal.steps_done(checkin_id) == ("pre_rating",)


def test_saving_to_an_unknown_id_raises(journal: Journal) -> None:
    """A step for a check-in that is not there (discarded, forgotten) raises CheckInNotFound."""
    with pytest.raises(CheckInNotFound):
        journal.save_step("00000000-0000-4000-8000-000000000000", note="x")


def test_finish_completes_now(journal: Journal, now: ManualNow) -> None:
    """finish() sets ended_at to now and the status to complete."""
    checkin_id = journal.start_checkin()
    now.advance(150)
    done = journal.finish(checkin_id)
    assert (done.ended_at, done.status) == (now(), "complete")
    assert journal.unfinished() is None


def test_unfinished_is_the_newest_in_progress(journal: Journal, now: ManualNow) -> None:
    """unfinished() offers the newest check-in not yet finished, skipping complete ones."""
    older = journal.start_checkin()
    now.advance(60)
    newer = journal.start_checkin("scan")
    now.advance(60)
    journal.finish(journal.start_checkin())
    found = journal.unfinished()
    assert found is not None and found.id == newer
    journal.discard(newer)
    found = journal.unfinished()
    assert found is not None and found.id == older


def test_resume_goes_to_the_first_step_not_saved(journal: Journal) -> None:
    """A skipped step (saved empty) counts as done: resume moves past it."""
    checkin_id = journal.start_checkin()
    journal.save_step(checkin_id, pre_rating=5)
    journal.save_step(checkin_id, breathing=None)
    assert journal.next_step(checkin_id) == "body"
    assert journal.steps_done(checkin_id) == ("pre_rating", "breathing")


def test_next_step_is_none_when_all_steps_are_saved(journal: Journal) -> None:
    """A scan with body, feelings and note saved has no step left."""
    checkin_id = journal.start_checkin("scan")
    journal.save_step(checkin_id, body=[], feelings=[], note="")
    assert journal.next_step(checkin_id) is None


def test_keep_ends_at_the_last_saved_step(journal: Journal, now: ManualNow) -> None:
    """Keeping an unfinished check-in days later ends it when its last step was saved."""
    checkin_id = journal.start_checkin()
    now.advance(45)
    journal.save_step(checkin_id, pre_rating=4)
    last_step = now()
    now.advance(3 * 86400)
    kept = journal.keep(checkin_id)
    assert (kept.ended_at, kept.status) == (last_step, "complete")


def test_discard_deletes_for_good(journal: Journal) -> None:
    """discard() removes the check-in; a second discard finds nothing."""
    checkin_id = journal.start_checkin()
    assert journal.discard(checkin_id) is True
    assert journal.get(checkin_id) is None
    assert journal.discard(checkin_id) is False


def test_checkins_are_newest_first(journal: Journal, make_checkin: Make) -> None:
    """The listing is newest first; oldest_first gives the chronological order."""
    made = [make_checkin() for _ in range(3)]
    journal.import_checkins(reversed(made))
    assert [c.id for c in journal.checkins()] == [c.id for c in reversed(made)]
    assert [c.id for c in journal.checkins(oldest_first=True)] == [c.id for c in made]


def test_order_is_by_time_across_offsets(journal: Journal, make_checkin: Make) -> None:
    """09:00+02:00 (07:00 UTC) is before 08:30+00:00: order follows the instant, not the text."""
    east = make_checkin(
        started_at=datetime(2024, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2))), ended_at=None
    )
    west = make_checkin(started_at=datetime(2024, 5, 1, 8, 30, tzinfo=UTC), ended_at=None)
    journal.import_checkins([west, east])
    assert [c.id for c in journal.checkins(oldest_first=True)] == [east.id, west.id]


def test_filters_since_kind_status_and_paging(journal: Journal, make_checkin: Make) -> None:
    """since, kind, status, limit and offset narrow the listing, and count() agrees."""
    made = [make_checkin(kind="scan" if n % 2 else "checkin") for n in range(6)]
    made.append(make_checkin(ended_at=None))
    journal.import_checkins(made)
    assert [c.id for c in journal.checkins(since=made[4].started_at)] == [
        made[6].id,
        made[5].id,
        made[4].id,
    ]
    assert journal.count(kind="scan") == 3
    assert journal.count(status="in_progress") == 1
    assert [c.id for c in journal.checkins(limit=2, offset=1)] == [made[5].id, made[4].id]


def test_add_refuses_an_id_already_present(journal: Journal, make_checkin: Make) -> None:
    """add() saves a whole check-in once; the same id again is not overwritten."""
    checkin = make_checkin()
    assert journal.add(checkin) is True
    assert journal.add(checkin.updated(note="other")) is False
    saved = journal.get(checkin.id)
    assert saved is not None and saved.note == checkin.note


def test_unknown_fields_survive_storage(journal: Journal, make_checkin: Make) -> None:
    """Fields this version does not know are stored and given back, and kept by later steps."""
    data = make_checkin(ended_at=None).to_dict()
    data["future_field"] = {"x": [1, 2]}
    checkin = CheckIn.from_dict(data)
    journal.add(checkin)
    journal.save_step(checkin.id, note="changed")
    saved = journal.get(checkin.id)
    assert saved is not None and saved.extra == {"future_field": {"x": [1, 2]}}


@pytest.mark.parametrize(
    ("method", "index"),
    [("checkins", "checkins_by_time"), ("unfinished", "checkins_by_status")],
)
def test_queries_use_an_index(journal: Journal, method: str, index: str) -> None:
    """Listing and resume read an index, not the whole table (fast at 10,000 rows)."""
    queries: list[str] = []
    journal._db.set_trace_callback(queries.append)
    getattr(journal, method)()
    journal._db.set_trace_callback(None)
    select = next(q for q in queries if q.lstrip().startswith("SELECT"))
    plan = " ".join(str(row) for row in journal._db.execute(f"EXPLAIN QUERY PLAN {select}"))
    assert index in plan


def test_any_thread_can_use_the_journal(journal: Journal) -> None:
    """A Textual worker thread may save a step (calls are serialised by a lock)."""
    import threading

    checkin_id = journal.start_checkin()
    worker = threading.Thread(target=journal.save_step, args=(checkin_id,), kwargs={"note": "t"})
    worker.start()
    worker.join()
    saved = journal.get(checkin_id)
    assert saved is not None and saved.note == "t"


def _raw(path: Path, sql: str) -> Any:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_columns_mirror_the_stored_json(journal: Journal) -> None:
    """The indexed columns (status, ratings) follow each step."""
    checkin_id = journal.start_checkin()
    journal.save_step(checkin_id, pre_rating=9)
    journal.finish(checkin_id)
    assert _raw(journal.path, "SELECT status, pre_rating, post_rating FROM checkins") == [
        ("complete", 9, None)
    ]


def test_a_damaged_row_is_reported_not_raised_as_a_traceback(journal: Journal) -> None:
    """A row whose JSON was edited into nonsense gives a JournalError naming the check-in."""
    from breath_tui.journal import JournalError

    checkin_id = journal.start_checkin()
    with sqlite3.connect(journal.path) as db:
        db.execute("UPDATE checkins SET data = '{\"schema\": 1}'")
    with pytest.raises(JournalError, match=f"check-in {checkin_id} is damaged: id is missing"):
        journal.get(checkin_id)
