"""The events table: a DataTable holding the window of the view its screen hydrated."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable


class Cell(Text):
    """A cell's Text that DataTable does not measure: every column has a fixed width,
    yet DataTable measures each new cell for auto-width columns (three terminal-size
    system calls apiece, 1,000 per page of rows). `measure` skips a renderable without
    `__rich_measure__`; rendering is Text's own."""

    __rich_measure__ = None  # type: ignore[assignment]


class EventsTable(DataTable[object]):
    """Jumping to either end asks the screen, which re-windows the table there."""

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
