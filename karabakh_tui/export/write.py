"""Writing an export to a file: never half a file, never over one by accident."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

FORMATS = ("md", "json", "csv", "timeline")
_EXTENSIONS = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}
_ALIASES = {"markdown": "md"}


class ExportError(Exception):
    """A one-line message naming what is wrong and what to do about it."""


def format_for(path: Path, explicit: str | None) -> str:
    """The format to write: `explicit` (from --format) if given, else the file's extension.

    TimelineJS output is JSON too, so it is only chosen by name.
    """
    if explicit:
        fmt = _ALIASES.get(explicit.lower(), explicit.lower())
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {explicit!r}; use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    known = ", ".join(_EXTENSIONS)
    raise ExportError(f"cannot tell the format of {Path(path).name!r} from its extension; name "
                      f"it {known}, or give --format {'|'.join(FORMATS)}")


def write_atomic(path: Path, content: str, force: bool = False) -> None:
    """Write `content` as UTF-8 to a temporary file beside `path`, then move it into place.

    Readers see the old file or the new one, never a partial one. Without `force` an
    existing file is left alone, even one created while we were writing. The new file gets
    the usual permissions (umask), or the old file's when it replaces one.
    """
    path = Path(path)
    _check_target(path, force)
    data = _encode(content, path)
    tmp = _temp_file(path)
    try:
        _fill(tmp, data, path)
        _move(tmp, path, force)
    finally:
        tmp.unlink(missing_ok=True)


def _check_target(path: Path, force: bool) -> None:
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot write {path}: {folder} is a file, not a folder; choose "
                          f"another path")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder {folder} does not exist; create it "
                          f"first or choose another path")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name such as {path / 'chronology.md'}")
    if path.exists() and not force:
        raise ExportError(f"{path} exists; use --force to overwrite")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write to folder {folder}: permission denied; choose another "
                          f"path")


def _encode(content: str, path: Path) -> bytes:
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ExportError(f"cannot write {path}: the export holds text that is not valid "
                          f"Unicode ({exc.reason}); please report this as a bug") from None


def _temp_file(path: Path) -> Path:
    """A new, empty file beside `path`, created with the umask's permissions."""
    for n in range(100):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{n}.tmp")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _os_error(path, exc) from None
    raise ExportError(f"cannot write {path}: too many leftover .{path.name}.*.tmp files beside "
                      f"it; remove them and try again")


def _fill(tmp: Path, data: bytes, path: Path) -> None:
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
    except OSError as exc:
        raise _os_error(path, exc) from None


def _move(tmp: Path, path: Path, force: bool) -> None:
    try:
        if force:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)  # fails if `path` appeared meanwhile: no silent overwrite
        except FileExistsError:
            raise ExportError(f"{path} exists; use --force to overwrite") from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if path.exists():  # a file system without hard links: check, then move
                raise ExportError(f"{path} exists; use --force to overwrite") from None
            os.replace(tmp, path)
    except OSError as exc:
        raise _os_error(path, exc) from None


def _os_error(path: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"cannot write {path}: {reason}; choose another path")
    if exc.errno == errno.ENOSPC:
        return ExportError(f"cannot write {path}: no space left on the device; free some space")
    return ExportError(f"cannot write {path}: {reason}")
