"""Reading config.toml into a Config with tomllib, checking every value.

Errors name the file, the line and the key. Unknown sections and keys are errors too: a typo that
silently did nothing would be worse than a clear message.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, NoReturn, get_type_hints

from breath_tui.core.cue_files import wav_problem
from breath_tui.core.errors import BadInput
from breath_tui.core.limits import rate_problem, session_problem
from breath_tui.core.patterns import (
    MAX_NAME,
    MAX_PHASES,
    PHASE_KINDS,
    Pattern,
    PatternError,
    Phase,
    parse_spec,
    resolve_pattern,
    validate_phases,
)
from breath_tui.core.settings import (
    BACKENDS,
    CUE_NAMES,
    SECTIONS,
    STYLES,
    BodySettings,
    Config,
    ConfigError,
    SoundSettings,
)
from breath_tui.core.text import clipped, visible
from breath_tui.core.vocab import MAX_WORD_LENGTH

MAX_ITEMS = 100
"""Custom patterns, and body regions, config.toml may hold (README: up to 100 items in a list)."""
MAX_PATTERN_TEXT = 1_000
"""Characters in a custom pattern's source, caution or description."""


def _name_re(name: str) -> str:
    """A TOML key or dotted table name as written: bare, "quoted" or 'quoted', any spacing."""
    parts = [
        f"""(?:{re.escape(part)}|"{re.escape(part)}"|'{re.escape(part)}')"""
        for part in name.split(".")
    ]
    return r"\s*\.\s*".join(parts)


def line_of(text: str, section: str, key: str | None = None) -> int | None:
    """The 1-based line where `[section]` (or `key` inside it) is written, if it can be found.

    A section may also be made by a sub-table (`[sound.files]` makes [sound]) or written inline
    (`sound = {...}`, `sound.volume = 1`); then that line is named.
    """
    name = _name_re(section)
    header = re.compile(rf"^\s*\[\s*{name}\s*\]")
    implied = re.compile(rf"^\s*(?:\[\s*{name}\s*\.|{name}\s*[.=])")
    key_re = re.compile(rf"^\s*{_name_re(key)}\s*[.=]") if key else None
    in_section = False
    section_line = None
    # TOML lines end at "\n" only (splitlines would also split at U+2028 inside a string).
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if header.match(line):
            in_section, section_line = True, number
            if key_re is None:
                return number
            continue
        if in_section and re.match(r"^\s*\[", line):
            in_section = False
        if in_section and key_re is not None and key_re.match(line):
            return number
    if section_line is None:
        section_line = next(
            (number for number, line in enumerate(lines, start=1) if implied.match(line)), None
        )
    if section_line is None and "." in section:  # [patterns.box] written as box = {...}
        parent, _, last = section.rpartition(".")
        return line_of(text, parent, last)
    return section_line


def _where(path: Path, text: str, section: str, key: str | None = None) -> str:
    line = line_of(text, section, key)
    return f"{path}, line {line}" if line else str(path)


def _check_value(value: Any, hint: Any) -> bool:
    """Whether a TOML value fits a field's type hint (bool is never taken for a number)."""
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    args: tuple[Any, ...] = getattr(hint, "__args__", ())
    if getattr(hint, "__origin__", None) is dict:
        return isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        )
    if getattr(hint, "__origin__", None) is list:
        return isinstance(value, list) and all(_check_value(v, args[0]) for v in value)
    if args:  # a union such as int | None
        return any(_check_value(value, a) for a in args if a is not type(None))
    return False


def _type_name(hint: Any) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}
    if hint in names:
        return names[hint]
    args = [a for a in getattr(hint, "__args__", ()) if a is not type(None)]
    if getattr(hint, "__origin__", None) in (dict, list):
        return "a table of text" if getattr(hint, "__origin__", None) is dict else "a list"
    return " or ".join(_type_name(a) for a in args) or "a value"


def _load_section(cls: type, raw: Any, path: Path, text: str, section: str) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"{_where(path, text, section)}: [{section}] must be a table")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in raw.items():
        if key not in names:
            raise ConfigError(
                f"{_where(path, text, section, key)}: unknown setting {section}.{key}; "
                f"known: {', '.join(sorted(names))}"
            )
        if not _check_value(value, hints[key]):
            raise ConfigError(
                f"{_where(path, text, section, key)}: {section}.{key} must be {_type_name(hints[key])}"
            )
    return cls(**raw)


def _load_pattern(name: str, raw: Any, path: Path, text: str) -> Pattern:
    section = f"patterns.{name}"
    where = _where(path, text, section)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [{section}] must be a table with phases or spec")
    known = {"phases", "spec", "source", "caution", "description"}
    for key in raw:
        if key not in known:
            raise ConfigError(
                f"{_where(path, text, section, key)}: unknown key {clipped(repr(key))} in [{section}]; "
                f"known: {', '.join(sorted(known))}"
            )
    if len(name) > MAX_NAME:
        raise ConfigError(
            f"{where}: a pattern name is at most {MAX_NAME} characters; this one has {len(name):,}"
        )
    # Names and texts are printed as they are (patterns, plain mode): no terminal controls.
    if visible(name) != name:
        raise ConfigError(
            f"{where}: pattern name {clipped(repr(name))} has control characters; use plain text"
        )
    for key in ("source", "caution", "description"):
        if not isinstance(raw.get(key, ""), str):
            raise ConfigError(f"{_where(path, text, section, key)}: {section}.{key} must be text")
        if len(raw.get(key, "")) > MAX_PATTERN_TEXT:
            raise ConfigError(
                f"{_where(path, text, section, key)}: {section}.{key} is "
                f"{len(raw[key]):,} characters; at most {MAX_PATTERN_TEXT:,}"
            )
        if visible(raw.get(key, "")) != raw.get(key, ""):
            raise ConfigError(
                f"{_where(path, text, section, key)}: {section}.{key} has control characters; "
                "use plain text on one line"
            )
    try:
        if ("phases" in raw) == ("spec" in raw):
            raise PatternError(
                f'pattern {clipped(repr(name))}: give either phases or spec (such as "4-0-6")'
            )
        if "spec" in raw:
            if not isinstance(raw["spec"], str):
                raise PatternError(
                    f'pattern {clipped(repr(name))}: spec must be text such as "4-0-6"'
                )
            phases = parse_spec(raw["spec"]).phases
        else:
            phases = validate_phases(name, _read_phases(name, raw["phases"]))
    except PatternError as error:
        key = "spec" if "spec" in raw else "phases"
        raise ConfigError(f"{_where(path, text, section, key)}: {error}") from None
    pattern = Pattern(
        name=name,
        phases=phases,
        source=raw.get("source", "your own pattern"),
        caution=raw.get("caution", ""),
        description=raw.get("description", ""),
    )
    too_fast = rate_problem(pattern)
    if too_fast is not None:
        key = "spec" if "spec" in raw else "phases"
        raise ConfigError(f"{_where(path, text, section, key)}: pattern {too_fast.message}")
    return pattern


def _read_phases(name: str, raw: Any) -> list[Phase]:
    if not isinstance(raw, list) or not raw:
        raise PatternError(
            f'pattern {clipped(repr(name))}: phases must be a list such as [{{kind = "in", seconds = 4}}]'
        )
    if len(raw) > MAX_PHASES:
        raise PatternError(
            f"pattern {clipped(repr(name))}: {len(raw):,} phases; at most {MAX_PHASES} "
            "(one breath: in, a top-up if you like, holds, out)"
        )
    phases = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "kind" not in item or "seconds" not in item:
            raise PatternError(
                f"pattern {clipped(repr(name))}: phase {number} needs kind and seconds"
            )
        if item["kind"] not in PHASE_KINDS:
            raise PatternError(
                f"pattern {clipped(repr(name))}: phase {number} has kind {clipped(repr(item['kind']))}; use in, hold or out"
            )
        label = item.get("label")
        if label is not None and (
            not isinstance(label, str) or visible(label) != label or len(label) > MAX_NAME
        ):
            raise PatternError(
                f"pattern {clipped(repr(name))}: phase {number} label must be text on one line, "
                f"at most {MAX_NAME} characters"
            )
        phases.append(Phase(item["kind"], item["seconds"], label))
    return phases


LENGTH_SECTIONS = ("breathing", "checkin", "quick")
"""The sections that ask for a breathing session: a pattern and a length (and a tempo)."""


def _check_sessions(config: Config, path: Path, text: str) -> None:
    """Each session section's pattern, length and tempo, against core.limits."""
    for section in LENGTH_SECTIONS:
        settings = getattr(config, section)

        def fail(key: str, message: str, section: str = section) -> NoReturn:
            raise ConfigError(f"{_where(path, text, section, key)}: {section}.{key} {message}")

        try:
            pattern = resolve_pattern(settings.pattern, config.patterns)
        except PatternError as error:
            fail("pattern", f"is not usable: {error}")
        # Every session breathes at [breathing] tempo.
        problem = session_problem(
            pattern,
            cycles=getattr(settings, "cycles", None),
            minutes=settings.minutes,
            tempo=config.breathing.tempo,
        )
        if problem is not None:
            key = "tempo" if problem.field == "tempo" else problem.field
            if key == "tempo" and section != "breathing":
                # The tempo of [breathing] makes this section's pattern too fast.
                raise ConfigError(
                    f"{_where(path, text, 'breathing', 'tempo')}: breathing.tempo "
                    f"{problem.message} ({section}.pattern)"
                )
            fail(key, problem.message)


def _check_safety(config: Config, path: Path, text: str) -> None:
    crisis = config.safety.crisis_text
    if not crisis.strip() or len(crisis) > 300 or not crisis.replace("\n", " ").isprintable():
        raise ConfigError(
            f"{_where(path, text, 'safety', 'crisis_text')}: safety.crisis_text must be "
            "plain text of 1 to 300 characters"
        )


def _check_heart(config: Config, path: Path, text: str) -> None:
    """[heart] sensor: ble:ADDRESS or replay:FILE[@SPEED] (a scan needs the command line)."""
    value = config.heart.sensor
    if not value.strip():
        return
    from breath_tui.core.heart.sensor_option import parse_sensor_option

    where = _where(path, text, "heart", "sensor")
    try:
        choice = parse_sensor_option(value)
    except BadInput as error:
        raise ConfigError(f"{where}: heart.{str(error).removeprefix('--')}") from None
    if choice.kind == "ble" and choice.address is None:
        raise ConfigError(
            f'{where}: heart.sensor "ble" needs the strap\'s address, as "ble:A0:9E:1A:12:34:56" '
            "(`breath-tui breathe --sensor ble` scans and lists them)"
        )


def _check_body(settings: BodySettings, path: Path, text: str) -> None:
    where = _where(path, text, "body", "regions")
    if not settings.regions:
        raise ConfigError(f'{where}: body.regions needs at least one region, e.g. ["chest"]')
    if len(settings.regions) > MAX_ITEMS:
        raise ConfigError(
            f"{where}: body.regions has {len(settings.regions):,} regions; at most {MAX_ITEMS}"
        )
    seen: set[str] = set()
    for region in settings.regions:
        name = " ".join(region.split())
        if not name or len(name) > MAX_WORD_LENGTH or not region.isprintable():
            raise ConfigError(
                f"{where}: body.regions has {clipped(repr(region))}; "
                f"each region is a word or two on one line, at most {MAX_WORD_LENGTH} characters"
            )
        if name.lower() in seen:
            raise ConfigError(f"{where}: body.regions lists {clipped(repr(name))} twice")
        seen.add(name.lower())
    settings.regions = [" ".join(region.split()) for region in settings.regions]


def _check_sound(settings: SoundSettings, path: Path, text: str) -> None:
    """Check [sound] and resolve its files to absolute paths (relative to config.toml's folder)."""

    def fail(key: str, message: str) -> None:
        raise ConfigError(f"{_where(path, text, 'sound', key)}: sound.{key} {message}")

    if not 0 <= settings.volume <= 1:
        fail("volume", f"must be 0 to 1, not {settings.volume:g}")
    if settings.style not in STYLES:
        fail("style", f"must be one of {', '.join(STYLES)}, not {clipped(repr(settings.style))}")
    if settings.backend not in BACKENDS:
        fail(
            "backend",
            f"must be one of {', '.join(BACKENDS)}, not {clipped(repr(settings.backend))}",
        )
    resolved = {}
    for cue, name in settings.files.items():
        # [sound.files] as its own table, or files = { in = "..." } inline in [sound].
        line = line_of(text, "sound.files", cue) or line_of(text, "sound", "files")
        where = f"{path}, line {line}" if line else str(path)
        if cue not in CUE_NAMES:
            raise ConfigError(
                f"{where}: sound.files.{cue} is not a cue; use {', '.join(CUE_NAMES)}"
            )
        file = Path(name).expanduser()
        if not file.is_absolute():
            file = path.parent / file
        problem = wav_problem(file)
        if problem:
            raise ConfigError(f"{where}: sound.files.{cue}: {file} {problem}")
        resolved[cue] = str(file)
    settings.files = resolved


def read_toml(text: str, path: Path, error: type[BadInput] = ConfigError) -> dict[str, Any]:
    """The TOML document in `text` (config.toml, plan.toml); where it is not TOML, raise
    `error` naming the file and the line."""
    import tomllib  # only when there is a file to read (not on every start-up)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        message = str(problem)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found.group(1)) if found else max(1, len(text.rstrip("\n").split("\n")))
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise error(f"{path}, line {line}: not valid TOML: {reason}") from None
    except RecursionError:
        raise error(f"{path}: not usable: arrays or tables nested too deeply") from None
    except ValueError:  # an integer of more than 4,300 digits
        long_number = re.search(r"[0-9_]{4300,}", text)
        where = (
            f"{path}, line {text[: long_number.start()].count(chr(10)) + 1}"
            if long_number
            else str(path)
        )
        raise error(f"{where}: not usable: a number has more than 4,300 digits") from None


def parse_config(text: str, path: Path) -> Config:
    """Build a Config from config.toml text; raise ConfigError naming file, line and key."""
    return config_from(read_toml(text, path), path, text)


def parse_config_forgiving(text: str, path: Path) -> tuple[Config, str | None]:
    """As parse_config, but a mistake costs only its own section: the rest of the settings are
    kept, and what was set aside is said in one line (None when nothing was).

    For quick calm, which must start whatever the file says: guidance first, always.
    """
    try:
        return parse_config(text, path), None
    except ConfigError as first:
        problem = str(first)
    try:
        raw = read_toml(text, path)
    except ConfigError:
        return Config(path=path), f"{problem}; the whole file is ignored."
    kept: dict[str, Any] = {}
    skipped: list[str] = []
    for section, value in raw.items():
        try:
            config_from({**kept, section: value}, path, text)
        except ConfigError:
            skipped.append(section)
            continue
        kept[section] = value
    names = ", ".join(f"[{section}]" for section in skipped)
    notice = f"{problem}; {names} ignored."
    return config_from(kept, path, text), notice


def config_from(raw: dict[str, Any], path: Path, text: str) -> Config:
    """A Config from parsed TOML, every value checked (text gives the lines for messages)."""
    config = Config(path=path)
    for section, value in raw.items():
        if section == "patterns":
            if not isinstance(value, dict):
                raise ConfigError(
                    f"{_where(path, text, 'patterns')}: [patterns] must hold [patterns.NAME] tables"
                )
            if len(value) > MAX_ITEMS:
                extra = list(value)[MAX_ITEMS]
                raise ConfigError(
                    f"{_where(path, text, f'patterns.{extra}')}: config.toml has "
                    f"{len(value):,} patterns; at most {MAX_ITEMS}"
                )
            config.patterns = {
                name: _load_pattern(name, item, path, text) for name, item in value.items()
            }
        elif section in SECTIONS:
            setattr(config, section, _load_section(SECTIONS[section], value, path, text, section))
        else:
            raise ConfigError(
                f"{_where(path, text, section)}: unknown section [{section}]; "
                f"known: {', '.join([*SECTIONS, 'patterns'])}"
            )
    if config.breathing.cycles is not None and config.breathing.minutes is not None:
        raise ConfigError(
            f"{_where(path, text, 'breathing', 'minutes')}: give breathing.cycles or breathing.minutes, not both"
        )
    _check_sessions(config, path, text)
    _check_body(config.body, path, text)
    _check_safety(config, path, text)
    _check_sound(config.sound, path, text)
    _check_heart(config, path, text)
    return config
