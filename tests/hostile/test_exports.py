"""Exports from the CLI: never over a file without --force, one clear line for a bad path.

The suite runs as root, for whom every folder is writable: an unwritable folder is tested
in a subprocess without CAP_DAC_OVERRIDE (setpriv), a bad folder as a path under a file.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from karabakh_tui.app_context import Workspace
from tests.cli.test_cli import run
from tests.hostile.test_atomic_build import _unprivileged, karabakh


@pytest.fixture(autouse=True)
def _seeds(seed_env: Workspace) -> Workspace:
    return seed_env


def one_line_error(code: int, err: str) -> str:
    assert code == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_path_under_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    code, _, err = run("export", "-o", str(tmp_path / "notes.txt" / "out.md"))
    assert "notes.txt is a file, not a folder" in one_line_error(code, err)


def test_missing_folder(tmp_path: Path) -> None:
    code, _, err = run("export", "-o", str(tmp_path / "no" / "such" / "out.md"))
    assert "does not exist" in one_line_error(code, err)
    assert not (tmp_path / "no").exists()


def test_folder_as_output(tmp_path: Path) -> None:
    code, _, err = run("export", "-o", str(tmp_path))  # click's own usage error
    assert code == 2 and "is a directory" in err and "Traceback" not in err


def test_unknown_extension(tmp_path: Path) -> None:
    code, _, err = run("export", "-o", str(tmp_path / "out.docx"))
    assert ".md" in one_line_error(code, err)
    assert not list(tmp_path.iterdir())


def test_existing_file_is_untouched_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"precious")
    code, _, err = run("export", "-o", str(target))
    assert "--force" in one_line_error(code, err)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left
    assert run("export", "-o", str(target), "--force")[0] == 0
    assert target.read_bytes().startswith(b"id,")


@pytest.fixture
def locked_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="karabakh-locked-"))
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_unwritable_folder(locked_folder: Path, seed_env: Workspace) -> None:
    done = karabakh(_unprivileged(), "--db", str(seed_env.db), "export", "-o",
                    str(locked_folder / "out.md"))
    assert "permission denied" in one_line_error(done.returncode, done.stderr)
    assert not list(locked_folder.iterdir())
