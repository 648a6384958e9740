"""Journal import and export of 10,000 check-ins, each beside a bare reference from the same run.

- import: read and check a JSON Lines file, then add it to a journal in one transaction (what
  `breath-tui import` does). Reference: json.loads of the same lines and executemany of them
  into a bare SQLite table (id primary key, text), so the ratio is the cost of checking every
  field and of the journal's indexes and durability settings. Target: under 10 s.
- export: read every check-in back, oldest first, and write JSON Lines (what
  `breath-tui export` does). Reference: json.dumps of the same dicts written to a file.
  Target: under 3 s. CSV is measured against the same reference.
- history's first page: what the history screen reads when it opens (the count, then the newest
  `screens.history.PAGE` check-ins, 100) from a 10,000-row journal. Reference: the same two
  queries on a bare sqlite3 connection to the same file, rows fetched but not turned into
  check-ins. Target: under 50 ms.

Everything happens in a temporary folder; no real journal is touched. Each figure is the best
of a few runs, so a stray pause of the machine does not count against the code.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.common import Row
from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, CheckIn, Feeling
from breath_tui.core.vocab import ALL_FEELINGS, INTENSITIES, SENSATIONS
from breath_tui.journal import Journal
from breath_tui.journal.exchange import parse_jsonl, write_csv, write_jsonl
from breath_tui.screens.history import PAGE

COUNT = 10_000
RUNS = 3
START = datetime(2020, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def sample_checkins(count: int = COUNT) -> list[CheckIn]:
    """Deterministic, fully filled check-ins: every field in use, like a long-kept journal."""
    breathing = Breathing("resonance", (BreathPhase("in", 4), BreathPhase("out", 6)), 1.0, 12, 120)
    made = []
    for n in range(count):
        started = START + timedelta(hours=7 * n)
        made.append(
            CheckIn(
                id=f"00000000-0000-4000-8000-{n:012d}",
                started_at=started,
                ended_at=started + timedelta(minutes=3),
                kind="checkin",
                breathing=breathing,
                pre_rating=n % 11,
                post_rating=(n * 7) % 11,
                body=tuple(
                    BodyEntry(region, (SENSATIONS[(n + i) % len(SENSATIONS)],), (n + i) % 11)
                    for i, region in enumerate(("shoulders", "stomach", "chest"))
                ),
                feelings=(
                    Feeling(ALL_FEELINGS[n % len(ALL_FEELINGS)], INTENSITIES[n % 3]),
                    Feeling(ALL_FEELINGS[(n * 13) % len(ALL_FEELINGS)], INTENSITIES[(n + 1) % 3]),
                ),
                note=f"Session {n}: when you slowed down I felt safer. Bring up the week.",
            )
        )
    return made


def best_of(runs: int, setup: Callable[[int], object], work: Callable[[object], object]) -> float:
    """The shortest of `runs` timings of work(setup(run)); setup is not timed."""
    times = []
    for run in range(runs):
        prepared = setup(run)
        begin = time.perf_counter()
        work(prepared)
        times.append(time.perf_counter() - begin)
    return min(times)


def run() -> list[Row]:
    """Measure import, export and the first history page at 10,000 check-ins."""
    with tempfile.TemporaryDirectory(prefix="breath-bench-") as folder:
        return _measure(Path(folder))


def _measure(folder: Path) -> list[Row]:
    checkins = sample_checkins()
    source = folder / "in.jsonl"
    with source.open("w", encoding="utf-8") as out:
        write_jsonl(checkins, out)
    data = source.read_bytes()
    lines = data.decode("utf-8").splitlines()

    def import_journal(prepared: object) -> None:
        with Journal(Path(str(prepared))) as journal:
            journal.import_checkins(parse_jsonl(data, str(source)))

    def import_bare(prepared: object) -> None:
        db = sqlite3.connect(Path(str(prepared)), isolation_level=None)
        db.execute("CREATE TABLE t (id TEXT PRIMARY KEY, data TEXT)")
        rows = [(json.loads(line)["id"], line) for line in lines]
        db.execute("BEGIN")
        db.executemany("INSERT INTO t VALUES (?, ?)", rows)
        db.execute("COMMIT")
        db.close()

    imported = best_of(RUNS, lambda n: folder / f"journal-{n}.sqlite3", import_journal)
    bare_import = best_of(RUNS, lambda n: folder / f"bare-{n}.sqlite3", import_bare)

    journal = Journal(folder / "journal-0.sqlite3")
    dicts = [c.to_dict() for c in checkins]

    def export_with(writer: Callable[..., None]) -> Callable[[object], None]:
        def work(prepared: object) -> None:
            with open(str(prepared), "w", encoding="utf-8", newline="") as out:
                writer(journal.checkins(oldest_first=True), out)

        return work

    def export_bare(prepared: object) -> None:
        with open(str(prepared), "w", encoding="utf-8") as out:
            for item in dicts:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")

    def target(n: int) -> Path:
        return folder / f"out-{n}"

    exported = best_of(RUNS, target, export_with(write_jsonl))
    exported_csv = best_of(RUNS, target, export_with(write_csv))
    bare_export = best_of(RUNS, target, export_bare)

    def first_page(_: object) -> None:
        # As HistoryScreen.on_mount's worker: how many there are, then the newest page.
        total = journal.count()
        journal.checkins(limit=min(PAGE, total), offset=0)

    bare_db = sqlite3.connect(journal.path)

    def first_page_bare(_: object) -> None:
        bare_db.execute("SELECT count(*) FROM checkins").fetchall()
        bare_db.execute(
            "SELECT id, data FROM checkins ORDER BY started_ts DESC, id DESC LIMIT ?", (PAGE,)
        ).fetchall()

    page = best_of(RUNS * 3, lambda n: None, first_page) * 1000
    bare_page = best_of(RUNS * 3, lambda n: None, first_page_bare) * 1000
    bare_db.close()
    assert journal.count() == COUNT
    journal.close()

    bare_import_name = "json.loads + executemany, bare table"
    bare_export_name = "json.dumps + write, same records"
    return [
        Row(
            "journal import, 10,000 check-ins",
            imported,
            "s",
            bare_import,
            bare_import_name,
            "< 10 s",
            imported < 10,
        ),
        Row(
            "journal export jsonl, 10,000 check-ins",
            exported,
            "s",
            bare_export,
            bare_export_name,
            "< 3 s",
            exported < 3,
        ),
        Row(
            "journal export csv, 10,000 check-ins",
            exported_csv,
            "s",
            bare_export,
            bare_export_name,
            "< 3 s",
            exported_csv < 3,
        ),
        Row(
            f"history first page ({PAGE} of 10,000, with the count)",
            page,
            "ms",
            bare_page,
            "the same two queries, bare sqlite3, rows not rebuilt",
            "< 50 ms",
            page < 50,
        ),
    ]


if __name__ == "__main__":
    from bench.common import format_table

    print(format_table(run()))
