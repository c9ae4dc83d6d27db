"""The explorer's keys, dialogs and small-terminal layout, driven with Pilot on the seeds."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._key_panel import BindingsTable

from karabakh_tui.app_context import Workspace
from karabakh_tui.model import Citation, Event
from karabakh_tui.tui.app import KarabakhApp, make_app
from karabakh_tui.tui.screens.document import DocumentScreen
from karabakh_tui.tui.screens.explorer import ExplorerScreen, _cells
from karabakh_tui.tui.screens.export import ExportScreen
from tests.tui.test_explorer import SIZE, settle, shown_ids, total

SMALL = (80, 24)


def columns(app: KarabakhApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(c.key.value) for c in table.columns.values()]


async def test_clear_key_shows_every_event_again(seed_env: Workspace,
                                                 seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        pilot.app.screen.query_one("#period", Select).value = "Four-Day War"
        await settle(pilot)
        assert len(shown_ids(pilot.app)) < total(seed_conn)
        pilot.app.screen.query_one(DataTable).focus()
        await pilot.press("x")
        await settle(pilot)
        assert len(shown_ids(pilot.app)) == total(seed_conn)
        assert pilot.app.screen.query_one("#period", Select).is_blank()


async def test_y_copies_event_with_quote_source_and_location(seed_env: Workspace) -> None:
    copied: list[str] = []
    app = make_app(seed_env)
    original = app.copy_to_clipboard
    app.copy_to_clipboard = lambda text: (copied.append(text), original(text))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Sumgait", "enter")
        await settle(pilot)
        event = pilot.app.screen.selected_event()
        await pilot.press("y")
        await pilot.pause()
    assert event is not None and len(copied) == 1
    assert app.clipboard == copied[0]  # Textual's clipboard: OSC 52, works over SSH
    for c in event.citations:
        assert f"“{c.quote}” — {c.source}, {c.file}:{c.line}" in copied[0]
    assert copied[0].startswith(f"{event.label} — {event.title}")


def keys_panel_text(app: KarabakhApp) -> str:
    table = app.screen.query_one(BindingsTable).render_bindings_table()
    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(table)
    return console.export_text()


async def test_question_mark_lists_every_key_with_its_description(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        shown = keys_panel_text(pilot.app)
        for binding in ExplorerScreen.BINDINGS + KarabakhApp.BINDINGS:
            assert binding.description in shown, binding.description  # type: ignore[union-attr]
        await pilot.press("question_mark")
        await settle(pilot)
        assert not pilot.app.screen.query(BindingsTable)


def test_every_binding_has_a_description() -> None:
    for owner in (KarabakhApp, ExplorerScreen, DocumentScreen, ExportScreen):
        for binding in owner.BINDINGS:
            assert binding.description, (owner.__name__, binding.key)  # type: ignore[union-attr]


async def test_command_palette_offers_the_app_actions(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {c.title for c in pilot.app.get_system_commands(pilot.app.screen)}
        assert {"Export view to Markdown", "Clear filters", "Search events"} <= titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "CommandPalette"


async def test_export_dialog_offers_a_default_confirms_and_asks_before_replacing(
        seed_env: Workspace, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    notes: list[str] = []
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        pilot.app.screen.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen)
        default = f"karabakh-{date.today().isoformat()}.md"
        assert dialog.query_one(Input).value == default
        assert str(tmp_path / default) in str(dialog.query_one("#where", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / default
        assert written.is_file() and notes[-1] == f"wrote {total_events(pilot)} events to {written}"
        written.write_text("mine", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        assert "exists" in str(pilot.app.screen.query_one("#where", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert written.read_text(encoding="utf-8") == "mine"  # cancelled: kept
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # the button now says Replace
        await settle(pilot)
        assert written.read_text(encoding="utf-8").startswith("# Chronology")


def total_events(pilot) -> int:  # type: ignore[no-untyped-def]
    return len(shown_ids(pilot.app))


async def test_80x24_hides_the_filter_pane_and_fits_the_columns(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#filters").has_class("hidden")
        assert columns(pilot.app) == ["Date", "Event", "Actors", "Places", "Src"]
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width
        await pilot.press("f")
        await settle(pilot)
        assert not screen.query_one("#filters").has_class("hidden")
        assert columns(pilot.app) == ["Date", "Event", "Src"]  # the detail pane names them
        assert table.virtual_size.width <= table.size.width
        await pilot.press("f")
        await settle(pilot)
        assert table.has_focus and len(columns(pilot.app)) == 5


async def test_passage_header_keeps_the_location_at_80_columns(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Sumgait", "enter")
        await settle(pilot)
        event = pilot.app.screen.selected_event()
        await pilot.press("enter")
        await settle(pilot)
        header = pilot.app.screen.query_one("#doc-header", Static)
        lines = [line.text for line in header.render_lines(header.region.reset_offset)]
        c = event.citations[0]
        assert f"{c.file}:{c.line} · {c.source}" in lines[1]
        assert lines[2].strip() == f"§ {c.section}"


async def test_search_keeps_the_neighbours_in_view(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Shushi", "enter")  # a match far down the table
        await settle(pilot)
        table = pilot.app.screen.query_one(DataTable)
        top = table.scroll_offset.y
        height = table.scrollable_content_region.height
        assert table.cursor_row > 10
        assert top + 2 <= table.cursor_row <= top + height - 3


async def test_ctrl_end_goes_to_the_last_event_past_the_loaded_pages(
        seed_env: Workspace, seed_conn: sqlite3.Connection) -> None:
    last = seed_conn.execute("SELECT id FROM events ORDER BY lower DESC, upper DESC, id DESC "
                             "LIMIT 1").fetchone()[0]
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(pilot.app.screen.view.events) < total(seed_conn)  # lazily hydrated
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert pilot.app.screen.selected_event().id == last


def test_table_cells_are_text_never_markup() -> None:
    title = "Phauēnē [Syunik] and [bold]ISR[/bold] [Intelligence, Surveillance, and Reconnaissance]"
    event = Event("E1", "2020", "2020", "2020", 20200101, 20201231, "year", "2020", title,
                  actors=("[red]X[/red]",), places=("Syunik",),
                  citations=(Citation("d", "S 2021", title, 3, 0, 10),))
    cells = _cells(event, ["Date", "Event", "Actors", "Places", "Src"])
    assert [c.plain for c in cells] == ["2020", title, "[red]X[/red]", "Syunik", "1"]
    assert all(not c.spans for c in cells)
