"""The explorer driven with Textual's Pilot on the real seeds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import DataTable, Input, Select, SelectionList, TextArea

from karabakh_tui.app_context import Workspace
from karabakh_tui.cli import cli
from karabakh_tui.tui.app import KarabakhApp, make_app
from karabakh_tui.tui.screens.document import DocumentScreen
from karabakh_tui.tui.screens.explorer import ExplorerScreen

SIZE = (120, 40)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def export_with_the_key(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """`e`, the dialog's path set to `path`, Enter: the export as a user makes it."""
    await pilot.press("e")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def shown_ids(app: KarabakhApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, ExplorerScreen)
    return list(screen.view.ids)


def total(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events").fetchone()[0]


async def test_period_changes_rows(seed_env: Workspace, seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(shown_ids(pilot.app)) == total(seed_conn)
        pilot.app.screen.query_one("#period", Select).value = "Second Karabakh War"
        await settle(pilot)
        ids = shown_ids(pilot.app)
        in_war = {r[0] for r in seed_conn.execute(
            "SELECT event_id FROM event_periods WHERE period = 'Second Karabakh War'")}
        assert ids and set(ids) == in_war


async def test_actor_and_place_narrow(seed_env: Workspace, seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#actors", SelectionList).select("Azerbaijan")
        await settle(pilot)
        with_actor = shown_ids(pilot.app)
        # typing the Armenian name narrows the list to Shusha
        place_q = screen.query_one("#place-q", Input)
        place_q.value = "Shushi"
        await settle(pilot)
        places = screen.query_one("#places", SelectionList)
        assert [places.get_option_at_index(i).value for i in range(places.option_count)] == \
            ["Shusha"]
        places.select("Shusha")
        await settle(pilot)
        both = shown_ids(pilot.app)
        assert 0 < len(both) < len(with_actor) < total(seed_conn)
        for eid in both:
            assert seed_conn.execute("SELECT 1 FROM event_places WHERE event_id = ? AND place "
                                     "IN ('Shusha', 'Ghazanchetsots Cathedral')", (eid,)).fetchone()


async def test_date_range_and_full_text(seed_env: Workspace, seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#filters").remove_class("hidden")
        screen.query_one("#from", Input).value = "February 1988"
        screen.query_one("#to", Input).value = "1988"
        screen.query_one("#text", Input).value = "Sumgait"
        screen.query_one("#text", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        ids = shown_ids(pilot.app)
        assert ids
        for eid in ids:
            lo, hi = seed_conn.execute("SELECT lower, upper FROM events WHERE id = ?",
                                       (eid,)).fetchone()
            assert hi >= 19880201 and lo <= 19881231


async def test_bad_date_is_a_one_line_message(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#from", Input).value = "1988-13"
        screen.query_one("#from", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        status = str(screen.query_one("#status").render())
        assert "month 13" in status and "\n" not in status.strip()


async def test_search_moves_cursor_and_keeps_filters(seed_env: Workspace) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(shown_ids(pilot.app))
        await pilot.press("slash", *"Sumgait", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        event = screen.selected_event()
        assert event is not None and any("Sumgait" in c.quote for c in event.citations)
        first = screen.query_one(DataTable).cursor_row
        await pilot.press("n")
        assert screen.query_one(DataTable).cursor_row > first
        assert len(shown_ids(pilot.app)) == before  # search is not a filter


async def test_search_finds_the_start_of_a_word_when_no_whole_word_matches(
        seed_env: Workspace) -> None:
    # 004 line 1707: "a sudden attack in the Jebraïl region on 21 October"; no word of the
    # seeds is "Jebra", so the search tries it as the start of words
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Jebra", "enter")
        await settle(pilot)
        event = pilot.app.screen.selected_event()
        assert event is not None
        assert any("Jebra" in c.quote for c in event.citations)
        assert any("start of words" in n.message for n in pilot.app._notifications)


async def test_enter_opens_passage_n_p_and_escape(seed_env: Workspace,
                                                  seed_conn: sqlite3.Connection) -> None:
    eid = seed_conn.execute("SELECT id FROM events WHERE n_citations >= 2 ORDER BY lower "
                            "LIMIT 1").fetchone()[0]
    async with make_app(seed_env, event_id=eid).run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one(DataTable)
        row = table.cursor_row
        event = pilot.app.screen.selected_event()
        assert event.id == eid
        await pilot.press("enter")
        await settle(pilot)
        doc = pilot.app.screen
        assert isinstance(doc, DocumentScreen)
        area = doc.query_one(TextArea)
        assert area.selected_text == event.citations[0].quote
        y = area.cursor_screen_offset.y  # the end of the quote is on screen
        assert area.region.y <= y < area.region.bottom
        await pilot.press("n")
        await settle(pilot)
        assert doc.query_one(TextArea).selected_text == event.citations[1].quote
        await pilot.press("p")
        await settle(pilot)
        assert doc.query_one(TextArea).selected_text == event.citations[0].quote
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExplorerScreen)
        assert pilot.app.screen.query_one(DataTable).cursor_row == row


async def test_export_key_matches_cli_export(seed_env: Workspace, tmp_path: Path) -> None:
    cli_file, tui_file = tmp_path / "cli.md", tmp_path / "tui.md"
    result = CliRunner().invoke(cli, ["export", "--period", "Second Karabakh War",
                                      "-o", str(cli_file)])
    assert result.exit_code == 0, result.output
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        pilot.app.screen.query_one("#period", Select).value = "Second Karabakh War"
        await settle(pilot)
        await export_with_the_key(pilot, tui_file)
    assert tui_file.read_bytes() == cli_file.read_bytes()


def test_document_text_is_never_markup() -> None:
    from karabakh_tui.model import Citation, Event
    from karabakh_tui.tui.widgets.detail import render_event

    quote = "Phauēnē [Syunik] and [bold]ISR[/bold] \x1b[31mred"
    event = Event("E1", "2020", "2020", "2020", 20200101, 20201231, "year", "2020", quote,
                  citations=(Citation("d", "S 2021", quote, 3, 0, 10),))
    plain = render_event(event).plain
    assert "Phauēnē [Syunik] and [bold]ISR[/bold]" in plain and "\x1b" not in plain


async def test_enter_in_the_narrowing_box_picks_the_first_match(
        seed_env: Workspace, seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#place-q", Input).focus()
        await pilot.press(*"Shushi", "enter")
        await settle(pilot)
        assert screen.query_one("#places", SelectionList).selected == ["Shusha"]
        assert screen.view.flt.places == ("Shusha",)
        ids = shown_ids(pilot.app)
        assert 0 < len(ids) < total(seed_conn)
        # Enter again with nothing left to pick, or on an empty box, changes nothing
        await pilot.press("enter")
        screen.query_one("#place-q", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#places", SelectionList).selected == ["Shusha"]
