"""The CLI's read path must not pay for Textual or the build side at start-up."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("textual", "sqlite_utils", "dateutil", "edtf")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    return {m.split(".")[0] for m in out}


def test_cli_module_imports_no_heavy_library() -> None:
    loaded = _loaded_after("import karabakh_tui.cli")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_headless_core_never_imports_textual() -> None:
    loaded = _loaded_after("import karabakh_tui.query, karabakh_tui.exporting, "
                           "karabakh_tui.pipeline")
    assert "textual" not in loaded


def test_explorer_imports_none_of_the_build_side() -> None:
    """The explorer reads a built database: the tagger's patterns, the gazetteer and
    sqlite-utils cost start-up time it never uses."""
    probe = ("import karabakh_tui.tui.app, karabakh_tui.tui.screens.explorer, "
             "karabakh_tui.tui.screens.document\nimport sys\n"
             "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    build_side = {m for m in out if m.startswith(("karabakh_tui.extract", "karabakh_tui.merge",
                                                  "karabakh_tui.store.build", "sqlite_utils"))}
    assert not build_side, build_side
