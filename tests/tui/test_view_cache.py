"""Views kept for a filter that comes back: the same rows as reading them again, and
never rows of a database file a build has since replaced."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from textual.widgets import Select

from karabakh_tui import query
from karabakh_tui.app_context import Workspace
from karabakh_tui.model import Filter
from karabakh_tui.tui.app import make_app
from karabakh_tui.tui.view_cache import Loaded, ViewCache, file_id

from .test_explorer import SIZE, settle, shown_ids

WAR = "Second Karabakh War"


def _loaded(flt: Filter, file: tuple[int, int, int, int] | None) -> Loaded:
    return Loaded(flt, [], [], [], sqlite3.connect(":memory:"), file)


def test_the_least_recently_used_view_goes_first() -> None:
    cache, file = ViewCache(2), (1, 2, 3, 4)
    a, b, c = (_loaded(Filter(text=t), file) for t in "abc")
    assert cache.put(a) == [] and cache.put(b) == []
    assert cache.get(a.flt, file) is a  # a is now the most recent
    assert cache.put(c) == [b.conn]
    assert cache.get(b.flt, file) is None and cache.get(c.flt, file) is c


def test_a_view_of_another_file_is_never_served() -> None:
    cache = ViewCache(4)
    old = _loaded(Filter(), (1, 2, 3, 4))
    cache.put(old)
    assert cache.get(Filter(), (1, 9, 3, 4)) is None and cache.get(Filter(), None) is None
    new = _loaded(Filter(text="x"), (1, 9, 3, 4))
    assert cache.put(new) == [old.conn]  # read from the replaced file: dropped
    assert not cache.holds(old.conn) and cache.holds(new.conn)


def test_file_id_changes_when_a_build_replaces_the_file(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    db.write_bytes(b"one")
    before = file_id(db)
    (tmp_path / "new").write_bytes(b"two")
    os.replace(tmp_path / "new", db)
    assert before is not None and file_id(db) not in (None, before)
    assert file_id(tmp_path / "missing") is None


async def test_a_filter_toggled_off_shows_the_kept_view(seed_env: Workspace,
                                                       seed_conn: sqlite3.Connection) -> None:
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        first_conn = screen.view.conn
        select = screen.query_one("#period", Select)
        select.value = WAR
        await settle(pilot)
        assert len(shown_ids(pilot.app)) < len(query.event_ids(seed_conn, Filter()))
        select.clear()
        await settle(pilot)
        assert shown_ids(pilot.app) == query.event_ids(seed_conn, Filter())
        assert screen.view.conn is first_conn  # the kept view, not a new query
        assert [e.id for e in screen.view.events] == shown_ids(pilot.app)[:len(screen.view.events)]


async def test_after_a_build_replaces_the_database_the_view_is_read_again(
        seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "karabakh.sqlite"
    shutil.copy(seed_db, db)
    async with make_app(Workspace(tmp_path, db)).run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = shown_ids(pilot.app)
        rebuilt = tmp_path / "rebuilt.sqlite"
        shutil.copy(seed_db, rebuilt)
        with sqlite3.connect(rebuilt) as conn:  # a corpus with its five earliest events gone
            conn.execute("DELETE FROM events WHERE id IN "
                         "(SELECT id FROM events ORDER BY lower, upper, id LIMIT 5)")
        os.replace(rebuilt, db)
        select = pilot.app.screen.query_one("#period", Select)
        select.value = WAR
        await settle(pilot)
        select.clear()
        await settle(pilot)
        assert shown_ids(pilot.app) == before[5:]


async def test_with_no_views_kept_the_shown_view_keeps_its_connection(
        seed_env: Workspace, seed_conn: sqlite3.Connection, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A view dropped from the cache at once is still the table's: its later pages load."""
    from karabakh_tui.tui.screens import explorer

    monkeypatch.setattr(explorer, "CACHED_VIEWS", 0)
    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        select = pilot.app.screen.query_one("#period", Select)
        select.value = WAR
        await settle(pilot)
        select.clear()
        await settle(pilot)
        pilot.app.screen.query_one("#events").focus()
        await pilot.press("ctrl+end")
        await settle(pilot)
        last = query.event_ids(seed_conn, Filter())[-1]
        assert pilot.app.is_running and pilot.app.screen.selected_event().id == last


async def test_a_kept_view_shows_its_cells_again_unless_the_names_changed(
        seed_env: Workspace) -> None:
    """The worker makes the first page's cells; a kept view shown again adds those very
    cells, and makes them again when the place names shown have changed since (`v`)."""
    from textual.widgets import DataTable

    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        table = screen.query_one(DataTable)
        places_at = [str(c.key.value) for c in table.columns.values()].index("Places")
        made = list(table.get_row_at(0))
        select = screen.query_one("#period", Select)
        select.value = WAR
        await settle(pilot)
        select.clear()
        await settle(pilot)
        assert all(a is b for a, b in zip(table.get_row_at(0), made, strict=True))
        while screen.perspective != "armenian":
            await pilot.press("v")
            await settle(pilot)
        select.value = WAR
        await settle(pilot)
        select.clear()  # the kept unfiltered view, its cells made for the neutral names
        await settle(pilot)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert not any(a is b for a, b in zip(rows[0], made, strict=True))
        names = screen.shown_names
        for row, event in zip(rows, screen.view.events, strict=True):
            assert str(row[places_at]) == ", ".join(names.get(p, p) for p in event.places)
        assert any("Shushi" in str(row[places_at]) for row in rows)


async def test_a_kept_view_draws_as_it_did_and_a_new_theme_draws_anew(
        seed_env: Workspace) -> None:
    """Cells drawn once are drawn again from the table's cache, which outlives the rows;
    the screen is the same as when the view was first shown, and a theme is never drawn
    with the colours of the one before."""

    async def round_trip() -> str:
        select = pilot.app.screen.query_one("#period", Select)
        select.value = WAR
        await settle(pilot)
        select.clear()
        await settle(pilot)
        return pilot.app.export_screenshot()

    async with make_app(seed_env).run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = pilot.app.export_screenshot()
        assert await round_trip() == first
        pilot.app.theme = "textual-light"
        await settle(pilot)
        light = pilot.app.export_screenshot()
        assert light != first
        assert await round_trip() == light
