"""The events table: a DataTable whose rows are hydrated page by page by its screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import DataTable


class EventsTable(DataTable[object]):
    """Jumping to the end asks the screen for the rows not loaded yet, then moves there."""

    @dataclass
    class WantsLast(Message):
        """The user asked for the last event; the table holds only the first pages."""

    def action_scroll_bottom(self) -> None:
        self.post_message(self.WantsLast())

    def action_scroll_end(self) -> None:
        self.post_message(self.WantsLast())
