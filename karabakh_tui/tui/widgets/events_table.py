"""The events table: a DataTable holding the window of the view its screen hydrated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable


class Cell(Text):
    """A cell's Text that DataTable does not measure: every column has a fixed width,
    yet DataTable measures each new cell for auto-width columns (three terminal-size
    system calls apiece, 1,000 per page of rows). `measure` skips a renderable without
    `__rich_measure__`; rendering is Text's own."""

    __rich_measure__ = None  # type: ignore[assignment]


DRAWN_CELLS = 4000
"""Drawn cells kept across views: the rows on screen of a few views, both zebra stripes,
with and without the cursor."""


class EventsTable(DataTable[object]):
    """Jumping to either end asks the screen, which re-windows the table there.

    A cell drawn once is drawn again from a cache that outlives `clear()`: a filter
    toggled off shows a view kept with its very cells (see view_cache), and DataTable's
    own cache cannot serve them, since its key counts every `add_row`. Drawing ~25 rows
    of 5 cells through Rich was 15-20 ms of each filter change at 100x. The key is
    DataTable's own with the cell object in place of that count; a style or theme change
    empties it as it empties DataTable's.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: LRUCache[tuple[object, ...], tuple[object, Any]] = LRUCache(DRAWN_CELLS)

    def notify_style_update(self) -> None:
        self._drawn.clear()
        super().notify_style_update()

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> Any:
        if row_index < 0 or column_index < 0:  # the header and row labels: DataTable's
            return super()._render_cell(row_index, column_index, base_style, width, cursor,
                                        hover)
        row_key, column_key = self.coordinate_to_cell_key(Coordinate(row_index, column_index))
        cell = self.get_cell(row_key, column_key)
        key = (id(cell), row_index, column_index, base_style, width, cursor, hover,
               self._show_hover_cursor, self._pseudo_class_state, self.show_cursor,
               self.cursor_type, self.cell_padding, self.fixed_rows, self.fixed_columns,
               self.cursor_foreground_priority, self.cursor_background_priority)
        hit = self._drawn.get(key)
        if hit is not None and hit[0] is cell:  # held in the cache: its id is not reused
            return hit[1]
        lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self._drawn[key] = (cell, lines)
        return lines

    @dataclass
    class WantsLast(Message):
        """The user asked for the last event; the table may hold only a window of rows."""

    @dataclass
    class WantsFirst(Message):
        """The user asked for the first event, which may be above the table's window."""

    def action_scroll_top(self) -> None:
        self.post_message(self.WantsFirst())

    def action_scroll_home(self) -> None:
        self.post_message(self.WantsFirst())

    def action_scroll_bottom(self) -> None:
        self.post_message(self.WantsLast())

    def action_scroll_end(self) -> None:
        self.post_message(self.WantsLast())
