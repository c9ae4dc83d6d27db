"""One export function for the CLI and the TUI: same filter, byte-identical output."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from karabakh_tui.model import Event, Filter


def render_export(conn: sqlite3.Connection, events: Sequence[Event], flt: Filter, fmt: str,
                  exported_on: date) -> str:
    """`events` (already filtered by `flt`) in `fmt`: md, json, csv or timeline."""
    if fmt == "md":
        from karabakh_tui.export import markdown

        return markdown.render(events, flt, exported_on, source_info(conn))
    if fmt == "json":
        from karabakh_tui.export import jsonout

        return jsonout.render(events)
    if fmt == "csv":
        from karabakh_tui.export import csvout

        return csvout.render(events)
    if fmt == "timeline":
        from karabakh_tui.export import timeline

        return timeline.render(events)
    raise ValueError(f"unknown export format {fmt!r}")


def source_info(conn: sqlite3.Connection) -> dict[str, object]:
    """Document id -> what a citation needs to name its source."""
    from karabakh_tui.export.markdown import SourceInfo

    return {r[0]: SourceInfo(author=r[1] or "unknown", title=r[2] or "", written=r[3] or "")
            for r in conn.execute("SELECT id, author, title, written FROM documents")}
