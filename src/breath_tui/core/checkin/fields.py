"""Checks shared by the check-in model: each raises CheckInError naming the field at fault."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from breath_tui.core.errors import BadInput

# Bounds on every field, so a hostile or damaged file cannot make a record the app cannot show
# or that grows without end (README, "Your journal"). Generous: the app itself stays far below.
MAX_NOTE = 100_000
"""Characters in a note."""
MAX_NAME = 200
"""Characters in a word, a sensation, a region or a pattern name."""
MAX_ITEMS = 100
"""Body entries, feelings, sensations of one region, phases of a pattern."""
MAX_SECONDS = 86_400.0
"""Seconds breathed in one entry (a day)."""
MAX_EXTRA_DEPTH = 32
"""How deeply unknown fields may nest."""

# A lone UTF-16 surrogate survives json.loads but is not text: SQLite cannot store it.
_SURROGATE = re.compile("[\ud800-\udfff]")


class CheckInError(BadInput):
    """A check-in value is not usable; `field` is its path, e.g. "body[1].intensity".

    str(error) is the whole sentence: "body[1].intensity must be 0-10, not 12".
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field} {problem}" if field else f"the check-in {problem}")

    def within(self, prefix: str) -> CheckInError:
        """The same error, its field path under `prefix` (e.g. "body[1]")."""
        return CheckInError(f"{prefix}.{self.field}" if self.field else prefix, self.problem)


def read_object(name: str, data: Any, required: tuple[str, ...]) -> Mapping[str, Any]:
    """`data` as a JSON object holding every key in `required`."""
    if not isinstance(data, dict):
        raise CheckInError(name, f"must be an object {{...}}, not {_kind_of(data)}")
    for key in required:
        if key not in data:
            raise CheckInError(key, "is missing")
    return data


def read_list(name: str, data: Any) -> list[Any]:
    """`data` as a JSON list."""
    if not isinstance(data, list):
        raise CheckInError(name, f"must be a list [...], not {_kind_of(data)}")
    return data


def read_time(name: str, value: Any) -> datetime:
    """An ISO 8601 time with a UTC offset, e.g. 2024-05-01T09:30:00+01:00."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise CheckInError(
                name, f"must be an ISO 8601 time like 2024-05-01T09:30:00+01:00, not {shown(value)}"
            ) from None
    else:
        raise CheckInError(name, f"must be an ISO 8601 time in quotes, not {_kind_of(value)}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CheckInError(name, f"needs a UTC offset such as +01:00 or Z, not {shown(str(value))}")
    return moment


def text(name: str, value: Any, *, blank_ok: bool, most: int = MAX_NAME) -> str:
    """A JSON string of at most `most` characters; unless blank_ok, not only spaces."""
    if not isinstance(value, str):
        raise CheckInError(name, f"must be text in quotes, not {_kind_of(value)}")
    if len(value) > most:
        raise CheckInError(name, f"is {len(value)} characters long; at most {most}")
    if not blank_ok and not value.strip():
        raise CheckInError(name, "must not be empty")
    if _SURROGATE.search(value):
        raise CheckInError(name, "holds a lone surrogate (\\ud800-\\udfff), which is not text")
    return value


def items(name: str, values: Any) -> tuple[Any, ...]:
    """A list or tuple of at most MAX_ITEMS, as a tuple."""
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise CheckInError(name, "must be a list")
    if len(values) > MAX_ITEMS:
        raise CheckInError(name, f"has {len(values)} items; at most {MAX_ITEMS}")
    return tuple(values)


def whole_number(name: str, value: Any, least: int, most: int | None) -> int:
    """A whole number from least to most (no upper bound when most is None); never a bool."""
    span = f"{least}-{most}" if most is not None else f"{least} or more"
    if isinstance(value, bool) or not isinstance(value, int):
        raise CheckInError(name, f"must be a whole number {span}, not {shown(value)}")
    if value < least or (most is not None and value > most):
        raise CheckInError(name, f"must be {span}, not {shown(value)}")
    return value


def optional_rating(name: str, value: Any) -> int | None:
    """A 0-10 tension rating, or None when the step was skipped."""
    return None if value is None else whole_number(name, value, 0, 10)


def number(
    name: str, value: Any, *, positive: bool, most: float = MAX_SECONDS, least: float = 0.0
) -> float:
    """A finite number from `least` (exclusive when `positive`) to `most`, as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CheckInError(name, f"must be a number, not {shown(value)}")
    try:
        as_float = float(value)
    except OverflowError:  # an int too large for a float
        as_float = math.inf
    if not math.isfinite(as_float):
        raise CheckInError(name, f"must be a number at most {most:g}, not {shown(value)}")
    if as_float < least or (positive and as_float <= least):
        bound = f"more than {least:g}" if positive else f"{least:g} or more"
        raise CheckInError(name, f"must be {bound}, not {as_float:g}")
    if as_float > most:
        raise CheckInError(name, f"must be at most {most:g}, not {as_float:g}")
    return as_float


def extra_keys(data: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """The keys this version does not know, kept so they are written back.

    They are checked as JSON that can be written back as strict JSON: text without lone
    surrogates, finite numbers, nested at most MAX_EXTRA_DEPTH deep.
    """
    extra = {key: value for key, value in data.items() if key not in known}
    for key, value in extra.items():
        # The key is text that is stored and written back too (a lone surrogate in it was
        # a UnicodeEncodeError in SQLite); shown() names it in ASCII.
        text(f"key {shown(key)}", key, blank_ok=True)
        _check_extra(key, value, 1)
    return extra


def _check_extra(name: str, value: Any, depth: int) -> None:
    if depth > MAX_EXTRA_DEPTH:
        raise CheckInError(name, f"nests more than {MAX_EXTRA_DEPTH} deep")
    if isinstance(value, str):
        text(name, value, blank_ok=True, most=MAX_NOTE)
    elif isinstance(value, float) and not math.isfinite(value):
        raise CheckInError(name, f"must be a finite number, not {value}")
    elif isinstance(value, dict):
        for key, item in value.items():
            text(f"{name} key {shown(key)}", key, blank_ok=True)
            _check_extra(f"{name}.{key}", item, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_extra(f"{name}[{index}]", item, depth + 1)


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def shown(value: Any) -> str:
    """A value as it appears in a message: JSON-like, ASCII only, long texts not repeated."""
    if isinstance(value, str):
        return json.dumps(value) if len(value) <= 40 else "text"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return "a number of more than 15 digits"
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)
    return _kind_of(value)


# Characters JSON leaves raw that a terminal or text viewer may act on: DEL, C1 controls (U+009B
# starts an escape sequence on some terminals), the bidirectional overrides and isolates (text
# that reads differently from what it is) and the Unicode line and paragraph separators.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(data: Mapping[str, Any]) -> str:
    """One JSON line: UTF-8 text kept readable, every control character escaped."""
    line = json.dumps(data, ensure_ascii=False)
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
