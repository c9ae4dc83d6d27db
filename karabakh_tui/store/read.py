"""Open the database for reading, and tell whether it needs a build. Stdlib only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from karabakh_tui.store.schema import SCHEMA_VERSION


class DatabaseMissing(LookupError):
    """No usable database at the path; the message says how to make one."""


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection; works on read-only files and folders too."""
    if not path.is_file():
        raise DatabaseMissing(f"no database at {path}; run 'karabakh build'")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def read_meta(path: Path) -> dict[str, str]:
    """The build's meta table, or {} when the file is missing or not ours."""
    if not path.is_file():
        return {}
    try:
        conn = open_reader(path)
        try:
            return {r["key"]: r["value"] for r in conn.execute("SELECT key, value FROM meta")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}


def staleness(path: Path, stat_fp: str, content_fp: str | None = None) -> str | None:
    """Why the database must be rebuilt, or None when it is current.

    `content_fp` is computed by the caller only when the cheap stat check fails.
    """
    meta = read_meta(path)
    if not meta:
        return "no database yet"
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        return "the database schema changed"
    if meta.get("stat_fingerprint") == stat_fp:
        return None
    if content_fp is not None and meta.get("content_fingerprint") == content_fp:
        return None
    return "the corpus or the extractor changed"
