"""Ask where to write the Markdown export of the current view, and whether to replace."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ExportScreen(ModalScreen[tuple[str, bool] | None]):
    """Answers (path, replace an existing file) or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default: str, what: str) -> None:
        super().__init__()
        self.default = default
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Export {self.what} to Markdown. Write to:"))
            yield Input(self.default, id="path")
            yield Static(id="where")
            with Horizontal():
                yield Button("Write", variant="primary", id="write")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._explain(self.default)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._explain(event.value)

    def _explain(self, typed: str) -> None:
        """Say the absolute path, and whether Write would replace a file there."""
        path = Path(typed.strip() or ".").expanduser().resolve()
        exists = path.is_file()
        self.query_one("#write", Button).label = "Replace" if exists else "Write"
        note = f"{path}" + ("\nexists: Replace overwrites it" if exists else "")
        self.query_one("#where", Static).update(Text(note, style="dim"))

    @on(Input.Submitted)
    @on(Button.Pressed, "#write")
    def _write(self) -> None:
        typed = self.query_one(Input).value.strip()
        if typed:
            path = Path(typed).expanduser()
            self.dismiss((str(path), path.is_file()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
