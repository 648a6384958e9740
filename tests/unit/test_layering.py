"""The layers: core never imports sqlite3 or textual; sqlite3 loads only when a journal opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
import breath_tui.core.checkin, breath_tui.core.vocab, breath_tui.core.summary
import breath_tui.core.config, breath_tui.core.config_file, breath_tui.core.text, breath_tui.core.when
{extra}
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlite3", "_sqlite3", "textual"))
print(",".join(heavy))
"""


def _heavy_modules(extra: str = "") -> str:
    code = CHECK.format(extra=extra)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_core_imports_neither_sqlite_nor_textual() -> None:
    """Importing the check-in model, vocabularies and config loads no sqlite3 or textual."""
    assert _heavy_modules() == ""


def test_journal_package_and_cli_parser_do_not_load_sqlite() -> None:
    """Importing journal/ and building the command line defers sqlite3 until a journal opens."""
    extra = (
        "import breath_tui.journal, breath_tui.journal.exchange\n"
        "from breath_tui.parser import build_parser; build_parser()"
    )
    assert _heavy_modules(extra) == ""


def test_opening_a_journal_loads_sqlite(tmp_path: Path) -> None:
    """The checks above can fail: opening a journal does load sqlite3."""
    path = tmp_path / "j.sqlite3"
    extra = (
        "from pathlib import Path\nfrom breath_tui.journal import Journal\n"
        f"Journal(Path({str(path)!r})).close()"
    )
    assert "sqlite3" in _heavy_modules(extra)


def test_web_imports_only_core_and_itself() -> None:
    """breath_tui/web/ (serve's server) imports no breath-tui module but core/ and web/ itself."""
    import ast

    import breath_tui.web

    folder = Path(breath_tui.web.__file__).parent
    outside = []
    for source in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            outside += [
                f"{source.name}: {name}"
                for name in names
                if name.startswith("breath_tui")
                and not name.startswith(("breath_tui.core", "breath_tui.web"))
            ]
    assert outside == []
