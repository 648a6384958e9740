"""Other processes and hard stops: two copies writing at once lose nothing; kill -9 during writes
leaves a journal that opens, passes integrity_check and holds every committed check-in."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from breath_tui.journal import Journal

WRITER = """
import sys
import time
from pathlib import Path
from breath_tui.core.checkin import Feeling
from breath_tui.journal import Journal

path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
shared = sys.argv[4] if len(sys.argv) > 4 else None
with Journal(path) as journal:
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go", so both writers start together
    for n in range(count):
        if shared:  # both write fields of one check-in: no step may overwrite the other's
            if tag == "a":
                journal.save_step(shared, note=f"a-{n}")
            else:
                journal.save_step(shared, feelings=[Feeling(f"b-{n}")])
            continue
        checkin_id = journal.start_checkin()
        journal.save_step(checkin_id, note=f"{tag}-{n}")
        journal.save_step(checkin_id, pre_rating=n % 11)
    print("done", flush=True)
"""

LOOPER = """
import sys
import time
from pathlib import Path
from breath_tui.journal import Journal

with Journal(Path(sys.argv[1])) as journal:
    n = 0
    while True:
        checkin_id = journal.start_checkin()
        journal.save_step(checkin_id, note="x" * 3000 + str(n))
        journal.finish(checkin_id)
        sys.stdout.write(f"{checkin_id}\\n")  # one write, only after the commit
        n += 1
"""


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    # -u: each sys.stdout.write above is one write(2) of a whole line, so a SIGKILL can
    # never leave half a line (print() writes each argument separately when unbuffered).
    return subprocess.Popen(
        [sys.executable, "-u", "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _whole_lines(output: str) -> list[str]:
    """The lines a killed writer finished: a last line without its newline was cut short."""
    return output.splitlines(keepends=True)[: output.count("\n")]


def _run_together(*writers: subprocess.Popen[str]) -> None:
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert (writer.returncode, out) == (0, "done\n")


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    """2 x 200 check-ins written at the same time: all 400, with every step, are there."""
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    _run_together(_spawn(WRITER, str(path), "a", "200"), _spawn(WRITER, str(path), "b", "200"))
    with Journal(path) as journal:
        saved = journal.checkins()
    assert sorted(c.note for c in saved) == sorted(f"{t}-{n}" for t in "ab" for n in range(200))
    assert all(c.pre_rating == int(c.note[2:]) % 11 for c in saved)


def test_two_processes_saving_steps_of_one_check_in_keep_both(tmp_path: Path) -> None:
    """Steps saved to the same check-in from two processes never overwrite each other's field."""
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        shared = journal.start_checkin()
    _run_together(
        _spawn(WRITER, str(path), "a", "150", shared), _spawn(WRITER, str(path), "b", "150", shared)
    )
    with Journal(path) as journal:
        saved = journal.get(shared)
    assert saved is not None
    assert (saved.note, saved.feelings[0].word) == ("a-149", "b-149")


def _kill_after(path: Path, committed: int) -> list[str]:
    """Run the looping writer, SIGKILL it after `committed` commits; return the ids it printed."""
    looper = _spawn(LOOPER, str(path))
    assert looper.stdout is not None
    ids = [looper.stdout.readline().strip() for _ in range(committed)]
    looper.send_signal(signal.SIGKILL)
    rest, _ = looper.communicate(timeout=30)
    assert looper.returncode == -signal.SIGKILL
    return ids + [line.strip() for line in _whole_lines(rest)]


def _assert_whole(path: Path, ids: list[str]) -> None:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Journal(path) as journal:
        for checkin_id in ids:
            saved = journal.get(checkin_id)
            assert saved is not None and saved.status == "complete"


def test_kill_9_during_writes_keeps_every_committed_check_in(tmp_path: Path) -> None:
    """After SIGKILL mid-loop the journal opens, is intact and has every committed check-in."""
    path = tmp_path / "j.sqlite3"
    ids = _kill_after(path, 40)
    _assert_whole(path, ids)


@pytest.mark.slow
def test_kill_9_again_and_again(tmp_path: Path) -> None:
    """Twenty kills at different moments on one journal: it stays whole every time."""
    path = tmp_path / "j.sqlite3"
    ids: list[str] = []
    for round_number in range(20):
        ids += _kill_after(path, 5 + round_number * 3)
        _assert_whole(path, ids)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask of 0, so the test shows the modes are set by breath-tui, not by the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_is_0700_and_files_are_0600(breath_home: Path, open_umask: None) -> None:
    """The journal folder is 0700; the database, -wal and -shm files are 0600."""
    with Journal() as journal:
        journal.save_step(journal.start_checkin(), note="private")
        files = [journal.path, Path(f"{journal.path}-wal"), Path(f"{journal.path}-shm")]
        assert all(file.exists() for file in files)
        assert _mode(breath_home) == 0o700
        assert [oct(_mode(file)) for file in files] == ["0o600"] * 3


def test_a_loose_journal_file_is_tightened_but_a_folder_not_ours_is_left(
    breath_home: Path, open_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A journal file copied in with 0644 is made 0600 when opened; the 0755 folder the person
    chose keeps its mode (changing it could lock others out), with one warning."""
    breath_home.mkdir(mode=0o755)
    path = breath_home / "journal.sqlite3"
    Journal(path).close()
    os.chmod(path, 0o644)
    Journal(path).close()
    assert (_mode(breath_home), _mode(path)) == (0o755, 0o600)
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 1 and "can be opened by other users (mode 0755)" in warnings[0]


STEPPER = """
import sys
import time
from pathlib import Path
from breath_tui.core.checkin import BodyEntry, Breathing, BreathPhase, Feeling
from breath_tui.journal import Journal

BREATHING = Breathing("resonance", (BreathPhase("in", 4), BreathPhase("out", 6)), 1.0, 12, 120.0)
with Journal(Path(sys.argv[1])) as journal:
    n = 0
    while True:
        checkin_id = journal.start_checkin()
        steps = [
            ("pre_rating", n % 11),
            ("breathing", BREATHING),
            ("body", [BodyEntry("shoulders", ["tension"], n % 11)]),
            ("feelings", [Feeling("disappointed")]),
            ("note", "slowing down helped " * 50 + str(n)),
            ("post_rating", (n + 3) % 11),
        ]
        for name, value in steps:
            journal.save_step(checkin_id, **{name: value})
            sys.stdout.write(f"{checkin_id} {n} {name}\\n")  # one write, only after the commit
        journal.finish(checkin_id)
        sys.stdout.write(f"{checkin_id} {n} finished\\n")
        n += 1
"""

BATCH = 1500
IMPORTER = f"""
import sys
import time
from pathlib import Path
from breath_tui.core.checkin import CheckIn
from breath_tui.journal import Journal

with Journal(Path(sys.argv[1])) as journal:
    for batch in range(1000):
        journal.import_checkins(
            CheckIn(
                id=f"00000000-0000-4000-8000-{{batch:06d}}{{n:06d}}",
                started_at="2024-05-01T09:30:00+01:00",
                kind="quick",
                note="imported " * 40,
            )
            for n in range({BATCH})
        )
        sys.stdout.write(f"{{batch}}\\n")  # one write, only after the commit
"""


def _kill_stepper(path: Path, lines: int) -> list[list[str]]:
    """Run the step-by-step writer, SIGKILL it after `lines` saved steps; return what it saved."""
    stepper = _spawn(STEPPER, str(path))
    assert stepper.stdout is not None
    saved = [stepper.stdout.readline().split() for _ in range(lines)]
    stepper.send_signal(signal.SIGKILL)
    rest, _ = stepper.communicate(timeout=30)
    return saved + [line.split() for line in _whole_lines(rest)]


def _assert_steps_survive(path: Path, saved: list[list[str]]) -> None:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Journal(path) as journal:
        for checkin_id, number, step in saved:
            checkin = journal.get(checkin_id)
            assert checkin is not None, (checkin_id, step)
            n = int(number)
            if step == "finished":
                assert checkin.status == "complete"
                continue
            assert step in journal.steps_done(checkin_id)
            expected = {
                "pre_rating": n % 11,
                "post_rating": (n + 3) % 11,
                "note": "slowing down helped " * 50 + number,
            }
            if step in expected:
                assert getattr(checkin, step) == expected[step]
            else:
                assert getattr(checkin, step)  # breathing, body, feelings: present, not empty


def _stepper_trials(tmp_path: Path, trials: int, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / f"steps-{seed}.sqlite3"
    saved: list[list[str]] = []
    for _ in range(trials):
        saved += _kill_stepper(path, rng.randint(1, 40))
        _assert_steps_survive(path, saved)


def test_kill_9_mid_check_in_keeps_every_saved_step(tmp_path: Path) -> None:
    """SIGKILL at a few random points of step-by-step saving: every step saved is still there."""
    _stepper_trials(tmp_path, trials=3, seed=6)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_kill_9_mid_check_in_many_times(tmp_path: Path, seed: int) -> None:
    """Forty kills per seed at random points of step-by-step saving: no saved step is ever lost."""
    _stepper_trials(tmp_path, trials=40, seed=seed)


def _kill_importer(path: Path, batches: int, delay: float) -> int:
    """Run the batch importer, SIGKILL it `delay` s after `batches` commits; return commits seen."""
    importer = _spawn(IMPORTER, str(path))
    assert importer.stdout is not None
    for _ in range(batches):
        importer.stdout.readline()
    # The kill lands at a random moment of the next import's transaction.
    time.sleep(delay)
    importer.send_signal(signal.SIGKILL)
    rest, _ = importer.communicate(timeout=30)
    return batches + len(_whole_lines(rest))


def _assert_imports_whole(path: Path, committed: int) -> None:
    Journal(path).close()  # opens (and migrates, if the kill came before the first import)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_batch = dict(
            db.execute("SELECT substr(id, 25, 6), count(*) FROM checkins GROUP BY 1").fetchall()
        )
    # Every batch is there whole or not at all; each one reported committed is there.
    assert set(per_batch.values()) <= {BATCH}
    assert committed <= len(per_batch) <= committed + 1
    assert sorted(per_batch) == [f"{batch:06d}" for batch in range(len(per_batch))]


def _importer_trials(tmp_path: Path, trials: int, seed: int) -> None:
    rng = random.Random(seed)
    for trial in range(trials):
        path = tmp_path / f"import-{seed}-{trial}.sqlite3"
        committed = _kill_importer(path, rng.randint(0, 2), rng.uniform(0.0, 0.15))
        _assert_imports_whole(path, committed)


def test_kill_9_mid_import_is_all_or_nothing(tmp_path: Path) -> None:
    """SIGKILL during a 1,500-check-in import: each import is all there or not there at all."""
    _importer_trials(tmp_path, trials=3, seed=6)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_kill_9_mid_import_many_times(tmp_path: Path, seed: int) -> None:
    """Twenty kills per seed at random moments of large imports: never a partial import."""
    _importer_trials(tmp_path, trials=20, seed=seed)


def test_two_imports_and_a_check_in_at_once_lose_nothing(tmp_path: Path) -> None:
    """Two `breath-tui import`s of overlapping files and a step writer, all at once: every
    check-in once, every step there, both imports exit 0."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "journal.sqlite3"
    Journal(path).close()
    line = (
        '{{"schema": 1, "id": "00000000-0000-4000-8000-{n:012d}", '
        '"started_at": "2024-05-01T09:30:00+01:00", "kind": "quick", "note": "{n}"}}\n'
    )
    (tmp_path / "a.jsonl").write_text("".join(line.format(n=n) for n in range(0, 3000)))
    (tmp_path / "b.jsonl").write_text("".join(line.format(n=n) for n in range(2000, 5000)))
    env = {**os.environ, "BREATH_TUI_HOME": str(home)}
    writer = _spawn(WRITER, str(path), "w", "100")
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    imports = [
        subprocess.Popen(
            [sys.executable, "-m", "breath_tui", "import", str(tmp_path / name)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("a.jsonl", "b.jsonl")
    ]
    assert writer.stdin is not None
    writer.stdin.write("go\n")
    writer.stdin.flush()
    imported = 0
    for process in imports:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, err) == (0, ""), err
        imported += int(out.split()[1])  # "Imported N check-ins; skipped M ..."
    assert imported == 5000  # the 1,000 ids in both files counted once, by whichever came first
    assert writer.communicate(timeout=120)[0] == "done\n"
    with Journal(path) as journal:
        assert journal.count(kind="quick") == 5000
        written = journal.checkins(kind="checkin")
    assert sorted(c.note for c in written) == sorted(f"w-{n}" for n in range(100))
    assert all(c.pre_rating == int(c.note[2:]) % 11 for c in written)


OPENER = """
import sys
from pathlib import Path
from breath_tui.journal import Journal
sys.stdin.readline()
with Journal(Path(sys.argv[1])) as journal:
    journal.start_checkin()
"""


def _open_new_together(path: Path, copies: int) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(path)],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(copies)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with Journal(path) as journal:
        assert journal.count() == copies


def test_copies_opening_a_brand_new_journal_at_once_all_start(tmp_path: Path) -> None:
    """Four processes making the same new journal at once (WAL switch, migration): all succeed."""
    for trial in range(4):
        _open_new_together(tmp_path / f"j{trial}.sqlite3", 4)


@pytest.mark.slow
def test_copies_opening_a_brand_new_journal_again_and_again(tmp_path: Path) -> None:
    """Forty rounds of four processes making one new journal at once: never 'busy'."""
    for trial in range(40):
        _open_new_together(tmp_path / f"j{trial}.sqlite3", 4)
