"""A document at a cited passage: the sentence selected and centred, n/p between citations."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from karabakh_tui import query
from karabakh_tui.app_context import Workspace
from karabakh_tui.model import Citation, Event
from karabakh_tui.text import one_line


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) in `text` of the character at `offset`."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class DocumentScreen(Screen[None]):
    """The document text is data: a read-only TextArea, never parsed as markup."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "citation(1)", "Next citation"),
        Binding("p", "citation(-1)", "Prev citation"),
    ]

    def __init__(self, ws: Workspace, event: Event, index: int = 0) -> None:
        super().__init__()
        self.ws = ws
        self.event = event
        self.index = index
        self.loaded: str | None = None
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="doc-header")
        yield TextArea("", read_only=True, soft_wrap=True, show_line_numbers=False,
                       id="doc")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_citation()

    @property
    def citation(self) -> Citation:
        return self.event.citations[self.index]

    def action_citation(self, step: int) -> None:
        count = len(self.event.citations)
        if count < 2:
            self.notify("this event has a single citation")
            return
        self.index = (self.index + step) % count
        self.show_citation()

    def show_citation(self) -> None:
        if self.loaded == self.citation.document:
            self._select()
        else:
            self._load(self.citation.document)

    @work(thread=True, exclusive=True)
    def _load(self, doc_id: str) -> None:
        conn = self.ws.connect()
        try:
            doc = query.get_document(conn, doc_id)
        finally:
            conn.close()
        if doc is not None:
            self.app.call_from_thread(self._set_text, doc_id, doc.text)

    def _set_text(self, doc_id: str, text: str) -> None:
        self.loaded, self.text = doc_id, text
        self.query_one(TextArea).load_text(text)
        self._select()

    def _select(self) -> None:
        c = self.citation
        area = self.query_one(TextArea)
        area.selection = Selection(location(self.text, c.start), location(self.text, c.end))
        area.focus()
        self.call_after_refresh(area.scroll_cursor_visible, center=True, animate=False)
        self.query_one("#doc-header", Static).update(self._header(c))

    def _header(self, c: Citation) -> Text:
        """Three lines, each cut with an ellipsis (app.tcss) so the location is never lost."""
        header = Text()
        header.append(f"{self.event.label} · {one_line(self.event.title)}\n", style="bold")
        header.append(f"citation {self.index + 1}/{len(self.event.citations)} · "
                      f"{c.file or c.document}:{c.line} · {c.source}\n")
        header.append(f"§ {one_line(c.section)}" if c.section else "§ (no section)",
                      style="italic")
        return header
