"""The check-in model: the interchange format exactly, checked values, unknown keys kept."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from breath_tui.core.checkin import (
    BodyEntry,
    Breathing,
    CheckIn,
    CheckInError,
    Feeling,
    steps_for,
)
from breath_tui.core.when import ManualNow

Make = Callable[..., CheckIn]


def line(make: Make, **changes: Any) -> dict[str, Any]:
    """A valid interchange dict with some keys set to new values."""
    data = make().to_dict()
    for key, value in changes.items():
        data[key] = value
    return data


def test_to_dict_has_exactly_the_design_keys_in_order(make_checkin: Make) -> None:
    """Keys are the interchange format's (docs/architecture.md), in its order, and nothing else."""
    assert list(make_checkin().to_dict()) == [
        "schema",
        "id",
        "started_at",
        "ended_at",
        "kind",
        "breathing",
        "pre_rating",
        "post_rating",
        "body",
        "feelings",
        "note",
    ]


def test_nested_objects_have_the_design_keys(make_checkin: Make) -> None:
    """breathing, its phases, body entries and feelings carry exactly the documented keys."""
    data = make_checkin().to_dict()
    assert list(data["breathing"]) == ["pattern", "phases", "tempo", "cycles", "seconds"]
    assert list(data["breathing"]["phases"][0]) == ["kind", "seconds"]
    assert list(data["body"][0]) == ["region", "sensations", "intensity"]
    assert list(data["feelings"][0]) == ["word", "intensity"]


def test_times_are_iso_8601_with_offset(make_checkin: Make) -> None:
    """started_at keeps the offset the person had: 2024-05-01T09:30:00+01:00."""
    assert make_checkin().to_dict()["started_at"] == "2024-05-01T09:30:00+01:00"


def test_dict_round_trip_gives_an_equal_check_in(make_checkin: Make) -> None:
    """from_dict(to_dict(c)) == c."""
    checkin = make_checkin()
    assert CheckIn.from_dict(checkin.to_dict()) == checkin


def test_json_round_trip_gives_the_same_line(make_checkin: Make) -> None:
    """to_json(from_json(line)) is the same text."""
    text = make_checkin(note="née, 東京, emoji 🙂").to_json()
    assert CheckIn.from_json(text).to_json() == text


def test_unknown_keys_at_every_level_are_written_back(make_checkin: Make) -> None:
    """Readers ignore unknown keys; writers never drop them, nested ones included."""
    data = make_checkin().to_dict()
    data["mood_colour"] = "blue"
    data["breathing"]["device"] = {"name": "watch"}
    data["breathing"]["phases"][1]["label"] = "Breathe out"
    data["body"][0]["side"] = "left"
    data["feelings"][0]["family"] = "sad"
    assert CheckIn.from_dict(copy.deepcopy(data)).to_dict() == data


def test_missing_optional_fields_take_their_empty_values() -> None:
    """Only schema, id, started_at and kind are required; the rest default to empty."""
    checkin = CheckIn.from_dict(
        {"schema": 1, "id": str(uuid.uuid4()), "started_at": "2024-05-01T09:30:00Z", "kind": "scan"}
    )
    assert (
        checkin.ended_at,
        checkin.breathing,
        checkin.pre_rating,
        checkin.body,
        checkin.feelings,
        checkin.note,
    ) == (None, None, None, (), (), "")


BAD_FIELDS = [
    ({"pre_rating": 11}, "pre_rating must be 0-10, not 11"),
    ({"post_rating": -1}, "post_rating must be 0-10, not -1"),
    ({"pre_rating": "7"}, 'pre_rating must be a whole number 0-10, not "7"'),
    ({"pre_rating": 6.5}, "pre_rating must be a whole number 0-10, not 6.5"),
    ({"pre_rating": True}, "pre_rating must be a whole number 0-10, not true"),
    ({"schema": 2}, "schema is 2, newer than this breath-tui reads (1); update it"),
    ({"schema": "1"}, 'schema must be 1, not "1"'),
    ({"id": "not-a-uuid"}, 'id must be a UUID, not "not-a-uuid"'),
    (
        {"kind": "walk"},
        'kind must be one of checkin, quick, breathe, scan, feedback, ground, resonance, not "walk"',
    ),
    ({"started_at": "yesterday"}, "started_at must be an ISO 8601 time"),
    ({"started_at": "2024-05-01T09:30:00"}, "started_at needs a UTC offset"),
    ({"ended_at": "2024-04-30T09:30:00+01:00"}, "ended_at must not be before started_at"),
    ({"note": 5}, "note must be text in quotes, not a number"),
    ({"body": {"region": "chest"}}, "body must be a list [...], not an object"),
    (
        {"body": [{"region": "chest", "sensations": ["ache"], "intensity": 12}]},
        "body[0].intensity must be 0-10, not 12",
    ),
    (
        {"body": [{"region": " ", "sensations": [], "intensity": 1}]},
        "body[0].region must not be empty",
    ),
    (
        {"body": [{"region": "chest", "sensations": "ache", "intensity": 1}]},
        "body[0].sensations must be a list",
    ),
    ({"body": [{"region": "chest", "intensity": 1}]}, "body[0].sensations is missing"),
    (
        {"feelings": [{"word": "sad", "intensity": "extremely"}]},
        'feelings[0].intensity must be "a little", "somewhat" or "very"',
    ),
    ({"feelings": ["sad"]}, "feelings[0] must be an object {...}, not text"),
    (
        {
            "breathing": {
                "pattern": "resonance",
                "phases": [{"kind": "in", "seconds": 0}],
                "tempo": 1,
                "cycles": 1,
                "seconds": 10,
            }
        },
        "breathing.phases[0].seconds must be more than 0, not 0",
    ),
    (
        {
            "breathing": {
                "pattern": "resonance",
                "phases": [],
                "tempo": 0,
                "cycles": 1,
                "seconds": 10,
            }
        },
        "breathing.tempo must be 0.5 or more, not 0",
    ),
    (
        {"breathing": {"pattern": "resonance", "phases": [], "tempo": 1, "cycles": 1}},
        "breathing.seconds is missing",
    ),
]


@pytest.mark.parametrize(("changes", "message"), BAD_FIELDS)
def test_from_dict_names_the_field_and_the_problem(
    make_checkin: Make, changes: dict[str, Any], message: str
) -> None:
    """Every bad value gives a CheckInError whose message names the field and what is wrong."""
    with pytest.raises(CheckInError) as caught:
        CheckIn.from_dict(line(make_checkin, **changes))
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("key", ["schema", "id", "started_at", "kind"])
def test_required_keys_are_named_when_missing(make_checkin: Make, key: str) -> None:
    """A missing required key is reported by name."""
    data = make_checkin().to_dict()
    del data[key]
    with pytest.raises(CheckInError, match=f"^{key} is missing$"):
        CheckIn.from_dict(data)


def test_a_line_that_is_not_an_object_is_refused() -> None:
    """A JSON list or number is not a check-in."""
    with pytest.raises(CheckInError, match="must be an object"):
        CheckIn.from_dict([1, 2])


def test_an_id_in_another_spelling_is_stored_canonical(make_checkin: Make) -> None:
    """Upper-case UUIDs read as the canonical lower-case form, so duplicates are found."""
    upper = str(uuid.uuid4()).upper()
    assert CheckIn.from_dict(line(make_checkin, id=upper)).id == upper.lower()


def test_new_check_in_starts_now_in_progress_with_a_fresh_id() -> None:
    """CheckIn.new(kind, now=...) takes the injected time, a random UUID, and no end."""
    clock = ManualNow(datetime(2024, 5, 1, 9, 30, tzinfo=UTC))
    checkin = CheckIn.new("scan", now=clock)
    assert (checkin.started_at, checkin.kind, checkin.status) == (clock(), "scan", "in_progress")
    assert uuid.UUID(checkin.id).version == 4


def test_status_is_complete_once_ended(make_checkin: Make) -> None:
    """ended_at set: complete; ended_at null: in progress."""
    assert make_checkin().status == "complete"
    assert make_checkin(ended_at=None).status == "in_progress"


def test_updated_checks_the_new_value(make_checkin: Make) -> None:
    """updated() refuses a bad value with the field named, as from_dict does."""
    with pytest.raises(CheckInError, match="pre_rating must be 0-10, not 12"):
        make_checkin().updated(pre_rating=12)


def test_updated_refuses_fixed_fields(make_checkin: Make) -> None:
    """id, started_at and kind cannot change after the start."""
    with pytest.raises(CheckInError, match="^id cannot be changed"):
        make_checkin().updated(id=str(uuid.uuid4()))


def test_updated_accepts_lists_and_stores_tuples(make_checkin: Make) -> None:
    """Screens may pass lists; the check-in keeps tuples (it is immutable)."""
    checkin = make_checkin().updated(body=[BodyEntry("jaw", ["ache"], 2)])
    assert checkin.body == (BodyEntry("jaw", ("ache",), 2),)


def test_finished_never_ends_before_it_started(make_checkin: Make) -> None:
    """A clock set back during a check-in gives ended_at == started_at, not an invalid record."""
    checkin = make_checkin(ended_at=None)
    done = checkin.finished(checkin.started_at - timedelta(hours=1))
    assert done.ended_at == checkin.started_at


def test_rating_change_is_after_minus_before(make_checkin: Make) -> None:
    """7 before and 4 after is a change of -3; a missing rating gives None."""
    assert make_checkin().rating_change == -3
    assert make_checkin(post_rating=None).rating_change is None


def test_feelings_sentence_of_a_check_in(make_checkin: Make) -> None:
    """The check-in's sentence is the vocabulary's sentence of its feelings."""
    checkin = make_checkin(feelings=[Feeling("sad", "very"), Feeling("tired")])
    assert checkin.feelings_sentence == "I feel very sad and somewhat tired."


def test_json_line_escapes_terminal_controls(make_checkin: Make) -> None:
    """ESC, C1 controls and U+2028 are escaped in the JSON line, never raw."""
    text = make_checkin(note="a\x1b[2Jb\x9bc\u2028d").to_json()
    assert not any(ch in text for ch in "\x1b\x9b\u2028")
    assert json.loads(text)["note"] == "a\x1b[2Jb\x9bc\u2028d"


def test_scan_steps_are_body_feelings_note() -> None:
    """A body scan asks for body, feelings and note, in that order."""
    assert steps_for("scan") == ("body", "feelings", "note")


def test_breathing_of_a_pattern_records_its_phases() -> None:
    """Breathing.of(pattern, ...) records the pattern's name and phases, top-up in-breath too."""
    from breath_tui.core.patterns import PRESETS

    breathing = Breathing.of(PRESETS["cyclic-sigh"], tempo=0.8, cycles=20, seconds=225.0)
    assert breathing.to_dict() == {
        "pattern": "cyclic-sigh",
        "phases": [
            {"kind": "in", "seconds": 2.0},
            {"kind": "in", "seconds": 1.0},
            {"kind": "out", "seconds": 6.0},
        ],
        "tempo": 0.8,
        "cycles": 20,
        "seconds": 225.0,
    }
