"""The last few views the explorer read, shown again at once when their filter comes back.

Clearing a filter or toggling it off returns to a view already read, most often the
unfiltered one: ~78,000 ids and their density at 100x, 50-100 ms of queries. A view is
kept with the connection it was read with and the identity of the database file; a
build replaces the file, so after a build every kept view is stale and read again.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from karabakh_tui.model import Event, Filter

FileId = tuple[int, int, int, int]


def file_id(path: Path) -> FileId | None:
    """Which file is at `path` now (None: none). Taken before connecting, so a view
    is never filed under a newer file than the one it was read from."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class Loaded:
    """What the worker read for a filter: every id in order, the first page, the density,
    and the first page's table cells, made for the columns and place names in `made_for`
    (a view shown with other columns or names makes its cells again)."""

    flt: Filter
    ids: list[str]
    first: list[Event]
    density: list[tuple[int, int]]
    conn: sqlite3.Connection
    file: FileId | None
    cells: list[list[Any]] | None = None
    made_for: Any = None


class ViewCache:
    """At most `size` views, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Filter, Loaded] = OrderedDict()

    def get(self, flt: Filter, file: FileId | None) -> Loaded | None:
        hit = self._items.get(flt)
        if hit is None or file is None or hit.file != file:
            return None
        self._items.move_to_end(flt)
        return hit

    def put(self, loaded: Loaded) -> list[sqlite3.Connection]:
        """Keep `loaded`; returns the connections of the views no longer kept."""
        if loaded.file is None:
            return []
        dropped = [self._items.pop(loaded.flt)] if loaded.flt in self._items else []
        self._items[loaded.flt] = loaded
        for key in [k for k, v in self._items.items() if v.file != loaded.file]:
            dropped.append(self._items.pop(key))  # read from a file since replaced
        while len(self._items) > self.size:
            dropped.append(self._items.popitem(last=False)[1])
        return [d.conn for d in dropped if not self.holds(d.conn)]

    def holds(self, conn: sqlite3.Connection) -> bool:
        return any(v.conn is conn for v in self._items.values())
