"""The events table: a DataTable holding the window of the view its screen hydrated."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import DataTable


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
