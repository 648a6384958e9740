"""The check-in: one record of the journal, exactly the JSON Lines interchange format
(docs/architecture.md, "The interchange format").

Every value is checked when a CheckIn (or one of its parts) is made, so a bad value is caught
where it comes from: the screen that set it, or the import line that held it. Errors name the
field: "body[1].intensity must be 0-10, not 12".

Unknown keys, at any level, are kept in `extra` and written back after the known ones: readers
ignore what they do not know, writers never drop a field they read.

The status is not a field of its own: a check-in is complete once it has an `ended_at`, and in
progress (resumable) until then. So the interchange format needs no extra field for it. A
complete entry the person left before its last step (q, then "keep") is marked `left_early`,
written only when true (`"left_early": true`), so every other line stays as it was.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal

from breath_tui.core.checkin.extras import Feedback, Grounding, Heart, Resonance
from breath_tui.core.checkin.fields import (
    MAX_NOTE,
    CheckInError,
    dumps,
    extra_keys,
    items,
    optional_rating,
    read_list,
    read_object,
    read_time,
    shown,
    text,
)
from breath_tui.core.checkin.parts import BodyEntry, Breathing, Feeling
from breath_tui.core.vocab import feelings_sentence
from breath_tui.core.when import Now, local_now

SCHEMA = 1

Kind = Literal["checkin", "quick", "breathe", "scan", "feedback", "ground", "resonance"]
KINDS: tuple[Kind, ...] = ("checkin", "quick", "breathe", "scan", "feedback", "ground", "resonance")
# Each kind in words, as screens, cards and the summary name it.
KIND_NAMES: dict[str, str] = {
    "checkin": "check-in",
    "quick": "quick calm",
    "breathe": "breathing",
    "scan": "body scan",
    "feedback": "feedback",
    "ground": "grounding",
    "resonance": "resonance assessment",
}
Status = Literal["in_progress", "complete"]

# The fields a step may set; id, started_at and kind are fixed when the check-in starts.
EDITABLE = (
    "ended_at",
    "breathing",
    "pre_rating",
    "post_rating",
    "body",
    "feelings",
    "note",
    "feedback",
    "heart",
    "resonance",
    "grounding",
    "left_early",
)

# The parts only one kind holds (heart goes with any breathing, so it is not here).
ONLY_FOR: dict[str, Kind] = {
    "feedback": "feedback",
    "resonance": "resonance",
    "grounding": "ground",
}

# The steps of each kind, in the order the screens ask them. The journal records which steps
# were saved (a skipped step is saved too, empty) so an unfinished check-in resumes at the
# first step not yet done: a skipped step and one not reached both look empty in the data.
STEPS: dict[Kind, tuple[str, ...]] = {
    "checkin": ("pre_rating", "breathing", "body", "feelings", "note", "post_rating"),
    "scan": ("body", "feelings", "note"),
    "quick": ("breathing",),
    "breathe": ("breathing",),
    # The feedback's steps each set part of one object: Journal.save_step(..., step=) names them.
    "feedback": ("session", "heard", "pace", "helped", "wishes", "unsaid"),
    "ground": ("pre_rating", "grounding", "post_rating"),
    "resonance": ("resonance",),
}


TYPING = "typing"
"""The key, among an unfinished entry's unknown keys (`extra`), of what was being typed and not
yet added when the app was ended from outside (a word of one's own in the body scan or the
feelings): {"step": "body", "region": "stomach", "word": "buzzing", "ticked": ["tension"]} or
{"step": "feelings", "word": "..."}. The journal
keeps it until the entry next changes (Journal.save_typing); the step resumed offers it back."""


def steps_for(kind: Kind) -> tuple[str, ...]:
    """The steps of a check-in of this kind, in the order the screens ask them."""
    return STEPS[kind]


@dataclass(frozen=True)
class CheckIn:
    """One check-in: a start-of-session check-in, a quick calm, a breathing session or a scan.

    Make a new one with CheckIn.new(kind); change one with updated(**fields), which checks the
    new values. Ratings are 0-10 tension (None: skipped); body and feelings keep their order.
    """

    id: str
    started_at: datetime
    kind: Kind = "checkin"
    ended_at: datetime | None = None
    breathing: Breathing | None = None
    pre_rating: int | None = None
    post_rating: int | None = None
    body: tuple[BodyEntry, ...] = ()
    feelings: tuple[Feeling, ...] = ()
    note: str = ""
    feedback: Feedback | None = None
    heart: Heart | None = None
    resonance: Resonance | None = None
    grounding: Grounding | None = None
    left_early: bool = False
    """Kept before its last step: the person left it and chose to keep what they had entered."""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)

    KEYS: ClassVar[tuple[str, ...]] = (
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
        "feedback",
        "heart",
        "resonance",
        "grounding",
        "left_early",
    )

    def __post_init__(self) -> None:
        text("id", self.id, blank_ok=False)
        try:
            object.__setattr__(self, "id", str(uuid.UUID(self.id)))
        except ValueError:
            raise CheckInError("id", f"must be a UUID, not {shown(self.id)}") from None
        # An ISO text is accepted and kept as the datetime it names (never stored as text).
        object.__setattr__(self, "started_at", read_time("started_at", self.started_at))
        if self.kind not in KINDS:
            raise CheckInError("kind", f"must be one of {', '.join(KINDS)}, not {shown(self.kind)}")
        if self.ended_at is not None:
            object.__setattr__(self, "ended_at", read_time("ended_at", self.ended_at))
            if self.ended_at < self.started_at:
                raise CheckInError("ended_at", "must not be before started_at")
        if self.breathing is not None and not isinstance(self.breathing, Breathing):
            raise CheckInError("breathing", "must be a Breathing or None")
        if not isinstance(self.left_early, bool):
            raise CheckInError("left_early", f"must be true or false, not {shown(self.left_early)}")
        optional_rating("pre_rating", self.pre_rating)
        optional_rating("post_rating", self.post_rating)
        for name, kind in (("body", BodyEntry), ("feelings", Feeling)):
            values = items(name, getattr(self, name))
            object.__setattr__(self, name, values)
            for index, item in enumerate(values):
                if not isinstance(item, kind):
                    raise CheckInError(f"{name}[{index}]", f"must be a {kind.__name__}")
        text("note", self.note, blank_ok=True, most=MAX_NOTE)
        for name, part in (
            ("feedback", Feedback),
            ("heart", Heart),
            ("resonance", Resonance),
            ("grounding", Grounding),
        ):
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, part):
                raise CheckInError(name, f"must be a {part.__name__} or None")
            if name in ONLY_FOR and self.kind != ONLY_FOR[name]:
                raise CheckInError(name, f'is only for kind "{ONLY_FOR[name]}", not "{self.kind}"')

    @classmethod
    def new(cls, kind: Kind = "checkin", *, now: Now = local_now) -> CheckIn:
        """A check-in starting now, with a fresh random id and nothing recorded yet."""
        return cls(id=str(uuid.uuid4()), started_at=now(), kind=kind)

    @property
    def status(self) -> Status:
        """ "complete" once ended_at is set, else "in_progress"."""
        return "complete" if self.ended_at is not None else "in_progress"

    @property
    def typing(self) -> Mapping[str, Any] | None:
        """What was being typed when the app was ended from outside (see TYPING), or None."""
        value = self.extra.get(TYPING)
        return value if isinstance(value, Mapping) else None

    def with_typing(self, typing: Mapping[str, Any] | None) -> CheckIn:
        """A copy holding `typing` as what was being typed (None: nothing)."""
        extra = {key: value for key, value in self.extra.items() if key != TYPING}
        if typing is not None:
            extra[TYPING] = dict(typing)
        return dataclasses.replace(self, extra=extra)

    @property
    def rating_change(self) -> int | None:
        """post_rating - pre_rating (negative: less tense after), or None if either is missing."""
        if self.pre_rating is None or self.post_rating is None:
            return None
        return self.post_rating - self.pre_rating

    @property
    def feelings_sentence(self) -> str:
        """'I feel disappointed and a little ashamed.', or "" with no feelings."""
        return feelings_sentence((f.word, f.intensity) for f in self.feelings)

    def updated(self, **changes: Any) -> CheckIn:
        """A copy with some of EDITABLE's fields changed; the new values are checked.

        Raises:
            CheckInError: a field is unknown or fixed, or a value is not usable.
        """
        for name in changes:
            if name not in EDITABLE:
                raise CheckInError(name, f"cannot be changed; fields: {', '.join(EDITABLE)}")
        return dataclasses.replace(self, **changes)

    def finished(self, at: datetime, *, left_early: bool = False) -> CheckIn:
        """A completed copy ending at `at` (never before it started, whatever the clock did);
        `left_early` when the person left it before its last step and kept what was entered."""
        return self.updated(ended_at=max(at, self.started_at), left_early=left_early)

    def to_dict(self) -> dict[str, Any]:
        """The check-in as interchange data: known keys in the order docs/architecture.md gives
        ("The interchange format"), then unknown ones."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at is not None else None,
            **({"left_early": True} if self.left_early else {}),
            "kind": self.kind,
            "breathing": self.breathing.to_dict() if self.breathing is not None else None,
            "pre_rating": self.pre_rating,
            "post_rating": self.post_rating,
            "body": [entry.to_dict() for entry in self.body],
            "feelings": [feeling.to_dict() for feeling in self.feelings],
            "note": self.note,
            # The parts only some entries have are written only where they are.
            **{
                name: part.to_dict()
                for name in ("feedback", "heart", "resonance", "grounding")
                if (part := getattr(self, name)) is not None
            },
            **self.extra,
        }

    def to_json(self) -> str:
        """One line of the interchange format (no newline at the end)."""
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: Any) -> CheckIn:
        """Read a check-in from interchange data, checking every field.

        schema, id, started_at and kind are required; a missing ended_at, breathing or rating is
        null, a missing body or feelings is empty, a missing note is "".

        Raises:
            CheckInError: naming the field and what is wrong with it.
        """
        raw = read_object("", data, ("schema", "id", "started_at", "kind"))
        schema = raw["schema"]
        if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA:
            raise CheckInError(
                "schema", f"is {schema}, newer than this breath-tui reads ({SCHEMA}); update it"
            )
        if schema != SCHEMA or isinstance(schema, bool):
            raise CheckInError("schema", f"must be {SCHEMA}, not {json.dumps(schema)}")
        ended = raw.get("ended_at")
        parts: dict[str, Any] = {}
        for name, part in (
            ("breathing", Breathing),
            ("feedback", Feedback),
            ("heart", Heart),
            ("resonance", Resonance),
            ("grounding", Grounding),
        ):
            value = raw.get(name)
            try:
                parts[name] = None if value is None else part.from_dict(value)
            except CheckInError as error:
                raise error.within(name) from None
        return cls(
            id=raw["id"],
            started_at=read_time("started_at", raw["started_at"]),
            kind=raw["kind"],
            ended_at=None if ended is None else read_time("ended_at", ended),
            pre_rating=raw.get("pre_rating"),
            post_rating=raw.get("post_rating"),
            body=_read_items("body", raw.get("body", []), BodyEntry.from_dict),
            feelings=_read_items("feelings", raw.get("feelings", []), Feeling.from_dict),
            note=raw.get("note", ""),
            # null reads as false: the key is written only when true.
            left_early=False if raw.get("left_early") is None else raw["left_early"],
            **parts,
            extra=extra_keys(raw, cls.KEYS),
        )

    @classmethod
    def from_json(cls, line: str) -> CheckIn:
        """Read one interchange line; raise CheckInError if it is not JSON or not a check-in."""
        try:
            data = json.loads(line)
        except ValueError as error:
            raise CheckInError("", f"is not valid JSON: {error}") from None
        return cls.from_dict(data)


def _read_items(name: str, data: Any, read: Any) -> tuple[Any, ...]:
    items = []
    for index, item in enumerate(read_list(name, data)):
        try:
            items.append(read(item))
        except CheckInError as error:
            raise error.within(f"{name}[{index}]") from None
    return tuple(items)
