"""The `karabakh` command: quick lookups, exports and the explorer.

Imports stay light: the read path never imports Textual or the build side; those load
inside the commands that need them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from karabakh_tui.app_context import Workspace
from karabakh_tui.model import SORTS, Filter
from karabakh_tui.text import safe_text

if TYPE_CHECKING:
    import sqlite3

FORMATS = ("table", "json", "csv", "md", "timeline")


class Fail(click.ClickException):
    """A user error: one line on stderr, exit status 2, no traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(safe_text(message))  # it may quote what the user or a file said


def _say(message: str) -> None:
    click.echo(safe_text(message), err=True)


# ---- workspace -----------------------------------------------------------------------


def _workspace(ctx: click.Context) -> Workspace:
    obj = ctx.find_root().obj or {}
    return Workspace.locate(obj.get("corpus"), obj.get("db"))


def _ensure_built(ws: Workspace, force: bool = False, asked: bool = False) -> None:
    """Build on first run, or when the corpus, extractor or schema changed.

    A read-only database is served as it is, with a warning; unless the build was `asked`
    for (`karabakh build`), which then fails.
    """
    from karabakh_tui.corpus.manifest import ManifestError

    try:
        reason = "rebuild requested" if force else ws.why_stale()
    except ManifestError as exc:
        raise Fail(str(exc)) from None
    if reason is None:
        return
    if ws.db.exists() and not _writable(ws.db):
        if asked:
            raise Fail(f"cannot build: {ws.db} is read-only ({reason}); pass --db PATH "
                       "somewhere writable")
        _say(f"warning: {reason}, but {ws.db} is read-only; serving the existing database")
        return
    _say(f"Building {ws.db} from {ws.corpus} ({reason})…")
    try:
        report: Any = ws.build(lambda message: _say(f"  {message}"))
    except ManifestError as exc:
        raise Fail(str(exc)) from None
    except OSError as exc:
        raise Fail(f"cannot write the database at {ws.db} ({exc.strerror}); "
                   "pass --db PATH somewhere writable") from None
    _say(f"  {report.documents} documents, {report.sentences} sentences, "
         f"{report.events} events in {report.seconds:.2f} s")


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect(ctx: click.Context) -> Any:
    ws = _workspace(ctx)
    _ensure_built(ws)
    from karabakh_tui.store.read import DatabaseMissing

    try:
        return ws.connect()
    except DatabaseMissing as exc:
        raise Fail(str(exc)) from None


# ---- completion ----------------------------------------------------------------------


def _complete(kind: str) -> Callable[[click.Context, click.Parameter, str], list[str]]:
    def complete(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
        from karabakh_tui.names import fold
        from karabakh_tui.query import name_list

        try:
            ws = _workspace(ctx)
            conn = ws.connect()
        except Exception:  # completion must never print a traceback into the shell
            return []
        key = fold(incomplete)
        return [_for_shell(n) for n in name_list(conn, kind) if fold(n).startswith(key)]

    return complete


def _for_shell(name: str) -> str:
    """Bash inserts a completion as typed text: "Second Karabakh War" would become three
    words, so spaces and quotes get a backslash there, doubled because click's bash script
    reads each line with `read` (which drops one). zsh and fish quote completions themselves.
    """
    import os

    if os.environ.get("_KARABAKH_COMPLETE", "").startswith("bash"):
        return name.replace("'", "\\\\'").replace(" ", "\\\\ ")
    return name


def _complete_sources(ctx: click.Context, _p: click.Parameter, incomplete: str) -> list[str]:
    from karabakh_tui.query import source_ids

    try:
        return [s for s in source_ids(_workspace(ctx).connect()) if s.startswith(incomplete)]
    except Exception:  # see _complete
        return []


# ---- filters -------------------------------------------------------------------------


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filter options shared by `events`, `export` and `tui`."""
    options = [
        click.option("--period", "periods", multiple=True, shell_complete=_complete("period"),
                     help="Named period, e.g. 'Second Karabakh War' (repeatable: any)."),
        click.option("--actor", "actors", multiple=True, shell_complete=_complete("actor"),
                     help="Actor by any of its names (repeatable: any of them)."),
        click.option("--all-actors", is_flag=True, help="Require every --actor, not any."),
        click.option("--place", "places", multiple=True, shell_complete=_complete("place"),
                     help="Place by any variant, e.g. Shushi or Shusha (repeatable)."),
        click.option("--from", "date_from", metavar="DATE",
                     help="From this date: 1988, 1988-02, '27 September 2020', '200 BCE', "
                          "'4th century', 1990s."),
        click.option("--to", "date_to", metavar="DATE", help="Up to this date (same forms)."),
        click.option("--search", "text", default="", help="Full-text search in the quotes."),
        click.option("--source", "sources", multiple=True, shell_complete=_complete_sources,
                     help="Only events cited by this document id (repeatable)."),
        click.option("--context/--no-context", default=None,
                     help="Only comparison events elsewhere in the world / hide them."),
        click.option("--inferred/--no-inferred", default=True,
                     help="Show events whose date comes from the surrounding narrative."),
        click.option("--min-sources", type=click.IntRange(1), default=1,
                     help="Only events cited by at least N documents."),
        click.option("--disputed", is_flag=True, help="Only events whose sources disagree."),
        click.option("--sort", type=click.Choice(SORTS), default="date", help="Order."),
        click.option("--limit", type=click.IntRange(1), default=None, help="At most N events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filter_from_options(conn: Any, **kw: Any) -> Filter:
    """CLI option values -> Filter; names resolved, dates parsed, errors as Fail."""
    from karabakh_tui.query import NameError_, resolve_name

    labels: list[tuple[str, str]] = []
    resolved: dict[str, tuple[str, ...]] = {}
    for option, kind in (("periods", "period"), ("actors", "actor"), ("places", "place")):
        values = []
        for raw in kw[option]:
            try:
                values.append(resolve_name(conn, kind, raw))
            except NameError_ as exc:
                raise Fail(str(exc)) from None
            labels.append((kind, raw))
        resolved[option] = tuple(dict.fromkeys(values))
    lower, upper = _date_bounds(kw["date_from"], kw["date_to"])
    known = set(_source_ids(conn))
    for src in kw["sources"]:
        if src not in known:
            raise Fail(f"unknown source {src!r}; see 'karabakh sources' for the ids")
    labels += [(k, str(kw[k])) for k in ("date_from", "date_to") if kw[k]]
    labels += [("search", kw["text"])] if kw["text"] else []
    labels += [("source", s) for s in kw["sources"]]
    for flag in ("context", "min_sources", "disputed", "all_actors"):
        if kw[flag] not in (None, False, 1):
            labels.append((flag.replace("_", " "), str(kw[flag]).lower()))
    if not kw["inferred"]:
        labels.append(("inferred dates", "hidden"))
    return Filter(
        periods=resolved["periods"], actors=resolved["actors"], all_actors=kw["all_actors"],
        places=resolved["places"], date_from=lower, date_to=upper, text=kw["text"],
        sources=tuple(kw["sources"]), context=kw["context"], inferred=kw["inferred"],
        min_sources=kw["min_sources"], disputed=kw["disputed"], sort=kw["sort"],
        limit=kw["limit"], labels=tuple((k.replace("date_", ""), v) for k, v in labels),
    )


def _source_ids(conn: Any) -> list[str]:
    from karabakh_tui.query import source_ids

    return source_ids(conn)


def _date_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    def parse(option: str, value: str | None) -> tuple[int, int] | None:
        if not value:
            return None
        # only now: importing the tagger compiles its patterns, ~100 ms of a lookup
        from karabakh_tui.extract.dates import parse_user_date

        try:
            return parse_user_date(value)
        except ValueError as exc:
            raise Fail(f"--{option} {value!r}: {exc}") from None

    low, high = parse("from", date_from), parse("to", date_to)
    if low and high and low[0] > high[1]:
        raise Fail(f"--from {date_from} is after --to {date_to}; swap them")
    return (low[0] if low else None), (high[1] if high else None)


def _events_and_filter(ctx: click.Context, kw: dict[str, Any]) -> tuple[Any, Filter, list[Any]]:
    from karabakh_tui.query import find_events

    conn = _connect(ctx)
    flt = filter_from_options(conn, **kw)
    return conn, flt, find_events(conn, flt)


def with_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a broken or missing database into one line instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import sqlite3

        try:
            return func(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise Fail(f"the database cannot be read ({exc}); run 'karabakh build'") from None
        except BrokenPipeError:
            sys.stderr.close()

    return wrapper


# ---- commands ------------------------------------------------------------------------


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", envvar="KARABAKH_CORPUS", type=click.Path(file_okay=False),
              help="Folder of documents (default: the bundled seeds). Env: KARABAKH_CORPUS.")
@click.option("--db", envvar="KARABAKH_DB", type=click.Path(dir_okay=False),
              help="Database file (default: db/karabakh.sqlite beside the seeds). "
                   "Env: KARABAKH_DB.")
@click.version_option(package_name="karabakh-tui")
@click.pass_context
def cli(ctx: click.Context, corpus: str | None, db: str | None) -> None:
    """Explore a cited chronology of the Nagorno-Karabakh conflict.

    With no command, opens the explorer on the bundled seeds (building the database on
    first run).

    \b
    Examples:
      karabakh
      karabakh events --actor Azerbaijan --period "Second Karabakh War"
      karabakh search Sumgait
    """
    ctx.obj = {"corpus": corpus, "db": db}
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


@cli.command()
@click.option("--force", is_flag=True, help="Rebuild even when the database is current.")
@click.pass_context
@with_errors
def build(ctx: click.Context, force: bool) -> None:
    """Build (or rebuild) the database from the corpus.

    \b
    Example:
      karabakh build --force
    """
    ws = _workspace(ctx)
    _ensure_built(ws, force=force, asked=True)
    if not force and ws.why_stale() is None:
        _say(f"{ws.db} is up to date")


@cli.command()
@click.pass_context
@with_errors
def sources(ctx: click.Context) -> None:
    """List the documents of the corpus.

    \b
    Example:
      karabakh sources
    """
    from karabakh_tui.console import print_table
    from karabakh_tui.query import sources as list_sources

    rows = [(r["id"], r["author"], r["title"], r["written"] or "?", r["n_sentences"],
             r["n_footnotes"], r["n_events"]) for r in list_sources(_connect(ctx))]
    print_table("Sources", ("id", "author", "title", "written", "sentences", "footnotes",
                            "events"), rows, (2, 2, 5, 1, 1, 1, 1))


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1), default=50, help="At most N hits.")
@click.pass_context
@with_errors
def search(ctx: click.Context, text: str, limit: int) -> None:
    """Full-text search over every sentence, with FILE:LINE and section.

    Every word must match; place variants match each other (Shusha finds Shushi).

    \b
    Example:
      karabakh search Sumgait
    """
    from karabakh_tui.console import print_hits
    from karabakh_tui.query import as_prefixes, search_sentences

    conn = _connect(ctx)
    hits = search_sentences(conn, text, limit)
    if not hits:
        prefixed = as_prefixes(text)
        found = len(search_sentences(conn, prefixed, _HINT_LIMIT)) if prefixed != text else 0
        _say(f"no sentence matches {text!r}" + _prefix_hint(found, "", text))
        return
    print_hits(hits)


_HINT_LIMIT = 50


def _prefix_hint(found: int, option: str, words: str) -> str:
    """What to type to find the words as the start of longer ones ("Jebra")."""
    if not found:
        return ""
    import shlex

    from karabakh_tui.query import as_prefixes

    more = " or more" if found >= _HINT_LIMIT else ""
    return (f"; {found}{more} match them as the start of words, "
            f"with {option}{shlex.quote(as_prefixes(words))}")


def _count_with_prefixes(conn: sqlite3.Connection, flt: Filter) -> int:
    from karabakh_tui.query import as_prefixes, event_ids

    if not flt.text or as_prefixes(flt.text) == flt.text:
        return 0
    return len(event_ids(conn, replace(flt, text=as_prefixes(flt.text), limit=_HINT_LIMIT)))


@cli.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
              help="Output format (json follows the documented contract).")
@click.option("--names", type=click.Choice(("source", "neutral", "armenian", "azerbaijani")),
              default="source", help="How place names are shown in lists.")
@click.option("--sql", is_flag=True, help="Print the SQL and parameters instead.")
@click.pass_context
@with_errors
def events(ctx: click.Context, fmt: str, names: str, sql: bool, **kw: Any) -> None:
    """List events matching the filters.

    \b
    Examples:
      karabakh events --actor Azerbaijan --period "Second Karabakh War"
      karabakh events --place Shushi --format json
      karabakh events --from 1988 --to 1994 --search pogrom
    """
    conn, flt, found = _events_and_filter(ctx, kw)
    if sql:
        from karabakh_tui.query import events_sql

        statement, params = events_sql(conn, flt)
        click.echo(statement)
        click.echo(repr(params))
        return
    if not found:
        _say("no events match these filters" + _prefix_hint(
            _count_with_prefixes(conn, flt), "--search ", flt.text))
        return
    if fmt == "table":
        from karabakh_tui.console import print_events
        from karabakh_tui.query import place_names

        print_events(found, place_names(conn, names))
        return
    from karabakh_tui.exporting import render_export

    sys.stdout.write(render_export(conn, found, flt, fmt, date.today()))


@cli.command()
@click.argument("event_id")
@click.pass_context
@with_errors
def show(ctx: click.Context, event_id: str) -> None:
    """Show one event with every citation, its neighbours and footnotes.

    \b
    Example:
      karabakh show E0042
    """
    from karabakh_tui.console import print_event
    from karabakh_tui.query import get_event

    conn = _connect(ctx)
    event = get_event(conn, event_id)
    if event is None:
        raise Fail(f"no event {event_id!r}; find ids with 'karabakh events'")
    print_event(conn, event)


@cli.command()
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="File to write; the format follows its extension (.md, .json, .csv).")
@click.option("--format", "fmt", type=click.Choice(FORMATS[1:]), default=None,
              help="Format, overriding the extension (timeline needs it).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
@with_errors
def export(ctx: click.Context, output: str, fmt: str | None, force: bool, **kw: Any) -> None:
    """Export the filtered chronology to a file (Markdown with footnoted citations).

    \b
    Examples:
      karabakh export --period "Second Karabakh War" -o war.md
      karabakh export --place Shusha -o shusha.json
      karabakh export --format timeline -o timeline.json
    """
    from karabakh_tui.export.write import ExportError, format_for, write_atomic
    from karabakh_tui.exporting import render_export

    path = Path(output)
    try:
        chosen = format_for(path, fmt)
    except ExportError as exc:
        raise Fail(str(exc)) from None
    conn, flt, found = _events_and_filter(ctx, kw)
    content = render_export(conn, found, flt, chosen, date.today())
    try:
        write_atomic(path, content, force=force)
    except ExportError as exc:
        raise Fail(str(exc)) from None
    _say(f"wrote {len(found)} events to {path} ({chosen})")


def _vocabulary_command(kind: str, example: str) -> click.Command:
    @click.pass_context
    @with_errors
    def command(ctx: click.Context) -> None:
        from karabakh_tui.console import print_vocabulary
        from karabakh_tui.query import vocabulary

        print_vocabulary(kind, vocabulary(_connect(ctx), kind))

    command.__doc__ = (f"List the {kind}s you can filter on, with event counts and aliases.\n\n"
                       f"    \b\n    Example:\n      {example}\n")
    return click.command(name=f"{kind}s")(command)


cli.add_command(_vocabulary_command("actor", "karabakh actors"))
cli.add_command(_vocabulary_command("place", "karabakh places | grep -i shush"))
cli.add_command(_vocabulary_command("period", "karabakh periods"))


@cli.command()
@filter_options
@click.option("--event", "event_id", default=None, help="Open with this event selected.")
@click.pass_context
@with_errors
def tui(ctx: click.Context, event_id: str | None, **kw: Any) -> None:
    """Open the explorer (the default command).

    \b
    Example:
      karabakh tui --period "Second Karabakh War" --event E0042
    """
    ws = _workspace(ctx)
    conn = _connect(ctx)
    flt = filter_from_options(conn, **{**_defaults(kw)})
    if event_id:
        from karabakh_tui.query import get_event

        found = get_event(conn, event_id)
        if found is None:
            raise Fail(f"no event {event_id!r}; find ids with 'karabakh events'")
        event_id = found.id
    conn.close()
    try:
        from karabakh_tui.tui.app import run_app
    except ImportError:
        ctx.invoke(sources)
        _say("The explorer is not built yet; try 'karabakh search Sumgait' or "
             "'karabakh --help'.")
        return
    run_app(ws, flt, event_id)


def _defaults(kw: dict[str, Any]) -> dict[str, Any]:
    return kw


def main() -> None:
    cli(prog_name="karabakh")


import karabakh_tui.cli_add  # noqa: E402, F401  (registers `karabakh add`)
