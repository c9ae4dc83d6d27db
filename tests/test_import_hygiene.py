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
