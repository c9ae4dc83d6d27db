"""The main screen: filters, density strip, events table and the highlighted event."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Checkbox,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from karabakh_tui import query
from karabakh_tui.app_context import Workspace
from karabakh_tui.model import Event, Filter
from karabakh_tui.text import one_line
from karabakh_tui.tui.view_cache import Loaded, ViewCache, file_id
from karabakh_tui.tui.widgets.density import DensityStrip
from karabakh_tui.tui.widgets.detail import render_event
from karabakh_tui.tui.widgets.events_table import Cell, EventsTable

PAGE = 200
"""Rows hydrated per page; the table grows as the cursor nears its end."""
WINDOW = PAGE
"""Rows hydrated around the target of a far jump (search n/N, --event, ctrl+end)."""
MAX_ROWS = 10 * PAGE
"""The table never holds more rows than this: past it, it re-windows around the cursor."""
CACHED_VIEWS = 4
"""Views kept to show again at once when their filter comes back (see view_cache)."""


_startup_frozen = False


def _freeze_startup() -> None:
    """Once the first view is painted, move everything alive to the collector's permanent
    generation: Textual's widgets, styles and the imported modules are never garbage, yet
    each full collection walked them all (15-45 ms, every 6-7 filter changes at 100x)."""
    global _startup_frozen
    if not _startup_frozen:
        _startup_frozen = True
        gc.freeze()


def _columns(width: int) -> list[tuple[str, int]]:
    """Column widths for a table `width` cells wide; the event title takes the rest.

    Below 60 cells (80 columns with the filter pane open) actors and places give way:
    the detail pane below the table shows them in full.
    """
    if width < 60:
        widths = [("Date", 12), ("Event", 0), ("Src", 3)]
    elif width < 100:
        widths = [("Date", 15), ("Event", 0), ("Actors", 12), ("Places", 10), ("Src", 3)]
    else:
        widths = [("Date", 21), ("Event", 0), ("Actors", 22), ("Places", 16), ("Src", 3)]
    fixed = sum(w for _, w in widths) + 2 * len(widths) + 2  # cell padding, scrollbar
    return [(name, w or max(20, width - fixed)) for name, w in widths]


def _cells(ev: Event, columns: list[str], shown: Mapping[str, str]) -> list[Text]:
    """The row of `ev` for the columns shown; document text as Text, never markup.

    `shown` maps a canonical place to the name the chosen perspective uses for it.
    """
    values = {"Date": ev.label, "Event": one_line(ev.title), "Actors": ", ".join(ev.actors),
              "Places": ", ".join(shown.get(p, p) for p in ev.places)}
    return [Cell(str(ev.n_sources), justify="right") if c == "Src" else
            Cell(values[c], no_wrap=True, overflow="ellipsis") for c in columns]


_PERSPECTIVE_WORDS = {
    "source": "neutral in lists; quotes as each source wrote them",
    "neutral": "neutral",
    "armenian": "as Armenians name them",
    "azerbaijani": "as Azerbaijanis name them",
}


def _choose(select: Select[str], values: tuple[str, ...]) -> None:
    if values:
        select.value = values[0]
    else:
        select.clear()


@dataclass
class View:
    """What the table shows: every matching id, and the window of them hydrated as rows.

    Table row r is event `ids[offset + r]`, `events[r]` hydrated: a far jump hydrates a
    window around its target instead of every row above it.
    """

    flt: Filter = field(default_factory=Filter)
    ids: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    offset: int = 0
    matches: list[int] = field(default_factory=list)
    conn: Any = None
    """The connection `ids` were read with: later pages come from the same database even
    after a build has replaced the file (never a mix of old and new rows)."""


def _summary(view: View) -> Text:
    described = "; ".join(view.flt.describe()) or "no filters"
    order = " · latest first" if view.flt.sort == "-date" else ""
    return Text(f"{len(view.ids)} events · {described}{order}")


class ExplorerScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Prev match", show=False),
        Binding("f", "toggle_filters", "Filters"),
        Binding("x", "clear", "Clear", tooltip="Clear every filter"),
        Binding("o", "toggle_order", "Order", tooltip="Latest first / oldest first"),
        Binding("e", "export", "Export", tooltip="Export the view to Markdown"),
        Binding("y", "copy", "Copy"),
        Binding("v", "cycle_names", "Names", tooltip="Place names: as the sources write them, "
                "neutral, Armenian or Azerbaijani usage"),
        Binding("escape", "leave_input", "Back to table (closes the keys panel)", show=False),
    ]

    def __init__(self, ws: Workspace, flt: Filter, event_id: str | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.conn = ws.connect()
        self.initial = flt
        self.goto_event = event_id
        self.view = View()
        self.cache = ViewCache(CACHED_VIEWS)
        self.wanted: Filter | None = None
        """The filter last asked for: a slower answer to an earlier one is not shown."""
        self.message = Text()
        self.column_width = 0
        self.latest_first = flt.sort == "-date"
        self.credits = query.source_credits(self.conn)
        self.names = {kind: query.vocabulary(self.conn, kind) for kind in ("actor", "place")}
        self.perspective = "source"
        self.shown_names = query.place_names(self.conn, self.perspective)
        self.detail_of: tuple[Event | None, str] | None = None
        """What the detail pane shows: (event, perspective)."""

    # ---- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with VerticalScroll(id="filters", can_focus=False):  # its inputs take focus
                yield from self._filter_widgets()
            with Vertical(id="main"):
                yield DensityStrip(id="density")
                yield Static(id="status")
                yield EventsTable(id="events", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="detail"):
                    yield Static(id="detail-text")
        yield Input(placeholder="find the next event whose quote has these words (Enter)",
                    id="find")
        yield Footer(compact=True)

    def _filter_widgets(self) -> ComposeResult:
        periods = [(Text(p.name), p.name) for p in query.vocabulary(self.conn, "period")]
        yield Label("Period")
        yield Select(periods, prompt="any period", id="period")
        for kind in ("actor", "place"):
            yield Label(f"{kind.title()}s (type, Enter picks)")
            yield Input(placeholder=f"e.g. {'Aliyev' if kind == 'actor' else 'Shushi'}",
                        id=f"{kind}-q")
            yield SelectionList[str](*self._options(kind, ""), id=f"{kind}s")
        yield Label("From / to (Enter to apply)")
        yield Input(placeholder="from, e.g. Feb 1988", id="from")
        yield Input(placeholder="to, e.g. 200 BCE, 1990s", id="to")
        yield Label("Words in the quote")
        yield Input(placeholder="full-text filter", id="text")
        yield Label("Source")
        sources = [(Text(label), doc) for doc, label in query.source_labels(self.conn)]
        yield Select(sources, prompt="any source", id="source")
        yield Checkbox("Comparison events too", value=True, id="context")

    def _options(self, kind: str, typed: str,
                 chosen: set[str] = frozenset()) -> list[Selection[str]]:  # type: ignore[assignment]
        key = typed.casefold().strip()
        out = []
        for name in self.names[kind]:
            spellings = [name.name, *(a for a, _ in name.aliases)]
            if key and not any(key in s.casefold() for s in spellings) and name.name not in chosen:
                continue
            variants = [a for a, community in name.aliases if community]
            label = Text(name.name)
            if variants:
                label.append(f" ({', '.join(variants)})", style="dim")
            label.append(f" {name.events}", style="dim")
            out.append(Selection(label, name.name, name.name in chosen))
        return out

    def on_mount(self) -> None:
        if self.app.size.width < 110:
            self.query_one("#filters").add_class("hidden")
        self._fit_columns(self._table_width())
        self._set_widgets(self.initial)
        self.refresh_events()
        self.query_one(DataTable).focus()

    def _table_width(self) -> int:
        shown = not self.query_one("#filters").has_class("hidden")
        return self.app.size.width - (32 if shown else 0)

    def _fit_columns(self, width: int) -> None:
        """(Re)build the columns for `width`, keeping the rows and the cursor."""
        if width == self.column_width:
            return
        table = self.query_one(DataTable)
        self.column_width, row, top = width, table.cursor_row, table.scroll_offset.y
        table.clear(columns=True)
        for name, w in _columns(width):
            table.add_column(name, width=w, key=name)
        self._add_rows(self.view.events)
        if self.view.events:  # the rows stay where they were on screen, not just in view
            table.move_cursor(row=row, animate=False, scroll=False)
            table.call_after_refresh(self._scroll_when_laid_out, top)

    def on_resize(self) -> None:
        self._fit_columns(self._table_width())

    def _set_widgets(self, flt: Filter) -> None:
        with self.prevent(Select.Changed, SelectionList.SelectedChanged, Checkbox.Changed):
            _choose(self.query_one("#period", Select), flt.periods)
            for kind, chosen in (("actor", flt.actors), ("place", flt.places)):
                widget = self.query_one(f"#{kind}s", SelectionList)
                widget.clear_options()
                widget.add_options(self._options(kind, "", set(chosen)))
            typed = dict(flt.labels)
            self.query_one("#from", Input).value = typed.get("from", "")
            self.query_one("#to", Input).value = typed.get("to", "")
            self.query_one("#text", Input).value = flt.text
            _choose(self.query_one("#source", Select), flt.sources)
            self.query_one("#context", Checkbox).value = flt.context is not False

    # ---- filters -> query -----------------------------------------------------------

    def current_filter(self) -> Filter:
        """The widgets' values as a Filter, built the way the CLI builds it."""
        from karabakh_tui.cli import filter_from_options

        period = self.query_one("#period", Select)
        source = self.query_one("#source", Select)
        kw: dict[str, Any] = {
            "periods": () if period.is_blank() else (period.value,),
            "actors": tuple(self.query_one("#actors", SelectionList).selected),
            "places": tuple(self.query_one("#places", SelectionList).selected),
            "date_from": self.query_one("#from", Input).value.strip() or None,
            "date_to": self.query_one("#to", Input).value.strip() or None,
            "text": self.query_one("#text", Input).value.strip(),
            "sources": () if source.is_blank() else (source.value,),
            "context": None if self.query_one("#context", Checkbox).value else False,
            "inferred": True, "min_sources": 1, "disputed": False, "all_actors": False,
            "sort": "-date" if self.latest_first else "date", "limit": None,
        }
        return filter_from_options(self.conn, **kw)

    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _filter_changed(self) -> None:
        self.refresh_events()

    @on(Input.Submitted, "#from, #to, #text")
    def _typed_filter(self) -> None:
        self.refresh_events()

    @on(Input.Changed, "#actor-q, #place-q")
    def _narrow(self, event: Input.Changed) -> None:
        kind = event.input.id.removesuffix("-q")  # type: ignore[union-attr]
        widget = self.query_one(f"#{kind}s", SelectionList)
        chosen = set(widget.selected)
        with self.prevent(SelectionList.SelectedChanged):
            widget.clear_options()
            widget.add_options(self._options(kind, event.value, chosen))
        if widget.option_count:
            widget.highlighted = 0  # so Tab then Space picks the first match

    @on(Input.Submitted, "#actor-q, #place-q")
    def _pick_first_match(self, event: Input.Submitted) -> None:
        """Enter picks the first match not yet chosen, so a name is two keystrokes away."""
        if not event.value.strip():
            return
        kind = event.input.id.removesuffix("-q")  # type: ignore[union-attr]
        widget = self.query_one(f"#{kind}s", SelectionList)
        chosen = set(widget.selected)
        for index in range(widget.option_count):
            value = widget.get_option_at_index(index).value
            if value not in chosen:
                widget.select(value)  # SelectedChanged refreshes the events
                widget.highlighted = index
                return

    def refresh_events(self) -> None:
        try:
            flt = self.current_filter()
        except Exception as exc:  # click's Fail and ValueError: a one-line message
            self._status(Text(f"⚠ {getattr(exc, 'message', None) or exc}", style="bold"))
            return
        self.wanted = flt
        kept = self.cache.get(flt, file_id(self.ws.db))
        if kept is not None:
            self._show_loaded(kept)
            return
        self._status(Text("searching…", style="dim"))
        self._load(flt, self._cells_for())

    def _cells_for(self) -> tuple[list[str], Mapping[str, str]]:
        """What a row's cells are made for: the table's columns and the place names shown
        (a new mapping whenever the perspective changes, never changed in place)."""
        table = self.query_one(DataTable)
        return [str(c.key.value) for c in table.columns.values()], self.shown_names

    @work(thread=True, exclusive=True, group="load")
    def _load(self, flt: Filter, made_for: tuple[list[str], Mapping[str, str]]) -> None:
        import sqlite3

        file = file_id(self.ws.db)  # before connecting: see view_cache.file_id
        conn = self.ws.connect()
        try:
            ids = query.event_ids(conn, flt)
            first = query.events_by_id(conn, ids[:PAGE])  # not the filter's query again
            density = query.density_by_year(conn, flt)
        except sqlite3.Error as exc:  # a broken database: say so, keep the app alive
            conn.close()
            self.app.call_from_thread(self._status, Text(f"⚠ the query failed: {exc}"))
            return
        except BaseException:
            conn.close()
            raise
        columns, shown = made_for
        cells = [_cells(ev, columns, shown) for ev in first]  # here, not in the UI thread
        self.app.call_from_thread(self._loaded, Loaded(flt, ids, first, density, conn, file,
                                                       cells, made_for))

    def _loaded(self, loaded: Loaded) -> None:
        dropped = self.cache.put(loaded)
        if loaded.flt == self.wanted:
            self._show_loaded(loaded)  # first: the view shown keeps its connection open
        for conn in [*dropped, loaded.conn]:
            self._release(conn)

    def _show_loaded(self, loaded: Loaded) -> None:
        view = View(loaded.flt, loaded.ids, list(loaded.first), conn=loaded.conn)
        columns, shown = self._cells_for()
        made = loaded.made_for
        fits = made is not None and made[0] == columns and made[1] is shown
        self._show(view, loaded.density, loaded.cells if fits else None)

    def _release(self, conn: Any) -> None:
        """Close a connection neither the table's view nor a kept view reads with."""
        if conn is not None and conn is not self.view.conn and not self.cache.holds(conn):
            conn.close()

    def _show(self, view: View, density: list[tuple[int, int]],
              cells: list[list[Cell]] | None = None) -> None:
        """Show `view`; `cells`: its rows' cells if made already for the current columns."""
        if not _startup_frozen:
            self.call_after_refresh(_freeze_startup)
        previous, self.view = self.view, view
        self._release(previous.conn)
        table = self.query_one(DataTable)
        table.clear()
        self._add_rows(view.events, cells)
        self.query_one(DensityStrip).show(density)
        self._status(_summary(view))
        if self.goto_event and self.goto_event in view.ids:
            self._move_to(view.ids.index(self.goto_event))
            self.goto_event = None
        self._show_detail()

    def _add_rows(self, events: list[Event], cells: list[list[Cell]] | None = None) -> None:
        table = self.query_one(DataTable)
        if cells is None:
            columns, shown = self._cells_for()
            cells = [_cells(ev, columns, shown) for ev in events]
        for ev, row in zip(events, cells, strict=True):
            table.add_row(*row, key=ev.id)

    def _hydrate(self, start: int, stop: int) -> list[Event]:
        """Events `ids[start:stop]`, read with the connection the ids came from."""
        return query.events_by_id(self.view.conn or self.conn, self.view.ids[start:stop])

    def _extend(self, index: int) -> None:
        """Hydrate pages below the window until it holds `index` (a page is fast)."""
        view = self.view
        while view.offset + len(view.events) <= index < len(view.ids):
            end = view.offset + len(view.events)
            more = self._hydrate(end, end + PAGE)
            if not more:
                break
            view.events.extend(more)
            self._add_rows(more)

    def _rewindow(self, index: int) -> None:
        """Make the table the WINDOW rows of the view around `index`."""
        view = self.view
        start = max(0, min(index - WINDOW // 2, len(view.ids) - WINDOW))
        view.offset, view.events = start, self._hydrate(start, start + WINDOW)
        self.query_one(DataTable).clear()
        self._add_rows(view.events)

    def _ensure(self, index: int) -> None:
        """Make the table hold the view's event `index`: extend it if near, else re-window."""
        view = self.view
        end = view.offset + len(view.events)
        if view.offset <= index < end:
            return
        if end <= index < end + PAGE and len(view.events) + PAGE <= MAX_ROWS:
            self._extend(index)
        else:
            self._rewindow(index)

    @property
    def position(self) -> int:
        """The cursor's index in the whole view (`view.ids`), not in the table's window."""
        return self.view.offset + self.query_one(DataTable).cursor_row

    def _status(self, text: Text) -> None:
        self.message = text
        self._show_position()

    def _show_position(self) -> None:
        """The status line: its message, then where the cursor is in the whole view."""
        text = self.message.copy()
        if self.view.events:
            text.append(f" · row {self.position + 1} of {len(self.view.ids)}", style="dim")
        self.query_one("#status", Static).update(text, layout=False)  # one line, always

    # ---- the table and the detail pane ----------------------------------------------

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        view, row = self.view, self.query_one(DataTable).cursor_row  # not the message's:
        # a re-window may have moved the cursor since it was sent
        end = view.offset + len(view.events)
        at_bottom = end < len(view.ids) and row >= len(view.events) - PAGE // 4
        if at_bottom and len(view.events) + PAGE <= MAX_ROWS:
            self._extend(end)
        elif at_bottom or (view.offset and row < PAGE // 4):
            self._move_to(self.position, recentre=True)
        self._show_position()
        self._show_detail()

    @on(EventsTable.WantsLast)
    def _to_last(self) -> None:
        self._move_to(len(self.view.ids) - 1)

    @on(EventsTable.WantsFirst)
    def _to_first(self) -> None:
        self._move_to(0)

    def action_cycle_names(self) -> None:
        """Show place names as another community writes them; quotes keep the source's."""
        at = query.PERSPECTIVES.index(self.perspective)
        self.perspective = query.PERSPECTIVES[(at + 1) % len(query.PERSPECTIVES)]
        self.shown_names = query.place_names(self.conn, self.perspective)
        self.column_width = 0  # redraw the rows with the new names
        self._fit_columns(self._table_width())
        self._show_detail()
        example = ", ".join(f"{p} → {self.shown_names.get(p, p)}"
                            for p in ("Shusha", "Stepanakert", "Nagorno-Karabakh"))
        self.notify(f"place names: {_PERSPECTIVE_WORDS[self.perspective]} ({example})",
                    markup=False)

    def action_toggle_order(self) -> None:
        self.latest_first = not self.latest_first
        self.notify("latest first" if self.latest_first else "oldest first")
        self.refresh_events()

    def selected_event(self) -> Event | None:
        row = self.query_one(DataTable).cursor_row
        return self.view.events[row] if 0 <= row < len(self.view.events) else None

    def _show_detail(self) -> None:
        """Show the highlighted event, unless it is already shown: a new view highlights
        its first row again, and an update lays the screen out again."""
        event = self.selected_event()
        if (event, self.perspective) == self.detail_of:
            return
        self.detail_of = (event, self.perspective)
        detail = render_event(event, self.credits, self.shown_names)
        self.query_one("#detail-text", Static).update(detail)

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        from karabakh_tui.tui.screens.document import DocumentScreen

        event = self.selected_event()
        if event is not None and event.citations:
            self.app.push_screen(DocumentScreen(self.ws, event))

    def _move_to(self, index: int, recentre: bool = False) -> None:
        """Put the cursor on the view's event `index`, centred so its neighbours show.

        `recentre`: the cursor is on `index`, near the window's edge: re-window around
        it, and keep the row where it is on screen so the table does not seem to jump.
        """
        table = self.query_one(DataTable)
        on_screen = table.cursor_row - table.scroll_offset.y
        window = (self.view.offset, table.row_count)
        if recentre:
            self._rewindow(index)
        else:
            self._ensure(index)
        row = index - self.view.offset
        table.move_cursor(row=row, animate=False, scroll=False)
        top = max(0, row - (on_screen if recentre else table.scrollable_content_region.height // 2))
        if (self.view.offset, table.row_count) == window:
            table.scroll_to(y=top, animate=False, immediate=True)
        else:  # new rows: the table knows its height once it has laid them out
            table.call_after_refresh(self._scroll_when_laid_out, top)

    def _scroll_when_laid_out(self, top: int, tries: int = 3) -> None:
        """Scroll the table to `top` once its height holds the new rows: a refresh may come
        before the table has measured them, and a scroll then stops short of the cursor."""
        table = self.query_one(DataTable)
        if table.max_scroll_y < top and tries:
            table.call_after_refresh(self._scroll_when_laid_out, top, tries - 1)
            return
        table.scroll_to(y=top, animate=False, immediate=True)
        if tries:  # the table's own scroll to the cursor may still come after this one
            table.call_after_refresh(self._scrolled_to, min(top, table.max_scroll_y), tries - 1)

    def _scrolled_to(self, top: int, tries: int) -> None:
        if self.query_one(DataTable).scroll_offset.y != top:
            self._scroll_when_laid_out(top, tries)

    # ---- search (moves the cursor; the filters stay as they are) ----------------------

    def action_search(self) -> None:
        find = self.query_one("#find", Input)
        find.add_class("shown")
        find.focus()

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        words = event.value.strip()
        event.input.remove_class("shown")
        self.query_one(DataTable).focus()
        if words:
            self._status(Text("searching…", style="dim"))
            self._search(self.view, words)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, view: View, words: str) -> None:
        """The rows of `view` whose quotes have `words` (a full-text query: a worker); as
        the start of words ("Jebra" for "Jebraïl") when no whole word matches."""
        matches = self._matching(view, words)
        prefixed = query.as_prefixes(words)
        widened = not matches and prefixed != words
        if widened:
            matches = self._matching(view, prefixed)
        self.app.call_from_thread(self._found, view, words, matches, widened)

    def _matching(self, view: View, words: str) -> list[int]:
        # the connection the view's ids came from: the same database even after a rebuild
        hits = set(query.event_ids(view.conn or self.conn, replace(view.flt, text=words,
                                                                   limit=None)))
        return [i for i, eid in enumerate(view.ids) if eid in hits]

    def _found(self, view: View, words: str, matches: list[int], widened: bool = False) -> None:
        if view is not self.view:  # the filters changed meanwhile
            return
        view.matches = matches
        if not matches:
            self._status(_summary(view))
            self.notify(f"no event in this view quotes {words!r}", severity="warning",
                        markup=False)  # the user's words are text, "[b" included
            return
        if widened:
            self.notify(f"no whole word {words!r}: found as the start of words",
                        markup=False)
        self.action_next_match()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self.view.matches:
            self.notify("no search yet: press / and type words", severity="information")
            return
        row = self.position
        after = [m for m in self.view.matches if (m - row) * step > 0]
        target = (min(after) if step > 0 else max(after)) if after else (
            self.view.matches[0] if step > 0 else self.view.matches[-1])
        self._move_to(target)
        n = self.view.matches.index(target) + 1
        self._status(Text(f"match {n} of {len(self.view.matches)} · n/N for next/previous"))

    # ---- other actions --------------------------------------------------------------

    def action_leave_input(self) -> None:
        """Escape: close the keys panel if open, hide the search box, back to the table."""
        if self.query("HelpPanel"):
            self.app.action_hide_help_panel()
        self.query_one("#find", Input).remove_class("shown")
        self.query_one(DataTable).focus()

    def action_toggle_filters(self) -> None:
        pane = self.query_one("#filters")
        pane.toggle_class("hidden")
        self._fit_columns(self._table_width())
        if pane.has_class("hidden"):
            self.query_one(DataTable).focus()
        else:
            self.query_one("#period", Select).focus()

    def action_clear(self) -> None:
        self._set_widgets(Filter())
        for kind in ("actor", "place"):
            self.query_one(f"#{kind}-q", Input).value = ""
        self.refresh_events()

    def action_copy(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        lines = [f"{event.label} — {event.title}"]
        for c in event.citations:
            lines.append(f"“{c.quote}” — {c.source}, {c.file or c.document}:{c.line}")
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify("event and citations copied to the clipboard")

    def action_export(self) -> None:
        from karabakh_tui.tui.screens.export import ExportScreen

        default = f"karabakh-{date.today().isoformat()}.md"
        described = "; ".join(self.view.flt.describe()) or "no filters"
        what = f"the {len(self.view.ids)} events of this view ({described})"
        self.app.push_screen(ExportScreen(default, what), self._export_to)

    def _export_to(self, answer: tuple[str, bool] | None) -> None:
        if answer:
            self._write_export(*answer, self.view.flt)

    @work(thread=True, group="export")
    def _write_export(self, path: str, replace: bool, flt: Filter) -> None:
        from pathlib import Path

        from karabakh_tui.export.write import ExportError, write_atomic
        from karabakh_tui.exporting import render_export

        conn = self.ws.connect()
        try:
            events = query.find_events(conn, flt)
            content = render_export(conn, events, flt, "md", date.today())
            write_atomic(Path(path), content, force=replace)
        except (ExportError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        finally:
            conn.close()
        self.app.call_from_thread(
            self.notify, f"wrote {len(events)} events to {Path(path).resolve()}", markup=False)
