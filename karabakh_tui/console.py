"""Rendering for the CLI: rich tables in a terminal, plain stable text when piped."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from karabakh_tui.model import Citation, Event
from karabakh_tui.query import Hit, Name
from karabakh_tui.text import one_line, safe_text


def out_console() -> Console:
    return Console(highlight=False, soft_wrap=not interactive())


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def interactive() -> bool:
    """A terminal, as rich decides it (so TTY_COMPATIBLE=1 and FORCE_COLOR count too)."""
    return Console(highlight=False).is_terminal


def cell(value: object) -> Text:
    """Document text as an inert cell: control characters stripped, never markup."""
    return Text(one_line(safe_text(str(value))))


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]],
                ratios: Sequence[int | None] | None = None) -> None:
    """A rich table in a terminal; tab-separated lines with a header when piped."""
    if not interactive():
        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(one_line(safe_text(str(v))) for v in row) + "\n")
        return
    table = Table(title=title, expand=True, show_lines=False, title_justify="left")
    for n, name in enumerate(columns):
        ratio = ratios[n] if ratios else None
        # names need room for a word ("Yerevan,"), or they break mid-word
        table.add_column(name, ratio=ratio, overflow="fold", no_wrap=ratio is None,
                         min_width=8 if ratio else None)
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    out_console().print(table)


def print_hits(hits: Sequence[Hit]) -> None:
    """Search hits: FILE:LINE, section, and the sentence with matched words marked."""
    if not interactive():
        for h in hits:
            sys.stdout.write(f"{h.path}:{h.line}\t{one_line(h.section)}\t"
                             f"{one_line(safe_text(h.text))}\n")
        return
    table = Table(title=f"{len(hits)} sentences", expand=True, title_justify="left")
    table.add_column("where", no_wrap=True, style="cyan")
    table.add_column("section", ratio=1, overflow="fold")
    table.add_column("sentence", ratio=4, overflow="fold")
    for h in hits:
        text = Text(h.text)
        for start, end in h.marked:
            text.stylize("bold reverse", start, end)
        table.add_row(f"{h.path}:{h.line}", cell(h.section), _inert(text))
    out_console().print(table)


def _inert(text: Text) -> Text:
    clean = safe_text(text.plain)
    if clean == text.plain:
        return text
    return Text(one_line(clean))


def _names(values: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" +{len(values) - limit}" if len(values) > limit else "")


def print_events(events: Sequence[Event], names: Mapping[str, str] | None = None) -> None:
    """The events table: id, date, title, actors, places (shown as `names` maps them,
    see `query.place_names`), number of documents citing the event."""
    shown = names or {}
    rows = [(e.id, e.label + (" ~" if e.inferred else ""), e.title, _names(e.actors),
             _names([shown.get(p, p) for p in e.places]), e.n_sources) for e in events]
    print_table(f"{len(events)} events", ("id", "date", "title", "actors", "places", "src"),
                rows, (None, None, 6, 3, 2, None))


def print_event(conn: Any, event: Event) -> None:
    """One event in full: date, names, what its sources disagree on, and every citation
    with its neighbours, grouped by document."""
    from karabakh_tui.query import source_credits

    con = out_console()
    credit_of = source_credits(conn)
    con.print(Text(f"{event.id}  {event.label}  ({event.date}, {event.precision})",
                   style="bold"))
    con.print(Text(safe_text(event.title)))
    for label, values in (("actors", event.actors), ("places", event.places),
                          ("periods", event.periods)):
        con.print(Text(f"{label}: ", style="dim") + Text(", ".join(values) or "—"))
    flags = [f for f, on in (("date inferred from the narrative", event.inferred),
                             ("context: a comparison elsewhere", event.context),
                             ("disputed: the sources disagree", event.disputed)) if on]
    for flag in flags:
        con.print(Text(f"! {flag}", style="yellow"))
    for what, says in event.disagreement_rows():
        con.print(Text(f"  {what}:"))
        width = max(len(source) for source, _ in says)
        for source, value in says:
            con.print(Text(f"    {safe_text(source):<{width}}  says {safe_text(value)}"))
    _print_names_used(con, conn, event)
    _print_related(con, conn, event)
    n = 0
    for group in event.by_document():
        if event.n_sources > 1:
            con.print()
            con.print(Text(f"── {group[0].source} ({group[0].file}): {len(group)} "
                           f"citation{'s' if len(group) > 1 else ''}", style="bold"))
        for c in group:
            n += 1
            _print_citation(con, conn, n, c, credit_of.get(c.document))


def _print_names_used(con: Any, conn: Any, event: Event) -> None:
    """Who calls a place what, e.g. "Toghramadjian 2021: Shushi (Shusha)"."""
    from karabakh_tui.query import names_used

    used = names_used(conn, event.id)
    short = {c.document: c.source for c in event.citations}
    for doc, names in used.items():
        written = ", ".join(f"{safe_text(v)} ({p})" for p, v in names)
        con.print(Text(f"names in {safe_text(short.get(doc, doc))}: {written}", style="dim"))


def _print_related(con: Any, conn: Any, event: Event) -> None:
    """Events the merger kept apart from this one though they may tell the same thing."""
    from karabakh_tui.query import get_event

    if event.related:
        con.print(Text("related, kept apart (may tell the same happening):", style="dim"))
    for other in filter(None, (get_event(conn, rid) for rid in event.related)):
        con.print(Text(f"  {other.id}  {other.label} — {one_line(safe_text(other.title))}",
                       style="dim"))


def _print_citation(con: Any, conn: Any, n: int, c: Citation, credit: str | None) -> None:
    from karabakh_tui.query import neighbours

    before, after = neighbours(conn, c)
    con.print()
    con.print(Text(f"[{n}] {c.source} — {c.file}:{c.line}"
                   + (f" — {c.section}" if c.section else ""), style="bold cyan"))
    if credit:
        con.print(Text(one_line(safe_text(credit)), style="cyan"))
    if before:
        con.print(Text(one_line(safe_text(before)), style="dim"))
    con.print(Text("“" + one_line(safe_text(c.quote)) + "”"))
    if after:
        con.print(Text(one_line(safe_text(after)), style="dim"))
    for note in c.footnotes:
        con.print(Text("  note: " + one_line(safe_text(note)), style="italic"))


def print_vocabulary(kind: str, names: Sequence[Name]) -> None:
    """Actors, places or periods with event counts and other spellings."""
    def spellings(n: Name) -> str:
        return "; ".join(f"{a} ({c})" if c else a for a, c in n.aliases)

    rows = [(n.name, n.events, n.kind, n.detail, spellings(n)) for n in names]
    heading = {"actor": "role", "place": "neutral name", "period": "description"}[kind]
    first = {"actor": "kind", "place": "kind", "period": "edtf"}[kind]
    print_table(f"{len(names)} {kind}s", (kind, "events", first, heading, "other names"),
                rows, (2, None, 1, 3, 4))
