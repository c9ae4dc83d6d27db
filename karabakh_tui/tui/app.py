"""The Textual explorer: `karabakh` with no arguments, or `karabakh tui [filters]`."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from karabakh_tui.app_context import Workspace
from karabakh_tui.model import Filter
from karabakh_tui.tui.screens.explorer import ExplorerScreen


class KarabakhApp(App[None]):
    """Explore the chronology: filter, read the event, jump to the passage."""

    TITLE = "karabakh"
    SUB_TITLE = "chronology of the Nagorno-Karabakh conflict"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "keys", "Keys", key_display="?"),
    ]

    def __init__(self, ws: Workspace, flt: Filter | None = None,
                 event_id: str | None = None, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        self.ws = ws
        self.initial_filter = flt or Filter()
        self.initial_event = event_id

    def on_mount(self) -> None:
        self.push_screen(ExplorerScreen(self.ws, self.initial_filter, self.initial_event))

    def action_keys(self) -> None:
        """Show or hide every key of the current screen (Textual's key panel)."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ExplorerScreen):
            yield SystemCommand("Export view to Markdown", "Write the filtered chronology",
                                screen.action_export)
            yield SystemCommand("Clear filters", "Show every event", screen.action_clear)
            yield SystemCommand("Search events", "Find the next event matching words",
                                screen.action_search)
            yield SystemCommand("Toggle filters", "Show or hide the filter pane",
                                screen.action_toggle_filters)


def make_app(ws: Workspace, flt: Filter | None = None, event_id: str | None = None,
             ansi_color: bool | None = None) -> KarabakhApp:
    return KarabakhApp(ws, flt, event_id, ansi_color)


def sixteen_colours() -> bool:
    """A terminal with only the 16 ANSI colours (TERM=xterm, linux console…), as rich sees it.

    There the app draws with the terminal's own ANSI colours instead of approximating
    its truecolor theme, which can make the cursor row vanish.
    """
    from rich.console import Console

    return Console().color_system in ("standard", "windows")


def run_app(ws: Workspace, flt: Filter | None = None, event_id: str | None = None) -> None:
    make_app(ws, flt, event_id, ansi_color=True if sixteen_colours() else None).run()
