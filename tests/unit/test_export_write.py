"""write_atomic and format_for: the only I/O of the export layer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from karabakh_tui.export.write import ExportError, format_for, write_atomic


@pytest.mark.parametrize(("name", "explicit", "fmt"), [
    ("out.md", None, "md"), ("OUT.MARKDOWN", None, "md"), ("x.json", None, "json"),
    ("x.csv", None, "csv"), ("x.json", "timeline", "timeline"), ("x.txt", "md", "md"),
    ("x", "markdown", "md"), ("x.md", "CSV", "csv"),
])
def test_format_for(name: str, explicit: str | None, fmt: str) -> None:
    assert format_for(Path(name), explicit) == fmt


def test_unknown_extension_names_the_known_ones() -> None:
    with pytest.raises(ExportError) as info:
        format_for(Path("out.txt"), None)
    message = str(info.value)
    assert "'out.txt'" in message and ".md" in message and ".json" in message
    assert ".csv" in message and "--format" in message and "timeline" in message
    assert "\n" not in message


def test_unknown_explicit_format() -> None:
    with pytest.raises(ExportError, match="unknown format 'pdf'; use one of md, json, csv"):
        format_for(Path("x.md"), "pdf")


def test_writes_exact_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_atomic(target, "a,b\r\nŞuşa — Շուշի\n")
    assert target.read_bytes() == "a,b\r\nŞuşa — Շուշի\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o644


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    with pytest.raises(ExportError, match=r"out\.md exists; use --force to overwrite"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_force_replaces_and_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder .*nowhere does not exist; create it first"):
        write_atomic(tmp_path / "nowhere" / "out.md", "x")


def test_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder; give a file name"):
        write_atomic(tmp_path, "x", force=True)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied; choose another path"):
            write_atomic(folder / "out.md", "x")
    finally:
        folder.chmod(0o700)


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="no space left on the device"):
        write_atomic(tmp_path / "out.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_file_created_meanwhile_is_not_overwritten(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    real_fsync = os.fsync

    def racing(fd: int) -> None:
        real_fsync(fd)
        target.write_text("someone else's")

    monkeypatch.setattr(os, "fsync", racing)
    with pytest.raises(ExportError, match="exists; use --force"):
        write_atomic(target, "ours")
    assert target.read_text() == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_unencodable_text_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not valid Unicode"):
        write_atomic(tmp_path / "out.md", "lone \udcff surrogate")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_said_before_writing(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # as for a non-root user
    with pytest.raises(ExportError, match="cannot write to folder .*permission denied"):
        write_atomic(tmp_path / "out.md", "x")
    assert list(tmp_path.iterdir()) == []
